import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { VigilError } from '../../core/errors.js';
import type { Channels as StoredChannels, StoredRule } from '../../storage/alerts.js';
import { acknowledgeAlerts, createRule, deleteRule, getRule, listAlerts, listRules, updateRule } from '../../storage/alerts.js';
import { decodeCursor, nextCursor } from '../../storage/paging.js';
import { personVisible } from '../../storage/access.js';
import { writeAudit } from '../../storage/audit.js';
import { requireRole } from '../auth/middleware.js';
import { deniedOf } from '../access.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { ERRORS, IdParam, Paging, body, ok } from '../schemas.js';
import { EVENT_TYPES } from '../../text/types.js';

const Alert = z
  .object({ id: z.string(), key: z.string(), rule_id: z.string().nullable(), kind: z.string(), person_id: z.string(), message: z.string(), event_ids: z.array(z.string()), report_ids: z.array(z.string()), created_at: z.string(), raised_at: z.string().openapi({ description: 'when it was last raised: created_at, or later when an urgent candidate of its episode was folded into it and told as new (the list is in this order)' }), raised_by: z.string().nullable(), status: z.string().nullable(), acknowledged_by: z.string().nullable(), acknowledged_at: z.string().nullable(), episode: z.string().nullable(), urgent: z.boolean(), rule: z.string().nullable() })
  .openapi('Alert');
const RuleBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('whereabouts_unknown'), hours: z.number().positive().max(24 * 365) }),
  z.object({ kind: z.literal('returned_to_fled_country') }),
  z.object({ kind: z.literal('new_event'), types: z.array(z.enum(EVENT_TYPES)).min(1) }),
  z.object({ kind: z.literal('no_news'), days: z.number().positive().max(3650) }),
  z.object({ kind: z.literal('proof_of_life'), hours: z.number().positive().max(24 * 365) }),
]);
const Channels = z.object({
  webhook: z.object({ url: z.string().url(), secret: z.string().min(16).max(200) }).optional(),
  email: z.array(z.string().email()).max(50).optional(),
  // One e-mail a day listing the rule's alerts, instead of one per alert.
  digest: z.literal('daily').optional(),
});
/** A change of channels: as when adding a rule, except that a webhook whose URL stays may leave out its secret (the stored one is kept). */
const ChannelsChange = Channels.extend({ webhook: z.object({ url: z.string().url(), secret: z.string().min(16).max(200).optional() }).optional() });
const RulePatch = z
  .object({ enabled: z.boolean().optional(), rule: RuleBody.optional().openapi({ description: "new parameters (hours, days, types); the rule's kind cannot change" }), channels: ChannelsChange.optional().openapi({ description: 'the channels, replaced whole' }) })
  .refine((b) => b.enabled !== undefined || b.rule !== undefined || b.channels !== undefined, { message: 'nothing to change: give enabled, rule or channels' });

/** A rule as the audit trail keeps it: where its alerts go, never the webhook's secret. */
function audited(r: StoredRule) {
  return { rule: r.rule, enabled: r.enabled, webhook: r.channels.webhook?.url ?? null, email: r.channels.email ?? [], digest: r.channels.digest ?? null };
}

/** What an admin is told when a rule's e-mails cannot go out yet. */
export const NO_SMTP = 'no SMTP server is configured (set VIGIL_SMTP_URL and restart): the rule is kept and its e-mails wait until one is';

/** An enabled rule's e-mail channel with no SMTP server: kept (one may be set up later), and the admin told now, not by a log line. */
function mailWarnings(mail: boolean | undefined, enabled: boolean, channels: StoredChannels): string[] {
  return enabled && channels.email?.length && mail === false ? [NO_SMTP] : [];
}

/** A rule's channels as an answer shows them to those who may see where alerts go: the webhook's secret never. */
function withoutSecret({ webhook, email, digest }: StoredChannels) {
  return { ...(webhook ? { webhook: { url: webhook.url } } : {}), ...(email ? { email } : {}), ...(digest ? { digest } : {}) };
}

