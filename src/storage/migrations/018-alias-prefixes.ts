import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * SQLite: the full-text index of the aliases keeps prefix indexes of one, two and three letters.
 * A name search is a prefix query on it, and a short one ("i*", "sr*": a suffix, an initial)
 * merged the lists of every name beginning so (tens of thousands of words at a million reports)
 * before it could read the newest ten thousand; with a prefix index it reads one list, newest
 * first, and stops. The table is made again and filled from `person_aliases` in the order the
 * aliases were added (its rowid, which the search's "newest first" reads); its triggers name it
 * and stay as they are. PostgreSQL has nothing to do: its GIN index reads a prefix as one range.
 */
export function aliasPrefixes(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (engine !== 'sqlite') return;
      await sql`DROP TABLE person_aliases_fts`.execute(db);
      await sql`CREATE VIRTUAL TABLE person_aliases_fts USING fts5(person_id UNINDEXED, normalized, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')`.execute(db);
      await sql`INSERT INTO person_aliases_fts (rowid, person_id, normalized) SELECT rowid, person_id, normalized FROM person_aliases ORDER BY rowid`.execute(db);
    },
  };
}
