// Runs every *.test.ts under src/ and test/ with Node's own test runner, TypeScript through tsx.
// (Node 20's --test does not expand globs itself.)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
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
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000', ...passThrough, ...files], {
  cwd: root,
  stdio: 'inherit',
  env,
});
postgres.stop?.();
process.exit(result.status ?? 1);
