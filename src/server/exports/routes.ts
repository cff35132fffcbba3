import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { deniedOf } from '../access.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, IdParam, ok } from '../schemas.js';
import { caseView } from '../cases/view.js';
import { allCases, toCsv, toDossier, toPlover } from './build.js';

export function exportRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/export',
      tags: ['exports'],
      summary: 'Every case: JSON (in full), CSV (one row per event) or PLOVER-style JSON',
      request: { query: z.object({ format: z.enum(['json', 'csv', 'plover']).default('json') }) },
      responses: { 200: { description: 'the export', content: { 'application/json': { schema: z.any() }, 'text/csv': { schema: z.string() } } }, ...ERRORS },
    }),
    async (c) => {
      const { format } = c.req.valid('query');
      const cases = await allCases(c.get('deps').store.db, await deniedOf(c));
      const stamp = c.get('deps').store.now().toISOString().slice(0, 10);
      // A download in the web app, a body to an API client: the file name is for the former.
      c.header('content-disposition', `attachment; filename="vigil-${format === 'plover' ? 'plover' : 'cases'}-${stamp}.${format === 'csv' ? 'csv' : 'json'}"`);
      if (format === 'csv') return c.body(toCsv(cases), 200, { 'content-type': 'text/csv; charset=utf-8' });
      return c.json(format === 'plover' ? { events: toPlover(cases) } : { cases }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/cases/{id}/dossier', tags: ['exports'], summary: 'A case dossier (HTML) with every fact and its sources', request: { params: IdParam }, responses: { 200: { description: 'the dossier', content: { 'text/html': { schema: z.string() } } }, 404: ok(z.any(), 'no such case'), ...ERRORS } }),
    async (c) => {
      const view = await caseView(c.get('deps').store.db, c.req.valid('param').id, await deniedOf(c));
      c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      return c.html(toDossier(view, c.get('deps').store.now().toISOString()), 200);
    },
  );
  return app;
}
