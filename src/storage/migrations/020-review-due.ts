import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * A next-due index of the cases for the scheduler (issue #36). `persons.review_due_at` is when a
 * time rule (no confirmation of whereabouts for N hours, no proof of life, no news for N days)
 * could next raise an alert for the case as it stands (ISO text, like the other times); null when
 * none can without new input. `refreshCase` writes it whenever it evaluates a case; the scheduler
 * reads only the cases due (`review_due_at <= now`), in that order, instead of re-evaluating every
 * watched case every minute (475 s a pass at 100,000 reports).
 *
 * The index holds only the live records with a due time (partial: most cases have none, and a
 * merged record is never evaluated), keyed by the time then the id, the order the scheduler reads.
 *
 * Filled so that nothing is missed on upgrade: every case the scheduler re-evaluated until now (a
 * held status, not merged) and every case with an analyst's status (whose held status it did not
 * look at) is due from the start of time: the first passes evaluate them all, and each gets its
 * own time. Not the migration's clock: a store's `now()` decides what is due, and the start of
 * time is before any.
 */
export function reviewDue(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql.raw(`ALTER TABLE persons ADD COLUMN review_due_at ${engine === 'postgres' ? 'text' : 'TEXT'}`).execute(db);
      await sql`UPDATE persons SET review_due_at = ${DUE_FROM_THE_START} WHERE merged_into IS NULL AND (status IN (${sql.join(HELD_AT_020)}) OR status_override IS NOT NULL)`.execute(db);
      await sql.raw(`CREATE INDEX persons_review_due ON persons (review_due_at, id) WHERE review_due_at IS NOT NULL AND merged_into IS NULL`).execute(db);
    },
  };
}

/** `HELD_STATUSES` as this migration found them: a migration that shipped does not follow later code. */
const HELD_AT_020 = ['detained', 'charged', 'convicted', 'deported', 'whereabouts_unknown'];

/** The due time of a case that must be looked at on the next pass whatever the clock says. */
export const DUE_FROM_THE_START = '1970-01-01T00:00:00.000Z';
