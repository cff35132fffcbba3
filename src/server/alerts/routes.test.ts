import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { raiseAlert } from '../../storage/alerts.js';
import { auditFor } from '../../storage/audit.js';
import { enqueue } from '../../storage/jobs.js';
import { createPerson } from '../../storage/persons.js';
import type { Store } from '../../storage/store.js';
import { TEST_ENGINES, manualClock } from '../../storage/testing.js';
import { createApp } from '../app.js';
import type { Client } from '../testing.js';
import { PASSWORD, client } from '../testing.js';
import { NO_SMTP } from './routes.js';

const sqlite = TEST_ENGINES[0]!;

describe('alert rules with an e-mail channel and no SMTP server', () => {
  let store: Store & { url: string };
  const clock = manualClock('2026-12-07T12:00:00Z');
  before(async () => {
    store = await sqlite.open(clock.now);
  });
  after(async () => store?.close());

  test('the rule is kept, the admin is told at once, and the list says no mail goes out; with a server, no warning', async () => {
    const app = createApp({ store, mail: false });
    const admin = client(app);
    assert.equal((await admin.call('POST', '/api/setup', { email: 'ada@example.org', name: 'Ada', password: PASSWORD })).status, 201);
    const made = await admin.call('POST', '/api/alert-rules', { rule: { kind: 'no_news', days: 7 }, channels: { email: ['desk@ngo.example'] } });
    assert.equal(made.status, 201);
    assert.deepEqual(made.data.warnings, [NO_SMTP]);
    const listed = (await admin.call('GET', '/api/alert-rules')).data;
    assert.equal(listed.mail, false);
    assert.ok(listed.rules.some((r: { id: string; channels: { email?: string[] } }) => r.id === made.data.id && r.channels.email?.[0] === 'desk@ngo.example'));
    // a rule with no e-mail is not warned about
    assert.deepEqual((await admin.call('POST', '/api/alert-rules', { rule: { kind: 'no_news', days: 9 } })).data.warnings, []);

    const configured = client(createApp({ store, mail: true }));
    await configured.login('ada@example.org');
    assert.deepEqual((await configured.call('POST', '/api/alert-rules', { rule: { kind: 'no_news', days: 8 }, channels: { email: ['desk@ngo.example'] } })).data.warnings, []);
    assert.equal((await configured.call('GET', '/api/alert-rules')).data.mail, true);
  });
});

