import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { VigilError } from '../../core/errors.js';
import { mergePersons } from '../../ingest/persons.js';
import { personVisible } from '../../storage/access.js';
import { writeAudit } from '../../storage/audit.js';
import { livePersonId } from '../../storage/persons.js';
import { requireRole } from '../auth/middleware.js';
import { deniedOf } from '../access.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, IdParam, body, ok } from '../schemas.js';

const Review = z
  .object({ id: z.string(), report_id: z.string(), name: z.string(), person_id: z.string(), candidate_id: z.string().nullable(), candidate_name: z.string().nullable(), score: z.number(), reasons: z.array(z.string()) })
  .openapi('MatchReview');

/** Uncertain person matches, held for an analyst instead of merged silently. */
export function reviewRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(createRoute({ method: 'get', path: '/', tags: ['cases'], summary: 'Possible same-person matches awaiting a decision', responses: { 200: ok(z.object({ reviews: z.array(Review) }), 'the queue'), ...ERRORS } }), async (c) => {
    const denied = await deniedOf(c);
    const rows = await c
      .get('deps')
      .store.db.selectFrom('person_mentions')
      .leftJoin('persons as candidate', 'candidate.id', 'person_mentions.candidate_id')
      .select(['person_mentions.id', 'person_mentions.report_id', 'person_mentions.name', 'person_mentions.person_id', 'person_mentions.candidate_id', 'candidate.name as candidate_name', 'person_mentions.score', 'person_mentions.reasons'])
      .where('person_mentions.state', '=', 'review')
      .where(personVisible(denied, 'person_mentions.person_id'))
      .where((eb) => eb.or([eb('person_mentions.candidate_id', 'is', null), eb.not(eb('person_mentions.candidate_id', 'in', denied.persons.length ? denied.persons : ['']))]))
      .orderBy('person_mentions.created_at')
      .execute();
    return c.json({ reviews: rows.map((r) => ({ ...r, score: Number(r.score), reasons: JSON.parse(r.reasons) as string[] })) }, 200);
  });

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
