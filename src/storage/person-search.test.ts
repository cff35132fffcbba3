import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { addMember, deniedFor } from './access.js';
import { addAliases, createPerson } from './persons.js';
import { search } from './search.js';
import type { Store } from './store.js';
import { TEST_ENGINES } from './testing.js';
import { insertUser } from './users.js';

// The full-text index of the people (migration 019, `person_search`): what a search by name reads.
// Invented people and names throughout.
const AT = '2026-11-20T09:00:00.000Z';
const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T09:00:00.000Z`;

for (const engine of TEST_ENGINES) {
  describe(`the people's full-text index, on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    const ids = { marisol: '', tomas: '', hidden: '', merged: '', member: '', outsider: '' };
    const names = async (q: string, userId = ids.outsider) => (await search(store.db, store.engine, { q, limit: 20 }, await deniedFor(store.db, userId))).people.map((p) => p.name);
    /** Every live record's row in the index, and only theirs: the triggers kept it in step. */
    const inStep = async () => {
      const indexed = (await sql<{ person_id: string }>`SELECT person_id FROM person_search ORDER BY person_id`.execute(store.db)).rows.map((r) => r.person_id);
      const live = (await store.db.selectFrom('persons').select('id').where('merged_into', 'is', null).orderBy('id').execute()).map((r) => r.id);
      assert.deepEqual(indexed, live);
    };
    before(async () => {
      store = await engine.open();
      await store.db.transaction().execute(async (tx) => {
        const person = async (name: string, d: number) => {
          const id = await createPerson(tx, AT, { name, names: [name] }, null);
          await tx.updateTable('persons').set({ last_news_at: day(d) }).where('id', '=', id).execute();
          return id;
        };
        ids.marisol = await person('Marisol González Ibarra', 10);
        ids.tomas = await person('Tomás Gonzalez', 12);
        // A restricted case bearing the name, in the news more recently than either.
        ids.hidden = await person('Renata González', 15);
        await tx.updateTable('persons').set({ restricted: 1, code_name: 'HERON' }).where('id', '=', ids.hidden).execute();
        ids.merged = await person('Old Record Gonzalez', 18);
        ids.member = (await insertUser(tx, AT, { email: 'member@example.org', name: 'member', role: 'analyst', passwordHash: 'x' })).id;
        ids.outsider = (await insertUser(tx, AT, { email: 'outsider@example.org', name: 'outsider', role: 'analyst', passwordHash: 'x' })).id;
        await addMember(tx, AT, ids.hidden, ids.member, ids.member);
      });
    });
    after(async () => store?.close());

    test('accents folded both ways, every word a prefix of a name, newest in the news first', async () => {
      assert.deepEqual(await names('Gonzalez'), ['Old Record Gonzalez', 'Tomás Gonzalez', 'Marisol González Ibarra']);
      assert.deepEqual(await names('GONZÁLEZ'), ['Old Record Gonzalez', 'Tomás Gonzalez', 'Marisol González Ibarra']);
      assert.deepEqual(await names('tomas gonz'), ['Tomás Gonzalez']);
      assert.deepEqual(await names('ibarra marisol'), ['Marisol González Ibarra']);
      // A piece from inside a word is not a prefix of any.
      assert.deepEqual(await names('onzalez'), []);
      await inStep();
    });

    test('a restricted case is found by its members only, under its code name', async () => {
      assert.ok(!(await names('renata')).length, 'not by its own name');
      assert.ok(!(await names('gonzalez')).includes('HERON'));
      const outsider = JSON.stringify(await search(store.db, store.engine, { q: 'gonzalez', limit: 20 }, await deniedFor(store.db, ids.outsider)));
      for (const leak of [ids.hidden, 'Renata', 'HERON']) assert.ok(!outsider.includes(leak), leak);
      assert.deepEqual(await names('gonzalez', ids.member), ['Old Record Gonzalez', 'HERON', 'Tomás Gonzalez', 'Marisol González Ibarra']);
      // a member finds it by the code name shown them; no one else does
      assert.deepEqual(await names('Heron', ids.member), ['HERON']);
      assert.deepEqual(await names('heron', ids.outsider), []);
    });

    test('the index follows news, aliases, merges and deletions in the writer\'s transaction', async () => {
      // Back in the news: first.
      await store.db.updateTable('persons').set({ last_news_at: day(25) }).where('id', '=', ids.marisol).execute();
      assert.deepEqual(await names('gonzalez'), ['Marisol González Ibarra', 'Old Record Gonzalez', 'Tomás Gonzalez']);
      // A name added later is found, with its accents folded.
      await store.db.transaction().execute((tx) => addAliases(tx, AT, ids.tomas, ['Tomás Gonzalez-Ruíz'], null));
      assert.deepEqual(await names('ruiz'), ['Tomás Gonzalez']);
      // A write rolled back leaves the index as it was.
      await assert.rejects(
        store.db.transaction().execute(async (tx) => {
          await addAliases(tx, AT, ids.tomas, ['Tomás Quintero'], null);
          throw new Error('rolled back');
        }),
        /rolled back/,
      );
      assert.deepEqual(await names('quintero'), []);
      // An alias taken away is no longer searched.
      await store.db.deleteFrom('person_aliases').where('person_id', '=', ids.tomas).where('normalized', '=', 'tomas gonzalez ruiz').execute();
      assert.deepEqual(await names('ruiz'), []);
      assert.deepEqual(await names('tomas'), ['Tomás Gonzalez']);
      // A record merged into another answers as that one; unmerged, it answers again.
      await store.db.updateTable('persons').set({ merged_into: ids.tomas }).where('id', '=', ids.merged).execute();
      assert.deepEqual(await names('gonzalez'), ['Marisol González Ibarra', 'Tomás Gonzalez']);
      await inStep();
      await store.db.updateTable('persons').set({ merged_into: null }).where('id', '=', ids.merged).execute();
      assert.deepEqual(await names('record'), ['Old Record Gonzalez']);
      // A person removed is gone from the index.
      await store.db.deleteFrom('person_aliases').where('person_id', '=', ids.merged).execute();
      await store.db.deleteFrom('persons').where('id', '=', ids.merged).execute();
      assert.deepEqual(await names('record'), []);
      await inStep();
    });

    test('people never in the news come after those who were, and a status narrows them', async () => {
      const fresh = await store.db.transaction().execute((tx) => createPerson(tx, AT, { name: 'Nadia Gonzalez', names: ['Nadia Gonzalez'] }, null));
      assert.deepEqual((await names('gonzalez')).at(-1), 'Nadia Gonzalez');
      const status = (await store.db.selectFrom('persons').select('status').where('id', '=', fresh).executeTakeFirstOrThrow()).status;
      await store.db.updateTable('persons').set({ status: 'detained' }).where('id', '=', ids.tomas).execute();
      const r = await search(store.db, store.engine, { q: 'gonzalez', status: 'detained', limit: 20 }, await deniedFor(store.db, ids.outsider));
      assert.deepEqual(r.people.map((p) => p.name), ['Tomás Gonzalez']);
      assert.notEqual(status, 'detained');
      await inStep();
    });
  });
}
