import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Draft } from '../../cases/drafts.js';
import { buildDraft } from '../../cases/drafts.js';
import { VigilError } from '../../core/errors.js';
import { writeAudit } from '../../storage/audit.js';
import { draftsOf, outreachOf, saveDraft } from '../../storage/casework.js';
import type { Denied } from '../../storage/access.js';
import { redactFor } from '../../storage/access.js';
import { livePersonId } from '../../storage/persons.js';
import type { Db } from '../../storage/store.js';
import { deniedOf } from '../access.js';
import { requireRole } from '../auth/middleware.js';
import { caseView } from '../cases/view.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, IdParam, body, ok } from '../schemas.js';
import { whereaboutsSummary } from './log.js';
import { draftHtml, draftPdf } from './render.js';
import { caseStatements } from './statements.js';

const DraftParams = IdParam.extend({ draftId: z.string().min(1).max(64).openapi({ param: { in: 'path', name: 'draftId' } }) });
const Paragraph = z.object({ text: z.string().max(20_000), cites: z.array(z.number().int().positive()).max(200), fact: z.boolean() });
const DraftBody = z.object({ kind: z.enum(['appeal', 'brief']), title: z.string().min(1).max(500), sections: z.array(z.object({ heading: z.string().max(500), paragraphs: z.array(Paragraph).max(500) })).max(50), citations: z.array(z.record(z.string(), z.unknown())).max(1000) });

/**
 * A stored draft as this user may see it: a member may have written it from reports others may
 * not read. Citations of hidden reports go, and the paragraphs that rested on them alone.
 */
async function visibleDraft(db: Db, denied: Denied, draft: Draft): Promise<Draft> {
  if (!denied.persons.length) return draft;
  const citations = await redactFor(db, denied, draft.citations);
  const kept = new Set(citations.map((k) => k.n));
  const sections = draft.sections.map((s) => ({
    heading: s.heading,
    paragraphs: s.paragraphs.filter((p) => !p.cites.length || p.cites.some((n) => kept.has(n))).map((p) => ({ ...p, cites: p.cites.filter((n) => kept.has(n)) })),
  }));
  return redactFor(db, denied, { ...draft, sections, citations });
}

/**
 * Urgent-appeal and press-brief drafts built from the case, edited by the caseworker and
 * exported as HTML or PDF. An edit may reword a fact but not drop its sources: a paragraph
 * marked as a fact must keep at least one citation that exists.
 */
export function draftRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const analyst = requireRole('analyst');
  const load = async (c: Parameters<Parameters<typeof app.openapi>[1]>[0], personId: string, draftId: string) => {
    const row = await c.get('deps').store.db.selectFrom('drafts').selectAll().where('id', '=', draftId).where('person_id', '=', personId).executeTakeFirst();
    if (!row) throw new VigilError('not_found', 'no such draft on this case');
    return { ...row, draft: JSON.parse(row.body) as Draft };
  };

  app.openapi(
    createRoute({ method: 'post', path: '/cases/{id}/drafts', tags: ['casework'], summary: 'Draft an urgent appeal or a press brief from the case', middleware: [analyst] as const, request: { params: IdParam, ...body(z.object({ kind: z.enum(['appeal', 'brief']) })) }, responses: { 201: ok(z.object({ id: z.string(), draft: z.record(z.string(), z.unknown()) }), 'the draft'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const personId = await livePersonId(store.db, c.req.valid('param').id);
      const view = await caseView(store.db, personId, await deniedOf(c));
      const input = await redactFor(store.db, await deniedOf(c), {
        ...view,
        aliases: view.aliases.map((a) => a.alias),
        status: { status: view.status.status, reason: view.status.reason, since: view.status.since },
        whereabouts: (await whereaboutsSummary(store.db, personId, store.now())).summary,
        statements: await caseStatements(store.db, personId),
        outreach: (await outreachOf(store.db, personId)).reverse(),
      });
      const draft = buildDraft(c.req.valid('json').kind, input, store.now().toISOString().slice(0, 10));
      const id = await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        const id = await saveDraft(tx, { person_id: personId, kind: draft.kind, body: JSON.stringify(draft), created_by: user.id, created_at: at, updated_by: user.id, updated_at: at });
        await writeAudit(tx, at, { actor: user.id, action: 'draft.created', entityType: 'person', entityId: personId, detail: { draft: id, kind: draft.kind, citations: draft.citations.length } });
        return id;
      });
      return c.json({ id, draft }, 201);
    },
  );

  app.openapi(createRoute({ method: 'get', path: '/cases/{id}/drafts', tags: ['casework'], summary: "The case's drafts, newest first", request: { params: IdParam }, responses: { 200: ok(z.object({ drafts: z.array(z.record(z.string(), z.unknown())) }), 'drafts'), ...ERRORS } }), async (c) => {
    const db = c.get('deps').store.db;
    const rows = await draftsOf(db, await livePersonId(db, c.req.valid('param').id));
    const denied = await deniedOf(c);
    const drafts = [];
    for (const { body: b, ...r } of rows) drafts.push({ ...r, draft: await visibleDraft(db, denied, JSON.parse(b) as Draft) });
    return c.json({ drafts }, 200);
  });

  app.openapi(
    createRoute({ method: 'put', path: '/cases/{id}/drafts/{draftId}', tags: ['casework'], summary: 'Save an edited draft', middleware: [analyst] as const, request: { params: DraftParams, ...body(DraftBody) }, responses: { 200: ok(z.object({ id: z.string() }), 'saved'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const personId = await livePersonId(store.db, c.req.valid('param').id);
      const { draftId } = c.req.valid('param');
      const before = await load(c, personId, draftId);
      const edited = c.req.valid('json');
      const known = new Set(before.draft.citations.map((k) => k.n));
      for (const s of edited.sections) {
        for (const p of s.paragraphs) {
          if (p.cites.some((n) => !known.has(n))) throw new VigilError('invalid_input', `"${p.text.slice(0, 60)}…" cites a source the draft does not have`);
          if (p.fact && !p.cites.length) throw new VigilError('invalid_input', `"${p.text.slice(0, 60)}…" states a fact without a source; keep at least one citation`);
        }
      }
      // The sources themselves are the case's record, not the writer's: they are kept as generated.
      const draft: Draft = { kind: before.draft.kind, title: edited.title, sections: edited.sections, citations: before.draft.citations };
      await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        await tx.updateTable('drafts').set({ body: JSON.stringify(draft), updated_by: user.id, updated_at: at }).where('id', '=', draftId).execute();
        await writeAudit(tx, at, { actor: user.id, action: 'draft.edited', entityType: 'person', entityId: personId, detail: { draft: draftId } });
      });
      return c.json({ id: draftId }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/cases/{id}/drafts/{draftId}/export', tags: ['casework'], summary: 'A draft as HTML or PDF', request: { params: DraftParams, query: z.object({ format: z.enum(['html', 'pdf']).default('html') }) }, responses: { 200: { description: 'the document', content: { 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string() } } }, ...ERRORS } }),
    async (c) => {
      const db = c.get('deps').store.db;
      const personId = await livePersonId(db, c.req.valid('param').id);
      const draft = await visibleDraft(db, await deniedOf(c), (await load(c, personId, c.req.valid('param').draftId)).draft);
      const name = `vigil-${draft.kind}-${c.get('deps').store.now().toISOString().slice(0, 10)}`;
      if (c.req.valid('query').format === 'pdf') {
        const pdf = await draftPdf(draft);
        return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}.pdf"` });
      }
      c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      return c.html(draftHtml(draft), 200);
    },
  );
  return app;
}
