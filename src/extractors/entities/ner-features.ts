import { feat1, feat2, feat3 } from '../learn/hash.js';
import type { Lexeme } from '../learn/lexical.js';
import { PAD_AFTER, PAD_BEFORE } from '../learn/lexical.js';
import type { Aggregate } from './aggregate.js';

/** What the recogniser knows about a sentence beyond its words. */
export interface NerContext {
  lex: readonly Lexeme[];
  /** Per token: gazetteer kind (1-based) × 4 + position (0 B, 1 I, 2 L, 3 U), or 0. */
  gaz: Uint8Array;
  /** Per token: the label last given to the same word earlier in the document, +1, or 0. */
  memory: Int32Array;
  /** Per token: GIVEN_NAME | SURNAME flags from the person-name lists (learn/names.ts), or 0. */
  names: Uint8Array;
  /** The sentence is written in capitals (a headline): case says nothing there. */
  allCaps: boolean;
  /** Second pass only: what the first pass said about each word elsewhere in the document (aggregate.ts). */
  aggregate?: Aggregate;
}

/**
 * Features for labelling token `i` given the two labels before it. The design follows Ratinov &
 * Roth (2009), "Design challenges and misconceptions in NER": BILOU labels, word clusters,
 * gazetteers, and "extended prediction history" — how the same word was labelled earlier in the
 * document — which carries "Mony" from "Rath Rott Mony" in paragraph one. They come in two parts
 * so that a beam scores a token's words once and only the few label-history features per
 * hypothesis: `nerObservationFeatures` (what the text says) and `nerHistoryFeatures` (what
 * depends on the labels `p1`, `p2` chosen before, -1 at the sentence start).
 */
export function nerFeatures(ctx: NerContext, i: number, p1: number, p2: number, out: Uint32Array): number {
  const n = nerObservationFeatures(ctx, i, out);
  return n + nerHistoryFeatures(ctx, i, p1, p2, out, n);
}

/** The features of token `i` that do not depend on earlier labels; returns their count. */
export function nerObservationFeatures(ctx: NerContext, i: number, out: Uint32Array): number {
  const { lex } = ctx;
  const caps = ctx.allCaps ? 1 : 0;
  let n = nerWordFeatures(lex[i]!, caps, out, 0);
  n = nerLeftFeatures(i > 0 ? lex[i - 1]! : PAD_BEFORE, caps, out, n);
  n = nerRightFeatures(i + 1 < lex.length ? lex[i + 1]! : PAD_AFTER, caps, out, n);
  return nerContextFeatures(ctx, i, out, n);
}

/**
 * What the word itself says, in a sentence in capitals or not (`caps`); written from `at`,
 * returns the new end. This and the next two depend on one word only, so the recogniser can
 * add their weights up once per word type.
 */
export function nerWordFeatures(w: Lexeme, caps: number, out: Uint32Array, at: number): number {
  let n = at;
  out[n++] = feat1(0, 0);
  out[n++] = feat2(1, w.form, caps);
  out[n++] = feat1(2, w.lower);
  for (let k = 0; k < 4; k++) out[n++] = feat1(3 + k, w.suffix[k]!);
  for (let k = 0; k < 3; k++) out[n++] = feat1(7 + k, w.prefix[k]!);
  out[n++] = feat2(10, w.shape, caps);
  out[n++] = feat2(29, w.amb, caps);
  for (let k = 0; k < 4; k++) out[n++] = feat2(30 + k, w.cluster[k]!, caps);
  return n;
}

/** What the word before says, alone. */
export function nerLeftFeatures(l1: Lexeme, caps: number, out: Uint32Array, at: number): number {
  let n = at;
  out[n++] = feat1(12, l1.lower);
  out[n++] = feat2(16, l1.shape, caps);
  out[n++] = feat1(18, l1.form);
  out[n++] = feat1(27, l1.suffix[2]);
  out[n++] = feat1(34, l1.cluster[3]);
  out[n++] = feat1(36, l1.cluster[1]);
  return n;
}

