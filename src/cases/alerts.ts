import type { EventType } from '../text/types.js';
import type { DerivedStatus, TimelineEntry } from './status.js';
import { HELD_STATUSES, PLACE_NOT_STATED } from './status.js';

/** Alert rules and their parameters, as an analyst sets them. */
export type AlertRule =
  /** Stored under its first name: no confirmation of where a held or missing person is for N hours. */
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

/** The rule in words, as its alerts name it: an alert says which rule decided, not a fact from the text. */
export function ruleLabel(rule: AlertRule): string {
  switch (rule.kind) {
    case 'whereabouts_unknown':
      return `no confirmation of whereabouts for ${rule.hours} h`;
    case 'returned_to_fled_country':
      return 'returned to the country fled';
    case 'new_event':
      return `new ${rule.types.map((t) => t.toLowerCase()).join(', ')}`;
    case 'no_news':
      return `no news for ${rule.days} days`;
    case 'proof_of_life':
      return `no proof of life for ${rule.hours} h`;
  }
}

/** A report published more than this long before it was read is a backfill: listed, never urgent. */
export const BACKFILL_DAYS = 30;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function instant(dateOrInstant: string): number {
  return Date.parse(dateOrInstant.length <= 10 ? `${dateOrInstant.padEnd(10, '-01').slice(0, 10)}T00:00:00Z` : dateOrInstant);
}

/** When a report became news to us: the later of when it was published and when it was read. */
export function readTime(published: string | null, ingested: string): string {
  if (!published) return ingested;
  return instant(published) > instant(ingested) ? published : ingested;
}

/** Whether a report was published more than BACKFILL_DAYS before it was read (an archive, a backlog). */
export function isBackfill(published: string | null, ingested: string): boolean {
  return !!published && instant(ingested) - instant(published) > BACKFILL_DAYS * DAY;
}

export interface CaseEntry extends TimelineEntry {
  destinationCountry: string | null;
  reportIds: string[];
  /** When the first report telling it was read (the later of published and ingested). */
  readAt?: string;
  /** Every report telling it is a backfill. */
  backfill?: boolean;
}

export interface CaseView {
  personId: string;
  name: string;
  /** The person's own country: the one a deportation must not send them back to. */
  country: string | null;
  status: DerivedStatus;
  entries: CaseEntry[];
  /** When the latest report about the person was read (the later of published and ingested). */
  lastNewsAt: string | null;
  /** The last confirmed contact with the person themself (a visit, a call), if any. */
  lastProofOfLife?: string | null;
  /** The last time an analyst confirmed where the person is (a whereabouts entry, state known). */
  lastConfirmedAt?: string | null;
}

export interface AlertCandidate {
  kind: AlertRule['kind'];
  /** One alert per key, ever: re-evaluating a case does not raise it twice. */
  key: string;
  message: string;
  eventIds: string[];
  reportIds: string[];
  /** The episode (the event that opened it) the alert is about; null outside one. */
  episode: string | null;
  /** False for what only backfilled reports tell: listed, not pushed to e-mail or webhooks. */
  urgent: boolean;
}

function evidence(entries: CaseEntry[]): Pick<AlertCandidate, 'eventIds' | 'reportIds'> {
  return { eventIds: entries.map((e) => e.id), reportIds: [...new Set(entries.flatMap((e) => e.reportIds))] };
}

function later(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return instant(a) >= instant(b) ? a : b;
}

/**
 * Which alerts a case raises now. `fresh` lists the timeline events this update created, for
 * rules about news ("a new charge"); the time rules count from when the report that set the
 * status was read (never from an old event's date to `now`), and say nothing about what only
 * backfilled reports tell.
 */
