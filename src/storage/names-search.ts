import type { RawBuilder } from 'kysely';
import { sql } from 'kysely';
import { normalizeName } from '../cases/names.js';
import type { Engine } from './engine.js';

/**
 * A name search through the full-text index of the aliases (FTS5 on SQLite, a tsvector GIN index
 * on PostgreSQL) instead of `LIKE '%…%'` over every alias: each word of the query, lower-cased and
 * accent-folded as the aliases are (`normalizeName`), must begin a word of one alias of the
 * person ("drost" and "pav dro" find "Pavel Drošt"). A piece from the middle of a word no longer
 * matches: that is what an index cannot find without reading every name.
 */
export function nameWords(terms: string): string[] {
  return normalizeName(terms).split(' ').filter(Boolean);
}

/** `column` (a person id) names someone with an alias matching every word of `terms`. */
export function personNamed(engine: Engine, terms: string, column: string): RawBuilder<boolean> {
  const words = nameWords(terms);
  if (!words.length) return sql<boolean>`1 = 0`;
  const col = sql.ref(column);
  if (engine === 'sqlite') return sql<boolean>`${col} IN (SELECT person_id FROM person_aliases_fts WHERE person_aliases_fts MATCH ${aliasFtsMatch(terms)})`;
  return sql<boolean>`${col} IN (SELECT person_id FROM person_aliases WHERE ${aliasMatches(terms)})`;
}

/** PostgreSQL: a row of `person_aliases` matches every word of `terms` (as `personNamed`), through the GIN index person_aliases_search. */
export function aliasMatches(terms: string): RawBuilder<boolean> {
  if (!nameWords(terms).length) return sql<boolean>`1 = 0`;
  return sql<boolean>`to_tsvector('simple', person_aliases.normalized) @@ to_tsquery('simple', ${namesTsQuery(terms)})`;
}

/** PostgreSQL: the tsquery of `terms` for a name (each word, quoted, a prefix: `'pav':* & 'dro':*`); empty when it has no word. */
export function namesTsQuery(terms: string): string {
  return nameWords(terms)
    .map((w) => `'${w.replace(/'/g, "''").replace(/\\/g, '\\\\')}':*`)
    .join(' & ');
}

/** SQLite: the FTS5 query of `person_aliases_fts` for `terms`, each word a quoted string with a prefix star (user input never reaches FTS5's syntax). */
export function aliasFtsMatch(terms: string): string {
  return nameWords(terms).map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}
