import { PARTS_OF_DAY, alternation } from '../lexicon.js';
import type { DateParser } from './parser.js';
import { lower, wordPattern } from './parser.js';

/**
 * Times of day: "3 p.m.", "10:30 a.m. EDT", "noon", "midnight", and parts of the day on their own
 * or with a day word: "this morning", "last night", "yesterday afternoon". A weekday or date next
 * to them ("3 p.m. Tuesday", "Friday night") is joined by the merge refiner.
 */

const ZONE = '(?:\\s+(?<zone>EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ICT|local time))?';

export const clockParser: DateParser = {
  name: 'clock',
  pattern: wordPattern(
    `(?:(?<approx>about|around|shortly after|shortly before|just after|just before)\\s+)?(?:(?<h>1[0-2]|0?[1-9])(?::(?<min>[0-5]\\d))?\\s*(?<ampm>a\\.m\\.?|p\\.m\\.?|am|pm)|(?<h24>[01]\\d|2[0-3]):(?<min24>[0-5]\\d)(?:\\s*(?:GMT|UTC|hrs|hours))?|(?<word>noon|midnight|midday))${ZONE}`,
  ),
  // a bare clock time belongs to the day last told ("on Friday … taken at about 4 p.m."), else to publication
  extract(m) {
    const g = m.groups!;
    if (g.word) {
      const w = lower(g.word);
      return { type: 'TIME', stated: { hour: w === 'midnight' ? 24 : 12, minute: 0 }, shift: { unit: 'day', n: 0 }, anchor: 'previous' };
    }
    if (g.h24) return { type: 'TIME', stated: { hour: Number(g.h24), minute: Number(g.min24) }, shift: { unit: 'day', n: 0 }, anchor: 'previous' };
    let hour = Number(g.h) % 12;
    if (lower(g.ampm).startsWith('p')) hour += 12;
    return { type: 'TIME', stated: { hour, minute: g.min ? Number(g.min) : 0 }, shift: { unit: 'day', n: 0 }, anchor: 'previous' };
  },
};

const PART_WORDS = alternation(Object.keys(PARTS_OF_DAY).filter((w) => w !== 'noon' && w !== 'midday'));
const DAY_SHIFT: Record<string, number> = { this: 0, yesterday: -1, tomorrow: 1, last: -1, tonight: 0 };
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(DAY_SHIFT, null);

export const partOfDayParser: DateParser = {
  name: 'part-of-day',
  pattern: wordPattern(`(?:(?<edge>early|late|mid|later|earlier)[\\s-]+)?(?:(?<rel>this|yesterday|tomorrow|last)\\s+)?(?<part>${PART_WORDS})`),
  extract(m) {
    const g = m.groups!;
    const part = PARTS_OF_DAY[lower(g.part)]!;
    const rel = lower(g.rel);
    // "last night" is the night before; "last evening" too. A bare "morning" is only a time next to a day (merge refiner).
    if (!rel && lower(g.part) !== 'overnight') return { type: 'TIME', stated: { partOfDay: part }, shift: { unit: 'day', n: 0 }, attachOnly: true };
    // "depressed by overnight losses in New York", in a story about Friday: the night before the day in view
    if (!rel) return { type: 'TIME', stated: { partOfDay: part }, shift: { unit: 'day', n: -1 }, anchor: 'previous' };
    return { type: 'TIME', stated: { partOfDay: part }, shift: { unit: 'day', n: DAY_SHIFT[rel] ?? 0 } };
  },
};
