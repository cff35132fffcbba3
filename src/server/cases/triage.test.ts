import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Article } from '../../articles/article.js';
import { Extractor } from '../../articles/extract.js';
import { DEFAULT_POLICY } from '../../cases/policy.js';
import { riskThresholds } from '../../extractors/risk/index.js';
import type { ExtractionDocument } from '../../text/types.js';
import { extractHandler } from '../../ingest/process.js';
import { Worker } from '../../ingest/worker.js';
import { auditFor } from '../../storage/audit.js';
import type { Store } from '../../storage/store.js';
import { TEST_ENGINES, manualClock } from '../../storage/testing.js';
import { createApp } from '../app.js';
import type { Client } from '../testing.js';
import { PASSWORD, client } from '../testing.js';

// The queue is tested with no risk reading (every targeted person held for an analyst); the risk model's scores are its own tests' business.
const full = new Extractor();
const extractor = {
  extract(a: Article): ExtractionDocument {
    const { risk: _model, ...doc } = full.extract(a);
    return doc;
  },
} as unknown as Extractor;

for (const engine of TEST_ENGINES) {
  describe(`triage queue and watch list over HTTP on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    let app: ReturnType<typeof createApp>;
    let worker: Worker;
    let admin: Client;
    let analyst: Client;
    let viewer: Client;
    const clock = manualClock('2026-11-19T12:00:00Z');
    before(async () => {
      store = await engine.open(clock.now);
      worker = new Worker(store, { extract: extractHandler(extractor) });
      app = createApp({ store });
      admin = client(app);
      await admin.call('POST', '/api/setup', { email: 'ada@example.org', name: 'Ada', password: PASSWORD });
      for (const [email, role] of [['ana@example.org', 'analyst'], ['vic@example.org', 'viewer']]) await admin.call('POST', '/api/users', { email, name: role, role, password: PASSWORD });
      analyst = client(app);
      await analyst.login('ana@example.org');
      viewer = client(app);
      await viewer.login('vic@example.org');
    });
    after(async () => store?.close());

    test('a possible case: viewers read it with its evidence, only analysts decide; "open" makes the case, audited', async () => {
      const text = 'Journalist Lenka Haro was arrested in Karsvik on Monday by state security officers.';
      assert.equal((await analyst.call('POST', '/api/reports', { text, published: '2026-11-18' })).status, 202);
      await worker.drain();
      const list = await viewer.call('GET', '/api/triage');
      assert.equal(list.status, 200);
      assert.equal(list.data.pending, 1);
      const item = list.data.items[0];
      assert.equal(item.name, 'Lenka Haro');
      const one = await viewer.call('GET', `/api/triage/${item.id}`);
      assert.equal(one.data.text, text);
      for (const e of one.data.item.evidence) assert.equal(text.slice(e.start, e.end), e.text);
      assert.equal((await viewer.call('POST', `/api/triage/${item.id}`, { decision: 'open' })).status, 403);
      assert.equal((await analyst.call('POST', `/api/triage/${item.id}`, { decision: 'maybe' })).status, 422);
      const decided = await analyst.call('POST', `/api/triage/${item.id}`, { decision: 'open' });
      assert.equal(decided.status, 200, JSON.stringify(decided.data));
      const cases = (await viewer.call('GET', '/api/cases')).data.cases;
      assert.deepEqual(cases.map((c: { name: string }) => c.name), ['Lenka Haro']);
      assert.equal(cases[0].id, decided.data.personId);
      assert.equal((await analyst.call('POST', `/api/triage/${item.id}`, { decision: 'not_a_case' })).status, 409);
      assert.equal((await viewer.call('GET', '/api/triage')).data.pending, 0);
      assert.equal((await viewer.call('GET', '/api/triage?state=opened')).data.items.length, 1);
      const history = await auditFor(store.db, 'triage_item', item.id);
      assert.ok(history.some((h) => h.action === 'triage.opened'));
    });

    test('"the same person as" a case on file: offered with the item, validated, decided by analysts only', async () => {
      await analyst.call('POST', '/api/reports', { text: 'Activist Tomas Vell was detained in Ostra on Monday.', published: '2026-11-18' });
      await worker.drain();
      const first = (await viewer.call('GET', '/api/triage')).data.items.find((i: { name: string }) => i.name === 'Tomas Vell');
      const opened = await analyst.call('POST', `/api/triage/${first.id}`, { decision: 'open' });
      assert.equal(opened.status, 200);
      await analyst.call('POST', '/api/reports', { text: 'Mr Vell was charged with sedition in Ostra on Wednesday, his lawyer said.', published: '2026-11-19' });
      await worker.drain();
      const held = (await viewer.call('GET', '/api/triage')).data.items.find((i: { name: string }) => i.name === 'Vell');
      assert.ok(held);
      const one = await viewer.call('GET', `/api/triage/${held.id}`);
      assert.deepEqual(one.data.candidates.map((c: { person_id: string; name: string }) => [c.person_id, c.name]), [[opened.data.personId, 'Tomas Vell']]);
      assert.equal((await analyst.call('POST', `/api/triage/${held.id}`, { decision: 'same_person' })).status, 422);
      assert.equal((await analyst.call('POST', `/api/triage/${held.id}`, { decision: 'open', personId: opened.data.personId })).status, 422);
      assert.equal((await viewer.call('POST', `/api/triage/${held.id}`, { decision: 'same_person', personId: opened.data.personId })).status, 403);
      const joined = await analyst.call('POST', `/api/triage/${held.id}`, { decision: 'same_person', personId: opened.data.personId });
      assert.equal(joined.status, 200, JSON.stringify(joined.data));
      assert.equal(joined.data.personId, opened.data.personId);
      const names = (await viewer.call('GET', '/api/cases')).data.cases.map((c: { name: string }) => c.name);
      assert.ok(names.includes('Tomas Vell') && !names.includes('Vell'), JSON.stringify(names));
      assert.deepEqual((await viewer.call('GET', `/api/triage/${held.id}`)).data.candidates, [], 'a decided item offers nothing');
    });

    test('the watch list: analysts add and remove (audited), viewers read; a watched name gets a case', async () => {
      assert.equal((await viewer.call('POST', '/api/watch', { name: 'Pavo Teral' })).status, 403);
      const added = await analyst.call('POST', '/api/watch', { kind: 'person', name: 'Pavo Teral', note: 'union organiser' });
      assert.equal(added.status, 201);
      assert.equal((await analyst.call('POST', '/api/watch', { name: 'pavo  teral' })).status, 409);
      assert.deepEqual((await viewer.call('GET', '/api/watch')).data.entries.map((e: { name: string }) => e.name), ['Pavo Teral']);
      await analyst.call('POST', '/api/reports', { text: 'Police in Karsvik detained Pavo Teral on Tuesday.', published: '2026-11-18' });
      await worker.drain();
      assert.ok((await viewer.call('GET', '/api/cases')).data.cases.some((c: { name: string }) => c.name === 'Pavo Teral'));
      const org = await analyst.call('POST', '/api/watch', { kind: 'organisation', name: 'Karsvik Dockworkers Union' });
      assert.equal((await analyst.call('DELETE', `/api/watch/${org.data.id}`)).status, 200);
      assert.equal((await analyst.call('DELETE', `/api/watch/${org.data.id}`)).status, 404);
      assert.ok((await auditFor(store.db, 'watch', org.data.id)).map((a) => a.action).join(',') === 'watch.added,watch.removed');
    });

    test("a possible case named like a restricted case does not leak to those who may not see it", async () => {
      // A first report about Pavo Teral's namesake held in triage (the policy reads the second as a new person).
      await analyst.call('POST', '/api/reports', { text: 'Activist Inga Morrow was detained in Ostra on Monday.', published: '2026-11-18' });
      await worker.drain();
      const pending = (await admin.call('GET', '/api/triage')).data.items.find((i: { name: string }) => i.name === 'Inga Morrow');
      assert.ok(pending);
      // Inga Morrow gets a case from another report (watched), and the admin restricts it.
      await admin.call('POST', '/api/watch', { name: 'Inga Morrow' });
      await analyst.call('POST', '/api/reports', { text: 'Inga Morrow was charged in Ostra on Thursday, her lawyer said.', published: '2026-11-19' });
      await worker.drain();
      const theCase = (await admin.call('GET', '/api/cases')).data.cases.find((c: { name: string }) => c.name === 'Inga Morrow');
      assert.equal((await admin.call('PUT', `/api/cases/${theCase.id}/access`, { restricted: true })).status, 200);
      for (const who of [viewer, analyst]) {
        assert.ok(!(await who.call('GET', '/api/triage')).data.items.some((i: { name: string }) => i.name === 'Inga Morrow'));
        assert.equal((await who.call('GET', `/api/triage/${pending.id}`)).status, 404);
        assert.ok(!(await who.call('GET', '/api/watch')).data.entries.some((e: { name: string }) => e.name === 'Inga Morrow'));
      }
      assert.equal((await analyst.call('POST', `/api/triage/${pending.id}`, { decision: 'not_a_case' })).status, 404);
      assert.ok((await admin.call('GET', '/api/triage')).data.items.some((i: { name: string }) => i.name === 'Inga Morrow'), 'a member still sees it');
    });

    test('the case policy: everyone reads it, only an admin sets it (audited)', async () => {
      // the shipped risk model's cross-validated threshold, until an admin sets one
      assert.equal((await viewer.call('GET', '/api/policy')).data.caseThreshold, riskThresholds().policy?.caseThreshold ?? DEFAULT_POLICY.caseThreshold);
      assert.equal((await analyst.call('PUT', '/api/policy', { caseThreshold: 0.6 })).status, 403);
      // both at once: the shipped floor may lie above 0.6
      const set = await admin.call('PUT', '/api/policy', { caseThreshold: 0.6, triageFloor: 0.3 });
      assert.equal(set.status, 200);
      assert.equal(set.data.caseThreshold, 0.6);
      assert.equal((await admin.call('PUT', '/api/policy', { triageFloor: 0.9 })).status, 422);
      assert.ok((await auditFor(store.db, 'setting', 'case_policy')).some((a) => a.action === 'policy.updated'));
    });
  });
}
