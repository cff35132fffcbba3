import type { Doc } from '../../text/doc.js';
import type { VigilEvent } from '../../text/types.js';

/** Words of an acquittal, which the lexicon types as a release. */
const ACQUITTAL = /\b(?:acquit\w*|cleared|not guilty)\b/i;
/** Words that make an acquittal beside a conviction a later judgment on it, and so a release. */
const ON_APPEAL = /\b(?:on appeal|appeals? court|court of appeals?|appellate|overturn\w*|quash\w*|retrial|retried|set aside)\b/i;
/**
 * Words that make the next sentence's acquittal another judgment than the conviction before it
 * (a higher court's, another trial's), or one that frees: "On Tuesday the Supreme Court acquitted
 * him and he walked free", "acquitted of espionage in a separate trial and released".
 */
const ANOTHER_JUDGMENT = /\b(?:supreme court|high court|separate trial|released|freed|walked free|set free|walked out|let go)\b/i;

/** After an acquittal's verb: the one acquitted (a pronoun or a name), then "of" and charges, not all of them. */
const OF_CHARGES = /^\s*(?:him|her|them|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,4})?\s*of\s+(?!all\b|every\b|the charges\b)/u;

/**
 * "convicted X of organising a strike and sentenced him to three years, but acquitted him of
 * inciting discord": an acquittal on one charge in the sentence that convicts the same person, on
 * the same day, frees no one; nor does one of named charges in the sentence after it ("found X
 * guilty of fraud and jailed him for four years. The judges acquitted him of
 * blackmail."), unless that sentence tells another judgment or a release. The acquittal keeps its
 * words but names no one (as a release after a death does), so the case shows the conviction. One
 * on appeal ("convicted in 2019 and acquitted on appeal") is a release.
 */
export function partialAcquittals(doc: Doc, events: VigilEvent[]): VigilEvent[] {
  return events.map((v) => {
    const who = v.target?.entity;
    if (v.type !== 'RELEASE' || !who || v.modality !== 'asserted' || !ACQUITTAL.test(v.trigger.text)) return v;
    const s = doc.sentences[v.sentence];
    if (!s) return v;
    // "acquitted him of blackmail", "acquitted Hector Varn of blackmail": charges named after the one acquitted
    const ofCharges = OF_CHARGES.test(doc.text.slice(v.trigger.end, v.trigger.end + 80));
    const nextSentence = ofCharges && !ANOTHER_JUDGMENT.test(doc.text.slice(s.start, s.end));
    const sameDay = (c: VigilEvent) => !c.date || !v.date || c.date.value === v.date.value;
    const conviction = events.find((c) => c.type === 'CONVICTION' && c.modality === 'asserted' && c.target?.entity === who && (c.sentence === v.sentence || (nextSentence && c.sentence === v.sentence - 1)) && sameDay(c));
    if (!conviction) return v;
    if (ON_APPEAL.test(doc.text.slice(doc.sentences[conviction.sentence]!.start, s.end))) return v;
    return { ...v, target: { ...v.target!, entity: null } };
  });
}
