import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Denied } from './access.js';
import { addMember, checkReportNames, deniedFor, hiddenReports, setSetting } from './access.js';
import { NameMatcher } from './name-matcher.js';
import { createPerson } from './persons.js';
import { insertReport } from './reports.js';
import { search } from './search.js';
import type { Store } from './store.js';
import { TEST_ENGINES } from './testing.js';
import { insertUser } from './users.js';

const AT = '2026-11-20T09:00:00.000Z';

describe('a matcher tells every name a text holds', () => {
  test('the shorter name at the place of a longer one, letters inside a word, and a name folded to whole words', () => {
    const m = new NameMatcher([
      { text: 'ilsabet varkonen', shown: 'A' },
      { text: 'ilsabet', shown: 'B' },
      { text: 'drošt', shown: 'C' },
      { text: 'nobody here', shown: 'D' },
    ]);
    assert.deepEqual([...m.found('Ilsabet Varkonen spoke.')].sort(), ['ilsabet', 'ilsabet varkonen']);
    assert.deepEqual([...m.found('The Ilsabetsund ferry.')], ['ilsabet']);
    // No letter-for-letter "drošt" in "Drost", but the word index folds the accent.
    assert.deepEqual([...m.found('Pavel Drost was held.')], ['drošt']);
    assert.deepEqual([...m.found('Nothing to see.')], []);
  });
});

