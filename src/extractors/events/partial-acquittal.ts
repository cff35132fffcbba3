import type { Doc } from '../../text/doc.js';
import type { VigilEvent } from '../../text/types.js';

/** Words of an acquittal, which the lexicon types as a release. */
const ACQUITTAL = /\b(?:acquit\w*|cleared|not guilty)\b/i;
/** Words that make an acquittal beside a conviction a later judgment on it, and so a release. */
const ON_APPEAL = /\b(?:on appeal|appeals? court|court of appeals?|appellate|overturn\w*|quash\w*|retrial|retried|set aside|supreme court|high court|separate trial|later)\b/i;
/** Words of walking free, in the sentence of an acquittal: it is a release. */
const FREED = /\b(?:released|freed|walked free|set free|walked out|let go)\b/i;

/**
 * "convicted X of organising a strike and sentenced him to three years, but acquitted him of
 * inciting discord": an acquittal on one charge in the sentence that convicts the same person (or
 * of named charges in the sentence after it), on the same day, frees no one. The acquittal keeps its words but names no one (as a release after a
 * death does), so the case shows the conviction. One on appeal ("convicted in 2019 and acquitted on
 * appeal") is a release.
 */
export function partialAcquittals(doc: Doc, events: VigilEvent[]): VigilEvent[] {
  return events.map((v) => {
    const who = v.target?.entity;
    if (v.type !== 'RELEASE' || !who || v.modality !== 'asserted' || !ACQUITTAL.test(v.trigger.text)) return v;
    // an acquittal of named charges may follow in the next sentence: "found X guilty of money
    // laundering and sentenced him to six years. The panel acquitted him of blackmail."
    const ofCharges = /^\s*(?:him|her|them)?\s*of\s+(?!all\b|every\b|the charges\b)/i.test(doc.text.slice(v.trigger.end, v.trigger.end + 40));
    // (the next sentence's acquittal of that day, or undated; freeing no one: "acquitted him of
    // espionage in a separate trial and released" is a release)
    const s = doc.sentences[v.sentence];
    const nextFrees = s !== undefined && (FREED.test(doc.text.slice(s.start, s.end)) || (v.date !== null && v.date !== undefined));
    const convictedAt = (c: VigilEvent) => c.sentence === v.sentence || (ofCharges && !nextFrees && c.sentence === v.sentence - 1);
    const conviction = events.find((c) => c.type === 'CONVICTION' && c.modality === 'asserted' && c.target?.entity === who && convictedAt(c) && (!c.date || !v.date || c.date.value === v.date.value));
    const from = doc.sentences[conviction?.sentence ?? v.sentence];
    if (!conviction || !s || !from || ON_APPEAL.test(doc.text.slice(from.start, s.end))) return v;
    return { ...v, target: { ...v.target!, entity: null } };
  });
}
