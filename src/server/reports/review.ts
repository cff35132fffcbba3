import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Correction, EditableRole, EventInput } from '../../cases/corrections.js';
import { EDITABLE_ROLES, eventFromInput, nextAddedId } from '../../cases/corrections.js';
import { VigilError } from '../../core/errors.js';
import { retrackReport } from '../../ingest/retrack.js';
import { writeAudit } from '../../storage/audit.js';
import { deleteCorrection, listCorrections, saveCorrection } from '../../storage/corrections.js';
import { getReport, parseExtraction } from '../../storage/reports.js';
import type { Db } from '../../storage/store.js';
import type { ExtractionDocument } from '../../text/types.js';
import { DATE_PRECISIONS, EVENT_TYPES, MODALITIES } from '../../text/types.js';
import { requireRole } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, body, ok } from '../schemas.js';

const Offset = z.number().int().min(0).max(10_000_000);
const RoleInput = z.object({ entity: z.string().max(64).nullable(), start: Offset.optional(), end: Offset.optional() }).nullable();
const EventInputSchema = z
  .object({
    type: z.enum(EVENT_TYPES),
    modality: z.enum(MODALITIES),
    trigger: z.object({ start: Offset, end: Offset }),
    roles: z.object(Object.fromEntries(EDITABLE_ROLES.map((r) => [r, RoleInput.optional()])) as Record<EditableRole, z.ZodOptional<typeof RoleInput>>),
    date: z.object({ value: z.string().max(10), precision: z.enum(DATE_PRECISIONS) }).nullable(),
  })
  .openapi('EventInput');
const Review = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('accept'), note: z.string().max(2000).optional() }),
    z.object({ action: z.literal('reject'), note: z.string().max(2000).optional() }),
    z.object({ action: z.literal('correct'), event: EventInputSchema, note: z.string().max(2000).optional() }),
  ])
  .openapi('EventReview');
const Params = z.object({
  id: z.string().min(1).max(64).openapi({ param: { in: 'path', name: 'id' } }),
  eventId: z.string().min(1).max(16).openapi({ param: { in: 'path', name: 'eventId' } }),
});
const Reviewed = z.object({ corrections: z.array(z.unknown()), persons: z.array(z.unknown()), alerts: z.array(z.unknown()) }).openapi('Reviewed');

const VERB = { accept: 'accepted', reject: 'rejected', correct: 'corrected' } as const;

/**
 * An analyst's review of a report's events: accept, reject or correct each, add a missed one,
 * or take a decision back. Decisions are stored beside the machine's output, never over it;
 * any change to the events folds the report into the cases again, in the same transaction,
 * and is audited with the report it came from.
 */
export function eventReviewRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const analyst = requireRole('analyst');

  type Change = (tx: Db, doc: ExtractionDocument, existing: Correction[]) => Promise<{ eventId: string; retrack: boolean; detail: Record<string, unknown> }>;
  const decide = (db: Db, at: string, actor: string, reportId: string, change: Change) =>
    db.transaction().execute(async (tx) => {
      const report = await getReport(tx, reportId);
      if (!report) throw new VigilError('not_found', 'no such report');
      const doc = parseExtraction(report);
      if (!doc) throw new VigilError('conflict', 'the report has not been read yet; wait for its extraction');
      const { eventId, retrack, detail } = await change(tx, doc, await listCorrections(tx, reportId));
      await writeAudit(tx, at, { actor, action: 'report.event_reviewed', entityType: 'report', entityId: reportId, reportId, detail: { eventId, ...detail } });
      const tracked = retrack ? await retrackReport(tx, at, actor, reportId) : { persons: [], alerts: [] };
      return { corrections: await listCorrections(tx, reportId), persons: tracked.persons, alerts: tracked.alerts };
    });

  const build = (doc: ExtractionDocument, id: string, input: EventInput) => {
    const made = eventFromInput(doc, id, input);
    if ('problem' in made) throw new VigilError('invalid_input', made.problem);
    return made.event;
  };

  app.openapi(
    createRoute({ method: 'post', path: '/{id}/events/{eventId}/review', tags: ['review'], summary: "Accept, reject or correct one of the report's events", middleware: [analyst] as const, request: { params: Params, ...body(Review) }, responses: { 200: ok(Reviewed, "the report's decisions, and what the cases did with them"), 404: ok(z.any(), 'no such report or event'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const { id, eventId } = c.req.valid('param');
      const input = c.req.valid('json');
      const at = store.now().toISOString();
      const out = await decide(store.db, at, user.id, id, async (tx, doc, existing) => {
        const machine = doc.events.find((e) => e.id === eventId);
        const prior = existing.find((x) => x.eventId === eventId);
        const own = prior?.action === 'added' || (prior?.action === 'rejected' && !machine);
        if (!machine && !own) throw new VigilError('not_found', `the report has no event ${eventId}`);
        if (own && input.action === 'accept') return { eventId, retrack: false, detail: { action: 'added', unchanged: true } };
        const event = input.action === 'correct' ? build(doc, eventId, input.event) : input.action === 'accept' ? machine! : null;
        // An analyst's own event stays 'added' when corrected; rejecting it takes it off.
        const action = own ? (input.action === 'reject' ? 'rejected' : 'added') : VERB[input.action];
        await saveCorrection(tx, id, { eventId, action, event, note: input.note ?? null, by: user.id, at });
        // Accepting a reported event lets it move the status (ONTOLOGY "Case status"): every decision but a repeated acceptance retracks.
        const retrack = action !== 'accepted' || prior?.action !== 'accepted';
        return { eventId, retrack, detail: { action, from: prior?.event ?? machine ?? null, to: event } };
      });
      return c.json(out, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/{id}/events', tags: ['review'], summary: 'Add an event the machine missed (its trigger selected in the text)', middleware: [analyst] as const, request: { params: Params.pick({ id: true }), ...body(z.object({ event: EventInputSchema, note: z.string().max(2000).optional() })) }, responses: { 201: ok(Reviewed.extend({ eventId: z.string() }), 'added'), 404: ok(z.any(), 'no such report'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const { event: input, note } = c.req.valid('json');
      const at = store.now().toISOString();
      let eventId = '';
      const out = await decide(store.db, at, user.id, id, async (tx, doc, existing) => {
        eventId = nextAddedId(existing);
        const event = build(doc, eventId, input);
        await saveCorrection(tx, id, { eventId, action: 'added', event, note: note ?? null, by: user.id, at });
        return { eventId, retrack: true, detail: { action: 'added', to: event } };
      });
      return c.json({ ...out, eventId }, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/{id}/events/{eventId}/review', tags: ['review'], summary: "Take back the decision on an event: the machine's reading stands again", middleware: [analyst] as const, request: { params: Params }, responses: { 200: ok(Reviewed, 'the remaining decisions'), 404: ok(z.any(), 'no decision to take back'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const { id, eventId } = c.req.valid('param');
      const out = await decide(store.db, store.now().toISOString(), user.id, id, async (tx, _doc, existing) => {
        const prior = existing.find((x) => x.eventId === eventId);
        if (!prior || !(await deleteCorrection(tx, id, eventId))) throw new VigilError('not_found', `no decision on ${eventId} to take back`);
        return { eventId, retrack: prior.action !== 'accepted', detail: { action: 'undone', from: prior } };
      });
      return c.json(out, 200);
    },
  );
  return app;
}
