import { MONTHS, WEEKDAYS, alternation, readCount } from '../lexicon.js';
import type { DateParser } from './parser.js';
import { isCapitalised, lower, wordPattern, year } from './parser.js';

/**
 * Calendar dates as written: "Dec. 7", "Friday, Dec. 7, 2018", "7 December 2018", "December 2018",
 * "2018-12-07", "12/7/2018", a bare year, "fiscal 1998". Month names must be capitalised, so the
 * modal "may" and the verb "march" never become months here (the POS filter handles "May" too).
 */

/** Full month names, or abbreviations with an optional period ("Dec." and "Dec"): never "October." */
const MONTH = `(?:(?<month>${alternation(Object.keys(MONTHS).filter((w) => w.length > 4 || w === 'june' || w === 'july' || w === 'may'))})|(?<mabbr>${alternation(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'])})\\.?)`;
const WEEKDAY = `(?:(?<weekday>${alternation(Object.keys(WEEKDAYS).filter((w) => w.length > 3))}),?\\s+)`;
const DAY = '(?<day>[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?<year>1[6-9]\\d\\d|2[01]\\d\\d)';
const EDGE = '(?:(?<edge>early|mid|late|the end of|the beginning of|the start of|the middle of)[\\s-]+)?';

function monthNumber(word: string | undefined): number | undefined {
  if (!word || !isCapitalised(word)) return undefined;
  const w = lower(word);
  // three-letter "Mar", "Jun" only with their period; "may"/"march" alone must be capitalised
  return MONTHS[w];
}

const dayOf = (s: string | undefined): number | undefined => (s ? Number(s) : undefined);

/** "August 6 last year", "6 August this year": the year said relative to the report's. */
const REL_YEAR = '\\s+(?<rel>this|last|next)\\s+year';
const relYear = (rel: string): { unit: 'year'; n: number } => ({ unit: 'year', n: lower(rel) === 'last' ? -1 : lower(rel) === 'next' ? 1 : 0 });

export const monthDayParser: DateParser = {
  name: 'month-day',
  // "shot to death last Oct. 23": "last" says which year, and the day stays
  // "a court hearing the week of March 6" names the week, not the day
  pattern: wordPattern(`(?:(?<weekof>(?:the\\s+)?week\\s+of)\\s+)?${WEEKDAY}?(?:(?<before>last|next)\\s+)?${EDGE}${MONTH}\\s+${DAY}(?:,?\\s+${YEAR}|${REL_YEAR})?`),
  extract(m) {
    const g = m.groups!;
    const month = monthNumber(g.month ?? g.mabbr);
    if (month === undefined) return null;
    const weekday = g.weekday ? WEEKDAYS[lower(g.weekday)] : undefined;
    if (g.rel) return { type: 'DATE', stated: { month, day: dayOf(g.day), weekday }, shift: relYear(g.rel) };
    const before = lower(g.before);
    const direction = before === 'last' ? 'past' : before === 'next' ? 'future' : 'tense';
    return { type: 'DATE', stated: { month, day: dayOf(g.day), year: year(g.year), weekday }, direction, strict: before !== '' || undefined, weekOf: g.weekof ? true : undefined };
  },
};

export const dayMonthParser: DateParser = {
  name: 'day-month',
  pattern: wordPattern(`${WEEKDAY}?(?:the\\s+)?${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR}|${REL_YEAR})?`),
  extract(m) {
    const g = m.groups!;
    const month = monthNumber(g.month ?? g.mabbr);
    if (month === undefined) return null;
    if (g.rel) return { type: 'DATE', stated: { month, day: dayOf(g.day) }, shift: relYear(g.rel) };
    return { type: 'DATE', stated: { month, day: dayOf(g.day), year: year(g.year) }, direction: 'tense' };
  },
};

export const monthYearParser: DateParser = {
  name: 'month-year',
  pattern: wordPattern(`${EDGE}(?:(?<before>last|next|this|this past|this coming)\\s+)?${MONTH}(?:,?\\s+(?:of\\s+)?${YEAR}|\\s+(?<rel>this|last|next)\\s+year)?`),
  extract(m) {
    const g = m.groups!;
    const month = monthNumber(g.month ?? g.mabbr);
    if (month === undefined) return null;
    // a bare three-letter abbreviation without its period is too often something else ("Mar", "Jun")
    if (!g.year && !g.rel && g.mabbr && !m[0].includes('.')) return null;
    const before = lower(g.before);
    if (before === 'last' || before === 'this past') return { type: 'DATE', stated: { month }, direction: 'past', strict: true };
    if (before === 'next' || before === 'this coming') return { type: 'DATE', stated: { month }, direction: 'future', strict: true };
    if (before === 'this') return { type: 'DATE', stated: { month }, shift: { unit: 'year', n: 0 } };
    if (g.rel) {
      const n = g.rel.toLowerCase() === 'last' ? -1 : g.rel.toLowerCase() === 'next' ? 1 : 0;
      return { type: 'DATE', stated: { month }, shift: { unit: 'year', n } };
    }
    return { type: 'DATE', stated: { month, year: year(g.year) }, direction: 'tense' };
  },
};

