import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { CASE_STATUSES } from '../../cases/status.js';
import { VigilError } from '../../core/errors.js';
import { mergePersons, splitPerson } from '../../ingest/persons.js';
import { refreshCase } from '../../ingest/track.js';
import { writeAudit } from '../../storage/audit.js';
import { listCases } from '../../storage/cases.js';
import { decodeCursor, nextCursor } from '../../storage/paging.js';
import { getPersonRow, livePersonId } from '../../storage/persons.js';
import { requireRole } from '../auth/middleware.js';
import { assertCaseVisible, deniedOf } from '../access.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, IdParam, Paging, body, ok } from '../schemas.js';
import { caseView } from './view.js';

const CaseSummary = z
  .object({ id: z.string(), name: z.string(), restricted: z.boolean(), country: z.string().nullable(), status: z.string(), status_since: z.string().nullable(), status_reason: z.string(), overridden: z.boolean(), last_news_at: z.string().nullable(), events: z.number(), open_alerts: z.number() })
  .openapi('CaseSummary');
const Override = z.object({ status: z.enum(CASE_STATUSES).nullable(), reason: z.string().min(1).max(2000) }).openapi('StatusOverride');

export function caseRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const analyst = requireRole('analyst');

  app.openapi(
    createRoute({ method: 'get', path: '/', tags: ['cases'], summary: 'Cases, most recent news first', request: { query: Paging.extend({ status: z.enum(CASE_STATUSES).optional(), q: z.string().max(200).optional(), country: z.string().regex(/^[A-Z]{3}$/).optional() }) }, responses: { 200: ok(z.object({ cases: z.array(CaseSummary), next: z.string().nullable() }), 'a page of cases; `next` is the cursor of the page after it'), ...ERRORS } }),
    async (c) => {
      const { limit, offset, cursor, status, q: asked, country } = c.req.valid('query');
      // spaces alone filter nothing, as an empty `q` does
      const q = asked?.trim();
      const { store } = c.get('deps');
      const cases = await listCases(store.db, { limit, offset, engine: store.engine, denied: await deniedOf(c), ...(cursor ? { cursor: decodeCursor(cursor) } : {}), ...(status ? { status } : {}), ...(q ? { q } : {}), ...(country ? { country } : {}) });
      return c.json({ cases, next: nextCursor(cases, limit, (r) => ({ at: r.last_news_at, id: r.id })) }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/{id}', tags: ['cases'], summary: 'A case: person, status and the event that set it, timeline with sources, alerts', request: { params: IdParam }, responses: { 200: ok(z.record(z.string(), z.unknown()), 'the case'), 404: ok(z.any(), 'no such case'), ...ERRORS } }),
    async (c) => {
      const denied = await deniedOf(c);
      const view = await caseView(c.get('deps').store.db, c.req.valid('param').id, denied);
      // caseView redacts what it returns against `denied` (redactAnswer need not again).
      c.set('redactedFor', denied);
      return c.json(view, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'put', path: '/{id}/status', tags: ['cases'], summary: "Override the derived status (null clears the override); audited", middleware: [analyst] as const, request: { params: IdParam, ...body(Override) }, responses: { 200: ok(z.record(z.string(), z.unknown()), 'the case'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const id = await livePersonId(store.db, c.req.valid('param').id);
      const { status, reason } = c.req.valid('json');
      await store.db.transaction().execute(async (tx) => {
        const before = await getPersonRow(tx, id);
        if (!before) throw new VigilError('not_found', 'no such case');
        const at = store.now().toISOString();
        const override = status ? JSON.stringify({ status, reason, by: user.id, at }) : null;
        await tx.updateTable('persons').set({ status_override: override, updated_at: at }).where('id', '=', id).execute();
        await writeAudit(tx, at, { actor: user.id, action: status ? 'person.status_overridden' : 'person.status_override_cleared', entityType: 'person', entityId: id, detail: { from: before.status_override ? JSON.parse(before.status_override) : before.status, to: status, reason } });
        await refreshCase(tx, at, user.id, id, new Set(), null);
      });
      return c.json(await caseView(store.db, id, await deniedOf(c)), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/{id}/merge', tags: ['cases'], summary: 'Merge another record of the same person into this case', middleware: [analyst] as const, request: { params: IdParam, ...body(z.object({ from: z.string().min(1) })) }, responses: { 200: ok(z.record(z.string(), z.unknown()), 'the merged case'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const id = await livePersonId(store.db, c.req.valid('param').id);
      const from = await livePersonId(store.db, c.req.valid('json').from);
      await assertCaseVisible(c, from);
      await store.db.transaction().execute((tx) => mergePersons(tx, store.now().toISOString(), user.id, id, from));
      return c.json(await caseView(store.db, id, await deniedOf(c)), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/{id}/split', tags: ['cases'], summary: 'Split mentions off into a new person, with the events they are the target of', middleware: [analyst] as const, request: { params: IdParam, ...body(z.object({ mentions: z.array(z.string()).min(1).max(500) })) }, responses: { 201: ok(z.object({ id: z.string() }), 'the new case'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const id = await livePersonId(store.db, c.req.valid('param').id);
      const newId = await store.db.transaction().execute((tx) => splitPerson(tx, store.now().toISOString(), user.id, id, c.req.valid('json').mentions));
      return c.json({ id: newId }, 201);
    },
  );
  return app;
}
