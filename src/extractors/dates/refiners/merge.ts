import type { Parsed } from '../parsed.js';

/**
 * Joins a day and a time of day written side by side into one TIME ("Friday night",
 * "3 p.m. Tuesday", "Tuesday at 3 p.m.", "yesterday afternoon"), as TimeBank marks them; a part
 * of the day that nothing joins ("in the morning") is dropped. Input is sorted by start.
 */

const GAP = /^(?:\s*,)?\s*(?:at|on|of|,)?\s*$/i;

const isDay = (p: Parsed): boolean =>
  p.type === 'DATE' && !p.fixed && !p.contextual && (p.stated.day !== undefined || p.stated.weekday !== undefined || p.stated.holiday !== undefined || (p.shift?.unit === 'day' && p.stated.hour === undefined));
const isTimeOfDay = (p: Parsed): boolean => p.type === 'TIME' && (p.stated.hour !== undefined || p.stated.partOfDay !== undefined) && p.shift?.unit === 'day' && p.shift.n === 0 && p.parser !== 'anaphoric';

function join(day: Parsed, time: Parsed, start: number, end: number): Parsed {
  return {
    ...day,
    start,
    end,
    parser: `${day.parser}+${time.parser}`,
    type: 'TIME',
    stated: { ...day.stated, hour: time.stated.hour, minute: time.stated.minute, partOfDay: time.stated.partOfDay },
    anchor: day.anchor,
    attachOnly: false,
  };
}

export function mergeDayAndTime(sorted: Parsed[], text: string): Parsed[] {
  const out: Parsed[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1];
    if (b && GAP.test(text.slice(a.end, b.start))) {
      if (isDay(a) && isTimeOfDay(b)) {
        out.push(join(a, b, a.start, b.end));
        i++;
        continue;
      }
      if (isTimeOfDay(a) && isDay(b)) {
        out.push(join(b, a, a.start, b.end));
        i++;
        continue;
      }
    }
    if (!a.attachOnly) out.push(a);
  }
  return out;
}
