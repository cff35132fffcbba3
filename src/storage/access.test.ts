import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { deniedFor, hiddenReports } from './access.js';
import { createPerson } from './persons.js';
import { insertReport, listReports } from './reports.js';
import type { Store } from './store.js';
import { TEST_ENGINES } from './testing.js';

const AT = '2026-11-20T09:00:00.000Z';
// Invented people and places. Filler long enough to push a name past PostgreSQL's last word position (16,383).
const FILLER = 'The river ferry ran late again on the coast road. '.repeat(2000);

for (const engine of TEST_ENGINES) {
  describe(`a report that names a restricted person is hidden, on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    const ids: Record<string, string> = {};
    before(async () => {
      store = await engine.open();
      await store.db.transaction().execute(async (tx) => {
        const heron = await createPerson(tx, AT, { name: 'Maren Tolvik Asgard', names: ['Maren Tolvik Asgard', 'Tolvik', '托尔维克'] }, null);
        await tx.updateTable('persons').set({ restricted: 1, code_name: 'Heron' }).where('id', '=', heron).execute();
        // one record merged into her: its name hides reports too
        const merged = await createPerson(tx, AT, { name: 'M. T. Åsgard', names: ['M. T. Åsgard'] }, null);
        await tx.updateTable('persons').set({ merged_into: heron }).where('id', '=', merged).execute();
        const add = async (key: string, text: string, title: string | null = null) => (ids[key] = (await insertReport(tx, AT, { text, title, format: 'text', source: 'test' })).report.id);
        await add('full', 'Police in Karsvik detained Maren Tolvik Asgard on Monday.');
        await add('alias', 'Tolvik was moved to another prison, her brother said.');
        await add('upper', 'MAREN TOLVIK ASGARD IS STILL HELD.');
        await add('title', 'The court adjourned the hearing to December.', 'Hearing for Maren Tolvik Asgard adjourned');
        await add('merged', 'A letter from M. T. Åsgard reached the press.');
        await add('late', `${FILLER}At the end, a letter from M. T. Åsgard was read out.`);
        await add('possessive', "Tolvik's lawyer filed an appeal.");
        await add('other', 'The ferry to Karsvik was cancelled by the storm.');
        // a script written without spaces: the name inside a longer run of text, in either script
        await add('glued', '记者Tolvik被捕了。');
        await add('hanzi', '记者托尔维克被捕了。');
        await add('other-hanzi', '渡船因风暴停航。');
        await add('near-miss', 'Bertolvik opened a bakery in the harbour.');
      });
    });
    after(async () => store?.close());

    test('in a list: in the text, an alias, capitals, the title, a merged record, past 16,383 words, a possessive, inside Chinese text: hidden; other reports: shown', async () => {
      const denied = await deniedFor(store.db, 'someone-else');
      const listed = new Set((await listReports(store.db, store.engine, { denied, limit: 100, offset: 0 })).map((r) => r.id));
      const shown = Object.keys(ids).filter((k) => listed.has(ids[k]!));
      // A list leaves out exactly what opening by id hides: letters inside a word ("Bertolvik") too.
      assert.deepEqual(shown.sort(), ['other', 'other-hanzi']);
    });

    test('pages of a list with hidden reports: by cursor and by offset, every shown report once, in order', async () => {
      const denied = await deniedFor(store.db, 'someone-else');
      const whole = (await listReports(store.db, store.engine, { denied, limit: 100, offset: 0 })).map((r) => r.id);
      const paged: string[] = [];
      let cursor: { at: string | null; id: string } | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await listReports(store.db, store.engine, { denied, limit: 1, offset: 0, ...(cursor ? { cursor } : {}) });
        if (!page.length) break;
        paged.push(...page.map((r) => r.id));
        cursor = { at: page.at(-1)!.created_at, id: page.at(-1)!.id };
      }
      assert.deepEqual(paged, whole);
      assert.deepEqual((await listReports(store.db, store.engine, { denied, limit: 5, offset: 1 })).map((r) => r.id), whole.slice(1));
    });

    test('opened by id: every report a list hides is hidden, and letters inside a word hide one too', async () => {
      const denied = await deniedFor(store.db, 'someone-else');
      const hidden = await hiddenReports(store.db, denied, Object.values(ids));
      const shown = Object.keys(ids).filter((k) => !hidden.has(ids[k]!));
      assert.deepEqual(shown.sort(), ['other', 'other-hanzi']);
    });

    test('the same reports are all shown to someone nothing is denied', async () => {
      const hidden = await hiddenReports(store.db, { persons: [], userId: '', names: [] }, Object.values(ids));
      assert.equal(hidden.size, 0);
    });
  });
}
