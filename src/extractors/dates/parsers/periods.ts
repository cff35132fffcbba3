import { ORDINALS, SEASONS, WEEKDAYS, alternation } from '../lexicon.js';
import { SPELLED_YEAR, readSpelledYear } from './absolute.js';
import type { DateParser } from './parser.js';
import { isCapitalised, lower, wordPattern, year } from './parser.js';

/**
 * Periods of the calendar: quarters and halves ("the third quarter", "third-quarter",
 * "the year-ago quarter"), seasons ("the summer of 2017"), decades and centuries ("the 1990s",
 * "the '90s", "the 20th century") and holidays with a fixed rule ("Christmas", "Thanksgiving").
 */

const ORDINAL = `(?<ord>${alternation(['first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th', 'final', 'last'])})`;
const QUARTER_LEAD = `(?:(?<the>the|its|this|a|that)\\s+)?(?:(?<prev>this year's|last year's|next year's|year-earlier|year-ago|year earlier|comparable|same|prior-year|latest|current|recent|previous|preceding|most recent)\\s+)?(?:(?<y1>1[6-9]\\d\\d|20\\d\\d)\\s+)?(?:(?:fiscal|calendar)[\\s-]+)?`;

export const quarterParser: DateParser = {
  name: 'quarter',
  pattern: wordPattern(`${QUARTER_LEAD}(?:${ORDINAL}[\\s-]+)?(?:fiscal[\\s-]+)?(?<unit>quarter|half|period)(?:\\s+(?:of\\s+(?:fiscal\\s+)?|,\\s*)(?<y2>1[6-9]\\d\\d|20\\d\\d))?`),
  extract(m) {
    const g = m.groups!;
    const ordWord = lower(g.ord);
    const half = lower(g.unit) === 'half';
    const prev = lower(g.prev);
    const y = year(g.y1 ?? g.y2);
    if (lower(g.unit) === 'period') {
      // "the year-ago period", "the latest period", "the 1989 period": the quarter under report
      if (ordWord || (!prev && y === undefined)) return null;
      if (y !== undefined) return { type: 'DATE', stated: { year: y }, contextual: { unit: 'quarter', yearShift: 0 } };
    }
    if (!ordWord) {
      // "the quarter", "the latest quarter", "the year-ago quarter": the quarter the report is about
      if (!g.the && !prev) return null;
      if (half) return null;
      // "the current quarter" is the one the report is written in, not the one it reports on
      if (prev === 'current' && y === undefined && lower(g.unit) === 'quarter') return { type: 'DATE', stated: {}, shift: { unit: 'quarter', n: 0 } };
      const yearShift = /year-earlier|year-ago|year earlier|last year's|prior-year/.test(prev) ? -1 : 0;
      const ended = /latest|recent/.test(prev);
      return { type: 'DATE', stated: { year: y }, contextual: { unit: 'quarter', yearShift, ended } };
    }
    const max = half ? 2 : 4;
    const n = ordWord === 'final' || ordWord === 'last' ? max : ORDINALS[ordWord]!;
    if (n > max) return null;
    const stated = half ? { half: n, year: y } : { quarter: n, year: y };
    if (y !== undefined) return { type: 'DATE', stated };
    if (/year-earlier|year-ago|year earlier|last year's|prior-year/.test(prev)) return { type: 'DATE', stated, shift: { unit: 'year', n: -1 }, direction: 'tense' };
    if (prev === "next year's") return { type: 'DATE', stated, shift: { unit: 'year', n: 1 } };
    return { type: 'DATE', stated, direction: 'tense' };
  },
};

/** "the summer of 2017", "the winter of nineteen eighty-six", "summer 2017", "the summer" (by tense); "the fall of Saigon" is no season. */
export const seasonParser: DateParser = {
  name: 'season',
  pattern: wordPattern(
    `(?:(?<the>the)\\s+)?(?:(?<edge>early|late|mid)[\\s-]+)?(?<season>${alternation(Object.keys(SEASONS))})(?:\\s+(?:of\\s+)?(?<year>1[6-9]\\d\\d|20\\d\\d|${SPELLED_YEAR}))?(?!\\s+of\\b)`,
  ),
  extract(m) {
    const g = m.groups!;
    if (!g.year && !g.the) return null;
    const stated = year(g.year) ?? (g.year ? readSpelledYear(g.year) ?? undefined : undefined);
    return { type: 'DATE', stated: { season: SEASONS[lower(g.season)], year: stated }, direction: 'tense' };
  },
};

/** "year-end", "the end of the year": the publication year. */
export const yearEndParser: DateParser = {
  name: 'year-end',
  pattern: wordPattern(`year-end|year's\\s+end|year\\s+end|the\\s+end\\s+of\\s+the\\s+year`),
  extract: () => ({ type: 'DATE', stated: {}, shift: { unit: 'year', n: 0 } }),
};

/** "year-earlier" and "year-ago" on their own ("year-earlier profit"): the quarter a year back, or the year. */
export const yearAgoAdjectiveParser: DateParser = {
  name: 'year-ago-adjective',
  pattern: wordPattern(`(?:year-earlier|year-ago)(?!\\s+(?:quarter|period|half|first|second|third|fourth)\\b)`),
  extract: () => ({ type: 'DATE', stated: {}, shift: { unit: 'year', n: -1 }, contextual: { unit: 'quarter', yearShift: -1 }, contextualIfNamed: true }),
};

const DECADE_WORDS: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(DECADE_WORDS, null);

export const decadeParser: DateParser = {
  name: 'decade',
  pattern: wordPattern(
    `(?:the\\s+)?(?:(?<edge>early|mid|late|the early|the mid|the late)[\\s-]+)?(?:(?<full>1[6-9]\\d0|20[0-9]0)'?s|'(?<short>\\d0)s|(?<word>${alternation(Object.keys(DECADE_WORDS))})|(?<cent>\\d{1,2})(?:st|nd|rd|th)[\\s-]+century|(?<centword>${alternation(Object.keys(ORDINALS).filter((w) => /teenth|tieth|first|twenty/.test(w)))})[\\s-]+century)`,
  ),
  extract(m) {
    const g = m.groups!;
    if (g.full) return { type: 'DATE', stated: { decade: Number(g.full) / 10 } };
    if (g.short) return { type: 'DATE', stated: { decade: 190 + Number(g.short) / 10 } };
    if (g.word) {
      if (!/^the\s/i.test(m[0]) && !g.edge) return null; // "in her sixties" is an age
      return { type: 'DATE', stated: { decade: 190 + DECADE_WORDS[lower(g.word)]! } };
    }
    const n = g.cent ? Number(g.cent) : ORDINALS[lower(g.centword)];
    if (!n) return null;
    return { type: 'DATE', stated: { century: n - 1 } };
  },
};

/** Holidays with a fixed rule. Thanksgiving is the US one: the fourth Thursday of November. */
export const HOLIDAYS: Record<string, { month: number; day?: number; nth?: { weekday: number; n: number } }> = {
  christmas: { month: 12, day: 25 },
  'christmas day': { month: 12, day: 25 },
  'christmas eve': { month: 12, day: 24 },
  "new year's day": { month: 1, day: 1 },
  "new year's eve": { month: 12, day: 31 },
  'thanksgiving day': { month: 11, nth: { weekday: WEEKDAYS.thursday!, n: 4 } },
  thanksgiving: { month: 11, nth: { weekday: WEEKDAYS.thursday!, n: 4 } },
  'labor day': { month: 9, nth: { weekday: WEEKDAYS.monday!, n: 1 } },
  'memorial day': { month: 5, nth: { weekday: WEEKDAYS.monday!, n: -1 } },
  'independence day': { month: 7, day: 4 },
  'valentine\'s day': { month: 2, day: 14 },
  halloween: { month: 10, day: 31 },
};
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(HOLIDAYS, null);

export const holidayParser: DateParser = {
  name: 'holiday',
  pattern: wordPattern(`(?:(?<rel>last|next|this)\\s+)?(?<name>${alternation(Object.keys(HOLIDAYS))})(?:\\s+(?<year>1[6-9]\\d\\d|20\\d\\d))?`),
  extract(m) {
    const g = m.groups!;
    if (!isCapitalised(g.name)) return null;
    const rel = lower(g.rel);
    return {
      type: 'DATE',
      stated: { year: year(g.year), holiday: lower(g.name) },
      direction: rel === 'last' ? 'past' : rel === 'next' ? 'future' : 'tense',
    };
  },
};
