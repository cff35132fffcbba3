import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { CASE_STATUSES } from '../../cases/status.js';
import { search } from '../../storage/search.js';
import { EVENT_TYPES } from '../../text/types.js';
import { deniedOf } from '../access.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { Day, ERRORS, ok } from '../schemas.js';

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : v);

const Query = z
  .object({
    q: z.string().max(200).optional(),
    // written as the statuses are ("killing", "ngA" as "NGA"): a query string is typed by hand
    country: z.preprocess(upper, z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code')).optional(),
    type: z.preprocess(upper, z.enum(EVENT_TYPES)).optional(),
    status: z.enum(CASE_STATUSES).optional(),
    from: Day.optional(),
    to: Day.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'from must not be after to' });
const Counts = z.record(z.string(), z.number());
const Result = z
  .object({ reports: z.array(z.unknown()), people: z.array(z.unknown()), events: z.array(z.unknown()), facets: z.object({ type: Counts, country: Counts, status: Counts }), capped: z.boolean() })
  .openapi('SearchResult');

export function searchRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(
    createRoute({ method: 'get', path: '/search', tags: ['search'], summary: 'Search reports, people and events, narrowed by country, event type, status and date range; with facet counts', request: { query: Query }, responses: { 200: ok(Result, 'what matched'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const f = c.req.valid('query');
      return c.json(await search(store.db, store.engine, f, await deniedOf(c)), 200);
    },
  );
  return app;
}
