import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

// Heavy packages a command needs only on one path: a process that reaches their modules but not
// that path (`vigil ingest --jsonl` into SQLite, `vigil --help`) must not load them.
const HEAVY = ['linkedom', 'nodemailer', 'pg', 'fast-xml-parser', 'csv-parse', '@mozilla/readability'];

// Records every package the process loads: ES modules through a load hook (it runs in a thread of
// its own, so it writes to a file), CommonJS ones from require.cache.
const HOOKS = `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) { appendFileSync(log, url + '\\n'); return next(url, context); }`;

const CHILD = `import { register, createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const log = process.env.LAZY_TEST_LOG;
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}), { data: { log } });
const require = createRequire(import.meta.url);
const packages = () => {
  const files = [...readFileSync(log, { encoding: 'utf8', flag: 'a+' }).split('\\n'), ...Object.keys(require.cache)];
  return [...new Set(files.map((f) => f.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)/)?.[1]).filter(Boolean))];
};
const { run } = await import(process.env.LAZY_TEST_RUN);
await run(['ingest', '--help']).catch(() => undefined);
const atStart = packages();
const { articleFromString } = await import(process.env.LAZY_TEST_READ);
const page = '<!doctype html><html><head><title>Harbour office</title></head><body><article><p>' +
  'Officials in the invented town of Velmora said on Tuesday that the harbour office would open again next week after repairs to its roof and its old stone walls were finished.'.repeat(3) +
  '</p></article></body></html>';
const article = articleFromString(page, 'page.html');
process.stdout.write(JSON.stringify({ atStart, afterHtml: packages(), format: article.format, text: article.text.slice(0, 80) }));`;

function loadedPackages(): { atStart: string[]; afterHtml: string[]; format: string; text: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-lazy-'));
  try {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD], {
      encoding: 'utf8',
      env: {
        ...process.env,
        LAZY_TEST_LOG: path.join(dir, 'loaded.txt'),
        LAZY_TEST_RUN: new URL('./run.js', import.meta.url).href,
        LAZY_TEST_READ: new URL('../articles/read.js', import.meta.url).href,
      },
    });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout.slice(r.stdout.lastIndexOf('{"atStart"')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the CLI loads linkedom, nodemailer, pg, fast-xml-parser and csv-parse only when a path needs them', () => {
  const { atStart, afterHtml, format, text } = loadedPackages();
  // The observation works: the query layer every command opens is seen.
  assert.ok(atStart.includes('kysely'), atStart.join(' '));
  for (const name of HEAVY) assert.ok(!atStart.includes(name), `${name} loaded by \`vigil ingest --help\`: ${atStart.join(' ')}`);
  // Reading an HTML page still works, and loads the HTML reader then.
  assert.equal(format, 'html');
  assert.match(text, /^Officials in the invented town of Velmora/);
  assert.ok(afterHtml.includes('linkedom'), afterHtml.join(' '));
  assert.ok(afterHtml.includes('@mozilla/readability'), afterHtml.join(' '));
  assert.ok(!afterHtml.includes('nodemailer'), afterHtml.join(' '));
});
