import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { SOURCE_KINDS } from '../../cases/grading.js';
import type { Statement } from '../../cases/statements.js';
import { contradictions, statementsFrom } from '../../cases/statements.js';
import { VigilError } from '../../core/errors.js';
import { writeAudit } from '../../storage/audit.js';
import { addStatement, statementsOf } from '../../storage/casework.js';
import { livePersonId } from '../../storage/persons.js';
import { parseExtraction } from '../../storage/reports.js';
import type { Db } from '../../storage/store.js';
import { EVENT_TYPES } from '../../text/types.js';
import { requireRole } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { Day, ERRORS, IdParam, body, ok } from '../schemas.js';

const NewStatement = z
  .object({ speaker: z.string().trim().min(1).max(200), sourceKind: z.enum(SOURCE_KINDS), saidOn: Day.nullable().default(null), text: z.string().trim().min(1).max(5000), claim: z.enum(EVENT_TYPES).nullable().default(null), polarity: z.enum(['asserted', 'negated']).nullable().default(null) })
  .openapi('NewStatement');

/** Every statement about the case: the quotes of its reports that concern the person, and the ones entered by hand; oldest first. */
export async function caseStatements(db: Db, personId: string): Promise<Statement[]> {
  const links = await db.selectFrom('person_mentions').select(['report_id', 'entity_id']).where('person_id', '=', personId).where('state', '!=', 'rejected').execute();
  const byReport = new Map<string, Set<string>>();
  for (const l of links) byReport.set(l.report_id, (byReport.get(l.report_id) ?? new Set()).add(l.entity_id));
  const out: Statement[] = [];
  if (byReport.size) {
    for (const r of await db.selectFrom('reports').selectAll().where('id', 'in', [...byReport.keys()]).execute()) {
      const doc = parseExtraction(r);
      if (doc) out.push(...statementsFrom(doc, r.id, byReport.get(r.id)!));
    }
  }
  for (const s of await statementsOf(db, personId)) {
    out.push({ id: s.id, origin: 'manual', speaker: s.speaker, sourceKind: s.source_kind, hand: 'first', saidOn: s.said_on, text: s.text, claims: s.claim && s.polarity ? [{ type: s.claim as Statement['claims'][number]['type'], polarity: s.polarity }] : [], reportId: s.report_id, start: null, end: null });
  }
  return out.sort((a, b) => (a.saidOn ?? '').localeCompare(b.saidOn ?? '') || a.id.localeCompare(b.id));
}

export function statementRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const Result = z.object({ statements: z.array(z.record(z.string(), z.unknown())), contradictions: z.array(z.object({ family: z.string(), denies: z.string(), asserts: z.string(), why: z.string() })) }).openapi('Statements');

  app.openapi(
    createRoute({ method: 'get', path: '/cases/{id}/statements', tags: ['casework'], summary: 'Statements about the case by speaker and date, with the pairs that contradict each other', request: { params: IdParam }, responses: { 200: ok(Result, 'statements'), ...ERRORS } }),
    async (c) => {
      const db = c.get('deps').store.db;
      const statements = await caseStatements(db, await livePersonId(db, c.req.valid('param').id));
      return c.json({ statements, contradictions: contradictions(statements) }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/cases/{id}/statements', tags: ['casework'], summary: 'Log a statement heard outside the reports (a call, a hearing)', middleware: [requireRole('analyst')] as const, request: { params: IdParam, ...body(NewStatement) }, responses: { 201: ok(z.object({ id: z.string() }), 'logged'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const personId = await livePersonId(store.db, c.req.valid('param').id);
      const s = c.req.valid('json');
      if (!!s.claim !== !!s.polarity) throw new VigilError('invalid_input', 'give claim and polarity together, or neither');
      const id = await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        const id = await addStatement(tx, { person_id: personId, speaker: s.speaker, source_kind: s.sourceKind, said_on: s.saidOn, text: s.text, claim: s.claim, polarity: s.polarity, report_id: null, created_by: user.id, created_at: at });
        await writeAudit(tx, at, { actor: user.id, action: 'statement.added', entityType: 'person', entityId: personId, detail: { statement: id, speaker: s.speaker, claim: s.claim, polarity: s.polarity } });
        return id;
      });
      return c.json({ id }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/cases/{id}/sources/{sourceId}/grade',
      tags: ['casework'],
      summary: "Grade one report's telling of a timeline event: source kind, first- or second-hand, confidence",
      middleware: [requireRole('analyst')] as const,
      request: { params: IdParam.extend({ sourceId: z.string().min(1).max(64).openapi({ param: { in: 'path', name: 'sourceId' } }) }), ...body(z.object({ sourceKind: z.enum(SOURCE_KINDS), hand: z.enum(['first', 'second']), confidence: z.number().min(0).max(1) })) },
      responses: { 200: ok(z.object({ id: z.string(), sourceKind: z.string(), hand: z.string(), confidence: z.number() }), 'graded'), 404: ok(z.any(), 'no such source in this case'), ...ERRORS },
    }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const personId = await livePersonId(store.db, c.req.valid('param').id);
      const { sourceId } = c.req.valid('param');
      const g = c.req.valid('json');
      await store.db.transaction().execute(async (tx) => {
        const before = await tx.selectFrom('event_sources').innerJoin('case_events', 'case_events.id', 'event_sources.case_event_id').select(['event_sources.source_kind', 'event_sources.hand', 'event_sources.confidence', 'event_sources.report_id']).where('event_sources.id', '=', sourceId).where('case_events.person_id', '=', personId).executeTakeFirst();
        if (!before) throw new VigilError('not_found', 'no such source in this case');
        const at = store.now().toISOString();
        await tx.updateTable('event_sources').set({ source_kind: g.sourceKind, hand: g.hand, confidence: g.confidence, graded_by: user.id }).where('id', '=', sourceId).execute();
        await writeAudit(tx, at, { actor: user.id, action: 'source.graded', entityType: 'person', entityId: personId, reportId: before.report_id, detail: { source: sourceId, from: { sourceKind: before.source_kind, hand: before.hand, confidence: before.confidence }, to: g } });
      });
      return c.json({ id: sourceId, ...g }, 200);
    },
  );
  return app;
}
