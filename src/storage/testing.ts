import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Engine } from './engine.js';
import type { Store } from './store.js';
import { openStore } from './store.js';

/**
 * The engines a storage test runs on: SQLite always; PostgreSQL when scripts/run-tests.mjs
 * found or started one ($VIGIL_TEST_PG). Each `open` gives a fresh, migrated, empty database
 * that `close` throws away.
 */
export interface TestEngine {
  engine: Engine;
  /** Set when this engine cannot run here: the test skips with this message. */
  skip: string | false;
  /** A fresh database; `url` opens it again (from the command line's code, say). */
  open(now?: () => Date): Promise<Store & { url: string }>;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const sqlite: TestEngine = {
  engine: 'sqlite',
  skip: false,
  async open(now) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-test-'));
    const file = path.join(dir, 'vigil.db');
    const store = await openStore({ url: file, ...(now ? { now } : {}) });
    const close = store.close;
    return { ...store, url: file, close: async () => (await close(), rmSync(dir, { recursive: true, force: true })) };
  },
};

const postgres: TestEngine = {
  engine: 'postgres',
  skip: process.env.VIGIL_TEST_PG ? false : `PostgreSQL not available: ${process.env.VIGIL_TEST_PG_SKIP ?? 'run the tests through `npm test` (scripts/run-tests.mjs finds or starts one), or set VIGIL_TEST_PG'}`,
  async open(now) {
    const admin = process.env.VIGIL_TEST_PG!;
    const name = `vigil_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await adminQuery(admin, `CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const store = await openStore({ url: url.toString(), ...(now ? { now } : {}) });
    const close = store.close;
    return { ...store, url: url.toString(), close: async () => (await close(), await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
  },
};

export const TEST_ENGINES: TestEngine[] = [sqlite, postgres];

/** A clock tests move by hand. */
export function manualClock(start = '2026-11-20T09:00:00Z'): { now: () => Date; set(iso: string): void; advance(ms: number): void } {
  let t = Date.parse(start);
  return { now: () => new Date(t), set: (iso) => (t = Date.parse(iso)), advance: (ms) => (t += ms) };
}
