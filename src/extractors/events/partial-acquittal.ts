import type { Doc } from '../../text/doc.js';
import type { VigilEvent } from '../../text/types.js';

/** Words of an acquittal, which the lexicon types as a release. */
const ACQUITTAL = /\b(?:acquit\w*|cleared|not guilty)\b/i;
/** Words that make an acquittal beside a conviction a later judgment on it, and so a release. */
const ON_APPEAL = /\b(?:on appeal|appeals? court|court of appeals?|appellate|overturn\w*|quash\w*|retrial|retried|set aside)\b/i;

/**
 * "convicted X of organising a strike and sentenced him to three years, but acquitted him of
 * inciting discord": an acquittal on one charge in the sentence that convicts the same person, on
 * the same day, frees no one. The acquittal keeps its words but names no one (as a release after a
 * death does), so the case shows the conviction. One on appeal ("convicted in 2019 and acquitted on
 * appeal") is a release.
 */
export function partialAcquittals(doc: Doc, events: VigilEvent[]): VigilEvent[] {
  return events.map((v) => {
    const who = v.target?.entity;
    if (v.type !== 'RELEASE' || !who || v.modality !== 'asserted' || !ACQUITTAL.test(v.trigger.text)) return v;
    const convicted = events.some((c) => c.type === 'CONVICTION' && c.modality === 'asserted' && c.target?.entity === who && c.sentence === v.sentence && (!c.date || !v.date || c.date.value === v.date.value));
    const s = doc.sentences[v.sentence];
    if (!convicted || !s || ON_APPEAL.test(doc.text.slice(s.start, s.end))) return v;
    return { ...v, target: { ...v.target!, entity: null } };
  });
}
