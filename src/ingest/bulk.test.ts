import assert from 'node:assert/strict';
import { headlineOf } from '../articles/article.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Extractor } from '../articles/extract.js';
import { ensureDefaultRules, listAlerts } from '../storage/alerts.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES, manualClock, watchNames } from '../storage/testing.js';
import { importFile } from './bulk.js';
import { extractHandler } from './process.js';
import { schedulerTick } from './scheduler.js';
import { submitArticle } from './submit.js';
import { Worker } from './worker.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-bulk-'));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const engine of TEST_ENGINES) {
  describe(`bulk import and the scheduler on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    const clock = manualClock('2026-11-20T12:00:00Z');
    before(async () => {
      store = await engine.open(clock.now);
      await store.db.transaction().execute((tx) => ensureDefaultRules(tx, clock.now().toISOString()));
      // The scheduler test is about a case's alerts: the person is watched, so the case policy gives her one.
      await watchNames(store, ['Suli Marrow']);
    });
    after(async () => store?.close());

    test('JSONL and CSV: good records stored, bad ones reported by number, repeats recognised', async () => {
      const jsonl = path.join(dir, `batch-${engine.engine}.jsonl`);
      writeFileSync(jsonl, ['{"id":"a","text":"Activist Ona Brill disappeared in Karsvik on Monday, her family said.","published":"2026-11-18"}', 'not json', '{"id":"b"}', '{"id":"c","text":"Activist Ona Brill disappeared in Karsvik on Monday, her family said.","published":"2026-11-18"}', ''].join('\n'));
      const seen: number[] = [];
      const p = await importFile(store, jsonl, 'jsonl', 'test', (q) => seen.push(q.read));
      assert.deepEqual([p.read, p.added, p.duplicates, p.failed.map((f) => f.record)], [4, 1, 1, [2, 3]]);
      assert.ok(seen.length >= 1, 'progress reported');
      const csv = path.join(dir, `batch-${engine.engine}.csv`);
      writeFileSync(csv, 'id,published,title,text\nx,2026-11-19,"Lawyer held","Lawyer Tarik Veldt was arrested in Karsvik on Wednesday, colleagues said."\ny,2026-13-45,Bad date,"Some text about something."\n');
      const q = await importFile(store, csv, 'csv', 'test');
      assert.deepEqual([q.read, q.added, q.failed.length], [2, 1, 1]);
      assert.match(q.failed[0]!.message, /date/);
      const titled = await store.db.selectFrom('reports').select(['title', 'published']).where('title', '=', 'Lawyer held').executeTakeFirst();
      assert.deepEqual(titled, { title: 'Lawyer held', published: '2026-11-19' });
      // no title given: a text that opens with its headline is titled by it, as a paste is; one that opens with a sentence is not
      const headed = path.join(dir, `headed-${engine.engine}.jsonl`);
      writeFileSync(headed, ['{"id":"h","text":"Union leader Pell Arno abducted\\n\\nUnknown men seized Pell Arno in Karsvik on Tuesday.","published":"2026-11-18"}', '{"id":"s","text":"Unknown men beat the reporter Vesa Lind in Karsvik.\\nHer editor said so.","published":"2026-11-18"}'].join('\n'));
      await importFile(store, headed, 'jsonl', 'test');
      const titles = await store.db.selectFrom('reports').select(['title', 'text']).where('text', 'like', '%Karsvik on Tuesday%').execute();
      assert.deepEqual(titles.map((t) => t.title), ['Union leader Pell Arno abducted']);
      const sentence = await store.db.selectFrom('reports').select('title').where('text', 'like', '%Vesa Lind%').executeTakeFirstOrThrow();
      assert.equal(sentence.title, null);
      // must not match: a dateline, a byline, a breadcrumb, a lead-in, a hard-wrapped line
      for (const t of ['ORSK-DAL, 1 December 2026\n\nPolice held Ana Ruz.', 'By Mara Velin, Meridian Wire\n\nPolice held Ana Ruz.', 'Home | News | World\n\nPolice held Ana Ruz.', 'The rights group said:\n\nPolice held Ana Ruz.', 'Police in Orsk-Dal detained the defender Ana Ruz on Monday\nafter she spoke to reporters.']) assert.equal(headlineOf(t), undefined, t);
      assert.equal(headlineOf('Why was Ana Ruz detained?\n\nPolice held her.'), 'Why was Ana Ruz detained?');
    });

    // ONTOLOGY "Case status" (issue #34): the rule is "no confirmation of whereabouts for N hours",
    // counted from when the report was read; a disappearance the family tells ("her family said")
    // would not set the status until accepted, so the report here tells it itself.
    test('the scheduler raises "no confirmation of whereabouts for 24 hours" when the time since reading is up, without new reports', async () => {
      // Suli Marrow disappeared on Monday 2026-11-16; the report is read that evening.
      clock.set('2026-11-16T20:00:00Z');
      await submitArticle(store, { text: 'Activist Suli Marrow disappeared in Karsvik on Monday.', format: 'text', published: '2026-11-16' }, { source: 'paste', actor: 'test' });
      await new Worker(store, { extract: extractHandler(new Extractor()) }).drain();
      const unknown = await store.db.selectFrom('persons').select(['id', 'status']).where('name', '=', 'Suli Marrow').executeTakeFirstOrThrow();
      assert.equal(unknown.status, 'whereabouts_unknown');
      // One open alert per person and episode: the rule's alert folds into the open "new disappearance" one.
      const told = async () => (await listAlerts(store.db, { personId: unknown.id, limit: 50, offset: 0 })).map((a) => a.message).join('\n');
      const times = async () => (await told()).split('no confirmation of whereabouts for 24 h').length - 1;
      clock.set('2026-11-17T19:00:00Z');
      await schedulerTick(store);
      assert.equal(await times(), 0, 'not yet: 23 hours since it was read');
      clock.set('2026-11-17T22:00:00Z');
      await schedulerTick(store);
      assert.equal(await times(), 1, 'after 26 hours');
      await schedulerTick(store);
      assert.equal(await times(), 1, 'raised once, not on every tick');
      assert.equal((await listAlerts(store.db, { personId: unknown.id, open: true, limit: 50, offset: 0 })).length, 1);
    });
  });
}
