import type { EventType, Modality } from '../text/types.js';
import { tellsNewRound, tellsRepeat } from '../extractors/events/rounds.js';

export { tellsNewRound, tellsRepeat };
import type { CaseDate } from './timeline.js';

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

/** Statuses in which someone holds the person (or nobody knows where): their whereabouts matter. */
export const HELD_STATUSES: readonly CaseStatus[] = ['detained', 'charged', 'convicted', 'deported', 'whereabouts_unknown'];

/** Where a report says the person is held, and the words of which report say it. */
export interface HeldAt {
  place: string;
  reportId: string;
  eventId: string;
  start: number | null;
  end: number | null;
}

/** The words shown when no report names where a detained person is: not knowing is not "unknown". */
export const PLACE_NOT_STATED = 'place not stated';

export interface TimelineEntry {
  id: string;
  type: EventType;
  modality: Modality;
  date: CaseDate | null;
  /** When the earliest report telling it was published (or received): orders undated events. */
  toldAt: string;
  /** The reports that tell it: an undated step sorts with the dated ones its own report tells. */
  reportIds?: readonly string[];
  /** When the event was put on the person's timeline (the first report telling it was read): names the episode it opens. */
  recordedAt?: string;
  /** Where it happened, when told ("arrested in Velmora"). */
  place: string | null;
  /** Where a report says the target is held ("held at Karsvik central prison"). */
  heldAt?: HeldAt | null;
  /** A report says the target's whereabouts are not known (incommunicado, taken to an unknown place). */
  whereaboutsUnknown?: boolean;
  /** An analyst accepted the event: a reported one then counts as a fact. */
  accepted?: boolean;
  /** A report tells it as happening again ("rearrested", "detained again"), or as custody going on now
   *  ("remains in detention"): it follows a release told with it. */
  repeat?: boolean;
}

export interface DerivedStatus {
  status: CaseStatus;
  /** The timeline event that set the status; null for `at_large` with no event. */
  eventId: string | null;
  /** The date the status holds from: the event's date, else when it was first told. */
  since: string | null;
  reason: string;
  /** Where the person is held, from the reports of this episode; null when none says. */
  heldAt?: HeldAt | null;
  /** The episode the status belongs to, named by the event that opened it (an arrest, a disappearance; the first on file of those that open it: `episodeName`); null outside one. */
  episode?: string | null;
}

/**
 * Whether an event moves a status: told as a fact by the report itself, or told through someone
 * ("police said he was arrested") and accepted by an analyst. Calls for release, requests
 * refused, sentences sought, threats and denials never do.
 */
export function movesStatus(e: Pick<TimelineEntry, 'modality' | 'accepted'>): boolean {
  return e.modality === 'asserted' || (e.modality === 'reported' && !!e.accepted);
}

/**
 * A release that did not happen ("a court denied him bail", "has yet to be released") tells that the
 * person is still held: a fact of custody, as an arrest is, even when no report tells the arrest.
 */
export function keptHeld(e: Pick<TimelineEntry, 'type' | 'modality'>): boolean {
  return e.type === 'RELEASE' && e.modality === 'negated';
}

/** Events that say where the person is or whether they are free; the rest (threats, accusations) do not move the status. */
const SETS_STATUS: Partial<Record<EventType, (e: TimelineEntry) => CaseStatus>> = {
  KILLING: () => 'killed',
  CONVICTION: () => 'convicted',
  TRIAL: () => 'charged',
  CHARGE: () => 'charged',
  RELEASE: (e) => (keptHeld(e) ? 'detained' : 'released'),
  ASYLUM_REQUEST: () => 'in_exile',
  // Taken by force or gone: nobody knows where, unless a report of it names where the person is held
  // ("abducted by security agents and taken to the central police station"), which is a detention.
  DISAPPEARANCE: (e) => (e.heldAt && !e.whereaboutsUnknown ? 'detained' : 'whereabouts_unknown'),
  ABDUCTION: (e) => (e.heldAt && !e.whereaboutsUnknown ? 'detained' : 'whereabouts_unknown'),
  // Taken: detained, whether or not a report says where; "unknown" only when a report says so.
  ARREST: (e) => (e.whereaboutsUnknown ? 'whereabouts_unknown' : 'detained'),
  DEPORTATION: (e) => (e.whereaboutsUnknown ? 'whereabouts_unknown' : 'deported'),
  EXTRADITION: (e) => (e.whereaboutsUnknown ? 'whereabouts_unknown' : 'deported'),
};

