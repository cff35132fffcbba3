import { COUNT } from '../lexicon.js';
import type { DateParser } from './parser.js';
import { lower, wordPattern } from './parser.js';

/**
 * Deictic references with no calendar value: "now" and "currently" are PRESENT_REF, "recently"
 * and "in the past" PAST_REF, "the future" and "soon" FUTURE_REF (TimeML's special values).
 */
const REFS: Record<string, string> = {
  now: 'PRESENT_REF',
  'right now': 'PRESENT_REF',
  currently: 'PRESENT_REF',
  'at present': 'PRESENT_REF',
  'at the moment': 'PRESENT_REF',
  'at this time': 'PRESENT_REF',
  'these days': 'PRESENT_REF',
  nowadays: 'PRESENT_REF',
  'the present': 'PRESENT_REF',
  recently: 'PAST_REF',
  'more recently': 'PAST_REF',
  'until recently': 'PAST_REF',
  'the past': 'PAST_REF',
  'the future': 'FUTURE_REF',
  'the near future': 'FUTURE_REF',
  'the foreseeable future': 'FUTURE_REF',
  'the near term': 'FUTURE_REF',
  'the short term': 'FUTURE_REF',
  'a later date': 'FUTURE_REF',
  'as soon as possible': 'FUTURE_REF',
  future: 'FUTURE_REF',
};
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(REFS, null);

export const referenceParser: DateParser = {
  name: 'reference',
  pattern: wordPattern(
    `(?:${Object.keys(REFS)
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/ /g, '\\s+'))
      .join('|')})(?!\\s+(?:${COUNT}|decades?|century|centuries|years?|months?|weeks?|days?|summers?|winters?|quarters?)\\b)`,
  ),
  extract(m) {
    const key = lower(m[0]);
    const value = REFS[key];
    if (!value) return null;
    // "future" bare is an adjective only when it is about time ("future generations" is not a date)
    if (key === 'future') return null;
    return { type: 'DATE', stated: {}, fixed: value };
  },
};

/** "current" used as a time adjective ("the current crisis") is PRESENT_REF in TimeBank. */
export const referenceAdjectiveParser: DateParser = {
  name: 'reference-adjective',
  pattern: wordPattern('(?<word>current)(?!\\s+(?:quarter|year|month|week|fiscal|period)\\b)'),
  // "recent" is left alone: TimeBank marks it far less often than it occurs
  extract: () => ({ type: 'DATE', stated: {}, fixed: 'PRESENT_REF' }),
};
