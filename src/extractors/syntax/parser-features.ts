import { feat1, feat2, feat3, hashString } from '../learn/hash.js';
import type { Lexeme } from '../learn/lexical.js';
import type { ParseState } from './arc-hybrid.js';

export const MAX_PARSER_FEATURES = 80;

const NONE = hashString('<none>');
const ROOT = hashString('<root>');

/** A sentence as the parser sees it: words (hashed) and their predicted PTB tags (hashed). */
export interface ParserInput {
  lex: readonly Lexeme[];
  tags: Uint32Array;
}

const dist = (a: number, b: number): number => {
  const d = Math.abs(a - b);
  return d < 5 ? d : d < 10 ? 5 : 6;
};

/**
 * Features of a parser state: the words and tags at the top of the stack and the front of the
 * buffer, their leftmost and rightmost dependents, distance and valency (after Zhang & Nivre
 * 2011, "Transition-based dependency parsing with rich non-local features", cut to what
 * arc-hybrid's configuration can see), plus word clusters for words seen rarely in training.
 */
// Module-level accessors: closures made per parser state would be allocated on the hot path.
const wordAt = (input: ParserInput, n: number, i: number): number => (i < 0 ? NONE : i === n ? ROOT : input.lex[i]!.lower);
const tagAt = (input: ParserInput, n: number, i: number): number => (i < 0 ? NONE : i === n ? ROOT : input.tags[i]!);
const classAt = (input: ParserInput, n: number, i: number): number =>
  i < 0 ? NONE : i === n ? ROOT : input.lex[i]!.cluster[1] || input.lex[i]!.suffix[2];
const kid = (arr: Int32Array, i: number): number => (i >= 0 ? arr[i]! : -1);
const val = (arr: Int32Array, i: number): number => (i >= 0 ? Math.min(arr[i]!, 4) : 5);

export function parserFeatures(input: ParserInput, st: ParseState, out: Uint32Array): number {
  const n = st.n;
  const s0 = st.s(0);
  const s1 = st.s(1);
  const s2 = st.s(2);
  const b0 = st.b < n ? st.b : -1;
  const b1 = st.b + 1 < n ? st.b + 1 : -1;
  const b2 = st.b + 2 < n ? st.b + 2 : -1;
  const s0w = wordAt(input, n, s0), s0t = tagAt(input, n, s0), s1w = wordAt(input, n, s1), s1t = tagAt(input, n, s1), b0w = wordAt(input, n, b0), b0t = tagAt(input, n, b0), b1w = wordAt(input, n, b1), b1t = tagAt(input, n, b1);
  const b2t = tagAt(input, n, b2), s2t = tagAt(input, n, s2);
  const s0l = kid(st.lc1, s0), s0l2 = kid(st.lc2, s0), s0r = kid(st.rc1, s0), s0r2 = kid(st.rc2, s0);
  const s1l = kid(st.lc1, s1), s1r = kid(st.rc1, s1);
  const b0l = kid(st.lc1, b0), b0l2 = kid(st.lc2, b0);
  const d = s0 >= 0 && b0 >= 0 && s0 !== n ? dist(s0, b0) : 7;
  const d1 = s1 >= 0 && s0 >= 0 && s1 !== n ? dist(s1, s0) : 7;
  let k = 0;
  out[k++] = feat1(0, 0);
  // single words
  out[k++] = feat1(1, s0w);
  out[k++] = feat1(2, s0t);
  out[k++] = feat2(3, s0w, s0t);
  out[k++] = feat1(4, s1w);
  out[k++] = feat1(5, s1t);
  out[k++] = feat2(6, s1w, s1t);
  out[k++] = feat1(7, b0w);
  out[k++] = feat1(8, b0t);
  out[k++] = feat2(9, b0w, b0t);
  out[k++] = feat1(10, b1w);
  out[k++] = feat1(11, b1t);
  out[k++] = feat2(12, b1w, b1t);
  out[k++] = feat1(13, b2t);
  out[k++] = feat1(14, s2t);
  out[k++] = feat1(15, classAt(input, n, s0));
  out[k++] = feat1(16, classAt(input, n, b0));
  out[k++] = feat1(17, classAt(input, n, s1));
  // pairs
  out[k++] = feat3(20, s0w, s0t, feat2(0, b0w, b0t));
  out[k++] = feat3(21, s0w, s0t, b0w);
  out[k++] = feat3(22, s0w, b0w, b0t);
  out[k++] = feat3(23, s0w, s0t, b0t);
  out[k++] = feat3(24, s0t, b0w, b0t);
  out[k++] = feat2(25, s0w, b0w);
  out[k++] = feat2(26, s0t, b0t);
  out[k++] = feat2(27, b0t, b1t);
  out[k++] = feat2(28, s1t, s0t);
  out[k++] = feat2(29, s1w, s0w);
  out[k++] = feat3(30, s1w, s0t, s1t);
  out[k++] = feat3(31, s0w, s0t, s1t);
  out[k++] = feat2(32, classAt(input, n, s0), classAt(input, n, b0));
  out[k++] = feat2(33, classAt(input, n, s1), classAt(input, n, s0));
  // triples of tags
  out[k++] = feat3(40, b0t, b1t, b2t);
  out[k++] = feat3(41, s0t, b0t, b1t);
  out[k++] = feat3(42, s1t, s0t, b0t);
  out[k++] = feat3(43, s2t, s1t, s0t);
  out[k++] = feat3(44, s0t, tagAt(input, n, s0l), b0t);
  out[k++] = feat3(45, s0t, tagAt(input, n, s0r), b0t);
  out[k++] = feat3(46, s0t, b0t, tagAt(input, n, b0l));
  out[k++] = feat3(47, s1t, s0t, tagAt(input, n, s0l));
  out[k++] = feat3(48, s1t, s0t, tagAt(input, n, s0r));
  out[k++] = feat3(49, s1t, tagAt(input, n, s1r), s0t);
  out[k++] = feat3(50, s1t, tagAt(input, n, s1l), s0t);
  // distance
  out[k++] = feat2(60, s0w, d);
  out[k++] = feat2(61, s0t, d);
  out[k++] = feat2(62, b0w, d);
  out[k++] = feat2(63, b0t, d);
  out[k++] = feat3(64, s0t, b0t, d);
  out[k++] = feat3(65, s1t, s0t, d1);
  out[k++] = feat2(66, s0w, d1);
  // valency
  out[k++] = feat3(70, s0w, s0t, val(st.nRight, s0));
  out[k++] = feat3(71, s0w, s0t, val(st.nLeft, s0));
  out[k++] = feat3(72, b0w, b0t, val(st.nLeft, b0));
  out[k++] = feat2(73, s1t, val(st.nRight, s1));
  // dependents
  out[k++] = feat1(80, wordAt(input, n, s0l));
  out[k++] = feat1(81, tagAt(input, n, s0l));
  out[k++] = feat1(82, wordAt(input, n, s0r));
  out[k++] = feat1(83, tagAt(input, n, s0r));
  out[k++] = feat1(84, wordAt(input, n, b0l));
  out[k++] = feat1(85, tagAt(input, n, b0l));
  out[k++] = feat3(86, s0t, tagAt(input, n, s0l), tagAt(input, n, s0l2));
  out[k++] = feat3(87, s0t, tagAt(input, n, s0r), tagAt(input, n, s0r2));
  out[k++] = feat3(88, b0t, tagAt(input, n, b0l), tagAt(input, n, b0l2));
  out[k++] = feat2(89, wordAt(input, n, s1r), s1t);
  out[k++] = feat2(90, wordAt(input, n, s1l), s1t);
  return k;
}
