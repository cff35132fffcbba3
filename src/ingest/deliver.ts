import { createHmac } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { VigilError } from '../core/errors.js';
import { WITHHELD, deniedFor, scrubNames } from '../storage/access.js';
import type { AlertRule } from '../cases/alerts.js';
import { ruleLabel } from '../cases/alerts.js';
import type { Channels } from '../storage/alerts.js';
import type { AlertsTable } from '../storage/schema.js';
import { safeAddress } from './address.js';
import { alertsOfRule, latestNews, toAlertView } from '../storage/alerts.js';
import { effectiveStatus } from '../storage/cases.js';
import type { Db } from '../storage/store.js';
import type { JobHandler } from './worker.js';

export interface DeliveryConfig {
  /** Where the app is reached, for links in messages (`http://127.0.0.1:8080`). */
  baseUrl: string;
  /** `smtp://user:pass@host:587`; without it e-mail deliveries fail with a clear reason and are retried. */
  smtpUrl?: string;
  mailFrom?: string;
  fetchImpl?: typeof fetch;
  /** Where a delivery that was not sent says so (one line, ids only). */
  log?: (message: string) => void;
}

/**
 * The alert a delivery job names, and the channels it goes to: those of the rule that raised it
 * again (`ruleId` in the payload: its candidate was folded into another rule's open alert), else of
 * the rule that raised it. `again`: raised again since it was first sent; the newest news leads.
 * `withheld`: why nothing is to be sent after all (null: send), read when the job runs, not when it
 * was queued: a job may wait hours for an SMTP server or a webhook that answers.
 */
async function alertWithRule(db: Db, payload: Record<string, unknown>) {
  const alertId = String(payload.alertId);
  const alert = await db.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirst();
  if (!alert) throw new VigilError('not_found', `alert ${alertId} is gone`);
  const ruleId = typeof payload.ruleId === 'string' ? payload.ruleId : alert.rule_id;
  const rule = ruleId ? await db.selectFrom('alert_rules').selectAll().where('id', '=', ruleId).executeTakeFirst() : undefined;
  const person = await db.selectFrom('persons').select(['name', 'status', 'status_override', 'status_reason', 'held_at', 'restricted', 'code_name']).where('id', '=', alert.person_id).executeTakeFirst();
  // Deliveries go outside Vigil, to no member of any case: restricted names as a non-member sees them.
  const outside = await deniedFor(db, '');
  const message = scrubNames(outside, alert.message);
  return {
    alert: { ...toAlertView(alert), message },
    again: payload.again === true,
    news: latestNews(message),
    channels: (rule ? JSON.parse(rule.channels) : {}) as Channels,
    rule: rule ? ({ kind: rule.kind, ...JSON.parse(rule.params) } as AlertRule) : null,
    person,
    outside,
    withheld: withheldBecause(alert, rule ? { id: rule.id, enabled: rule.enabled === 1 } : null),
  };
}

/**
 * Why a delivery is not to go out when its job runs, or null: the desk acknowledged the alert (and
 * it was not raised again since: `raised_at` moves when an urgent candidate folded into the open
 * alert is told as new), or its rule was disabled or deleted since the job was queued.
 */
export function withheldBecause(alert: Pick<AlertsTable, 'acknowledged_at' | 'raised_at'>, rule: { id: string; enabled: boolean } | null): string | null {
  if (alert.acknowledged_at !== null && alert.acknowledged_at >= alert.raised_at) return `acknowledged at ${alert.acknowledged_at} before it went out`;
  if (!rule) return 'its alert rule was deleted';
  if (!rule.enabled) return `its alert rule ${rule.id} is disabled`;
  return null;
}

