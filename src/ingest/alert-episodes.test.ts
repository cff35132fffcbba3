import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { auditFor } from '../storage/audit.js';
import { acknowledgeAlerts, createRule, ensureDefaultRules, listAlerts } from '../storage/alerts.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES, manualClock, watchNames } from '../storage/testing.js';
import { enqueue } from '../storage/jobs.js';
import { digestHandler, emailHandler, webhookHandler, withheldBecause } from './deliver.js';
import { schedulerTick } from './scheduler.js';
import { trackInvented } from './testing.js';
import { Worker } from './worker.js';

// One alert per person and episode, told through the tracker as reports come in (invented
// people, places and sentences). Never the real clock: each test moves its store's.
const T0 = '2026-11-20T09:00:00.000Z';
const H = 3_600_000;
const hour = (h: number) => new Date(Date.parse(T0) + h * H).toISOString();

/** An undated disappearance, read at T0: whereabouts unknown, the episode opens. */
const vanished = (name: string) => ({
  text: `Relatives of the teacher ${name} say she has disappeared in Drevna and nobody knows where she is.`,
  published: '2026-11-20',
  people: [name],
  places: [{ name: 'Drevna', country: 'KRS' }],
  events: [{ type: 'DISAPPEARANCE' as const, trigger: 'disappeared', target: name, place: 'Drevna' }],
});
/** Two days on, the same episode told again: she was abducted, the day she went missing. Still missing. */
const abducted = (name: string) => ({
  text: `Witnesses told the Drevna bar association that masked men abducted ${name} outside her school on November 20.`,
  published: '2026-11-22',
  people: [name],
  places: [{ name: 'Drevna', country: 'KRS' }],
  events: [{ type: 'ABDUCTION' as const, trigger: 'abducted', target: name, date: '2026-11-20', place: 'Drevna' }],
});

/** An arrest no report places, read at T0: detained, place not stated. */
const detained = (name: string) => ({
  text: `Police detained the unionist ${name} in Drevna on Thursday.`,
  published: '2026-11-20',
  people: [name],
  places: [{ name: 'Drevna', country: 'KRS' }],
  events: [{ type: 'ARREST' as const, trigger: 'detained', target: name, date: '2026-11-19', place: 'Drevna' }],
});
/** A day on: gone from custody, nobody knows where. */
const goneFromCustody = (name: string) => ({
  text: `The union says ${name} has disappeared from custody in Drevna and the police will not say where.`,
  published: '2026-11-21',
  people: [name],
  places: [{ name: 'Drevna', country: 'KRS' }],
  events: [{ type: 'DISAPPEARANCE' as const, trigger: 'disappeared', target: name, date: '2026-11-21', place: 'Drevna' }],
});

const HOOK = { url: 'https://hooks.desk.example/vigil', secret: 'a-secret-of-sixteen-chars' };

