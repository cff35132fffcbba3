import { tokenIndexAfter } from '../../text/align.js';
import type { Doc } from '../../text/doc.js';
import type { Quote } from '../../text/types.js';
import { loadClusters } from '../learn/clusters.js';
import { feat1, feat2, feat3, hashString } from '../learn/hash.js';
import type { Tree } from '../syntax/tree.js';
import type { CueLexicon } from './cues.js';
import { isCueVerb } from './cues.js';

/**
 * What the attribution tagger knows about each token before it labels any: the word and its
 * tags, where it hangs from the nearest cue verb above it (a subject of "said" is usually the
 * source, its complement clause the content), whether it is inside quotation marks, and what
 * the rules made of it. The rules are precise and the tagger learns where PolNeAR reaches
 * further (polls that "show", "called for", a colon before a statement).
 */

export const ATTRIBUTION_PARTS = ['source', 'cue', 'content'] as const;
export type AttributionPart = (typeof ATTRIBUTION_PARTS)[number];
/** BIO labels: "O", then "B-" and "I-" of each part (B- at odd indices, I- right after). */
export const ATTRIBUTION_LABELS: readonly string[] = ['O', ...ATTRIBUTION_PARTS.flatMap((p) => [`B-${p}`, `I-${p}`])];
/** The part of a rule quote each token is in: 0 none, 1 source, 2 cue, 3 content. */
export function ruleParts(doc: Doc, quotes: readonly Quote[]): Uint8Array {
  const parts = new Uint8Array(doc.tokens.length);
  // from the span's first token on (a binary search): a long report has thousands of quotes
  const mark = (start: number, end: number, part: number): void => {
    for (let i = tokenIndexAfter(doc.tokens, start); i < doc.tokens.length && doc.tokens[i]!.start < end; i++) {
      const t = doc.tokens[i]!;
      if (t.start >= start && t.end <= end && (parts[i] === 0 || part < parts[i]!)) parts[i] = part;
    }
  };
  for (const q of quotes) {
    mark(q.start, q.end, 3);
    if (q.speakerSpan) mark(q.speakerSpan.start, q.speakerSpan.end, 1);
    if (q.cue) mark(q.cue.start, q.cue.end, 2);
  }
  return parts;
}

export interface TokenContext {
  lower: number[];
  shape: number[];
  suffix: number[];
  upos: number[];
  xpos: number[];
  deprel: number[];
  headLemma: number[];
  headUpos: number[];
  lemmaIfCue: number[];
  /** How the token hangs from the nearest cue verb above it: the relation under the verb, or self/none. */
  cueRel: number[];
  cueLemma: number[];
  /** The same for the next cue verb above that one ("said | that the campaign expects | Holt to …"). */
  outerRel: number[];
  /** Before, at or after the sentence's first cue verb (0 none, 1 before, 2 at, 3 after). */
  side: number[];
  /**
   * The same climb to the nearest verb of any kind, its lemma and its word cluster: PolNeAR
   * attributes far more than the cue lexicon lists ("opponents try to convince", "nations that
   * oppose"), and what a verb's subject and complement are, it learns verb by verb.
   */
  verbRel: number[];
  verbLemma: number[];
  verbCluster: number[];
  /** For a verb, which clause and object relations hang from it ("ccomp+nsubj"); NONE otherwise. */
  frame: number[];
  /**
   * Where the word stands in the phrase it belongs to under that verb (the verb's child above
   * it): 1 its first word, 2 its last, 3 both, 0 inside; and 4 more when it stands after the verb.
   * PolNeAR's spans are mostly such phrases, and a third of our content misses are a few words
   * off at one end.
   */
  edge: number[];
  quoted: Uint8Array;
  rule: Uint8Array;
}

const NONE = hashString('<none>');
const SELF = hashString('<self>');

function shapeOf(word: string): string {
  return word.replace(/\p{Lu}+/gu, 'X').replace(/\p{Ll}+/gu, 'x').replace(/\d+/g, 'd').slice(0, 6);
}

interface CueStep {
  rel: number;
  lemma: number;
}

/** The first two cue verbs above token `i` (itself included), each with the relation of the step under it. */
function cueSteps(tree: Tree, cueVerb: boolean[], i: number): CueStep[] {
  const out: CueStep[] = [];
  if (cueVerb[i]) out.push({ rel: SELF, lemma: hashString(tree.lemma(i)) });
  let k = i;
  for (let hops = 0; hops < 10 && out.length < 2; hops++) {
    const up = tree.head(k);
    if (up < 0) break;
    if (cueVerb[up]) out.push({ rel: hashString(tree.doc.tokens[k]!.deprel ?? ''), lemma: hashString(tree.lemma(up)) });
    k = up;
  }
  return out;
}

