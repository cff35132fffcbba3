import type { Kysely, Migration } from 'kysely';

/**
 * The case policy's tables (issue #33): the triage queue of possible cases held for an analyst,
 * the analysts' decisions remembered per normalised name, and the watch list of names and
 * organisations whose every event makes a case.
 */
export function casePolicy(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const s = db.schema;
      await s
        .createTable('triage_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('normalized', 'text', (c) => c.notNull())
        // JSON: at-risk kinds, event summaries, evidence offsets, the policy's reasons.
        .addColumn('kinds', 'text', (c) => c.notNull())
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('score', 'real')
        .addColumn('relevance', 'real')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('triage_items_report_entity', ['report_id', 'entity_id'])
        .execute();
      await s.createIndex('triage_items_state').on('triage_items').columns(['state', 'created_at']).execute();
      await s.createIndex('triage_items_normalized').on('triage_items').column('normalized').execute();
      await s
        .createTable('case_decisions')
        .addColumn('normalized', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('by', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await s
        .createTable('watch_list')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('normalized', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('watch_list_kind_name', ['kind', 'normalized'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('watch_list').execute();
      await db.schema.dropTable('case_decisions').execute();
      await db.schema.dropTable('triage_items').execute();
    },
  };
}
