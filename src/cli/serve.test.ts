import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { manualClock } from '../storage/testing.js';
import { vigil as run } from './testing.js';

// The commands run in this process (src/cli/testing.ts); `vigil serve` is spawned from bin/vigil.js,
// since what it is tested for (printing as it starts, stopping on a signal) belongs to a process.
const clock = manualClock('2026-11-21T10:00:00Z');
const vigil = (args: string[]) => run(args, { now: clock.now });

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-cli-'));
const db = path.join(dir, 'vigil.db');
after(() => rmSync(dir, { recursive: true, force: true }));


test('vigil ingest, cases and export: two reports about one person make one case', async () => {
  // What a case holds is tested here, not who gets one: the invented person is watched, so the case policy gives him a case.
  const watched = await vigil(['watch', 'Joran Aldemir', '--db', db]);
  assert.equal(watched.code, 0, watched.stderr);
  assert.match(watched.stdout, /watching person Joran Aldemir/);
  for (const [file, day] of [['aldemir-1.txt', '2026-11-18'], ['aldemir-2.txt', '2026-11-19']]) {
    const r = await vigil(['ingest', `${root}test/fixtures/cases/${file}`, '--published', day!, '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /stored as report/);
  }
  const again = await vigil(['ingest', `${root}test/fixtures/cases/aldemir-1.txt`, '--published', '2026-11-18', '--db', db]);
  assert.match(again.stderr, /already stored/);
  const cases = JSON.parse((await vigil(['cases', '--json', '--db', db])).stdout);
  assert.equal(cases.length, 1);
  assert.equal(cases[0].name, 'Joran Aldemir');
  const one = await vigil(['cases', cases[0].id, '--db', db]);
  assert.match(one.stdout, /2026-11-16 {2}ARREST by Police in Karsvik — \d source\(s\)/);
  const csv = await vigil(['export', '--format', 'csv', '--db', db]);
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout.split('\r\n')[1]!, /Joran Aldemir,,whereabouts_unknown/);
  writeFileSync(`${dir}/latin1.txt`, Buffer.from([0x50, 0x6f, 0x6c, 0x69, 0x63, 0x65, 0x20, 0xe9, 0xe9, 0x20, 0x61, 0x72, 0x72, 0x65, 0x73, 0x74, 0x65, 0x64]));
  const bad = await vigil(['ingest', `${dir}/latin1.txt`, '--db', db]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /invalid_encoding/);
  const missing = await vigil(['ingest', `${dir}/no-such-file.txt`, '--db', db]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /file_not_found/);
  // a saved report with no date of its own: the one in its name, and the command says so
  writeFileSync(`${dir}/karsvik-post-2026-11-20.txt`, 'Police in Karsvik detained the union leader Mira Castell on Wednesday.');
  const named = await vigil(['ingest', `${dir}/karsvik-post-2026-11-20.txt`, '--db', db]);
  assert.equal(named.code, 0, named.stderr);
  assert.match(named.stderr, /publication date 2026-11-20 taken from the file name/);
});

test('vigil serve prints its URL and how to create the first admin, serves the web app and the API, and stops cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, [`${root}bin/vigil.js`, 'serve', '--port', '0', '--db', path.join(dir, 'served.db')], { cwd: dir });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  // No clock here: the URL comes when the process is ready, however busy the machine; a process
  // that ends first fails the test (and a hung one meets the runner's per-file timeout).
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`vigil serve ended (${code}) before printing its URL: ${out}`)));
    child.stdout.on('data', () => {
      const m = /running: open (http:\/\/\S+?) /.exec(out);
      if (m && out.includes('create the first admin')) resolve(m[1]!);
    });
  });
  assert.match(out, /npx vigil users add .* --role admin/);
  const health = await (await fetch(`${url}/api/health`)).json();
  assert.deepEqual([health.ok, health.engine, health.setupNeeded], [true, 'sqlite', true]);
  assert.equal((await fetch(`${url}/api/cases`)).status, 401);
  const page = await fetch(`${url}/cases/anything`);
  assert.match(await page.text(), /<script type="module" src="\/assets\/app.js">/);
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  assert.equal((await fetch(`${url}/assets/app.js`)).status, 200);
  const code = await new Promise<number | null>((resolve) => {
    child.on('exit', (c) => resolve(c));
    child.kill('SIGTERM');
  });
  assert.equal(code, 0, out);
});
