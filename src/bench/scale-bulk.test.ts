import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { faker } from '@faker-js/faker';
import { CompiledQuery, sql } from 'kysely';
import { verifyAuditChain } from '../storage/audit.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES, watchNames } from '../storage/testing.js';
import { BulkWriter } from './scale-bulk.js';
import type { BatchWriter } from './scale-multiply.js';
import { BATCH_TABLES, COPIES_END, Multiplier, RowsWriter } from './scale-multiply.js';
import type { Story } from './scale-pool.js';
import { extractPool, invented, loadStories } from './scale-pool.js';

/** Every row of the tables a batch writes (and SQLite's full-text tables), as sorted text: the audit rows in chain order without their serial id. */
async function snapshot(store: Store): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const text = (r: Record<string, unknown>) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : v instanceof Date ? v.toISOString() : v]));
  for (const table of BATCH_TABLES) {
    const rows = (await store.db.executeQuery(CompiledQuery.raw(`SELECT * FROM "${table}"${table === 'audit' ? ' ORDER BY id' : ''}`))).rows as Record<string, unknown>[];
    const shown = rows.map((r) => (table === 'audit' ? text({ ...r, id: undefined }) : text(r)));
    out[table] = table === 'audit' ? shown : shown.sort();
  }
  if (store.engine === 'sqlite') {
    for (const fts of ['reports_fts', 'person_aliases_fts']) out[fts] = ((await store.db.executeQuery(CompiledQuery.raw(`SELECT * FROM ${fts}`))).rows as Record<string, unknown>[]).map(text).sort();
  }
  return out;
}

/** The indexes and (SQLite) the settings a build must leave as it found them. */
async function shape(store: Store): Promise<string[]> {
  if (store.engine === 'sqlite') {
    const indexes = (await sql<{ s: string }>`SELECT name || ': ' || coalesce(sql, '') AS s FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name`.execute(store.db)).rows.map((r) => r.s);
    const pragma = async (p: string) => JSON.stringify((await store.db.executeQuery(CompiledQuery.raw(`PRAGMA ${p}`))).rows);
    return [...indexes, await pragma('journal_mode'), await pragma('synchronous'), await pragma('cache_size'), await pragma('foreign_keys')];
  }
  return (await sql<{ s: string }>`SELECT indexdef AS s FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`.execute(store.db)).rows.map((r) => r.s);
}

/** The copies taken out again (they are all stored before COPIES_END; the pool after it), so the next writer starts from the same database. */
async function removeCopies(store: Store, poolAudit: number): Promise<void> {
  await store.db.transaction().execute(async (tx) => {
    const copies = (await tx.selectFrom('reports').select('id').where('created_at', '<', COPIES_END).execute()).map((r) => r.id);
    await tx.deleteFrom('audit').where('id', '>', poolAudit).execute();
    await tx.deleteFrom('jobs').where('created_at', '<', COPIES_END).execute();
    await tx.deleteFrom('triage_items').where('created_at', '<', COPIES_END).execute();
    await tx.deleteFrom('alert_reports').where('report_id', 'in', copies).execute();
    await tx.deleteFrom('alerts').where('created_at', '<', COPIES_END).execute();
    await tx.deleteFrom('event_sources').where('report_id', 'in', copies).execute();
    await tx.deleteFrom('case_events').where('created_at', '<', COPIES_END).execute();
    await tx.deleteFrom('person_mentions').where('report_id', 'in', copies).execute();
    await tx.deleteFrom('person_aliases').where('created_at', '<', COPIES_END).execute();
    await tx.deleteFrom('persons').where('created_at', '<', COPIES_END).execute();
    await tx.deleteFrom('report_name_checks').where('report_id', 'in', copies).execute();
    if (store.engine === 'sqlite') await sql`DELETE FROM reports_fts WHERE report_id IN (${sql.join(copies)})`.execute(tx);
    await tx.deleteFrom('reports').where('id', 'in', copies).execute();
  });
}

const COPIES = 60;

for (const engine of TEST_ENGINES) {
  describe(`the scale bench's bulk writer on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    let stories: Story[];
    let poolAudit: number;
    before(async () => {
      store = await engine.open();
      faker.seed(47);
      const texts = Array.from({ length: 3 }, () => invented());
      // The case policy opens a case for a watched name whatever the risk reading says.
      await watchNames(store, texts.map((t) => /arrested (.+?), an? /.exec(t)![1]!));
      await extractPool(store, texts.map((text, i) => ({ text, published: `2026-0${i + 1}-10`, origin: 'invented' })), () => undefined);
      stories = (await loadStories(store, COPIES_END)).filter((s) => s.persons.length > 0);
      poolAudit = Number((await store.db.selectFrom('audit').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m);
    });
    after(async () => store?.close());

    const build = async (writer: BatchWriter) => {
      await new Multiplier(store, stories, 36, 0).write(COPIES, 25, () => undefined, writer);
      const got = await snapshot(store);
      await removeCopies(store, poolAudit);
      return got;
    };

    test('writes the same rows as the plain INSERTs, audit chain and full-text rows included, and leaves the indexes and settings as they were', async () => {
      assert.ok(stories.length > 0, 'the pool gave a story with people to copy');
      assert.ok(stories.every((s) => s.audit.length > 0 && s.jobs.length === 1), 'each story has its audit rows and its extraction job');
      const before = await shape(store);
      const plain = await build(new RowsWriter(store));
      const bulk = new BulkWriter(store);
      await bulk.begin();
      assert.notDeepEqual(await shape(store), before, 'the build runs without the secondary indexes');
      try {
        await new Multiplier(store, stories, 36, 0).write(COPIES, 25, () => undefined, bulk);
      } finally {
        await bulk.end();
      }
      assert.deepEqual(await shape(store), before);
      const fast = await snapshot(store);
      assert.equal((await verifyAuditChain(store.db)).ok, true, 'the copies extend the audit chain');
      await removeCopies(store, poolAudit);
      assert.equal(plain.reports!.length - stories.length, COPIES);
      assert.ok(plain.audit!.length > poolAudit + COPIES, 'the copies have audit rows');
      assert.ok(plain.jobs!.length >= COPIES, 'and extraction jobs');
      for (const table of Object.keys(plain)) assert.deepEqual(fast[table], plain[table], table);
    });
  });
}
