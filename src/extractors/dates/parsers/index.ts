import { dayMonthParser, monthDayParser, monthYearParser, numericDateParser, spelledYearParser, yearParser } from './absolute.js';
import { durationParser, vagueDurationParser } from './duration.js';
import type { DateParser } from './parser.js';
import { decadeParser, holidayParser, quarterParser, seasonParser, yearAgoAdjectiveParser, yearEndParser } from './periods.js';
import { referenceAdjectiveParser, referenceParser } from './reference.js';
import { agoParser, anaphoricParser, dayWordParser, relativePeriodParser, theYearParser, weekdayParser, weekendParser } from './relative.js';
import { adverbSetParser, everyParser, pluralWeekdayParser } from './sets.js';
import { clockParser, partOfDayParser } from './time.js';

export type { DateParser } from './parser.js';

/** Every parser, in priority order: when two read the same span, the earlier one wins. */
export const PARSERS: readonly DateParser[] = [
  numericDateParser,
  monthDayParser,
  dayMonthParser,
  monthYearParser,
  spelledYearParser,
  holidayParser,
  quarterParser,
  seasonParser,
  yearEndParser,
  yearAgoAdjectiveParser,
  decadeParser,
  agoParser,
  anaphoricParser,
  relativePeriodParser,
  weekendParser,
  theYearParser,
  dayWordParser,
  weekdayParser,
  clockParser,
  partOfDayParser,
  everyParser,
  pluralWeekdayParser,
  adverbSetParser,
  durationParser,
  vagueDurationParser,
  referenceParser,
  referenceAdjectiveParser,
  yearParser,
];
