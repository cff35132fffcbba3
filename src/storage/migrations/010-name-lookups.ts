import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { Engine } from '../engine.js';
import { UNSPACED_GLOB, UNSPACED_REGEX } from '../unspaced.js';

/**
 * What the restricted-case check reads on every request, made an index lookup:
 * - the records merged into a restricted case: `persons_merged_into` holds only merged records.
 *   Nearly every record has no `merged_into`; with statistics (ANALYZE, `PRAGMA optimize`) SQLite
 *   counted those NULLs in the index's selectivity and read the whole table for a list of ids;
 * - on SQLite, every report in the full-text index from the moment it is stored, not only once it
 *   is read, so that "does this report name a restricted person?" is a phrase lookup in the index
 *   (queued and failed reports included) instead of a text scan of each report for each name;
 * - which reports hold a script written without spaces (`unspaced.ts`): only those, and on
 *   PostgreSQL texts too long for its word positions, are still scanned for the names.
 */
export function nameLookups(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`DROP INDEX persons_merged_into`.execute(db);
      await sql`CREATE INDEX persons_merged_into ON persons (merged_into) WHERE merged_into IS NOT NULL`.execute(db);
      await sql`ALTER TABLE reports ADD COLUMN unspaced integer NOT NULL DEFAULT 0`.execute(db);
      if (engine === 'sqlite') await sql`UPDATE reports SET unspaced = 1 WHERE text GLOB ${UNSPACED_GLOB}`.execute(db);
      else await sql`UPDATE reports SET unspaced = 1 WHERE text ~ ${UNSPACED_REGEX}`.execute(db);
      if (engine === 'sqlite') {
        await sql`INSERT INTO reports_fts (report_id, title, text) SELECT id, coalesce(title, ''), text FROM reports WHERE id NOT IN (SELECT report_id FROM reports_fts)`.execute(db);
      }
    },
  };
}