/** What the word after says, alone. */
export function nerRightFeatures(r1: Lexeme, caps: number, out: Uint32Array, at: number): number {
  let n = at;
  out[n++] = feat1(14, r1.lower);
  out[n++] = feat2(17, r1.shape, caps);
  out[n++] = feat1(19, r1.form);
  out[n++] = feat1(28, r1.suffix[2]);
  out[n++] = feat1(35, r1.cluster[3]);
  out[n++] = feat1(37, r1.cluster[1]);
  return n;
}

/** The rest: two or more words, the gazetteer, the document memory, the name lists, the first reading; written from `at`. */
export function nerContextFeatures(ctx: NerContext, i: number, out: Uint32Array, at: number): number {
  const { lex } = ctx;
  const w = lex[i]!;
  const l1 = i > 0 ? lex[i - 1]! : PAD_BEFORE;
  const l2 = i > 1 ? lex[i - 2]! : PAD_BEFORE;
  const r1 = i + 1 < lex.length ? lex[i + 1]! : PAD_AFTER;
  const r2 = i + 2 < lex.length ? lex[i + 2]! : PAD_AFTER;
  const caps = ctx.allCaps ? 1 : 0;
  let n = at;
  out[n++] = feat3(11, w.flags, i === 0 ? 1 : 0, caps);
  out[n++] = feat1(13, l2.lower);
  out[n++] = feat1(15, r2.lower);
  out[n++] = feat2(24, l1.lower, w.lower);
  out[n++] = feat2(25, w.lower, r1.lower);
  out[n++] = feat3(26, l1.shape, w.shape, r1.shape);
  const g = ctx.gaz[i]!;
  out[n++] = feat1(40, g);
  out[n++] = feat1(42, i > 0 ? ctx.gaz[i - 1]! : 255);
  out[n++] = feat1(43, i + 1 < lex.length ? ctx.gaz[i + 1]! : 255);
  const m = ctx.memory[i]!;
  out[n++] = feat1(44, m);
  out[n++] = feat2(45, m, w.shape);
  out[n++] = feat2(47, l1.lower, r1.lower);
  out[n++] = feat2(48, w.prefix[0], r1.prefix[0]);
  // person-name lists: "Adebisi" is a Yoruba family name though Reuters 1996 never printed it
  const nm = ctx.names;
  const nPrev = i > 0 ? nm[i - 1]! : 4;
  const nNext = i + 1 < lex.length ? nm[i + 1]! : 4;
  out[n++] = feat2(50, nm[i]!, caps);
  out[n++] = feat2(51, nm[i]!, nNext);
  out[n++] = feat2(52, nPrev, nm[i]!);
  out[n++] = feat3(54, nm[i]!, w.flags & 3, i === 0 ? 1 : 0);
  const a = ctx.aggregate;
  if (a) {
    out[n++] = feat1(55, a[i]!);
    out[n++] = feat2(56, a[i]!, w.flags & 3);
    out[n++] = feat2(58, a[i]!, ctx.memory[i]!);
  }
  return n;
}

/** The features of token `i` that read the labels before it, written from `out[at]`; returns their count. */
export function nerHistoryFeatures(ctx: NerContext, i: number, p1: number, p2: number, out: Uint32Array, at: number): number {
  const w = ctx.lex[i]!;
  const t1 = p1 + 2;
  const t2 = p2 + 2;
  let n = at;
  out[n++] = feat1(20, t1);
  out[n++] = feat2(21, t1, t2);
  out[n++] = feat2(22, t1, w.shape);
  out[n++] = feat2(23, t1, w.lower);
  out[n++] = feat2(38, t1, w.cluster[1]);
  out[n++] = feat2(41, ctx.gaz[i]!, t1);
  out[n++] = feat2(46, t1, ctx.memory[i]!);
  out[n++] = feat2(53, ctx.names[i]!, t1);
  if (ctx.aggregate) out[n++] = feat2(57, t1, ctx.aggregate[i]!);
  return n - at;
}
