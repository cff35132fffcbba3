import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Extractor } from '../articles/extract.js';
import { COMMANDS } from './commands.js';
import { vigil } from './testing.js';
import { extractHandler } from '../ingest/process.js';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { emailHandler, webhookHandler } from '../ingest/deliver.js';
import { Worker } from '../ingest/worker.js';
import { ensureDefaultRules, raiseAlert } from '../storage/alerts.js';
import { markReportFailed } from '../storage/reports.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES, manualClock, watchNames } from '../storage/testing.js';
import { normalizeName } from '../cases/names.js';
import { createApp } from '../server/app.js';
import type { Client } from '../server/testing.js';
import { PASSWORD, client } from '../server/testing.js';

/**
 * The restricted-case leak test, generated: every GET route of the OpenAPI document (path
 * parameters filled with real ids, every enum of a query parameter tried, `q` set to the hidden
 * words) and every command of the CLI that prints case data, asked by people who are not members
 * of the restricted case "Heron" (also a member, during a lockdown). None of the answers may hold
 * the person's real name, the hidden report's distinctive words or ids. A route whose path
 * parameters the generator cannot fill fails the test, so a new route is covered or noticed.
 */

// Invented: a report naming the restricted person (Mirela Zoltavic, case "Heron") and an open case (Teodor Brask).
const HIDDEN = `Two activists detained in Brennholm, relatives say

BRENNHOLM — Police in Brennholm arrested the journalist Mirela Zoltavic and the union organiser Teodor Brask on Monday, their families said on Tuesday.

Zoltavic, 34, writes for the Ostvale Courier. Her sister said the family did not know where she was being held after officers drove her toward the Quillmarsh barracks.

Brask, 52, leads the Brennholm Tramworkers Union. He was detained at his office, a colleague told reporters.
`;
const OPEN = `Tram union leader held in Brennholm

BRENNHOLM — Teodor Brask, who leads the Brennholm Tramworkers Union, was arrested by police on Monday, his union said.

Brask, 52, was detained at the union office on Harbour Street, a colleague told reporters. No charges have been announced.
`;
const FAILED = 'Mirela Zoltavic was seen at the Quillmarsh barracks on Friday, a witness said.';
const QUEUED = 'Relatives of Mirela Zoltavic petitioned the Quillmarsh court on Saturday.';
const SECRETS = ['zoltavic', 'mirela', 'quillmarsh', 'ostvale', 'did not know where she was being held'];

const extractor = new Extractor();

/** The commands that print case data, and how to call them; the others must say why they are left out. */
const CLI_LEFT_OUT: Record<string, string> = { serve: 'runs the server (its routes are tested above)', users: 'accounts only', ingest: 'writes reports in', extract: 'reads files given to it, no database' };

