import { COUNT, SEASONS, UNITS, WEEKDAYS, alternation, readCount } from '../lexicon.js';
import type { Unit } from '../parsed.js';
import type { DateParser } from './parser.js';
import { isCapitalised, lower, wordPattern } from './parser.js';

/**
 * Dates relative to the publication date (or, for "the next day", to the date last mentioned):
 * "Friday", "last Friday", "yesterday", "last month", "earlier this year", "two weeks ago".
 */

const WEEKDAY_WORDS = alternation(Object.keys(WEEKDAYS).filter((w) => w.length > 3));
const EDGE = '(?:(?<edge>early|late|earlier|later|mid|the end of|the beginning of|the start of|the middle of)[\\s-]+)?';

export const weekdayParser: DateParser = {
  name: 'weekday',
  pattern: wordPattern(`${EDGE}(?:(?<rel>last|next|this|this past|this coming|coming|the previous|the following|the next|that)\\s+)?(?<weekday>${WEEKDAY_WORDS})(?:'s)?`),
  extract(m) {
    const g = m.groups!;
    if (!isCapitalised(g.weekday)) return null;
    const weekday = WEEKDAYS[lower(g.weekday)]!;
    const rel = lower(g.rel);
    if (rel === 'the following' || rel === 'the next') return { type: 'DATE', stated: { weekday }, anchor: 'previous', direction: 'future', strict: true };
    if (rel === 'the previous') return { type: 'DATE', stated: { weekday }, anchor: 'previous', direction: 'past', strict: true };
    if (rel === 'last' || rel === 'this past') return { type: 'DATE', stated: { weekday }, direction: 'past', strict: true };
    if (rel === 'next' || rel === 'this coming' || rel === 'coming') return { type: 'DATE', stated: { weekday }, direction: 'future', strict: true };
    // "as early as Tuesday", "by Friday": a deadline, which findTimexes reads from the words before
    return { type: 'DATE', stated: { weekday }, direction: 'tense' };
  },
};

const DAY_SHIFT: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1, tonight: 0, 'the day before yesterday': -2, 'the day after tomorrow': 2 };
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(DAY_SHIFT, null);

export const dayWordParser: DateParser = {
  name: 'day-word',
  pattern: wordPattern(`${EDGE}(?<word>the day before yesterday|the day after tomorrow|today|yesterday|tomorrow|tonight)`),
  extract(m) {
    const word = lower(m.groups!.word);
    if (word === 'tonight') return { type: 'TIME', stated: { partOfDay: 'NI' }, shift: { unit: 'day', n: 0 } };
    return { type: 'DATE', stated: {}, shift: { unit: 'day', n: DAY_SHIFT[word]! } };
  },
};

const PERIOD_UNITS = 'week|month|year|quarter|decade|century';
const REL_SHIFT: Record<string, number> = {
  last: -1, past: -1, previous: -1, latest: 0, full: 0, fiscal: 0, 'this past': -1, next: 1, coming: 1, 'this coming': 1, following: 1, this: 0, current: 0, present: 0, 'this current': 0, 'the current': 0,
};
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(REL_SHIFT, null);

/** "last month", "this year", "earlier this week", "next quarter", "last summer", "late last year". */
export const relativePeriodParser: DateParser = {
  name: 'relative-period',
  pattern: wordPattern(
    `${EDGE}(?:the\\s+)?(?<rel>last|next|this past|this coming|this|coming|current|present|previous|following|past|latest|full|fiscal)\\s+(?:(?<fiscal>fiscal|calendar)\\s+)?(?<unit>${PERIOD_UNITS}|${alternation(Object.keys(SEASONS))})(?:'s)?`,
  ),
  extract(m) {
    const g = m.groups!;
    const rel = lower(g.rel);
    const word = lower(g.unit);
    const n = REL_SHIFT[rel]!;
    const anchor = rel === 'previous' || rel === 'following' ? 'previous' : undefined;
    if (word in SEASONS) {
      // "this summer" is this year's, whichever way the clause looks
      if (n === 0) return { type: 'DATE', stated: { season: SEASONS[word] }, shift: { unit: 'year', n: 0 } };
      return { type: 'DATE', stated: { season: SEASONS[word] }, direction: n < 0 ? 'past' : 'future', strict: true };
    }
    const unit = UNITS[word]!;
    // "changed from a fiscal year to a calendar year" speaks of a kind of year, not of one
    if (rel === 'fiscal' && /\b(?:a|an)\s+$/i.test(m.input.slice(Math.max(0, m.index - 4), m.index))) return null;
    if (rel === 'fiscal' && unit === 'year') return { type: 'DURATION', stated: {}, fixed: 'P1Y' };
    // "the past decade" is the ten years up to now, not the 1980s
    if (rel === 'past' && (unit === 'decade' || unit === 'century')) return { type: 'DURATION', stated: {}, fixed: unit === 'decade' ? 'P10Y' : 'P100Y' };
    // "this quarter" in an earnings report is the quarter being reported, once the text has named it
    if (unit === 'quarter' && n === 0) return { type: 'DATE', stated: {}, shift: { unit, n }, contextual: { unit: 'quarter', yearShift: 0 }, contextualIfNamed: true };
    // "the past year" reads as the last twelve months more often than as a calendar year; TimeBank marks it a date all the same
    return { type: 'DATE', stated: {}, shift: { unit, n }, anchor };
  },
};

