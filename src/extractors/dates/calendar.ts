/**
 * Proleptic Gregorian calendar arithmetic on plain numbers (no time zones: a news date is a
 * calendar day, and `Date` in local time would shift it). Months are 1–12, ISO weekdays 1 (Monday)
 * to 7 (Sunday), ISO weeks as ISO 8601 numbers them.
 */

export interface Day {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;
const toMs = (day: Day): number => Date.UTC(day.y, day.m - 1, day.d);
function fromMs(ms: number): Day {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function parseDay(iso: string): Day {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y!, m: m!, d: d! };
}

export function addDays(day: Day, n: number): Day {
  return fromMs(toMs(day) + n * DAY_MS);
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
}

export function daysBetween(a: Day, b: Day): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

export function compareDays(a: Day, b: Day): number {
  return toMs(a) - toMs(b);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(day: Day): number {
  return ((new Date(toMs(day)).getUTCDay() + 6) % 7) + 1;
}

/** ISO 8601 week: the week with the year's first Thursday is week 1. */
export function isoWeek(day: Day): { y: number; w: number } {
  const thursday = addDays(day, 4 - weekday(day));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { y: thursday.y, w: Math.floor(daysBetween(jan1, thursday) / 7) + 1 };
}

export const quarterOf = (m: number): number => Math.ceil(m / 3);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
export const formatYear = (y: number): string => pad(y, 4);
export const formatMonth = (y: number, m: number): string => `${formatYear(y)}-${pad(m)}`;
export const formatDay = (day: Day): string => `${formatMonth(day.y, day.m)}-${pad(day.d)}`;
export function formatWeek(day: Day): string {
  const { y, w } = isoWeek(day);
  return `${formatYear(y)}-W${pad(w)}`;
}
export const formatTime = (hour: number, minute: number): string => `T${pad(hour)}:${pad(minute)}`;
