import type { EventType, Modality } from '../text/types.js';
import type { CaseDate } from './timeline.js';
import { modalityClass } from './timeline.js';

/** The status names the ontology's contract fixes (../shared/spec/ONTOLOGY.md), grouped by what they say. */
export const CASE_STATUSES = [
  // free, or never taken
  'at_large',
  'released',
  'in_exile',
  // held, and the law's steps against them
  'detained',
  'charged',
  'convicted',
  // nobody knows where, or another state has them
  'whereabouts_unknown',
  'deported',
  'killed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface TimelineEntry {
  id: string;
  type: EventType;
  modality: Modality;
  date: CaseDate | null;
  /** When the earliest report telling it was published (or received): orders undated events. */
  toldAt: string;
  /** Where it happened, when told ("held at Karsvik central prison", "arrested in Velmora"). */
  place: string | null;
}

export interface DerivedStatus {
  status: CaseStatus;
  /** The timeline event that set the status; null for `at_large` with no event. */
  eventId: string | null;
  /** The date the status holds from: the event's date, else when it was first told. */
  since: string | null;
  reason: string;
}

/** Events that say where the person is or whether they are free; the rest (threats, accusations) do not move the status. */
const SETS_STATUS: Partial<Record<EventType, (e: TimelineEntry) => CaseStatus>> = {
  KILLING: () => 'killed',
  CONVICTION: () => 'convicted',
  TRIAL: () => 'charged',
  CHARGE: () => 'charged',
  RELEASE: () => 'released',
  ASYLUM_REQUEST: () => 'in_exile',
  DISAPPEARANCE: () => 'whereabouts_unknown',
  ABDUCTION: () => 'whereabouts_unknown',
  // Taken, but no report says to which station or prison: nobody outside knows where they are.
  ARREST: (e) => (e.place ? 'detained' : 'whereabouts_unknown'),
  // Sent over a border into another state's hands: unknown until some report says where they are held.
  DEPORTATION: (e) => (e.place ? 'deported' : 'whereabouts_unknown'),
  EXTRADITION: (e) => (e.place ? 'deported' : 'whereabouts_unknown'),
};

/** The instant an entry sorts by: its own date (start of its period), else when it was told. */
function sortKey(e: TimelineEntry): string {
  return e.date ? e.date.value : e.toldAt.slice(0, 10);
}

/** Timeline order, oldest first; equal dates keep the order in which they were told. */
export function chronological<T extends TimelineEntry>(entries: T[]): T[] {
  return [...entries].sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || a.toldAt.localeCompare(b.toldAt));
}

/**
 * The status the newest status-setting factual event gives. Negated, future and hypothetical
 * events ("no charges have been filed", "could be jailed") never set a status.
 */
export function deriveStatus(entries: TimelineEntry[]): DerivedStatus {
  const factual = chronological(entries).filter((e) => modalityClass(e.modality) === 'factual');
  for (let i = factual.length - 1; i >= 0; i--) {
    const e = factual[i]!;
    const rule = SETS_STATUS[e.type];
    if (!rule) continue;
    const status = rule(e);
    const where = e.place ? ` at ${e.place}` : '';
    const reason =
      status === 'whereabouts_unknown' && e.type !== 'DISAPPEARANCE' && e.type !== 'ABDUCTION'
        ? `${e.type.toLowerCase()} on ${sortKey(e)}; no report since says where the person is`
        : `${e.type.toLowerCase()}${where} on ${sortKey(e)}`;
    return { status, eventId: e.id, since: sortKey(e), reason };
  }
  return { status: 'at_large', eventId: null, since: null, reason: 'no report of detention, disappearance or release' };
}
