// Builds dist/: every source file under src/ transpiled to JavaScript in the same place
// (dist/cli/main.js for src/cli/main.ts), and the data files beside them copied, so `vigil`
// starts without transpiling TypeScript. dist/ sits at the same depth as src/, so paths a module
// finds from its own location (models/, lexicons, the web client) resolve the same from both.
// Runs at `npm ci` (prepare); bin/vigil.js falls back to the sources when dist/ is missing or
// older than them.
import { build } from 'esbuild';
import { TRANSPILE } from './transpile.mjs';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const src = path.join(root, 'src');
const out = path.join(root, 'dist');
const files = readdirSync(src, { recursive: true }).map(String);
// The web client is bundled by the server when it starts (esbuild, from its .tsx sources): copied as is.
const isClient = (f) => f.split(path.sep).includes('client') && f.startsWith(`web${path.sep}`);
const code = files.filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f) && !isClient(f));
const assets = files.filter((f) => isClient(f) || /\.(json|css|txt)$/.test(f));

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: code.map((f) => path.join(src, f)),
  outdir: out,
  outbase: src,
  ...TRANSPILE,
});
for (const f of assets) {
  mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
  cpSync(path.join(src, f), path.join(out, f), { recursive: true });
}
writeFileSync(path.join(out, 'package.json'), JSON.stringify({ type: 'module' }) + '\n');
console.error(`built dist/: ${code.length} modules, ${assets.length} data files`);
