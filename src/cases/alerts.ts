import type { EventType } from '../text/types.js';
import type { CaseStatus, DerivedStatus, TimelineEntry } from './status.js';
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
  /**
   * The telling it was first made from ("report:event" of its extraction), which outlives the
   * timeline event: a report corrected is tracked again and its events are made anew under new
   * ids, and an alert keyed on the id was raised again for every review decision.
   */
  origin?: string;
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
  /** The case's status when the rule fired: whether the news is worse than what the desk acknowledged (`decideAlert`). */
  status?: CaseStatus | null;
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
  // A backfilled report's event dated before what set the status now is history, not a step of
  // the current episode: its alert is listed apart, never folded into the open one (a September
  // arrest, read in December, had joined a December killing's alert as "also")
  const episodeOf = (e: CaseEntry): string | null => (e.backfill && e.date?.value && setBy?.date?.value && e.date.value < setBy.date.value ? null : episode);
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
            out.push({ kind: rule.kind, key: `returned:${view.personId}:${e.origin ?? e.id}`, message: `Rule "${label}": ${view.name}, ${e.type.toLowerCase()} to ${view.country}, the country the person fled`, ...evidence([e]), episode: episodeOf(e), urgent: !e.backfill });
          }
        }
        break;
      case 'new_event':
        for (const e of told) {
          if (fresh.has(e.id) && rule.types.includes(e.type)) {
            out.push({ kind: rule.kind, key: `new_event:${view.personId}:${e.origin ?? e.id}`, message: `Rule "${label}": ${view.name}, ${e.type.toLowerCase()}${e.date ? ` (${e.date.value})` : ''}${e.backfill ? ' — from a backfilled report' : ''}`, ...evidence([e]), episode: episodeOf(e), urgent: !e.backfill });
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
  return out.map((c) => ({ ...c, status: view.status.status }));
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

/** The rules that count hours or days with nobody confirming: paging once the time is up is their whole point. */
const TIMED: ReadonlySet<AlertRule['kind']> = new Set(['whereabouts_unknown', 'proof_of_life', 'no_news']);

/** How far out of reach a status puts the person: free, held by someone, nobody knows where, dead. */
const DANGER: Record<CaseStatus, number> = { at_large: 0, released: 0, in_exile: 0, charged: 0, detained: 1, convicted: 1, deported: 1, whereabouts_unknown: 2, killed: 3 };
/** How far the law has gone against the person: charged, then sentenced. */
const LEGAL: Partial<Record<CaseStatus, number>> = { charged: 1, convicted: 2 };

/**
 * Whether going from status `from` to `to` is worse news: further out of reach (held → nobody knows
 * where → killed) or further down the law's road (charged → sentenced). Found in custody after a
 * disappearance, a charge read to someone already held, the same status told again: not worse. A
 * status not known on either side counts as worse: an alert stored before its status was kept, or
 * a caller that gives none, is raised as it was before rather than buried.
 */
export function escalates(from: CaseStatus | null | undefined, to: CaseStatus | null | undefined): boolean {
  if (!from || !to) return true;
  return DANGER[to] > DANGER[from] || (LEGAL[to] ?? 0) > (LEGAL[from] ?? 0);
}

/** The person's alert of the candidate's episode, as the decision reads it: the open one, else the newest acknowledged. */
export interface EpisodeAlert {
  acknowledged: boolean;
  /** The case's status the alert last told; null when not known (stored before it was kept). */
  status: CaseStatus | null;
}

/**
 * What becomes of an alert candidate whose key is new:
 * - `raise`: a new alert, told to the rule's channels when urgent;
 * - `fold`: into the episode's open alert; `notify` when the candidate is urgent: the alert then rises
 *   in the list, turns urgent, and the channels are told as for a new alert;
 * - `attach`: its evidence and words added to the episode's acknowledged alert, which stays
 *   acknowledged; nobody is told.
 */
export type AlertDecision = { action: 'raise' } | { action: 'fold'; notify: boolean } | { action: 'attach' };

/**
 * One open alert per person per episode, and nothing that should page buried in it. Folding is how
 * the news is grouped, never whether anyone hears it:
 * - an open (unread) alert of the episode takes every new candidate, and an urgent one is told as a
 *   new alert would have been (a clock that ran out, a disappearance from custody): appended
 *   silently to a message the desk may not reread, it would change an old line and page nobody;
 * - once the desk has acknowledged the episode's alert, a repeated or lesser fact of the same
 *   episode (an abduction told after the disappearance, a charge while held) is attached to it
 *   without reopening it: the desk has acted on that episode and the fact changes nothing for them;
 * - but a time rule running out after the acknowledgement is a new alert: the desk acknowledged
 *   the news, and the silence since is itself the news the rule was set to page about; so is a
 *   return to the country fled, and any status worse than the one the desk acknowledged
 *   (`escalates`: held → nobody knows where, or a sentence);
 * - a backfill (not urgent) never opens a new alert over an acknowledged one;
 * - outside an episode (`episode` null) nothing is acknowledged for good: a candidate with no open
 *   alert to fold into is raised (the caller passes no acknowledged alert).
 */
export function decideAlert(c: Pick<AlertCandidate, 'kind' | 'urgent' | 'status'>, into: EpisodeAlert | null): AlertDecision {
  if (!into) return { action: 'raise' };
  if (!into.acknowledged) return { action: 'fold', notify: c.urgent };
  if (!c.urgent) return { action: 'attach' };
  if (TIMED.has(c.kind) || c.kind === 'returned_to_fled_country') return { action: 'raise' };
  return escalates(into.status, c.status) ? { action: 'raise' } : { action: 'attach' };
}