for (const engine of TEST_ENGINES) {
  describe(`changing and deleting alert rules on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store & { url: string };
    let admin: Client;
    let analyst: Client;
    let viewer: Client;
    const clock = manualClock('2026-12-07T12:00:00Z');
    const SECRET = 'a-webhook-secret-of-some-length';
    before(async () => {
      store = await engine.open(clock.now);
      const app = createApp({ store, mail: true });
      admin = client(app);
      assert.equal((await admin.call('POST', '/api/setup', { email: 'ada@example.org', name: 'Ada', password: PASSWORD })).status, 201);
      for (const [email, role] of [['ana@example.org', 'analyst'], ['vic@example.org', 'viewer']] as const) {
        assert.equal((await admin.call('POST', '/api/users', { email, name: role, role, password: PASSWORD })).status, 201);
      }
      analyst = client(app);
      await analyst.login('ana@example.org');
      viewer = client(app);
      await viewer.login('vic@example.org');
    });
    after(async () => store?.close());
    const addRule = async () => {
      const made = await admin.call('POST', '/api/alert-rules', { rule: { kind: 'whereabouts_unknown', hours: 24 }, channels: { webhook: { url: 'https://hooks.desk.example/v', secret: SECRET }, email: ['desk@ngo.example'] } });
      assert.equal(made.status, 201);
      return String(made.data.id);
    };
    const stored = (id: string) => store.db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();

    test('only an admin changes or deletes a rule; an unknown id is 404', async () => {
      const id = await addRule();
      for (const who of [analyst, viewer]) {
        assert.equal((await who.call('PATCH', `/api/alert-rules/${id}`, { enabled: false })).status, 403);
        assert.equal((await who.call('DELETE', `/api/alert-rules/${id}`)).status, 403);
      }
      assert.equal((await stored(id))?.enabled, 1, 'unchanged');
      assert.equal((await admin.call('PATCH', '/api/alert-rules/no-such-rule', { enabled: false })).status, 404);
      assert.equal((await admin.call('DELETE', '/api/alert-rules/no-such-rule')).status, 404);
      assert.deepEqual(await auditFor(store.db, 'alert_rule', 'no-such-rule'), []);
    });

    test('disable, enable and change: each audited without the webhook secret; enabling and changing make watched cases due', async () => {
      const id = await addRule();
      const personId = await store.db.transaction().execute((tx) => createPerson(tx, clock.now().toISOString(), { name: 'Oren Dalvik', names: ['Oren Dalvik'] }, null));
      await store.db.updateTable('persons').set({ status: 'detained', review_due_at: '2027-01-01T00:00:00.000Z' }).where('id', '=', personId).execute();
      const due = async () => (await store.db.selectFrom('persons').select('review_due_at').where('id', '=', personId).executeTakeFirstOrThrow()).review_due_at;

      clock.set('2026-12-07T13:00:00Z');
      const off = await admin.call('PATCH', `/api/alert-rules/${id}`, { enabled: false });
      assert.equal(off.status, 200);
      assert.equal(off.data.rule.enabled, false);
      assert.deepEqual(off.data.rule.channels, { webhook: { url: 'https://hooks.desk.example/v' }, email: ['desk@ngo.example'] }, 'no secret in the answer');
      assert.equal((await stored(id))?.enabled, 0);
      assert.equal(await due(), '2027-01-01T00:00:00.000Z', 'disabling makes nothing due');
      const listed = (await admin.call('GET', '/api/alert-rules')).data.rules.find((r: { id: string }) => r.id === id);
      assert.equal(listed.enabled, false);

      clock.set('2026-12-07T14:00:00Z');
      assert.equal((await admin.call('PATCH', `/api/alert-rules/${id}`, { enabled: true })).status, 200);
      assert.equal(await due(), '2026-12-07T14:00:00.000Z', 'enabled: every watched case due now, in the same transaction');

      await store.db.updateTable('persons').set({ review_due_at: '2027-01-01T00:00:00.000Z' }).where('id', '=', personId).execute();
      clock.set('2026-12-07T15:00:00Z');
      // New hours, the webhook's URL kept without its secret (the stored one stays), a new address.
      const changed = await admin.call('PATCH', `/api/alert-rules/${id}`, { rule: { kind: 'whereabouts_unknown', hours: 6 }, channels: { webhook: { url: 'https://hooks.desk.example/v' }, email: ['night@ngo.example'] } });
      assert.equal(changed.status, 200, JSON.stringify(changed.data));
      assert.deepEqual(changed.data.rule.rule, { kind: 'whereabouts_unknown', hours: 6 });
      const row = await stored(id);
      assert.deepEqual([JSON.parse(row!.params), JSON.parse(row!.channels)], [{ hours: 6 }, { email: ['night@ngo.example'], webhook: { url: 'https://hooks.desk.example/v', secret: SECRET } }]);
      assert.equal(await due(), '2026-12-07T15:00:00.000Z', 'new hours: every watched case due now');

      // Validated as when adding: a new URL needs its secret, the kind stays, the values are bounded.
      assert.equal((await admin.call('PATCH', `/api/alert-rules/${id}`, { channels: { webhook: { url: 'https://elsewhere.example/v' } } })).status, 422);
      assert.equal((await admin.call('PATCH', `/api/alert-rules/${id}`, { rule: { kind: 'no_news', days: 3 } })).status, 422);
      assert.equal((await admin.call('PATCH', `/api/alert-rules/${id}`, { rule: { kind: 'whereabouts_unknown', hours: -1 } })).status, 422);
      assert.equal((await admin.call('PATCH', `/api/alert-rules/${id}`, { channels: { email: ['not an address'] } })).status, 422);
      assert.equal((await admin.call('PATCH', `/api/alert-rules/${id}`, {})).status, 422);

      const audit = await auditFor(store.db, 'alert_rule', id);
      assert.deepEqual(audit.map((a) => a.action), ['alert_rule.created', 'alert_rule.disabled', 'alert_rule.enabled', 'alert_rule.changed']);
      assert.ok(audit.every((a) => a.actor !== '' && !JSON.stringify(a.detail).includes(SECRET)), 'no secret in the audit trail');
      assert.deepEqual((audit[3]!.detail.to as { rule: unknown; email: string[] }).rule, { kind: 'whereabouts_unknown', hours: 6 });
      assert.deepEqual((audit[3]!.detail.from as { rule: unknown }).rule, { kind: 'whereabouts_unknown', hours: 24 });
    });

    test('deleting a rule keeps its alerts (shown with no rule) and cancels its queued deliveries', async () => {
      const id = await addRule();
      const at = clock.now().toISOString();
      const alertId = await store.db.transaction().execute(async (tx) => {
        const p = await createPerson(tx, at, { name: 'Ilse Marn', names: ['Ilse Marn'] }, null);
        const raised = await raiseAlert(tx, at, p, id, { kind: 'whereabouts_unknown', key: `k:${p}`, message: 'Rule "no confirmation of whereabouts for 24 h": Ilse Marn, whereabouts unknown', eventIds: [], reportIds: [], episode: null, urgent: true });
        await enqueue(tx, at, { kind: 'deliver.webhook', payload: { alertId: raised!.row.id }, key: `webhook:${raised!.row.id}` });
        await enqueue(tx, at, { kind: 'deliver.digest', payload: { ruleId: id, day: '2026-12-06' }, key: `digest:${id}:2026-12-06` });
        return raised!.row.id;
      });
      assert.equal((await admin.call('DELETE', `/api/alert-rules/${id}`)).status, 204);
      assert.equal(await stored(id), undefined);
      const alert = (await admin.call('GET', '/api/alerts')).data.alerts.find((a: { id: string }) => a.id === alertId);
      assert.deepEqual([alert?.rule_id, alert?.rule], [id, null], 'the alert stays, its rule gone');
      const jobs = await store.db.selectFrom('jobs').select(['kind', 'state', 'last_error']).orderBy('kind').execute();
      assert.deepEqual(jobs.map((j) => [j.kind, j.state, j.last_error]), [
        ['deliver.digest', 'done', 'cancelled: the alert rule was deleted'],
        ['deliver.webhook', 'done', 'cancelled: the alert rule was deleted'],
      ]);
      const audit = await auditFor(store.db, 'alert_rule', id);
      assert.deepEqual(audit.map((a) => a.action), ['alert_rule.created', 'alert_rule.deleted']);
      assert.ok(!JSON.stringify(audit[1]!.detail).includes(SECRET));
      assert.equal(audit[1]!.detail.webhook, 'https://hooks.desk.example/v');
      assert.equal((await admin.call('DELETE', `/api/alert-rules/${id}`)).status, 404, 'gone');
    });
  });
}
