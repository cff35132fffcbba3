import type { Day } from './calendar.js';
import { addDays, addMonths, compareDays, daysBetween, daysInMonth, formatDay, formatMonth, formatTime, formatWeek, formatYear, quarterOf, weekday } from './calendar.js';
import type { DateFields, Parsed, Season } from './parsed.js';
import { HOLIDAYS } from './parsers/periods.js';

/**
 * Turns what a parser read into a TIMEX3 value, against the publication date or the date last
 * mentioned. News conventions (the examples, report of Wednesday 2018-12-12):
 * "Wednesday" is the publication day itself; "Tuesday" in a past-tense clause is 2018-12-11 and
 * "Monday" in "will appear in court on Monday" is 2018-12-17; "Dec. 7" is 2018-12-07.
 */

export type Tense = 'past' | 'present' | 'future' | null;

export interface ResolveContext {
  publication: Day;
  /** The last day-precise date resolved in the text, for "the next day". */
  previous: Day | null;
  /** The last quarter named in the text, for "the quarter" in an earnings report. */
  quarter: { y: number; q: number } | null;
  tense: Tense;
}

export interface Resolved {
  value: string;
  /** Where the parts the text did not state came from. */
  anchor: 'stated' | 'publication' | 'previous' | 'none';
  /** The day it names, when it names one (becomes the next "previous"). */
  day?: Day;
  quarter?: { y: number; q: number };
}

/** How far on the wrong side of publication a date may be before tense wins (days). */
const DAY_SLACK = 60;
/**
 * Months are compared from their first day, so this lets a past-tense clause reach the next
 * month only: "expects to release results in mid-November" in a report of Oct. 27 is this
 * November, but "changed to a calendar year in December" is last December.
 */
const MONTH_SLACK = 31;
/** With no tense, how far ahead of publication an unyeared date may lie (days). */
const NEAR_AHEAD = 92;

const SEASON_MONTH: Record<Season, number> = { WI: 1, SP: 4, SU: 7, FA: 10 };

/** Which way an open year or week goes: stated, else by tense. */
function look(p: Parsed, tense: Tense): 'past' | 'future' | 'nearest' {
  if (p.direction === 'past' || p.direction === 'future') return p.direction;
  if (tense === 'past') return 'past';
  if (tense === 'future') return 'future';
  // a present-tense clause with a bare weekday is a schedule: "Arafat meets Albright Monday"
  if (tense === 'present' && p.stated.weekday !== undefined && p.stated.month === undefined) return 'future';
  return 'nearest';
}

/**
 * Picks the year for a month (and day) that the text gave without one. Tense decides, except
 * that a date a few weeks on the other side of publication beats one nearly a year away: a
 * past-tense "was set for Jan. 14" in a report of Jan. 10 is four days ahead, not last January.
 */
function yearFor(month: number, day: number, base: Day, way: 'past' | 'future' | 'nearest', strict: boolean, slack: number): number {
  const candidate: Day = { y: base.y, m: month, d: Math.min(day, daysInMonth(base.y, month)) };
  const cmp = compareDays(candidate, base);
  const days = Math.abs(daysBetween(base, candidate));
  if (way === 'past') return cmp > 0 && (strict || days > slack) ? base.y - 1 : cmp === 0 && strict ? base.y - 1 : base.y;
  if (way === 'future') return cmp < 0 && (strict || days > slack) ? base.y + 1 : cmp === 0 && strict ? base.y + 1 : base.y;
  // no tense to go by: news mostly looks back, so a date ahead counts only when it is near
  const diff = (month - base.m) * 31 + (day - base.d);
  if (diff > NEAR_AHEAD) return base.y - 1;
  if (diff < -(365 - NEAR_AHEAD)) return base.y + 1;
  return base.y;
}

function weekdayNear(target: number, base: Day, way: 'past' | 'future' | 'nearest', strict: boolean): Day {
  const today = weekday(base);
  if (today === target && !strict) return base;
  if (way === 'future') return addDays(base, (target - today + 7) % 7 || 7);
  return addDays(base, -((today - target + 7) % 7 || 7));
}

function holidayIn(name: string, y: number): Day {
  const rule = HOLIDAYS[name]!;
  if (rule.day !== undefined) return { y, m: rule.month, d: rule.day };
  const { weekday: wd, n } = rule.nth!;
  if (n > 0) {
    const first = { y, m: rule.month, d: 1 };
    return addDays(first, ((wd - weekday(first) + 7) % 7) + 7 * (n - 1));
  }
  const last = { y, m: rule.month, d: daysInMonth(y, rule.month) };
  return addDays(last, -((weekday(last) - wd + 7) % 7));
}

function withTime(dayValue: string, s: DateFields): string {
  if (s.hour !== undefined) return dayValue + formatTime(s.hour === 24 ? 24 : s.hour, s.minute ?? 0);
  if (s.partOfDay) return `${dayValue}T${s.partOfDay}`;
  return dayValue;
}