/** Events that open an episode of being held or missing; a release (or a new one) ends it. */
const OPENS_EPISODE: ReadonlySet<EventType> = new Set(['ARREST', 'DISAPPEARANCE', 'ABDUCTION', 'DEPORTATION', 'EXTRADITION']);

/** The instant an entry sorts by: its own date (start of its period), else when it was told. */
function sortKey(e: TimelineEntry): string {
  return e.date ? e.date.value : e.toldAt.slice(0, 10);
}

/** When a fact happened, in words: its date, or, undated, the day a report told it (which is not its date). */
const whenOf = (e: TimelineEntry): string => (e.date ? `on ${e.date.value}` : `reported ${e.toldAt.slice(0, 10)}, undated`);

/**
 * The order a life takes when a report does not date its steps: seized, taken, charged, tried,
 * convicted, then freed or gone. Ties and undated steps fall back on it ("freed in March; he had
 * been sentenced to three years" is a release after the sentence). An abduction comes before an
 * arrest told with it: people seized by unmarked agents turn up in a cell ("kidnapped and beaten
 * before being jailed"), while one who vanishes from custody is a disappearance, after it.
 */
// An extradition hands someone over to be charged and tried where they are sent ("seized, extradited
// in 2004, and put on trial"), so it comes before the charge; a deportation sends them away after.
// One sent back and then lost is the common story ("deported to Dushanbe, where he has vanished"),
// so a disappearance told with a deportation comes after it.
const LIFE_ORDER: readonly EventType[] = ['ABDUCTION', 'ARREST', 'EXTRADITION', 'CHARGE', 'TRIAL', 'CONVICTION', 'DEPORTATION', 'DISAPPEARANCE', 'RELEASE', 'ASYLUM_REQUEST', 'KILLING'];
// A refused release ("has not been granted bail") is custody going on: at the same instant it comes
// before a release granted, as the refusal comes before the grant in the one story a report tells,
// and before a disappearance told with it ("he has not been freed and his whereabouts remain
// unknown": held, but nobody knows where).
// A repeat ("rearrested") comes after the release it undoes: "acquitted in March; later rearrested".
const lifeRank = (e: Pick<TimelineEntry, 'type' | 'modality' | 'repeat'>): number => {
  if (e.repeat && OPENS_EPISODE.has(e.type)) return LIFE_ORDER.indexOf('RELEASE') + 0.5;
  if (keptHeld(e)) return LIFE_ORDER.indexOf('DEPORTATION') - 0.5;
  const k = LIFE_ORDER.indexOf(e.type);
  return k < 0 ? LIFE_ORDER.length : k;
};

/** Told as having happened, whoever tells it: asserted or reported, or a release refused (custody going on). */
const toldAsHappened = (e: Pick<TimelineEntry, 'type' | 'modality'>): boolean => e.modality === 'asserted' || e.modality === 'reported' || keptHeld(e);

/**
 * Timeline order, oldest first. An undated event sorts with the newest dated event its own report
 * tells as having happened (a report's undated steps are its background as often as its news), else with the newest
 * dated event told the same day, and events at the same instant in the order of a life; equal
 * ones keep the order in which they were told. By report, not by day: a report that retells an
 * arrest first told a year before and calls it an abduction without a date is still telling that
 * arrest, not a new one on the day it was published.
 */
export function chronological<T extends TimelineEntry>(entries: T[]): T[] {
  const newestDated = new Map<string, string>();
  const note = (k: string, value: string): void => {
    const seen = newestDated.get(k);
    if (!seen || value > seen) newestDated.set(k, value);
  };
  for (const e of entries) {
    // only what happened dates a report's story: "a hearing set for 30 April" or "a release called
    // for by June" would carry its undated arrest past a release dated before them
    if (!e.date || !toldAsHappened(e)) continue;
    note(e.toldAt.slice(0, 10), e.date.value);
    for (const r of e.reportIds ?? []) note(`report:${r}`, e.date.value);
  }
  const byReport = (e: T): string | undefined =>
    (e.reportIds ?? [])
      .map((r) => newestDated.get(`report:${r}`))
      .filter((v): v is string => v !== undefined)
      .sort()
      .at(-1);
  const key = (e: T): string => (e.date ? e.date.value : (byReport(e) ?? newestDated.get(e.toldAt.slice(0, 10)) ?? sortKey(e)));
  return [...entries].sort((a, b) => key(a).localeCompare(key(b)) || lifeRank(a) - lifeRank(b) || a.toldAt.localeCompare(b.toldAt));
}

