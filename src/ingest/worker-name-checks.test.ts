import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { deniedFor } from '../storage/access.js';
import { createPerson } from '../storage/persons.js';
import { insertReport } from '../storage/reports.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES } from '../storage/testing.js';
import { Worker } from './worker.js';

const AT = '2026-11-20T09:00:00.000Z';

// Invented people and places.
for (const engine of TEST_ENGINES) {
  describe(`the background worker keeps the stored verdicts on restricted names up to date, on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    let worker: Worker;
    let wren = '';
    const reports: string[] = [];
    before(async () => {
      store = await engine.open();
      await store.db.transaction().execute(async (tx) => {
        wren = await createPerson(tx, AT, { name: 'Odalys Quarrender', names: ['Odalys Quarrender'] }, null);
        for (let i = 0; i < 7; i++) reports.push((await insertReport(tx, AT, { text: i % 2 ? `Odalys Quarrender spoke at the quay, day ${i}.` : `The quay at Brundel was closed, day ${i}.`, format: 'text', source: 'test' })).report.id);
      });
      worker = new Worker(store, { noop: async () => undefined }, { pollMs: 10 });
    });
    after(async () => {
      await worker?.stop();
      await store?.close();
    });

    /** The verdicts once every one is checked (against `key` when given), or an error after 10 s. */
    const settled = async (key?: string) => {
      for (let waited = 0; waited < 10_000; waited += 20) {
        const rows = await store.db.selectFrom('report_name_checks').selectAll().execute();
        if (rows.length === reports.length && rows.every((r) => r.names_key !== '' && (key === undefined || r.names_key === key))) return new Map(rows.map((r) => [r.report_id, r.persons]));
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('the verdicts were not brought up to date');
    };

    test('between jobs, every report is checked; a case restricted later, its reports again', async () => {
      worker.start();
      const first = await settled();
      assert.deepEqual(reports.map((id) => first.get(id)), reports.map(() => ''), 'nobody restricted: nobody named');
      await store.db.updateTable('persons').set({ restricted: 1 }).where('id', '=', wren).execute();
      const key = (await deniedFor(store.db, 'nobody')).checks;
      assert.ok(key);
      const second = await settled(key);
      assert.deepEqual(reports.map((id) => second.get(id)), reports.map((_, i) => (i % 2 ? wren : '')));
    });
  });
}
