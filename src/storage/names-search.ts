import type { RawBuilder } from 'kysely';
import { sql } from 'kysely';
import { normalizeName } from '../cases/names.js';
import type { Engine } from './engine.js';

/**
 * The words of a name search, lower-cased and accent-folded as the names are kept
 * (`normalizeName`): each must begin a word of one of the person's names ("drost" and "pav dro"
 * find "Pavel Drošt"). A piece from the middle of a word does not match: that is what an index
 * cannot find without reading every name.
 */
export function nameWords(terms: string): string[] {
  return normalizeName(terms).split(' ').filter(Boolean);
}

/**
 * `column` (a person id) is a live record bearing every word of `terms`, through the full-text
 * index of the people (`person_search`, migration 019: one row per live record with all its names,
 * FTS5 on SQLite, a tsvector GIN index on PostgreSQL), as a search by name finds them. Before, the
 * case list's filter went through the index of the aliases, one row per alias (and every word had
 * to be in one alias): a family name borne by thousands was read alias by alias.
 */
export function personNamed(engine: Engine, terms: string, column: string): RawBuilder<boolean> {
  if (!nameWords(terms).length) return sql<boolean>`1 = 0`;
  const col = sql.ref(column);
  if (engine === 'sqlite') return sql<boolean>`${col} IN (SELECT person_search.person_id FROM person_search_fts INNER JOIN person_search ON person_search.key = person_search_fts.rowid WHERE person_search_fts MATCH ${aliasFtsMatch(terms)})`;
  return sql<boolean>`${col} IN (SELECT person_search.person_id FROM person_search WHERE person_search.search @@ to_tsquery('simple', ${namesTsQuery(terms)}))`;
}

/**
 * `column` is a restricted case whose code name is `terms` (any case of letters): a member knows the
 * case by the code name the list shows them ("Heron"). Whoever asks, the caller's access filter
 * decides whether the case is theirs to see.
 */
export function personCoded(terms: string, column: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} IN (SELECT coded.id FROM persons AS coded WHERE coded.restricted = 1 AND upper(coded.code_name) = ${terms.trim().toUpperCase()})`;
}

/** PostgreSQL: the tsquery of `terms` for a name (each word, quoted, a prefix: `'pav':* & 'dro':*`); empty when it has no word. */
export function namesTsQuery(terms: string): string {
  return nameWords(terms)
    .map((w) => `'${w.replace(/'/g, "''").replace(/\\/g, '\\\\')}':*`)
    .join(' & ');
}

/** SQLite: the FTS5 query of the people's index (`person_search_fts`) for `terms`, each word a quoted string with a prefix star (user input never reaches FTS5's syntax). */
export function aliasFtsMatch(terms: string): string {
  return nameWords(terms).map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
}