/**
 * The current episode: from the event that opened it (an arrest, a disappearance, while the
 * person was free) to now, unless a release came after it. A disappearance from custody is the
 * same episode as the arrest before it; an arrest after a release opens a new one.
 */
function currentEpisode<T extends TimelineEntry>(facts: T[]): T[] {
  let start = -1;
  for (let i = 0; i < facts.length; i++) {
    const e = facts[i]!;
    if ((OPENS_EPISODE.has(e.type) || keptHeld(e)) && start < 0) start = i;
    else if ((e.type === 'RELEASE' && !keptHeld(e)) || e.type === 'KILLING') start = -1;
  }
  return start < 0 ? [] : facts.slice(start);
}

/**
 * The episode's name (the alerts' `episode`: one open alert per person per episode, and the key of
 * its "no confirmation of whereabouts" alert): of the events that open it, the one put on the
 * timeline first. Not simply the episode's first event in time: a later report that tells an
 * earlier step of the same episode (a disappearance first told undated, then "abducted on the
 * 20th", which sorts before it) would rename the episode, and its alerts, already raised and
 * acknowledged, would be raised again as news. Events recorded together (one report) name it by
 * time, as before; entries with no `recordedAt` (built by hand) by time alone.
 */
function episodeName(episode: TimelineEntry[]): string | null {
  let name: TimelineEntry | undefined;
  for (const e of episode) {
    if (!OPENS_EPISODE.has(e.type) && !keptHeld(e)) continue;
    if (!name || (e.recordedAt && name.recordedAt && e.recordedAt < name.recordedAt)) name = e;
  }
  return name?.id ?? null;
}

/** Where the person is held: the newest "held at" of the episode since nobody last knew where they were. */
function heldAtOf(episode: TimelineEntry[]): HeldAt | null {
  const lost = episode.findLastIndex((e) => ((e.type === 'DISAPPEARANCE' || e.type === 'ABDUCTION') && !e.heldAt) || e.whereaboutsUnknown);
  return [...episode.slice(lost + 1)].reverse().find((e) => e.heldAt)?.heldAt ?? null;
}

/** Steps of the law against a held person, least to most: a later lesser one does not undo a greater. */
const LEGAL_RANK: Partial<Record<CaseStatus, number>> = { detained: 1, charged: 2, convicted: 3 };

/** Whether dated `a` is strictly earlier than dated `b`, at the coarser of their precisions. */
const datedBefore = (a: TimelineEntry, b: TimelineEntry): boolean => datedAfter(b, a);

/** Whether dated `a` is strictly later than dated `b`, at the coarser of their precisions ("2021-10-11" after "2017"). */
function datedAfter(a: TimelineEntry, b: TimelineEntry): boolean {
  if (!a.date || !b.date) return false;
  const n = Math.min(a.date.value.length, b.date.value.length);
  return a.date.value.slice(0, n) > b.date.value.slice(0, n);
}

/**
 * The fact that sets the status, newest first, with three rules a plain "newest wins" misses: a
 * killing is final (a dead person is not re-arrested by a later telling of the arrest); while
 * held, a later arrest, charge or hearing does not undo a conviction (an appeal heard leaves the
 * person convicted), but an arrest dated after the conviction is a new detention (the sentence
 * was served or the person freed in between); and a person charged while held is `detained`
 * (`charged` is for one who faces charges and is not known to be held), set by the arrest; and a
 * person charged, tried or sentenced after going into exile, and not arrested since, is in exile
 * (in absentia), set by the exile; one lost (disappeared, abducted) and then brought to a hearing
 * is held, `detained`, while one lost and only charged since is still lost.
 */
