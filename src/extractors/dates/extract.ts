import { charSpanToTokens } from '../../text/align.js';
import type { Doc } from '../../text/doc.js';
import type { Timex } from '../../text/types.js';
import type { Day } from './calendar.js';
import { formatYear, parseDay } from './calendar.js';
import type { DateFields, Parsed } from './parsed.js';
import { PARSERS } from './parsers/index.js';
import type { DateParser } from './parsers/index.js';
import { mergeDayAndTime } from './refiners/merge.js';
import { dropNames } from './refiners/names.js';
import { removeOverlaps } from './refiners/overlaps.js';
import type { ResolveContext, Resolved, Tense } from './resolve.js';
import { resolve } from './resolve.js';
import { laterDate } from './signals.js';
import { governorOf, tenseOf, weekdayTense } from './tense.js';

/** Runs every parser over the text: all candidate readings, overlapping ones included. */
export function parseAll(text: string, parsers: readonly DateParser[] = PARSERS): Parsed[] {
  const out: Parsed[] = [];
  for (const parser of parsers) {
    parser.pattern.lastIndex = 0;
    for (let m = parser.pattern.exec(text); m; m = parser.pattern.exec(text)) {
      const read = parser.extract(m);
      if (read) out.push({ ...read, start: m.index, end: m.index + m[0].length, parser: parser.name });
    }
  }
  return out;
}

const PRIORITY = new Map(PARSERS.map((p, i) => [p.name, i]));

/** Candidates after the refiners: one reading per span, days joined to times, names dropped. */
export function refine(candidates: Parsed[], doc: Doc): Parsed[] {
  return dropNames(mergeDayAndTime(removeOverlaps(candidates, PRIORITY), doc.text), doc);
}

/** Without a publication date only what the text states fully can be written; the rest stays X. */
function resolveUnanchored(p: Parsed): Resolved | null {
  const s = p.stated;
  if (p.fixed) return { value: p.fixed, anchor: 'none' };
  if (p.shift || p.contextual || p.anchor === 'previous') return null;
  const y = s.year !== undefined ? formatYear(s.year) : 'XXXX';
  const two = (n: number): string => String(n).padStart(2, '0');
  if (s.month !== undefined && s.day !== undefined) return { value: `${y}-${two(s.month)}-${two(s.day)}`, anchor: 'stated' };
  if (s.month !== undefined) return { value: `${y}-${two(s.month)}`, anchor: 'stated' };
  if (s.weekday !== undefined) return { value: `XXXX-WXX-${s.weekday}`, anchor: 'stated' };
  if (s.quarter !== undefined) return { value: `${y}-Q${s.quarter}`, anchor: 'stated' };
  if (s.decade !== undefined) return { value: String(s.decade), anchor: 'stated' };
  if (s.century !== undefined) return { value: String(s.century), anchor: 'stated' };
  if (s.year !== undefined) return { value: y, anchor: 'stated' };
  return null;
}

const statedFields = (s: DateFields): string[] => Object.entries(s).filter(([, v]) => v !== undefined).map(([k]) => k);

function tokenRange(doc: Doc, start: number, end: number): [number, number] {
  const range = charSpanToTokens(doc, start, end, 'expand');
  return range ? [range.first, range.end - 1] : [-1, -1];
}

/** "as early as Tuesday", "as soon as Tuesday", "by Friday", "until 9 a.m. Tuesday" look ahead of the verb's time. */
const DEADLINE_LEAD = /\b(?:as\s+(?:early|soon)\s+as|by|until|till)\s+$/i;

/**
 * "a new office of the chairman, effective Feb. 1": what takes effect on a date is still to come
 * when the report tells it, whatever the tense of the verb that created it; "became effective
 * Feb. 1" is told by its tense.
 */
const effectiveFrom = (lead: string): boolean => /\beffective\s+$/i.test(lead) && !/\b(?:became|become|becomes|was|were|been|is|took)\s+effective\s+$/i.test(lead);

/**
 * A deadline in a clause that is not told in the past lies ahead: "is part of KKR's program to
 * pay down the loan by February" (whichever verb the parse hangs the date on); "had repaid it by
 * February" keeps its past.
 */
const deadlineTense = (tense: Tense, deadline: boolean): Tense => (deadline && (tense === 'present' || tense === null) ? 'future' : tense);

/** "the same day", "that day": the very day told before, no shift. */
const sameDay = (p: Parsed): boolean => p.type === 'DATE' && p.anchor === 'previous' && p.shift?.unit === 'day' && p.shift.n === 0 && !p.stated.partOfDay;

/**
 * Every temporal expression in the doc with its TIMEX3 value, resolved in reading order so that
 * "the next day" follows the date told just before it.
 */
export function findTimexes(doc: Doc, parsers: readonly DateParser[] = PARSERS): Timex[] {
  const publication: Day | null = doc.meta.published ? parseDay(doc.meta.published) : null;
  const found = refine(parseAll(doc.text, parsers), doc);
  const timexes: Timex[] = [];
  let previous: Day | null = null;
  // the date told last when it named only a year or a month: "the same day" after it is known only to that
  let coarse: string | null = null;
  let quarter: { y: number; q: number } | null = null;
  for (const p of found) {
    const [first, last] = tokenRange(doc, p.start, p.end);
    const governor = first >= 0 ? governorOf(doc, first, last) : undefined;
    const bareWeekday = p.stated.weekday !== undefined && p.stated.month === undefined;
    const lead = doc.text.slice(Math.max(0, p.start - 24), p.start);
    // the weekday may sit behind a clock time: "given until 9 a.m. Tuesday to sign"
    const deadline = DEADLINE_LEAD.test(lead);
    const tense = bareWeekday && first >= 0 ? weekdayTense(doc, first, last, governor, deadline) : effectiveFrom(lead) ? 'future' : deadlineTense(tenseOf(doc, governor), deadline);
    const ctx: ResolveContext | null = publication ? { publication, previous, quarter, tense } : null;
    const told: Resolved | null = ctx ? resolve(p, ctx) : resolveUnanchored(p);
    if (!told) continue;
    // "arrested on a holiday in 2020 … also arrested on the same day": that day is in 2020, not the
    // day of publication nor the first of a month told before
    const resolved: Resolved = coarse !== null && sameDay(p) ? { value: coarse, anchor: 'previous' } : told;
    const reached: Resolved | null = ctx && p.type === 'DURATION' ? laterDate(p, resolved.value, doc.text, ctx) : null;
    if (reached?.day) previous = reached.day;
    if (resolved.day) previous = resolved.day;
    else if (/^\d{4}-\d{2}$/.test(resolved.value)) previous = parseDay(`${resolved.value}-01`);
    if (reached?.day || resolved.day) coarse = null;
    else if (p.type === 'DATE' && /^\d{4}(?:-\d{2})?$/.test(resolved.value)) coarse = resolved.value;
    // only a quarter the text names itself sets the context; "a year earlier" and "the quarter" read it
    if (resolved.quarter && p.stated.quarter !== undefined && !p.shift) quarter = resolved.quarter;
    const timex: Timex = { ...doc.span(p.start, p.end), type: p.type, value: resolved.value, anchor: resolved.anchor, stated: statedFields(p.stated) };
    if (governor) timex.governor = doc.span(governor.start, governor.end);
    if (reached) timex.pointsTo = reached.value;
    timexes.push(timex);
  }
  return timexes;
}
