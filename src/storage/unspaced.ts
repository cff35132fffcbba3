/**
 * Scripts written without spaces between words (Thai, Lao, Tibetan, Myanmar, Khmer, Hangul with
 * its particles, Chinese, Japanese). A word index cuts their text into runs, not words, so a name
 * written in them, or glued to them ("记者Zhang Zhan被捕"), is not a word the index holds: a report
 * with such text is also scanned for a restricted person's names (`access.ts`).
 */
const RANGES: [number, number][] = [
  [0x0e00, 0x0fff],
  [0x1000, 0x109f],
  [0x1100, 0x11ff],
  [0x1780, 0x17ff],
  [0x2e80, 0x2fdf],
  [0x3040, 0x30ff],
  [0x3130, 0x318f],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7af],
  [0xf900, 0xfaff],
  [0x20000, 0x2ffff],
];

const classBody = RANGES.map(([a, b]) => `${String.fromCodePoint(a)}-${String.fromCodePoint(b)}`).join('');
const UNSPACED = new RegExp(`[${classBody}]`, 'u');

/** Whether a text holds any character of a script written without spaces. */
export const hasUnspacedScript = (text: string): boolean => UNSPACED.test(text);

/** The same test in SQL: a GLOB pattern for SQLite, a regular expression for PostgreSQL's `~`. */
export const UNSPACED_GLOB = `*[${classBody}]*`;
export const UNSPACED_REGEX = `[${classBody}]`;
