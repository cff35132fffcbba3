import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * A report's extraction stored compressed (`extraction_z`, Brotli): the JSON, tokens and all, is
 * about ten times the report's text (58 KB a report on average) and was nine tenths of the
 * database; compressed it is a fifth of that. Rows stored before keep their JSON in `extraction`
 * and are read from there (`parseExtraction` reads either), so the migration rewrites nothing.
 */
export function compressedExtractions(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql.raw(`ALTER TABLE reports ADD COLUMN extraction_z ${engine === 'postgres' ? 'bytea' : 'blob'}`).execute(db);
      // The bytes are compressed already: PostgreSQL's own compression of them would only cost time.
      if (engine === 'postgres') await sql`ALTER TABLE reports ALTER COLUMN extraction_z SET STORAGE EXTERNAL`.execute(db);
    },
  };
}
