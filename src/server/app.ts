import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { countUsers } from '../storage/users.js';
import { jobCounts } from '../storage/jobs.js';
import { guardCase, guardReport } from './access.js';
import { alertRoutes } from './alerts/routes.js';
import { authRoutes } from './auth/routes.js';
import { secondFactorRoutes } from './auth/second-factor.js';
import { authenticate } from './auth/middleware.js';
import { caseRoutes } from './cases/routes.js';
import { reviewRoutes } from './cases/reviews.js';
import { triageRoutes } from './cases/triage.js';
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
  app.use('/api/*', async (c, next) => (PUBLIC.has(c.req.path) ? next() : authenticate(c, next)));
  // Restricted cases: one guard per path shape, so a route added later cannot forget the check.
  app.use('/api/cases/:id', guardCase);
  app.use('/api/cases/:id/*', guardCase);
  app.use('/api/reports/:id', guardReport);
  app.use('/api/reports/:id/*', guardReport);

  app.get('/api/health', async (c) => {
    const { store } = deps;
    return c.json({ ok: true, engine: store.engine, setupNeeded: (await countUsers(store.db)) === 0, jobs: await jobCounts(store.db) });
  });
  app.route('/api', authRoutes());
  app.route('/api/auth/totp', secondFactorRoutes());
  app.route('/api/users', userRoutes());
  app.route('/api/reports', reportRoutes());
  app.route('/api/reports', eventReviewRoutes());
  app.route('/api/cases', caseRoutes());
  app.route('/api/reviews', reviewRoutes());
  app.route('/api', triageRoutes());
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
