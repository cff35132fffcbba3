import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { LIMITS } from '../articles/article.js';
import { VigilError } from '../core/errors.js';
import { countUsers } from '../storage/users.js';
import { guardCase, guardReport, redactAnswer } from './access.js';
import { alertRoutes } from './alerts/routes.js';
import { authRoutes } from './auth/routes.js';
import { secondFactorRoutes } from './auth/second-factor.js';
import { authenticate } from './auth/middleware.js';
import { caseRoutes } from './cases/routes.js';
import { reviewRoutes } from './cases/reviews.js';
import type { AppDeps, AppEnv } from './env.js';
import { onError, validationHook } from './errors.js';
import { exportRoutes } from './exports/routes.js';
import { feedRoutes } from './feeds/routes.js';
import { partnerRoutes } from './partners/routes.js';
import { protectionRoutes } from './protection/routes.js';
import { reportRoutes } from './reports/routes.js';
import { draftRoutes } from './casework/drafts.js';
import { logRoutes } from './casework/log.js';
import { nameRoutes } from './casework/names.js';
import { statementRoutes } from './casework/statements.js';
import { eventReviewRoutes } from './reports/review.js';
import { searchRoutes } from './search/routes.js';
import { userRoutes } from './users/routes.js';

/** Paths under /api that answer without a login. */
const PUBLIC = new Set(['/api/health', '/api/setup', '/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/tokens', '/api/openapi.json']);

/** The largest request body a route takes (bytes). */
export function bodyLimitFor(method: string, path: string): number {
  if (method === 'POST' && /^\/api\/reports\/?$/.test(path)) return LIMITS.htmlBytes + 1024 * 1024;
  if (method === 'POST' && path === '/api/bundles/import') return LIMITS.htmlBytes + 1024 * 1024;
  if (PUBLIC.has(path)) return 16 * 1024;
  return 1024 * 1024;
}

/**
 * The HTTP API: one folder per resource, each with its schemas (which validate requests and
 * generate the OpenAPI document at /api/openapi.json); authentication in front of everything
 * but the public paths; roles checked per route; errors as `{"error": {code, message}}`.
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(onError);
  app.use('*', secureHeaders());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  // Every API answer is about cases or accounts: never kept by a browser or a proxy.
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });
  // A NUL cannot be stored or searched (PostgreSQL text refuses it): a clear 422, not a 500.
  app.use('/api/*', async (c, next) => {
    if (/%00/.test(c.req.url) || c.req.url.includes('\u0000')) throw new VigilError('invalid_input', 'the request holds a NUL character');
    await next();
  });
  // Bodies are bounded on every route: small where no login is needed, a report's size where reports come in.
  app.use('/api/*', (c, next) => bodyLimit({ maxSize: bodyLimitFor(c.req.method, c.req.path), onError: () => { throw new VigilError('input_too_large', `the request body is over the ${bodyLimitFor(c.req.method, c.req.path) / 1024} KB this route takes`); } })(c, next));
  app.use('/api/*', async (c, next) => (PUBLIC.has(c.req.path) ? next() : authenticate(c, next)));
  // Restricted cases: one guard per path shape, so a route added later cannot forget the check.
  app.use('/api/*', redactAnswer);
  app.use('/api/cases/:id', guardCase);
  app.use('/api/cases/:id/*', guardCase);
  app.use('/api/reports/:id', guardReport);
  app.use('/api/reports/:id/*', guardReport);

  app.get('/api/health', async (c) => {
    const { store } = deps;
    // Anonymous: whether it runs and needs setting up, nothing about the work it holds.
    return c.json({ ok: true, engine: store.engine, setupNeeded: (await countUsers(store.db)) === 0 });
  });
  app.route('/api', authRoutes());
  app.route('/api/auth/totp', secondFactorRoutes());
  app.route('/api/users', userRoutes());
  app.route('/api/reports', reportRoutes());
  app.route('/api/reports', eventReviewRoutes());
  app.route('/api/cases', caseRoutes());
  app.route('/api/reviews', reviewRoutes());
  app.route('/api', alertRoutes());
  app.route('/api', exportRoutes());
  app.route('/api', searchRoutes());
  app.route('/api/feeds', feedRoutes());
  app.route('/api', protectionRoutes());
  app.route('/api', statementRoutes());
  app.route('/api', logRoutes());
  app.route('/api', draftRoutes());
  app.route('/api', nameRoutes());
  app.route('/api', partnerRoutes());

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Vigil API', version: '0.1.0', description: 'Reports, cases, alerts and exports. Log in with POST /api/auth/login (session cookie) or send `Authorization: Bearer <API token>`.' },
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } }, 404));
  return app;
}