for (const engine of TEST_ENGINES) {
  describe(`a restricted case leaks nowhere, on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store & { url: string };
    let app: ReturnType<typeof createApp>;
    let worker: Worker;
    const clock = manualClock('2026-11-19T12:00:00Z');
    const ids = { triage: [] as string[], heron: '', brask: '', hidden: '', open: '', failed: '', queued: '', draft: '', memberDraft: '', users: [] as string[] };
    let admin: Client;
    let member: Client;
    let analyst: Client;
    let viewer: Client;

    before(async () => {
      store = await engine.open(clock.now);
      await store.db.transaction().execute((tx) => ensureDefaultRules(tx, clock.now().toISOString()));
      worker = new Worker(store, { extract: extractHandler(extractor) });
      app = createApp({ store });
      admin = client(app);
      assert.equal((await admin.call('POST', '/api/setup', { email: 'ada@example.org', name: 'Ada', password: PASSWORD })).status, 201);
      for (const [email, role] of [['mel@example.org', 'analyst'], ['ana@example.org', 'analyst'], ['vic@example.org', 'viewer']] as const) {
        const r = await admin.call('POST', '/api/users', { email, name: email.slice(0, 3), role, password: PASSWORD });
        assert.equal(r.status, 201);
        ids.users.push(r.data.id ?? r.data.user?.id);
      }
      member = client(app);
      analyst = client(app);
      viewer = client(app);
      await member.login('mel@example.org');
      await analyst.login('ana@example.org');
      await viewer.login('vic@example.org');
      // Who gets a case is the policy's business: both people are watched, so each has a case to protect.
      await watchNames(store, ['Mirela Zoltavic', 'Teodor Brask']);
      ids.hidden = (await member.call('POST', '/api/reports', { text: HIDDEN, published: '2026-11-17', url: 'https://ostvale-courier.example/zoltavic' })).data.reportId;
      ids.open = (await analyst.call('POST', '/api/reports', { text: OPEN, published: '2026-11-17', url: 'https://brennholm-post.example/brask' })).data.reportId;
      await worker.drain();
      const cases = (await member.call('GET', '/api/cases')).data.cases as { id: string; name: string }[];
      ids.heron = cases.find((c) => c.name === 'Mirela Zoltavic')!.id;
      ids.brask = cases.find((c) => c.name === 'Teodor Brask')!.id;
      assert.ok(ids.heron && ids.brask, JSON.stringify(cases));
      // A member's draft on the open case, made while Heron was still open: it quotes the shared report.
      const md = await member.call('POST', `/api/cases/${ids.brask}/drafts`, { kind: 'appeal' });
      assert.equal(md.status, 201, JSON.stringify(md.data));
      ids.memberDraft = md.data.id;
      assert.equal((await member.call('PUT', `/api/cases/${ids.heron}/access`, { restricted: true, codeName: 'Heron' })).status, 200);
      await member.call('POST', `/api/cases/${ids.brask}/notes`, { body: 'Arrested with Mirela Zoltavic on the same day.' });
      // A report naming her whose extraction failed, and one still queued.
      ids.failed = (await member.call('POST', '/api/reports', { text: FAILED, published: '2026-11-18' })).data.reportId;
      await worker.drain();
      await markReportFailed(store.db, ids.failed, 'the extractor gave up');
      await store.db.deleteFrom('person_mentions').where('report_id', '=', ids.failed).execute();
      ids.queued = (await member.call('POST', '/api/reports', { text: QUEUED })).data.reportId;
      // Possible cases (the triage queue) that name her, from the hidden report and from the shared one.
      for (const reportId of [ids.hidden, ids.open]) {
        const id = `triage-${reportId.slice(0, 8)}`;
        await store.db
          .insertInto('triage_items')
          .values({ id, report_id: reportId, entity_id: 'e1', name: 'Mirela Zoltavic', normalized: normalizeName('Mirela Zoltavic'), kinds: '["journalist"]', events: '[]', evidence: '[]', reasons: '["test"]', score: 0.3, relevance: 0.9, state: 'pending', person_id: null, decided_by: null, decided_at: null, created_at: clock.now().toISOString() })
          .execute();
        ids.triage.push(id);
      }
      const d = await analyst.call('POST', `/api/cases/${ids.brask}/drafts`, { kind: 'brief' });
      assert.equal(d.status, 201, JSON.stringify(d.data));
      ids.draft = d.data.id;
      assert.ok(ids.draft && ids.memberDraft);
    });
    after(async () => store?.close());

    const leaks = (what: string, body: string, extra: string[] = []) => {
      const low = body.toLowerCase();
      for (const s of [...SECRETS, ids.heron, ids.hidden, ids.failed, ids.queued, ...extra]) assert.ok(!low.includes(s.toLowerCase()), `${what} carries "${s}": ${body.slice(Math.max(0, low.indexOf(s.toLowerCase()) - 200), low.indexOf(s.toLowerCase()) + 200)}`);
    };

    /** Every GET of the OpenAPI document, each way it can be called. */
    async function generatedCalls(): Promise<string[]> {
      const doc = (await viewer.call('GET', '/api/openapi.json')).data as { paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema?: { enum?: string[] } }[] }>> };
      const fill: Record<string, (path: string) => string[]> = {
        id: (p) => (p.startsWith('/api/cases/') ? [ids.brask, ids.heron] : p.startsWith('/api/reports/') ? [ids.open, ids.hidden, ids.failed, ids.queued] : p.startsWith('/api/users/') ? ids.users : p.startsWith('/api/triage/') ? ids.triage : []),
        draftId: () => [ids.draft, ids.memberDraft],
      };
      const urls: string[] = [];
      for (const [path, ops] of Object.entries(doc.paths)) {
        const get = ops.get;
        if (!get) continue;
        let paths = [path];
        for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)) {
          const values = fill[name]?.(path) ?? [];
          assert.ok(values.length, `the leak test cannot fill {${name}} in GET ${path}: teach it (fill) which ids to use`);
          paths = paths.flatMap((p) => values.map((v) => p.replace(`{${name}}`, v)));
        }
        const queries: string[] = [''];
        for (const q of get.parameters?.filter((x) => x.in === 'query') ?? []) {
          if (q.schema?.enum) queries.push(...q.schema.enum.map((v) => `${q.name}=${encodeURIComponent(v)}`));
          if (q.name === 'q') queries.push('q=Zoltavic', 'q=Quillmarsh', 'q=Mirela', 'q=Brask');
        }
        for (const p of paths) for (const q of queries) urls.push(q ? `${p}?${q}` : p);
      }
      return urls;
    }

    async function sweep(who: Client, label: string, extra: string[] = []): Promise<number> {
      const urls = await generatedCalls();
      assert.ok(urls.length > 40, `${urls.length} calls generated`);
      for (const url of urls) {
        const r = await who.call('GET', url);
        assert.ok(r.status < 500, `${label} GET ${url} answered ${r.status}`);
        leaks(`${label} GET ${url}`, typeof r.data === 'string' ? r.data : JSON.stringify(r.data), extra);
      }
      return urls.length;
    }

    test('the member sees the case and its report (the test would catch nothing otherwise)', async () => {
      const view = await member.call('GET', `/api/cases/${ids.heron}`);
      assert.equal(view.status, 200);
      assert.match(JSON.stringify(view.data), /Zoltavic/);
      assert.match(JSON.stringify((await member.call('GET', `/api/cases/${ids.brask}`)).data), /Quillmarsh|Zoltavic/);
    });

    test('a viewer and an analyst who are not members: every GET route, every enum, every search', async () => {
      assert.ok((await sweep(viewer, 'viewer')) > 40);
      await sweep(analyst, 'analyst');
      const page = (await viewer.call('GET', `/api/cases/${ids.brask}`)).data;
      assert.ok(page.timeline.length >= 1, 'the open case keeps what the visible report told');
    });

    test('what non-members make from the open case: drafts, bundles with the default redaction', async () => {
      const draft = await analyst.call('POST', `/api/cases/${ids.brask}/drafts`, { kind: 'appeal' });
      assert.equal(draft.status, 201);
      leaks('a new draft', JSON.stringify(draft.data));
      for (const f of ['html', 'pdf']) {
        const r = await analyst.call('GET', `/api/cases/${ids.brask}/drafts/${ids.memberDraft}/export?format=${f}`);
        assert.equal(r.status, 200);
        leaks(`the member's draft as ${f}`, String(r.data));
      }
      const bundle = await analyst.call('POST', `/api/cases/${ids.brask}/bundle`, {});
      assert.equal(bundle.status, 200, JSON.stringify(bundle.data));
      leaks('a bundle', JSON.stringify(bundle.data));
    });

    test("oracles: a submitter's own report stays readable; resubmitting tells nothing; queued text is hidden", async () => {
      const mine = await analyst.call('POST', '/api/reports', { text: 'Mirela Zoltavic was moved to a prison in Brennholm on Sunday, her lawyer said.' });
      const before = await analyst.call('GET', `/api/reports/${mine.data.reportId}`);
      assert.equal(before.status, 200, 'queued: its submitter reads it');
      await worker.drain();
      const afterRead = await analyst.call('GET', `/api/reports/${mine.data.reportId}`);
      assert.equal(afterRead.status, 200, 'extracted: still readable by its submitter, no flip to 404');
      const m = await store.db.selectFrom('person_mentions').select(['person_id', 'candidate_id', 'state', 'name']).where('report_id', '=', mine.data.reportId).execute();
      assert.equal((await viewer.call('GET', `/api/reports/${mine.data.reportId}`)).status, 404, `others may not read it ${JSON.stringify(m)} ${ids.heron}`);
      leaks('the own report', JSON.stringify(afterRead.data.findings ?? {}));
      const again = await analyst.call('POST', '/api/reports', { text: HIDDEN });
      assert.equal(again.status, 202);
      // The resubmitter holds the text: the report of it answers them as any of their own does, with Heron's parts left out.
      const read = await analyst.call('GET', `/api/reports/${again.data.reportId}`);
      assert.equal(read.status, 200);
      assert.equal((await viewer.call('GET', `/api/reports/${ids.queued}`)).status, 404);
      assert.equal((await viewer.call('GET', `/api/reports/${ids.failed}`)).status, 404);
      await sweep(viewer, 'viewer after the oracles', [mine.data.reportId]);
    });

    test('webhook deliveries name the code name only', async () => {
      // An alert on her case: the one the rules raised, or (when this reading raised none) one made here.
      const raised = await store.db.selectFrom('alerts').select('id').where('person_id', '=', ids.heron).executeTakeFirst();
      const alert = raised ?? (await store.db.transaction().execute(async (tx) => {
        const rule = await tx.selectFrom('alert_rules').select('id').executeTakeFirstOrThrow();
        const made = await raiseAlert(tx, clock.now().toISOString(), ids.heron, rule.id, { kind: 'new_event', key: 'leak-test', message: 'Mirela Zoltavic: new arrest', eventIds: [], reportIds: [ids.hidden], episode: null, urgent: false });
        return { id: made!.row.id };
      }));
      const rule = await store.db.selectFrom('alerts').select('rule_id').where('id', '=', alert.id).executeTakeFirstOrThrow();
      await store.db.updateTable('alert_rules').set({ channels: JSON.stringify({ webhook: { url: 'https://hooks.example/x', secret: 'a-secret-of-16-chars' } }) }).where('id', '=', rule.rule_id!).execute();
      let sent = '';
      const handler = webhookHandler({ baseUrl: 'http://vigil.example', fetchImpl: (async (_u: string, init: RequestInit) => ((sent = String(init.body)), new Response('ok'))) as unknown as typeof fetch });
      await handler({ id: 'j', kind: 'deliver.webhook', payload: { alertId: alert.id } } as never, { store } as never);
      assert.match(sent, /"name":"Heron"/);
      assert.ok(!sent.includes('Zoltavic'), sent);
    });

    test('e-mail deliveries name the code name only, without the place held or the reports\' titles', async () => {
      const alert = await store.db.selectFrom('alerts').select(['id', 'rule_id']).where('person_id', '=', ids.heron).executeTakeFirstOrThrow();
      await store.db.updateTable('alerts').set({ acknowledged_at: null, acknowledged_by: null }).where('id', '=', alert.id).execute();
      await store.db.updateTable('alert_rules').set({ enabled: 1, channels: JSON.stringify({ email: ['desk@ngo.example'] }) }).where('id', '=', alert.rule_id!).execute();
      const mails: string[] = [];
      const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], onData: (st, _session, cb) => { let d = ''; st.on('data', (c) => (d += c)); st.on('end', () => (mails.push(d), cb())); } });
      await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
      try {
        const handler = emailHandler({ baseUrl: 'http://vigil.example', smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` });
        await handler({ id: 'j', kind: 'deliver.email', payload: { alertId: alert.id } } as never, { store } as never);
      } finally {
        await new Promise<void>((r) => smtp.close(() => r()));
      }
      assert.equal(mails.length, 1);
      const mail = mails[0]!.replace(/=\r\n/g, '').replace(/\r\n[ \t]/g, ' ');
      assert.match(mail, /Subject: \[Vigil\] Heron: /);
      assert.match(mail, /\r\n\r\nHeron\r\nStatus: /);
      for (const secret of SECRETS) assert.ok(!mail.toLowerCase().includes(secret), `${secret} in ${mail}`);
    });

    test('the command line (a member of nothing): every command that prints case data', async () => {
      const dbArg = store.url;
      const runs: [string, string[]][] = [
        ['cases', []],
        ['cases', ['--json']],
        ['cases', [ids.brask, '--json']],
        ['cases', [ids.brask]],
        ['export', ['--format', 'json']],
        ['export', ['--format', 'csv']],
        ['export', ['--format', 'plover']],
        ['export', ['--dossier', ids.brask]],
        ['share', ['export', ids.brask]],
        ['watch', []],
        ['watch', ['--triage']],
      ];
      for (const name of Object.keys(COMMANDS)) assert.ok(runs.some(([c]) => c === name) || CLI_LEFT_OUT[name], `the leak test does not run "vigil ${name}": add it to runs or say why in CLI_LEFT_OUT`);
      for (const [command, args] of runs) {
        const r = await vigil([command, ...args, '--db', dbArg], { now: clock.now });
        assert.equal(r.code, 0, `vigil ${command} ${args.join(' ')}: ${r.stderr}`);
        const out = r.stdout + r.stderr;
        // Every possible case in the queue names her: the queue is rightly empty for no user, and says so.
        assert.ok(out.length > 0, `vigil ${command} ${args.join(' ')} printed nothing`);
        if (command === 'watch' && args[0] === '--triage') assert.equal(r.stdout, '', 'an empty queue lists nothing on standard output');
        // the list says how many it leaves out, by count only
        if (command === 'cases' && args.length === 0) assert.match(r.stderr, /^1 restricted case is left out/m);
        leaks(`vigil ${command} ${args.join(' ')}`, out);
      }
    });

    test('a lockdown hides the case from its member too, everywhere', async () => {
      assert.equal((await admin.call('POST', '/api/lockdown', { reason: 'a laptop was seized' })).status, 200);
      const again = client(app);
      assert.equal((await again.login('mel@example.org')).status, 200);
      await sweep(again, 'member in lockdown');
      await admin.login('ada@example.org');
      assert.equal((await admin.call('DELETE', '/api/lockdown')).status, 200);
    });
  });
}
