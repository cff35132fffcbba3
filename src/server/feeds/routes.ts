import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { VigilError } from '../../core/errors.js';
import { writeAudit } from '../../storage/audit.js';
import { addFeed, listFeeds } from '../../storage/feeds.js';
import { requireRole } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, IdParam, body, ok } from '../schemas.js';

const Feed = z
  .object({ id: z.string(), url: z.string(), title: z.string().nullable(), interval_minutes: z.number(), next_poll_at: z.string(), last_polled_at: z.string().nullable(), failures: z.number(), last_error: z.string().nullable(), created_at: z.string() })
  .openapi('Feed');
const NewFeed = z.object({ url: z.string().url().max(2000).refine((u) => /^https?:/.test(u), 'an http(s) address'), everyMinutes: z.number().int().min(5).max(24 * 60).default(30) });

/** RSS/Atom subscriptions: the scheduler of `vigil serve` polls each when it falls due. Admins manage them. */
export function feedRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const admin = requireRole('admin');

  app.openapi(createRoute({ method: 'get', path: '/', tags: ['feeds'], summary: 'Subscribed feeds and how their last poll went', responses: { 200: ok(z.object({ feeds: z.array(Feed) }), 'feeds'), ...ERRORS } }), async (c) => {
    const feeds = await listFeeds(c.get('deps').store.db);
    return c.json({ feeds: feeds.map(({ etag: _e, last_modified: _l, ...f }) => f) }, 200);
  });

  app.openapi(
    createRoute({ method: 'post', path: '/', tags: ['feeds'], summary: 'Subscribe to a feed; it is polled at once, then every few minutes', middleware: [admin] as const, request: body(NewFeed), responses: { 201: ok(z.object({ id: z.string(), duplicate: z.boolean() }), 'subscribed'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const { url, everyMinutes } = c.req.valid('json');
      const r = await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        const added = await addFeed(tx, at, url, everyMinutes);
        if (!added.duplicate) await writeAudit(tx, at, { actor: user.id, action: 'feed.added', entityType: 'feed', entityId: added.feed.id, detail: { url, everyMinutes } });
        return added;
      });
      return c.json({ id: r.feed.id, duplicate: r.duplicate }, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/{id}', tags: ['feeds'], summary: 'Unsubscribe (the reports it brought stay)', middleware: [admin] as const, request: { params: IdParam }, responses: { 204: { description: 'removed' }, 404: ok(z.any(), 'no such feed'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const { id } = c.req.valid('param');
      await store.db.transaction().execute(async (tx) => {
        const feed = await tx.selectFrom('feeds').select(['id', 'url']).where('id', '=', id).executeTakeFirst();
        if (!feed) throw new VigilError('not_found', 'no such feed');
        await tx.updateTable('reports').set({ feed_id: null }).where('feed_id', '=', id).execute();
        await tx.deleteFrom('feeds').where('id', '=', id).execute();
        await writeAudit(tx, store.now().toISOString(), { actor: user.id, action: 'feed.removed', entityType: 'feed', entityId: id, detail: { url: feed.url } });
      });
      return c.body(null, 204);
    },
  );
  return app;
}