function statusSetter(facts: TimelineEntry[]): { e: TimelineEntry; status: CaseStatus; charge?: TimelineEntry } | null {
  const killing = facts.findLast((e) => e.type === 'KILLING');
  if (killing) return { e: killing, status: 'killed' };
  for (let i = facts.length - 1; i >= 0; i--) {
    const e = facts[i]!;
    const rule = SETS_STATUS[e.type];
    if (!rule) continue;
    const status = rule(e);
    const rank = LEGAL_RANK[status];
    if (rank === undefined) return { e, status };
    // the greatest legal step since the person was last free or lost, and the newest arrest of that stretch
    let best = { e, status, rank };
    let arrest: TimelineEntry | undefined = status === 'detained' ? e : undefined;
    // a refused release is custody going on, not a new detention after a conviction
    let newestArrest: TimelineEntry | undefined = arrest && arrest.date && !keptHeld(arrest) ? arrest : undefined;
    // a hearing shows the person to a court: whoever was lost before it is held by those who brought them
    let seenByCourt = e.type === 'TRIAL';
    for (let j = i - 1; j >= 0; j--) {
      const before = facts[j]!;
      // an arrest told with "nobody knows where" is custody all the same once a court has seen the
      // person; so is an extradition, which hands the person over in custody to be tried, and a
      // disappearance or abduction before a hearing ("seized in March, brought before a judge in June")
      const lostThenHeard = seenByCourt && (before.type === 'DISAPPEARANCE' || before.type === 'ABDUCTION');
      const was = before.type === 'ARREST' || before.type === 'EXTRADITION' || lostThenHeard ? 'detained' : SETS_STATUS[before.type]?.(before);
      seenByCourt ||= before.type === 'TRIAL';
      if (!was) continue;
      const r = LEGAL_RANK[was];
      // charged, tried or sentenced after leaving, with no arrest since: in absentia, still in exile
      if (r === undefined && was === 'in_exile' && !arrest) return { e: before, status: 'in_exile', charge: best.e };
      // charged after going missing, with no arrest or hearing since: a charge read out to a file, the person still lost
      if (r === undefined && was === 'whereabouts_unknown' && !arrest && best.status === 'charged') return { e: before, status: 'whereabouts_unknown', charge: best.e };
      if (r === undefined) break;
      if (was === 'convicted' && newestArrest && datedAfter(newestArrest, before)) break;
      if (was === 'detained') {
        arrest ??= before;
        if (before.date && !newestArrest && !keptHeld(before)) newestArrest = before;
      }
      if (r > best.rank) best = { e: before, status: was, rank: r };
    }
    // charged while nobody knows where: a charge is read out to a file, not to the person; only a
    // hearing shows them to a court ("charged with subversion; her family has not been told where she is held")
    if (best.status === 'charged' && arrest?.whereaboutsUnknown && !facts.slice(0, i + 1).some((x) => x.type === 'TRIAL' && movesStatus(x) && !datedBefore(x, arrest!))) return { e: arrest, status: 'whereabouts_unknown', charge: best.e };
    if (best.status === 'charged' && arrest) return { e: arrest, status: 'detained', charge: best.e };
    return { e: best.e, status: best.status };
  }
  return null;
}

/**
 * The status the newest status-setting fact gives, with where the person is held (the newest
 * "held at" of the current episode) and the episode it belongs to.
 */
export function deriveStatus(entries: TimelineEntry[]): DerivedStatus {
  const facts = chronological(entries).filter((e) => movesStatus(e) || keptHeld(e));
  const episode = currentEpisode(facts);
  const heldAt = heldAtOf(episode);
  const setter = statusSetter(facts);
  if (setter) {
    const { e, status, charge } = setter;
    const held = HELD_STATUSES.includes(status) && status !== 'whereabouts_unknown';
    const where = held ? (heldAt ? `; held at ${heldAt.place}` : `; ${PLACE_NOT_STATED}`) : e.place ? ` in ${e.place}` : '';
    const unknown = status === 'whereabouts_unknown' && e.whereaboutsUnknown ? '; the report says the whereabouts are not known' : '';
    return {
      status,
      eventId: e.id,
      since: sortKey(e),
      reason: `${keptHeld(e) ? 'release refused' : e.type.toLowerCase()} ${whenOf(e)}${charge ? `; ${charge.type === 'CONVICTION' ? 'sentenced' : 'charged'} (${charge.type.toLowerCase()} ${whenOf(charge)})` : ''}${where}${unknown}`,
      heldAt: held ? heldAt : null,
      episode: episodeName(episode),
    };
  }
  // "Nobody knows where he is", his family said: told through someone, it waits for an analyst to
  // accept it, and the reason says so rather than that no report tells anything
  const waiting = entries.filter((e) => e.modality === 'reported' && !e.accepted && SETS_STATUS[e.type]);
  const pending = waiting.length ? `; ${[...new Set(waiting.map((e) => e.type.toLowerCase()))].join(', ')} reported through someone, not yet accepted by an analyst` : '';
  return { status: 'at_large', eventId: null, since: null, reason: `no report of detention, disappearance or release${pending ? ' as fact' : ''}${pending}`, heldAt: null, episode: null };
}
