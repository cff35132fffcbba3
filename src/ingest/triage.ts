import { normalizeName } from '../cases/names.js';
import { VigilError } from '../core/errors.js';
import type { Denied } from '../storage/access.js';
import { NOTHING_DENIED } from '../storage/access.js';
import { writeAudit } from '../storage/audit.js';
import { getTriage, pendingForName, rememberDecision, settleTriage } from '../storage/policy.js';
import type { Db } from '../storage/store.js';
import { retrackReport } from './retrack.js';

export interface TriageOutcome {
  decision: 'open' | 'not_a_case';
  name: string;
  /** The case opened (or joined), for `open`. */
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
export async function decideTriage(tx: Db, at: string, by: string, itemId: string, decision: 'open' | 'not_a_case', denied: Denied = NOTHING_DENIED): Promise<TriageOutcome> {
  const item = await getTriage(tx, itemId, denied);
  if (!item) throw new VigilError('not_found', 'no such triage item');
  if (item.state !== 'pending') throw new VigilError('conflict', `this possible case was already decided (${item.state === 'opened' ? 'opened' : 'not a case'})`);
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
