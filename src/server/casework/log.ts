import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { SOURCE_KINDS } from '../../cases/grading.js';
import type { HeldAt } from '../../cases/status.js';
import { summarizeWhereabouts } from '../../cases/whereabouts.js';
import { VigilError } from '../../core/errors.js';
import { personVisible } from '../../storage/access.js';
import { writeAudit } from '../../storage/audit.js';
import { addContact, addNote, addOutreach, addWhereabouts, contactsOf, dueFollowUps, notesOf, outreachOf, whereaboutsOf } from '../../storage/casework.js';
import { displayName, effectiveStatus } from '../../storage/cases.js';
import { getPersonRow, livePersonId } from '../../storage/persons.js';
import type { Db } from '../../storage/store.js';
import { deniedOf } from '../access.js';
import { requireRole } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { Day, ERRORS, IdParam, Instant, body, ok } from '../schemas.js';

export const CONTACT_KINDS = ['family', 'lawyer', 'embassy', 'un', 'press', 'official', 'ngo', 'other'] as const;
const Row = z.record(z.string(), z.unknown());

/** Where the person is now, from the confirmations on file or, failing those, the timeline. */
export async function whereaboutsSummary(db: Db, personId: string, now: Date) {
  const person = (await getPersonRow(db, personId))!;
  const entries = await whereaboutsOf(db, personId);
  // Where a report says the person is held: the place of arrest is not where they are kept.
  const heldAt = person.held_at ? (JSON.parse(person.held_at) as HeldAt) : null;
  const summary = summarizeWhereabouts(entries, { status: effectiveStatus(person).status, since: person.status_since, place: heldAt?.place ?? null }, now);
  return { summary, entries };
}

/**
 * The caseworker's log around a case: whereabouts confirmations (proof of life when it was the
 * person themself), quick notes, contacts and every attempt to reach them with the next
 * follow-up, and the follow-ups now due across all the cases the user can see.
 */
