// ESLint rule `vigil/layers`: imports point one way, down the list in scripts/layers.mjs.
// Resolves each relative import against the importing file, so depth inside a layer does not matter.
import path from 'node:path';
import { LAYERS } from './layers.mjs';

const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'src');

function layerOf(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const top = rel.split(path.sep)[0];
  return LAYERS.includes(top) ? top : undefined;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'forbid imports from a higher architectural layer' },
    messages: {
      upward: "'{{from}}' may not import from the higher layer '{{to}}' (order: {{order}})",
      unknown: "'{{dir}}' is not a layer listed in scripts/layers.mjs",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    const rel = path.relative(SRC, file);
    if (!from) {
      if (!rel.startsWith('..') && rel.includes(path.sep)) {
        context.report({ loc: { line: 1, column: 0 }, messageId: 'unknown', data: { dir: rel.split(path.sep)[0] } });
      }
      return {};
    }
    function check(node) {
      const source = node.source && node.source.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(file), source));
      if (to && LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
        context.report({ node, messageId: 'upward', data: { from, to, order: LAYERS.join(' → ') } });
      }
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
