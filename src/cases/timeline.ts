import type { DatePrecision, EventType, Modality } from '../text/types.js';

/**
 * One happening told by several reports becomes one event on the person's timeline. Two
 * tellings are the same event when type, target and modality class agree and their dates and
 * places do not contradict each other; dates a few days apart for one arrest are kept together
 * and shown as a conflict (one outlet says Dec. 7, another Dec. 8).
 */

export interface CaseDate {
  value: string;
  precision: DatePrecision;
}

/** What a timeline event and a report's event are compared on. */
export interface Telling {
  type: EventType;
  modality: Modality;
  date: CaseDate | null;
  /** ISO alpha-3 of the event's place, when known. */
  country: string | null;
}

/** Days apart within which two day-precise dates of one event are a conflict, not two events. */
export const CONFLICT_WINDOW_DAYS = 3;

/** Asserted and reported tellings are the same fact told directly or through someone; the rest stay apart. */
export function modalityClass(m: Modality): string {
  return m === 'asserted' || m === 'reported' ? 'factual' : m;
}

const PRECISION_LENGTH: Record<DatePrecision, number> = { year: 4, month: 7, day: 10 };

function dayNumber(value: string): number {
  return Date.parse(`${value.slice(0, 10)}T00:00:00Z`) / 86_400_000;
}

export type DateRelation = 'agree' | 'conflict' | 'differ';

/** Dates agree when equal at the coarser precision ("2018-12" and "2018-12-07"), or when either is unknown. */
export function compareDates(a: CaseDate | null, b: CaseDate | null): DateRelation {
  if (!a || !b) return 'agree';
  const n = Math.min(PRECISION_LENGTH[a.precision], PRECISION_LENGTH[b.precision]);
  if (a.value.slice(0, n) === b.value.slice(0, n)) return 'agree';
  if (a.precision === 'day' && b.precision === 'day' && Math.abs(dayNumber(a.value) - dayNumber(b.value)) <= CONFLICT_WINDOW_DAYS) return 'conflict';
  return 'differ';
}

export interface Fit {
  /** 0 for no fit; higher is better: exact date agreement beats a conflict. */
  score: number;
  conflict: boolean;
}

/** How well a report's telling fits an event already on the timeline (told by `known`). */
export function fit(incoming: Telling, known: Telling[]): Fit {
  const first = known[0];
  if (!first || first.type !== incoming.type || modalityClass(first.modality) !== modalityClass(incoming.modality)) return { score: 0, conflict: false };
  let conflict = false;
  let dated = 0;
  for (const k of known) {
    if (k.country && incoming.country && k.country !== incoming.country) return { score: 0, conflict: false };
    const rel = compareDates(k.date, incoming.date);
    if (rel === 'differ') return { score: 0, conflict: false };
    if (rel === 'conflict') conflict = true;
    else if (k.date && incoming.date) dated++;
  }
  return { score: conflict ? 1 : 2 + dated, conflict };
}

/** The date a timeline event shows: the most precise one its sources give, the most often told among those. */
export function bestDate(dates: (CaseDate | null)[]): CaseDate | null {
  const known = dates.filter((d): d is CaseDate => d !== null);
  if (!known.length) return null;
  const finest = Math.max(...known.map((d) => PRECISION_LENGTH[d.precision]));
  const counts = new Map<string, { date: CaseDate; n: number }>();
  for (const d of known.filter((k) => PRECISION_LENGTH[k.precision] === finest)) {
    const c = counts.get(d.value) ?? { date: d, n: 0 };
    c.n++;
    counts.set(d.value, c);
  }
  return [...counts.values()].sort((x, y) => y.n - x.n || x.date.value.localeCompare(y.date.value))[0]!.date;
}

/** Distinct day-precise dates told for one event: more than one is a conflict to show. */
export function conflictingDates(dates: (CaseDate | null)[]): string[] {
  const days = new Set(dates.filter((d): d is CaseDate => d?.precision === 'day').map((d) => d.value));
  return days.size > 1 ? [...days].sort() : [];
}
