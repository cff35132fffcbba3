import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { HeldAt } from '../../cases/status.js';
import { caseView } from './view.js';
import { acknowledgeAlerts, alertsOfRule, createRule, ensureDefaultRules, listAlerts } from '../../storage/alerts.js';
import { auditFor } from '../../storage/audit.js';
import { listCases } from '../../storage/cases.js';
import type { Store } from '../../storage/store.js';
import { TEST_ENGINES, manualClock, watchNames } from '../../storage/testing.js';
import { NOTHING_DENIED } from '../../storage/access.js';
import { queueDigests, schedulerTick } from '../../ingest/scheduler.js';
import { trackInvented } from '../../ingest/testing.js';

// Invented reports of the shapes issue #34 names: an arrest with where the person is held, a
// call for release, an arrest no report places, a disappearance, a report read years late.
const HELD = {
  text: 'Karsvik police arrested the journalist Idris Malvane on Monday. He is being held at the Central Police Station in Orvane, his lawyer said.',
  published: '2026-11-18',
  people: ['Idris Malvane'],
  places: [{ name: 'Orvane', country: 'KRS' }],
  events: [{ type: 'ARREST' as const, trigger: 'arrested', target: 'Idris Malvane', date: '2026-11-16', place: 'Orvane', heldAt: 'the Central Police Station in Orvane' }],
};
const CALL = {
  text: 'Rights groups said the authorities in Karsvik should unconditionally release Idris Malvane.',
  published: '2026-11-19',
  people: ['Idris Malvane'],
  places: [{ name: 'Karsvik', country: 'KRS' }],
  events: [{ type: 'RELEASE' as const, trigger: 'release', target: 'Idris Malvane', modality: 'hypothetical' as const }],
};

