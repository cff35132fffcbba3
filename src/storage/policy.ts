import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { normalizeName } from '../cases/names.js';
import type { PersonDecision, PolicySettings, RememberedDecision, WatchEntry } from '../cases/policy.js';
import { resolveSettings } from '../cases/policy.js';
import { VigilError } from '../core/errors.js';
import { riskThresholds } from '../extractors/risk/index.js';
import type { Evidence, ExtractionDocument } from '../text/types.js';
import type { Denied } from './access.js';
import { NOTHING_DENIED, getSetting, reportVisible, setSetting } from './access.js';
import type { CaseDecisionsTable, TriageItemsTable, WatchListTable } from './schema.js';
import type { Db } from './store.js';

/**
 * The case policy's state: its thresholds (the `case_policy` setting over the shipped model's
 * cross-validated thresholds over DEFAULT_POLICY), the
 * triage queue, the decisions remembered per name, and the watch list. Writes take the caller's
 * transaction; the caller audits.
 */

const SETTING = 'case_policy';

/**
 * The thresholds the shipped risk model's training chose by cross-validation, when it has them:
 * they stand in for DEFAULT_POLICY's placeholders until an admin sets the `case_policy` setting.
 */
function shippedPolicy(): Partial<PolicySettings> {
  try {
    return riskThresholds().policy ?? {};
  } catch {
    return {};
  }
}

export async function policySettings(db: Db): Promise<PolicySettings> {
  return resolveSettings({ ...shippedPolicy(), ...((await getSetting<Partial<PolicySettings>>(db, SETTING)) ?? {}) });
}

export async function setPolicySettings(tx: Db, at: string, settings: Partial<PolicySettings>): Promise<PolicySettings> {
  const next = resolveSettings({ ...(await policySettings(tx)), ...settings });
  if (!(next.triageFloor <= next.caseThreshold)) throw new VigilError('invalid_input', 'the triage floor must not be above the case threshold');
  await setSetting(tx, at, SETTING, next);
  return next;
}

// ---- watch list ------------------------------------------------------------------------------

export type WatchRow = WatchListTable;

export async function watchEntries(db: Db): Promise<WatchEntry[]> {
  return (await db.selectFrom('watch_list').select(['kind', 'name']).execute()).map((r) => ({ kind: r.kind, name: r.name }));
}

/** A name on the watch list that matches a hidden case's alias is hidden with it. */
function watchVisible(denied: Denied) {
  return denied.persons.length
    ? sql<boolean>`NOT EXISTS (SELECT 1 FROM person_aliases WHERE person_aliases.normalized = watch_list.normalized AND person_aliases.person_id IN (${sql.join(denied.persons)}))`
    : sql<boolean>`1 = 1`;
}

export async function listWatch(db: Db, denied: Denied = NOTHING_DENIED): Promise<WatchRow[]> {
  return db.selectFrom('watch_list').selectAll().where(watchVisible(denied)).orderBy('added_at').orderBy('name').execute();
}

export async function addWatch(tx: Db, at: string, by: string, entry: WatchEntry & { note?: string | null }): Promise<WatchRow> {
  const name = entry.name.replace(/\s+/g, ' ').trim();
  const normalized = normalizeName(name);
  if (!normalized) throw new VigilError('invalid_input', 'the name has no letters');
  const existing = await tx.selectFrom('watch_list').selectAll().where('kind', '=', entry.kind).where('normalized', '=', normalized).executeTakeFirst();
  if (existing) throw new VigilError('conflict', `"${existing.name}" is already on the watch list`);
  const row: WatchRow = { id: randomUUID(), kind: entry.kind, name, normalized, note: entry.note ?? null, added_by: by, added_at: at };
  await tx.insertInto('watch_list').values(row).execute();
  return row;
}

export async function removeWatch(tx: Db, id: string): Promise<WatchRow> {
  const row = await tx.selectFrom('watch_list').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new VigilError('not_found', 'no such watch-list entry');
  await tx.deleteFrom('watch_list').where('id', '=', id).execute();
  return row;
}

// ---- remembered decisions --------------------------------------------------------------------

export async function rememberedDecisions(db: Db, names: string[]): Promise<RememberedDecision[]> {
  const normalized = [...new Set(names.map(normalizeName).filter(Boolean))];
  if (!normalized.length) return [];
  return db.selectFrom('case_decisions').select(['normalized', 'decision']).where('normalized', 'in', normalized).execute();
}

export async function rememberDecision(tx: Db, at: string, by: string, name: string, decision: CaseDecisionsTable['decision']): Promise<void> {
  const normalized = normalizeName(name);
  await tx
    .insertInto('case_decisions')
    .values({ normalized, name, decision, by, at })
    .onConflict((oc) => oc.column('normalized').doUpdateSet({ name, decision, by, at }))
    .execute();
}

// ---- triage queue ----------------------------------------------------------------------------

export interface TriageEvent {
  id: string;
  type: string;
  modality: string;
  trigger: string;
  start: number;
  end: number;
}