const Rule = z.object({ id: z.string(), rule: RuleBody, enabled: z.boolean(), channels: z.object({ webhook: z.object({ url: z.string() }).optional(), email: z.array(z.string()).optional(), digest: z.literal('daily').optional() }) }).openapi('AlertRule');

export function alertRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({ method: 'get', path: '/alerts', tags: ['alerts'], summary: 'Alerts, the newest raised first', request: { query: Paging.extend({ open: z.enum(['true', 'false']).optional() }) }, responses: { 200: ok(z.object({ alerts: z.array(Alert), next: z.string().nullable() }), 'a page of alerts; `next` is the cursor of the page after it'), ...ERRORS } }),
    async (c) => {
      const { limit, offset, cursor, open } = c.req.valid('query');
      const alerts = await listAlerts(c.get('deps').store.db, { limit, offset, open: open === 'true', denied: await deniedOf(c), ...(cursor ? { cursor: decodeCursor(cursor) } : {}) });
      return c.json({ alerts, next: nextCursor(alerts, limit, (r) => ({ at: r.raised_at, id: r.id })) }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/alerts/{id}/ack', tags: ['alerts'], summary: 'Acknowledge an alert', middleware: [requireRole('analyst')] as const, request: { params: IdParam }, responses: { 204: { description: 'acknowledged' }, 404: ok(z.any(), 'no such alert'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const denied = await deniedOf(c);
      await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        const r = await tx.updateTable('alerts').set({ acknowledged_by: user.id, acknowledged_at: at }).where('id', '=', id).where('acknowledged_at', 'is', null).where(personVisible(denied, 'alerts.person_id')).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new VigilError('not_found', 'no such open alert');
        await writeAudit(tx, at, { actor: user.id, action: 'alert.acknowledged', entityType: 'alert', entityId: id });
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/alerts/ack', tags: ['alerts'], summary: 'Acknowledge several alerts at once (the open ones among them the caller may see)', middleware: [requireRole('analyst')] as const, request: body(z.object({ ids: z.array(z.string().min(1)).min(1).max(1000) })), responses: { 200: ok(z.object({ acknowledged: z.array(z.string()) }), 'the alerts acknowledged'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const { ids } = c.req.valid('json');
      const denied = await deniedOf(c);
      const acknowledged = await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        const done = await acknowledgeAlerts(tx, at, user.id, [...new Set(ids)], denied);
        for (const id of done) await writeAudit(tx, at, { actor: user.id, action: 'alert.acknowledged', entityType: 'alert', entityId: id, detail: { bulk: true } });
        return done;
      });
      return c.json({ acknowledged }, 200);
    },
  );

  app.openapi(createRoute({ method: 'get', path: '/alert-rules', tags: ['alerts'], summary: 'Alert rules (webhook secrets are not shown)', responses: { 200: ok(z.object({ rules: z.array(Rule), mail: z.boolean().openapi({ description: 'false: no SMTP server is configured, and e-mail channels send nothing' }) }), 'rules'), ...ERRORS } }), async (c) => {
    const rules = await listRules(c.get('deps').store.db);
    // Where alerts go (a webhook's URL, the recipients' addresses) is for analysts and admins; a viewer sees that they go.
    const full = c.get('user').role !== 'viewer';
    const shown = (r: (typeof rules)[number]) => (full ? withoutSecret(r.channels) : { ...(r.channels.webhook ? { webhook: { url: '(hidden)' } } : {}), ...(r.channels.email ? { email: r.channels.email.map(() => '(hidden)') } : {}), ...(r.channels.digest ? { digest: r.channels.digest } : {}) });
    return c.json({ rules: rules.map((r) => ({ ...r, channels: shown(r) })), mail: c.get('deps').mail !== false }, 200);
  });

  app.openapi(
    createRoute({ method: 'post', path: '/alert-rules', tags: ['alerts'], summary: 'Add an alert rule (admin)', middleware: [requireRole('admin')] as const, request: body(z.object({ rule: RuleBody, channels: Channels.default({}) })), responses: { 201: ok(z.object({ id: z.string(), warnings: z.array(z.string()) }), 'created (warnings: what will not work as asked, e.g. e-mail with no SMTP server)'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const { rule, channels } = c.req.valid('json');
      const created = await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        const r = await createRule(tx, at, rule, channels);
        await writeAudit(tx, at, { actor: user.id, action: 'alert_rule.created', entityType: 'alert_rule', entityId: r.id, detail: { rule, webhook: channels.webhook?.url ?? null, email: channels.email ?? [] } });
        return r;
      });
      // kept either way (the server may be set up later), but the admin is told now, not by a log line
      return c.json({ id: created.id, warnings: mailWarnings(c.get('deps').mail, true, channels) }, 201);
    },
  );
  app.openapi(
    createRoute({ method: 'patch', path: '/alert-rules/{id}', tags: ['alerts'], summary: 'Enable or disable an alert rule, change its parameters or its channels (admin)', middleware: [requireRole('admin')] as const, request: { params: IdParam, ...body(RulePatch) }, responses: { 200: ok(z.object({ rule: Rule, warnings: z.array(z.string()) }), 'changed (webhook secret not shown)'), 404: ok(z.any(), 'no such rule'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      const changed = await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        const current = await getRule(tx, id);
        if (!current) throw new VigilError('not_found', 'no such alert rule');
        let channels: StoredChannels | undefined;
        if (patch.channels) {
          const { webhook, ...rest } = patch.channels;
          let secret = webhook?.secret;
          if (webhook && secret === undefined) {
            // A secret is only kept for the address it was agreed with.
            if (current.channels.webhook?.url !== webhook.url) throw new VigilError('invalid_input', 'a new webhook URL needs its secret (channels.webhook.secret)');
            secret = current.channels.webhook.secret;
          }
          channels = { ...rest, ...(webhook ? { webhook: { url: webhook.url, secret: secret! } } : {}) };
        }
        const r = await updateRule(tx, at, id, { ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}), ...(patch.rule ? { rule: patch.rule } : {}), ...(channels ? { channels } : {}) });
        if (!r) throw new VigilError('not_found', 'no such alert rule');
        const action = r.before.enabled !== r.after.enabled ? (r.after.enabled ? 'alert_rule.enabled' : 'alert_rule.disabled') : 'alert_rule.changed';
        await writeAudit(tx, at, { actor: user.id, action, entityType: 'alert_rule', entityId: id, detail: { from: audited(r.before), to: audited(r.after), webhookSecretChanged: (r.before.channels.webhook?.secret ?? null) !== (r.after.channels.webhook?.secret ?? null) } });
        return r.after;
      });
      return c.json({ rule: { ...changed, channels: withoutSecret(changed.channels) }, warnings: mailWarnings(c.get('deps').mail, changed.enabled, changed.channels) }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/alert-rules/{id}', tags: ['alerts'], summary: "Delete an alert rule (admin): its alerts stay (shown with `rule: null`); its queued deliveries and digests are cancelled", middleware: [requireRole('admin')] as const, request: { params: IdParam }, responses: { 204: { description: 'deleted' }, 404: ok(z.any(), 'no such rule'), ...ERRORS } }),
    async (c) => {
      const { store } = c.get('deps');
      const user = c.get('user');
      const { id } = c.req.valid('param');
      await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        // The alerts it raised are kept: the desk's record of what was raised and acknowledged (`deleteRule`).
        const gone = await deleteRule(tx, at, id);
        if (!gone) throw new VigilError('not_found', 'no such alert rule');
        await writeAudit(tx, at, { actor: user.id, action: 'alert_rule.deleted', entityType: 'alert_rule', entityId: id, detail: audited(gone) });
      });
      return c.body(null, 204);
    },
  );
  return app;
}
