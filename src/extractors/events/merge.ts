import type { RoleName, VigilEvent } from '../../text/types.js';
import { ROLE_NAMES } from '../../text/types.js';
import { HOUSE_ARREST, REPEAT_PREFIX } from './rounds.js';

/**
 * One event per happening in a report. A report tells its main event several times — "Thailand
 * Wednesday deported …", "the deportation occurred", "he was handed over to Cambodian
 * authorities" — and a timeline wants it once. A later mention joins an earlier event of the same
 * type when their targets agree (or one has none) and their dates do not conflict; the first
 * keeps its trigger, the others go to `mentions`, and roles fill in from whichever has them.
 */

const MODAL_RANK = { asserted: 0, reported: 1, future: 2, hypothetical: 3, negated: 4 } as const;

function compatibleDates(a: VigilEvent, b: VigilEvent): boolean {
  if (!a.date || !b.date) return true;
  return a.date.value.startsWith(b.date.value) || b.date.value.startsWith(a.date.value);
}

function sameTarget(a: VigilEvent, b: VigilEvent): boolean {
  if (!a.target || !b.target) return true;
  if (a.target.entity && b.target.entity) return a.target.entity === b.target.entity;
  return a.target.text.toLowerCase() === b.target.text.toLowerCase();
}

/** Two accusers make two accusations, even of the same crime. */
function sameAgent(a: VigilEvent, b: VigilEvent): boolean {
  if (!a.agent?.entity || !b.agent?.entity) return !(a.agent && b.agent && a.agent.text.toLowerCase() !== b.agent.text.toLowerCase() && !a.agent.entity && !b.agent.entity);
  return a.agent.entity === b.agent.entity;
}

/** A trigger that tells a happening over again: "rearrested", "re-detained", "the re-arrest of X", "back in prison". */
// ("arrested again" is read with its "again" only after the merge, by the case's timeline)
const repeated = (text: string): boolean => REPEAT_PREFIX.test(text) || /^back\b/i.test(text);

/**
 * A re-arrest is a new arrest, never a retelling of the first one ("was held in pretrial detention
 * … was rearrested in May"); several tellings of the re-arrest are still one happening. So is a
 * house arrest (below) beside a custody in a cell.
 */
const sameRound = (a: VigilEvent, b: VigilEvent): boolean => repeated(a.trigger.text) === repeated(b.trigger.text) && HOUSE_ARREST.test(a.trigger.text) === HOUSE_ARREST.test(b.trigger.text);

// A custody at home (rounds.ts): a custody of its own, never a retelling of a night in a cell
// ("picked up on Monday and held for two days … placed under house arrest"), and the home is where the person is held.
export { HOUSE_ARREST };

/** Negated and hypothetical mentions are different claims, never the same happening. */
const factual = (v: VigilEvent): boolean => v.modality === 'asserted' || v.modality === 'reported';

/** What a host's target is filed under: nobody, a person, or words nobody was linked to. */
function targetKey(v: VigilEvent): string {
  if (!v.target) return 'none';
  return v.target.entity ? `e:${v.target.entity}` : `t:${v.target.text.toLowerCase()}`;
}

/**
 * The events a later telling may join, filed by type and target, so each telling reads only those
 * whose target can agree with its own (`sameTarget`), in the order they were kept, instead of every
 * event kept so far (quadratic in a long report's events). A telling without a target reads every
 * kept event of its type, as before. Only factual events are filed: only they host.
 */
class Hosts {
  private readonly rank = new Map<VigilEvent, number>();
  private readonly ofType = new Map<string, VigilEvent[]>();
  private readonly byTarget = new Map<string, Set<VigilEvent>>();
  /** Targeted hosts by their target's words, linked or not: what a telling of unlinked words agrees with. */
  private readonly byWords = new Map<string, Set<VigilEvent>>();

  add(v: VigilEvent): void {
    this.rank.set(v, this.rank.size);
    const list = this.ofType.get(v.type);
    if (list) list.push(v);
    else this.ofType.set(v.type, [v]);
    this.file(v, v.target);
  }

