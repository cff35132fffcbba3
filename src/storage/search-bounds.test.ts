import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import { aliasPrefixes } from './migrations/018-alias-prefixes.js';
import { personSearch } from './migrations/019-person-search.js';
import { createPerson } from './persons.js';
import { insertReport } from './reports.js';
import { latestMatches, matchesQuery, search, windowEdge } from './search.js';
import type { Store } from './store.js';
import { openStore } from './store.js';
import { TEST_ENGINES } from './testing.js';

/**
 * The bounds of a search by name (session 47), asserted on the queries search sends and their
 * plans, never on time. Invented names and words throughout.
 */

/** The plan text of a query: SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN with sequential scans priced out (tiny tables would otherwise be read whole). */
async function plan(store: Store, q: { sql: string; parameters: readonly unknown[] }): Promise<string> {
  if (store.engine === 'sqlite') return (await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]))).rows.map((r) => r.detail).join('\n');
  return store.db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    return (await tx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${q.sql}`, [...q.parameters]))).rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

const REPORTS = 400;
/** Every tenth report holds the word: a share between latestMatches' two thresholds. */
const WORD = 'quendalite';
const at = (i: number) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + i * 3_600_000).toISOString();

for (const engine of TEST_ENGINES) {
  describe(`the bounds of a search by name on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    let spy: Store;
    const sent: { sql: string; parameters: readonly unknown[] }[] = [];
    const holding: string[] = [];
    before(async () => {
      store = await engine.open();
      await store.db.transaction().execute(async (tx) => {
        for (let i = 0; i < REPORTS; i++) {
          const { report } = await insertReport(tx, at(i), { text: i % 10 === 4 ? `Report ${i} tells of the ${WORD} affair.` : `Report ${i} on other matters.`, format: 'text', source: 'paste' });
          if (i % 10 === 4) holding.push(report.id);
          // People named Orvath, each with an event the reports tell.
          if (i % 20 === 0) {
            const person = await createPerson(tx, at(i), { name: `Tamsin Orvath ${i}`, names: [`Tamsin Orvath ${i}`] }, null);
            const event = randomUUID();
            await tx.insertInto('case_events').values({ id: event, person_id: person, type: 'ARREST', modality: 'asserted', date_value: `2025-0${1 + (i % 9)}-10`, date_precision: 'day', place: null, country: null, destination_country: null, agent: null, told_at: at(i), created_at: at(i), updated_at: at(i) }).execute();
            await tx.insertInto('event_sources').values({ id: randomUUID(), case_event_id: event, report_id: report.id, event_id: 'v1', sentence: 0, start: 0, end: 6, trigger: 'Report', type: 'ARREST', modality: 'asserted', date_value: null, date_precision: null, agent: null, place: null, country: null, speaker: null, confidence: 1, accepted: 0, whereabouts_unknown: 0, created_at: at(i) }).execute();
          }
        }
      });
      if (store.engine === 'postgres') await sql`ANALYZE`.execute(store.db);
      spy = await openStore({ url: (store as Store & { url: string }).url, onQuery: (text, parameters) => sent.push({ sql: text, parameters }) });
    });
    after(async () => {
      await spy?.close();
      await store?.close();
    });

    test('PostgreSQL reads a common word\'s latest matches among the newest reports first, the same reports as all of them', { skip: engine.engine !== 'postgres' && 'a PostgreSQL plan (SQLite reads FTS5 newest first)' }, async () => {
      const cap = 10;
      const newest = [...holding].reverse().slice(0, cap);
      sent.length = 0;
      const got = await latestMatches(spy.db, WORD, cap);
      assert.deepEqual(got.map((r) => r.id), newest);
      const windowed = sent.filter((q) => /plainto_tsquery/.test(q.sql) && /"created_at" >=/.test(q.sql));
      assert.equal(windowed.length, 1, 'one query kept to a window of the newest reports');
      // The window: 2 × cap matches' worth of the newest reports, read from reports_created.
      const edge = await windowEdge(store.db, 0.1, cap);
      assert.equal(edge, at(REPORTS - 1 - 200));
      assert.ok(windowed[0]!.parameters.includes(edge));
      // A window holding fewer than cap matches falls back to every match: the same latest ones.
      assert.deepEqual((await latestMatches(store.db, WORD, holding.length)).map((r) => r.id), [...holding].reverse());
      const p = await plan(store, matchesQuery(store.db, WORD, cap, edge!).compile());
      assert.match(p, /created_at >=/, p);
    });

    test('the people bearing a name are read from the full-text index of the people in one query: in news order on SQLite, with no sort', async () => {
      sent.length = 0;
      const r = await search(spy.db, spy.engine, { q: 'orv', limit: 50 });
      assert.equal(r.people.length, REPORTS / 20);
      const named = sent.filter((q) => /person_search/.test(q.sql));
      assert.equal(named.length, 1, 'one query for the people bearing it');
      assert.ok(!sent.some((q) => /person_aliases/.test(q.sql)), 'no alias is read one by one');
      const p = await plan(store, named[0]!);
      if (engine.engine === 'sqlite') {
        assert.match(p, /person_search_fts VIRTUAL TABLE/, p);
        assert.doesNotMatch(p, /TEMP B-TREE/, p);
      } else assert.match(p, /person_search_names/, p);
    });

    test('the index made over filled tables (migration 019) holds every live record, newest in the news first', async () => {
      // In the news in an order that is neither the order they were added in nor their ids'.
      const people = await store.db.selectFrom('persons').select('id').orderBy('id').execute();
      for (const [k, { id }] of people.entries()) await store.db.updateTable('persons').set({ last_news_at: at(1000 + ((k * 7) % people.length)) }).where('id', '=', id).execute();
      const byTriggers = (await search(store.db, store.engine, { q: 'tamsin', limit: 50 })).people.map((p) => p.id);
      if (store.engine === 'sqlite') {
        for (const t of ['person_insert', 'person_update', 'person_delete', 'alias_insert', 'alias_delete', 'alias_update']) await sql.raw(`DROP TRIGGER person_search_${t}`).execute(store.db);
        await sql`DROP TABLE person_search_fts`.execute(store.db);
        await sql`DROP TABLE person_search`.execute(store.db);
      } else {
        await sql`DROP TABLE person_search`.execute(store.db);
        await sql`DROP FUNCTION person_search_person() CASCADE`.execute(store.db);
        await sql`DROP FUNCTION person_search_alias() CASCADE`.execute(store.db);
        await sql`DROP FUNCTION person_search_names(text)`.execute(store.db);
      }
      await personSearch(store.engine).up(store.db as never);
      const byNews = (await store.db.selectFrom('persons').select('id').where('merged_into', 'is', null).orderBy('last_news_at', 'desc').execute()).map((r) => r.id);
      const order = store.engine === 'sqlite' ? sql`ORDER BY key DESC` : sql`ORDER BY news DESC`;
      assert.deepEqual((await sql<{ person_id: string }>`SELECT person_id FROM person_search ${order}`.execute(store.db)).rows.map((r) => r.person_id), byNews);
      // The same answer as the triggers' rows gave.
      assert.deepEqual((await search(store.db, store.engine, { q: 'tamsin', limit: 50 })).people.map((p) => p.id), byTriggers);
      // And its triggers feed it.
      const later = await store.db.transaction().execute((tx) => createPerson(tx, at(REPORTS), { name: 'Tamsin Orvath Later', names: ['Tamsin Orvath Later'] }, null));
      assert.equal((await search(store.db, store.engine, { q: 'later', limit: 50 })).people.length, 1);
      // (taken away again: the next test counts the people)
      await store.db.deleteFrom('person_aliases').where('person_id', '=', later).execute();
      await store.db.deleteFrom('persons').where('id', '=', later).execute();
      assert.equal((await search(store.db, store.engine, { q: 'later', limit: 50 })).people.length, 0);
    });

    test('the events a word\'s reports told are read by id (PostgreSQL) or through their sources (SQLite), never by walking every event by date', async () => {
      sent.length = 0;
      const r = await search(spy.db, spy.engine, { q: 'Report', limit: 50 });
      assert.ok(r.events.length > 0);
      const told = sent.filter((q) => /from "case_events" inner join "persons"/.test(q.sql));
      assert.ok(told.length >= 1);
      for (const q of told) {
        const p = await plan(store, q);
        assert.doesNotMatch(p, /case_events_date/, p);
        // PostgreSQL: the order written as an expression no index serves (at 100,000 reports it
        // walked case_events_date backwards, testing each event against the list of ids).
        if (engine.engine === 'postgres') assert.match(q.sql, /order by \("case_events"\."date_value" \|\| ''\) desc/, q.sql);
        else assert.match(p, /event_sources_report|sqlite_autoindex_case_events/, p);
      }
    });

    test('SQLite keeps prefix indexes of the aliases (migration 018), filled in the order the aliases were added', { skip: engine.engine !== 'sqlite' && 'SQLite\'s FTS5 table' }, async () => {
      const def = (await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE name = 'person_aliases_fts'`.execute(store.db)).rows[0]!.sql;
      assert.match(def, /prefix = '1 2 3'/, def);
      // Made again over a filled table: the same rows, in the aliases' order, and still found by a one-letter prefix.
      await aliasPrefixes('sqlite').up(store.db as never);
      const aliases = (await sql<{ person_id: string; normalized: string }>`SELECT person_id, normalized FROM person_aliases ORDER BY rowid`.execute(store.db)).rows;
      const fts = (await sql<{ person_id: string; normalized: string }>`SELECT person_id, normalized FROM person_aliases_fts ORDER BY rowid`.execute(store.db)).rows;
      assert.deepEqual(fts, aliases);
      const r = await search(store.db, store.engine, { q: 't', limit: 50 });
      assert.equal(r.people.length, REPORTS / 20);
      // The triggers still feed it.
      await store.db.transaction().execute((tx) => createPerson(tx, at(REPORTS), { name: 'Tamsin Orvath Late', names: ['Tamsin Orvath Late'] }, null));
      assert.equal((await search(store.db, store.engine, { q: 'la', limit: 50 })).people.length, 1);
    });
  });
}