// Invented people and places.
for (const engine of TEST_ENGINES) {
  describe(`stored verdicts on restricted names decide as reading the texts did, on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    const ids = { ilsabet: '', corvin: '', member: '', outsider: '' };
    const reports: Record<string, string> = {};
    before(async () => {
      store = await engine.open();
      await store.db.transaction().execute(async (tx) => {
        ids.ilsabet = await createPerson(tx, AT, { name: 'Ilsabet Varkonen', names: ['Ilsabet Varkonen', 'Varkonen'] }, null);
        ids.corvin = await createPerson(tx, AT, { name: 'Corvin Ashgrove', names: ['Corvin Ashgrove'] }, null);
        await tx.updateTable('persons').set({ restricted: 1, code_name: 'LANTERN' }).where('id', '=', ids.corvin).execute();
        ids.member = (await insertUser(tx, AT, { email: 'member@example.org', name: 'member', role: 'analyst', passwordHash: 'x' })).id;
        ids.outsider = (await insertUser(tx, AT, { email: 'outsider@example.org', name: 'outsider', role: 'analyst', passwordHash: 'x' })).id;
        await addMember(tx, AT, ids.ilsabet, ids.member, ids.member);
        await addMember(tx, AT, ids.corvin, ids.member, ids.member);
        const add = async (key: string, text: string, title: string | null = null) => (reports[key] = (await insertReport(tx, AT, { text, title, format: 'text', source: 'test' })).report.id);
        await add('ilsabet', 'Police in Drellis held Ilsabet Varkonen at the harbour.');
        await add('inside', 'The Varkonenberg harbour bridge was closed by police.');
        await add('corvin', 'The lawyer of Corvin Ashgrove appealed at the harbour court.');
        await add('alias', 'Ashgrove was moved to another prison near the harbour.');
        await add('title', 'The hearing at the harbour court was adjourned.', 'Hearing for Corvin Ashgrove adjourned');
        await add('other', 'A storm closed the harbour of Drellis.');
      });
    });
    after(async () => store?.close());

    const write = (f: (tx: Store['db']) => Promise<unknown>) => store.db.transaction().execute(async (tx) => void (await f(tx)));
    const checkAll = async () => {
      let n = 0;
      for (let k; (k = await checkReportNames(store.db, 2)) > 0; ) n += k;
      return n;
    };
    const stored = async () => new Map((await store.db.selectFrom('report_name_checks').selectAll().execute()).map((r) => [r.report_id, r]));
    const hiddenKeys = async (denied: Denied) => {
      const hidden = await hiddenReports(store.db, denied, Object.values(reports));
      return Object.keys(reports).filter((k) => hidden.has(reports[k]!)).sort();
    };
    /** What reading every text finds, for the same list (a copy without the key of the stored verdicts). */
    const byReading = async (denied: Denied) => hiddenKeys({ ...denied, checks: undefined, names: [...denied.names] });
    const searched = async (userId: string, q: string) => {
      const r = await search(store.db, store.engine, { q, limit: 50 }, await deniedFor(store.db, userId));
      return Object.keys(reports).filter((k) => r.reports.some((x) => x.id === reports[k])).sort();
    };

    test('a new report is not yet checked; checking stores which restricted people each report names', async () => {
      assert.ok([...(await stored()).values()].every((r) => r.names_key === ''), 'not checked at insert');
      assert.equal(await checkAll(), 6);
      assert.equal(await checkReportNames(store.db), 0, 'nothing left');
      const rows = await stored();
      const key = (await deniedFor(store.db, ids.outsider)).checks;
      assert.ok(key);
      assert.ok([...rows.values()].every((r) => r.names_key === key));
      assert.deepEqual(Object.keys(reports).filter((k) => rows.get(reports[k]!)!.persons === ids.corvin).sort(), ['corvin', 'title']);
      assert.deepEqual(await hiddenKeys(await deniedFor(store.db, ids.outsider)), ['corvin', 'title']);
      assert.deepEqual(await hiddenKeys(await deniedFor(store.db, ids.member)), []);
    });

    test('the check reads the stored verdict, not the text', async () => {
      const id = (await insertReport(store.db, AT, { text: 'Corvin Ashgrove was seen at the court again.', format: 'text', source: 'test' })).report.id;
      assert.equal(await checkAll(), 1);
      const outsider = await deniedFor(store.db, ids.outsider);
      assert.equal((await stored()).get(id)!.persons, ids.corvin);
      // A verdict that (wrongly) names nobody shows the report: what is stored is what decides.
      await store.db.updateTable('report_name_checks').set({ persons: '' }).where('report_id', '=', id).execute();
      assert.equal((await hiddenReports(store.db, outsider, [id])).size, 0);
      await store.db.updateTable('report_name_checks').set({ persons: ids.corvin }).where('report_id', '=', id).execute();
      // (The process remembers what it decided for a list of names: the repaired row is read for another list.)
      assert.equal((await hiddenReports(store.db, { ...outsider, names: [...outsider.names, { text: 'no such name here', shown: 'x' }] }, [id])).size, 1);
      await store.db.deleteFrom('report_name_checks').where('report_id', '=', id).execute();
      if (engine.engine === 'sqlite') await sql`DELETE FROM reports_fts WHERE report_id = ${id}`.execute(store.db);
      await store.db.deleteFrom('reports').where('id', '=', id).execute();
    });

    test('a case restricted: the reports naming it leave a non-member\'s search at once, and stay out once checked; a member still sees them', async () => {
      assert.deepEqual(await searched(ids.outsider, 'harbour'), ['alias', 'ilsabet', 'inside', 'other']);
      await write((tx) => tx.updateTable('persons').set({ restricted: 1, code_name: 'HERON' }).where('id', '=', ids.ilsabet).execute());
      const outsider = await deniedFor(store.db, ids.outsider);
      // Letters inside a word ("Varkonenberg") hide a report too, as reading the text did.
      assert.deepEqual(await hiddenKeys(outsider), ['corvin', 'ilsabet', 'inside', 'title'], 'before the verdicts are brought up to date');
      assert.deepEqual(await searched(ids.outsider, 'harbour'), ['alias', 'other']);
      assert.deepEqual(await searched(ids.outsider, 'varkonen'), []);
      assert.equal(await checkAll(), 6, 'every verdict was out of date');
      assert.deepEqual(await hiddenKeys(await deniedFor(store.db, ids.outsider)), ['corvin', 'ilsabet', 'inside', 'title'], 'after');
      assert.deepEqual(await byReading(await deniedFor(store.db, ids.outsider)), ['corvin', 'ilsabet', 'inside', 'title']);
      assert.deepEqual(await searched(ids.outsider, 'harbour'), ['alias', 'other']);
      assert.deepEqual(await searched(ids.member, 'harbour'), ['alias', 'corvin', 'ilsabet', 'inside', 'other', 'title']);
      assert.deepEqual(await searched(ids.member, 'varkonen'), ['ilsabet']);
    });

    test('an alias added to a restricted case hides the reports that name it by that alias, at once and once checked', async () => {
      await write((tx) => tx.insertInto('person_aliases').values({ person_id: ids.corvin, normalized: 'ashgrove', alias: 'Ashgrove', report_id: null, created_at: AT, script: null, kind: null }).execute());
      assert.deepEqual(await searched(ids.outsider, 'harbour'), ['other']);
      await checkAll();
      assert.equal((await stored()).get(reports.alias!)!.persons, ids.corvin);
      assert.deepEqual(await searched(ids.outsider, 'harbour'), ['other']);
      assert.deepEqual(await searched(ids.outsider, 'prison'), []);
      assert.deepEqual(await searched(ids.member, 'prison'), ['alias']);
    });

    test('a member of one restricted case only: the reports naming the other stay hidden from them', async () => {
      await write((tx) => tx.deleteFrom('case_members').where('person_id', '=', ids.corvin).execute());
      const denied = await deniedFor(store.db, ids.member);
      assert.deepEqual(denied.persons, [ids.corvin]);
      assert.deepEqual(await hiddenKeys(denied), ['alias', 'corvin', 'title']);
      assert.deepEqual(await byReading(denied), ['alias', 'corvin', 'title']);
      assert.deepEqual(await searched(ids.member, 'harbour'), ['ilsabet', 'inside', 'other']);
      await write((tx) => addMember(tx, AT, ids.corvin, ids.member, ids.member));
    });

    test('in a lockdown a member sees none of them; lifted, all again, with no verdict to redo', async () => {
      await write((tx) => setSetting(tx, AT, 'lockdown', { since: AT, by: ids.member, reason: 'drill' }));
      assert.deepEqual(await searched(ids.member, 'harbour'), ['other']);
      assert.equal(await checkReportNames(store.db), 0, 'a lockdown changes who is denied, not the names');
      await write((tx) => setSetting(tx, AT, 'lockdown', null));
      assert.deepEqual(await searched(ids.member, 'harbour'), ['alias', 'corvin', 'ilsabet', 'inside', 'other', 'title']);
    });

    test('a case opened up again: its reports are back for everyone once checked, and at once', async () => {
      await write((tx) => tx.updateTable('persons').set({ restricted: 0 }).where('id', '=', ids.ilsabet).execute());
      assert.deepEqual(await searched(ids.outsider, 'harbour'), ['ilsabet', 'inside', 'other']);
      await checkAll();
      assert.equal((await stored()).get(reports.ilsabet!)!.persons, '');
      assert.deepEqual(await searched(ids.outsider, 'harbour'), ['ilsabet', 'inside', 'other']);
    });
  });
}