export const numericDateParser: DateParser = {
  name: 'numeric-date',
  pattern: wordPattern('(?<iy>1[6-9]\\d\\d|2[01]\\d\\d)-(?<im>0[1-9]|1[0-2])-(?<id>[0-2]\\d|3[01])|(?<um>1[0-2]|0?[1-9])/(?<ud>[12]\\d|3[01]|0?[1-9])/(?<uy>\\d{4}|\\d{2})'),
  extract(m) {
    const g = m.groups!;
    if (g.iy) return { type: 'DATE', stated: { year: Number(g.iy), month: Number(g.im), day: Number(g.id) } };
    const y = g.uy!.length === 2 ? (Number(g.uy) > 40 ? 1900 : 2000) + Number(g.uy) : Number(g.uy);
    return { type: 'DATE', stated: { year: y, month: Number(g.um), day: Number(g.ud) } };
  },
};

/**
 * A bare year. Numbers that are amounts are not years: "$1998", "1998 people", "1,998", "in 2018-19"
 * stays one year (the first); "the 1990s" belongs to the decade parser.
 */
export const yearParser: DateParser = {
  name: 'year',
  pattern: wordPattern(`(?<!\\$\\s?|[\\d,.]\\s?)${EDGE}(?:(?<fiscal>fiscal(?:\\s+year)?)\\s+)?(?:(?<mid>mid)-)?${YEAR}(?!\\s*(?:%|percent|people|persons|men|women|troops|units|shares|acres|miles|tons|feet|meters|years|-\\d)|[,.]\\d|'?s\\b)`),
  extract(m) {
    const y = year(m.groups!.year);
    if (y === undefined) return null;
    return { type: 'DATE', stated: { year: y } };
  },
};

const TEENS_AND_TENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const DIGIT_WORDS = 'one|two|three|four|five|six|seven|eight|nine';
/** A year said in words, without capture groups so that other parsers can embed it ("the winter of nineteen eighty-six"). */
export const SPELLED_YEAR = `(?:(?:nineteen|eighteen|twenty)\\s+(?:(?:${TEENS_AND_TENS})(?:-(?:${DIGIT_WORDS}))?|oh[\\s-](?:${DIGIT_WORDS}))|two\\s+thousand(?:\\s+and\\s+(?:${DIGIT_WORDS}|ten))?)`;

/** The year a SPELLED_YEAR match names, or null. */
export function readSpelledYear(words: string): number | null {
  const w = lower(words).replace(/\s+/g, ' ');
  const thousand = /^two thousand(?: and (\w+))?$/.exec(w);
  if (thousand) return 2000 + (thousand[1] ? (readCount(thousand[1]) ?? 0) : 0);
  const parts = /^(nineteen|eighteen|twenty) (?:oh[\s-])?(.+)$/.exec(w);
  const lo = parts ? readCount(parts[2]!) : null;
  return parts && lo !== null ? readCount(parts[1]!)! * 100 + lo : null;
}

/** Years said in words, as broadcast transcripts write them: "nineteen ninety-six", "the year two thousand". */
export const spelledYearParser: DateParser = {
  name: 'spelled-year',
  pattern: wordPattern(
    `(?:(?<month>${alternation(Object.keys(MONTHS).filter((w) => w.length > 4 || w === 'june' || w === 'july' || w === 'may'))})\\s+)?(?:the\\s+year\\s+)?(?<spoken>${SPELLED_YEAR})`,
  ),
  extract(m) {
    const g = m.groups!;
    const y = readSpelledYear(g.spoken!);
    if (y === null || year(String(y)) === undefined) return null;
    // "twenty ten" alone is more often a count than a year; "nineteen ninety-six" and "the year two thousand" are years
    if (!/^two\s+thousand/i.test(g.spoken!) && !/^the\s/i.test(m[0]) && !g.month && !/^(?:nineteen|eighteen)/i.test(g.spoken!)) return null;
    const month = g.month && isCapitalised(g.month) ? MONTHS[lower(g.month)] : undefined;
    return { type: 'DATE', stated: { year: y, month } };
  },
};
