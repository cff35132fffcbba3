import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { openStore } from './store.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'vigil-cache-'));
after(() => rmSync(root, { recursive: true, force: true }));

const cacheKb = async (cacheMb?: number) => {
  const store = await openStore({ url: path.join(root, `c${cacheMb ?? 'default'}.db`), ...(cacheMb ? { cacheMb } : {}) });
  try {
    const row = (await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(store.db)).rows[0]!;
    return -row.cache_size; // negative: KiB, not pages
  } finally {
    await store.close();
  }
};

test("SQLite's page cache: 64 MB unless asked for less (a bulk ingest keeps 16)", async () => {
  assert.equal(await cacheKb(), 64 * 1024);
  assert.equal(await cacheKb(16), 16 * 1024);
});
