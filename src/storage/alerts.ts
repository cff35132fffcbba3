import { randomUUID } from 'node:crypto';
import { VigilError } from '../core/errors.js';
import type { AlertCandidate, AlertDecision, AlertRule } from '../cases/alerts.js';
import { DEFAULT_RULES, decideAlert, ruleLabel } from '../cases/alerts.js';
import type { CaseStatus } from '../cases/status.js';
import type { AlertRulesTable, AlertsTable } from './schema.js';
import type { Db } from './store.js';
import type { Denied } from './access.js';
import { NOTHING_DENIED, personVisible } from './access.js';
import type { Cursor } from './paging.js';
import { makeWatchedDue } from './review.js';
import { after } from './paging.js';

/** Where a rule's alerts go besides the in-app list. */
export interface Channels {
  webhook?: { url: string; secret: string };
  email?: string[];
  /** 'daily': the e-mail channel gets one message a day listing the rule's alerts, not one per alert. */
  digest?: 'daily';
}

export interface StoredRule {
  id: string;
  rule: AlertRule;
  enabled: boolean;
  channels: Channels;
}

function toRule(r: AlertRulesTable): StoredRule {
  return { id: r.id, rule: { kind: r.kind, ...JSON.parse(r.params) } as AlertRule, enabled: r.enabled === 1, channels: JSON.parse(r.channels) as Channels };
}

export async function listRules(db: Db): Promise<StoredRule[]> {
  return (await db.selectFrom('alert_rules').selectAll().orderBy('created_at').orderBy('id').execute()).map(toRule);
}

/**
 * Adds a rule. An enabled one makes every watched case due for the scheduler in the same
 * transaction: the cases' due times were worked out from the rules there were, and the new one may
 * fire sooner (or for a case none could fire for). Whatever else comes to change or enable a rule
 * must do the same (`makeWatchedDue`).
 */
export async function createRule(tx: Db, at: string, rule: AlertRule, channels: Channels = {}, enabled = true): Promise<StoredRule> {
  const row: AlertRulesTable = { id: randomUUID(), kind: rule.kind, params: paramsOf(rule), enabled: enabled ? 1 : 0, channels: JSON.stringify(channels), created_at: at };
  await tx.insertInto('alert_rules').values(row).execute();
  if (enabled) await makeWatchedDue(tx, at);
  return toRule(row);
}

/** A rule's parameters as stored (`alert_rules.params`): everything but its kind. */
function paramsOf({ kind: _kind, ...params }: AlertRule): string {
  return JSON.stringify(params);
}

export async function getRule(db: Db, id: string): Promise<StoredRule | null> {
  const row = await db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRule(row) : null;
}

/** What a rule is changed to: any of its parameters (its kind stays), whether it is on, its channels (replaced whole). */
export interface RuleChange {
  rule?: AlertRule;
  enabled?: boolean;
  channels?: Channels;
}

/**
 * Changes a rule in the caller's transaction; null when there is none with this id. As for a new
 * rule (`createRule`), a rule left enabled whose parameters changed, or one enabled now, makes every
 * watched case due: their due times were worked out without it, or with its old hours or days. A
 * rule disabled now has its queued deliveries and digests cancelled (`cancelRuleDeliveries`): the
 * desk turned it off, and what it raised before must not go out later. (Changing channels alone
 * touches no due time: the jobs read the rule's channels when they run.)
 */
export async function updateRule(tx: Db, at: string, id: string, change: RuleChange): Promise<{ before: StoredRule; after: StoredRule } | null> {
  const before = await getRule(tx, id);
  if (!before) return null;
  const rule = change.rule ?? before.rule;
  if (rule.kind !== before.rule.kind) throw new VigilError('invalid_input', `a rule's kind cannot change (${before.rule.kind} to ${rule.kind}): add a new rule and delete this one`);
  const enabled = change.enabled ?? before.enabled;
  const channels = change.channels ?? before.channels;
  const params = paramsOf(rule);
  await tx.updateTable('alert_rules').set({ params, enabled: enabled ? 1 : 0, channels: JSON.stringify(channels) }).where('id', '=', id).execute();
  const after: StoredRule = { id, rule, enabled, channels };
  const paramsChanged = params !== paramsOf(before.rule);
  if (enabled && (!before.enabled || paramsChanged)) await makeWatchedDue(tx, at);
  if (!enabled && before.enabled) await cancelRuleDeliveries(tx, at, id, 'the alert rule was disabled');
  return { before, after };
}