export interface TriageItem {
  id: string;
  report_id: string;
  report_title: string | null;
  entity_id: string;
  name: string;
  kinds: string[];
  events: TriageEvent[];
  evidence: Evidence[];
  reasons: string[];
  score: number | null;
  relevance: number | null;
  state: TriageItemsTable['state'];
  person_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/**
 * Holds a possible case for an analyst. A report read again (after a correction) refreshes its
 * pending items; an item already decided stays as it was decided.
 */
export async function queueTriage(tx: Db, at: string, reportId: string, d: PersonDecision, doc: ExtractionDocument): Promise<string | null> {
  const existing = await tx.selectFrom('triage_items').select(['id', 'state']).where('report_id', '=', reportId).where('entity_id', '=', d.entity).executeTakeFirst();
  if (existing && existing.state !== 'pending') return null;
  const events: TriageEvent[] = doc.events
    .filter((e) => d.events.includes(e.id))
    .map((e) => ({ id: e.id, type: e.type, modality: e.modality, trigger: e.trigger.text, start: e.trigger.start, end: e.trigger.end }));
  const values = {
    name: d.name,
    normalized: normalizeName(d.name),
    kinds: JSON.stringify(d.kinds),
    events: JSON.stringify(events),
    evidence: JSON.stringify(d.evidence),
    reasons: JSON.stringify(d.reasons),
    score: d.score,
    relevance: d.relevance,
  };
  if (existing) {
    await tx.updateTable('triage_items').set(values).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const id = randomUUID();
  await tx
    .insertInto('triage_items')
    .values({ id, report_id: reportId, entity_id: d.entity, ...values, state: 'pending', person_id: null, decided_by: null, decided_at: null, created_at: at })
    .execute();
  return id;
}

/** Drops a report's pending items whose person the policy no longer holds (read again after a correction). */
export async function dropPendingTriage(tx: Db, reportId: string, keep: string[]): Promise<void> {
  let q = tx.deleteFrom('triage_items').where('report_id', '=', reportId).where('state', '=', 'pending');
  if (keep.length) q = q.where('entity_id', 'not in', keep);
  await q.execute();
}

/** A triage item whose report names a hidden case, or whose name is a hidden case's alias, is hidden. */
function triageVisible(denied: Denied) {
  return denied.persons.length
    ? sql<boolean>`NOT EXISTS (SELECT 1 FROM person_aliases WHERE person_aliases.normalized = triage_items.normalized AND person_aliases.person_id IN (${sql.join(denied.persons)}))`
    : sql<boolean>`1 = 1`;
}

function toItem(r: TriageItemsTable & { report_title: string | null }): TriageItem {
  return {
    id: r.id,
    report_id: r.report_id,
    report_title: r.report_title,
    entity_id: r.entity_id,
    name: r.name,
    kinds: JSON.parse(r.kinds) as string[],
    events: JSON.parse(r.events) as TriageEvent[],
    evidence: JSON.parse(r.evidence) as Evidence[],
    reasons: JSON.parse(r.reasons) as string[],
    score: r.score === null ? null : Number(r.score),
    relevance: r.relevance === null ? null : Number(r.relevance),
    state: r.state,
    person_id: r.person_id,
    decided_by: r.decided_by,
    decided_at: r.decided_at,
    created_at: r.created_at,
  };
}

export interface TriageQuery {
  state?: TriageItemsTable['state'];
  reportId?: string;
  limit?: number;
  offset?: number;
  denied?: Denied;
}

export async function listTriage(db: Db, q: TriageQuery = {}): Promise<TriageItem[]> {
  const denied = q.denied ?? NOTHING_DENIED;
  let query = db
    .selectFrom('triage_items')
    .innerJoin('reports', 'reports.id', 'triage_items.report_id')
    .selectAll('triage_items')
    .select('reports.title as report_title')
    .where(reportVisible(denied))
    .where(triageVisible(denied));
  if (q.state) query = query.where('triage_items.state', '=', q.state);
  if (q.reportId) query = query.where('triage_items.report_id', '=', q.reportId);
  const rows = await query.orderBy('triage_items.created_at', 'desc').orderBy('triage_items.name').limit(q.limit ?? 50).offset(q.offset ?? 0).execute();
  return rows.map(toItem);
}

export async function countTriage(db: Db, state: TriageItemsTable['state'] = 'pending'): Promise<number> {
  const r = await db.selectFrom('triage_items').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', state).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function getTriage(db: Db, id: string, denied: Denied = NOTHING_DENIED): Promise<TriageItem | undefined> {
  const r = await db
    .selectFrom('triage_items')
    .innerJoin('reports', 'reports.id', 'triage_items.report_id')
    .selectAll('triage_items')
    .select('reports.title as report_title')
    .where('triage_items.id', '=', id)
    .where(reportVisible(denied))
    .where(triageVisible(denied))
    .executeTakeFirst();
  return r ? toItem(r) : undefined;
}

/** Pending items for a name (normalised), in every report: one decision settles them all. */
export async function pendingForName(db: Db, normalized: string): Promise<{ id: string; report_id: string; entity_id: string }[]> {
  return db.selectFrom('triage_items').select(['id', 'report_id', 'entity_id']).where('normalized', '=', normalized).where('state', '=', 'pending').orderBy('created_at').execute();
}

export async function settleTriage(tx: Db, at: string, by: string, ids: string[], state: 'opened' | 'dismissed', personId: string | null): Promise<void> {
  if (!ids.length) return;
  await tx.updateTable('triage_items').set({ state, decided_by: by, decided_at: at, person_id: personId }).where('id', 'in', ids).execute();
}
