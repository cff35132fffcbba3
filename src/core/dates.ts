import { VigilError } from './errors.js';

/** Earliest and latest publication dates we accept: news before 1800 or after next year is a typo. */
const MIN_YEAR = 1800;

/**
 * Validates a calendar date written YYYY-MM-DD (an ISO timestamp is cut to its date) and returns it.
 * "2018-02-30" and "3000-01-01" are rejected with `invalid_date`: an impossible or far-future
 * publication date would silently mis-resolve every relative date in the report.
 */
export function parsePublishedDate(input: string, today: Date = new Date()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(input.trim());
  if (!m) throw new VigilError('invalid_date', `not a date in the form YYYY-MM-DD: "${input}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new VigilError('invalid_date', `no such calendar date: "${input}"`);
  }
  const maxYear = today.getUTCFullYear() + 1;
  if (y < MIN_YEAR || y > maxYear) {
    throw new VigilError('invalid_date', `publication year ${y} is outside ${MIN_YEAR}–${maxYear}`);
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}