/**
 * Deletes a rule in the caller's transaction; null when there is none. Its alerts are kept: they
 * are the desk's record of what was raised and acknowledged (the audit trail names them), so
 * `alerts.rule_id` and `raised_by` keep the id of a rule that is gone, and the list shows them with
 * `rule: null`. Its queued deliveries and digests are cancelled (`cancelRuleDeliveries`); a delivery
 * already running finds no rule when it reads it and sends nothing. No case needs to be made due:
 * a rule fewer can only make a case due later, and the scheduler stores the new time when it looks.
 */
export async function deleteRule(tx: Db, at: string, id: string): Promise<StoredRule | null> {
  const before = await getRule(tx, id);
  if (!before) return null;
  await cancelRuleDeliveries(tx, at, id, 'the alert rule was deleted');
  await tx.deleteFrom('alert_rules').where('id', '=', id).execute();
  return before;
}

/** What a delivery job names: the alert, and the rule whose channels it goes to when not the one that raised the alert. */
interface DeliveryPayload {
  alertId?: unknown;
  ruleId?: unknown;
}

/**
 * Marks the rule's queued webhook and e-mail deliveries, and its queued digests, done without
 * running them (`last_error` says why), in the caller's transaction; returns how many. A delivery
 * goes to the rule in its payload (`ruleId`), else to the rule that raised its alert. A job already
 * running is left to its worker: the handlers read the rule before sending and send nothing for a
 * rule disabled or gone. Kept rather than deleted: a digest is queued once per rule and day, ever.
 */
export async function cancelRuleDeliveries(tx: Db, at: string, ruleId: string, why: string): Promise<number> {
  const queued = await tx.selectFrom('jobs').select(['id', 'kind', 'key', 'payload']).where('state', '=', 'queued').where('kind', 'in', ['deliver.webhook', 'deliver.email', 'deliver.digest']).execute();
  const mine: string[] = [];
  const byAlert = new Map<string, string[]>();
  for (const j of queued) {
    if (j.kind === 'deliver.digest') {
      if (j.key?.startsWith(`digest:${ruleId}:`)) mine.push(j.id);
      continue;
    }
    const p = JSON.parse(j.payload) as DeliveryPayload;
    if (typeof p.ruleId === 'string') {
      if (p.ruleId === ruleId) mine.push(j.id);
    } else if (typeof p.alertId === 'string') byAlert.set(p.alertId, [...(byAlert.get(p.alertId) ?? []), j.id]);
  }
  const alertIds = [...byAlert.keys()];
  for (let i = 0; i < alertIds.length; i += 500) {
    const ofRule = await tx.selectFrom('alerts').select('id').where('id', 'in', alertIds.slice(i, i + 500)).where('rule_id', '=', ruleId).execute();
    for (const a of ofRule) mine.push(...byAlert.get(a.id)!);
  }
  for (let i = 0; i < mine.length; i += 500) {
    await tx.updateTable('jobs').set({ state: 'done', last_error: `cancelled: ${why}`, updated_at: at }).where('id', 'in', mine.slice(i, i + 500)).where('state', '=', 'queued').execute();
  }
  return mine.length;
}

/** A fresh database starts with the default rules, so the first report can already raise an alert. */
export async function ensureDefaultRules(tx: Db, at: string): Promise<void> {
  const any = await tx.selectFrom('alert_rules').select('id').limit(1).executeTakeFirst();
  if (!any) for (const r of DEFAULT_RULES) await createRule(tx, at, r);
}

