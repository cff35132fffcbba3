import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { VigilError } from '../../core/errors.js';
import { writeAudit } from '../../storage/audit.js';
import { countUsers, createApiToken, createSession, deleteSession, insertUser, setPassword, userByEmail, userById } from '../../storage/users.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, IdParam, UserSchema, body, ok } from '../schemas.js';
import { LoginLimiter } from './limiter.js';
import { clientAddress, overTls } from './client.js';
import { CSRF_HEADER, csrfMatches } from './csrf.js';
import { csrfToken } from './csrf.js';
import { sessionUser } from '../../storage/users.js';
import { SESSION_COOKIE, authenticate } from './middleware.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { acceptTotp } from './totp.js';

const Credentials = z.object({ email: z.string().email().max(320), password: z.string().min(1).max(1024) });
const Setup = Credentials.extend({ name: z.string().min(1).max(200) });
// The six-digit code from the user's authenticator, once they have turned two-factor login on.
const Login = Credentials.extend({ code: z.string().max(12).optional() });
// csrfToken: what a browser session sends back as the x-csrf-token header on every write.
const Me = z.object({ user: UserSchema.pick({ id: true, email: true, name: true, role: true }), csrfToken: z.string().optional(), expiresAt: z.string().optional() }).openapi('Me');
// A dummy hash compared against when the e-mail is unknown, so both failures take the same time.
let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword('not a real password, only for timing'));

