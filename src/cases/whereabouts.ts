import { HELD_STATUSES, PLACE_NOT_STATED } from './status.js';
import type { CaseStatus } from './status.js';

export type WhereaboutsState = 'known' | 'suspected' | 'unknown';

export interface WhereaboutsEntry {
  state: WhereaboutsState;
  place: string | null;
  confirmed_at: string;
  confirmed_by: string;
  source_kind: string;
  proof_of_life: number;
}

export interface WhereaboutsSummary {
  state: WhereaboutsState;
  place: string | null;
  /** When it was last confirmed, by whom, from what kind of source; null when never. */
  confirmedAt: string | null;
  confirmedBy: string | null;
  sourceKind: string | null;
  /** Whole days since that confirmation (or since the status began, when never confirmed). */
  unconfirmedDays: number | null;
  lastProofOfLife: string | null;
  /** Where the summary came from: an analyst's entry, or the timeline when there is none. */
  basis: 'entry' | 'timeline';
  /** Whether the status says someone holds the person (or nobody knows where): only then is "unconfirmed" a worry. */
  held: boolean;
}

const DAY = 86_400_000;

/**
 * Where the person is, as a caseworker would say it: the latest confirmation on file; without
 * one, what the timeline implies (a detention with a place is "suspected" there; a
 * disappearance is "unknown"; an arrest no report places is "suspected", place not stated).
 * "Unconfirmed for N days" counts from the last confirmation, and only while the person is held:
 * a released person has no whereabouts to confirm.
 */
export function summarizeWhereabouts(entries: WhereaboutsEntry[], status: { status: string; since: string | null; place: string | null }, now: Date): WhereaboutsSummary {
  const latest = [...entries].sort((a, b) => b.confirmed_at.localeCompare(a.confirmed_at))[0];
  const proof = entries.filter((e) => e.proof_of_life).sort((a, b) => b.confirmed_at.localeCompare(a.confirmed_at))[0];
  const held = HELD_STATUSES.includes(status.status as CaseStatus);
  const days = (iso: string | null) => (iso && held ? Math.floor((now.getTime() - Date.parse(iso.length <= 10 ? `${iso}T00:00:00Z` : iso)) / DAY) : null);
  if (latest) {
    return { state: latest.state, place: latest.place, confirmedAt: latest.confirmed_at, confirmedBy: latest.confirmed_by, sourceKind: latest.source_kind, unconfirmedDays: days(latest.confirmed_at), lastProofOfLife: proof?.confirmed_at ?? null, basis: 'entry', held };
  }
  const placed = held && status.status !== 'whereabouts_unknown';
  const state: WhereaboutsState = placed ? 'suspected' : 'unknown';
  return { state, place: placed ? (status.place ?? PLACE_NOT_STATED) : null, confirmedAt: null, confirmedBy: null, sourceKind: null, unconfirmedDays: days(status.since), lastProofOfLife: null, basis: 'timeline', held };
}
