import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { openStore } from './store.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'vigil-enc-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('SQLite encrypted at rest: unreadable without the key, refused with a wrong one, key kept outside the data directory', async () => {
  const dataDir = path.join(root, 'data');
  const file = path.join(dataDir, 'vigil.db');
  const keyFile = path.join(root, 'keys', 'vigil.key');
  writeFileSync(path.join(root, 'wrong.key'), 'not the right key at all, sorry');
  mkdirSync(path.dirname(keyFile), { recursive: true });
  writeFileSync(keyFile, 'k3y-for-tests-only-0123456789abcdef\n');

  const store = await openStore({ url: file, keyFile });
  await store.db.insertInto('settings').values({ key: 'where', value: JSON.stringify('held at Orvane central station'), updated_at: '2026-11-20T00:00:00Z' }).execute();
  await store.close();
  const bytes = readFileSync(file);
  assert.ok(!bytes.includes('Orvane central station'), 'the text is not in the file');
  assert.ok(!bytes.subarray(0, 16).toString().startsWith('SQLite format 3'), 'not a plain SQLite header');

  await assert.rejects(openStore({ url: file }), /migrating .* failed|not a database/);
  await assert.rejects(openStore({ url: file, keyFile: path.join(root, 'wrong.key') }), (e: Error & { code?: string }) => e.code === 'unauthorized' && /wrong key/.test(e.message));
  writeFileSync(path.join(dataDir, 'inside.key'), 'k3y-for-tests-only-0123456789abcdef');
  await assert.rejects(openStore({ url: file, keyFile: path.join(dataDir, 'inside.key') }), /must not be inside the data directory/);

  const again = await openStore({ url: file, keyFile });
  const row = await again.db.selectFrom('settings').select('value').where('key', '=', 'where').executeTakeFirstOrThrow();
  assert.equal(JSON.parse(row.value), 'held at Orvane central station');
  await again.close();
});
