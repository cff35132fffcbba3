import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { VigilError } from '../../core/errors.js';
import type { Role } from '../../storage/schema.js';
import type { User } from '../../storage/users.js';
import { lockdownState } from '../../storage/access.js';
import { sessionUser, tokenUser } from '../../storage/users.js';
import type { AppEnv, AuthUser } from '../env.js';
import { ROLE_RANK } from '../env.js';
import { CSRF_HEADER, csrfMatches } from './csrf.js';

export const SESSION_COOKIE = 'vigil_session';

function asAuthUser(u: User, via: AuthUser['via']): AuthUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, via };
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Who is asking: an API token (`Authorization: Bearer vt_…`) or a session cookie. Every route
 * under /api is behind it except health, first-run setup, login and the OpenAPI document.
 * A cookie-authenticated write must carry the session's CSRF token in a header, and one from
 * another origin is refused outright; the session cookie is SameSite=Strict besides.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { store } = c.get('deps');
  const header = c.req.header('authorization');
  let user: AuthUser | undefined;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const found = m ? await tokenUser(store.db, m[1]!, store.now().toISOString()) : undefined;
    if (!found) throw new VigilError('unauthorized', 'invalid API token');
    if (await lockdownState(store.db)) throw new VigilError('unauthorized', 'Vigil is locked down: API tokens are suspended until an admin lifts it');
    user = asAuthUser(found, 'token');
  } else {
    const secret = getCookie(c, SESSION_COOKIE);
    const { sessionIdleMinutes } = c.get('deps');
    const found = secret ? await sessionUser(store.db, secret, store.now(), sessionIdleMinutes ?? 120) : undefined;
    if (!found) throw new VigilError('unauthorized', secret ? 'session expired; log in again' : 'log in first');
    user = asAuthUser(found, 'session');
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      const origin = c.req.header('origin');
      // `Origin: null` (a sandboxed frame, a file) or anything unparsable is another origin too.
      if (origin && originHost(origin) !== new URL(c.req.url).host) throw new VigilError('forbidden', 'cross-site request refused');
      if (!csrfMatches(secret!, c.req.header(CSRF_HEADER))) throw new VigilError('forbidden', `missing or wrong ${CSRF_HEADER} header; reload the page`);
    }
  }
  c.set('user', user);
  await next();
};

/** Admits users whose role is at least `role` (viewer < analyst < admin). */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (ROLE_RANK[user.role] < ROLE_RANK[role]) throw new VigilError('forbidden', `this needs the ${role} role; you are ${user.role}`);
    await next();
  };
}