/** Completes the job without sending: one line that names the job and the alert by id, never a person. */
function skipped(config: DeliveryConfig, kind: string, jobId: string, alertId: string, why: string): void {
  config.log?.(`${kind} ${jobId}: alert ${alertId} not sent: ${why}`);
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
    const { alert, again, news, channels, person, withheld } = await alertWithRule(ctx.store.db, job.payload);
    if (withheld) return skipped(config, job.kind, job.id, alert.id, withheld);
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

/** The longest subject line sent; what goes past it is the rule's name, at the end. */
const SUBJECT_MAX = 200;

/**
 * What happened, in a few words, from an alert line (`Rule "…": Name, what (detail); more`): the
 * words after the person's name up to the detail, e.g. "disappearance", "whereabouts unknown",
 * "detained, place not stated", "no proof of life for 30 hours".
 */
export function whatHappened(line: string, name: string): string {
  let rest = line.replace(/^Rule "[^"]*": /, '');
  if (rest.startsWith(`${name}, `)) rest = rest.slice(name.length + 2);
  const cut = rest.search(/ \(|;| — | · /);
  const what = (cut < 0 ? rest : rest.slice(0, cut)).trim();
  return what.length > 80 ? `${what.slice(0, 79)}…` : what;
}

/**
 * The e-mail of one alert. The subject leads with the person and what happened, then the rule
 * (`[Vigil] again: Oren Dalvik: killing (rule: new charge, …)`), cut at the rule's end when long.
 * The body starts with the person, the status, the place held if known and the reports' titles,
 * then the rule's lines. A restricted case is named as every delivery names it (its code name, or
 * withheld) and its place of custody and reports' titles are left out: an e-mail leaves Vigil to no
 * member of the case; every other title goes as a non-member reads it (restricted names scrubbed).
 */
export async function alertMail(db: Db, d: Awaited<ReturnType<typeof alertWithRule>>, baseUrl: string): Promise<{ subject: string; text: string }> {
  const { alert, again, news, person, rule, outside } = d;
  const name = person ? deliveredName(person) : WITHHELD;
  const restricted = !person || person.restricted === 1;
  const headline = again ? news : alert.message.split(' · also: ')[0]!;
  // The line names the person as the delivery does: the code name, or what scrubbing left (`WITHHELD`).
  const what = whatHappened(headline, name);
  const lead = `[Vigil] ${again ? 'again: ' : ''}${name}: ${what}`;
  // Plain ASCII around the words (no '·'): a subject of ASCII names goes unencoded, readable in any client.
  const subject = rule ? `${lead} (rule: ${ruleLabel(rule)})` : lead;
  const titles = restricted || !alert.report_ids.length ? [] : await db.selectFrom('reports').select(['id', 'title']).where('id', 'in', alert.report_ids).execute();
  const reports = restricted
    ? [`Reports: ${alert.report_ids.length} (titles withheld: a restricted case)`]
    : alert.report_ids.length
      ? ['Reports:', ...titles.map((r) => `- ${r.title ? scrubNames(outside, r.title) : '(untitled report)'}`)]
      : [];
  const lines = [
    name,
    `Status: ${person ? effectiveStatus(person).status.replace(/_/g, ' ') : 'not known'}`,
    ...(person?.held_at && !restricted ? [`Held at: ${scrubNames(outside, person.held_at)}`] : []),
    ...reports,
    '',
    ...(again ? [`Raised again: ${news}`, '', `The alert: ${alert.message}`] : [alert.message]),
    ...(rule ? ['', `Rule: ${ruleLabel(rule)}`] : []),
    '',
    `Open the case: ${baseUrl}/cases/${alert.person_id}`,
  ];
  return { subject: subject.length > SUBJECT_MAX ? `${subject.slice(0, SUBJECT_MAX - 3)}...` : subject, text: `${lines.join('\n')}\n` };
}

export function emailHandler(config: DeliveryConfig): JobHandler {
  const transport = smtpTransport(config.smtpUrl);
  return async (job, ctx) => {
    const delivery = await alertWithRule(ctx.store.db, job.payload);
    const { alert, channels, withheld } = delivery;
    if (withheld) return skipped(config, job.kind, job.id, alert.id, withheld);
    if (!channels.email?.length) return;
    if (!transport) throw new VigilError('unavailable', 'e-mail alerts are configured but no SMTP server is (set VIGIL_SMTP_URL)');
    const { subject, text } = await alertMail(ctx.store.db, delivery, config.baseUrl);
    await (await transport()).sendMail({ from: config.mailFrom ?? 'vigil@localhost', to: channels.email, subject, text });
  };
}

/** The daily digest of one rule: one message listing the day's alerts (none sent for a quiet day). */
export function digestHandler(config: DeliveryConfig): JobHandler {
  const transport = smtpTransport(config.smtpUrl);
  return async (job, ctx) => {
    const db = ctx.store.db;
    const rule = await db.selectFrom('alert_rules').selectAll().where('id', '=', String(job.payload.ruleId)).executeTakeFirst();
    // A rule deleted or disabled since the digest was queued sends nothing.
    if (!rule) return;
    if (rule.enabled !== 1) return config.log?.(`${job.kind} ${job.id}: digest not sent: its alert rule ${rule.id} is disabled`);
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