export function authRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const limiter = new LoginLimiter();

  const startSession = async (c: Parameters<Parameters<typeof app.openapi>[1]>[0], userId: string) => {
    const { store, secureCookies, sessionHours } = c.get('deps');
    const { secret, expiresAt } = await createSession(store.db, store.now(), userId, sessionHours ?? 12);
    // Max-Age, not Expires: the browser counts the session's life from now by its own clock, so a
    // server whose clock differs (or a test's injected one) does not make the cookie stillborn.
    const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - store.now().getTime()) / 1000));
    setCookie(c, SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'Strict', secure: !!secureCookies || overTls(c), path: '/', maxAge });
    return { csrfToken: csrfToken(secret), expiresAt };
  };

  app.openapi(
    createRoute({ method: 'post', path: '/setup', tags: ['auth'], summary: 'Create the first admin (only while there are no users)', request: body(Setup), responses: { 201: ok(Me, 'the admin, logged in'), 409: ok(z.any(), 'already set up'), 422: ERRORS[422] } }),
    async (c) => {
      const { store } = c.get('deps');
      const input = c.req.valid('json');
      // once set up, say so first: a password's weakness is beside the point (checked again in the transaction, for a race)
      if ((await countUsers(store.db)) > 0) throw new VigilError('conflict', 'Vigil is already set up; ask an admin for an account');
      const problem = passwordProblem(input.password);
      if (problem) throw new VigilError('invalid_input', problem);
      const passwordHash = await hashPassword(input.password);
      const user = await store.db.transaction().execute(async (tx) => {
        if ((await countUsers(tx)) > 0) throw new VigilError('conflict', 'Vigil is already set up; ask an admin for an account');
        const at = store.now().toISOString();
        const u = await insertUser(tx, at, { email: input.email, name: input.name, role: 'admin', passwordHash });
        await writeAudit(tx, at, { actor: u.id, action: 'user.created', entityType: 'user', entityId: u.id, detail: { role: 'admin', setup: true } });
        return u;
      });
      const session = await startSession(c, user.id);
      return c.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role }, ...session }, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/auth/login', tags: ['auth'], summary: 'Log in; sets the session cookie. With two-factor login on, send `code` too (401 `totp_required` until it is sent)', request: body(Login), responses: { 200: ok(Me, 'logged in'), 401: ERRORS[401], 422: ERRORS[422], 429: ok(z.any(), 'too many failed attempts') } }),
    async (c) => {
      const { store } = c.get('deps');
      const { email, password, code } = c.req.valid('json');
      const account = email.toLowerCase();
      const address = clientAddress(c);
      const { wait, id: attempt } = await limiter.attempt(store, account, address);
      if (wait > 0) {
        c.header('retry-after', String(Math.ceil(wait / 1000)));
        throw new VigilError('rate_limited', `too many failed logins from here; try again in ${Math.ceil(wait / 1000)} s`);
      }
      // From here the attempt is counted as failed (in the database, for every server process)
      // until it is forgiven or succeeds.
      const user = await userByEmail(store.db, email);
      const good = user ? await verifyPassword(password, user.password_hash) : (await verifyPassword(password, await dummyHash()), false);
      // With a second factor on, the code is asked for whether or not the password was right:
      // "totp_required" must not tell a guesser that the password was.
      // The attempt stays counted either way: forgiving a right password would tell a guesser, by
      // the wait before the next try, that it was right. The login that sends the code clears it.
      if (user?.totp_enabled && !user.disabled && !code) throw new VigilError('totp_required', 'enter the six-digit code from your authenticator app');
      if (!user || !good || user.disabled) throw new VigilError('unauthorized', user?.totp_enabled ? 'wrong e-mail, password or code' : 'wrong e-mail or password');
      if (user.totp_enabled) {
        const step = acceptTotp(user.totp_secret!, code!.trim(), store.now(), user.totp_last_step);
        if (step === null) throw new VigilError('unauthorized', 'wrong e-mail, password or code');
        // Taken only if no login (in this process or another) took this step or a later one since
        // the user was read: the same code sent twice at once logs in once.
        const taken = await store.db
          .updateTable('users')
          .set({ totp_last_step: step })
          .where('id', '=', user.id)
          .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
          .executeTakeFirst();
        if (!taken.numUpdatedRows) throw new VigilError('unauthorized', 'wrong e-mail, password or code');
      }
      await limiter.succeed(store, attempt, account, address);
      const session = await startSession(c, user.id);
      return c.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role }, ...session }, 200);
    },
  );

  app.post('/auth/logout', async (c) => {
    const secret = getCookie(c, SESSION_COOKIE);
    // Ending a live session is a write like any other: it needs the session's CSRF token (a
    // cross-site form could otherwise log the user out). A dead cookie is simply cleared.
    if (secret) {
      const { store, sessionIdleMinutes } = c.get('deps');
      const live = await sessionUser(store.db, secret, store.now(), sessionIdleMinutes ?? 120);
      if (live && !csrfMatches(secret, c.req.header(CSRF_HEADER))) throw new VigilError('forbidden', `missing or wrong ${CSRF_HEADER} header; reload the page`);
      await deleteSession(store.db, secret);
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.use('/auth/me', authenticate);
  app.openapi(createRoute({ method: 'get', path: '/auth/me', tags: ['auth'], summary: 'Who is logged in', responses: { 200: ok(Me, 'the user'), 401: ERRORS[401] } }), (c) => {
    const { id, email, name, role, via } = c.get('user');
    const secret = getCookie(c, SESSION_COOKIE);
    return c.json({ user: { id, email, name, role }, ...(via === 'session' && secret ? { csrfToken: csrfToken(secret) } : {}) }, 200);
  });

  app.openapi(
    createRoute({ method: 'put', path: '/auth/password', tags: ['auth'], summary: 'Change your password (your other sessions end)', request: body(z.object({ current: z.string().min(1).max(1024), password: z.string().min(1).max(1024) })), responses: { 204: { description: 'changed' }, ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const me = c.get('user');
      const { current, password } = c.req.valid('json');
      const user = await userById(store.db, me.id);
      if (!user || !(await verifyPassword(current, user.password_hash))) throw new VigilError('forbidden', 'the current password is wrong');
      const problem = passwordProblem(password);
      if (problem) throw new VigilError('invalid_input', problem);
      const hash = await hashPassword(password);
      await store.db.transaction().execute(async (tx) => {
        await setPassword(tx, me.id, hash, getCookie(c, SESSION_COOKIE));
        await writeAudit(tx, store.now().toISOString(), { actor: me.id, action: 'user.password_changed', entityType: 'user', entityId: me.id });
      });
      return c.body(null, 204);
    },
  );

  app.use('/tokens', authenticate);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/tokens',
      tags: ['auth'],
      summary: 'Create an API token for scripts (shown once)',
      request: body(z.object({ name: z.string().min(1).max(100) })),
      responses: { 201: ok(z.object({ id: z.string(), token: z.string() }), 'the token; keep it, it is not shown again'), ...ERRORS },
    }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const { name } = c.req.valid('json');
      const created = await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        const t = await createApiToken(tx, at, user.id, name);
        await writeAudit(tx, at, { actor: user.id, action: 'token.created', entityType: 'api_token', entityId: t.id, detail: { name } });
        return t;
      });
      return c.json({ id: created.id, token: created.secret }, 201);
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/tokens', tags: ['auth'], summary: 'Your API tokens (names and use, never the secrets)', responses: { 200: ok(z.object({ tokens: z.array(z.object({ id: z.string(), name: z.string(), created_at: z.string(), last_used_at: z.string().nullable() })) }), 'tokens'), ...ERRORS } }),
    async (c) => {
      const tokens = await c.get('deps').store.db.selectFrom('api_tokens').select(['id', 'name', 'created_at', 'last_used_at']).where('user_id', '=', c.get('user').id).orderBy('created_at').execute();
      return c.json({ tokens }, 200);
    },
  );

  app.use('/tokens/*', authenticate);
  app.openapi(
    createRoute({ method: 'delete', path: '/tokens/{id}', tags: ['auth'], summary: 'Revoke one of your API tokens', request: { params: IdParam }, responses: { 204: { description: 'revoked' }, 404: ok(z.any(), 'no such token of yours'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const { id } = c.req.valid('param');
      await store.db.transaction().execute(async (tx) => {
        const r = await tx.deleteFrom('api_tokens').where('id', '=', id).where('user_id', '=', user.id).executeTakeFirst();
        if (Number(r.numDeletedRows) === 0) throw new VigilError('not_found', 'no such token of yours');
        await writeAudit(tx, store.now().toISOString(), { actor: user.id, action: 'token.revoked', entityType: 'api_token', entityId: id });
      });
      return c.body(null, 204);
    },
  );
  return app;
}
