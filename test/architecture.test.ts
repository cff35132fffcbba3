import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
// @ts-expect-error: plain ESM helper shared with eslint.config.js, no type declarations
import { layersRule } from '../scripts/eslint-layers.mjs';
// @ts-expect-error: as above
import { LAYERS } from '../scripts/layers.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function folders(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .filter((p) => statSync(p).isDirectory())
    .flatMap((p) => [p, ...folders(p)]);
}

test('ARCHITECTURE.md has exactly one line per folder under src/', () => {
  const doc = readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8');
  const listed = [...doc.matchAll(/^- `(src\/[^`]+)\/`/gm)].map((m) => m[1]!);
  const actual = folders(path.join(root, 'src')).map((p) => path.relative(root, p).split(path.sep).join('/'));
  assert.deepEqual([...listed].sort(), [...actual].sort());
  assert.equal(new Set(listed).size, listed.length, 'a folder is listed twice');
});

test('ARCHITECTURE.md lists the layers in the order the lint rule enforces', () => {
  const doc = readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8');
  const tops = [...doc.matchAll(/^- `src\/([^/`]+)\/`/gm)].map((m) => m[1]!);
  const order = (LAYERS as string[]).filter((l) => tops.includes(l));
  assert.deepEqual(tops, order);
  for (const t of tops) assert.ok((LAYERS as string[]).includes(t), `${t} is not in scripts/layers.mjs`);
});

test('the lint rule refuses an import from a higher layer and allows one from below', () => {
  const linter = new Linter({ configType: 'flat' });
  const config = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser as Linter.Parser },
      plugins: { vigil: { rules: { layers: layersRule } } },
      rules: { 'vigil/layers': 'error' as const },
    },
  ];
  const file = path.join(root, 'src', 'text', 'example.ts');
  const up = linter.verify("import { Extractor } from '../articles/extract.js';\n", config, file);
  assert.equal(up.length, 1);
  assert.match(up[0]!.message, /'text' may not import from the higher layer 'articles'/);
  const down = linter.verify("import { VigilError } from '../core/errors.js';\n", config, file);
  assert.deepEqual(down, []);
  const deep = linter.verify("export * from '../../cli/main.js';\n", config, path.join(root, 'src', 'extractors', 'tokens', 'x.ts'));
  assert.equal(deep.length, 1);
});
