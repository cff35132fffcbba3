import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { VigilError } from '../../core/errors.js';
import { decideTriage, triageCandidates } from '../../ingest/triage.js';
import { writeAudit } from '../../storage/audit.js';
import { addWatch, countTriage, getTriage, listTriage, listWatch, policySettings, removeWatch, setPolicySettings } from '../../storage/policy.js';
import { requireRole } from '../auth/middleware.js';
import { deniedOf } from '../access.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, IdParam, Paging, body, ok } from '../schemas.js';

const EvidenceSchema = z.object({ start: z.number(), end: z.number(), text: z.string(), why: z.string() });
const TriageItem = z
  .object({
    id: z.string(),
    report_id: z.string(),
    report_title: z.string().nullable(),
    name: z.string(),
    kinds: z.array(z.string()),
    events: z.array(z.object({ id: z.string(), type: z.string(), modality: z.string(), trigger: z.string(), start: z.number(), end: z.number() })),
    evidence: z.array(EvidenceSchema),
    reasons: z.array(z.string()),
    score: z.number().nullable(),
    relevance: z.number().nullable(),
    state: z.enum(['pending', 'opened', 'dismissed']),
    person_id: z.string().nullable(),
    decided_by: z.string().nullable(),
    decided_at: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi('TriageItem');
const Decision = z
  .union([
    z.object({ decision: z.enum(['open', 'not_a_case']) }).strict(),
    // "the same person as" a case on file (one of the item's candidates, or any case the analyst may see)
    z.object({ decision: z.literal('same_person'), personId: z.string().min(1).max(100) }).strict(),
  ])
  .openapi('TriageDecision');
const Candidate = z.object({ person_id: z.string(), name: z.string(), score: z.number() }).openapi('TriageCandidate');
const WatchEntry = z.object({ id: z.string(), kind: z.enum(['person', 'organisation']), name: z.string(), note: z.string().nullable(), added_by: z.string(), added_at: z.string() }).openapi('WatchEntry');
const NewWatch = z.object({ kind: z.enum(['person', 'organisation']).default('person'), name: z.string().trim().min(2).max(200), note: z.string().max(2000).optional() }).openapi('NewWatchEntry');
const Policy = z
  .object({ mode: z.enum(['risk', 'everyone']), caseThreshold: z.number().min(0).max(1), triageFloor: z.number().min(0).max(1), relevanceWeight: z.number().min(0).max(1) })
  .openapi('CasePolicy');

/**
 * The case policy's queue and lists: possible cases held for an analyst ("possible case: X,
 * journalist?, arrested — open a case / not a case"), the watch list, and the thresholds.
 * Viewers read; analysts decide and watch; admins set the thresholds. A possible case whose
 * report or name belongs to a case the user may not see is absent for them.
 */
export function triageRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const analyst = requireRole('analyst');

  app.openapi(
    createRoute({ method: 'get', path: '/triage', tags: ['cases'], summary: 'Possible cases held for an analyst, newest first', request: { query: Paging.extend({ state: z.enum(['pending', 'opened', 'dismissed']).default('pending') }) }, responses: { 200: ok(z.object({ items: z.array(TriageItem), pending: z.number() }), 'a page of the queue'), ...ERRORS } }),
    async (c) => {
      const { limit, offset, state } = c.req.valid('query');
      const denied = await deniedOf(c);
      const db = c.get('deps').store.db;
      const items = await listTriage(db, { state, limit, offset, denied });
      // The count is of what this user may see: a hidden case's possible cases do not show even as a number.
      const pending = denied.persons.length ? (await listTriage(db, { state: 'pending', limit: 10_000, denied })).length : await countTriage(db);
      return c.json({ items, pending }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/triage/{id}', tags: ['cases'], summary: "A possible case with its report's text (the evidence's offsets index it) and the cases on file it may be", request: { params: IdParam }, responses: { 200: ok(z.object({ item: TriageItem, text: z.string(), candidates: z.array(Candidate) }), 'the item'), 404: ok(z.any(), 'no such item'), ...ERRORS } }),
    async (c) => {
      const db = c.get('deps').store.db;
      const denied = await deniedOf(c);
      const item = await getTriage(db, c.req.valid('param').id, denied);
      if (!item) throw new VigilError('not_found', 'no such triage item');
      const report = await db.selectFrom('reports').select('text').where('id', '=', item.report_id).executeTakeFirstOrThrow();
      const candidates = item.state === 'pending' ? await triageCandidates(db, item, denied) : [];
      return c.json({ item, text: report.text, candidates }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/triage/{id}',
      tags: ['cases'],
      summary: 'Decide a possible case: open it (with its reports\' events), not a case (both remembered for the name), or the same person as a case on file (this report only); audited',
      middleware: [analyst] as const,
      request: { params: IdParam, ...body(Decision) },
      responses: { 200: ok(z.object({ decision: z.string(), name: z.string(), personId: z.string().nullable(), settled: z.array(z.string()) }), 'decided'), 404: ok(z.any(), 'no such item'), 409: ok(z.any(), 'already decided'), ...ERRORS },
    }),
    async (c) => {
      const { store } = c.get('deps');
      const denied = await deniedOf(c);
      const out = await store.db.transaction().execute((tx) => decideTriage(tx, store.now().toISOString(), c.get('user').id, c.req.valid('param').id, c.req.valid('json'), denied));
      return c.json(out, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/watch', tags: ['cases'], summary: 'The watch list: names and organisations whose every event makes a case', responses: { 200: ok(z.object({ entries: z.array(WatchEntry) }), 'the list'), ...ERRORS } }),
    async (c) => c.json({ entries: (await listWatch(c.get('deps').store.db, await deniedOf(c))).map(({ normalized: _n, ...e }) => e) }, 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/watch', tags: ['cases'], summary: 'Watch a name or an organisation (audited)', middleware: [analyst] as const, request: body(NewWatch), responses: { 201: ok(WatchEntry, 'added'), 409: ok(z.any(), 'already watched'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const input = c.req.valid('json');
      const row = await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        const r = await addWatch(tx, at, user.id, { kind: input.kind, name: input.name, note: input.note ?? null });
        await writeAudit(tx, at, { actor: user.id, action: 'watch.added', entityType: 'watch', entityId: r.id, detail: { kind: r.kind, name: r.name } });
        return r;
      });
      const { normalized: _n, ...entry } = row;
      return c.json(entry, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/watch/{id}', tags: ['cases'], summary: 'Stop watching (audited); cases already opened stay', middleware: [analyst] as const, request: { params: IdParam }, responses: { 200: ok(z.object({ removed: z.string() }), 'removed'), 404: ok(z.any(), 'no such entry'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const id = c.req.valid('param').id;
      const denied = await deniedOf(c);
      if (!(await listWatch(store.db, denied)).some((w) => w.id === id)) throw new VigilError('not_found', 'no such watch-list entry');
      await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        const r = await removeWatch(tx, id);
        await writeAudit(tx, at, { actor: user.id, action: 'watch.removed', entityType: 'watch', entityId: id, detail: { kind: r.kind, name: r.name } });
      });
      return c.json({ removed: id }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/policy', tags: ['cases'], summary: 'The case policy: who gets a case by itself, who goes to triage', responses: { 200: ok(Policy, 'the settings'), ...ERRORS } }),
    async (c) => c.json(await policySettings(c.get('deps').store.db), 200),
  );

  app.openapi(
    createRoute({ method: 'put', path: '/policy', tags: ['cases'], summary: 'Set the case policy thresholds (admin, audited)', middleware: [requireRole('admin')] as const, request: body(Policy.partial()), responses: { 200: ok(Policy, 'the settings'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const next = await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        const before = await policySettings(tx);
        const s = await setPolicySettings(tx, at, c.req.valid('json'));
        await writeAudit(tx, at, { actor: user.id, action: 'policy.updated', entityType: 'setting', entityId: 'case_policy', detail: { from: before, to: s } });
        return s;
      });
      return c.json(next, 200);
    },
  );
  return app;
}
