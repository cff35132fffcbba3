import { HELD_STATUSES } from '../cases/status.js';
import { engineOf } from './engine.js';
import type { Db, Tx } from './store.js';

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
export function dueCasesQuery(db: Db, at: string, limit: number) {
  return db.selectFrom('persons').select('id').where('review_due_at', '<=', at).where('merged_into', 'is', null).orderBy('review_due_at').orderBy('id').limit(limit);
}

/** The ids `dueCasesQuery` reads, claiming none (for tests and the bench). */
export async function dueCases(db: Db, at: string, limit: number): Promise<string[]> {
  return (await dueCasesQuery(db, at, limit).execute()).map((r) => r.id);
}

/**
 * Claims the cases due at `at` (at most `limit`, longest due first) for one scheduler until
 * `until`, in the caller's transaction: their due time becomes `until`, so no other scheduler on
 * the database reads them as due before then (several `vigil serve` processes on one PostgreSQL).
 * The evaluation of a claimed case stores its real next due time (`refreshCase`); a case whose
 * evaluation failed, or whose process died mid-batch, keeps the claim and is due again when it
 * runs out. No column of its own: the due time is already what every scheduler reads, through the
 * same index, and a claim that runs out is just a case due again.
 *
 * On PostgreSQL the rows are locked as they are read (`FOR UPDATE SKIP LOCKED`): two schedulers
 * claiming at once take different cases, neither waiting for the other. On SQLite the
 * transaction holds the one write lock from its start (BEGIN IMMEDIATE), so claims follow each
 * other. Either way the select and the update must share a transaction, hence `Tx`.
 */
export async function claimDueCases(tx: Tx, at: string, until: string, limit: number): Promise<string[]> {
  const pg = engineOf(tx) === 'postgres';
  const ids = (await dueCasesQuery(tx, at, limit).$if(pg, (q) => q.forUpdate().skipLocked()).execute()).map((r) => r.id);
  if (ids.length) await tx.updateTable('persons').set({ review_due_at: until }).where('id', 'in', ids).execute();
  return ids;
}

/**
 * Whether a case claimed until `until` is still the claimant's to evaluate, its row locked
 * (PostgreSQL) until the caller's transaction ends: its due time is the claim, or sooner (a rule
 * added or a whereabouts entry made it due now meanwhile). Not when another scheduler claimed it
 * after the claim ran out (that claim runs out later: it was made at or after `until`), when a
 * report's evaluation already stored a later time, or when it was merged (no due time).
 */
export async function stillClaimed(tx: Tx, personId: string, until: string): Promise<boolean> {
  const pg = engineOf(tx) === 'postgres';
  const row = await tx.selectFrom('persons').select('review_due_at').where('id', '=', personId).$if(pg, (q) => q.forUpdate()).executeTakeFirst();
  return !!row?.review_due_at && row.review_due_at <= until;
}
