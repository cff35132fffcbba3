// Runs every *.test.ts under src/ and test/ with Node's own test runner. (Node 20's --test does
// not expand globs itself.) The TypeScript is transpiled once, by esbuild, into throwaway folders
// beside src/ and test/ (.test-build-<pid>-src/ …), at the same depth, so every path a module
// finds from its own location (models/, test/fixtures/, ../shared/) resolves as from the sources;
// each test file's process then starts without a TypeScript loader (tsx in every process cost
// about half a second of CPU each, over seventy files). Inline source maps keep stack traces
// pointing at the .ts lines.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { findChromium } from './chromium.mjs';
import { findPostgres } from './postgres.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// Arguments starting with -- go to node's test runner (e.g. --test-reporter=tap); the rest select files.
const passThrough = process.argv.slice(2).filter((a) => a.startsWith('--'));
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = ['src', 'test']
  .flatMap((dir) => readdirSync(path.join(root, dir), { recursive: true }).map((f) => path.join(dir, String(f))))
  .filter((f) => f.endsWith('.test.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// The storage tests run once per engine: SQLite always, PostgreSQL when one is found or started.
const postgres = await findPostgres();
if (postgres.url) console.error(`PostgreSQL for the storage tests: ${postgres.url}`);
else console.error(`PostgreSQL tests will skip: ${postgres.why}`);
// The browser tests drive Debian's Chromium; it is installed here when missing (and we may).
const chromium = files.some((f) => f.includes('browser')) ? findChromium() : { why: 'no browser tests selected' };
if (chromium.path) console.error(`Chromium for the browser tests: ${chromium.path}`);
else console.error(`Browser tests will skip: ${chromium.why}`);
const env = {
  ...process.env,
  ...(postgres.url ? { VIGIL_TEST_PG: postgres.url } : { VIGIL_TEST_PG_SKIP: postgres.why }),
  ...(chromium.path ? { VIGIL_CHROMIUM: chromium.path } : { VIGIL_CHROMIUM_SKIP: chromium.why }),
};

const built = await transpile(files);
let result;
try {
  result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=2', '--test-timeout=600000', ...passThrough, ...built.files], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
} finally {
  built.remove();
  postgres.stop?.();
}
process.exit(result.status ?? 1);

/**
 * Transpiles src/ and test/ (all their .ts and .tsx) into `.test-build-<pid>-src/` and
 * `…-test/` under the root, copies their other files (JSON data, fixtures, the web client's
 * sources, which the server bundles when it starts), and returns the built test files in the
 * order of `tests`, and how to remove the folders (also done on Ctrl-C).
 */
async function transpile(tests) {
  const outOf = (dir) => path.join(root, `.test-build-${process.pid}-${dir}`);
  const dirs = ['src', 'test'];
  const remove = () => dirs.forEach((d) => rmSync(outOf(d), { recursive: true, force: true }));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => (remove(), process.exit(130)));
  for (const dir of dirs) {
    const names = readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(path.join(root, dir), path.join(e.parentPath ?? e.path, e.name)));
    const code = names.filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
    await build({
      entryPoints: code.map((f) => path.join(root, dir, f)),
      outdir: outOf(dir),
      outbase: path.join(root, dir),
      format: 'esm',
      platform: 'node',
      target: 'node20',
      bundle: false,
      sourcemap: 'inline',
      logLevel: 'warning',
    });
    // Everything else is copied: data files, fixtures, and the client's .ts/.tsx sources too (the server bundles them).
    const isClient = (f) => dir === 'src' && f.startsWith(`web${path.sep}client${path.sep}`);
    for (const f of names.filter((n) => !code.includes(n) || isClient(n))) {
      mkdirSync(path.dirname(path.join(outOf(dir), f)), { recursive: true });
      cpSync(path.join(root, dir, f), path.join(outOf(dir), f));
    }
  }
  return {
    files: tests.map((f) => {
      const [dir, ...rest] = f.split(path.sep);
      return path.join(path.relative(root, outOf(dir)), ...rest).replace(/\.ts$/, '.js');
    }),
    remove,
  };
}