/** Relations that tell a verb's frame: who does it, and to what clause or thing. */
const FRAME_RELS = new Set(['nsubj', 'nsubj:pass', 'csubj', 'ccomp', 'xcomp', 'obj', 'iobj', 'obl', 'mark']);
/** A word cluster's top bits: fine enough to group "oppose" with "reject", coarse enough to generalise. */
const CLUSTER_BITS = 8;

/** The nearest verb above token `i` (itself when a verb) and the relation of the step under it. */
function verbStep(tree: Tree, i: number): { rel: number; verb: number; child: number } | undefined {
  if (tree.token(i).upos === 'VERB') return { rel: SELF, verb: i, child: i };
  let k = i;
  for (let hops = 0; hops < 10; hops++) {
    const up = tree.head(k);
    if (up < 0) return undefined;
    if (tree.token(up).upos === 'VERB') return { rel: hashString(tree.doc.tokens[k]!.deprel ?? ''), verb: up, child: k };
    k = up;
  }
  return undefined;
}

/** The first and last token each token's subtree reaches. */
function subtreeExtents(tree: Tree, n: number): { left: Int32Array; right: Int32Array } {
  const left = Int32Array.from({ length: n }, (_, i) => i);
  const right = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    // every ancestor's reach covers i (a few hops: parses are shallow)
    for (let k = tree.head(i), hops = 0; k >= 0 && hops < 40; k = tree.head(k), hops++) {
      if (left[k]! > i) left[k] = i;
      if (right[k]! < i) right[k] = i;
    }
  }
  return { left, right };
}

function frameOf(tree: Tree, i: number): number {
  if (tree.token(i).upos !== 'VERB') return NONE;
  const rels = [...new Set(tree.children[i]!.map((c) => tree.doc.tokens[c]!.deprel ?? '').filter((r) => FRAME_RELS.has(r)))].sort();
  return hashString(rels.join('+'));
}

/** Per-token facts for the tagger, computed once per document. */
export function tokenContext(tree: Tree, cues: CueLexicon, quoted: (i: number) => boolean, rule: Uint8Array): TokenContext {
  const doc = tree.doc;
  const n = doc.tokens.length;
  const cueVerb = Array.from({ length: n }, (_, i) => isCueVerb(tree, cues, i, true));
  const ctx: TokenContext = {
    lower: [], shape: [], suffix: [], upos: [], xpos: [], deprel: [], headLemma: [], headUpos: [], lemmaIfCue: [], cueRel: [], cueLemma: [], outerRel: [], side: [],
    verbRel: [], verbLemma: [], verbCluster: [], frame: [], edge: [],
    quoted: new Uint8Array(n),
    rule,
  };
  const clusters = loadClusters();
  const { left, right } = subtreeExtents(tree, n);
  for (let i = 0; i < n; i++) {
    const t = doc.tokens[i]!;
    const lower = t.text.toLowerCase();
    const step = verbStep(tree, i);
    ctx.verbRel.push(step?.rel ?? NONE);
    ctx.verbLemma.push(step ? hashString(tree.lemma(step.verb)) : NONE);
    const path = step && clusters?.get(doc.tokens[step.verb]!.text.toLowerCase());
    ctx.verbCluster.push(path ? hashString(path.slice(0, CLUSTER_BITS)) : NONE);
    ctx.frame.push(frameOf(tree, i));
    const phrase = step?.child ?? i;
    ctx.edge.push((i === left[phrase] ? 1 : 0) | (i === right[phrase] ? 2 : 0) | (step && i > step.verb ? 4 : 0));
    ctx.lower.push(hashString(lower));
    ctx.shape.push(hashString(shapeOf(t.text)));
    ctx.suffix.push(hashString(lower.slice(-3)));
    ctx.upos.push(hashString(t.upos ?? ''));
    ctx.xpos.push(hashString(t.xpos ?? ''));
    ctx.deprel.push(hashString(t.deprel ?? ''));
    const h = tree.head(i);
    ctx.headLemma.push(h >= 0 ? hashString(tree.lemma(h)) : NONE);
    ctx.headUpos.push(h >= 0 ? hashString(doc.tokens[h]!.upos ?? '') : NONE);
    ctx.lemmaIfCue.push(cueVerb[i] ? hashString(tree.lemma(i)) : NONE);
    ctx.quoted[i] = quoted(i) ? 1 : 0;
    // climb to the nearest cue verb, remembering the relation of the last step under it
    const [first, second] = cueSteps(tree, cueVerb, i);
    ctx.cueRel.push(first?.rel ?? NONE);
    ctx.cueLemma.push(first?.lemma ?? NONE);
    ctx.outerRel.push(second?.rel ?? NONE);
  }
  for (const s of doc.sentences) {
    let first = -1;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if (cueVerb[i]) { first = i; break; }
    for (let i = s.tokenStart; i < s.tokenEnd; i++) ctx.side[i] = first < 0 ? 0 : i < first ? 1 : i === first ? 2 : 3;
  }
  return ctx;
}

