import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { manualClock } from '../storage/testing.js';
import { vigil as run } from './testing.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-share-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// In this process, through the CLI's own entry (src/cli/testing.ts), on an invented clock.
const clock = manualClock('2026-11-21T10:00:00Z');
const vigil = (args: string[]) => run(args, { env: { VIGIL_PASSWORD: 'correct horse battery staple' }, now: clock.now });

test('vigil share: a bundle from one database, the partner registered and the bundle imported in another; a changed bundle refused', async () => {
  const a = path.join(dir, 'a.db');
  const b = path.join(dir, 'b.db');
  assert.equal((await vigil(['watch', 'Sana Oduya', '--db', a])).code, 0);
  assert.equal((await vigil(['ingest', `${root}test/fixtures/cases/oduya-1.txt`, '--published', '2026-11-18', '--db', a])).code, 0);
  const id = await vigil(['cases', '--json', '--db', a]);
  const caseId = JSON.parse(id.stdout).find((c: { name: string }) => c.name === 'Sana Oduya').id;
  const out = path.join(dir, 'bundle.json');
  const made = await vigil(['share', 'export', caseId, '--name', 'initials', '--withhold', 'Tomas Brell', '--out', out, '--db', a]);
  assert.equal(made.code, 0, made.stderr);
  const text = readFileSync(out, 'utf8');
  assert.equal(JSON.parse(text).case.name, 'S. O.');
  assert.ok(!/Oduya|Brell/.test(text));

  const me = (await vigil(['share', 'identity', '--db', a])).stdout;
  const key = path.join(dir, 'a.pem');
  writeFileSync(key, me.slice(me.indexOf('-----BEGIN')));
  assert.equal((await vigil(['users', 'add', 'ana@example.org', '--db', b])).code, 0);
  const refused = await vigil(['share', 'import', out, '--as', 'ana@example.org', '--db', b]);
  assert.equal(refused.code, 1);
  assert.equal(JSON.parse(refused.stderr).error.code, 'forbidden');
  const added = await vigil(['share', 'add-partner', 'Orvane Press Watch', key, '--db', b]);
  assert.equal(added.code, 0, added.stderr);
  assert.ok(added.stdout.includes(me.match(/fingerprint: (.*)/)![1]!));

  const changed = path.join(dir, 'changed.json');
  writeFileSync(changed, text.replace('"S. O."', '"S. P."'));
  assert.equal(JSON.parse((await vigil(['share', 'import', changed, '--as', 'ana@example.org', '--db', b])).stderr).error.code, 'bad_signature');
  const imported = await vigil(['share', 'import', out, '--as', 'ana@example.org', '--db', b]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /opened from Orvane Press Watch's bundle: [1-9]\d* events/);
  const cases = JSON.parse((await vigil(['cases', '--json', '--db', b])).stdout);
  assert.deepEqual(cases.map((c: { name: string }) => c.name), ['S. O.']);
});
