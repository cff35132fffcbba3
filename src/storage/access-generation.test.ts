import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addMember, deniedFor, setSetting } from './access.js';
import { createPerson } from './persons.js';
import type { Store } from './store.js';
import { TEST_ENGINES } from './testing.js';
import { insertUser } from './users.js';

const AT = '2026-11-20T09:00:00.000Z';

// Invented people.
for (const engine of TEST_ENGINES) {
  describe(`the denied list is reused until what it was read from changes, on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    let user: string;
    let heron: string;
    before(async () => {
      store = await engine.open();
      await store.db.transaction().execute(async (tx) => {
        user = (await insertUser(tx, AT, { email: 'desk@example.org', name: 'Desk', role: 'analyst', passwordHash: 'x' })).id;
        heron = await createPerson(tx, AT, { name: 'Sella Vornqvist', names: ['Sella Vornqvist'] }, null);
      });
    });
    after(async () => store?.close());

    const write = (f: (tx: Store['db']) => Promise<unknown>) => store.db.transaction().execute(async (tx) => void (await f(tx)));

    test('nothing restricted; an unrelated write keeps the same list', async () => {
      const a = await deniedFor(store.db, user);
      assert.deepEqual(a.persons, []);
      await write((tx) => createPerson(tx, AT, { name: 'Odo Halvering', names: ['Odo Halvering', 'Halvering'] }, null));
      assert.equal(await deniedFor(store.db, user), a, 'same object: no restricted case changed');
    });

    test('restricting a case denies it at once; a new alias is in the names at once', async () => {
      await write((tx) => tx.updateTable('persons').set({ restricted: 1, code_name: 'Kite' }).where('id', '=', heron).execute());
      const d = await deniedFor(store.db, user);
      assert.deepEqual(d.persons, [heron]);
      assert.ok(d.names.some((n) => n.text === 'sella vornqvist' && n.shown === 'Kite'));
      assert.equal(await deniedFor(store.db, user), d, 'reused while nothing changed');
      await write((tx) => tx.insertInto('person_aliases').values({ person_id: heron, normalized: 'vornqvist', alias: 'Vornqvist', report_id: null, created_at: AT, script: null, kind: null }).execute());
      assert.ok((await deniedFor(store.db, user)).names.some((n) => n.text === 'vornqvist'));
    });

    test('a record merged into the case is denied with it; renaming the case changes the names', async () => {
      const merged = await store.db.transaction().execute(async (tx) => {
        const id = await createPerson(tx, AT, { name: 'S. Vornqvist-Ade', names: ['S. Vornqvist-Ade'] }, null);
        await tx.updateTable('persons').set({ merged_into: heron }).where('id', '=', id).execute();
        return id;
      });
      assert.deepEqual((await deniedFor(store.db, user)).persons.sort(), [heron, merged].sort());
      await write((tx) => tx.updateTable('persons').set({ name: 'Sella Vornqvist-Ade' }).where('id', '=', heron).execute());
      assert.ok((await deniedFor(store.db, user)).names.some((n) => n.text === 'sella vornqvist-ade'));
    });

    test('membership opens the case to the member; a lockdown closes it again', async () => {
      await write((tx) => addMember(tx, AT, heron, user, user));
      assert.deepEqual((await deniedFor(store.db, user)).persons, []);
      await write((tx) => setSetting(tx, AT, 'lockdown', { since: AT, by: user, reason: 'drill' }));
      assert.ok((await deniedFor(store.db, user)).persons.includes(heron));
      await write((tx) => setSetting(tx, AT, 'lockdown', null));
      assert.deepEqual((await deniedFor(store.db, user)).persons, []);
      await write((tx) => tx.deleteFrom('case_members').where('person_id', '=', heron).execute());
      assert.ok((await deniedFor(store.db, user)).persons.includes(heron));
    });

    test('opening the case up again denies nothing', async () => {
      await write((tx) => tx.updateTable('persons').set({ restricted: 0 }).where('id', '=', heron).execute());
      assert.deepEqual((await deniedFor(store.db, user)).persons, []);
    });
  });
}