for (const engine of TEST_ENGINES) {
  describe(`case truth on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    const clock = manualClock('2026-11-19T10:00:00Z');
    before(async () => {
      store = await engine.open(clock.now);
      // What a case says is tested here, not who gets one: the invented people are watched.
      await watchNames(store, ['Idris Malvane', 'Mira Tolvane', 'Teodor Vask', 'Ansel Brun']);
      await store.db.transaction().execute((tx) => ensureDefaultRules(tx, store.now().toISOString()));
    });
    after(async () => store?.close());
    const person = (name: string) => store.db.selectFrom('persons').selectAll().where('name', '=', name).where('merged_into', 'is', null).executeTakeFirstOrThrow();

    test('held at, from the report, with its offsets; a call for release releases nobody; the country is where it happens', async () => {
      const first = await trackInvented(store, HELD);
      await trackInvented(store, CALL);
      const p = await person('Idris Malvane');
      assert.equal(p.status, 'detained');
      const held = JSON.parse(p.held_at!) as HeldAt;
      const report = await store.db.selectFrom('reports').select('text').where('id', '=', first.reportId).executeTakeFirstOrThrow();
      assert.equal(report.text.slice(held.start!, held.end!), 'the Central Police Station in Orvane');
      assert.equal(held.reportId, first.reportId);
      assert.deepEqual([p.case_country, p.case_country_basis], ['KRS', 'events']);
      const view = await caseView(store.db, p.id, NOTHING_DENIED);
      assert.equal(view.heldAt?.place, 'the Central Police Station in Orvane');
      assert.match(view.heldAt?.excerpt ?? '', /being held at the Central Police Station/);
      assert.equal(view.country, 'KRS');
      const [listed] = await listCases(store.db, { country: 'KRS', limit: 10, offset: 0 });
      assert.deepEqual([listed?.name, listed?.held_at], ['Idris Malvane', 'the Central Police Station in Orvane']);
      assert.equal((await listCases(store.db, { country: 'VLM', limit: 10, offset: 0 })).length, 0);
      // placed by a report: no "no confirmation" alert however long nobody writes
      clock.set('2026-11-24T10:00:00Z');
      await schedulerTick(store);
      assert.equal((await listAlerts(store.db, { personId: p.id, limit: 10, offset: 0 })).filter((a) => a.kind === 'whereabouts_unknown').length, 0);
    });

    test('an arrest no report places: detained, place not stated; the rule fires once per episode, 24 h after the report was read', async () => {
      clock.set('2026-11-25T08:00:00Z');
      await trackInvented(store, {
        text: 'Police detained the unionist Mira Tolvane in Karsvik on Tuesday.',
        published: '2026-11-25',
        people: ['Mira Tolvane'],
        places: [{ name: 'Karsvik', country: 'KRS' }],
        events: [{ type: 'ARREST', trigger: 'detained', target: 'Mira Tolvane', date: '2026-11-24', place: 'Karsvik' }],
      });
      const p = await person('Mira Tolvane');
      assert.deepEqual([p.status, p.held_at], ['detained', null]);
      assert.match(p.status_reason, /place not stated/);
      clock.set('2026-11-26T07:00:00Z');
      assert.equal((await schedulerTick(store)).alerts, 0, 'not 24 hours since it was read');
      clock.set('2026-11-26T09:00:00Z');
      await schedulerTick(store);
      clock.set('2026-11-27T09:00:00Z');
      await schedulerTick(store);
      const alerts = await listAlerts(store.db, { personId: p.id, open: true, limit: 10, offset: 0 });
      assert.equal(alerts.length, 1, JSON.stringify(alerts.map((a) => a.message)));
      assert.equal(alerts[0]!.rule, 'no confirmation of whereabouts for 24 h');
      assert.equal(alerts[0]!.urgent, true);
      // a disappearance in the same episode folds into the open alert
      await trackInvented(store, {
        text: 'Mira Tolvane has disappeared from custody, her union said today.',
        published: '2026-11-27',
        people: ['Mira Tolvane'],
        events: [{ type: 'DISAPPEARANCE', trigger: 'disappeared', target: 'Mira Tolvane', date: '2026-11-27' }],
      });
      const after = await listAlerts(store.db, { personId: p.id, open: true, limit: 10, offset: 0 });
      assert.equal(after.length, 1);
      assert.match(after[0]!.message, /also: Rule "new .*disappearance/);
      assert.equal((await person('Mira Tolvane')).status, 'whereabouts_unknown');
      assert.ok((await auditFor(store.db, 'alert', after[0]!.id)).some((h) => h.action === 'alert.folded'));
    });

    test('a report published years before it was read is a backfill: the case is kept, nothing urgent is raised', async () => {
      clock.set('2026-11-28T09:00:00Z');
      await trackInvented(store, {
        text: 'The blogger Teodor Vask was arrested in Orvane and charged with sedition.',
        published: '2013-05-02',
        people: ['Teodor Vask'],
        places: [{ name: 'Orvane', country: 'KRS' }],
        events: [
          { type: 'ARREST', trigger: 'arrested', target: 'Teodor Vask', date: '2013-04-30', place: 'Orvane' },
          { type: 'CHARGE', trigger: 'charged', target: 'Teodor Vask', date: '2013-05-01' },
        ],
      });
      const p = await person('Teodor Vask');
      assert.equal(p.status, 'detained', 'arrested and charged: held');
      clock.set('2026-12-20T09:00:00Z');
      await schedulerTick(store);
      const alerts = await listAlerts(store.db, { personId: p.id, limit: 10, offset: 0 });
      assert.ok(alerts.every((a) => !a.urgent), JSON.stringify(alerts));
      assert.equal(alerts.filter((a) => a.kind === 'whereabouts_unknown' || a.kind === 'no_news').length, 0);
      assert.ok(alerts.some((a) => a.kind === 'new_event' && /backfilled/.test(a.message)), 'the new charge is listed, marked as a backfill');
      const jobs = await store.db.selectFrom('jobs').select('kind').where('kind', 'like', 'deliver.%').execute();
      assert.equal(jobs.length, 0, 'nothing pushed');
    });

    test('bulk acknowledge: only the open alerts the caller may see', async () => {
      const open = await listAlerts(store.db, { open: true, limit: 50, offset: 0 });
      assert.ok(open.length >= 2);
      const [a, b] = open;
      const hidden = { ...NOTHING_DENIED, persons: [b!.person_id] };
      const done = await store.db.transaction().execute((tx) => acknowledgeAlerts(tx, store.now().toISOString(), 'u1', [a!.id, b!.id, 'nope'], hidden));
      assert.deepEqual(done, a!.person_id === b!.person_id ? [] : [a!.id]);
      const again = await store.db.transaction().execute((tx) => acknowledgeAlerts(tx, store.now().toISOString(), 'u1', open.map((x) => x.id)));
      assert.equal(again.length, open.length - done.length);
      assert.equal((await listAlerts(store.db, { open: true, limit: 50, offset: 0 })).length, 0);
    });

    test('a daily digest: no e-mail per alert, one digest job per rule and day once the day is over', async () => {
      clock.set('2026-12-21T09:00:00Z');
      const rule = await store.db.transaction().execute((tx) => createRule(tx, store.now().toISOString(), { kind: 'new_event', types: ['ARREST'] }, { email: ['desk@vigil.example'], digest: 'daily' }));
      await trackInvented(store, {
        text: 'Police arrested the lawyer Ansel Brun in Orvane today.',
        published: '2026-12-21',
        people: ['Ansel Brun'],
        places: [{ name: 'Orvane', country: 'KRS' }],
        events: [{ type: 'ARREST', trigger: 'arrested', target: 'Ansel Brun', date: '2026-12-21', place: 'Orvane' }],
      });
      assert.equal((await store.db.selectFrom('jobs').select('id').where('kind', '=', 'deliver.email').execute()).length, 0);
      clock.set('2026-12-22T00:05:00Z');
      assert.equal(await queueDigests(store, store.now().toISOString()), 1);
      assert.equal(await queueDigests(store, store.now().toISOString()), 0, 'once per rule and day');
      const job = await store.db.selectFrom('jobs').selectAll().where('kind', '=', 'deliver.digest').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(job.payload), { ruleId: rule.id, day: '2026-12-21' });
      const listed = await alertsOfRule(store.db, rule.id, '2026-12-21T00:00:00.000Z', '2026-12-22T00:00:00.000Z');
      assert.deepEqual(listed.map((a) => a.message), ['Rule "new arrest": Ansel Brun, arrest (2026-12-21)']);
    });
  });
}
