import type { EventType } from '../text/types.js';
import type { DerivedStatus, TimelineEntry } from './status.js';
import { modalityClass } from './timeline.js';

/** Alert rules and their parameters, as an analyst sets them. */
export type AlertRule =
  | { kind: 'whereabouts_unknown'; hours: number }
  | { kind: 'returned_to_fled_country' }
  | { kind: 'new_event'; types: EventType[] }
  | { kind: 'no_news'; days: number }
  | { kind: 'proof_of_life'; hours: number };

export const DEFAULT_RULES: AlertRule[] = [
  { kind: 'whereabouts_unknown', hours: 24 },
  { kind: 'returned_to_fled_country' },
  { kind: 'new_event', types: ['CHARGE', 'CONVICTION', 'DEPORTATION', 'EXTRADITION', 'DISAPPEARANCE', 'KILLING', 'TORTURE'] },
  { kind: 'no_news', days: 7 },
];

export interface CaseEntry extends TimelineEntry {
  destinationCountry: string | null;
  reportIds: string[];
}

export interface CaseView {
  personId: string;
  name: string;
  /** The person's own country: the one a deportation must not send them back to. */
  country: string | null;
  status: DerivedStatus;
  entries: CaseEntry[];
  /** When the latest report about the person arrived (ISO instant). */
  lastNewsAt: string | null;
  /** The last confirmed contact with the person themself (a visit, a call), if any. */
  lastProofOfLife?: string | null;
}

export interface AlertCandidate {
  kind: AlertRule['kind'];
  /** One alert per key, ever: re-evaluating a case does not raise it twice. */
  key: string;
  message: string;
  eventIds: string[];
  reportIds: string[];
}

const HOUR = 3_600_000;

function instant(dateOrInstant: string): number {
  return Date.parse(dateOrInstant.length <= 10 ? `${dateOrInstant.padEnd(10, '-01').slice(0, 10)}T00:00:00Z` : dateOrInstant);
}

function evidence(entries: CaseEntry[]): Pick<AlertCandidate, 'eventIds' | 'reportIds'> {
  return { eventIds: entries.map((e) => e.id), reportIds: [...new Set(entries.flatMap((e) => e.reportIds))] };
}

/**
 * Which alerts a case raises now. `fresh` lists the timeline events this update created, for
 * rules about news ("a new charge"); the time rules compare against `now`.
 */
export function evaluateRules(view: CaseView, rules: AlertRule[], now: Date, fresh: Set<string> = new Set()): AlertCandidate[] {
  const out: AlertCandidate[] = [];
  const byId = new Map(view.entries.map((e) => [e.id, e]));
  const factual = view.entries.filter((e) => modalityClass(e.modality) === 'factual');
  for (const rule of rules) {
    switch (rule.kind) {
      case 'whereabouts_unknown': {
        const setBy = view.status.eventId ? byId.get(view.status.eventId) : undefined;
        if (view.status.status !== 'whereabouts_unknown' || !setBy || !view.status.since) break;
        const hours = (now.getTime() - instant(view.status.since)) / HOUR;
        if (hours > rule.hours) {
          out.push({
            kind: rule.kind,
            key: `whereabouts_unknown:${view.personId}:${setBy.id}`,
            message: `${view.name}: whereabouts unknown for ${Math.floor(hours)} hours (since ${view.status.since}; ${view.status.reason})`,
            ...evidence([setBy]),
          });
        }
        break;
      }
      case 'returned_to_fled_country':
        if (!view.country) break;
        for (const e of factual) {
          if ((e.type === 'DEPORTATION' || e.type === 'EXTRADITION') && e.destinationCountry === view.country) {
            out.push({ kind: rule.kind, key: `returned:${e.id}`, message: `${view.name}: ${e.type.toLowerCase()} to ${view.country}, the country the person fled`, ...evidence([e]) });
          }
        }
        break;
      case 'new_event':
        for (const e of factual) {
          if (fresh.has(e.id) && rule.types.includes(e.type)) {
            out.push({ kind: rule.kind, key: `new_event:${e.id}`, message: `${view.name}: new ${e.type.toLowerCase()}${e.date ? ` (${e.date.value})` : ''}`, ...evidence([e]) });
          }
        }
        break;
      case 'proof_of_life': {
        // Only while someone holds the person (or nobody knows where): a free person needs no proof.
        if (!['detained', 'whereabouts_unknown', 'charged', 'convicted'].includes(view.status.status)) break;
        const since = view.lastProofOfLife ?? view.status.since;
        if (!since) break;
        const hours = (now.getTime() - instant(since)) / HOUR;
        if (hours > rule.hours) {
          out.push({
            kind: rule.kind,
            key: `proof_of_life:${view.personId}:${since}`,
            message: `${view.name}: no proof of life for ${Math.floor(hours)} hours (${view.lastProofOfLife ? `last contact ${view.lastProofOfLife}` : `none since ${view.status.status.replace('_', ' ')} on ${since}`})`,
            eventIds: [],
            reportIds: [],
          });
        }
        break;
      }
      case 'no_news': {
        if ((view.status.status !== 'detained' && view.status.status !== 'whereabouts_unknown') || !view.lastNewsAt) break;
        const days = (now.getTime() - instant(view.lastNewsAt)) / (24 * HOUR);
        if (days > rule.days) {
          const setBy = view.status.eventId ? byId.get(view.status.eventId) : undefined;
          out.push({
            kind: rule.kind,
            key: `no_news:${view.personId}:${view.lastNewsAt}`,
            message: `${view.name}: ${view.status.status.replace('_', ' ')} and no news for ${Math.floor(days)} days`,
            ...evidence(setBy ? [setBy] : []),
          });
        }
        break;
      }
    }
  }
  return out;
}
