import type { Context, MiddlewareHandler } from 'hono';
import { VigilError } from '../core/errors.js';
import type { Denied } from '../storage/access.js';
import { deniedFor, redactFor, reportDenied, scrubNames } from '../storage/access.js';
import type { AppEnv } from './env.js';

/** The restricted cases the user asking may not see, worked out once per request. */
export async function deniedOf(c: Context<AppEnv>): Promise<Denied> {
  const cached = c.get('denied');
  if (cached) return cached;
  const denied = await deniedFor(c.get('deps').store.db, c.get('user').id);
  c.set('denied', denied);
  return denied;
}

/**
 * In front of every `/api/cases/:id…` route: a case the user may not see answers exactly as an
 * unknown one does (404 `no such case`), so its existence does not leak. Merged records count
 * as the case they were merged into.
 */
export const guardCase: MiddlewareHandler<AppEnv> = async (c, next) => {
  const id = c.req.param('id');
  if (id && (await deniedOf(c)).persons.includes(id)) throw new VigilError('not_found', 'no such case');
  await next();
};

/** In front of every `/api/reports/:id…` route: a report naming a hidden case's person is hidden too. */
export const guardReport: MiddlewareHandler<AppEnv> = async (c, next) => {
  const id = c.req.param('id');
  if (id && (await reportDenied(c.get('deps').store.db, await deniedOf(c), id))) throw new VigilError('not_found', 'no such report');
  await next();
};

/** For ids that arrive in a body (merge's `from`): the same refusal as the path guard. */
export async function assertCaseVisible(c: Context<AppEnv>, id: string): Promise<void> {
  if ((await deniedOf(c)).persons.includes(id)) throw new VigilError('not_found', 'no such case');
}

/**
 * Behind every authenticated `/api` route: the answer passes through `redactFor`, the one place
 * that decides what this user may see of a case, whatever the route (JSON walked field by field;
 * HTML and CSV with the names replaced, their data having been redacted before rendering).
 */
export const redactAnswer: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.get('user')) return;
  const denied = await deniedOf(c);
  if (!denied.persons.length) return;
  // A JSON answer the route built through redactFor with this same list is as this pass would
  // leave it (the pass changes nothing the second time): not parsed and walked again. A case page
  // spent a fifth of its time here.
  if (c.get('redactedFor') === denied && (c.res.headers.get('content-type') ?? '').includes('application/json')) return;
  const type = c.res.headers.get('content-type') ?? '';
  const headers = new Headers(c.res.headers);
  headers.delete('content-length');
  if (type.includes('application/json')) {
    const data = await c.res.clone().json();
    c.res = new Response(JSON.stringify(await redactFor(c.get('deps').store.db, denied, data)), { status: c.res.status, headers });
    c.res.headers.delete('content-length');
  } else if (type.startsWith('text/')) {
    c.res = new Response(scrubNames(denied, await c.res.clone().text()), { status: c.res.status, headers });
    c.res.headers.delete('content-length');
  }
};