function shifted(p: Parsed, base: Day, way: 'past' | 'future' | 'nearest'): Resolved {
  const { unit, n } = p.shift!;
  const s = p.stated;
  switch (unit) {
    case 'day': {
      const day = addDays(base, n);
      return { value: withTime(formatDay(day), s), anchor: 'publication', day };
    }
    case 'week':
      return { value: formatWeek(addDays(base, 7 * n)), anchor: 'publication' };
    case 'weekend': {
      // a weekday report's "the weekend" is the one just past unless the clause looks ahead
      const back = way !== 'future' && weekday(base) < 6 ? -1 : 0;
      return { value: `${formatWeek(addDays(base, 7 * (n + back)))}-WE`, anchor: 'publication' };
    }
    case 'month': {
      const { y, m } = addMonths(base.y, base.m, n);
      return { value: formatMonth(y, m), anchor: 'publication' };
    }
    case 'quarter': {
      const { y, m } = addMonths(base.y, base.m, 3 * n);
      return { value: `${formatYear(y)}-Q${quarterOf(m)}`, anchor: 'publication', quarter: { y, q: quarterOf(m) } };
    }
    case 'year': {
      const y = base.y + n;
      if (s.month !== undefined && s.day !== undefined) {
        const day = { y, m: s.month, d: s.day };
        return { value: withTime(formatDay(day), s), anchor: 'publication', day };
      }
      if (s.month !== undefined) return { value: formatMonth(y, s.month), anchor: 'publication' };
      if (s.quarter !== undefined) return { value: `${formatYear(y)}-Q${s.quarter}`, anchor: 'publication', quarter: { y, q: s.quarter } };
      if (s.season !== undefined) return { value: `${formatYear(y)}-${s.season}`, anchor: 'publication' };
      return { value: formatYear(y), anchor: 'publication' };
    }
    case 'decade':
      return { value: String(Math.floor(base.y / 10) + n), anchor: 'publication' };
    case 'century':
      return { value: String(Math.floor(base.y / 100) + n), anchor: 'publication' };
    default:
      return { value: formatDay(base), anchor: 'publication' };
  }
}

export function resolve(p: Parsed, ctx: ResolveContext): Resolved {
  if (p.fixed) return { value: p.fixed, anchor: 'none' };
  const s = p.stated;
  const usePrevious = p.anchor === 'previous' && ctx.previous !== null;
  const base = usePrevious ? ctx.previous! : ctx.publication;
  const anchored = (r: Resolved): Resolved => ({ ...r, anchor: usePrevious ? 'previous' : r.anchor });
  if (p.contextual && (ctx.quarter || !p.contextualIfNamed)) {
    const lastEnded = (): { y: number; q: number } => {
      const { y, m } = addMonths(ctx.publication.y, ctx.publication.m, -3);
      return { y, q: quarterOf(m) };
    };
    // "the latest quarter" has ended: a quarter named as still to come ("a fourth-quarter charge") is not it
    const unfinished = ctx.quarter && p.contextual.ended && ctx.quarter.y * 4 + ctx.quarter.q >= ctx.publication.y * 4 + quarterOf(ctx.publication.m);
    const named = unfinished ? null : ctx.quarter;
    const q = named ?? lastEnded();
    const y = s.year ?? q.y + p.contextual.yearShift;
    return { value: `${formatYear(y)}-Q${q.q}`, anchor: named ? 'previous' : 'publication', quarter: { y, q: q.q } };
  }
  const way = look(p, ctx.tense);
  if (p.shift && s.quarter === undefined) return anchored(shifted(p, base, way));
  const strict = p.strict === true;
  if (s.decade !== undefined) return { value: String(s.decade), anchor: 'stated' };
  if (s.century !== undefined) return { value: String(s.century), anchor: 'stated' };
  if (s.holiday) {
    let y = s.year ?? base.y;
    if (s.year === undefined) {
      const h = holidayIn(s.holiday, y);
      if (way === 'past' && compareDays(h, base) > 0) y--;
      if (way === 'future' && compareDays(h, base) < 0) y++;
    }
    const day = holidayIn(s.holiday, y);
    return { value: formatDay(day), anchor: s.year !== undefined ? 'stated' : 'publication', day };
  }
  if (s.month !== undefined && s.day !== undefined) {
    const y = s.year ?? yearFor(s.month, s.day, base, way, strict, DAY_SLACK);
    const day = { y, m: s.month, d: s.day };
    if (p.weekOf) return anchored({ value: formatWeek(day), anchor: s.year !== undefined ? 'stated' : 'publication', day });
    return anchored({ value: withTime(formatDay(day), s), anchor: s.year !== undefined ? 'stated' : 'publication', day });
  }
  if (s.weekday !== undefined) {
    const day = weekdayNear(s.weekday, base, way, strict);
    return anchored({ value: withTime(formatDay(day), s), anchor: 'publication', day });
  }
  if (s.month !== undefined) {
    const y = s.year ?? yearFor(s.month, 1, { ...base, d: 1 }, way, strict, MONTH_SLACK);
    return { value: formatMonth(y, s.month), anchor: s.year !== undefined ? 'stated' : 'publication' };
  }
  if (s.quarter !== undefined || s.half !== undefined || s.season !== undefined) {
    const [label, month] = s.quarter !== undefined ? [`Q${s.quarter}`, s.quarter * 3 - 2] : s.half !== undefined ? [`H${s.half}`, s.half * 6 - 5] : [s.season!, SEASON_MONTH[s.season!]];
    // a quarter or half named alone is the nearest one: earnings reports look back at the quarter just ended
    // even in "expects to report … for the third quarter"
    let y = s.year ?? yearFor(month, 1, { ...base, d: 1 }, way, strict, 0);
    if (s.year === undefined && s.season === undefined && p.direction === 'tense') {
      const current = quarterOf(base.m);
      const q = s.quarter ?? s.half! * 2;
      y = q > current && way !== 'future' ? base.y - 1 : base.y;
    }
    if (s.year === undefined && p.shift?.unit === 'year') y = ctx.publication.y + p.shift.n;
    const quarter = s.quarter !== undefined ? { y, q: s.quarter } : undefined;
    return { value: `${formatYear(y)}-${label}`, anchor: s.year !== undefined ? 'stated' : 'publication', quarter };
  }
  if (s.year !== undefined) return { value: formatYear(s.year), anchor: 'stated' };
  if (s.hour !== undefined || s.partOfDay) return { value: withTime(formatDay(base), s), anchor: 'publication', day: base };
  return { value: formatDay(base), anchor: 'publication', day: base };
}
