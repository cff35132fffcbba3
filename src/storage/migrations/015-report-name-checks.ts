import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * Which restricted people each report's title and text name, stored (`report_name_checks`): the
 * access check of a search's thousand candidate reports, or of an inbox page's five hundred, read
 * every text and looked for every restricted name in it (about 70 ms a search at 100,000 reports).
 * A row says, for the restricted names as they stood (`names_key`, a digest of every restricted
 * person's names and those of the records merged into them), which of those people the report
 * names (`persons`, their ids apart by a space; '' for none). A row whose key is not the present
 * one says nothing: the text is read again, as before, until `checkReportNames` (the background
 * worker, the scale bench) brings it up to date. A new report gets a row with the key '' (never
 * checked). The index on the key finds the rows left to check without reading the others.
 */
export function reportNameChecks(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const rowid = engine === 'sqlite' ? sql` WITHOUT ROWID` : sql``;
      await sql`CREATE TABLE report_name_checks (
        report_id text PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
        names_key text NOT NULL,
        persons text NOT NULL
      )${rowid}`.execute(db);
      await sql`INSERT INTO report_name_checks (report_id, names_key, persons) SELECT id, '', '' FROM reports`.execute(db);
      await sql`CREATE INDEX report_name_checks_key ON report_name_checks (names_key)`.execute(db);
    },
  };
}
