import { HELD_STATUSES } from '../cases/status.js';
import type { Db } from './store.js';

/**
 * The scheduler's next-due index of the cases (`persons.review_due_at`, migration 020): when a
 * time rule could next raise an alert for a case. `refreshCase` writes the exact time whenever it
 * evaluates a case; the writers that may make a rule fire sooner without evaluating the case make
 * it due now instead (a case due too early is evaluated once for nothing; one due too late misses
 * its alert).
 */

/**
 * Every case a time rule could fire for is due at `at`, unless already due sooner: what adding an
 * alert rule does, in its transaction (a new rule may fire sooner than the ones the stored times
 * were worked out from). A held status (the time rules fire only then), derived or an analyst's;
 * live records only.
 */
export async function makeWatchedDue(tx: Db, at: string): Promise<number> {
  const r = await tx
    .updateTable('persons')
    .set({ review_due_at: at })
    .where('merged_into', 'is', null)
    .where((eb) => eb.or([eb('status', 'in', [...HELD_STATUSES]), eb('status_override', 'is not', null)]))
    .where((eb) => eb.or([eb('review_due_at', 'is', null), eb('review_due_at', '>', at)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** One case due at `at`, unless already due sooner (a whereabouts entry may start a new proof-of-life clock). */
export async function makeCaseDue(tx: Db, personId: string, at: string): Promise<void> {
  await tx
    .updateTable('persons')
    .set({ review_due_at: at })
    .where('id', '=', personId)
    .where((eb) => eb.or([eb('review_due_at', 'is', null), eb('review_due_at', '>', at)]))
    .execute();
}

/**
 * The live cases due at `at`, longest due first, at most `limit`: a range of the partial index
 * `persons_review_due` (due time, id), read in its order and stopped at the limit.
 */
export async function dueCases(db: Db, at: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('persons').select('id').where('review_due_at', '<=', at).where('merged_into', 'is', null).orderBy('review_due_at').orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}
