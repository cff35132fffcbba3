import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/**
 * Reports put in date order by id without reading their rows: search orders the reports that told
 * its events (hundreds) and shows twenty. On SQLite the listed columns (state, source, created_at)
 * lie after the text in each row, so reading them walked the text's overflow pages (and, before
 * migration 011, 58 KB of extraction) of every candidate.
 */
export function reportOrder(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`CREATE INDEX reports_id_created ON reports (id, created_at)`.execute(db);
    },
  };
}
