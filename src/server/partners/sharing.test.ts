import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Extractor } from '../../articles/extract.js';
import { newKeyPair } from '../../cases/sharing/signing.js';
import { extractHandler } from '../../ingest/process.js';
import { Worker } from '../../ingest/worker.js';
import { ensureDefaultRules } from '../../storage/alerts.js';
import type { Store } from '../../storage/store.js';
import { TEST_ENGINES, manualClock, watchNames } from '../../storage/testing.js';
import { createApp } from '../app.js';
import type { Client } from '../testing.js';
import { PASSWORD, client } from '../testing.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/cases/${name}`, import.meta.url), 'utf8');
const extractor = new Extractor();

/** One Vigil: a database, an admin and an analyst. */
async function vigil(open: () => Promise<Store>, org: string) {
  const store = await open();
  // What a case holds is tested here, not who gets one: the invented people are watched, so the case policy gives them a case.
  await watchNames(store, ['Sana Oduya']);
  await store.db.transaction().execute((tx) => ensureDefaultRules(tx, store.now().toISOString()));
  const app = createApp({ store });
  const admin = client(app);
  await admin.call('POST', '/api/setup', { email: 'root@example.org', name: 'Root', password: PASSWORD });
  await admin.call('POST', '/api/users', { email: 'ana@example.org', name: 'Ana', role: 'analyst', password: PASSWORD });
  await admin.call('POST', '/api/users', { email: 'ben@example.org', name: 'Ben', role: 'analyst', password: PASSWORD });
  await admin.call('PUT', '/api/sharing/identity', { name: org });
  const ana = client(app);
  await ana.login('ana@example.org');
  const ben = client(app);
  await ben.login('ben@example.org');
  return { store, admin, ana, ben, worker: new Worker(store, { extract: extractHandler(extractor) }) };
}