for (const engine of TEST_ENGINES) {
  describe(`alerts and episodes through the tracker on ${engine.engine}`, { skip: engine.skip }, () => {
    const opened: Store[] = [];
    after(async () => {
      for (const s of opened) await s.close();
    });
    const fresh = async (names: string[], rules: 'default' | Parameters<typeof createRule>[2][] = 'default') => {
      const clock = manualClock(T0);
      const store = await engine.open(clock.now);
      opened.push(store);
      await watchNames(store, names);
      await store.db.transaction().execute(async (tx) => {
        if (rules === 'default') await ensureDefaultRules(tx, T0);
        else for (const r of rules) await createRule(tx, T0, r);
      });
      return { store, clock };
    };
    const personId = async (store: Store, name: string) => (await store.db.selectFrom('persons').select('id').where('name', '=', name).where('merged_into', 'is', null).executeTakeFirstOrThrow()).id;
    const ackAll = (store: Store, personId: string, at: string) =>
      store.db.transaction().execute(async (tx) => acknowledgeAlerts(tx, at, 'desk', (await listAlerts(tx, { personId, open: true, limit: 50, offset: 0 })).map((a) => a.id)));

    test('an abduction told after an acknowledged disappearance of the same episode pages nobody again (default rules)', async () => {
      const { store, clock } = await fresh(['Selka Marrow']);
      await trackInvented(store, vanished('Selka Marrow'));
      const id = await personId(store, 'Selka Marrow');
      const first = await listAlerts(store.db, { personId: id, limit: 50, offset: 0 });
      assert.deepEqual(first.map((a) => a.kind), ['new_event'], 'the disappearance is news');
      // the clock of "no confirmation of whereabouts" runs out a day after the report was read
      clock.set(hour(25));
      await schedulerTick(store);
      clock.set(hour(26));
      assert.equal((await ackAll(store, id, hour(26))).length, 1, 'one alert for the episode, acknowledged');
      clock.set(hour(49));
      await trackInvented(store, abducted('Selka Marrow'));
      const person = await store.db.selectFrom('persons').select(['status']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(person.status, 'whereabouts_unknown', 'still missing: the same episode');
      const open = await listAlerts(store.db, { personId: id, open: true, limit: 50, offset: 0 });
      assert.deepEqual(
        open.map((a) => a.message),
        [],
        'no new alert for a retelling of the acknowledged episode',
      );
      const jobs = await store.db.selectFrom('jobs').select('kind').where('kind', 'like', 'deliver.%').execute();
      assert.equal(jobs.length, 0, 'the default rules have no channels: nothing pushed either way');
    });

    test('unacknowledged, the same retelling keeps one open alert: the episode keeps its name', async () => {
      const { store, clock } = await fresh(['Ivo Tarrant']);
      await trackInvented(store, { ...vanished('Ivo Tarrant'), text: vanished('Ivo Tarrant').text.replace('she has', 'he has').replace('she is', 'he is') });
      const id = await personId(store, 'Ivo Tarrant');
      clock.set(hour(25));
      await schedulerTick(store);
      clock.set(hour(49));
      await trackInvented(store, { ...abducted('Ivo Tarrant'), text: abducted('Ivo Tarrant').text.replace('her school', 'his school') });
      const all = await listAlerts(store.db, { personId: id, limit: 50, offset: 0 });
      assert.equal(all.length, 1, JSON.stringify(all.map((a) => a.message)));
      const events = await store.db.selectFrom('case_events').select(['id', 'type']).where('person_id', '=', id).execute();
      assert.equal(all[0]!.episode, events.find((e) => e.type === 'DISAPPEARANCE')?.id, 'named by the disappearance, on file first');
    });

    const deliveries = (store: Store) => store.db.selectFrom('jobs').select(['kind', 'key', 'payload']).where('kind', 'like', 'deliver.%').orderBy('created_at').orderBy('kind').execute();

    test('a clock that runs out while the episode\'s alert is unread: folded, raised again to the top, and told to the clock rule\'s channels', async () => {
      const { store, clock } = await fresh(['Selka Marrow', 'Ivo Tarrant'], [{ kind: 'new_event', types: ['DISAPPEARANCE'] }]);
      const timed = await store.db.transaction().execute((tx) => createRule(tx, T0, { kind: 'whereabouts_unknown', hours: 24 }, { webhook: HOOK, email: ['desk@ngo.example'] }));
      await trackInvented(store, vanished('Selka Marrow'));
      const selka = await personId(store, 'Selka Marrow');
      const [first] = await listAlerts(store.db, { personId: selka, limit: 10, offset: 0 });
      assert.equal(first?.kind, 'new_event');
      assert.deepEqual(await deliveries(store), [], 'the news rule has no channels');
      clock.set(hour(10));
      await trackInvented(store, { ...vanished('Ivo Tarrant'), text: vanished('Ivo Tarrant').text.replace('she has', 'he has').replace('she is', 'he is') });
      clock.set(hour(25));
      await schedulerTick(store);
      const open = await listAlerts(store.db, { open: true, limit: 10, offset: 0 });
      assert.deepEqual(
        open.map((a) => [a.person_id, a.id, a.raised_at, a.urgent]),
        [
          [selka, first!.id, hour(25), true],
          [await personId(store, 'Ivo Tarrant'), open[1]!.id, hour(10), true],
        ],
        'one open alert for her episode, risen above the one raised at hour 10',
      );
      assert.match(open[0]!.message, / · also: Rule "no confirmation of whereabouts for 24 h": Selka Marrow, whereabouts unknown .*; 25 hours without confirmation/);
      assert.equal(open[0]!.created_at, T0, 'first raised when the disappearance was read');
      const jobs = await deliveries(store);
      assert.deepEqual(
        jobs.map((j) => [j.kind, j.key, JSON.parse(j.payload)]),
        [
          ['deliver.email', `email:${first!.id}:${timed.id}@${hour(25)}`, { alertId: first!.id, ruleId: timed.id, again: true }],
          ['deliver.webhook', `webhook:${first!.id}:${timed.id}@${hour(25)}`, { alertId: first!.id, ruleId: timed.id, again: true }],
        ],
      );
      const folded = (await auditFor(store.db, 'alert', first!.id)).find((h) => h.action === 'alert.folded');
      assert.deepEqual([folded?.detail.notified, folded?.detail.ruleId, folded?.detail.kind], [true, timed.id, 'whereabouts_unknown']);
      // the jobs, run: the webhook and the e-mail of the clock's rule, leading with what raised it again
      const sent: { url: string; body: string }[] = [];
      const mails: string[] = [];
      const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], onData: (st, _session, cb) => { let d = ''; st.on('data', (c) => (d += c)); st.on('end', () => (mails.push(d), cb())); } });
      await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
      try {
        const config = { baseUrl: 'http://vigil.local', smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, fetchImpl: (async (url: string, init: RequestInit) => (sent.push({ url, body: String(init.body) }), new Response('ok'))) as unknown as typeof fetch };
        assert.equal(await new Worker(store, { 'deliver.webhook': webhookHandler(config), 'deliver.email': emailHandler(config) }).drain(), 2);
      } finally {
        await new Promise<void>((r) => smtp.close(() => r()));
      }
      assert.deepEqual(sent.map((x) => x.url), [HOOK.url]);
      const body = JSON.parse(sent[0]!.body) as { again: boolean; news: string; alert: { id: string; raised_at: string } };
      assert.deepEqual([body.again, body.alert.id, body.alert.raised_at], [true, first!.id, hour(25)]);
      assert.match(body.news, /^Rule "no confirmation of whereabouts for 24 h": Selka Marrow/);
      assert.equal(mails.length, 1);
      // The person and what happened lead, the rule after; the body starts with the person and the status.
      assert.match(mails[0]!.replace(/\r\n[ \t]/g, ' '), /Subject: \[Vigil\] again: Selka Marrow: whereabouts unknown \(rule: no confirmation of whereabouts for 24 h\)\r\n/);
      assert.match(mails[0]!, /\r\n\r\nSelka Marrow\r\nStatus: whereabouts unknown\r\nReports:\r\n/);
    });

    test('a clock that runs out after the desk acknowledged the episode\'s alert is a new alert, told as one', async () => {
      const { store, clock } = await fresh(['Selka Marrow'], [{ kind: 'new_event', types: ['DISAPPEARANCE'] }]);
      const timed = await store.db.transaction().execute((tx) => createRule(tx, T0, { kind: 'whereabouts_unknown', hours: 24 }, { webhook: HOOK }));
      await trackInvented(store, vanished('Selka Marrow'));
      const selka = await personId(store, 'Selka Marrow');
      clock.set(hour(2));
      const [acked] = await ackAll(store, selka, hour(2));
      clock.set(hour(25));
      assert.equal((await schedulerTick(store)).alerts, 1);
      const all = await listAlerts(store.db, { personId: selka, limit: 10, offset: 0 });
      assert.deepEqual(
        all.map((a) => [a.kind, a.acknowledged_at, a.raised_at]),
        [
          ['whereabouts_unknown', null, hour(25)],
          ['new_event', hour(2), T0],
        ],
      );
      assert.equal(all[1]!.id, acked);
      assert.equal(all[0]!.episode, all[1]!.episode, 'the same episode, a new alert');
      const jobs = await deliveries(store);
      assert.deepEqual(jobs.map((j) => [j.key, JSON.parse(j.payload)]), [[`webhook:${all[0]!.id}`, { alertId: all[0]!.id }]]);
      assert.equal(all[0]!.rule_id, timed.id);
    });

    test('an abduction of the acknowledged episode is attached to its alert: evidence added, not reopened, nobody told', async () => {
      const { store, clock } = await fresh(['Selka Marrow'], []);
      await store.db.transaction().execute((tx) => createRule(tx, T0, { kind: 'new_event', types: ['DISAPPEARANCE', 'ABDUCTION'] }, { webhook: HOOK }));
      await trackInvented(store, vanished('Selka Marrow'));
      const selka = await personId(store, 'Selka Marrow');
      clock.set(hour(2));
      const [acked] = await ackAll(store, selka, hour(2));
      assert.equal((await deliveries(store)).length, 1, 'the disappearance was told');
      clock.set(hour(49));
      const second = await trackInvented(store, abducted('Selka Marrow'));
      assert.deepEqual(second.alerts, [], 'no alert raised');
      const all = await listAlerts(store.db, { personId: selka, limit: 10, offset: 0 });
      assert.equal(all.length, 1);
      const [alert] = all;
      assert.deepEqual([alert!.id, alert!.acknowledged_at, alert!.raised_at], [acked, hour(2), T0], 'still acknowledged, not risen');
      assert.ok(alert!.report_ids.includes(second.reportId), 'the abduction report is evidence of the acknowledged alert');
      assert.match(alert!.message, /also: Rule "new disappearance, abduction": Selka Marrow, abduction \(2026-11-20\)/);
      assert.ok((await auditFor(store.db, 'alert', acked!)).some((h) => h.action === 'alert.attached' && h.report_id === second.reportId));
      assert.equal((await deliveries(store)).length, 1, 'nobody told again');
      assert.equal((await store.db.selectFrom('persons').select('status').where('id', '=', selka).executeTakeFirstOrThrow()).status, 'whereabouts_unknown');
    });

    test('worse news of an acknowledged episode is a new alert: held, then gone from custody', async () => {
      const { store, clock } = await fresh(['Ansel Kreb'], []);
      await store.db.transaction().execute((tx) => createRule(tx, T0, { kind: 'new_event', types: ['ARREST', 'DISAPPEARANCE'] }, { webhook: HOOK }));
      await trackInvented(store, detained('Ansel Kreb'));
      const ansel = await personId(store, 'Ansel Kreb');
      clock.set(hour(1));
      const [acked] = await ackAll(store, ansel, hour(1));
      clock.set(hour(30));
      const later = await trackInvented(store, goneFromCustody('Ansel Kreb'));
      assert.equal(later.alerts.length, 1);
      const all = await listAlerts(store.db, { personId: ansel, limit: 10, offset: 0 });
      assert.deepEqual(
        all.map((a) => [a.acknowledged_at === null, a.status, a.raised_at]),
        [
          [true, 'whereabouts_unknown', hour(30)],
          [false, 'detained', T0],
        ],
      );
      assert.equal(all[1]!.id, acked);
      assert.equal(all[0]!.episode, all[1]!.episode, 'a disappearance from custody is the same episode as the arrest');
      assert.deepEqual((await deliveries(store)).map((j) => j.key), [`webhook:${acked}`, `webhook:${all[0]!.id}`]);
    });

    /** Runs the queued deliveries against a local SMTP sink and a webhook stub; what went out, and what the handlers logged. */
    const runDeliveries = async (store: Store) => {
      const sent: string[] = [];
      const mails: string[] = [];
      const logged: string[] = [];
      const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], onData: (st, _session, cb) => { let d = ''; st.on('data', (c) => (d += c)); st.on('end', () => (mails.push(d), cb())); } });
      await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
      try {
        const config = { baseUrl: 'http://vigil.local', smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, fetchImpl: (async (url: string) => (sent.push(url), new Response('ok'))) as unknown as typeof fetch, log: (m: string) => logged.push(m) };
        const ran = await new Worker(store, { 'deliver.webhook': webhookHandler(config), 'deliver.email': emailHandler(config), 'deliver.digest': digestHandler(config) }).drain();
        return { ran, sent, mails, logged };
      } finally {
        await new Promise<void>((r) => smtp.close(() => r()));
      }
    };

    test('an alert the desk acknowledged while its deliveries waited (no SMTP server yet) is not sent when they run', async () => {
      const { store, clock } = await fresh(['Oren Dalvik'], []);
      await store.db.transaction().execute((tx) => createRule(tx, T0, { kind: 'new_event', types: ['DISAPPEARANCE'] }, { webhook: HOOK, email: ['desk@ngo.example'] }));
      await trackInvented(store, vanished('Oren Dalvik'));
      const oren = await personId(store, 'Oren Dalvik');
      assert.equal((await deliveries(store)).length, 2, 'an e-mail and a webhook queued');
      clock.set(hour(1));
      const [acked] = await ackAll(store, oren, hour(1));
      clock.set(hour(2));
      const { ran, sent, mails, logged } = await runDeliveries(store);
      assert.equal(ran, 2);
      assert.deepEqual([sent, mails], [[], []], 'nothing sent');
      assert.deepEqual(await store.db.selectFrom('jobs').select('state').distinct().execute(), [{ state: 'done' }], 'completed, not retried');
      assert.equal(logged.length, 2, 'one line per delivery');
      for (const line of logged) {
        assert.match(line, new RegExp(`^deliver\\.(email|webhook) \\S+: alert ${acked} not sent: acknowledged at ${hour(1).replace(/\./g, '\\.')} before it went out$`));
        assert.ok(!/Oren|Dalvik|Drevna/.test(line), 'ids only');
      }
    });

    test('unacknowledged, the same deliveries go out: the subject leads with the person and what happened, the body with the person and the status', async () => {
      const { store } = await fresh(['Oren Dalvik'], []);
      await store.db.transaction().execute((tx) => createRule(tx, T0, { kind: 'new_event', types: ['DISAPPEARANCE'] }, { webhook: HOOK, email: ['desk@ngo.example'] }));
      await trackInvented(store, vanished('Oren Dalvik'));
      const { sent, mails, logged } = await runDeliveries(store);
      assert.deepEqual([sent, mails.length, logged], [[HOOK.url], 1, []]);
      const mail = mails[0]!.replace(/\r\n[ \t]/g, ' ');
      assert.match(mail, /\r\nSubject: \[Vigil\] Oren Dalvik: disappearance \(rule: new disappearance\)\r\n/);
      assert.match(mail, /\r\n\r\nOren Dalvik\r\nStatus: whereabouts unknown\r\nReports:\r\n- .*\r\n\r\nRule "new disappearance": Oren Dalvik, disappearance\r\n\r\nRule: new disappearance\r\n/);
    });

    test('a delivery or digest whose rule was disabled or deleted after it was queued sends nothing', async () => {
      const { store } = await fresh(['Oren Dalvik', 'Ivo Tarrant'], []);
      const off = await store.db.transaction().execute((tx) => createRule(tx, T0, { kind: 'new_event', types: ['DISAPPEARANCE'] }, { webhook: HOOK, email: ['desk@ngo.example'] }));
      await trackInvented(store, vanished('Oren Dalvik'));
      await store.db.transaction().execute((tx) => enqueue(tx, T0, { kind: 'deliver.digest', payload: { ruleId: off.id, day: T0.slice(0, 10) }, key: 'digest-test' }));
      // As for a job already claimed when the rule changed (queued ones are cancelled with it): the handler reads the rule.
      await store.db.updateTable('alert_rules').set({ enabled: 0 }).where('id', '=', off.id).execute();
      const first = await runDeliveries(store);
      assert.equal(first.ran, 3);
      assert.deepEqual([first.sent, first.mails], [[], []]);
      assert.equal(first.logged.length, 3);
      assert.ok(first.logged.every((l) => l.includes(`alert rule ${off.id} is disabled`)));
      const gone = await store.db.transaction().execute((tx) => createRule(tx, T0, { kind: 'new_event', types: ['DISAPPEARANCE'] }, { webhook: HOOK }));
      await trackInvented(store, { ...vanished('Ivo Tarrant'), text: vanished('Ivo Tarrant').text.replace('she has', 'he has') });
      await store.db.deleteFrom('alert_rules').where('id', '=', gone.id).execute();
      const second = await runDeliveries(store);
      assert.deepEqual([second.ran, second.sent, second.logged.length], [1, [], 1]);
      assert.match(second.logged[0]!, /not sent: its alert rule was deleted$/);
    });
  });
}

test('a delivery is withheld for an acknowledgement only when the alert was not raised again after it', () => {
  const rule = { id: 'r', enabled: true };
  assert.equal(withheldBecause({ acknowledged_at: null, raised_at: T0 }, rule), null);
  assert.match(withheldBecause({ acknowledged_at: hour(1), raised_at: T0 }, rule)!, /^acknowledged at /);
  assert.match(withheldBecause({ acknowledged_at: T0, raised_at: T0 }, rule)!, /^acknowledged at /, 'acknowledged the instant it was raised');
  assert.equal(withheldBecause({ acknowledged_at: hour(1), raised_at: hour(2) }, rule), null, 'raised again after the acknowledgement: told');
  assert.match(withheldBecause({ acknowledged_at: null, raised_at: T0 }, { id: 'r', enabled: false })!, /disabled/);
  assert.match(withheldBecause({ acknowledged_at: null, raised_at: T0 }, null)!, /deleted/);
});
