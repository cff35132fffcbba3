import { feat1, feat2, feat3, hashString } from '../learn/hash.js';
import type { Lexeme } from '../learn/lexical.js';
import { PAD_AFTER, PAD_BEFORE } from '../learn/lexical.js';

/** Features per token; the buffer handed to `taggerFeatures` must hold this many. */
export const MAX_TAGGER_FEATURES = 64;

const START = hashString('<start>');

/**
 * Features for tagging token `i` of a sentence, given the two tags already chosen to its left
 * (greedy left-to-right decoding, as in Collins 2002 and Honnibal's "A good POS tagger in
 * about 200 lines"), plus word clusters so that words never seen in training still have
 * neighbours that were. Writes into `out`, returns the count. They come in four groups: what
 * the word alone says, what it says as the left or the right neighbour, and the rest; the first
 * three depend on one word only, so the tagger can add their weights up once per word type.
 */
export function taggerFeatures(lex: readonly Lexeme[], i: number, p1: number, p2: number, out: Uint32Array): number {
  let n = wordFeatures(lex[i]!, out, 0);
  n = leftNeighbourFeatures(i > 0 ? lex[i - 1]! : PAD_BEFORE, out, n);
  n = rightNeighbourFeatures(i + 1 < lex.length ? lex[i + 1]! : PAD_AFTER, out, n);
  return contextFeatures(lex, i, p1, p2, out, n);
}

/** What the word itself says (spelling, affixes, shape, clusters, the tags it can take), written from `at`; returns the new end. */
export function wordFeatures(w: Lexeme, out: Uint32Array, at: number): number {
  let n = at;
  out[n++] = feat1(0, 0);
  out[n++] = feat1(1, w.lower);
  out[n++] = feat1(2, w.form);
  for (let k = 0; k < 4; k++) out[n++] = feat1(3 + k, w.suffix[k]!);
  for (let k = 0; k < 3; k++) out[n++] = feat1(7 + k, w.prefix[k]!);
  out[n++] = feat1(10, w.shape);
  if (w.cluster[0]) for (let k = 0; k < 4; k++) out[n++] = feat1(30 + k, w.cluster[k]!);
  out[n++] = feat1(40, w.amb);
  return n;
}

/** What the word before says, alone. */
export function leftNeighbourFeatures(l1: Lexeme, out: Uint32Array, at: number): number {
  let n = at;
  out[n++] = feat1(12, l1.lower);
  out[n++] = feat1(16, l1.suffix[2]);
  out[n++] = feat1(24, l1.shape);
  if (l1.cluster[0]) out[n++] = feat1(34, l1.cluster[3]);
  return n;
}

/** What the word after says, alone. */
export function rightNeighbourFeatures(r1: Lexeme, out: Uint32Array, at: number): number {
  let n = at;
  out[n++] = feat1(14, r1.lower);
  out[n++] = feat1(17, r1.suffix[2]);
  out[n++] = feat1(23, r1.shape);
  out[n++] = feat1(28, r1.suffix[1]);
  if (r1.cluster[0]) out[n++] = feat1(35, r1.cluster[3]);
  if (r1.cluster[0]) out[n++] = feat1(36, r1.cluster[1]);
  out[n++] = feat1(43, r1.amb);
  return n;
}

/** Features of two or more words, of the position, or of the tags chosen before; written from `at`. */
export function contextFeatures(lex: readonly Lexeme[], i: number, p1: number, p2: number, out: Uint32Array, at: number): number {
  const w = lex[i]!;
  const l1 = i > 0 ? lex[i - 1]! : PAD_BEFORE;
  const l2 = i > 1 ? lex[i - 2]! : PAD_BEFORE;
  const r1 = i + 1 < lex.length ? lex[i + 1]! : PAD_AFTER;
  const r2 = i + 2 < lex.length ? lex[i + 2]! : PAD_AFTER;
  const t1 = p1 < 0 ? START : p1 + 1;
  const t2 = p2 < 0 ? START : p2 + 1;
  let n = at;
  out[n++] = feat2(11, w.flags, i === 0 ? 1 : 0);
  out[n++] = feat1(13, l2.lower);
  out[n++] = feat1(15, r2.lower);
  out[n++] = feat1(18, t1);
  out[n++] = feat2(19, t1, t2);
  out[n++] = feat2(20, t1, w.lower);
  out[n++] = feat2(21, l1.lower, w.lower);
  out[n++] = feat2(22, w.lower, r1.lower);
  out[n++] = feat2(25, t1, w.suffix[2]);
  out[n++] = feat3(26, l1.lower, w.lower, r1.lower);
  out[n++] = feat2(27, r1.lower, r2.lower);
  if (w.cluster[0]) out[n++] = feat2(37, t1, w.cluster[1]);
  out[n++] = feat2(41, w.amb, r1.amb);
  out[n++] = feat2(42, t1, w.amb);
  out[n++] = feat2(44, r1.amb, r2.amb);
  return n;
}
