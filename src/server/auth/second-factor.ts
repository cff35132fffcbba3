import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { VigilError } from '../../core/errors.js';
import { writeAudit } from '../../storage/audit.js';
import { turnOffTotp, userById } from '../../storage/users.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, body, ok } from '../schemas.js';
import { verifyPassword } from './passwords.js';
import { acceptTotp, newTotpSecret } from './totp.js';

const Code = z.object({ code: z.string().regex(/^\s*\d{6}\s*$/, 'six digits') });
const Status = z.object({ enabled: z.boolean(), pending: z.boolean() }).openapi('TotpStatus');

/**
 * Two-factor login with an authenticator app (TOTP, RFC 6238): start (a secret and its QR code,
 * not yet required), confirm with a first code (required from the next login on), turn off with
 * the password and a current code. Sessions only: an API token cannot change a second factor.
 */
export function secondFactorRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const sessionOnly = (via: string) => {
    if (via !== 'session') throw new VigilError('forbidden', 'two-factor settings are changed from a logged-in browser session, not with an API token');
  };

  app.openapi(createRoute({ method: 'get', path: '/', tags: ['auth'], summary: 'Whether two-factor login is on', responses: { 200: ok(Status, 'status'), ...ERRORS } }), async (c) => {
    const u = await userById(c.get('deps').store.db, c.get('user').id);
    return c.json({ enabled: !!u?.totp_enabled, pending: !!u?.totp_secret && !u.totp_enabled }, 200);
  });

  app.openapi(
    createRoute({ method: 'post', path: '/setup', tags: ['auth'], summary: 'Start two-factor login: a new secret and its QR code (not required until confirmed)', responses: { 200: ok(z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }), 'scan it'), 409: ok(z.any(), 'already on'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      sessionOnly(user.via);
      const u = await userById(store.db, user.id);
      if (u?.totp_enabled) throw new VigilError('conflict', 'two-factor login is already on; turn it off first to change the device');
      const made = await newTotpSecret(user.email);
      await store.db.updateTable('users').set({ totp_secret: made.secret, totp_last_step: null }).where('id', '=', user.id).execute();
      return c.json(made, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/enable', tags: ['auth'], summary: 'Confirm with a first code; from then on login asks for one', request: body(Code), responses: { 200: ok(Status, 'on'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      sessionOnly(user.via);
      await store.db.transaction().execute(async (tx) => {
        const u = await userById(tx, user.id);
        if (!u?.totp_secret || u.totp_enabled) throw new VigilError('conflict', 'start with POST /api/auth/totp/setup');
        const step = acceptTotp(u.totp_secret, c.req.valid('json').code.trim(), store.now(), null);
        if (step === null) throw new VigilError('invalid_input', 'that code does not match; check the phone clock and try the next one');
        const at = store.now().toISOString();
        await tx.updateTable('users').set({ totp_enabled: 1, totp_last_step: step }).where('id', '=', user.id).execute();
        await writeAudit(tx, at, { actor: user.id, action: 'user.totp_enabled', entityType: 'user', entityId: user.id });
      });
      return c.json({ enabled: true, pending: false }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/disable', tags: ['auth'], summary: 'Turn two-factor login off (password and a current code)', request: body(Code.extend({ password: z.string().min(1).max(1024) })), responses: { 200: ok(Status, 'off'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      sessionOnly(user.via);
      const { code, password } = c.req.valid('json');
      const u = await userById(store.db, user.id);
      if (!u?.totp_enabled) throw new VigilError('conflict', 'two-factor login is not on');
      if (!(await verifyPassword(password, u.password_hash))) throw new VigilError('forbidden', 'wrong password');
      if (acceptTotp(u.totp_secret!, code.trim(), store.now(), u.totp_last_step) === null) throw new VigilError('forbidden', 'wrong or already used authenticator code');
      await store.db.transaction().execute(async (tx) => {
        await turnOffTotp(tx, user.id);
        await writeAudit(tx, store.now().toISOString(), { actor: user.id, action: 'user.totp_disabled', entityType: 'user', entityId: user.id });
      });
      return c.json({ enabled: false, pending: false }, 200);
    },
  );
  return app;
}
