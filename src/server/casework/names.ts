import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { normalizeName } from '../../cases/names.js';
import { scriptOf, transliterate } from '../../cases/scripts.js';
import { VigilError } from '../../core/errors.js';
import { writeAudit } from '../../storage/audit.js';
import { livePersonId } from '../../storage/persons.js';
import { requireRole } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, IdParam, body, ok } from '../schemas.js';

/**
 * Names in any script: the person's name as they write it (Khmer, Thai, Arabic, Cyrillic…)
 * beside the spellings the reports use. Each is kept with its script; a name in another script
 * also gets a machine transliteration, and search matches every one of them.
 */
export function nameRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/names',
      tags: ['casework'],
      summary: 'Add a name: the original in its own script, or a transliteration',
      middleware: [requireRole('analyst')] as const,
      request: { params: IdParam, ...body(z.object({ name: z.string().trim().min(1).max(300), kind: z.enum(['original', 'transliteration']).default('original') })) },
      responses: { 201: ok(z.object({ added: z.array(z.object({ alias: z.string(), script: z.string().nullable(), kind: z.string() })) }), 'added'), ...ERRORS },
    }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const personId = await livePersonId(store.db, c.req.valid('param').id);
      const { name, kind } = c.req.valid('json');
      const script = scriptOf(name);
      if (!script) throw new VigilError('invalid_input', 'a name needs letters');
      const latin = kind === 'original' ? transliterate(name) : null;
      const wanted = [{ alias: name, script, kind }, ...(latin ? [{ alias: latin, script: 'Latn', kind: 'transliteration' }] : [])];
      const added = await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        const known = new Set((await tx.selectFrom('person_aliases').select('normalized').where('person_id', '=', personId).execute()).map((r) => r.normalized));
        const fresh = wanted.filter((w) => !known.has(normalizeName(w.alias)));
        for (const w of fresh) await tx.insertInto('person_aliases').values({ person_id: personId, normalized: normalizeName(w.alias), alias: w.alias, report_id: null, created_at: at, script: w.script, kind: w.kind }).execute();
        if (fresh.length) await writeAudit(tx, at, { actor: user.id, action: 'person.names_added', entityType: 'person', entityId: personId, detail: { names: fresh } });
        return fresh;
      });
      return c.json({ added }, 201);
    },
  );
  return app;
}