/**
 * Features of token `i` (sentence [from, to)) given the labels of the two tokens before it (O
 * before the sentence starts). They come in two parts, so that a beam scores the observation
 * features once per token and only the label-history ones per hypothesis.
 */
export function attributionFeatures(c: TokenContext, i: number, from: number, to: number, p1: number, p2: number, out: Uint32Array): number {
  const n = attributionObservation(c, i, from, to, out);
  return n + attributionHistory(c, i, p1, p2, out, n);
}

/** The features of token `i` that do not read earlier labels; returns their count. */
export function attributionObservation(c: TokenContext, i: number, from: number, to: number, out: Uint32Array): number {
  const at = (arr: number[], k: number): number => (k >= from && k < to ? arr[k]! : NONE);
  const rule = c.rule[i]!;
  const q = c.quoted[i]!;
  let n = 0;
  out[n++] = feat1(0, 1);
  out[n++] = feat1(1, c.lower[i]!);
  out[n++] = feat1(2, c.shape[i]!);
  out[n++] = feat1(3, c.suffix[i]!);
  out[n++] = feat1(4, c.upos[i]!);
  out[n++] = feat1(5, c.xpos[i]!);
  out[n++] = feat1(6, c.deprel[i]!);
  out[n++] = feat1(7, at(c.lower, i - 1));
  out[n++] = feat1(8, at(c.lower, i + 1));
  out[n++] = feat1(9, at(c.upos, i - 1));
  out[n++] = feat1(10, at(c.upos, i + 1));
  out[n++] = feat1(11, at(c.upos, i - 2));
  out[n++] = feat1(12, at(c.upos, i + 2));
  out[n++] = feat1(17, rule);
  out[n++] = feat1(19, c.cueRel[i]!);
  out[n++] = feat2(20, c.cueRel[i]!, c.cueLemma[i]!);
  out[n++] = feat2(21, c.cueRel[i]!, c.upos[i]!);
  out[n++] = feat1(23, q);
  out[n++] = feat1(25, c.headLemma[i]!);
  out[n++] = feat2(26, c.deprel[i]!, c.headUpos[i]!);
  out[n++] = feat1(27, c.side[i]!);
  out[n++] = feat1(29, c.lemmaIfCue[i]!);
  out[n++] = feat2(30, rule, c.cueRel[i]!);
  out[n++] = feat1(31, i === from ? 1 : 0);
  out[n++] = feat2(32, q, c.cueRel[i]!);
  out[n++] = feat2(34, c.deprel[i]!, c.cueRel[i]!);
  out[n++] = feat2(35, at(c.lower, i - 1), c.lower[i]!);
  out[n++] = feat2(36, c.lower[i]!, at(c.lower, i + 1));
  out[n++] = feat2(39, c.outerRel[i]!, c.cueRel[i]!);
  out[n++] = feat2(41, c.verbRel[i]!, c.verbLemma[i]!);
  out[n++] = feat2(42, c.verbRel[i]!, c.verbCluster[i]!);
  out[n++] = feat2(43, c.verbLemma[i]!, c.frame[i]!);
  out[n++] = feat3(44, c.verbRel[i]!, c.verbCluster[i]!, c.upos[i]!);
  out[n++] = feat2(46, c.verbRel[i]!, c.edge[i]!);
  out[n++] = feat3(47, c.edge[i]!, c.verbRel[i]!, c.verbCluster[i]!);
  return n;
}

/** The features of token `i` that read the labels before it, written from `out[at]`; returns their count. */
export function attributionHistory(c: TokenContext, i: number, p1: number, p2: number, out: Uint32Array, at: number): number {
  const rule = c.rule[i]!;
  const q = c.quoted[i]!;
  let n = at;
  out[n++] = feat1(13, p1);
  out[n++] = feat2(14, p1, p2);
  out[n++] = feat2(15, p1, c.upos[i]!);
  out[n++] = feat2(16, p1, c.lower[i]!);
  out[n++] = feat2(18, rule, p1);
  out[n++] = feat2(22, c.cueRel[i]!, p1);
  out[n++] = feat2(24, q, p1);
  out[n++] = feat2(28, c.side[i]!, p1);
  out[n++] = feat3(33, c.side[i]!, c.upos[i]!, p1);
  out[n++] = feat2(37, c.lemmaIfCue[i]!, p1);
  out[n++] = feat3(38, rule, q, p1);
  out[n++] = feat2(40, c.outerRel[i]!, p1);
  out[n++] = feat3(45, c.verbRel[i]!, c.verbLemma[i]!, p1);
  out[n++] = feat3(48, c.edge[i]!, c.verbRel[i]!, p1);
  return n - at;
}
