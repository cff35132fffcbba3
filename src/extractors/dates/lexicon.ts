import type { PartOfDay, Season, Unit } from './parsed.js';

/** Words of dates, as regular-expression alternations and lookup tables (lower case). */

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(MONTHS, null);

export const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4, thurs: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(WEEKDAYS, null);

/** Month and weekday names written out ("May", "Monday"), not their abbreviations: "Jan" and "Sat" are names and words too. */
export const DATE_NAMES: ReadonlySet<string> = new Set(
  [...Object.keys(MONTHS), ...Object.keys(WEEKDAYS)].filter((w, _, all) => !all.some((o) => o !== w && o.startsWith(w))),
);

export const SEASONS: Record<string, Season> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(SEASONS, null);

export const PARTS_OF_DAY: Record<string, PartOfDay> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', noon: 'MI', midday: 'MI', daytime: 'DT',
};
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(PARTS_OF_DAY, null);

export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, 'a hundred': 100, 'a couple of': 2, 'a couple': 2, couple: 2, 'a half': 0.5, half: 0.5, dozen: 12, 'a dozen': 12,
};
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(NUMBER_WORDS, null);

/** Vague amounts: "several years" is PXY in TimeML, an unknown count. */
export const VAGUE_AMOUNTS = new Set(['several', 'a few', 'few', 'some', 'many', 'a number of', 'various', 'numerous']);

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(ORDINALS, null);

/** Unit words (singular and plural) → unit. */
export const UNITS: Record<string, Unit> = {
  minute: 'minute', minutes: 'minute', min: 'minute', mins: 'minute',
  hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour',
  day: 'day', days: 'day', week: 'week', weeks: 'week', weekend: 'weekend', weekends: 'weekend',
  month: 'month', months: 'month', quarter: 'quarter', quarters: 'quarter',
  year: 'year', years: 'year', decade: 'decade', decades: 'decade', century: 'century', centuries: 'century',
};
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(UNITS, null);

/** TIMEX3 duration letters per unit; time units go after the T. */
export const DURATION_CODES: Record<Unit, { code: string; time: boolean; factor: number }> = {
  minute: { code: 'M', time: true, factor: 1 },
  hour: { code: 'H', time: true, factor: 1 },
  day: { code: 'D', time: false, factor: 1 },
  week: { code: 'W', time: false, factor: 1 },
  weekend: { code: 'WE', time: false, factor: 1 },
  month: { code: 'M', time: false, factor: 1 },
  quarter: { code: 'Q', time: false, factor: 1 },
  half: { code: 'M', time: false, factor: 6 },
  season: { code: 'M', time: false, factor: 3 },
  year: { code: 'Y', time: false, factor: 1 },
  decade: { code: 'Y', time: false, factor: 10 },
  century: { code: 'Y', time: false, factor: 100 },
};

/** Builds `\b(?:a|b|c)\b`-ready alternations, longest first so "sept" wins over "sep". */
export const alternation = (words: Iterable<string>): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');

/** Reads a count: digits, a number word ("two", "twenty-five"), or a vague amount (null). */
export function readCount(text: string): number | null {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  const fraction = /^(\d+) 1\/2$/.exec(t);
  if (fraction) return Number(fraction[1]) + 0.5;
  if (t in NUMBER_WORDS) return NUMBER_WORDS[t]!;
  const parts = t.split(/[- ]/);
  if (parts.length === 2 && parts[0]! in NUMBER_WORDS && parts[1]! in NUMBER_WORDS) return NUMBER_WORDS[parts[0]!]! + NUMBER_WORDS[parts[1]!]!;
  return null;
}

export const COUNT_WORDS = alternation([...Object.keys(NUMBER_WORDS), ...VAGUE_AMOUNTS]);
/** A count as written: "3", "two", "twenty-five", "a few". */
export const COUNT = `(?:\\d+(?:\\.\\d+)?(?:\\s+1/2)?|(?:${COUNT_WORDS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)`;
