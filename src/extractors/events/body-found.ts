import { tokenAt } from '../../text/align.js';
import type { VigilEvent } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';

/**
 * Whose body was found, read from the words where the parse lost it: "The mutilated body of union
 * leader A was recovered", "A's decomposed body was discovered", "The body of a student, A, was
 * found". A body found (the lexicon's KILLING on "body" or "remains" with "found", "recovered" …)
 * with no one it befalls befalls the person named right after its "of", past only a description
 * (articles, adjectives, nouns, commas: "of union leader A", "of a student, A"), or the person
 * whose "'s" stands right before it, past only adjectives ("A's lifeless body"). And torture whose
 * marks the body bore ("bearing marks of torture", "signs of torture") befalls the same person.
 * Not "the body of the report", "a governing body": the lexicon wants the body found.
 */

const BODIES = new Set(['body', 'bodies', 'remains', 'corpse']);
/** Nouns of what a body bears that tell torture: "marks of torture", "signs of torture". */
const TRACES = new Set(['mark', 'marks', 'sign', 'signs', 'trace', 'traces', 'evidence', 'scar', 'scars']);
/** Words a description between "body of" and the name may be made of. */
const DESCRIBING = new Set(['DET', 'ADJ', 'NOUN', 'NUM']);

/** The token of the person whose body token `b` is ("body", "remains", "corpse"), read from the words around it. */
export function bodyOwner(tree: Tree, b: number): number | undefined {
  if (!BODIES.has(tree.token(b).text.toLowerCase())) return undefined;
  const { from, to } = tree.sentenceRange(b);
  // "A's (lifeless, bullet-riddled) body"
  let k = b - 1;
  while (k > from && b - k <= 4 && (tree.token(k).upos === 'ADJ' || tree.token(k).deprel === 'amod' || tree.token(k).text === '-')) k--;
  if (k > from && /^['’]s$/.test(tree.token(k).text)) {
    const owner = tree.personNameEndingAt(k - 1);
    if (owner !== undefined) return owner;
  }
  // "the body of (a student,) A"
  if (tree.token(b + 1)?.text.toLowerCase() !== 'of') return undefined;
  for (let j = b + 2; j < to && j - b <= 8; j++) {
    if (tree.entityOf[j]?.type === 'PERSON' && tree.token(j).upos === 'PROPN') return j;
    const t = tree.token(j);
    if (!(DESCRIBING.has(t.upos ?? '') || t.text === ',') || tree.entityOf[j]) return undefined;
  }
  return undefined;
}

/** Torture whose marks a body found bore ("bearing marks of torture", "torture marks"), told of no one, befalls the body's owner. */
export function tortureMarks(tree: Tree, events: VigilEvent[]): void {
  const doc = tree.doc;
  // the owner of each body found, by sentence
  const owners = new Map<number, VigilEvent['target']>();
  for (const v of events) {
    if (v.type !== 'KILLING' || !v.target?.entity || v.modality !== 'asserted') continue;
    const b = tokenAt(doc, v.trigger.start);
    if (b >= 0 && BODIES.has(tree.token(b).text.toLowerCase())) owners.set(v.sentence, v.target);
  }
  if (owners.size === 0) return;
  for (const v of events) {
    if (v.type !== 'TORTURE' || v.target || !owners.has(v.sentence)) continue;
    const i = tokenAt(doc, v.trigger.start);
    if (i < 0) continue;
    const h = tree.head(i);
    const traced = (h >= 0 && TRACES.has(tree.lemma(h).toLowerCase()) && /^(nmod|compound)/.test(tree.token(i).deprel ?? '')) || TRACES.has(tree.token(i + 1)?.text.toLowerCase() ?? '');
    if (traced) v.target = owners.get(v.sentence)!;
  }
}
