import type { VigilEvent } from '../../text/types.js';
import { PERSON_PRONOUNS } from '../coref/lexicon.js';

/**
 * No one is released after their death. A release whose target is only a pronoun ("ordered his
 * release", "he was still set free") that the report's coreference tied to a person it told, by
 * name and earlier, was killed, is someone else's release: the pronoun went to the wrong person
 * (typically the victim of the killers being freed). The release keeps its words but names no one.
 */
export function noReleaseAfterDeath(events: VigilEvent[]): VigilEvent[] {
  const killedAt = new Map<string, number>();
  for (const v of events) {
    if (v.type !== 'KILLING' || v.modality !== 'asserted' || !v.target?.entity || isPronoun(v.target.text)) continue;
    killedAt.set(v.target.entity, Math.min(killedAt.get(v.target.entity) ?? Infinity, v.trigger.start));
  }
  return events.map((v) => {
    const dead = v.target?.entity ? killedAt.get(v.target.entity) : undefined;
    if (v.type !== 'RELEASE' || dead === undefined || dead > v.trigger.start || !isPronoun(v.target!.text)) return v;
    return { ...v, target: { ...v.target!, entity: null } };
  });
}

const isPronoun = (text: string): boolean => PERSON_PRONOUNS.has(text.toLowerCase());
