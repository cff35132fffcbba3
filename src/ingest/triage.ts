import { decide } from '../cases/match.js';
import { normalizeName } from '../cases/names.js';
import { VigilError } from '../core/errors.js';
import type { Denied } from '../storage/access.js';
import { NOTHING_DENIED } from '../storage/access.js';
import { writeAudit } from '../storage/audit.js';
import { linkMention } from '../storage/persons.js';
import { getTriage, pendingForName, rememberDecision, settleTriage } from '../storage/policy.js';
import { parseExtraction } from '../storage/reports.js';
import type { Db } from '../storage/store.js';
import { retrackReport } from './retrack.js';
import { rankOnFile } from './who-gets-a-case.js';

/** What an analyst may decide of a possible case: a new case, not a case, or the same person as a case on file. */
export type TriageDecision = { decision: 'open' | 'not_a_case' } | { decision: 'same_person'; personId: string };

/** A case on file the possible case may be: offered as "the same person as …". */
export interface TriageCandidate {
  person_id: string;
  name: string;
  /** The name matcher's score (0–1) against the possible case's names and what the report says of them. */
  score: number;
}

/** The most candidates offered for one possible case. */
const CANDIDATES = 3;

/**
 * The cases on file that a possible case may be ("Ms Velin" of Mara Velin's case), scored by the
 * matcher the tracker uses, strongest first, at most three: those the matcher would merge or send
 * to review. Read when asked, with the asker's access: a case they may not see is never offered,
 * and nothing about candidates is stored with the item (a case restricted later leaves no trace).
 */
export async function triageCandidates(db: Db, item: { report_id: string; entity_id: string }, denied: Denied = NOTHING_DENIED): Promise<TriageCandidate[]> {
  const report = await db.selectFrom('reports').select(['extraction', 'extraction_z']).where('id', '=', item.report_id).executeTakeFirst();
  const doc = report ? parseExtraction(report) : null;
  const entity = doc?.entities.find((e) => e.id === item.entity_id);
  if (!doc || !entity) return [];
  const hidden = new Set(denied.persons);
  return (await rankOnFile(db, doc, entity))
    .filter(({ p }) => !hidden.has(p.id))
    .map(({ p, m }) => ({ person_id: p.id, name: p.name, score: Math.round(m.score * 100) / 100 }))
    .filter((c) => decide(c.score) !== 'new')
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, CANDIDATES);
}

export interface TriageOutcome {
  decision: TriageDecision['decision'];
  name: string;
  /** The case opened, for `open`; the case joined, for `same_person`. */
  personId: string | null;
  /** Every pending item of the same name that the decision settled (this one first). */
  settled: string[];
}

/**
 * An analyst's decision on a possible case, in the caller's transaction. It is remembered for the
 * name (so the next report about them follows it), settles every pending item of that name, and
 * for `open` reads each of their reports again through the tracker: the one writer opens the case
 * with the report's events, exactly as if the policy had opened it. Audited.
 */
export async function decideTriage(tx: Db, at: string, by: string, itemId: string, choice: TriageDecision, denied: Denied = NOTHING_DENIED): Promise<TriageOutcome> {
  const item = await getTriage(tx, itemId, denied);
  if (!item) throw new VigilError('not_found', 'no such triage item');
  if (item.state !== 'pending') throw new VigilError('conflict', `this possible case was already decided (${item.state === 'opened' ? 'opened' : 'not a case'})`);
  if (choice.decision === 'same_person') return joinCase(tx, at, by, item, choice.personId, denied);
  const decision = choice.decision;
  const normalized = normalizeName(item.name);
  const pending = await pendingForName(tx, normalized);
  const others = pending.filter((p) => p.id !== item.id);
  const items = [{ id: item.id, report_id: item.report_id, entity_id: item.entity_id }, ...others];
  await rememberDecision(tx, at, by, item.name, decision);
  await writeAudit(tx, at, { actor: by, action: decision === 'open' ? 'triage.opened' : 'triage.dismissed', entityType: 'triage_item', entityId: item.id, reportId: item.report_id, detail: { name: item.name, settles: items.map((i) => i.id) } });
  if (decision === 'not_a_case') {
    await settleTriage(tx, at, by, items.map((i) => i.id), 'dismissed', null);
    return { decision, name: item.name, personId: null, settled: items.map((i) => i.id) };
  }
  // Settled before the reports are read again, so the tracker's refresh of pending items leaves them be.
  await settleTriage(tx, at, by, items.map((i) => i.id), 'opened', null);
  let personId: string | null = null;
  for (const reportId of [...new Set(items.map((i) => i.report_id))]) await retrackReport(tx, at, by, reportId);
  for (const i of items) {
    const link = await tx.selectFrom('person_mentions').select('person_id').where('report_id', '=', i.report_id).where('entity_id', '=', i.entity_id).executeTakeFirst();
    if (!link) continue;
    personId ??= link.person_id;
    await tx.updateTable('triage_items').set({ person_id: link.person_id }).where('id', '=', i.id).execute();
  }
  if (!personId) throw new VigilError('conflict', `the report no longer tells an event that befalls ${item.name}; nothing to open`);
  return { decision, name: item.name, personId, settled: items.map((i) => i.id) };
}

/**
 * "The same person as …": the possible case's naming in its report is linked to the chosen case,
 * and the report is read again through the tracker, which gives a linked person every event the
 * report tells of them. Only this item is settled: another report's "Ms Velin" may be someone
 * else, and neither a decision for the name nor an alias is remembered: "Velin" alone as an alias
 * would join every later Velin to the case, and a family name alone never joins one. Audited.
 */
async function joinCase(tx: Db, at: string, by: string, item: { id: string; name: string; report_id: string; entity_id: string }, personId: string, denied: Denied): Promise<TriageOutcome> {
  const live = await tx.selectFrom('persons').select(['id', 'merged_into']).where('id', '=', personId).executeTakeFirst();
  // a case the user may not see is "no such case", as everywhere; a merged record is its live one's business
  if (!live || denied.persons.includes(personId)) throw new VigilError('not_found', 'no such case');
  if (live.merged_into) throw new VigilError('conflict', 'that record was merged into another case; choose the case it lives in');
  const linked = await tx.selectFrom('person_mentions').select('person_id').where('report_id', '=', item.report_id).where('entity_id', '=', item.entity_id).executeTakeFirst();
  if (linked) throw new VigilError('conflict', `${item.name} in this report is already linked to a case`);
  await linkMention(tx, at, { reportId: item.report_id, entityId: item.entity_id, name: item.name, personId, state: 'linked', candidateId: null, score: 1, reasons: ['an analyst said this is the same person (triage)'] });
  await settleTriage(tx, at, by, [item.id], 'opened', personId);
  await writeAudit(tx, at, { actor: by, action: 'triage.joined', entityType: 'triage_item', entityId: item.id, reportId: item.report_id, detail: { name: item.name, personId } });
  await retrackReport(tx, at, by, item.report_id);
  return { decision: 'same_person', name: item.name, personId, settled: [item.id] };
}
