import { createHmac } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { VigilError } from '../core/errors.js';
import { WITHHELD, deniedFor, scrubNames } from '../storage/access.js';
import type { Channels } from '../storage/alerts.js';
import { safeAddress } from './address.js';
import { alertsOfRule, latestNews, toAlertView } from '../storage/alerts.js';
import type { Db } from '../storage/store.js';
import type { JobHandler } from './worker.js';

export interface DeliveryConfig {
  /** Where the app is reached, for links in messages (`http://127.0.0.1:8080`). */
  baseUrl: string;
  /** `smtp://user:pass@host:587`; without it e-mail deliveries fail with a clear reason and are retried. */
  smtpUrl?: string;
  mailFrom?: string;
  fetchImpl?: typeof fetch;
}

/**
 * The alert a delivery job names, and the channels it goes to: those of the rule that raised it
 * again (`ruleId` in the payload: its candidate was folded into another rule's open alert), else of
 * the rule that raised it. `again`: raised again since it was first sent; the newest news leads.
 */
async function alertWithRule(db: Db, payload: Record<string, unknown>) {
  const alertId = String(payload.alertId);
  const alert = await db.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirst();
  if (!alert) throw new VigilError('not_found', `alert ${alertId} is gone`);
  const ruleId = typeof payload.ruleId === 'string' ? payload.ruleId : alert.rule_id;
  const rule = ruleId ? await db.selectFrom('alert_rules').selectAll().where('id', '=', ruleId).executeTakeFirst() : undefined;
  const person = await db.selectFrom('persons').select(['name', 'status', 'restricted', 'code_name']).where('id', '=', alert.person_id).executeTakeFirst();
  // Deliveries go outside Vigil, to no member of any case: restricted names as a non-member sees them.
  const outside = await deniedFor(db, '');
  const message = scrubNames(outside, alert.message);
  return { alert: { ...toAlertView(alert), message }, again: payload.again === true, news: latestNews(message), channels: (rule ? JSON.parse(rule.channels) : {}) as Channels, person };
}

/** A restricted case leaves Vigil under its code name only (or withheld): a webhook's receiver is no member. */
function deliveredName(p: { name: string; restricted: number; code_name: string | null }): string {
  return p.restricted ? (p.code_name ?? WITHHELD) : p.name;
}

/** `sha256=` HMAC of `timestamp.body` with the rule's secret: the receiver recomputes it and rejects replays by the timestamp. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhookHandler(config: DeliveryConfig): JobHandler {
  return async (job, ctx) => {
    const { alert, again, news, channels, person } = await alertWithRule(ctx.store.db, job.payload);
    if (!channels.webhook) return;
    // `again`: the alert was raised again (`news` is what raised it), as the receiver would be told of a new one.
    const body = JSON.stringify({ type: 'vigil.alert', alert, ...(again ? { again, news } : {}), person: { id: alert.person_id, name: person ? deliveredName(person) : null, status: person?.status }, link: `${config.baseUrl}/cases/${alert.person_id}` });
    const timestamp = String(Math.floor(ctx.store.now().getTime() / 1000));
    // A webhook is fetched like a page: public addresses only, unless allowed (VIGIL_FETCH_ALLOW); no redirects.
    if (!config.fetchImpl) await safeAddress(new URL(channels.webhook.url));
    let res: Response;
    try {
      res = await (config.fetchImpl ?? fetch)(channels.webhook.url, {
        redirect: 'manual',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-vigil-timestamp': timestamp, 'x-vigil-signature': signWebhook(channels.webhook.secret, timestamp, body) },
        body,
        signal: AbortSignal.timeout(15_000),
      });
    } catch (err) {
      throw new VigilError('unavailable', `webhook ${new URL(channels.webhook.url).host} unreachable: ${(err as Error).message}`);
    }
    if (!res.ok) throw new VigilError('unavailable', `webhook ${new URL(channels.webhook.url).host} answered ${res.status}`);
  };
}

/**
 * The SMTP transport, made on the first message sent (one per handler, as before): nodemailer is
 * loaded only by a process that sends mail, not by every one that reaches this module.
 */
function smtpTransport(smtpUrl: string | undefined): (() => Promise<Transporter>) | null {
  if (!smtpUrl) return null;
  let made: Promise<Transporter> | undefined;
  return () => (made ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(withTimeouts(smtpUrl))));
}

/**
 * SMTP timeouts well inside a delivery job's lease (five minutes): nodemailer waits up to ten
 * for a silent server, and a second worker would then take the job over and send the message
 * again. An administrator's own values in the URL (`?socketTimeout=…`) are kept.
 */
export const SMTP_TIMEOUTS: Readonly<Record<string, number>> = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

export function withTimeouts(smtpUrl: string): string {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return smtpUrl; // nodemailer says what is wrong with it when it sends
  }
  for (const [key, ms] of Object.entries(SMTP_TIMEOUTS)) if (!url.searchParams.has(key)) url.searchParams.set(key, String(ms));
  return url.toString();
}

export function emailHandler(config: DeliveryConfig): JobHandler {
  const transport = smtpTransport(config.smtpUrl);
  return async (job, ctx) => {
    const { alert, again, news, channels } = await alertWithRule(ctx.store.db, job.payload);
    if (!channels.email?.length) return;
    if (!transport) throw new VigilError('unavailable', 'e-mail alerts are configured but no SMTP server is (set VIGIL_SMTP_URL)');
    await (await transport()).sendMail({
      from: config.mailFrom ?? 'vigil@localhost',
      to: channels.email,
      // The rule first, without the quotes a message sets it in: a plain subject line. Raised
      // again, the news that raised it leads, not the first line the desk already had.
      subject: `[Vigil] ${again ? 'again: ' : ''}${(again ? news : alert.message).replace(/^Rule "([^"]+)": /, '$1: ').slice(0, 150)}`,
      text: `${again ? `Raised again: ${news}\n\nThe alert: ` : ''}${alert.message}\n\nEvidence: ${alert.report_ids.length} report(s).\nOpen the case: ${config.baseUrl}/cases/${alert.person_id}\n`,
    });
  };
}

/** The daily digest of one rule: one message listing the day's alerts (none sent for a quiet day). */
export function digestHandler(config: DeliveryConfig): JobHandler {
  const transport = smtpTransport(config.smtpUrl);
  return async (job, ctx) => {
    const db = ctx.store.db;
    const rule = await db.selectFrom('alert_rules').selectAll().where('id', '=', String(job.payload.ruleId)).executeTakeFirst();
    if (!rule) return;
    const channels = JSON.parse(rule.channels) as Channels;
    if (!channels.email?.length) return;
    const day = String(job.payload.day);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
    const alerts = await alertsOfRule(db, rule.id, `${day}T00:00:00.000Z`, next);
    if (!alerts.length) return;
    if (!transport) throw new VigilError('unavailable', 'e-mail alerts are configured but no SMTP server is (set VIGIL_SMTP_URL)');
    const lines = alerts.map((a) => `- ${a.message}${a.urgent ? '' : ' (backfill)'}\n  ${config.baseUrl}/cases/${a.person_id}`);
    await (await transport()).sendMail({
      from: config.mailFrom ?? 'vigil@localhost',
      to: channels.email,
      subject: `[Vigil] ${alerts.length} alert${alerts.length === 1 ? '' : 's'} on ${day}`,
      text: `Alerts raised on ${day}:\n\n${lines.join('\n')}\n\nAcknowledge them at ${config.baseUrl}/alerts\n`,
    });
  };
}
