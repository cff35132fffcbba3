import { randomUUID } from 'node:crypto';
import type { Correction } from '../cases/corrections.js';
import type { VigilEvent } from '../text/types.js';
import type { Db } from './store.js';

export async function listCorrections(db: Db, reportId: string): Promise<Correction[]> {
  const rows = await db.selectFrom('corrections').selectAll().where('report_id', '=', reportId).orderBy('at').orderBy('event_id').execute();
  return rows.map((r) => ({ eventId: r.event_id, action: r.action, event: r.event ? (JSON.parse(r.event) as VigilEvent) : null, note: r.note, by: r.by, at: r.at }));
}

/** Records the analyst's current decision on one event, replacing an earlier one (the audit keeps the history). */
export async function saveCorrection(tx: Db, reportId: string, c: Correction): Promise<void> {
  const values = { action: c.action, event: c.event ? JSON.stringify(c.event) : null, note: c.note, by: c.by, at: c.at };
  await tx
    .insertInto('corrections')
    .values({ id: randomUUID(), report_id: reportId, event_id: c.eventId, ...values })
    .onConflict((oc) => oc.columns(['report_id', 'event_id']).doUpdateSet(values))
    .execute();
}

export async function deleteCorrection(tx: Db, reportId: string, eventId: string): Promise<boolean> {
  const r = await tx.deleteFrom('corrections').where('report_id', '=', reportId).where('event_id', '=', eventId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
