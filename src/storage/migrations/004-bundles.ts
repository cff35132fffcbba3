import type { Kysely, Migration } from 'kysely';

/**
 * Sharing with partner organisations: every bundle signed here or imported here, and where an
 * imported report came from (the partner, their bundle, their report and its URL), so a fact
 * copied from a partner keeps its provenance one hop further.
 */
export function bundles(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const s = db.schema;
      await s
        .createTable('bundles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('partner_fingerprint', 'text')
        .addColumn('partner_name', 'text')
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('by', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await s.createIndex('bundles_person').on('bundles').column('person_id').execute();
      await s.alterTable('reports').addColumn('origin', 'text').execute();
    },
  };
}