/**
 * What became of a candidate: `raise`d as a new alert, `fold`ed into the episode's open alert, or
 * `attach`ed to its acknowledged one (`decideAlert`). `notify`: the rule's channels are to be told,
 * as for a new alert (an urgent alert raised, or an urgent candidate folded into an open one).
 */
export interface Raised {
  row: AlertsTable;
  action: AlertDecision['action'];
  notify: boolean;
}

/** The longest message an alert keeps. */
const MESSAGE_MAX = 4000;
/** Between an alert's message and a later candidate's folded into it. */
const ALSO = ' · also: ';

/**
 * The message with `more` appended. Past MESSAGE_MAX the middle goes, never the newest: an alert
 * raised again for a clock that ran out must still say so when the episode's news is long.
 */
export function appendFold(message: string, more: string): string {
  const whole = `${message}${ALSO}${more}`;
  if (whole.length <= MESSAGE_MAX) return whole;
  const tail = `${ALSO}${more}`.slice(0, MESSAGE_MAX / 2);
  const cut = ' · …';
  return `${message.slice(0, MESSAGE_MAX - tail.length - cut.length)}${cut}${tail}`;
}

/** The newest news of a message: what was folded into it last (the whole message when nothing was). */
export function latestNews(message: string): string {
  const at = message.lastIndexOf(ALSO);
  return at < 0 ? message : message.slice(at + ALSO.length);
}

/**
 * Stores the alert unless one with its key was raised, folded or attached before (null then: a
 * repeat). Otherwise `decideAlert` says where it goes, from the person's alert of the same episode:
 * the open one, else the newest acknowledged one (outside an episode, an open one only): one open
 * alert per person per episode. A fold or an attachment adds the candidate's words, evidence and key
 * to that alert; a fold of an urgent candidate also makes it urgent and raises it again (`raised_at`,
 * `raised_by`), for the caller to tell the channels. All in the caller's transaction.
 */
export async function raiseAlert(tx: Db, at: string, personId: string, ruleId: string, c: AlertCandidate): Promise<Raised | null> {
  const seen = await tx
    .selectFrom('alerts')
    .select('id')
    .where((eb) => eb.or([eb('key', '=', c.key), eb('folded_keys', 'like', `%${JSON.stringify(c.key)}%`)]))
    .limit(1)
    .executeTakeFirst();
  if (seen) return null;
  const ofEpisode = tx.selectFrom('alerts').selectAll().where('person_id', '=', personId);
  const episode = c.episode ? ofEpisode.where('episode', '=', c.episode) : ofEpisode.where('episode', 'is', null);
  const into =
    (await episode.where('acknowledged_at', 'is', null).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst()) ??
    // Outside an episode nothing is acknowledged for good: each fact is its own news.
    (c.episode ? await episode.where('acknowledged_at', 'is not', null).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst() : undefined);
  const decision = decideAlert(c, into ? { acknowledged: into.acknowledged_at !== null, status: (into.status as CaseStatus | null) ?? null } : null);
  if (into && decision.action !== 'raise') {
    const again = decision.action === 'fold' && decision.notify;
    const changes = {
      message: appendFold(into.message, c.message),
      event_ids: JSON.stringify([...new Set([...(JSON.parse(into.event_ids) as string[]), ...c.eventIds])]),
      report_ids: JSON.stringify([...new Set([...(JSON.parse(into.report_ids) as string[]), ...c.reportIds])]),
      folded_keys: JSON.stringify([...(JSON.parse(into.folded_keys) as string[]), c.key]),
      status: c.status ?? into.status,
      ...(again ? { urgent: 1, raised_at: at, raised_by: ruleId } : {}),
    };
    await tx.updateTable('alerts').set(changes).where('id', '=', into.id).execute();
    if (c.reportIds.length) await tx.insertInto('alert_reports').values([...new Set(c.reportIds)].map((report_id) => ({ alert_id: into.id, report_id }))).onConflict((oc) => oc.columns(['report_id', 'alert_id']).doNothing()).execute();
    return { row: { ...into, ...changes }, action: decision.action, notify: again };
  }
  const row: AlertsTable = {
    id: randomUUID(),
    key: c.key,
    rule_id: ruleId,
    kind: c.kind,
    person_id: personId,
    message: c.message,
    event_ids: JSON.stringify(c.eventIds),
    report_ids: JSON.stringify(c.reportIds),
    created_at: at,
    acknowledged_by: null,
    acknowledged_at: null,
    episode: c.episode,
    urgent: c.urgent ? 1 : 0,
    folded_keys: '[]',
    raised_at: at,
    raised_by: null,
    status: c.status ?? null,
  };
  const r = await tx.insertInto('alerts').values(row).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return null;
  const reports = [...new Set(c.reportIds)];
  if (reports.length) await tx.insertInto('alert_reports').values(reports.map((report_id) => ({ alert_id: row.id, report_id }))).execute();
  return { row, action: 'raise', notify: c.urgent };
}

