import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/**
 * Access checks by index, never by scanning a table: restricted persons and what was merged into
 * them, their aliases, the mentions and event sources of a report, match candidates. And who
 * submitted each text (`report_readers`): they may always read it back, also a text that names
 * a restricted case's person, so submitting it again or reading it twice tells them nothing.
 */
export function access(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const s = db.schema;
      await s
        .createTable('report_readers')
        .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('report_readers_pk', ['report_id', 'user_id'])
        .execute();
      await sql`INSERT INTO report_readers (report_id, user_id) SELECT id, created_by FROM reports WHERE created_by IS NOT NULL`.execute(db);
      await s.createIndex('persons_restricted').on('persons').column('restricted').execute();
      await s.createIndex('persons_merged_into').on('persons').column('merged_into').execute();
      await s.createIndex('person_aliases_person').on('person_aliases').column('person_id').execute();
      await s.createIndex('person_mentions_report').on('person_mentions').columns(['report_id', 'person_id']).execute();
      await s.createIndex('person_mentions_person').on('person_mentions').column('person_id').execute();
      await s.createIndex('person_mentions_candidate').on('person_mentions').column('candidate_id').execute();
      await s.createIndex('event_sources_report').on('event_sources').column('report_id').execute();
      await s.createIndex('reports_state').on('reports').column('state').execute();
    },
  };
}
