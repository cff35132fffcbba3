import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/**
 * An alert raised again (`raiseAlert`, `decideAlert`): when an urgent candidate folds into the
 * episode's open alert, the alert is told as a new one would be, so it rises in the list.
 * - `raised_at`: when the alert was last raised: its creation, or the last fold that told the
 *   channels again. The lists are in this order (newest first): the open list's index moves to it,
 *   and the whole list gets one; `alerts_created` stays (a digest reads alerts by creation).
 * - `raised_by`: the rule that last raised it again (null: never raised again): a daily digest
 *   lists the alerts its rule raised that day, and those it raised again into another rule's alert.
 * - `status`: the case's status the alert last told: a later fact of an acknowledged episode opens
 *   a new alert only when it is worse (`escalates`). Null for the alerts stored before: not guessed
 *   from today's status; a fact of their episode is raised as before.
 * Filled so that nothing moves: every alert was last raised when it was created.
 */
export function alertRaising(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const s = db.schema;
      await s.alterTable('alerts').addColumn('raised_at', 'text', (c) => c.notNull().defaultTo('')).execute();
      await sql`UPDATE alerts SET raised_at = created_at`.execute(db);
      await s.alterTable('alerts').addColumn('raised_by', 'text').execute();
      await s.alterTable('alerts').addColumn('status', 'text').execute();
      await sql`DROP INDEX IF EXISTS alerts_open_created`.execute(db);
      await sql`CREATE INDEX alerts_raised ON alerts (raised_at DESC, id)`.execute(db);
      await sql`CREATE INDEX alerts_open_raised ON alerts (raised_at DESC, id) WHERE acknowledged_at IS NULL`.execute(db);
    },
    /** Back to the schema of 020 (the migration tests take a database back to before a migration). */
    async down(db: Kysely<unknown>): Promise<void> {
      await sql`DROP INDEX IF EXISTS alerts_open_raised`.execute(db);
      await sql`DROP INDEX IF EXISTS alerts_raised`.execute(db);
      for (const column of ['status', 'raised_by', 'raised_at']) await db.schema.alterTable('alerts').dropColumn(column).execute();
      await sql`CREATE INDEX alerts_open_created ON alerts (created_at DESC, id) WHERE acknowledged_at IS NULL`.execute(db);
    },
  };
}
