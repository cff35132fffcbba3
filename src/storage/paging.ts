import type { Expression, SqlBool } from 'kysely';
import { sql } from 'kysely';
import { VigilError } from '../core/errors.js';

/**
 * Keyset pagination for the long lists (inbox, cases, alerts): each is ordered by a time column
 * descending (nulls last), then by id ascending, and a page ends with a `next` cursor holding the
 * last row's two keys. The next page starts strictly after it, read through an index in that
 * order, so page 1,000 costs what page 1 does (OFFSET reads and throws away every row before
 * it) and rows written meanwhile neither repeat nor go missing. `offset` is still accepted.
 */
export interface Cursor {
  at: string | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(s: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && (v[0] === null || typeof v[0] === 'string') && typeof v[1] === 'string') return { at: v[0] as string | null, id: v[1] };
  } catch {
    // fall through to the typed error
  }
  throw new VigilError('invalid_input', 'cursor is not one this server gave (pass the `next` value of the previous page)');
}

/**
 * Rows after the cursor in the order `atColumn DESC NULLS LAST, idColumn ASC`. Written as
 * `at <= x AND (…)` so both engines seek the index to x rather than filter from its start.
 */
export function after(cursor: Cursor, atColumn: string, idColumn: string, nullable = false): Expression<SqlBool> {
  const at = sql.ref(atColumn);
  const id = sql.ref(idColumn);
  if (cursor.at === null) return sql<SqlBool>`(${at} IS NULL AND ${id} > ${cursor.id})`;
  const seek = sql<SqlBool>`(${at} <= ${cursor.at} AND (${at} < ${cursor.at} OR ${id} > ${cursor.id}))`;
  return nullable ? sql<SqlBool>`(${seek} OR ${at} IS NULL)` : seek;
}

/** The cursor of a full page's last row; null when the page is the last one. */
export function nextCursor<T>(rows: T[], limit: number, key: (row: T) => Cursor): string | null {
  return rows.length === limit && rows.length > 0 ? encodeCursor(key(rows[rows.length - 1]!)) : null;
}
