import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from './app.js';
import { getReport } from '../storage/reports.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES, manualClock } from '../storage/testing.js';
import { IsolatedExtractor } from '../ingest/isolated.js';
import { extractHandler } from '../ingest/process.js';
import { submitArticle } from '../ingest/submit.js';
import { Worker } from '../ingest/worker.js';

const sqlite = TEST_ENGINES[0]!;

describe('one report cannot stop the server: extraction in a thread with a budget', () => {
  let store: Store;
  const clock = manualClock('2026-11-19T12:00:00Z');
  const readers: IsolatedExtractor[] = [];
  before(async () => {
    store = await sqlite.open(clock.now);
  });
  after(async () => {
    for (const r of readers) await r.close();
    await store?.close();
  });

  test('the API answers while a 100 KB hostile report is read', async () => {
    const reader = new IsolatedExtractor({ ms: 600_000, memoryMb: 1536 });
    readers.push(reader);
    // Models loaded first: the hostile report itself is what is being read when health is asked.
    await reader.extract({ text: 'Police held Edda Rusk on Monday.', format: 'text' });
    const worker = new Worker(store, { extract: extractHandler(reader) });
    const app = createApp({ store });
    await submitArticle(store, { text: `Police held Joran Aldemir. ${'"'.repeat(100 * 1024)}`, format: 'text' }, { source: 'paste', actor: 'test' });
    const job = worker.runOnce().then(() => 'the report was read' as const);
    // Give the thread the report before asking: a blocked event loop would answer only after the job.
    await new Promise((r) => setTimeout(r, 50));
    const health = Promise.resolve(app.request('/api/health')).then(async (r) => (assert.equal(r.status, 200), 'health answered' as const));
    assert.equal(await Promise.race([health, job]), 'health answered');
    // No need to wait for the whole report: ending the thread fails the job, to be retried.
    await reader.close();
    await job;
  });

  test('a report over its budget fails with a clear error after one retry', async () => {
    const reader = new IsolatedExtractor({ ms: 1, memoryMb: 1536 });
    readers.push(reader);
    await store.close();
    store = await sqlite.open(clock.now);
    const worker = new Worker(store, { extract: extractHandler(reader) });
    const { reportId } = await submitArticle(store, { text: `Police held Edda Rusk. ${'('.repeat(23 * 1024)}`, format: 'text' }, { source: 'paste', actor: 'test' });
    assert.equal(await worker.runOnce(), true);
    assert.equal((await getReport(store.db, reportId))!.state, 'queued', 'the first time over budget it is tried again');
    clock.advance(3_600_000);
    assert.equal(await worker.runOnce(), true);
    const failed = (await getReport(store.db, reportId))!;
    assert.equal(failed.state, 'failed');
    assert.match(failed.error ?? '', /went over its time budget of 0.001 s for this report \(23 KB\).*tried twice/);
    const job = await store.db.selectFrom('jobs').select(['state', 'attempts']).where('kind', '=', 'extract').where('payload', 'like', `%${reportId}%`).executeTakeFirstOrThrow();
    assert.deepEqual([job.state, Number(job.attempts)], ['failed', 2]);
  });
});
