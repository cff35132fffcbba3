import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * Indexes for every request path at a million reports (measured with `npm run bench -- scale`):
 * the restricted-case check, the case page (mentions, alerts, merged records by person), the
 * inbox and the lists in their keyset order, search's facets and date order; the reports an
 * alert cites as rows (`alert_reports`) rather than a LIKE over a JSON column; and an
 * accent-folded full-text index of every alias, so a name is found without `LIKE '%…%'`.
 */
export function scaleIndexes(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const s = db.schema;
      // The lists' keyset order: time descending with nulls last (SQLite's default for DESC), then id.
      await sql.raw(`CREATE INDEX persons_live_news ON persons (last_news_at DESC${engine === 'postgres' ? ' NULLS LAST' : ''}, id) WHERE merged_into IS NULL`).execute(db);
      // persons_restricted, persons_merged_into and the mention indexes come with 006-access.
      await s.createIndex('person_mentions_person_created').on('person_mentions').columns(['person_id', 'created_at']).execute();
      await s.createIndex('alerts_person').on('alerts').columns(['person_id', 'kind']).execute();
      await sql`CREATE INDEX alerts_created ON alerts (created_at DESC, id)`.execute(db);
      await sql`CREATE INDEX alerts_open_created ON alerts (created_at DESC, id) WHERE acknowledged_at IS NULL`.execute(db);
      await sql`CREATE INDEX reports_created ON reports (created_at DESC, id)`.execute(db);
      await s.createIndex('case_events_date').on('case_events').columns(['date_value', 'id']).execute();
      await s.createIndex('case_events_type').on('case_events').columns(['type', 'date_value']).execute();
      await s.createIndex('case_events_country').on('case_events').columns(['country', 'date_value']).execute();
      await s.createIndex('persons_country').on('persons').column('country').execute();
      await s
        .createTable('alert_reports')
        .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
        .addColumn('report_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('alert_reports_pk', ['report_id', 'alert_id'])
        .execute();
      if (engine === 'sqlite') {
        await sql`INSERT INTO alert_reports (alert_id, report_id) SELECT DISTINCT alerts.id, j.value FROM alerts, json_each(alerts.report_ids) AS j`.execute(db);
        // Every alias, accent-folded by the tokenizer; a name search is a prefix query on it.
        await sql`CREATE VIRTUAL TABLE person_aliases_fts USING fts5(person_id UNINDEXED, normalized, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
        await sql`INSERT INTO person_aliases_fts (person_id, normalized) SELECT person_id, normalized FROM person_aliases`.execute(db);
        await sql`CREATE TRIGGER person_aliases_fts_insert AFTER INSERT ON person_aliases BEGIN INSERT INTO person_aliases_fts (person_id, normalized) VALUES (new.person_id, new.normalized); END`.execute(db);
        await sql`CREATE TRIGGER person_aliases_fts_delete AFTER DELETE ON person_aliases BEGIN DELETE FROM person_aliases_fts WHERE person_id = old.person_id AND normalized = old.normalized; END`.execute(db);
        await sql`CREATE TRIGGER person_aliases_fts_update AFTER UPDATE ON person_aliases BEGIN DELETE FROM person_aliases_fts WHERE person_id = old.person_id AND normalized = old.normalized; INSERT INTO person_aliases_fts (person_id, normalized) VALUES (new.person_id, new.normalized); END`.execute(db);
      } else {
        await sql`INSERT INTO alert_reports (alert_id, report_id) SELECT DISTINCT alerts.id, j.value FROM alerts, jsonb_array_elements_text(alerts.report_ids::jsonb) AS j(value)`.execute(db);
        // person_aliases.normalized is already lower-case and accent-folded (normalizeName): its words are the index.
        await sql`CREATE INDEX person_aliases_search ON person_aliases USING gin (to_tsvector('simple', normalized))`.execute(db);
      }
    },
  };
}
