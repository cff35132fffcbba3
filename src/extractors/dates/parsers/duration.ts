import { COUNT, DURATION_CODES, UNITS, VAGUE_AMOUNTS, readCount } from '../lexicon.js';
import type { Unit } from '../parsed.js';
import type { DateParser } from './parser.js';
import { lower, wordPattern } from './parser.js';

/**
 * Amounts of time: "three years" (in prison), "the past two weeks", "a two-year term",
 * "several months", "more than 48 hours", "the first nine months". TIMEX3 writes them P3Y, P2W,
 * PXM, PT48H; an unknown count is X. A decade is ten years, a century a hundred (P10Y, P100Y).
 */

/** The TIMEX3 duration value of `count` units; null count means an unknown amount. */
export function durationValue(count: number | null, unit: Unit): string {
  const { code, time, factor } = DURATION_CODES[unit];
  const prefix = time ? 'PT' : 'P';
  if (count === null) return `${prefix}X${code}`;
  if (!Number.isInteger(count * factor)) {
    // "a year and a half" is 18 months; "half an hour" 30 minutes
    if (unit === 'year') return `P${Math.floor(count)}Y${Math.round((count % 1) * 12)}M`;
    if (unit === 'hour') return `PT${Math.floor(count)}H${Math.round((count % 1) * 60)}M`;
    if (unit === 'minute') return `PT${Math.floor(count)}M${Math.round((count % 1) * 60)}S`;
    if (unit === 'day') return `PT${Math.round(count * 24)}H`;
    return `${prefix}${count * factor}${code}`;
  }
  return `${prefix}${count * factor}${code}`;
}

const UNIT_WORDS = Object.keys(UNITS).join('|');
const LEAD = '(?:(?<lead>the|a|an|another|each of the)\\s+)?(?:(?<which>past|last|next|first|coming|previous|following|final|latest|recent|additional|further|initial|remaining|same|entire|whole|full)\\s+)?';
const APPROX = '(?:(?<approx>about|around|nearly|almost|approximately|roughly|some|more than|less than|fewer than|over|under|at least|at most|up to|no more than|just over|just under|only|within)\\s+)?';

/** What a rate's "a year" follows: an amount, or a count of things ("700 seats"). */
const RATE_LEAD = /(?:\d|\b(?:million|billion|thousand|hundred|dozen|one|two|three|four|five|six|seven|eight|nine|ten|twice|once|times))\s+(?:[a-z]+s\s+)?$/i;

export const durationParser: DateParser = {
  name: 'duration',
  pattern: wordPattern(
    `${APPROX}${LEAD}(?<count>${COUNT})(?:\\s+(?:to|or)\\s+(?<count2>${COUNT}))?(?:\\s+(?<more>more|additional|straight|consecutive|long|full|trading|business|working))?[\\s-]+(?<unit>${UNIT_WORDS})(?:[\\s-]+(?<half>and a half))?(?:-long)?(?![\\s-]+olds?\\b)`,
  ),
  extract(m) {
    const g = m.groups!;
    let count = readCount(g.count!);
    const unit: Unit = UNITS[lower(g.unit)]!;
    // "a year" alone is a duration, but "the year" is the calendar year (handled elsewhere)
    if (count === null && !VAGUE_AMOUNTS.has(lower(g.count))) return null;
    if (g.count2) count = null;
    if (count !== null && g.half) count += 0.5;
    // "$2 million a year", "four flights a week", "24 hours a day": a rate, not a span of time
    if (/^(?:a|an|per)$/i.test(g.count!) && !g.approx && !g.lead && RATE_LEAD.test(m.input.slice(Math.max(0, m.index - 40), m.index))) return null;
    // "three-quarters", "a quarter of its sales": fractions, not spans of time
    if (unit === 'quarter' && (count === null || count < 2 || /-/.test(m[0]))) return null;
    return { type: 'DURATION', stated: {}, fixed: durationValue(count, unit) };
  },
};

/** Plural units with no count: "for years", "in recent weeks", "the coming months", "decades-long". */
export const vagueDurationParser: DateParser = {
  name: 'vague-duration',
  // The lookbehind's whitespace is bounded: `\s+` there rescanned a whole run of blank lines at every position (quadratic).
  pattern: wordPattern(
    `(?<!\\d\\s|\\d-)(?:(?<lead>the\\s+)?(?<which>past|last|next|coming|recent|first|early|final)\\s+|(?<=\\b(?:for|over|in|within|after|took|take|takes|lasted|last)\\s{1,20}))(?<unit>minutes|hours|days|weeks|months|years|decades|centuries)(?:-long)?`,
  ),
  extract(m) {
    const g = m.groups!;
    const unit = UNITS[lower(g.unit)]!;
    const which = lower(g.which);
    // TimeBank reads "recent years" as the past in general, "recent weeks" as a stretch of weeks
    if (which === 'recent' && !g.lead && unit === 'year') return { type: 'DATE', stated: {}, fixed: 'PAST_REF' };
    if ((which === 'coming' || which === 'next') && !g.lead) return { type: 'DATE', stated: {}, fixed: 'FUTURE_REF' };
    return { type: 'DURATION', stated: {}, fixed: durationValue(null, unit) };
  },
};
