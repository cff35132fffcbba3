import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { VigilError } from '../../core/errors.js';
import { mergePersons } from '../../ingest/persons.js';
import { writeAudit } from '../../storage/audit.js';
import { decodeCursor, nextCursor } from '../../storage/paging.js';
import { livePersonId } from '../../storage/persons.js';
import { listReviews } from '../../storage/reviews.js';
import { requireRole } from '../auth/middleware.js';
import { deniedOf } from '../access.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, IdParam, Paging, body, ok } from '../schemas.js';

const Review = z
  .object({ id: z.string(), report_id: z.string(), name: z.string(), person_id: z.string(), candidate_id: z.string().nullable(), candidate_name: z.string().nullable(), score: z.number(), reasons: z.array(z.string()) })
  .openapi('MatchReview');

/** Uncertain person matches, held for an analyst instead of merged silently. */
export function reviewRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({ method: 'get', path: '/', tags: ['cases'], summary: 'Possible same-person matches awaiting a decision, oldest first', request: { query: Paging.omit({ offset: true }) }, responses: { 200: ok(z.object({ reviews: z.array(Review), next: z.string().nullable() }), 'a page of the queue; `next` is the cursor of the page after it'), ...ERRORS } }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const rows = await listReviews(c.get('deps').store.db, { limit, denied: await deniedOf(c), ...(cursor ? { cursor: decodeCursor(cursor) } : {}) });
      const next = nextCursor(rows, limit, (r) => ({ at: r.created_at, id: r.id }));
      return c.json({ reviews: rows.map(({ created_at: _at, ...r }) => ({ ...r, score: Number(r.score), reasons: JSON.parse(r.reasons) as string[] })), next }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/{id}', tags: ['cases'], summary: 'Decide: the same person (merge) or a different one', middleware: [requireRole('analyst')] as const, request: { params: IdParam, ...body(z.object({ same: z.boolean() })) }, responses: { 200: ok(z.object({ person: z.string() }), 'where the mention now belongs'), 404: ok(z.any(), 'no such review'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const { same } = c.req.valid('json');
      const denied = await deniedOf(c);
      const person = await store.db.transaction().execute(async (tx) => {
        const m = await tx.selectFrom('person_mentions').selectAll().where('id', '=', id).where('state', '=', 'review').executeTakeFirst();
        if (!m || !m.candidate_id) throw new VigilError('not_found', 'no such pending review');
        if (denied.persons.includes(m.person_id) || denied.persons.includes(m.candidate_id)) throw new VigilError('not_found', 'no such pending review');
        const at = store.now().toISOString();
        if (same) {
          const into = await livePersonId(tx, m.candidate_id);
          await mergePersons(tx, at, user.id, into, m.person_id);
          return into;
        }
        await tx.updateTable('person_mentions').set({ state: 'linked', candidate_id: null }).where('id', '=', id).execute();
        await writeAudit(tx, at, { actor: user.id, action: 'person.match_rejected', entityType: 'person', entityId: m.person_id, reportId: m.report_id, detail: { candidate: m.candidate_id } });
        return m.person_id;
      });
      return c.json({ person }, 200);
    },
  );
  return app;
}
