import type { RoleName, VigilEvent } from '../../text/types.js';
import { ROLE_NAMES } from '../../text/types.js';

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

/** A trigger that tells a happening over again: "rearrested", "re-detained", "the re-arrest of X". */
const REPEATED = /^re-?(?:arrest|detain|imprison|jail|incarcerat|abduct|kidnap)/i;

/**
 * A re-arrest is a new arrest, never a retelling of the first one ("was held in pretrial detention
 * … was rearrested in May"); several tellings of the re-arrest are still one happening.
 */
const sameRound = (a: VigilEvent, b: VigilEvent): boolean => REPEATED.test(a.trigger.text) === REPEATED.test(b.trigger.text);

/** Negated and hypothetical mentions are different claims, never the same happening. */
const factual = (v: VigilEvent): boolean => v.modality === 'asserted' || v.modality === 'reported';

/** `toldOver`: whether an event is a custody told as over ("detained him for five days"), which a later telling is not more of: "he was taken to jail on Wednesday" is another custody. */
export function mergeMentions(events: VigilEvent[], toldOver: (v: VigilEvent) => boolean): VigilEvent[] {
  const out: VigilEvent[] = [];
  for (const v of events) {
    const host = out.find((o) => o.type === v.type && factual(o) && factual(v) && sameTarget(o, v) && sameAgent(o, v) && compatibleDates(o, v) && !toldOver(o) && sameRound(o, v));
    if (!host) {
      out.push(v);
      continue;
    }
    (host.mentions ??= []).push(v.trigger, ...(v.mentions ?? []));
    for (const r of ROLE_NAMES as readonly RoleName[]) {
      const mine = host[r];
      const theirs = v[r];
      if (theirs && (!mine || (mine.entity === null && theirs.entity !== null))) host[r] = theirs;
    }
    // the later telling says where the person is now
    if (v.heldAt) host.heldAt = v.heldAt;
    if (v.whereaboutsUnknown) host.whereaboutsUnknown ??= v.whereaboutsUnknown;
    if (v.date && (!host.date || v.date.value.length > host.date.value.length)) host.date = v.date;
    if (MODAL_RANK[v.modality] < MODAL_RANK[host.modality]) {
      host.modality = v.modality;
      host.speaker = v.speaker ?? null;
    }
    host.confidence = Math.min(0.98, Math.max(host.confidence, v.confidence) + 0.05);
  }
  return out;
}