/** "the weekend", "last weekend", "this weekend": the ISO week's weekend, past or coming by tense. */
/**
 * "the year": in news, the current year ("a high for the year", "the first nine months of the
 * year"), except where a report names the year's end: "for the year ended Sept. 30" is a span
 * of twelve months, which TimeBank writes P1Y.
 */
export const theYearParser: DateParser = {
  name: 'the-year',
  pattern: wordPattern(`(?:earlier\\s+in\\s+|later\\s+in\\s+)?the\\s+year(?!-|\\s+(?:before|after|earlier|ago|\\d))`),
  extract(m) {
    const after = m.input.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (/^the\s+year$/i.test(m[0]) && /^\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to\s+end)\b/i.test(after)) return { type: 'DURATION', stated: {}, fixed: 'P1Y' };
    return { type: 'DATE', stated: {}, shift: { unit: 'year', n: 0 } };
  },
};

export const weekendParser: DateParser = {
  name: 'weekend',
  pattern: wordPattern(`(?:(?<rel>the|this|last|next|this past|this coming|over the)\\s+)weekend`),
  extract(m) {
    const rel = lower(m.groups!.rel).replace(/^over the$/, 'the');
    const direction = rel === 'last' || rel === 'this past' ? 'past' : rel === 'next' || rel === 'this coming' ? 'future' : 'tense';
    return { type: 'DATE', stated: {}, shift: { unit: 'weekend', n: 0 }, direction };
  },
};

export const agoParser: DateParser = {
  name: 'ago',
  pattern: wordPattern(
    `(?:(?<approx>about|around|nearly|almost|some|roughly|more than|less than|over|just over|just under|only)\\s+)?(?<count>${COUNT})[\\s-]+(?:or\\s+(?:so|two|more)\\s+)?(?<unit>${Object.keys(UNITS).join('|')})\\s+(?:or\\s+so\\s+)?(?<dir>ago|earlier|from now|hence)`,
  ),
  extract(m) {
    const g = m.groups!;
    const count = readCount(g.count!);
    const unit: Unit = UNITS[lower(g.unit)]!;
    const dir = lower(g.dir);
    const sign = dir === 'ago' || dir === 'earlier' ? -1 : 1;
    if (count === null || !Number.isInteger(count)) return { type: 'DATE', fixed: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', stated: {} };
    // "a year earlier" in an earnings report counts back from publication. ("Three days later" is a
    // duration and a signal in TimeML: the date it reaches is worked out in `laterDate`.)
    const read = { type: 'DATE', stated: {}, shift: { unit, n: sign * count } } as const;
    // "profit rose from $3 million a year earlier": in an earnings report, the same quarter a year before
    if (unit === 'year' && count === 1 && sign < 0) return { ...read, contextual: { unit: 'quarter', yearShift: -1 }, contextualIfNamed: true };
    return read;
  },
};

/** "the next day", "the following week", "that day", "the same day", "a day later": anchored to the previous date. */
export const anaphoricParser: DateParser = {
  name: 'anaphoric',
  pattern: wordPattern(`(?:(?:earlier|later)\\s+)?(?<rel>the next|the following|the previous|the preceding|that same|the same|that|the day before|the day after)\\s*(?<unit>day|week|month|year|morning|night|evening|afternoon)?`),
  extract(m) {
    const g = m.groups!;
    const rel = lower(g.rel);
    const unitWord = lower(g.unit);
    if (rel === 'the day before' || rel === 'the day after') {
      if (unitWord) return null;
      return { type: 'DATE', stated: {}, shift: { unit: 'day', n: rel === 'the day before' ? -1 : 1 }, anchor: 'previous' };
    }
    if (!unitWord) return null;
    const n = rel === 'the next' || rel === 'the following' ? 1 : rel === 'the previous' || rel === 'the preceding' ? -1 : 0;
    if (unitWord === 'morning' || unitWord === 'night' || unitWord === 'evening' || unitWord === 'afternoon') {
      const partOfDay = ({ morning: 'MO', night: 'NI', evening: 'EV', afternoon: 'AF' } as const)[unitWord];
      if (rel === 'that' || rel === 'the same' || rel === 'that same' || n !== 0) return { type: 'TIME', stated: { partOfDay }, shift: { unit: 'day', n }, anchor: 'previous' };
      return null;
    }
    const unit = UNITS[unitWord]!;
    return { type: 'DATE', stated: {}, shift: { unit, n }, anchor: 'previous' };
  },
};
