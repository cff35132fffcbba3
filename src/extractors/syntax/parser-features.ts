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

/** Every feature of a parser state; returns the count. */
export function parserFeatures(input: ParserInput, st: ParseState, out: Uint32Array): number {
  const n = st.n;
  const b0 = st.b < n ? st.b : -1;
  const b1 = st.b + 1 < n ? st.b + 1 : -1;
  let k = roleFeatures(input, n, st.s(0), S0, out, 0);
  k = roleFeatures(input, n, st.s(1), S1, out, k);
  k = roleFeatures(input, n, b0, B0, out, k);
  k = roleFeatures(input, n, b1, B1, out, k);
  return configFeatures(input, st, out, k);
}

/** The places a word's own features are read from: top and second of the stack, front and second of the buffer. */
export const S0 = 0;
export const S1 = 1;
export const B0 = 2;
export const B1 = 3;
export const ROLES = 4;

/**
 * The features of token `i` (-1 none, `n` the root) in one role that read that token alone:
 * its word, its tag, both, and its cluster. They depend on the token, not on the rest of the
 * state, so the parser can add them up once per token and role.
 */
export function roleFeatures(input: ParserInput, n: number, i: number, role: number, out: Uint32Array, at: number): number {
  const w = wordAt(input, n, i);
  const t = tagAt(input, n, i);
  let k = at;
  const base = 1 + 3 * role; // s0: 1-3, s1: 4-6, b0: 7-9, b1: 10-12, as the templates were first numbered
  out[k++] = feat1(base, w);
  out[k++] = feat1(base + 1, t);
  out[k++] = feat2(base + 2, w, t);
  // cluster templates exist for s0, b0 and s1 only (15, 16, 17)
  if (role !== B1) out[k++] = feat1(role === S0 ? 15 : role === B0 ? 16 : 17, classAt(input, n, i));
  return k;
}

/** The rest: pairs and triples, distance, valency, dependents; written from `at`. */
export function configFeatures(input: ParserInput, st: ParseState, out: Uint32Array, at: number): number {
  const n = st.n;
  const s0 = st.s(0);
  const s1 = st.s(1);
  const s2 = st.s(2);
  const b0 = st.b < n ? st.b : -1;
  const b1 = st.b + 1 < n ? st.b + 1 : -1;
  const b2 = st.b + 2 < n ? st.b + 2 : -1;
  const s0w = wordAt(input, n, s0), s0t = tagAt(input, n, s0), s1w = wordAt(input, n, s1), s1t = tagAt(input, n, s1), b0w = wordAt(input, n, b0), b0t = tagAt(input, n, b0), b1t = tagAt(input, n, b1);
  const b2t = tagAt(input, n, b2), s2t = tagAt(input, n, s2);
  const s0l = kid(st.lc1, s0), s0l2 = kid(st.lc2, s0), s0r = kid(st.rc1, s0), s0r2 = kid(st.rc2, s0);
  const s1l = kid(st.lc1, s1), s1r = kid(st.rc1, s1);
  const b0l = kid(st.lc1, b0), b0l2 = kid(st.lc2, b0);
  const d = s0 >= 0 && b0 >= 0 && s0 !== n ? dist(s0, b0) : 7;
  const d1 = s1 >= 0 && s0 >= 0 && s1 !== n ? dist(s1, s0) : 7;
  let k = at;
  out[k++] = feat1(0, 0);
  out[k++] = feat1(13, b2t);
  out[k++] = feat1(14, s2t);
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
