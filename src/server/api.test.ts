import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Extractor } from '../articles/extract.js';
import { extractHandler } from '../ingest/process.js';
import { Worker } from '../ingest/worker.js';
import { ensureDefaultRules } from '../storage/alerts.js';
import { auditFor } from '../storage/audit.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES, manualClock, watchNames } from '../storage/testing.js';
import { createApp } from './app.js';
import { PASSWORD, client } from './testing.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/cases/${name}`, import.meta.url), 'utf8');
const extractor = new Extractor();

for (const engine of TEST_ENGINES) {
  describe(`HTTP API on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    let app: ReturnType<typeof createApp>;
    let worker: Worker;
    const clock = manualClock('2026-11-19T12:00:00Z');
    const admin = () => client(app);
    let adminClient: ReturnType<typeof client>;
    before(async () => {
      store = await engine.open(clock.now);
      // What a case holds is tested here, not who gets one: the invented people are watched, so the case policy gives them a case.
      await watchNames(store, ['Joran Aldemir', 'Edda Rusk']);
      await store.db.transaction().execute((tx) => ensureDefaultRules(tx, clock.now().toISOString()));
      worker = new Worker(store, { extract: extractHandler(extractor) });
      app = createApp({ store });
      adminClient = admin();
    });
    after(async () => store?.close());

    test('first run: setup creates the admin once; everything else needs a login', async () => {
      assert.equal((await adminClient.call('GET', '/api/health')).data.setupNeeded, true);
      assert.equal((await client(app).call('GET', '/api/cases')).status, 401);
      const weak = await adminClient.call('POST', '/api/setup', { email: 'ada@example.org', name: 'Ada', password: 'short' });
      assert.equal(weak.status, 422);
      const setup = await adminClient.call('POST', '/api/setup', { email: 'ada@example.org', name: 'Ada', password: PASSWORD });
      assert.equal(setup.status, 201);
      assert.equal(setup.data.user.role, 'admin');
      assert.equal((await client(app).call('POST', '/api/setup', { email: 'eve@example.org', name: 'Eve', password: PASSWORD })).status, 409);
      // once set up, a weak password is beside the point: the answer is still "already set up"
      assert.equal((await client(app).call('POST', '/api/setup', { email: 'eve@example.org', name: 'Eve', password: 'short' })).status, 409);
      assert.equal((await adminClient.call('GET', '/api/auth/me')).data.user.email, 'ada@example.org');
    });

    test('roles: admins manage accounts, viewers cannot write, analysts can', async () => {
      for (const [email, role] of [['ana@example.org', 'analyst'], ['vic@example.org', 'viewer']]) {
        assert.equal((await adminClient.call('POST', '/api/users', { email, name: role, role, password: PASSWORD })).status, 201);
      }
      const viewer = client(app);
      assert.equal((await viewer.login('vic@example.org')).status, 200);
      assert.equal((await viewer.call('POST', '/api/reports', { text: 'Something happened.' })).status, 403);
      assert.equal((await viewer.call('GET', '/api/users')).status, 403);
      assert.equal((await viewer.call('GET', '/api/cases')).status, 200);
      const wrong = await client(app).login('vic@example.org', 'not the password at all');
      assert.equal(wrong.status, 401);
      assert.equal(wrong.data.error.code, 'unauthorized');
    });

    test('two reports in, one case out: merged arrest with two sources, status, alerts, exports', async () => {
      const analyst = client(app);
      await analyst.login('ana@example.org');
      const a = await analyst.call('POST', '/api/reports', { text: fixture('aldemir-1.txt'), published: '2026-11-18', url: 'https://karsvik-herald.example/aldemir' });
      const b = await analyst.call('POST', '/api/reports', { text: fixture('aldemir-2.txt'), published: '2026-11-19', url: 'https://velmora-wire.example/1' });
      assert.equal(a.status, 202);
      assert.equal(b.status, 202);
      assert.equal((await analyst.call('POST', '/api/reports', { text: fixture('aldemir-2.txt'), published: '2026-11-19' })).data.duplicate, true);
      assert.equal(await worker.drain(), 2);

      const cases = await analyst.call('GET', '/api/cases');
      assert.equal(cases.data.cases.length, 1);
      const summary = cases.data.cases[0];
      assert.equal(summary.name, 'Joran Aldemir');
      // ONTOLOGY "Case status" (issue #34): whereabouts unknown only where a report says so, and
      // these do: his wife does not know where he was taken, the union that his whereabouts are not known.
      assert.equal(summary.status, 'whereabouts_unknown');
      assert.ok(summary.open_alerts >= 1);

      const view = (await analyst.call('GET', `/api/cases/${summary.id}`)).data;
      const arrest = view.timeline.find((e: { type: string; modality: string }) => e.type === 'ARREST' && e.modality === 'asserted');
      assert.equal(new Set(arrest.sources.map((x: { reportId: string }) => x.reportId)).size, 2, 'told by both reports');
      assert.equal(arrest.independentSources, 2);
      // the union's relayed "his whereabouts are not known" is the newest fact: it names the status
      const setter = view.timeline.find((e: { id: string }) => e.id === view.status.eventId);
      assert.ok(setter && ['ARREST', 'DISAPPEARANCE'].includes(setter.type) && setter.modality === 'asserted', JSON.stringify(setter));
      assert.ok(arrest.sources.some((x: { whereaboutsUnknown: boolean }) => x.whereaboutsUnknown), 'the wife\'s words: the arrest is told with its whereabouts unknown');
      assert.ok(view.alerts.length >= 1);
      assert.equal(view.alerts.filter((a: { acknowledged_at: string | null }) => !a.acknowledged_at).length, 1, 'one open alert per person and episode: the later ones fold into it');

      const search = await analyst.call('GET', '/api/reports?q=dockworkers');
      assert.equal(search.data.reports.length, 2);
      assert.equal((await analyst.call('GET', '/api/reports?q=nonexistentword')).data.reports.length, 0);

      const csv = await analyst.call('GET', '/api/export?format=csv');
      assert.equal(csv.status, 200);
      assert.match(String(csv.data).split('\r\n')[0]!, /^person_id,person,country,status,held_at,event_id,type/);
      assert.ok(String(csv.data).includes('karsvik-herald.example'));
      const plover = await analyst.call('GET', '/api/export?format=plover');
      assert.ok(plover.data.events.some((e: { event: string; mode: string; recipient: string }) => e.event === 'COERCE' && e.mode === 'arrest' && e.recipient === 'Joran Aldemir'));
      const dossier = await analyst.call('GET', `/api/cases/${summary.id}/dossier`);
      assert.equal(dossier.status, 200);
      assert.match(String(dossier.data), /Joran Aldemir/);
      assert.match(String(dossier.data), /karsvik-herald\.example/);
    });

    test('the inbox shows what each report brought in; search narrows by facets', async () => {
      const analyst = client(app);
      await analyst.login('ana@example.org');
      const inbox = (await analyst.call('GET', '/api/reports')).data.reports;
      assert.equal(inbox.length, 2);
      assert.ok(inbox.every((r: { title: string | null; lede?: string }) => r.title && r.lede === undefined), 'a titled report needs no opening words');
      for (const r of inbox) {
        assert.deepEqual(r.findings.persons.map((p: { name: string }) => p.name), ['Joran Aldemir']);
        assert.ok(r.findings.eventTypes.includes('ARREST'));
        assert.ok(r.findings.events.some((e: { type: string; modality: string }) => e.type === 'ARREST' && e.modality === 'asserted'), JSON.stringify(r.findings.events));
      }
      assert.ok(inbox.some((r: { findings: { alerts: unknown[] } }) => r.findings.alerts.length > 0), 'the alert is traced to the report that raised it');
      const raised = (await analyst.call('GET', '/api/reports?alerts=true&limit=1')).data.reports;
      assert.equal(raised.length, 1, 'the filter is applied before paging');
      assert.ok(raised[0].findings.alerts.length > 0);
      assert.equal((await analyst.call('GET', '/api/reports?source=feed')).data.reports.length, 0);
      assert.equal((await analyst.call('GET', '/api/reports?source=paste')).data.reports.length, 2);

      const all = (await analyst.call('GET', '/api/search?q=aldemir')).data;
      assert.equal(all.people.length, 1);
      assert.ok(all.facets.type.ARREST >= 1);
      assert.ok(all.events.length >= all.facets.type.ARREST);
      const arrests = (await analyst.call('GET', '/api/search?type=ARREST')).data;
      assert.ok(arrests.events.every((e: { type: string }) => e.type === 'ARREST'));
      assert.deepEqual(Object.keys(arrests.facets.type), ['ARREST']);
      assert.equal(arrests.reports.length, 2, 'both reports told the arrest');
      assert.deepEqual((await analyst.call('GET', '/api/search?type=arrest')).data.events.length, arrests.events.length, 'a type written in lower case, as statuses are');
      assert.equal((await analyst.call('GET', '/api/search?type=arrests')).status, 422, 'must not match: no such type');
      const outOfRange = (await analyst.call('GET', '/api/search?type=ARREST&from=2027-01-01&to=2027-12-31')).data;
      assert.equal(outOfRange.events.length, 0);
      assert.equal((await analyst.call('GET', '/api/search?status=released')).data.people.length, 0);
      const nobody = (await analyst.call('GET', '/api/search?q=zzyzx')).data;
      assert.equal(nobody.people.length + nobody.events.length + nobody.reports.length, 0);
      assert.equal((await analyst.call('GET', '/api/search?from=2026-12-01&to=2026-11-01')).status, 422);
    });

    test('a status override is kept apart from the derived status and audited', async () => {
      const analyst = client(app);
      await analyst.login('ana@example.org');
      const id = (await analyst.call('GET', '/api/cases')).data.cases[0].id;
      const r = await analyst.call('PUT', `/api/cases/${id}/status`, { status: 'charged', reason: 'his lawyer saw him at Karsvik central station' });
      assert.equal(r.status, 200);
      assert.equal(r.data.status.status, 'charged');
      assert.equal(r.data.status.derived, 'whereabouts_unknown');
      const history = await auditFor(store.db, 'person', id);
      assert.ok(history.some((h) => h.action === 'person.status_overridden' && h.detail.reason === 'his lawyer saw him at Karsvik central station'));
      const viewer = client(app);
      await viewer.login('vic@example.org');
      assert.equal((await viewer.call('PUT', `/api/cases/${id}/status`, { status: null, reason: 'x' })).status, 403);
    });

    test('an analyst merges two records into one case and splits them apart again', async () => {
      const analyst = client(app);
      await analyst.login('ana@example.org');
      await analyst.call('POST', '/api/reports', { text: 'Journalist Edda Rusk was detained in Karsvik on Thursday by border guards.', published: '2026-11-20' });
      await worker.drain();
      const cases = (await analyst.call('GET', '/api/cases')).data.cases as { id: string; name: string }[];
      const aldemir = cases.find((c) => c.name === 'Joran Aldemir')!;
      const rusk = cases.find((c) => c.name === 'Edda Rusk')!;
      const merged = await analyst.call('POST', `/api/cases/${aldemir.id}/merge`, { from: rusk.id });
      assert.equal(merged.status, 200);
      assert.ok(merged.data.aliases.some((a: { alias: string }) => a.alias === 'Edda Rusk'));
      assert.equal((await analyst.call('GET', '/api/cases')).data.cases.length, 1, 'the merged record is no longer a case of its own');
      assert.equal((await analyst.call('GET', `/api/cases/${rusk.id}`)).data.id, aldemir.id, 'the old id leads to the merged case');
      const ruskMention = merged.data.mentions.find((m: { name: string }) => m.name === 'Edda Rusk');
      const split = await analyst.call('POST', `/api/cases/${aldemir.id}/split`, { mentions: [ruskMention.id] });
      assert.equal(split.status, 201);
      const apart = (await analyst.call('GET', `/api/cases/${split.data.id}`)).data;
      assert.equal(apart.name, 'Edda Rusk');
      assert.ok(apart.timeline.some((e: { type: string }) => e.type === 'ARREST'));
      const back = (await analyst.call('GET', `/api/cases/${aldemir.id}`)).data;
      const reportsLeft = new Set(back.timeline.flatMap((e: { sources: { reportId: string }[] }) => e.sources.map((x) => x.reportId)));
      assert.ok(!reportsLeft.has(ruskMention.report_id), "Rusk's report no longer on Aldemir's timeline");
      const history = await auditFor(store.db, 'person', aldemir.id);
      assert.deepEqual(history.filter((h) => h.action === 'person.merged' || h.action === 'person.split').map((h) => h.action), ['person.merged', 'person.split']);
    });

    test('API tokens for scripts; bad tokens, bad input and cross-site writes are refused', async () => {
      const t = await adminClient.call('POST', '/api/tokens', { name: 'nightly export' });
      assert.equal(t.status, 201);
      const script = client(app);
      assert.equal((await script.call('GET', '/api/cases', undefined, { authorization: `Bearer ${t.data.token}` })).status, 200);
      assert.equal((await script.call('GET', '/api/cases', undefined, { authorization: 'Bearer vt_forged' })).status, 401);
      const both = await adminClient.call('POST', '/api/reports', { text: 'a', html: '<p>a</p>' });
      assert.equal(both.status, 422);
      assert.equal(both.data.error.code, 'invalid_input');
      const empty = await adminClient.call('POST', '/api/reports', { text: '   ' });
      assert.equal(empty.status, 422);
      const listed = (await adminClient.call('GET', '/api/tokens')).data.tokens;
      assert.equal(listed.length, 1);
      assert.equal(listed[0].name, 'nightly export');
      assert.ok(listed[0].last_used_at, 'use recorded');
      assert.equal(JSON.stringify(listed).includes(t.data.token), false, 'the secret is never shown again');
      assert.equal((await adminClient.call('DELETE', `/api/tokens/${t.data.id}`)).status, 204);
      assert.equal((await script.call('GET', '/api/cases', undefined, { authorization: `Bearer ${t.data.token}` })).status, 401, 'revoked');
      const feed = await adminClient.call('POST', '/api/feeds', { url: 'https://karsvik-herald.example/rss', everyMinutes: 15 });
      assert.equal(feed.status, 201);
      assert.equal((await adminClient.call('GET', '/api/feeds')).data.feeds[0].interval_minutes, 15);
      assert.equal((await adminClient.call('POST', '/api/feeds', { url: 'file:///etc/passwd' })).status, 422);
      assert.equal((await adminClient.call('DELETE', `/api/feeds/${feed.data.id}`)).status, 204);
      const cross = await adminClient.call('POST', '/api/reports', { text: 'A report.' }, { origin: 'https://evil.example' });
      assert.equal(cross.status, 403);
      assert.equal((await adminClient.call('GET', '/api/cases/no-such-id')).status, 404);
    });

    test('a 50 MB page is refused with 413 before it is read whole; nothing is stored', async () => {
      const before = await store.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const huge = `<html><body><p>${'x'.repeat(50 * 1024 * 1024)}</p></body></html>`;
      const r = await adminClient.call('POST', '/api/reports', { html: huge });
      assert.equal(r.status, 413);
      assert.equal(r.data.error.code, 'input_too_large');
      const after = await store.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
    });

    test('the OpenAPI document is generated from the route schemas', async () => {
      const doc = (await client(app).call('GET', '/api/openapi.json')).data;
      assert.equal(doc.openapi, '3.1.0');
      for (const p of ['/api/reports', '/api/cases/{id}', '/api/auth/login', '/api/export', '/api/alert-rules', '/api/bundles/import', '/api/cases/{id}/bundle']) assert.ok(doc.paths[p], `${p} documented`);
      assert.ok(doc.components.schemas.NewReport);
    });

    test('a session write without its CSRF token is refused; a session left idle ends', async () => {
      const c = client(app);
      assert.equal((await c.login('ana@example.org')).status, 200);
      const forged = await c.call('POST', '/api/reports', { text: 'A report of nothing in particular.' }, { 'x-csrf-token': 'forged' });
      assert.equal(forged.status, 403);
      assert.match(forged.data.error.message, /x-csrf-token/);
      assert.equal((await c.call('GET', '/api/auth/me')).data.csrfToken.length > 20, true);
      clock.advance(119 * 60_000);
      assert.equal((await c.call('GET', '/api/cases')).status, 200, 'still live after 119 idle minutes');
      clock.advance(121 * 60_000);
      const idle = await c.call('GET', '/api/cases');
      assert.equal(idle.status, 401);
      assert.match(idle.data.error.message, /session expired/);
    });

    test('repeated failed logins are slowed to a stop', async () => {
      const c = client(app);
      // Five free tries from one address, then each waits twice as long as the last (see LoginLimiter).
      for (let i = 0; i < 5; i++) assert.equal((await c.login('ada@example.org', `wrong password ${i}`)).status, 401);
      assert.equal((await c.login('ada@example.org')).status, 429);
    });
  });
}
