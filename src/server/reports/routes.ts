import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS } from '../../articles/article.js';
import { articleFromString, futurePublication } from '../../articles/read.js';
import { VigilError } from '../../core/errors.js';
import { fetchText } from '../../ingest/fetch.js';
import { submitArticle } from '../../ingest/submit.js';
import { listCorrections } from '../../storage/corrections.js';
import { findingsOf } from '../../storage/inbox.js';
import { decodeCursor, encodeCursor } from '../../storage/paging.js';
import { getReport, ledesOf, listReportsPage, parseExtraction } from '../../storage/reports.js';
import { requireRole } from '../auth/middleware.js';
import { deniedOf } from '../access.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, IdParam, Paging, body, ok } from '../schemas.js';

const Published = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const NewReport = z
  .object({
    text: z.string().min(1).optional(),
    html: z.string().min(1).optional(),
    url: z.string().url().max(2000).regex(/^https?:\/\//i, 'http or https only').optional(),
    published: Published.optional(),
    title: z.string().max(1000).optional(),
  })
  .refine((r) => (r.text !== undefined ? 1 : 0) + (r.html !== undefined ? 1 : 0) === 1 || (r.text === undefined && r.html === undefined && r.url !== undefined), {
    message: 'give the report as exactly one of text, html or url (url may accompany text or html as its source)',
  })
  .openapi('NewReport');
const Submitted = z.object({ reportId: z.string(), duplicate: z.boolean(), jobId: z.string().nullable(), warnings: z.array(z.string()) }).openapi('Submitted');
const ReportItem = z.object({ id: z.string(), title: z.string().nullable(), url: z.string().nullable(), published: z.string().nullable(), state: z.string(), source: z.string(), created_at: z.string() }).openapi('ReportItem');
const Findings = z.object({
  persons: z.array(z.object({ id: z.string(), name: z.string(), state: z.string() })),
  eventTypes: z.array(z.string()),
  events: z.array(z.object({ type: z.string(), modality: z.string() })),
  alerts: z.array(z.object({ id: z.string(), kind: z.string(), acknowledged: z.boolean() })),
  decisions: z.number(),
  possible: z.number(),
});
const InboxItem = ReportItem.extend({ findings: Findings, lede: z.string().optional().describe("a report with no title: its opening words, to show in the title's place") }).openapi('InboxItem');
const ReportFull = ReportItem.extend({ text: z.string(), byline: z.string().nullable(), error: z.string().nullable(), extraction: z.unknown(), corrections: z.array(z.unknown()) }).openapi('Report');

export function reportRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.post('/', bodyLimit({ maxSize: LIMITS.htmlBytes + 1024 * 1024, onError: () => { throw new VigilError('input_too_large', `a report may be at most ${LIMITS.htmlBytes / 1048576} MB`); } }));
  app.openapi(
    createRoute({ method: 'post', path: '/', tags: ['reports'], summary: 'Submit a report (text, HTML or a URL to fetch); extraction runs as a job', middleware: [requireRole('analyst')] as const, request: body(NewReport), responses: { 202: ok(Submitted, 'stored and queued (or recognised as a duplicate)'), 413: ok(z.any(), 'too large'), ...ERRORS } }),
    async (c) => {
      const { store, worker } = c.get('deps');
      const user = c.get('user');
      const input = c.req.valid('json');
      const warnings: string[] = [];
      const readOpts = { ...(input.published ? { published: input.published } : {}), ...(input.url ? { url: input.url } : {}) };
      let article;
      if (input.text !== undefined) article = articleFromString(input.text, 'the report', { ...readOpts, html: false }, warnings);
      else if (input.html !== undefined) article = articleFromString(input.html, 'the page', { ...readOpts, html: true }, warnings);
      else {
        const page = await fetchText(input.url!, { maxBytes: LIMITS.htmlBytes });
        article = articleFromString(page.body, input.url!, { ...readOpts, url: page.url, html: !/^text\/plain/.test(page.contentType) }, warnings);
      }
      // without one, a pasted text is titled by its headline when stored (submitArticle)
      if (input.title) article = { ...article, title: input.title };
      // Say which date the report's relative dates ("Tuesday", "last week") will be read against, or that none will.
      if (!article.published) warnings.push('no publication date: relative dates ("Tuesday", "last week") stay unresolved; give the date it was published');
      else if (!input.published) warnings.push(`publication date ${article.published} taken from the page`);
      const future = futurePublication(article.published, store.now());
      if (future) warnings.push(future);
      const submitted = await submitArticle(store, article, { source: input.url && !input.text && !input.html ? 'url' : 'paste', actor: user.id, userId: user.id });
      worker?.start();
      return c.json({ ...submitted, warnings }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['reports'],
      summary: 'The inbox: reports, newest first, with what each brought in (people, event types, alerts); q searches title and text',
      request: { query: Paging.extend({ q: z.string().max(500).optional(), state: z.enum(['queued', 'extracted', 'failed']).optional(), source: z.enum(['paste', 'url', 'feed', 'import']).optional(), alerts: z.enum(['true']).optional() }) },
      responses: { 200: ok(z.object({ reports: z.array(InboxItem), next: z.string().nullable() }), 'a page of reports; `next` is the cursor of the page after it. A page may hold fewer than `limit`, even none, when most of the reports read for it name cases this user may not see (at most LIST_SCAN_CAP are read a page): only a null `next` ends the list'), ...ERRORS },
    }),
    async (c) => {
      const { store } = c.get('deps');
      const { q, state, source, alerts, limit, offset, cursor } = c.req.valid('query');
      const denied = await deniedOf(c);
      const page = await listReportsPage(store.db, store.engine, { ...(q ? { query: q } : {}), ...(state ? { state } : {}), ...(source ? { source } : {}), ...(cursor ? { cursor: decodeCursor(cursor) } : {}), withAlerts: !!alerts, denied, limit, offset });
      const findings = await findingsOf(store.db, page.rows.map((r) => r.id), denied);
      const ledes = await ledesOf(store.db, page.rows.filter((r) => !r.title).map((r) => r.id));
      return c.json({ reports: page.rows.map((r) => ({ ...r, findings: findings.get(r.id)!, ...(ledes.has(r.id) ? { lede: ledes.get(r.id)! } : {}) })), next: page.next ? encodeCursor(page.next) : null }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/{id}', tags: ['reports'], summary: 'A report with its text and extraction', request: { params: IdParam }, responses: { 200: ok(ReportFull, 'the report'), 404: ok(z.any(), 'no such report'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const r = await getReport(store.db, c.req.valid('param').id);
      if (!r) throw new VigilError('not_found', 'no such report');
      return c.json({ id: r.id, title: r.title, url: r.url, published: r.published, state: r.state, source: r.source, created_at: r.created_at, text: r.text, byline: r.byline, error: r.error, extraction: parseExtraction(r), corrections: await listCorrections(store.db, r.id) }, 200);
    },
  );
  return app;
}