/** Acknowledges the open alerts among `ids` the caller may see; returns the ids acknowledged. */
export async function acknowledgeAlerts(tx: Db, at: string, by: string, ids: string[], denied: Denied = NOTHING_DENIED): Promise<string[]> {
  if (!ids.length) return [];
  const open = await tx.selectFrom('alerts').select('id').where('id', 'in', ids).where('acknowledged_at', 'is', null).where(personVisible(denied, 'alerts.person_id')).execute();
  const found = open.map((a) => a.id);
  if (found.length) await tx.updateTable('alerts').set({ acknowledged_by: by, acknowledged_at: at }).where('id', 'in', found).execute();
  return found;
}

/**
 * The alerts a rule raised in [from, to), or last raised again there (a candidate of the rule folded
 * into another rule's open alert and told as new): what a daily digest lists.
 */
export async function alertsOfRule(db: Db, ruleId: string, from: string, to: string): Promise<AlertView[]> {
  return (
    await db
      .selectFrom('alerts')
      .selectAll()
      .where((eb) => eb.or([eb.and([eb('rule_id', '=', ruleId), eb('created_at', '>=', from), eb('created_at', '<', to)]), eb.and([eb('raised_by', '=', ruleId), eb('raised_at', '>=', from), eb('raised_at', '<', to)])]))
      .orderBy('raised_at')
      .orderBy('id')
      .execute()
  ).map((a) => toAlertView(a));
}

export interface AlertView extends Omit<AlertsTable, 'event_ids' | 'report_ids' | 'folded_keys' | 'urgent'> {
  event_ids: string[];
  report_ids: string[];
  urgent: boolean;
  /** The rule that raised it, in words ("no confirmation of whereabouts for 24 h"); null when the rule is gone. */
  rule: string | null;
}

export function toAlertView(a: AlertsTable, rule: AlertRule | null = null): AlertView {
  const { folded_keys: _f, ...rest } = a;
  return { ...rest, urgent: a.urgent === 1, event_ids: JSON.parse(a.event_ids) as string[], report_ids: JSON.parse(a.report_ids) as string[], rule: rule ? ruleLabel(rule) : null };
}

export async function listAlerts(db: Db, opts: { personId?: string; open?: boolean; limit: number; offset: number; cursor?: Cursor; denied?: Denied }): Promise<AlertView[]> {
  // Newest raised first: an alert raised again (a clock run out, folded into it) rises to the top.
  let q = db.selectFrom('alerts').selectAll().where(personVisible(opts.denied ?? NOTHING_DENIED, 'alerts.person_id')).orderBy('raised_at', 'desc').orderBy('id').limit(opts.limit);
  q = opts.cursor ? q.where(after(opts.cursor, 'alerts.raised_at', 'alerts.id')) : q.offset(opts.offset);
  if (opts.personId) q = q.where('person_id', '=', opts.personId);
  if (opts.open) q = q.where('acknowledged_at', 'is', null);
  const rules = new Map((await listRules(db)).map((r) => [r.id, r.rule]));
  return (await q.execute()).map((a) => toAlertView(a, a.rule_id ? (rules.get(a.rule_id) ?? null) : null));
}