export function evaluateRules(view: CaseView, rules: AlertRule[], now: Date, fresh: Set<string> = new Set()): AlertCandidate[] {
  const out: AlertCandidate[] = [];
  const byId = new Map(view.entries.map((e) => [e.id, e]));
  // News is news whoever tells it: a disappearance the family reports is worth an alert before an
  // analyst accepts it (the status waits for that); calls, threats and denials are not news of an event.
  const told = view.entries.filter((e) => e.modality === 'asserted' || e.modality === 'reported');
  const setBy = view.status.eventId ? byId.get(view.status.eventId) : undefined;
  const episode = view.status.episode ?? null;
  const held = HELD_STATUSES.includes(view.status.status);
  const hoursSince = (iso: string) => (now.getTime() - instant(iso)) / HOUR;
  for (const rule of rules) {
    const label = ruleLabel(rule);
    switch (rule.kind) {
      case 'whereabouts_unknown': {
        // Held or missing, and no report or analyst has said where: the rule's worry, not the text's.
        if (!held || !setBy || setBy.backfill || view.status.heldAt) break;
        const from = later(setBy.readAt ?? setBy.toldAt, view.lastConfirmedAt);
        if (!from) break;
        const hours = hoursSince(from);
        if (hours <= rule.hours) break;
        const where = view.status.status === 'whereabouts_unknown' ? 'whereabouts unknown' : `${view.status.status.replace('_', ' ')}, ${PLACE_NOT_STATED}`;
        out.push({
          kind: rule.kind,
          key: `whereabouts_unknown:${view.personId}:${episode ?? setBy.id}`,
          message: `Rule "${label}": ${view.name}, ${where} (${view.status.reason}); ${Math.floor(hours)} hours without confirmation since ${view.lastConfirmedAt && from === view.lastConfirmedAt ? 'the last confirmation' : 'the report was read'}`,
          ...evidence([setBy]),
          episode,
          urgent: true,
        });
        break;
      }
      case 'returned_to_fled_country':
        if (!view.country) break;
        for (const e of told) {
          if ((e.type === 'DEPORTATION' || e.type === 'EXTRADITION') && e.destinationCountry === view.country) {
            out.push({ kind: rule.kind, key: `returned:${e.id}`, message: `Rule "${label}": ${view.name}, ${e.type.toLowerCase()} to ${view.country}, the country the person fled`, ...evidence([e]), episode, urgent: !e.backfill });
          }
        }
        break;
      case 'new_event':
        for (const e of told) {
          if (fresh.has(e.id) && rule.types.includes(e.type)) {
            out.push({ kind: rule.kind, key: `new_event:${e.id}`, message: `Rule "${label}": ${view.name}, ${e.type.toLowerCase()}${e.date ? ` (${e.date.value})` : ''}${e.backfill ? ' — from a backfilled report' : ''}`, ...evidence([e]), episode, urgent: !e.backfill });
          }
        }
        break;
      case 'proof_of_life': {
        // Only while someone holds the person (or nobody knows where): a free person needs no proof.
        // An analyst's status (no event behind it) still counts from the last contact on file.
        if (!held || setBy?.backfill) break;
        const since = later(view.lastProofOfLife, setBy ? (setBy.readAt ?? setBy.toldAt) : null);
        if (!since) break;
        const hours = hoursSince(since);
        if (hours > rule.hours) {
          out.push({
            kind: rule.kind,
            key: `proof_of_life:${view.personId}:${since}`,
            message: `Rule "${label}": ${view.name}, no proof of life for ${Math.floor(hours)} hours (${view.lastProofOfLife ? `last contact ${view.lastProofOfLife}` : `none since the report of the ${setBy?.type.toLowerCase() ?? 'status'} was read`})`,
            eventIds: [],
            reportIds: [],
            episode,
            urgent: true,
          });
        }
        break;
      }
      case 'no_news': {
        if (!held || !view.lastNewsAt || !setBy || setBy.backfill) break;
        const days = (now.getTime() - instant(view.lastNewsAt)) / DAY;
        if (days > rule.days) {
          out.push({
            kind: rule.kind,
            key: `no_news:${view.personId}:${view.lastNewsAt}`,
            message: `Rule "${label}": ${view.name}, ${view.status.status.replace('_', ' ')} and no news for ${Math.floor(days)} days`,
            ...evidence([setBy]),
            episode,
            urgent: true,
          });
        }
        break;
      }
    }
  }
  return out;
}
