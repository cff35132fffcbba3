import { readFileSync } from 'node:fs';
import type { Tree } from '../syntax/tree.js';

/**
 * The attribution cues of `cues.json` and the span a cue covers. A cue is its verb with the
 * auxiliaries, negation and adverbs written right before it, a phrasal particle after it and the
 * medium right after that — "has also said", "did not say", "pointed out", "said in a statement"
 * — as PolNeAR marks cues; the verb's object is not part of it ("told | reporters").
 */

export interface CueLexicon {
  /** Verbs that take a quotation or a clause. */
  verbs: Set<string>;
  /** Verbs that take only a clause ("believe that …"). */
  beliefs: Set<string>;
  prepositions: string[][];
  particles: Set<string>;
}

let cached: CueLexicon | undefined;

export function loadCues(): CueLexicon {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(new URL('./cues.json', import.meta.url), 'utf8')) as {
    verbs: string[];
    beliefs: string[];
    prepositions: string[][];
    particles: string[];
  };
  cached = { verbs: new Set(raw.verbs), beliefs: new Set(raw.beliefs), prepositions: raw.prepositions, particles: new Set(raw.particles) };
  return cached;
}

/** The token is a verb that can introduce a quotation (`clause`: or at least a that-clause). */
export function isCueVerb(tree: Tree, cues: CueLexicon, i: number, clause = false): boolean {
  const t = tree.token(i);
  if (t.upos !== 'VERB' && !(t.upos === 'AUX' && tree.lemma(i) === 'say')) return false;
  const lemma = tree.lemma(i);
  if (lemma === 'point') return tree.kids(i, 'compound:prt').some((p) => tree.lemma(p) === 'out');
  return cues.verbs.has(lemma) || (clause && cues.beliefs.has(lemma));
}

const LEFT = /^(aux|aux:pass|advmod|neg)$/;

/** Where a statement was made, which PolNeAR's annotators put in the cue: "said in a statement". */
const MEDIUM = new Set(['statement', 'interview', 'email', 'e-mail', 'letter', 'speech', 'post', 'tweet', 'video', 'op-ed', 'column', 'memo', 'message']);
const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

/**
 * "said in a statement", "added in a telephone interview": the medium the verb governs, right
 * after it, ends the cue. The annotators included it in 89 of the 120 such phrases in
 * PolNeAR's training split. The token index of the medium's noun, or undefined.
 */
function mediumAfter(tree: Tree, verb: number, from: number): number | undefined {
  const { tokens } = tree.doc;
  if (tokens[from]?.text.toLowerCase() !== 'in' || !DETERMINERS.has(tokens[from + 1]?.text.toLowerCase() ?? '')) return undefined;
  // a modifier or two between: "a written statement", "a telephone interview"
  for (let n = from + 2; n <= from + 4 && n < tokens.length; n++) {
    if (MEDIUM.has(tree.lemma(n)) && tree.head(n) === verb) return n;
    if (!/^(ADJ|NOUN|PROPN)$/.test(tree.token(n).upos ?? '')) return undefined;
  }
  return undefined;
}

/** Where a cue verb's cue starts: at the auxiliaries, negation and adverbs written right before it ("has also said"). */
export function cueStart(tree: Tree, verb: number): number {
  let first = verb;
  while (first - 1 >= 0 && tree.head(first - 1) === verb && LEFT.test(tree.token(first - 1).deprel ?? '')) first--;
  return first;
}

/** The cue's token range: the verb, the auxiliaries and adverbs right before it, a particle after. */
export function cueRange(tree: Tree, cues: CueLexicon, verb: number): { first: number; last: number } {
  const first = cueStart(tree, verb);
  let last = verb;
  const next = verb + 1;
  if (tree.head(next) === verb && tree.token(next).deprel === 'compound:prt' && cues.particles.has(tree.lemma(next))) last = next;
  last = mediumAfter(tree, verb, last + 1) ?? last;
  return { first, last };
}

/** "according to" starting at token `i`: the number of tokens it covers, or 0. */
export function prepositionCueAt(tree: Tree, cues: CueLexicon, i: number): number {
  for (const words of cues.prepositions) {
    if (words.every((w, k) => tree.doc.tokens[i + k]?.text.toLowerCase() === w)) return words.length;
  }
  return 0;
}
