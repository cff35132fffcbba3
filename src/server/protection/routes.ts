import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { VigilError } from '../../core/errors.js';
import { addMember, caseMembers, lockdownState, setSetting } from '../../storage/access.js';
import { verifyAuditChain, writeAudit } from '../../storage/audit.js';
import { getPersonRow, livePersonId } from '../../storage/persons.js';
import { userById } from '../../storage/users.js';
import { requireRole } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, IdParam, body, ok } from '../schemas.js';

const Access = z
  .object({ restricted: z.boolean(), codeName: z.string().trim().min(2).max(80).nullable().optional() })
  .openapi('CaseAccess');
const Member = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string(), added_by: z.string(), added_at: z.string() });
const AccessView = z.object({ restricted: z.boolean(), codeName: z.string().nullable(), members: z.array(Member) }).openapi('CaseAccessView');
const LockdownView = z.object({ lockdown: z.object({ since: z.string(), by: z.string(), reason: z.string() }).nullable() }).openapi('Lockdown');

/**
 * Keeping a case from the wrong eyes: restrict it to named members (the one restricting becomes
 * the first), give it a code name, add and remove members; the lockdown switch; the audit chain
 * check. The case routes sit behind `guardCase`, so only someone who can see a case changes it.
 */
export function protectionRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const analyst = requireRole('analyst');
  const admin = requireRole('admin');

  const accessView = async (c: { get: (k: 'deps') => AppEnv['Variables']['deps'] }, id: string) => {
    const p = (await getPersonRow(c.get('deps').store.db, id))!;
    return { restricted: !!p.restricted, codeName: p.code_name, members: p.restricted ? await caseMembers(c.get('deps').store.db, id) : [] };
  };

  app.openapi(
    createRoute({ method: 'put', path: '/cases/{id}/access', tags: ['protection'], summary: 'Restrict a case to its members (you become one) or open it; set or clear its code name', middleware: [analyst] as const, request: { params: IdParam, ...body(Access) }, responses: { 200: ok(AccessView, 'who may see it'), 404: ok(z.any(), 'no such case'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const id = await livePersonId(store.db, c.req.valid('param').id);
      const { restricted, codeName } = c.req.valid('json');
      await store.db.transaction().execute(async (tx) => {
        const before = await getPersonRow(tx, id);
        if (!before) throw new VigilError('not_found', 'no such case');
        const at = store.now().toISOString();
        const code = codeName === undefined ? before.code_name : codeName;
        await tx.updateTable('persons').set({ restricted: restricted ? 1 : 0, code_name: code, updated_at: at }).where('id', '=', id).execute();
        if (restricted) await addMember(tx, at, id, user.id, user.id);
        await writeAudit(tx, at, { actor: user.id, action: 'person.access_changed', entityType: 'person', entityId: id, detail: { from: { restricted: !!before.restricted, codeName: before.code_name }, to: { restricted, codeName: code } } });
      });
      return c.json(await accessView(c, id), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/cases/{id}/members', tags: ['protection'], summary: 'Let a colleague see a restricted case', middleware: [analyst] as const, request: { params: IdParam, ...body(z.object({ userId: z.string().min(1).max(64) })) }, responses: { 200: ok(AccessView, 'who may see it'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const id = await livePersonId(store.db, c.req.valid('param').id);
      const { userId } = c.req.valid('json');
      await store.db.transaction().execute(async (tx) => {
        const p = await getPersonRow(tx, id);
        if (!p?.restricted) throw new VigilError('conflict', 'the case is open to everyone; restrict it first');
        const member = await userById(tx, userId);
        if (!member || member.disabled) throw new VigilError('invalid_input', 'no such active user');
        const at = store.now().toISOString();
        if (await addMember(tx, at, id, userId, user.id)) await writeAudit(tx, at, { actor: user.id, action: 'person.member_added', entityType: 'person', entityId: id, detail: { user: userId } });
      });
      return c.json(await accessView(c, id), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/cases/{id}/members/{userId}', tags: ['protection'], summary: 'Take a member off a restricted case', middleware: [analyst] as const, request: { params: IdParam.extend({ userId: z.string().min(1).max(64).openapi({ param: { in: 'path', name: 'userId' } }) }) }, responses: { 200: ok(AccessView, 'who may see it'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const id = await livePersonId(store.db, c.req.valid('param').id);
      const { userId } = c.req.valid('param');
      await store.db.transaction().execute(async (tx) => {
        const members = await caseMembers(tx, id);
        if (!members.some((m) => m.id === userId)) throw new VigilError('not_found', 'not a member of this case');
        if (members.length === 1) throw new VigilError('conflict', 'a restricted case keeps at least one member; open the case instead');
        await tx.deleteFrom('case_members').where('person_id', '=', id).where('user_id', '=', userId).execute();
        await writeAudit(tx, store.now().toISOString(), { actor: user.id, action: 'person.member_removed', entityType: 'person', entityId: id, detail: { user: userId } });
      });
      return c.json(await accessView(c, id), 200);
    },
  );

  app.openapi(createRoute({ method: 'get', path: '/lockdown', tags: ['protection'], summary: 'Whether Vigil is locked down', responses: { 200: ok(LockdownView, 'state'), ...ERRORS } }), async (c) => c.json({ lockdown: await lockdownState(c.get('deps').store.db) }, 200));

  app.openapi(
    createRoute({ method: 'post', path: '/lockdown', tags: ['protection'], summary: 'Lock down (admin): every session ends, API tokens stop working, restricted cases are hidden from everyone until an admin lifts it', middleware: [admin] as const, request: body(z.object({ reason: z.string().trim().min(1).max(500) })), responses: { 200: ok(LockdownView, 'locked down; log in again'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const at = store.now().toISOString();
      const lockdown = { since: at, by: user.id, reason: c.req.valid('json').reason };
      const ended = await store.db.transaction().execute(async (tx) => {
        await setSetting(tx, at, 'lockdown', lockdown);
        const r = await tx.deleteFrom('sessions').executeTakeFirst();
        await writeAudit(tx, at, { actor: user.id, action: 'system.locked_down', entityType: 'system', entityId: 'lockdown', detail: { reason: lockdown.reason, sessionsEnded: Number(r.numDeletedRows) } });
        return Number(r.numDeletedRows);
      });
      return c.json({ lockdown, sessionsEnded: ended }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/lockdown', tags: ['protection'], summary: 'Lift the lockdown (admin)', middleware: [admin] as const, responses: { 200: ok(LockdownView, 'lifted'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        if (!(await lockdownState(tx))) throw new VigilError('conflict', 'not locked down');
        await setSetting(tx, at, 'lockdown', null);
        await writeAudit(tx, at, { actor: user.id, action: 'system.lockdown_lifted', entityType: 'system', entityId: 'lockdown' });
      });
      return c.json({ lockdown: null }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/audit/verify', tags: ['protection'], summary: 'Check the audit chain (admin): the first edited, inserted or removed row, if any', middleware: [admin] as const, responses: { 200: ok(z.object({ ok: z.boolean(), rows: z.number(), brokenAt: z.object({ id: z.number(), reason: z.string() }).optional(), head: z.string().nullable() }), 'the check'), ...ERRORS } }),
    async (c) => c.json(await verifyAuditChain(c.get('deps').store.db), 200),
  );
  return app;
}
