import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Extractor } from '../articles/extract.js';
import { articleFromString } from '../articles/read.js';
import { VigilError } from '../core/errors.js';
import { auditFor } from '../storage/audit.js';
import { claimJob, completeJob, getJob } from '../storage/jobs.js';
import { listAlerts } from '../storage/alerts.js';
import { loadTimeline } from '../storage/timeline.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES, manualClock, watchNames } from '../storage/testing.js';
import { ensureDefaultRules } from '../storage/alerts.js';
import { extractHandler } from './process.js';
import { submitArticle } from './submit.js';
import { schedulerTick } from './scheduler.js';
import { Worker } from './worker.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/cases/${name}`, import.meta.url), 'utf8');
const extractor = new Extractor();

async function seeded(store: Store): Promise<void> {
  await store.db.transaction().execute((tx) => ensureDefaultRules(tx, store.now().toISOString()));
}

for (const engine of TEST_ENGINES) {
  describe(`ingestion and cases on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    const clock = manualClock('2026-11-19T12:00:00Z');
    before(async () => {
      store = await engine.open(clock.now);
      await seeded(store);
      // These tests are about what a case holds: the people are watched, so the case policy gives them one
      // whatever the risk reading says (who gets a case is tested in policy.test.ts).
      await watchNames(store, ['Joran Aldemir', 'Mira Castell', 'Oska Brandt']);
    });
    after(async () => store?.close());

    test('two reports about one person: one case, one arrest told twice, a status, alerts', async () => {
      const worker = new Worker(store, { extract: extractHandler(extractor) });
      const a = await submitArticle(store, articleFromString(fixture('aldemir-1.txt'), 'aldemir-1', { published: '2026-11-18', url: 'https://karsvik-herald.example/aldemir' }), { source: 'paste', actor: 'test' });
      const b = await submitArticle(store, articleFromString(fixture('aldemir-2.txt'), 'aldemir-2', { published: '2026-11-19', url: 'https://velmora-wire.example/a/1' }), { source: 'paste', actor: 'test' });
      assert.equal(a.duplicate, false);
      assert.equal(await worker.drain(), 2);

      const persons = await store.db.selectFrom('persons').selectAll().execute();
      assert.deepEqual(persons.map((p) => p.name), ['Joran Aldemir']);
      const person = persons[0]!;
      const timeline = await loadTimeline(store.db, person.id);
      const arrests = timeline.filter((e) => e.type === 'ARREST' && e.modality === 'asserted');
      assert.equal(arrests.length, 1, 'the arrest told by both reports is one event');
      assert.equal(arrests[0]!.independentSources, 2);
      assert.equal(arrests[0]!.date_value, '2026-11-16');
      assert.deepEqual(new Set(arrests[0]!.sources.map((s) => s.report_id)), new Set([a.reportId, b.reportId]));
      // provenance: each source's span is the trigger's text in its report
      for (const s of arrests[0]!.sources) {
        const report = await store.db.selectFrom('reports').select('text').where('id', '=', s.report_id).executeTakeFirstOrThrow();
        assert.equal(report.text.slice(s.start, s.end), s.trigger);
      }
      assert.ok(timeline.some((e) => e.type === 'CHARGE' && e.modality === 'negated'), '"no charges yet" is on the timeline as a negated charge');
      // ONTOLOGY "Case status" (issue #34): whereabouts unknown only because a report says so. The
      // union relays it as news ("his whereabouts are not known, the union said"): the newest fact,
      // it sets the status, after the arrest both reports tell.
      const setter = timeline.find((e) => e.id === person.status_event_id);
      assert.equal(setter?.type, 'DISAPPEARANCE');
      assert.equal(setter?.modality, 'asserted');
      assert.equal(person.status, 'whereabouts_unknown');

      const alerts = await listAlerts(store.db, { personId: person.id, limit: 50, offset: 0 });
      assert.ok(alerts.some((x) => x.kind === 'new_event' && x.message.includes('disappearance')), JSON.stringify(alerts));
      assert.ok(alerts.every((x) => x.report_ids.length > 0), 'every alert links to its evidence');

      const history = await auditFor(store.db, 'person', person.id);
      assert.ok(history.some((h) => h.action === 'person.created' && h.report_id === a.reportId));
      assert.ok(history.some((h) => h.action === 'person.status_derived' && h.detail.to === person.status));
    });

    test('the same report submitted again is stored once and not queued again', async () => {
      const text = fixture('aldemir-1.txt');
      const again = await submitArticle(store, articleFromString(`${text}\n\n`, 'again', { published: '2026-11-18' }), { source: 'paste', actor: 'test' });
      assert.equal(again.duplicate, true);
      assert.equal(again.jobId, null);
      const n = await store.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 2);
    });

    test('a worker killed mid-job: the lease runs out, another worker redoes it, the first cannot commit', async () => {
      const text = 'Rights lawyer Mira Castell was arrested in Karsvik on Friday by state security officers.';
      const s = await submitArticle(store, articleFromString(text, 'castell', { published: '2026-11-20' }), { source: 'paste', actor: 'test' });
      const dead = await claimJob(store.db, store.engine, 'worker:dead', store.now(), 60_000);
      assert.equal(dead?.id, s.jobId);
      clock.advance(61_000);
      const survivor = new Worker(store, { extract: extractHandler(extractor) }, { id: 'worker:alive' });
      assert.equal(await survivor.drain(), 1);
      assert.equal((await getJob(store.db, s.jobId!))?.state, 'done');
      assert.equal((await getJob(store.db, s.jobId!))?.attempts, 2);
      await assert.rejects(
        store.db.transaction().execute((tx) => completeJob(tx, s.jobId!, 'worker:dead', store.now().toISOString())),
        (e: Error & { code?: string }) => e.code === 'job_lost',
      );
      const castell = await store.db.selectFrom('persons').selectAll().where('name', '=', 'Mira Castell').execute();
      assert.equal(castell.length, 1, 'redone once, not written twice');
    });

    test('a report that cannot be extracted fails for good with its reason, and nothing half-written', async () => {
      const s = await submitArticle(store, { text: 'A report the extractor refuses.', format: 'text' }, { source: 'paste', actor: 'test' });
      const refusing = {
        extract: () => {
          throw new VigilError('empty_input', 'no words in the report');
        },
      } as unknown as Extractor;
      const failing = new Worker(store, { extract: extractHandler(refusing) });
      await failing.drain();
      const job = await getJob(store.db, s.jobId!);
      assert.equal(job?.state, 'failed');
      assert.match(job?.last_error ?? '', /empty_input/);
      const report = await store.db.selectFrom('reports').selectAll().where('id', '=', s.reportId).executeTakeFirstOrThrow();
      assert.equal(report.state, 'failed');
      assert.equal(report.extraction, null);
    });

    test('two workers on one queue: every job runs exactly once', async () => {
      const ids = [];
      for (const name of ['Ona Brill', 'Tarik Veldt', 'Suli Marrow', 'Ivo Kastan']) {
        const s = await submitArticle(store, articleFromString(`Activist ${name} was detained in Karsvik on Thursday by border guards.`, name, { published: '2026-11-20' }), { source: 'paste', actor: 'test' });
        ids.push(s.jobId!);
      }
      const w1 = new Worker(store, { extract: extractHandler(extractor) }, { id: 'worker:one' });
      const w2 = new Worker(store, { extract: extractHandler(extractor) }, { id: 'worker:two' });
      const [n1, n2] = await Promise.all([w1.drain(), w2.drain()]);
      assert.equal(n1 + n2, 4);
      for (const id of ids) {
        const job = await getJob(store.db, id);
        assert.deepEqual([job?.state, job?.attempts], ['done', 1]);
      }
    });

    test('binary text is refused before anything is stored', async () => {
      await assert.rejects(submitArticle(store, { text: 'abc\u0000def', format: 'text' }, { source: 'paste', actor: 'test' }), (e: VigilError) => e.code === 'invalid_input');
    });

    test('a transient failure is retried after a backoff', async () => {
      const s = await submitArticle(store, articleFromString('Journalist Edda Rusk was detained in Karsvik on Thursday.', 'rusk', { published: '2026-11-20' }), { source: 'paste', actor: 'test' });
      let calls = 0;
      const real = extractHandler(extractor);
      const flaky = new Worker(store, {
        extract: async (job, ctx) => {
          if (++calls === 1) throw new Error('disk hiccup');
          await real(job, ctx);
        },
      });
      await flaky.drain();
      assert.equal((await getJob(store.db, s.jobId!))?.state, 'queued', 'waits for its backoff');
      clock.advance(11_000);
      await flaky.drain();
      assert.equal((await getJob(store.db, s.jobId!))?.state, 'done');
    });

    test('one open alert per person and episode: no confirmation for 24 h counted from reading, then a disappearance folds in', async () => {
      const worker = new Worker(store, { extract: extractHandler(extractor) });
      clock.set('2026-11-25T12:00:00Z');
      const text = 'Velmoran activist held\n\nPolice in Karsvik arrested Oska Brandt, a Velmoran activist, on Monday.';
      await submitArticle(store, articleFromString(text, 'brandt-1', { published: '2026-11-23' }), { source: 'paste', actor: 'test' });
      await worker.drain();
      const person = await store.db.selectFrom('persons').selectAll().where('name', '=', 'Oska Brandt').executeTakeFirstOrThrow();
      assert.equal(person.status, 'detained');
      assert.match(person.status_reason, /place not stated/);
      const open = async () => listAlerts(store.db, { personId: person.id, open: true, limit: 50, offset: 0 });
      assert.equal((await open()).filter((a) => a.kind === 'whereabouts_unknown').length, 0, 'the hours count from when the report was read, not from Monday');
      clock.set('2026-11-26T13:00:00Z');
      await schedulerTick(store);
      const [rule] = (await open()).filter((a) => a.kind === 'whereabouts_unknown');
      assert.match(rule?.message ?? '', /^Rule "no confirmation of whereabouts for 24 h": Oska Brandt, detained, place not stated/);
      assert.equal(rule?.rule, 'no confirmation of whereabouts for 24 h');
      const later = 'Oska Brandt missing\n\nOska Brandt disappeared from police custody in Karsvik on November 25.';
      await submitArticle(store, articleFromString(later, 'brandt-2', { published: '2026-11-26' }), { source: 'paste', actor: 'test' });
      await worker.drain();
      const status = await store.db.selectFrom('persons').select(['status', 'status_event_id']).where('id', '=', person.id).executeTakeFirstOrThrow();
      assert.equal(status.status, 'whereabouts_unknown');
      assert.notEqual(status.status_event_id, person.status_event_id, 'a new event sets the status');
      const still = await open();
      assert.equal(still.length, 1, JSON.stringify(still.map((a) => a.message)));
      assert.match(still[0]!.message, /also: Rule "new .*disappearance/);
      clock.set('2026-11-19T12:00:00Z');
    });
  });
}
