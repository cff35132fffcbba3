// Runs every *.test.ts under src/ and test/ with Node's own test runner. (Node 20's --test does
// not expand globs itself.) The TypeScript is transpiled once, by esbuild, into throwaway folders
// beside src/ and test/ (.test-build-<pid>-src/ …), at the same depth, so every path a module
// finds from its own location (models/, test/fixtures/, ../shared/) resolves as from the sources;
// each test file's process then starts without a TypeScript loader (tsx in every process cost
// about half a second of CPU each, over seventy files). Inline source maps keep stack traces
// pointing at the .ts lines.
//
// The test files of a folder run in one process, one after another, each imported in turn (what
// Node 22 calls --experimental-test-isolation=none; GROUPS below), not each in a process of its
// own: most of them load the same trained models, the web app's client bundle or Playwright, a
// second or more of CPU per process, over seventy files. Their shared state is only what they
// only read (models, lexicons, the client bundle): each opens its own databases, servers,
// browsers and temporary folders, and closes them. A file that changes the process for the
// others (sets an environment variable) is in ALONE and gets a process of its own. A file that
// fails to load fails a test of its own name; the others still run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { TRANSPILE } from './transpile.mjs';
import { findChromium } from './chromium.mjs';
import { findPostgres } from './postgres.mjs';
import { canInstall } from './apt.mjs';

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

/** Test files that share a process: a name, and the folders (prefixes under the root) it takes. */
const GROUPS = [
  ['web', ['src/web/']],
  ['server', ['src/server/']],
  ['data', ['src/cli/', 'src/ingest/', 'src/storage/']],
  ['compute', ['src/text/', 'src/pipeline/', 'src/extractors/', 'src/evaluation/', 'src/cases/', 'src/articles/', 'src/corpora/', 'src/models/', 'src/bench/', 'test/']],
];
/** Files that change their process for the others, with why. */
const ALONE = { 'src/ingest/feeds.test.ts': 'sets VIGIL_FETCH_ALLOW at load' };
const built = await transpile();
const posix = (f) => f.split(path.sep).join('/');
const runs = [];
const grouped = new Set();
for (const [name, folders] of GROUPS) {
  const members = files.filter((f) => !grouped.has(f) && !(posix(f) in ALONE) && folders.some((d) => posix(f).startsWith(d)));
  members.forEach((f) => grouped.add(f));
  if (members.length > 1) runs.push(built.group(name, members));
  else if (members.length === 1) runs.push(built.file(members[0]));
}
// GROUPS is in order of running time, longest first, so the two workers finish together; the rest after.
runs.push(...files.filter((f) => !grouped.has(f)).map(built.file));
let result;
try {
  result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=2', '--test-timeout=600000', ...passThrough, ...runs], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
} finally {
  built.remove();
  postgres.stop?.();
}
// Where the project could have installed what it needs (root with apt-get, as on CI), a skipped
// part is a failed run: a green run must not hide browser or PostgreSQL tests that never ran.
const missing = [!postgres.url && `PostgreSQL (${postgres.why})`, files.some((f) => f.includes('browser')) && !chromium.path && `Chromium (${chromium.why})`].filter(Boolean);
if (missing.length && canInstall()) {
  console.error(`failing the run: could not set up ${missing.join(' and ')} on a machine where the project installs them`);
  process.exit(result.status || 1);
}
process.exit(result.status ?? 1);

/**
 * Transpiles src/ and test/ (all their .ts and .tsx) into `.test-build-<pid>-src/` and
 * `…-test/` under the root, copies their other files (JSON data, fixtures, the web client's
 * sources, which the server bundles when it starts). Returns where a test file's built copy is,
 * how to make a test file that runs several in one process, and how to remove the folders
 * (also done on Ctrl-C).
 */
async function transpile() {
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
      ...TRANSPILE,
    });
    // Everything else is copied: data files, fixtures, and the client's .ts/.tsx sources too (the server bundles them).
    const isClient = (f) => dir === 'src' && f.startsWith(`web${path.sep}client${path.sep}`);
    for (const f of names.filter((n) => !code.includes(n) || isClient(n))) {
      mkdirSync(path.dirname(path.join(outOf(dir), f)), { recursive: true });
      cpSync(path.join(root, dir, f), path.join(outOf(dir), f));
    }
  }
  /** A source test file's built counterpart, relative to the root. */
  const file = (f) => {
    const [dir, ...rest] = f.split(path.sep);
    return path.join(path.relative(root, outOf(dir)), ...rest).replace(/\.ts$/, '.js');
  };
  /** A test file that imports the built `sources` one after another, in one process. */
  const group = (name, sources) => {
    const entry = path.join(outOf('src'), `${name}-folders.test.js`);
    const each = sources.map((f) => [f, pathToFileURL(path.join(root, file(f))).href]);
    writeFileSync(
      entry,
      `import { test } from 'node:test';
for (const [source, url] of ${JSON.stringify(each, null, 1)}) {
  try {
    await import(url);
  } catch (error) {
    test(\`\${source} loads\`, () => {
      throw error;
    });
  }
}
`,
    );
    return path.relative(root, entry);
  };
  return { file, group, remove };
}
