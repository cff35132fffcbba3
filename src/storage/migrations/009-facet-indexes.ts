import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * Indexes for the facet clicks, each read in the order its list is shown so a page stops at its
 * LIMIT instead of sorting every match:
 * - the case list by country: a case's country is `case_country`, else the nationality, the
 *   expression `coalesce(case_country, country)` that `listCases` filters on, then the list's
 *   keyset order (news time descending, nulls last, then id), live records only;
 * - search's events of one type in one country, newest first;
 * - search's events of the people whose case country is the one asked (nationality has
 *   `persons_country` from 008);
 * - the queue of possible same-person matches, oldest first (it had no index and was read whole).
 */
export function facetIndexes(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const nullsLast = engine === 'postgres' ? ' NULLS LAST' : '';
      await sql.raw(`CREATE INDEX persons_shown_country ON persons ((coalesce(case_country, country)), last_news_at DESC${nullsLast}, id) WHERE merged_into IS NULL`).execute(db);
      await db.schema.createIndex('persons_case_country').on('persons').column('case_country').execute();
      await db.schema.createIndex('person_mentions_review').on('person_mentions').columns(['state', 'created_at', 'id']).execute();
      await db.schema.createIndex('case_events_type_country').on('case_events').columns(['type', 'country', 'date_value']).execute();
    },
  };
}
