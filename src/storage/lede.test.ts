import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertReport, ledeOf, ledesOf } from './reports.js';
import type { Store } from './store.js';
import { TEST_ENGINES } from './testing.js';

const AT = '2026-11-20T09:00:00.000Z';

test("an untitled report's opening words stand for its title: its first line, cut at a word", () => {
  assert.equal(ledeOf('\n\nTARSK — Police held the editor Mara Velin.\nShe was freed.'), 'TARSK — Police held the editor Mara Velin.');
  const long = `TARSK, Velmora — ${'the union said that police had detained its leader '.repeat(4)}`;
  const lede = ledeOf(long);
  assert.ok(lede.endsWith('…') && lede.length <= 111, lede);
  assert.ok(long.startsWith(lede.slice(0, -1)), 'whole words of the text');
  // must not match: a short first line is kept whole, with no ellipsis; an empty text gives nothing
  assert.equal(ledeOf('Police held Ana Ruz.'), 'Police held Ana Ruz.');
  assert.equal(ledeOf('  \n '), '');
});

for (const engine of TEST_ENGINES) {
  describe(`untitled reports' opening words are read for a page's ids only, on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    before(async () => {
      store = await engine.open();
    });
    after(() => store.close());

    test('the opening of each report asked for, none of the others', async () => {
      const [a, b] = await store.db.transaction().execute(async (tx) => [
        (await insertReport(tx, AT, { text: 'ORSK — Police held the editor Mara Velin on Monday.\nMore.', format: 'text', source: 'test' })).report.id,
        (await insertReport(tx, AT, { text: 'VELM — A court freed Ivo Rant.', format: 'text', source: 'test' })).report.id,
      ]);
      const ledes = await ledesOf(store.db, [a]);
      assert.deepEqual([...ledes], [[a, 'ORSK — Police held the editor Mara Velin on Monday.']]);
      assert.equal(ledes.has(b), false);
      assert.equal((await ledesOf(store.db, [])).size, 0);
    });
  });
}