  /** The host's target changed from `was`: filed again under its new one. */
  retarget(v: VigilEvent, was: VigilEvent['target']): void {
    this.byTarget.get(`${v.type}\u0000${targetKey({ ...v, target: was })}`)?.delete(v);
    if (was) this.byWords.get(`${v.type}\u0000${was.text.toLowerCase()}`)?.delete(v);
    this.file(v, v.target);
  }

  /** In the order kept, every host whose target agrees with `v`'s, among others of its type. */
  candidates(v: VigilEvent): readonly VigilEvent[] {
    if (!v.target) return this.ofType.get(v.type) ?? [];
    const found = new Set(this.byTarget.get(`${v.type}\u0000none`));
    const add = (set: Set<VigilEvent> | undefined) => set?.forEach((o) => found.add(o));
    if (v.target.entity) {
      add(this.byTarget.get(`${v.type}\u0000e:${v.target.entity}`));
      add(this.byTarget.get(`${v.type}\u0000t:${v.target.text.toLowerCase()}`));
    } else add(this.byWords.get(`${v.type}\u0000${v.target.text.toLowerCase()}`));
    return [...found].sort((a, b) => this.rank.get(a)! - this.rank.get(b)!);
  }

  private file(v: VigilEvent, target: VigilEvent['target']): void {
    put(this.byTarget, `${v.type}\u0000${targetKey({ ...v, target })}`, v);
    if (target) put(this.byWords, `${v.type}\u0000${target.text.toLowerCase()}`, v);
  }
}

function put(map: Map<string, Set<VigilEvent>>, key: string, v: VigilEvent): void {
  const set = map.get(key);
  if (set) set.add(v);
  else map.set(key, new Set([v]));
}

/** `toldOver`: whether an event is a custody told as over ("detained him for five days"), which a later telling is not more of: "he was taken to jail on Wednesday" is another custody. */
/**
 * Nobody knew where, then a later sentence says where: "… his family did not know where he was
 * held. They were later told he is in Kesh prison". The event is found again: its "not known" goes.
 */
export function foundLater(v: VigilEvent, sentenceOf: (offset: number) => number): void {
  if (v.heldAt?.start !== undefined && v.whereaboutsUnknown && v.whereaboutsUnknown.end < v.heldAt.start && sentenceOf(v.whereaboutsUnknown.start) < sentenceOf(v.heldAt.start)) v.whereaboutsUnknown = null;
}

export function mergeMentions(events: VigilEvent[], toldOver: (v: VigilEvent) => boolean, sentenceOf: (offset: number) => number = () => 0): VigilEvent[] {
  const out: VigilEvent[] = [];
  const hosts = new Hosts();
  for (const v of events) {
    const host = factual(v) ? hosts.candidates(v).find((o) => o.type === v.type && factual(o) && sameTarget(o, v) && sameAgent(o, v) && compatibleDates(o, v) && !toldOver(o) && sameRound(o, v)) : undefined;
    if (!host) {
      out.push(v);
      if (factual(v)) hosts.add(v);
      continue;
    }
    const was = host.target;
    (host.mentions ??= []).push(v.trigger, ...(v.mentions ?? []));
    for (const r of ROLE_NAMES as readonly RoleName[]) {
      const mine = host[r];
      const theirs = v[r];
      if (theirs && (!mine || (mine.entity === null && theirs.entity !== null))) host[r] = theirs;
    }
    // the later telling says where the person is now
    if (v.heldAt) host.heldAt = v.heldAt;
    if (v.whereaboutsUnknown) host.whereaboutsUnknown ??= v.whereaboutsUnknown;
    foundLater(host, sentenceOf);
    if (v.date && (!host.date || v.date.value.length > host.date.value.length)) host.date = v.date;
    if (MODAL_RANK[v.modality] < MODAL_RANK[host.modality]) {
      host.modality = v.modality;
      host.speaker = v.speaker ?? null;
    }
    host.confidence = Math.min(0.98, Math.max(host.confidence, v.confidence) + 0.05);
    if (host.target !== was) hosts.retarget(host, was);
  }
  return out;
}
