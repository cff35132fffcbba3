import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * What a search by name reads for each of thousands of rows, held in an index it reads alone:
 * - `persons_id_news`: a person's merged record and time in the news by id. A common name (or a
 *   letter, a suffix) is borne by up to SEARCH_NAME_CAP people, ordered by news to keep
 *   SEARCH_PERSON_CAP; each was a lookup in the primary key and then in the table's row;
 * - `person_mentions_report` with the match candidate: whether a batch of reports links a
 *   restricted case (`hiddenReports`, a thousand candidate reports per word search) read each
 *   mention's row for its candidate. It replaces the index of (report, person), whose lookups it
 *   serves as well.
 * PostgreSQL takes the extra columns as INCLUDE (not part of the key).
 */
export function nameSearch(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (engine === 'sqlite') {
        await sql`CREATE INDEX persons_id_news ON persons (id, merged_into, last_news_at)`.execute(db);
        await sql`CREATE INDEX person_mentions_report_links ON person_mentions (report_id, person_id, candidate_id)`.execute(db);
      } else {
        await sql`CREATE INDEX persons_id_news ON persons (id) INCLUDE (merged_into, last_news_at)`.execute(db);
        await sql`CREATE INDEX person_mentions_report_links ON person_mentions (report_id, person_id) INCLUDE (candidate_id)`.execute(db);
      }
      await sql`DROP INDEX person_mentions_report`.execute(db);
    },
  };
}