for (const engine of TEST_ENGINES) {
  describe(`sharing with partners on ${engine.engine}`, { skip: engine.skip }, () => {
    const clock = manualClock('2026-11-20T12:00:00Z');
    let sender: Awaited<ReturnType<typeof vigil>>;
    let receiver: Awaited<ReturnType<typeof vigil>>;
    let caseId = '';
    let bundle: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any
    let senderKey = '';
    before(async () => {
      sender = await vigil(() => engine.open(clock.now), 'Orvane Press Watch');
      receiver = await vigil(() => engine.open(clock.now), 'Northern Rights Desk');
      await sender.ana.call('POST', '/api/reports', { text: fixture('oduya-1.txt'), published: '2026-11-18', url: 'https://orvane-post.example/1' });
      await sender.ana.call('POST', '/api/reports', { text: fixture('oduya-2.txt'), published: '2026-11-20', url: 'https://orvane-wire.example/2026/sana-oduya-crime' });
      await sender.worker.drain();
      caseId = (await sender.ana.call('GET', '/api/cases')).data.cases.find((c: { name: string }) => c.name === 'Sana Oduya').id;
      await sender.ana.call('PUT', `/api/cases/${caseId}/access`, { restricted: true, codeName: 'Heron' });
      senderKey = (await sender.ana.call('GET', '/api/sharing/identity')).data.publicKey;
    });
    after(async () => {
      await sender?.store.close();
      await receiver?.store.close();
    });

    const exportCase = (c: Client, body: Record<string, unknown> = {}) => c.call('POST', `/api/cases/${caseId}/bundle`, body);
    const importInto = (c: Client, b: unknown) => c.call('POST', '/api/bundles/import', b);

    test('each Vigil has one key; only admins register partners, and only real Ed25519 keys', async () => {
      const a = (await sender.ana.call('GET', '/api/sharing/identity')).data;
      assert.equal(a.name, 'Orvane Press Watch');
      assert.match(a.fingerprint, /^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
      assert.equal((await sender.ana.call('GET', '/api/sharing/identity')).data.fingerprint, a.fingerprint, 'made once, then kept');
      assert.deepEqual((await receiver.ana.call('POST', '/api/partners', { name: 'Orvane Press Watch', publicKey: senderKey })).data.error.code, 'forbidden');
      assert.equal((await receiver.admin.call('POST', '/api/partners', { name: 'Junk', publicKey: 'x'.repeat(60) })).data.error.code, 'invalid_input');
      const own = (await receiver.ana.call('GET', '/api/sharing/identity')).data.publicKey;
      assert.match((await receiver.admin.call('POST', '/api/partners', { name: 'Us', publicKey: own })).data.error.message, /own key/);
    });

    test('a non-member cannot make a bundle of a restricted case: the same 404 as an unknown case', async () => {
      const r = await exportCase(sender.ben);
      assert.equal(r.status, 404);
      assert.deepEqual(r.data.error, { code: 'not_found', message: 'no such case' });
    });

    test('the bundle is signed and redacted: code name, no real name anywhere, masked words keep their length, citations exact', async () => {
      const r = await exportCase(sender.ana, { terms: ['central police station'] });
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-disposition') ?? '', /attachment; filename="vigil-bundle-2026-11-20-/);
      bundle = r.data;
      assert.equal(bundle.case.name, 'Heron');
      assert.equal(bundle.case.restricted, true);
      assert.deepEqual(bundle.case.aliases, []);
      assert.equal(bundle.redaction.name, 'code');
      const all = JSON.stringify(bundle);
      for (const word of ['Oduya', 'Sana', 'central police station']) assert.ok(!all.includes(word), `"${word}" leaked`);
      assert.ok(bundle.redaction.masked > 3);
      assert.ok(all.includes('Pell Dravik'), 'an official speaking in public is kept');
      assert.ok(bundle.events.length >= 2, `${bundle.events.length} events`);
      const reports = new Map(bundle.reports.map((x: { ref: string }) => [x.ref, x]));
      const wire = bundle.reports.find((x: { urlWithheld: boolean }) => x.urlWithheld);
      assert.equal(wire?.url, 'https://orvane-wire.example', 'an address with the name in it is cut to its site');
      for (const e of bundle.events) {
        for (const s of e.sources) {
          const rep = reports.get(s.report) as { excerpts: { start: number; text: string }[] };
          const ex = rep.excerpts.find((x) => s.start >= x.start && s.end <= x.start + x.text.length);
          assert.ok(ex, `a passage holds ${s.start}-${s.end}`);
          assert.equal(ex.text.slice(s.start - ex.start, s.end - ex.start), s.trigger);
        }
      }
      const withheld = bundle.reports.flatMap((x: { excerpts: { text: string }[] }) => x.excerpts.map((e) => e.text)).join(' ');
      assert.ok(withheld.includes('█'.repeat('central police station'.length)), 'the term masked, its length kept');
      assert.equal(typeof bundle.signature, 'string');
      const log = (await sender.ana.call('GET', `/api/cases/${caseId}/bundles`)).data;
      assert.equal(log[0].direction, 'out');
      assert.equal(log[0].id, bundle.id);
    });

    test('the real name is sent only when asked for', async () => {
      const r = await exportCase(sender.ana, { name: 'real', parts: { statements: false, whereabouts: false, notes: false } });
      assert.equal(r.data.case.name, 'Sana Oduya');
      assert.ok(r.data.case.aliases.some((a: { alias: string }) => a.alias === 'Sana Oduya'));
      assert.deepEqual(r.data.statements, []);
    });

    test("an unregistered partner's bundle is refused, naming the key's fingerprint", async () => {
      const r = await importInto(receiver.ana, bundle);
      assert.equal(r.status, 403);
      assert.equal(r.data.error.code, 'forbidden');
      assert.equal(r.data.error.details.fingerprint, bundle.issuer.fingerprint);
    });

    test('a registered partner: one changed character, an unknown field, or another recipient is refused', async () => {
      const reg = await receiver.admin.call('POST', '/api/partners', { name: 'Orvane Press Watch', publicKey: senderKey });
      assert.equal(reg.status, 201);
      assert.equal(reg.data.fingerprint, bundle.issuer.fingerprint);
      assert.equal((await receiver.admin.call('POST', '/api/partners', { name: 'Again', publicKey: senderKey })).status, 409);
      const changed = structuredClone(bundle);
      changed.events[0].date = '2026-11-01';
      const bad = await importInto(receiver.ana, changed);
      assert.equal(bad.status, 422);
      assert.equal(bad.data.error.code, 'bad_signature');
      const extra = await importInto(receiver.ana, { ...bundle, extra: 1 });
      assert.equal(extra.status, 422);
      assert.equal(extra.data.error.code, 'invalid_input');
      const stranger = (await sender.admin.call('POST', '/api/partners', { name: 'Elsewhere', publicKey: newKeyPair().publicKey })).data;
      const forOthers = (await exportCase(sender.ana, { recipient: stranger.id })).data;
      assert.equal(forOthers.recipient.name, 'Elsewhere');
      const r = await importInto(receiver.ana, forOthers);
      assert.equal(r.status, 403);
      assert.match(r.data.error.message, /made for Elsewhere/);
    });

    test('imported: a restricted case for the importer, facts citing the rebuilt passages and naming the partner; once only', async () => {
      const r = await importInto(receiver.ana, bundle);
      assert.equal(r.status, 201, JSON.stringify(r.data));
      assert.equal(r.data.partner, 'Orvane Press Watch');
      assert.equal(r.data.events, bundle.events.length);
      assert.equal(r.data.dropped, 0);
      const id = r.data.caseId;
      assert.equal((await receiver.ben.call('GET', `/api/cases/${id}`)).status, 404, 'restricted to the importer');
      const view = (await receiver.ana.call('GET', `/api/cases/${id}`)).data;
      assert.equal(view.name, 'Heron');
      assert.equal(view.restricted, true);
      assert.equal(view.timeline.length, bundle.events.length);
      // The status is derived again from the imported timeline: the same as the sender's own.
      const theirs = (await sender.ana.call('GET', `/api/cases/${caseId}`)).data;
      assert.equal(view.status.status, theirs.status.status, `status derived from the imported timeline: ${view.status.status}`);
      assert.equal(view.status.reason, theirs.status.reason);
      for (const e of view.timeline) {
        for (const s of e.sources) {
          assert.equal(s.via, 'Orvane Press Watch');
          const report = (await receiver.ana.call('GET', `/api/reports/${s.reportId}`)).data;
          assert.equal(report.text.slice(s.start, s.end), s.trigger, 'the citation points at the same words in the rebuilt report');
        }
      }
      const statements = (await receiver.ana.call('GET', `/api/cases/${id}/statements`)).data.statements;
      assert.equal(statements.length, bundle.statements.length);
      const again = await importInto(receiver.ana, bundle);
      assert.equal(again.status, 409);
      assert.equal(again.data.error.details.caseId, id);
      const audit = await receiver.store.db.selectFrom('audit').select(['action', 'detail']).where('action', '=', 'bundle.imported').execute();
      assert.equal(audit.length, 1);
      assert.equal(JSON.parse(audit[0]!.detail).bundle, bundle.id);
      assert.equal((await receiver.ben.call('GET', `/api/search?q=Heron`)).data.people.length, 0, 'search hides it from non-members too');
    });

    test('places withheld: every place the sent reports name is masked, not only the events\' own; countries and other words stay', async () => {
      // a town named where nothing is told to have happened (no event's place), in the headline and the lede
      const text = 'Colleagues rally in Velmont for detained journalist\n\nORVANE — Colleagues of Sana Oduya gathered in Velmont on Saturday, two days after police detained her. She was charged on Friday, her lawyer said.\n';
      await sender.ana.call('POST', '/api/reports', { text, published: '2026-11-21' });
      await sender.worker.drain();
      const r = await exportCase(sender.ana, { withholdPlaces: true });
      assert.equal(r.status, 200);
      const all = JSON.stringify(r.data);
      assert.ok(all.includes('█'.repeat('Velmont'.length)), 'the rally\'s town is in a sent passage, masked');
      assert.ok(!all.includes('Velmont'), 'the town leaked');
      assert.equal(r.data.redaction.places, true);
      for (const e of r.data.events) assert.equal(e.place, null);
      // must not match: words that are no place, and an official speaking in public, stay
      assert.ok(all.includes('Pell Dravik'));
      assert.ok(all.includes('Colleagues'));
    });
  });
}