export function logRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const analyst = requireRole('analyst');
  const write = async <T>(c: { get: (k: 'deps') => AppEnv['Variables']['deps'] }, actor: string, personId: string, action: string, fn: (tx: Db, at: string) => Promise<{ id: string; detail: Record<string, unknown>; result: T }>) =>
    c.get('deps').store.db.transaction().execute(async (tx) => {
      const at = c.get('deps').store.now().toISOString();
      const r = await fn(tx, at);
      await writeAudit(tx, at, { actor, action, entityType: 'person', entityId: personId, detail: { id: r.id, ...r.detail } });
      return r.result;
    });

  app.openapi(
    createRoute({ method: 'get', path: '/cases/{id}/whereabouts', tags: ['casework'], summary: 'Last confirmed whereabouts, days unconfirmed, last proof of life, and every confirmation', request: { params: IdParam }, responses: { 200: ok(z.object({ summary: Row, entries: z.array(Row) }), 'whereabouts'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      return c.json(await whereaboutsSummary(store.db, await livePersonId(store.db, c.req.valid('param').id), store.now()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/whereabouts',
      tags: ['casework'],
      summary: 'Record where the person is (known, suspected, unknown), when and by whom that was confirmed',
      middleware: [analyst] as const,
      request: { params: IdParam, ...body(z.object({ state: z.enum(['known', 'suspected', 'unknown']), place: z.string().trim().max(300).nullable().default(null), confirmedAt: Instant, confirmedBy: z.string().trim().min(1).max(200), sourceKind: z.enum(SOURCE_KINDS), proofOfLife: z.boolean().default(false), note: z.string().max(2000).nullable().default(null) })) },
      responses: { 201: ok(z.object({ id: z.string() }), 'recorded'), ...ERRORS },
    }),
    async (c) => {
      const user = c.get('user');
      const now = c.get('deps').store.now();
      const personId = await livePersonId(c.get('deps').store.db, c.req.valid('param').id);
      const w = c.req.valid('json');
      if (Date.parse(w.confirmedAt) > now.getTime() + 3_600_000) throw new VigilError('invalid_input', 'confirmedAt is in the future');
      const id = await write(c, user.id, personId, 'whereabouts.recorded', async (tx, at) => {
        const id = await addWhereabouts(tx, { person_id: personId, state: w.state, place: w.place, confirmed_at: new Date(w.confirmedAt).toISOString(), confirmed_by: w.confirmedBy, source_kind: w.sourceKind, proof_of_life: w.proofOfLife ? 1 : 0, report_id: null, note: w.note, recorded_by: user.id, recorded_at: at });
        return { id, detail: { state: w.state, place: w.place, confirmedBy: w.confirmedBy, proofOfLife: w.proofOfLife }, result: id };
      });
      return c.json({ id }, 201);
    },
  );

  app.openapi(createRoute({ method: 'get', path: '/cases/{id}/notes', tags: ['casework'], summary: 'Quick notes, newest first', request: { params: IdParam }, responses: { 200: ok(z.object({ notes: z.array(Row) }), 'notes'), ...ERRORS } }), async (c) => {
    const db = c.get('deps').store.db;
    return c.json({ notes: await notesOf(db, await livePersonId(db, c.req.valid('param').id)) }, 200);
  });

  app.openapi(
    createRoute({ method: 'post', path: '/cases/{id}/notes', tags: ['casework'], summary: 'Add a quick note', middleware: [analyst] as const, request: { params: IdParam, ...body(z.object({ body: z.string().trim().min(1).max(10_000) })) }, responses: { 201: ok(z.object({ id: z.string() }), 'added'), ...ERRORS } }),
    async (c) => {
      const user = c.get('user');
      const personId = await livePersonId(c.get('deps').store.db, c.req.valid('param').id);
      const text = c.req.valid('json').body;
      const id = await write(c, user.id, personId, 'note.added', async (tx, at) => {
        const id = await addNote(tx, { person_id: personId, body: text, by: user.id, at });
        return { id, detail: {}, result: id };
      });
      return c.json({ id }, 201);
    },
  );

  app.openapi(createRoute({ method: 'get', path: '/cases/{id}/outreach', tags: ['casework'], summary: 'Contacts and every attempt to reach them', request: { params: IdParam }, responses: { 200: ok(z.object({ contacts: z.array(Row), attempts: z.array(Row) }), 'the log'), ...ERRORS } }), async (c) => {
    const db = c.get('deps').store.db;
    const personId = await livePersonId(db, c.req.valid('param').id);
    return c.json({ contacts: await contactsOf(db, personId), attempts: await outreachOf(db, personId) }, 200);
  });

  app.openapi(
    createRoute({ method: 'post', path: '/cases/{id}/contacts', tags: ['casework'], summary: 'Add a contact (family, lawyer, embassy, UN desk, press…)', middleware: [analyst] as const, request: { params: IdParam, ...body(z.object({ name: z.string().trim().min(1).max(200), kind: z.enum(CONTACT_KINDS), details: z.string().max(1000).nullable().default(null) })) }, responses: { 201: ok(z.object({ id: z.string() }), 'added'), ...ERRORS } }),
    async (c) => {
      const user = c.get('user');
      const personId = await livePersonId(c.get('deps').store.db, c.req.valid('param').id);
      const k = c.req.valid('json');
      const id = await write(c, user.id, personId, 'contact.added', async (tx, at) => {
        const id = await addContact(tx, { person_id: personId, name: k.name, kind: k.kind, details: k.details, created_by: user.id, created_at: at });
        return { id, detail: { name: k.name, kind: k.kind }, result: id };
      });
      return c.json({ id }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/outreach',
      tags: ['casework'],
      summary: 'Log an attempt to reach a contact: when, how, the answer, the next follow-up',
      middleware: [analyst] as const,
      request: { params: IdParam, ...body(z.object({ contactId: z.string().min(1).max(64), at: Instant, channel: z.enum(['call', 'email', 'letter', 'visit', 'message', 'meeting', 'other']), summary: z.string().trim().min(1).max(2000), answer: z.string().max(5000).nullable().default(null), followUpOn: Day.nullable().default(null) })) },
      responses: { 201: ok(z.object({ id: z.string() }), 'logged'), ...ERRORS },
    }),
    async (c) => {
      const user = c.get('user');
      const db = c.get('deps').store.db;
      const personId = await livePersonId(db, c.req.valid('param').id);
      const o = c.req.valid('json');
      const contact = await db.selectFrom('contacts').select('id').where('id', '=', o.contactId).where('person_id', '=', personId).executeTakeFirst();
      if (!contact) throw new VigilError('invalid_input', 'no such contact on this case');
      const id = await write(c, user.id, personId, 'outreach.logged', async (tx, at) => {
        const id = await addOutreach(tx, { person_id: personId, contact_id: o.contactId, at: new Date(o.at).toISOString(), by: user.id, channel: o.channel, summary: o.summary, answer: o.answer, follow_up_on: o.followUpOn, follow_up_done_at: null, created_at: at });
        return { id, detail: { contact: o.contactId, channel: o.channel, followUpOn: o.followUpOn }, result: id };
      });
      return c.json({ id }, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/cases/{id}/outreach/{attemptId}/done', tags: ['casework'], summary: 'Mark a follow-up done', middleware: [analyst] as const, request: { params: IdParam.extend({ attemptId: z.string().min(1).max(64).openapi({ param: { in: 'path', name: 'attemptId' } }) }) }, responses: { 204: { description: 'done' }, ...ERRORS } }),
    async (c) => {
      const user = c.get('user');
      const personId = await livePersonId(c.get('deps').store.db, c.req.valid('param').id);
      const { attemptId } = c.req.valid('param');
      await write(c, user.id, personId, 'outreach.follow_up_done', async (tx, at) => {
        const r = await tx.updateTable('outreach').set({ follow_up_done_at: at }).where('id', '=', attemptId).where('person_id', '=', personId).where('follow_up_done_at', 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new VigilError('not_found', 'no open follow-up with that id on this case');
        return { id: attemptId, detail: {}, result: null };
      });
      return c.body(null, 204);
    },
  );

  app.openapi(createRoute({ method: 'get', path: '/follow-ups', tags: ['casework'], summary: 'Follow-ups due today or overdue, on the cases you can see (the inbox shows them)', responses: { 200: ok(z.object({ followUps: z.array(Row) }), 'due'), ...ERRORS } }), async (c) => {
    const { store } = c.get('deps');
    const rows = await dueFollowUps(store.db, store.now().toISOString().slice(0, 10)).where(personVisible(await deniedOf(c), 'persons.id')).execute();
    return c.json({ followUps: rows.map(({ name, restricted, code_name, ...r }) => ({ ...r, person: displayName({ name, restricted, code_name }) })) }, 200);
  });
  return app;
}
