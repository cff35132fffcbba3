import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import { addMember, deniedFor } from './access.js';
import { listCases } from './cases.js';
import { createPerson } from './persons.js';
import type { Store } from './store.js';
import { openStore } from './store.js';
import { TEST_ENGINES } from './testing.js';
import { insertUser } from './users.js';

// The case list's name filter (`/api/cases?q=`) through the full-text index of the people
// (migration 019, `person_search`), as a search by name. Invented people and names throughout.
const AT = '2026-11-20T09:00:00.000Z';
const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T09:00:00.000Z`;

for (const engine of TEST_ENGINES) {
  describe(`the case list filtered by name, on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    const ids = { marisol: '', tomas: '', hidden: '', merged: '', member: '', outsider: '' };
    const listed = async (q: string, userId = ids.outsider, more: { status?: string; limit?: number } = {}) =>
      (await listCases(store.db, { q, engine: store.engine, limit: more.limit ?? 20, offset: 0, denied: await deniedFor(store.db, userId), ...(more.status ? { status: more.status } : {}) })).map((c) => c.name);
    before(async () => {
      store = await engine.open();
      await store.db.transaction().execute(async (tx) => {
        const person = async (name: string, d: number, names: string[] = [name]) => {
          const id = await createPerson(tx, AT, { name, names }, null);
          await tx.updateTable('persons').set({ last_news_at: day(d) }).where('id', '=', id).execute();
          return id;
        };
        ids.marisol = await person('Marisol González Ibarra', 10);
        ids.tomas = await person('Tomás Gonzalez', 12, ['Tomás Gonzalez', 'El Flaco']);
        // A restricted case bearing the name, in the news more recently than either.
        ids.hidden = await person('Renata González', 15);
        await tx.updateTable('persons').set({ restricted: 1, code_name: 'HERON' }).where('id', '=', ids.hidden).execute();
        ids.merged = await person('Old Record Gonzalez', 18);
        await tx.updateTable('persons').set({ merged_into: ids.tomas }).where('id', '=', ids.merged).execute();
        ids.member = (await insertUser(tx, AT, { email: 'member@example.org', name: 'member', role: 'analyst', passwordHash: 'x' })).id;
        ids.outsider = (await insertUser(tx, AT, { email: 'outsider@example.org', name: 'outsider', role: 'analyst', passwordHash: 'x' })).id;
        await addMember(tx, AT, ids.hidden, ids.member, ids.member);
      });
    });
    after(async () => store?.close());

    test('accent-folded names match both ways, every word a prefix of one of the names, newest in the news first', async () => {
      assert.deepEqual(await listed('Gonzalez'), ['Tomás Gonzalez', 'Marisol González Ibarra']);
      assert.deepEqual(await listed('GONZÁLEZ'), ['Tomás Gonzalez', 'Marisol González Ibarra']);
      assert.deepEqual(await listed('tomas gonz'), ['Tomás Gonzalez']);
      assert.deepEqual(await listed('ibarra marisol'), ['Marisol González Ibarra']);
      // the words may come from two of the person's names
      assert.deepEqual(await listed('flaco tomas'), ['Tomás Gonzalez']);
      // must not: a piece from inside a word, a word nobody bears, a query with no word in it
      for (const q of ['onzalez', 'gonzalez quintero', '%', '_', '"']) assert.deepEqual(await listed(q), [], q);
    });

    test('must not: a restricted case is listed to a non-member by no name of its own, code name included; a member sees it under its code name', async () => {
      for (const q of ['renata', 'renata gonzalez', 'gonzalez', 'heron']) {
        const cases = await listCases(store.db, { q, engine: store.engine, limit: 20, offset: 0, denied: await deniedFor(store.db, ids.outsider) });
        const text = JSON.stringify(cases);
        for (const leak of [ids.hidden, 'Renata', 'HERON']) assert.ok(!text.includes(leak), `${q}: ${leak}`);
      }
      assert.deepEqual(await listed('gonzalez', ids.member), ['HERON', 'Tomás Gonzalez', 'Marisol González Ibarra']);
      assert.deepEqual(await listed('renata', ids.member), ['HERON']);
      // a member finds it by the code name the list shows them, in any case of letters
      assert.deepEqual(await listed('Heron', ids.member), ['HERON']);
      assert.deepEqual(await listed('heron', ids.outsider), []);
    });

    test('a merged record is not listed, and its names do not list it; the filter goes with a status and a page', async () => {
      assert.deepEqual(await listed('record'), []);
      await store.db.updateTable('persons').set({ status: 'detained' }).where('id', '=', ids.marisol).execute();
      assert.deepEqual(await listed('gonzalez', ids.outsider, { status: 'detained' }), ['Marisol González Ibarra']);
      assert.deepEqual(await listed('gonzalez', ids.outsider, { limit: 1 }), ['Tomás Gonzalez']);
    });

    test('the filter reads the index of the people, not the aliases', async () => {
      const sent: { sql: string; parameters: readonly unknown[] }[] = [];
      const spy = await openStore({ url: (store as Store & { url: string }).url, onQuery: (text, parameters) => sent.push({ sql: text, parameters }) });
      try {
        assert.deepEqual((await listCases(spy.db, { q: 'gonzalez', engine: spy.engine, limit: 20, offset: 0 })).length, 3);
      } finally {
        await spy.close();
      }
      const query = sent.find((q) => /from "persons"/.test(q.sql))!;
      assert.match(query.sql, /person_search/);
      assert.doesNotMatch(query.sql, /person_aliases/);
      const plan = await explain(store, query);
      // SQLite: the FTS5 table. PostgreSQL: on tables this small, the people in news order, each
      // looked up in person_search (the GIN index or this, as its statistics say, at scale).
      assert.match(plan, engine.engine === 'sqlite' ? /person_search_fts/ : /person_search/, plan);
      assert.doesNotMatch(plan, /person_aliases/, plan);
    });
  });
}

/** The plan of a query: SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN with sequential scans priced out. */
async function explain(store: Store, q: { sql: string; parameters: readonly unknown[] }): Promise<string> {
  if (store.engine === 'sqlite') return (await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]))).rows.map((r) => r.detail).join('\n');
  return store.db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    return (await tx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${q.sql}`, [...q.parameters]))).rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}
