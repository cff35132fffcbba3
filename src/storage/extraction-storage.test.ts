import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ExtractionDocument } from '../text/types.js';
import { getReport, insertReport, parseExtraction, saveExtraction } from './reports.js';
import type { Store } from './store.js';
import { TEST_ENGINES } from './testing.js';

const AT = '2026-11-20T09:00:00.000Z';
// An invented report; the tokens repeat as a real extraction's do, which is what compresses.
const TEXT = 'Police in Varrow detained the reporter Ilse Brandmoor on Tuesday. '.repeat(40);
const doc = (text: string): ExtractionDocument => ({
  published: '2026-11-19',
  text,
  offsets: 'utf16',
  sentences: [],
  tokens: Array.from({ length: 400 }, (_, i) => ({ i, start: i * 6, end: i * 6 + 5, text: 'words', upos: 'NOUN', lemma: 'word', head: 0, deprel: 'root', xpos: 'NNS' })) as unknown as ExtractionDocument['tokens'],
  entities: [],
  timexes: [],
  quotes: [],
  events: [],
});

for (const engine of TEST_ENGINES) {
  describe(`a report's extraction is stored compressed and read back whole, on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    before(async () => {
      store = await engine.open();
    });
    after(() => store.close());

    test('saved into extraction_z, a fraction of its JSON, and parsed back equal', async () => {
      const id = await store.db.transaction().execute(async (tx) => {
        const { report } = await insertReport(tx, AT, { text: TEXT, format: 'text', source: 'test' });
        await saveExtraction(tx, store.engine, report.id, doc(TEXT));
        return report.id;
      });
      const row = (await getReport(store.db, id))!;
      assert.equal(row.extraction, null);
      assert.ok(row.extraction_z && row.extraction_z.length > 0);
      assert.ok(row.extraction_z.length < JSON.stringify(doc(TEXT)).length / 5, `compressed to ${row.extraction_z.length} bytes`);
      assert.deepEqual(parseExtraction(row), doc(TEXT));
    });

    test('a row stored before the compressed column (JSON in `extraction`) still reads', async () => {
      const other = `${TEXT} Another day.`;
      const id = await store.db.transaction().execute(async (tx) => {
        const { report } = await insertReport(tx, AT, { text: other, format: 'text', source: 'test' });
        await tx.updateTable('reports').set({ extraction: JSON.stringify(doc(other)), state: 'extracted' }).where('id', '=', report.id).execute();
        return report.id;
      });
      assert.deepEqual(parseExtraction((await getReport(store.db, id))!), doc(other));
    });
  });
}
