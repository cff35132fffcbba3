import { MONTHS, PARTS_OF_DAY, WEEKDAYS, alternation } from '../lexicon.js';
import type { DateParser } from './parser.js';
import { isCapitalised, lower, wordPattern } from './parser.js';

/**
 * Recurrences (TIMEX3 SET): "every Monday" → XXXX-WXX-1, "every week" → P1W, "daily" → P1D,
 * "twice a year" → P1Y, "Tuesday nights" → XXXX-WXX-2TNI.
 */

const ADVERBS: Record<string, string> = { daily: 'P1D', weekly: 'P1W', monthly: 'P1M', yearly: 'P1Y', hourly: 'PT1H', nightly: 'P1D' };
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(ADVERBS, null);
const UNIT_SETS: Record<string, string> = { day: 'P1D', night: 'P1D', week: 'P1W', month: 'P1M', year: 'P1Y', quarter: 'P1Q', hour: 'PT1H', decade: 'P10Y', morning: 'P1D', evening: 'P1D' };
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(UNIT_SETS, null);
const WEEKDAY_WORDS = alternation(Object.keys(WEEKDAYS).filter((w) => w.length > 3));
const MONTH_WORDS = alternation(Object.keys(MONTHS).filter((w) => w.length > 3 || w === 'may'));

export const everyParser: DateParser = {
  name: 'every',
  pattern: wordPattern(`(?<q>every|each|per)\\s+(?:(?<other>other|single)\\s+)?(?:(?<weekday>${WEEKDAY_WORDS})|(?<month>${MONTH_WORDS})|(?<unit>day|night|week|month|year|quarter|hour|decade|morning|evening))`),
  extract(m) {
    const g = m.groups!;
    if (g.month) return isCapitalised(g.month) ? { type: 'SET', stated: {}, fixed: `XXXX-${String(MONTHS[lower(g.month)]).padStart(2, '0')}` } : null;
    if (g.weekday) return { type: 'SET', stated: {}, fixed: `XXXX-WXX-${WEEKDAYS[lower(g.weekday)]!}` };
    const value = UNIT_SETS[lower(g.unit)]!;
    return { type: 'SET', stated: {}, fixed: lower(g.other) === 'other' ? value.replace('1', '2') : value };
  },
};

export const adverbSetParser: DateParser = {
  name: 'adverb-set',
  pattern: wordPattern(`(?<word>${alternation(Object.keys(ADVERBS))})`),
  extract(m) {
    return { type: 'SET', stated: {}, fixed: ADVERBS[lower(m.groups!.word)]! };
  },
};

const PLURAL_PARTS = alternation(['mornings', 'afternoons', 'evenings', 'nights']);

/** "on Mondays", "Tuesday nights": a plural weekday recurs. */
export const pluralWeekdayParser: DateParser = {
  name: 'plural-weekday',
  pattern: wordPattern(`(?<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:s(?:\\s+(?<part>${PLURAL_PARTS}))?|\\s+(?<part2>${PLURAL_PARTS}))`),
  extract(m) {
    const g = m.groups!;
    if (!isCapitalised(g.weekday)) return null;
    const partWord = g.part ?? g.part2;
    const part = partWord ? PARTS_OF_DAY[lower(partWord).slice(0, -1)] : undefined;
    return { type: 'SET', stated: {}, fixed: `XXXX-WXX-${WEEKDAYS[lower(g.weekday)]!}${part ? `T${part}` : ''}` };
  },
};
