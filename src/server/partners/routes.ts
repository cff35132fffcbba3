import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Bundle } from '../../cases/sharing/bundle.js';
import { fingerprintOf } from '../../cases/sharing/signing.js';
import { VigilError } from '../../core/errors.js';
import { addPartner, bundlesOf, identity, listPartners, removePartner, setOrganisationName } from '../../storage/bundles.js';
import { livePersonId } from '../../storage/persons.js';
import { deniedOf } from '../access.js';
import { requireRole } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, IdParam, body, ok } from '../schemas.js';
import { BundleRequest, BundleSchema, IdentitySchema, PartnerSchema } from './schema.js';
import { acceptBundle, makeBundle } from './make.js';

const MAX_BUNDLE_BYTES = 32 * 1024 * 1024;

/**
 * Sharing with partner organisations: this Vigil's name and public key (to read out to a
 * partner), the partners whose keys it trusts (admins register them), a case made into a signed,
 * redacted bundle, and a partner's bundle imported, refused unless its signature is good.
 */
export function partnerRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const analyst = requireRole('analyst');
  const admin = requireRole('admin');
  const now = (c: { get: (k: 'deps') => AppEnv['Variables']['deps'] }) => c.get('deps').store.now().toISOString();

  app.openapi(createRoute({ method: 'get', path: '/sharing/identity', tags: ['sharing'], summary: "This Vigil's name and public key, for partners to register", middleware: [analyst] as const, responses: { 200: ok(IdentitySchema, 'who we are'), ...ERRORS } }), async (c) =>
    c.json(await identity(c.get('deps').store.db, now(c), c.get('user').id), 200),
  );

  app.openapi(
    createRoute({ method: 'put', path: '/sharing/identity', tags: ['sharing'], summary: 'Name this organisation in the bundles it signs', middleware: [admin] as const, request: body(z.object({ name: z.string().trim().min(2).max(200) })), responses: { 200: ok(IdentitySchema, 'who we are'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      await store.db.transaction().execute((tx) => setOrganisationName(tx, now(c), c.get('user').id, c.req.valid('json').name));
      return c.json(await identity(store.db, now(c), c.get('user').id), 200);
    },
  );

  app.openapi(createRoute({ method: 'get', path: '/partners', tags: ['sharing'], summary: 'Partner organisations whose bundles are accepted', middleware: [analyst] as const, responses: { 200: ok(z.array(PartnerSchema), 'partners'), ...ERRORS } }), async (c) =>
    c.json(await listPartners(c.get('deps').store.db), 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/partners', tags: ['sharing'], summary: "Register a partner's public key (compare its fingerprint with them first)", middleware: [admin] as const, request: body(z.object({ name: z.string().trim().min(2).max(200), publicKey: z.string().min(40).max(2000) })), responses: { 201: ok(PartnerSchema, 'registered'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const { name, publicKey } = c.req.valid('json');
      if (fingerprintOf(publicKey) === (await identity(store.db, now(c), c.get('user').id)).fingerprint) throw new VigilError('invalid_input', "that is this Vigil's own key");
      return c.json(await store.db.transaction().execute((tx) => addPartner(tx, now(c), c.get('user').id, name, publicKey)), 201);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/partners/{id}', tags: ['sharing'], summary: 'Stop accepting bundles signed with this key', middleware: [admin] as const, request: { params: IdParam }, responses: { 204: { description: 'removed' }, ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      await store.db.transaction().execute((tx) => removePartner(tx, now(c), c.get('user').id, c.req.valid('param').id));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/cases/{id}/bundle', tags: ['sharing'], summary: 'The case, or chosen parts of it, as a signed and redacted bundle for a partner', middleware: [analyst] as const, request: { params: IdParam, ...body(BundleRequest) }, responses: { 200: ok(z.record(z.string(), z.unknown()).openapi({ description: 'a Bundle' }), 'the bundle (a download)'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const personId = await livePersonId(store.db, c.req.valid('param').id);
      const bundle = await makeBundle(store, c.get('user').id, personId, await deniedOf(c), c.req.valid('json'));
      c.header('Content-Disposition', `attachment; filename="vigil-bundle-${bundle.issuedAt.slice(0, 10)}-${bundle.id.slice(0, 8)}.json"`);
      return c.json(bundle, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/cases/{id}/bundles', tags: ['sharing'], summary: 'Bundles made from this case or that opened it', middleware: [analyst] as const, request: { params: IdParam }, responses: { 200: ok(z.array(z.record(z.string(), z.unknown())), 'the log'), ...ERRORS } }),
    async (c) => {
      const db = c.get('deps').store.db;
      const rows = await bundlesOf(db, await livePersonId(db, c.req.valid('param').id));
      return c.json(rows.map((r) => ({ ...r, summary: JSON.parse(r.summary) as unknown })), 200);
    },
  );

  app.post('/bundles/import', bodyLimit({ maxSize: MAX_BUNDLE_BYTES, onError: () => { throw new VigilError('input_too_large', `a bundle may be at most ${MAX_BUNDLE_BYTES / 1048576} MB`); } }));
  app.openapi(
    createRoute({ method: 'post', path: '/bundles/import', tags: ['sharing'], summary: "Open a case from a partner's signed bundle", middleware: [analyst] as const, request: body(BundleSchema), responses: { 201: ok(z.object({ caseId: z.string(), partner: z.string(), reports: z.number(), events: z.number(), statements: z.number(), whereabouts: z.number(), notes: z.number(), dropped: z.number() }), 'imported'), 409: ok(z.any(), 'already imported'), ...ERRORS } }),
    async (c) => {
      const result = await acceptBundle(c.get('deps').store, c.get('user').id, c.req.valid('json') as Bundle & { signature: string });
      return c.json(result, 201);
    },
  );

  return app;
}
