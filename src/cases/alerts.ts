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

/** What every rule reads of a case: the event that set the status, its episode, whether someone holds the person. */
interface Standing {
  setBy: CaseEntry | undefined;
  episode: string | null;
  held: boolean;
}

function standingOf(view: CaseView): Standing {
  return {
    setBy: view.status.eventId ? view.entries.find((e) => e.id === view.status.eventId) : undefined,
    episode: view.status.episode ?? null,
    held: HELD_STATUSES.includes(view.status.status),
  };
}

/**
 * A time rule's clock for a case as it stands: its alert is raised once strictly more than
 * `limit` units (`unit` ms) have passed since `since`, under `key` (one alert per key, ever).
 * Null when the rule cannot fire for this case without new input (a free person, a backfill, a
 * person a report places). `evaluateRules` and `nextReviewAt` both read it, so when a rule fires
 * and when the scheduler looks again cannot drift apart.
 */
interface Clock {
  key: string;
  since: string;
  unit: number;
  limit: number;
}

function clockOf(view: CaseView, rule: AlertRule, { setBy, episode, held }: Standing): Clock | null {
  switch (rule.kind) {
    case 'whereabouts_unknown': {
      // Held or missing, and no report or analyst has said where: the rule's worry, not the text's.
      if (!held || !setBy || setBy.backfill || view.status.heldAt) return null;
      const since = later(setBy.readAt ?? setBy.toldAt, view.lastConfirmedAt);
      return since ? { key: `whereabouts_unknown:${view.personId}:${episode ?? setBy.id}`, since, unit: HOUR, limit: rule.hours } : null;
    }
    case 'proof_of_life': {
      // Only while someone holds the person (or nobody knows where): a free person needs no proof.
      // An analyst's status (no event behind it) still counts from the last contact on file.
      if (!held || setBy?.backfill) return null;
      const since = later(view.lastProofOfLife, setBy ? (setBy.readAt ?? setBy.toldAt) : null);
      return since ? { key: `proof_of_life:${view.personId}:${since}`, since, unit: HOUR, limit: rule.hours } : null;
    }
    case 'no_news':
      if (!held || !view.lastNewsAt || !setBy || setBy.backfill) return null;
      return { key: `no_news:${view.personId}:${view.lastNewsAt}`, since: view.lastNewsAt, unit: DAY, limit: rule.days };
    default:
      return null;
  }
}

/** How many of the clock's units have passed at `ms`. */
const elapsed = (clock: Clock, ms: number) => (ms - instant(clock.since)) / clock.unit;

/** Whether the clock has run out at `ms`: strictly more than its limit (a time that is not one never runs out). */
const runOut = (clock: Clock, ms: number) => elapsed(clock, ms) > clock.limit;

/** The last instant an ISO string sorts as one (`toISOString` writes "+010000-…" after it). */
const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * The first whole millisecond at which the clock has run out (the instants stored are ISO strings,
 * to the millisecond), found with the very comparison `evaluateRules` makes; null when it never
 * runs out (a time that is not one).
 */
function runsOutAt(clock: Clock): number | null {
  const since = instant(clock.since);
  if (!Number.isFinite(since)) return null;
  let ms = Math.floor(since + clock.limit * clock.unit) + 1;
  // Floating point may put the boundary a millisecond either side of the sum: step to the first.
  for (let i = 0; i < 4 && !runOut(clock, ms); i++) ms++;
  for (let i = 0; i < 4 && runOut(clock, ms - 1); i++) ms--;
  return runOut(clock, ms) ? ms : null;
}

/**
 * Which alerts a case raises now. `fresh` lists the timeline events this update created, for
 * rules about news ("a new charge"); the time rules count from when the report that set the
 * status was read (never from an old event's date to `now`), and say nothing about what only
 * backfilled reports tell.
 */
export function evaluateRules(view: CaseView, rules: AlertRule[], now: Date, fresh: Set<string> = new Set()): AlertCandidate[] {
  const out: AlertCandidate[] = [];
  // News is news whoever tells it: a disappearance the family reports is worth an alert before an
  // analyst accepts it (the status waits for that); calls, threats and denials are not news of an event.
  const told = view.entries.filter((e) => e.modality === 'asserted' || e.modality === 'reported');
  const standing = standingOf(view);
  const { setBy, episode } = standing;
  for (const rule of rules) {
    const label = ruleLabel(rule);
    switch (rule.kind) {
      case 'whereabouts_unknown': {
        const clock = clockOf(view, rule, standing);
        if (!clock || !setBy || !runOut(clock, now.getTime())) break;
        const hours = elapsed(clock, now.getTime());
        const where = view.status.status === 'whereabouts_unknown' ? 'whereabouts unknown' : `${view.status.status.replace('_', ' ')}, ${PLACE_NOT_STATED}`;
        out.push({
          kind: rule.kind,
          key: clock.key,
          message: `Rule "${label}": ${view.name}, ${where} (${view.status.reason}); ${Math.floor(hours)} hours without confirmation since ${view.lastConfirmedAt && clock.since === view.lastConfirmedAt ? 'the last confirmation' : 'the report was read'}`,
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
        const clock = clockOf(view, rule, standing);
        if (!clock || !runOut(clock, now.getTime())) break;
        out.push({
          kind: rule.kind,
          key: clock.key,
          message: `Rule "${label}": ${view.name}, no proof of life for ${Math.floor(elapsed(clock, now.getTime()))} hours (${view.lastProofOfLife ? `last contact ${view.lastProofOfLife}` : `none since the report of the ${setBy?.type.toLowerCase() ?? 'status'} was read`})`,
          eventIds: [],
          reportIds: [],
          episode,
          urgent: true,
        });
        break;
      }
      case 'no_news': {
        const clock = clockOf(view, rule, standing);
        if (!clock || !setBy || !runOut(clock, now.getTime())) break;
        out.push({
          kind: rule.kind,
          key: clock.key,
          message: `Rule "${label}": ${view.name}, ${view.status.status.replace('_', ' ')} and no news for ${Math.floor(elapsed(clock, now.getTime()))} days`,
          ...evidence([setBy]),
          episode,
          urgent: true,
        });
        break;
      }
    }
  }
  return out;
}

/**
 * When the scheduler must look at this case again: the earliest instant strictly after `now` at
 * which one of the time rules (`whereabouts_unknown`, `proof_of_life`, `no_news`) could newly
 * raise an alert for the case as it stands, with the same rules `evaluateRules` was given; null
 * when none can without new input (a report, an analyst's confirmation or status, a rule added —
 * whoever writes those makes the case due or evaluates it again).
 *
 * A rule whose clock has already run out at `now` keeps nothing due: `evaluateRules` raises its
 * alert at `now` (or raised it before), and its key is raised once, ever. Rules whose alerts share
 * a key (two "no confirmation" rules, 24 h and 48 h) count by the first to run out: the later one
 * would find the key taken.
 */
export function nextReviewAt(view: CaseView, rules: AlertRule[], now: Date): string | null {
  const standing = standingOf(view);
  const first = new Map<string, number | null>();
  for (const rule of rules) {
    const clock = clockOf(view, rule, standing);
    if (!clock) continue;
    const at = runsOutAt(clock);
    const seen = first.get(clock.key);
    // null: never runs out; a key already seen keeps the earlier of the two
    if (seen === undefined || (at !== null && (seen === null || at < seen))) first.set(clock.key, at);
  }
  let due = Infinity;
  for (const at of first.values()) if (at !== null && at > now.getTime() && at < due) due = at;
  return Number.isFinite(due) ? new Date(Math.min(due, LAST_INSTANT)).toISOString() : null;
}
