import type { Kysely, Migration } from 'kysely';

/**
 * Analysts' corrections of extracted events, kept apart from the machine's output (so both can
 * be shown, and the corrections used as training data), and the last time a session was used
 * (a session left idle ends, as well as one that reaches its lifetime).
 */
export function review(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('corrections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
        // The machine's event id, or an analyst's own ("a1", …) for an event the machine missed.
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        // The event as the analyst left it (EXTRACTION-FORMAT event JSON); null when rejected.
        .addColumn('event', 'text')
        .addColumn('note', 'text')
        .addColumn('by', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addUniqueConstraint('corrections_report_event', ['report_id', 'event_id'])
        .execute();
      await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('corrections').execute();
      await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
    },
  };
}
