import { randomUUID } from 'node:crypto';
import type { AlertCandidate, AlertRule } from '../cases/alerts.js';
import { DEFAULT_RULES } from '../cases/alerts.js';
import type { AlertRulesTable, AlertsTable } from './schema.js';
import type { Db } from './store.js';
import type { Denied } from './access.js';
import { NOTHING_DENIED, personVisible } from './access.js';
import type { Cursor } from './paging.js';
import { after } from './paging.js';

/** Where a rule's alerts go besides the in-app list. */
export interface Channels {
  webhook?: { url: string; secret: string };
  email?: string[];
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

export async function createRule(tx: Db, at: string, rule: AlertRule, channels: Channels = {}, enabled = true): Promise<StoredRule> {
  const { kind, ...params } = rule;
  const row: AlertRulesTable = { id: randomUUID(), kind, params: JSON.stringify(params), enabled: enabled ? 1 : 0, channels: JSON.stringify(channels), created_at: at };
  await tx.insertInto('alert_rules').values(row).execute();
  return toRule(row);
}

/** A fresh database starts with the default rules, so the first report can already raise an alert. */
export async function ensureDefaultRules(tx: Db, at: string): Promise<void> {
  const any = await tx.selectFrom('alert_rules').select('id').limit(1).executeTakeFirst();
  if (!any) for (const r of DEFAULT_RULES) await createRule(tx, at, r);
}

/** Stores the alert unless one with its key exists; returns the new row, or null for a repeat. */
export async function raiseAlert(tx: Db, at: string, personId: string, ruleId: string, c: AlertCandidate): Promise<AlertsTable | null> {
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
  };
  const r = await tx.insertInto('alerts').values(row).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return null;
  const reports = [...new Set(c.reportIds)];
  if (reports.length) await tx.insertInto('alert_reports').values(reports.map((report_id) => ({ alert_id: row.id, report_id }))).execute();
  return row;
}

/** Whether the person has an unacknowledged alert of this kind. */
export async function openAlertOf(db: Db, personId: string, kind: string): Promise<boolean> {
  return !!(await db.selectFrom('alerts').select('id').where('person_id', '=', personId).where('kind', '=', kind).where('acknowledged_at', 'is', null).limit(1).executeTakeFirst());
}

export interface AlertView extends Omit<AlertsTable, 'event_ids' | 'report_ids'> {
  event_ids: string[];
  report_ids: string[];
}

export function toAlertView(a: AlertsTable): AlertView {
  return { ...a, event_ids: JSON.parse(a.event_ids) as string[], report_ids: JSON.parse(a.report_ids) as string[] };
}

export async function listAlerts(db: Db, opts: { personId?: string; open?: boolean; limit: number; offset: number; cursor?: Cursor; denied?: Denied }): Promise<AlertView[]> {
  let q = db.selectFrom('alerts').selectAll().where(personVisible(opts.denied ?? NOTHING_DENIED, 'alerts.person_id')).orderBy('created_at', 'desc').orderBy('id').limit(opts.limit);
  q = opts.cursor ? q.where(after(opts.cursor, 'alerts.created_at', 'alerts.id')) : q.offset(opts.offset);
  if (opts.personId) q = q.where('person_id', '=', opts.personId);
  if (opts.open) q = q.where('acknowledged_at', 'is', null);
  return (await q.execute()).map(toAlertView);
}
