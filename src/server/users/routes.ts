import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { VigilError } from '../../core/errors.js';
import { writeAudit } from '../../storage/audit.js';
import { insertUser, listUsers, publicUser, setPassword, turnOffTotp, userByEmail, userById } from '../../storage/users.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { requireRole } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, IdParam, UserSchema, body, ok } from '../schemas.js';

const NewUser = z.object({
  email: z.string().email().max(320),
  name: z.string().min(1).max(200),
  role: z.enum(['admin', 'analyst', 'viewer']),
  password: z.string().min(1).max(1024),
});
const UserPatch = z.object({ role: z.enum(['admin', 'analyst', 'viewer']).optional(), disabled: z.boolean().optional() });

/** Accounts: admins only. */
export function userRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireRole('admin'));

  app.openapi(createRoute({ method: 'get', path: '/', tags: ['users'], summary: 'List accounts', responses: { 200: ok(z.object({ users: z.array(UserSchema) }), 'accounts'), ...ERRORS } }), async (c) =>
    c.json({ users: await listUsers(c.get('deps').store.db) }, 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/', tags: ['users'], summary: 'Create an account', request: body(NewUser), responses: { 201: ok(z.object({ user: UserSchema }), 'created'), 409: ok(z.any(), 'e-mail taken'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const actor = c.get('user');
      const input = c.req.valid('json');
      const problem = passwordProblem(input.password);
      if (problem) throw new VigilError('invalid_input', problem);
      const passwordHash = await hashPassword(input.password);
      const user = await store.db.transaction().execute(async (tx) => {
        if (await userByEmail(tx, input.email)) throw new VigilError('conflict', `an account for ${input.email} exists`);
        const at = store.now().toISOString();
        const u = await insertUser(tx, at, { email: input.email, name: input.name, role: input.role, passwordHash });
        await writeAudit(tx, at, { actor: actor.id, action: 'user.created', entityType: 'user', entityId: u.id, detail: { role: input.role } });
        return u;
      });
      return c.json({ user: publicUser(user) }, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'patch', path: '/{id}', tags: ['users'], summary: 'Change a role or disable an account', request: { params: IdParam, ...body(UserPatch) }, responses: { 200: ok(z.object({ user: UserSchema }), 'changed'), 404: ok(z.any(), 'no such user'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const actor = c.get('user');
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      if (id === actor.id && (patch.disabled || (patch.role && patch.role !== 'admin'))) throw new VigilError('conflict', 'an admin cannot demote or disable their own account');
      const user = await store.db.transaction().execute(async (tx) => {
        const before = await userById(tx, id);
        if (!before) throw new VigilError('not_found', `no user ${id}`);
        const at = store.now().toISOString();
        await tx
          .updateTable('users')
          .set({ ...(patch.role ? { role: patch.role } : {}), ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}) })
          .where('id', '=', id)
          .execute();
        // A disabled account's sessions end now, not when they expire.
        if (patch.disabled) await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
        await writeAudit(tx, at, { actor: actor.id, action: 'user.updated', entityType: 'user', entityId: id, detail: { from: { role: before.role, disabled: before.disabled }, to: patch } });
        return (await userById(tx, id))!;
      });
      return c.json({ user: publicUser(user) }, 200);
    },
  );
  app.openapi(
    createRoute({ method: 'post', path: '/{id}/password', tags: ['users'], summary: "Reset an account's password (admin): its sessions end, it logs in with the new one", request: { params: IdParam, ...body(z.object({ password: z.string().min(1).max(1024) })) }, responses: { 204: { description: 'reset' }, 404: ok(z.any(), 'no such user'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const actor = c.get('user');
      const { id } = c.req.valid('param');
      const { password } = c.req.valid('json');
      const problem = passwordProblem(password);
      if (problem) throw new VigilError('invalid_input', problem);
      const hash = await hashPassword(password);
      await store.db.transaction().execute(async (tx) => {
        if (!(await userById(tx, id))) throw new VigilError('not_found', 'no such user');
        await setPassword(tx, id, hash);
        await writeAudit(tx, store.now().toISOString(), { actor: actor.id, action: 'user.password_reset', entityType: 'user', entityId: id });
      });
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/{id}/two-factor', tags: ['users'], summary: "Turn off an account's two-factor login (admin), for a colleague who lost their phone: its sessions end, it logs in with its password and may set up two-factor again", request: { params: IdParam }, responses: { 204: { description: 'turned off' }, 404: ok(z.any(), 'no such user'), 409: ok(z.any(), 'not on'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const actor = c.get('user');
      const { id } = c.req.valid('param');
      await store.db.transaction().execute(async (tx) => {
        const user = await userById(tx, id);
        if (!user) throw new VigilError('not_found', 'no such user');
        if (!user.totp_enabled) throw new VigilError('conflict', `${user.email} has no two-factor login to turn off`);
        await turnOffTotp(tx, id);
        // whoever holds the lost phone's sessions is logged out with it
        await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
        await writeAudit(tx, store.now().toISOString(), { actor: actor.id, action: 'user.two_factor_reset', entityType: 'user', entityId: id });
      });
      return c.body(null, 204);
    },
  );
  return app;
}
