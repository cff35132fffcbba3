import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Extractor } from '../../articles/extract.js';
import { extractHandler } from '../../ingest/process.js';
import { Worker } from '../../ingest/worker.js';
import { ensureDefaultRules } from '../../storage/alerts.js';
import type { Store } from '../../storage/store.js';
import { TEST_ENGINES, manualClock, watchNames } from '../../storage/testing.js';
import { createApp } from '../app.js';
import { totpCode } from '../auth/totp.js';
import type { Client } from '../testing.js';
import { PASSWORD, client } from '../testing.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/cases/${name}`, import.meta.url), 'utf8');
const extractor = new Extractor();
const NO_CASE = { code: 'not_found', message: 'no such case' };

for (const engine of TEST_ENGINES) {
  describe(`casework and protection on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    let app: ReturnType<typeof createApp>;
    let worker: Worker;
    const clock = manualClock('2026-11-20T12:00:00Z');
    let admin: Client;
    let ana: Client;
    let ben: Client;
    let caseId = '';
    let anaId = '';
    before(async () => {
      store = await engine.open(clock.now);
      // What a case holds is tested here, not who gets one: the invented people are watched, so the case policy gives them a case.
      await watchNames(store, ['Sana Oduya']);
      await store.db.transaction().execute((tx) => ensureDefaultRules(tx, clock.now().toISOString()));
      worker = new Worker(store, { extract: extractHandler(extractor) });
      app = createApp({ store });
      admin = client(app);
      await admin.call('POST', '/api/setup', { email: 'root@example.org', name: 'Root', password: PASSWORD });
      await admin.call('POST', '/api/users', { email: 'ana@example.org', name: 'Ana', role: 'analyst', password: PASSWORD });
      await admin.call('POST', '/api/users', { email: 'ben@example.org', name: 'Ben', role: 'analyst', password: PASSWORD });
      ana = client(app);
      ben = client(app);
      await ana.login('ana@example.org');
      await ben.login('ben@example.org');
      anaId = (await ana.call('GET', '/api/auth/me')).data.user.id;
      await ana.call('POST', '/api/reports', { text: fixture('oduya-1.txt'), published: '2026-11-18', url: 'https://orvane-post.example/1' });
      await ana.call('POST', '/api/reports', { text: fixture('oduya-2.txt'), published: '2026-11-20', url: 'https://orvane-wire.example/2' });
      await worker.drain();
      caseId = (await ana.call('GET', '/api/cases')).data.cases.find((c: { name: string }) => c.name === 'Sana Oduya').id;
    });
    after(async () => store?.close());

    test('statements side by side: the minister denies charges, the spokesman asserts them', async () => {
      const { data } = await ana.call('GET', `/api/cases/${caseId}/statements`);
      const speakers = data.statements.map((s: { speaker: string }) => s.speaker);
      assert.ok(speakers.includes('Pell Dravik') && speakers.includes('Aino Rask'), speakers.join(', '));
      const byId = new Map(data.statements.map((s: { id: string; speaker: string }) => [s.id, s]));
      // the ministry's own "said on Thursday that she had committed a crime" contradicts him too; the speaker is the organisation, named without its article
      const pairs = data.contradictions.filter((c: { family: string }) => c.family === 'charges');
      assert.deepEqual(pairs.map((c: { asserts: string }) => (byId.get(c.asserts) as { speaker: string }).speaker).sort(), ['Aino Rask', 'Interior Ministry']);
      const pair = pairs.find((c: { asserts: string }) => (byId.get(c.asserts) as { speaker: string }).speaker === 'Aino Rask');
      assert.equal((byId.get(pair.denies) as { speaker: string }).speaker, 'Pell Dravik');
      assert.equal((byId.get(pair.asserts) as { speaker: string }).speaker, 'Aino Rask');
      assert.equal((byId.get(pair.denies) as { saidOn: string }).saidOn, '2026-11-17', '"told reporters on Tuesday" in a report of Wednesday 2026-11-18');
      const official = data.statements.find((s: { speaker: string }) => s.speaker === 'Aino Rask');
      assert.equal(official.sourceKind, 'official');
    });

    test('names in any script: the original kept with its script and a transliteration; search finds every form', async () => {
      const r = await ana.call('POST', `/api/cases/${caseId}/names`, { name: 'Одуйя Сана' });
      assert.equal(r.status, 201);
      assert.deepEqual(r.data.added.map((a: { script: string; kind: string }) => [a.script, a.kind]), [['Cyrl', 'original'], ['Latn', 'transliteration']]);
      const khmer = await ana.call('POST', `/api/cases/${caseId}/names`, { name: 'សាណា អូឌូយ៉ា' });
      assert.equal(khmer.data.added[0].script, 'Khmr');
      for (const q of ['Одуйя', 'សាណា', 'Oduyya Sana', 'oduya']) {
        const people = (await ana.call('GET', `/api/search?q=${encodeURIComponent(q)}`)).data.people;
        assert.ok(people.some((p: { id: string }) => p.id === caseId), q);
      }
      const view = (await ana.call('GET', `/api/cases/${caseId}`)).data;
      assert.ok(view.aliases.some((a: { alias: string; script: string }) => a.alias === 'សាណា អូឌូយ៉ា' && a.script === 'Khmr'));
    });

    test('graded sources: the machine grades each telling, an analyst regrades it (audited)', async () => {
      const view = (await ana.call('GET', `/api/cases/${caseId}`)).data;
      const source = view.timeline.flatMap((e: { sources: unknown[] }) => e.sources)[0];
      assert.ok(source.sourceKind && source.hand, JSON.stringify(source));
      const r = await ana.call('PUT', `/api/cases/${caseId}/sources/${source.id}/grade`, { sourceKind: 'family', hand: 'first', confidence: 0.9 });
      assert.equal(r.status, 200);
      const after = (await ana.call('GET', `/api/cases/${caseId}`)).data.timeline.flatMap((e: { sources: unknown[] }) => e.sources).find((s: { id: string }) => s.id === source.id);
      assert.deepEqual([after.sourceKind, after.hand, after.confidence, after.gradedBy], ['family', 'first', 0.9, anaId]);
      assert.equal((await ana.call('PUT', `/api/cases/${caseId}/sources/nope/grade`, { sourceKind: 'family', hand: 'first', confidence: 0.9 })).status, 404);
    });

    test('whereabouts and proof of life: unconfirmed days, and the alert when proof is too old', async () => {
      const empty = (await ana.call('GET', `/api/cases/${caseId}/whereabouts`)).data.summary;
      assert.equal(empty.basis, 'timeline');
      const bad = await ana.call('POST', `/api/cases/${caseId}/whereabouts`, { state: 'known', confirmedAt: '3000-01-01', confirmedBy: 'x', sourceKind: 'lawyer' });
      assert.equal(bad.status, 422);
      const ok = await ana.call('POST', `/api/cases/${caseId}/whereabouts`, { state: 'known', place: 'Central police station, Orvane', confirmedAt: '2026-11-19T10:00:00Z', confirmedBy: 'Tomas Brell (lawyer), visit', sourceKind: 'lawyer', proofOfLife: true });
      assert.equal(ok.status, 201);
      clock.advance(4 * 86_400_000);
      // Four days on, every session has ended: log in again.
      for (const [c, email] of [[admin, 'root@example.org'], [ana, 'ana@example.org'], [ben, 'ben@example.org']] as const) await c.login(email);
      // "Unconfirmed for N days" counts only while the person is held (issue #34); the reports tell
      // the arrest through others, so an analyst says so.
      await ana.call('PUT', `/api/cases/${caseId}/status`, { status: 'detained', reason: 'held at the central station' });
      const w = (await ana.call('GET', `/api/cases/${caseId}/whereabouts`)).data.summary;
      assert.deepEqual([w.state, w.place, w.unconfirmedDays, w.lastProofOfLife], ['known', 'Central police station, Orvane', 5, '2026-11-19T10:00:00.000Z']);
      assert.equal((await admin.call('POST', '/api/alert-rules', { rule: { kind: 'proof_of_life', hours: 72 } })).status, 201);
      await ana.call('PUT', `/api/cases/${caseId}/status`, { status: 'detained', reason: 'held at the central station' });
      // raised, or folded into the person's open alert of the same episode (one open alert per person and episode)
      const alerts = (await ana.call('GET', '/api/alerts')).data.alerts.filter((a: { message: string }) => /no proof of life/.test(a.message));
      assert.equal(alerts.length, 1);
      assert.match(alerts[0].message, /no proof of life for \d+ hours/);
    });

    test('outreach: contacts, attempts, and due follow-ups in the inbox', async () => {
      const contact = (await ana.call('POST', `/api/cases/${caseId}/contacts`, { name: 'Embassy desk', kind: 'embassy', details: '+00 555 0100' })).data.id;
      const today = clock.now().toISOString().slice(0, 10);
      const attempt = await ana.call('POST', `/api/cases/${caseId}/outreach`, { contactId: contact, at: clock.now().toISOString(), channel: 'call', summary: 'asked for consular access', answer: 'will call back', followUpOn: today });
      assert.equal(attempt.status, 201);
      assert.equal((await ana.call('POST', `/api/cases/${caseId}/outreach`, { contactId: 'not-a-contact', at: today, channel: 'call', summary: 'x' })).status, 422);
      const due = (await ana.call('GET', '/api/follow-ups')).data.followUps;
      assert.deepEqual(due.map((f: { contact: string; person: string }) => [f.contact, f.person]), [['Embassy desk', 'Sana Oduya']]);
      assert.equal((await ana.call('POST', `/api/cases/${caseId}/outreach/${attempt.data.id}/done`)).status, 204);
      assert.equal((await ana.call('GET', '/api/follow-ups')).data.followUps.length, 0);
    });

    test('an appeal draft cites every fact; an edit cannot strip a fact of its source; HTML and PDF', async () => {
      const made = await ana.call('POST', `/api/cases/${caseId}/drafts`, { kind: 'appeal' });
      assert.equal(made.status, 201);
      const draft = made.data.draft;
      const facts = draft.sections.flatMap((s: { paragraphs: { fact: boolean; cites: number[] }[] }) => s.paragraphs).filter((p: { fact: boolean }) => p.fact);
      assert.ok(facts.length >= 3);
      for (const p of facts) assert.ok(p.cites.length > 0 && p.cites.every((n: number) => draft.citations.some((c: { n: number }) => c.n === n)), JSON.stringify(p));
      assert.ok(draft.citations.some((c: { url: string | null; start: number | null }) => c.url === 'https://orvane-post.example/1' && c.start !== null));
      const stripped = structuredClone(draft);
      stripped.sections[1].paragraphs[0].cites = [];
      const refused = await ana.call('PUT', `/api/cases/${caseId}/drafts/${made.data.id}`, stripped);
      assert.equal(refused.status, 422);
      assert.match(refused.data.error.message, /without a source/);
      const edited = structuredClone(draft);
      edited.sections[0].paragraphs[0].text = 'Sana Oduya, an investigative journalist at an Orvane weekly.';
      assert.equal((await ana.call('PUT', `/api/cases/${caseId}/drafts/${made.data.id}`, edited)).status, 200);
      const html = await ana.call('GET', `/api/cases/${caseId}/drafts/${made.data.id}/export?format=html`);
      assert.match(String(html.data), /an Orvane weekly/);
      assert.match(String(html.data), /orvane-post\.example/);
      const pdf = await app.request(`/api/cases/${caseId}/drafts/${made.data.id}/export?format=pdf`, { headers: { cookie: await sessionCookie(app, 'ana@example.org') } });
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
    });

    test('a restricted case is invisible to a non-member: list, case, search, inbox, reports, alerts, exports, casework routes', async () => {
      const restricted = await ana.call('PUT', `/api/cases/${caseId}/access`, { restricted: true, codeName: 'HERON' });
      assert.equal(restricted.status, 200);
      assert.deepEqual(restricted.data.members.map((m: { email: string }) => m.email), ['ana@example.org']);
      // The member sees the code name in lists and the real name on the case page.
      assert.equal((await ana.call('GET', '/api/cases')).data.cases.find((c: { id: string }) => c.id === caseId).name, 'HERON');
      assert.equal((await ana.call('GET', `/api/cases/${caseId}`)).data.realName, 'Sana Oduya');

      assert.equal((await ben.call('GET', '/api/cases')).data.cases.filter((c: { id: string }) => c.id === caseId).length, 0);
      for (const path of [`/api/cases/${caseId}`, `/api/cases/${caseId}/statements`, `/api/cases/${caseId}/whereabouts`, `/api/cases/${caseId}/drafts`, `/api/cases/${caseId}/dossier`, `/api/cases/${caseId}/outreach`]) {
        const r = await ben.call('GET', path);
        assert.equal(r.status, 404, path);
        assert.deepEqual(r.data.error, NO_CASE, path);
      }
      const write = await ben.call('PUT', `/api/cases/${caseId}/access`, { restricted: false });
      assert.deepEqual([write.status, write.data.error], [404, NO_CASE]);
      const search = (await ben.call('GET', '/api/search?q=oduya')).data;
      assert.deepEqual([search.people.length, search.events.length, search.reports.length], [0, 0, 0], JSON.stringify(search.people));
      assert.equal((await ben.call('GET', '/api/reports')).data.reports.length, 0, 'reports naming the person are hidden too');
      const anyReport = (await ana.call('GET', '/api/reports')).data.reports[0].id;
      assert.deepEqual((await ben.call('GET', `/api/reports/${anyReport}`)).data.error, { code: 'not_found', message: 'no such report' });
      assert.equal((await ben.call('GET', '/api/alerts')).data.alerts.length, 0);
      assert.ok(!JSON.stringify((await ben.call('GET', '/api/export?format=json')).data).includes('Oduya'));
      assert.ok(!String((await ben.call('GET', '/api/export?format=csv')).data).includes('Oduya'));
      const exported = JSON.stringify((await ana.call('GET', '/api/export?format=json')).data);
      assert.ok(exported.includes('HERON'));

      // An API token is the same user: no way round through scripts.
      const token = (await ben.call('POST', '/api/tokens', { name: 'script' })).data.token;
      const viaToken = await app.request(`/api/cases/${caseId}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(viaToken.status, 404);

      assert.equal((await ana.call('POST', `/api/cases/${caseId}/members`, { userId: (await ben.call('GET', '/api/auth/me')).data.user.id })).status, 200);
      assert.equal((await ben.call('GET', `/api/cases/${caseId}`)).status, 200, 'a member added sees it');
      assert.equal((await admin.call('GET', `/api/cases/${caseId}`)).status, 404, 'an admin who is not a member does not');
    });

    test('two-factor login: required once enabled, a wrong or replayed code refused', async () => {
      const setup = (await ben.call('POST', '/api/auth/totp/setup')).data;
      assert.match(setup.uri, /^otpauth:\/\/totp\//);
      assert.match(setup.qrSvg, /^<svg/);
      assert.equal((await ben.call('POST', '/api/auth/totp/enable', { code: '000000' })).status, 422);
      assert.equal((await ben.call('POST', '/api/auth/totp/enable', { code: totpCode(setup.secret, clock.now()) })).data.enabled, true);
      const noCode = await client(app).login('ben@example.org');
      assert.deepEqual([noCode.status, noCode.data.error.code], [401, 'totp_required']);
      const wrongPassword = await client(app).call('POST', '/api/auth/login', { email: 'ben@example.org', password: 'wrong password here', code: '123456' });
      assert.deepEqual([wrongPassword.status, wrongPassword.data.error.code], [401, 'unauthorized']);
      const sameStepCode = totpCode(setup.secret, clock.now());
      const replay = await client(app).call('POST', '/api/auth/login', { email: 'ben@example.org', password: PASSWORD, code: sameStepCode });
      assert.deepEqual([replay.status, replay.data.error.message], [401, 'wrong e-mail, password or code'], 'the code used to enable is spent (and the answer does not say the password was right)');
      clock.advance(30_000);
      // The same fresh code sent twice at once (to one server process or two) logs in once.
      const fresh = totpCode(setup.secret, clock.now());
      const both = await Promise.all([0, 1].map(() => client(app).call('POST', '/api/auth/login', { email: 'ben@example.org', password: PASSWORD, code: fresh })));
      assert.deepEqual(both.map((r) => r.status).sort(), [200, 401]);
      clock.advance(30_000);
      const good = await client(app).call('POST', '/api/auth/login', { email: 'ben@example.org', password: PASSWORD, code: totpCode(setup.secret, clock.now()) });
      assert.equal(good.status, 200);
    });

    test('an admin turns off the two-factor login of a colleague who lost their phone: their sessions end, the password alone logs in, audited', async () => {
      const benAccount = (await admin.call('GET', '/api/users')).data.users.find((u: { email: string }) => u.email === 'ben@example.org');
      // must not match: only an admin may, and only an account that has it on
      assert.equal((await ana.call('DELETE', `/api/users/${benAccount.id}/two-factor`)).status, 403);
      const anaId = (await admin.call('GET', '/api/users')).data.users.find((u: { email: string }) => u.email === 'ana@example.org').id;
      assert.equal((await admin.call('DELETE', `/api/users/${anaId}/two-factor`)).status, 409);
      assert.equal((await admin.call('DELETE', `/api/users/${benAccount.id}/two-factor`)).status, 204);
      assert.equal((await ben.call('GET', '/api/cases')).status, 401, 'the lost phone\'s sessions are ended');
      assert.equal((await ben.login('ben@example.org')).status, 200, 'the password alone logs in');
      const audit = await store.db.selectFrom('audit').select(['actor', 'entity_id']).where('action', '=', 'user.two_factor_reset').execute();
      assert.deepEqual(audit.map((a) => a.entity_id), [benAccount.id]);
    });

    test('lockdown ends every live session, suspends tokens, hides restricted cases until lifted', async () => {
      const token = (await ana.call('POST', '/api/tokens', { name: 'script' })).data.token;
      assert.equal((await admin.call('POST', '/api/lockdown', { reason: 'device seized' })).status, 200);
      const ended = await ana.call('GET', '/api/cases');
      assert.deepEqual([ended.status, ended.data.error.code], [401, 'unauthorized']);
      const tok = await app.request('/api/cases', { headers: { authorization: `Bearer ${token}` } });
      assert.equal(tok.status, 401);
      assert.match((await tok.json()).error.message, /locked down/);
      await ana.login('ana@example.org');
      assert.deepEqual((await ana.call('GET', `/api/cases/${caseId}`)).data.error, NO_CASE, 'even a member cannot see it during lockdown');
      assert.equal((await ana.call('DELETE', '/api/lockdown')).status, 403, 'only an admin lifts it');
      await admin.login('root@example.org');
      assert.equal((await admin.call('DELETE', '/api/lockdown')).status, 200);
      assert.equal((await ana.call('GET', `/api/cases/${caseId}`)).status, 200);
    });

    test('the audit chain verifies, and an edited row is found', async () => {
      const good = (await admin.call('GET', '/api/audit/verify')).data;
      assert.equal(good.ok, true);
      assert.ok(good.rows > 10);
      const victim = await store.db.selectFrom('audit').select('id').where('action', '=', 'person.access_changed').executeTakeFirstOrThrow();
      await store.db.updateTable('audit').set({ detail: '{"forged":true}' }).where('id', '=', victim.id).execute();
      const bad = (await admin.call('GET', '/api/audit/verify')).data;
      assert.equal(bad.ok, false);
      assert.equal(bad.brokenAt.id, Number(victim.id));
      assert.match(bad.brokenAt.reason, /edited/);
      assert.equal((await ana.call('GET', '/api/audit/verify')).status, 403);
    });
  });
}

async function sessionCookie(app: ReturnType<typeof createApp>, email: string): Promise<string> {
  const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
