import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timexesOf } from './dates-test-helpers.js';

/**
 * Inputs that must NOT produce a date (chrono-node keeps such a file too): names, titles,
 * verbs, ages, amounts and fractions that look like dates. Each line is checked alone.
 */
const NOT_DATES = [
  'The interview was broadcast by Russia Today and quoted by USA Today.',
  'Theresa May said the talks would continue.',
  'May Chen, a lawyer for the family, declined to comment.',
  'Workers march through the capital to demand higher wages.',
  'He said it may rain.',
  'The interview aired on 60 Minutes and This Week.',
  'The 6-year-old boy was returned to his mother.',
  'A 52-year-old teacher was among those arrested.',
  'About three-quarters of the members voted for the strike.',
  'The union has 1,998 members.',
  'The fine was $2018.',
  'Police said 2018 protesters were detained.',
  'Some 2000 protesters marched to the court.',
  'She is in her sixties.',
  'The Sunday Times published the letter.',
  'The report was previously unpublished.',
  'Sat in a cell, he waited.',
  'A future government may review the case.',
  'Thousands joined the annual March for Justice in the capital.',
  'The union says the fine costs its members $2 million a year.',
  'The clinic handles about 700 cases a week.',
  'The prison switched from a fiscal year to a calendar year.',
];

for (const text of NOT_DATES) {
  test(`no date in: ${text}`, () => {
    const found = timexesOf(text);
    assert.deepEqual(
      found.map((t) => t.text),
      [],
    );
  });
}
