import type { Doc, Token } from './doc.js';

/**
 * How a character span that does not fall on token boundaries maps to tokens:
 * - strict: only when it starts at a token start and ends at a token end, else null;
 * - expand: every token the span touches;
 * - contract: only the tokens wholly inside the span (null when none).
 * (spaCy's `Doc.char_span(alignment_mode=...)`.)
 */
export type AlignMode = 'strict' | 'expand' | 'contract';

/** A token range [first, end) of `doc.tokens`. */
export interface TokenRange {
  first: number;
  end: number;
}

/** First span whose end is after `offset`, in spans sorted and non-overlapping (binary search). */
export function firstEndingAfter(spans: readonly { end: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First token whose end is after `offset`. */
export const tokenIndexAfter = (tokens: readonly Token[], offset: number): number => firstEndingAfter(tokens, offset);

/** Maps the character span [start, end) to a token range, or null when the mode allows none. */
export function charSpanToTokens(doc: Doc, start: number, end: number, mode: AlignMode = 'strict'): TokenRange | null {
  const tokens = doc.tokens;
  if (start >= end) return null;
  // first token that ends after `start`
  let first = tokenIndexAfter(tokens, start);
  // first token that starts at or after `end`
  let last = tokenIndexAfter(tokens, end - 1);
  while (last < tokens.length && tokens[last]!.start < end) last++;
  if (first >= last) return null;
  const a = tokens[first]!;
  const b = tokens[last - 1]!;
  if (mode === 'strict') return a.start === start && b.end === end ? { first, end: last } : null;
  if (mode === 'contract') {
    if (a.start < start) first++;
    if (b.end > end) last--;
    return first < last ? { first, end: last } : null;
  }
  return { first, end: last };
}

/** The character span covered by a token range. */
export function tokensToCharSpan(doc: Doc, range: TokenRange): { start: number; end: number } {
  const a = doc.tokens[range.first];
  const b = doc.tokens[range.end - 1];
  if (!a || !b || range.first >= range.end) throw new RangeError(`empty or invalid token range [${range.first}, ${range.end})`);
  return { start: a.start, end: b.end };
}

/** The token at character `offset`, or -1 when the offset is in whitespace or outside. */
export function tokenAt(doc: Doc, offset: number): number {
  const i = tokenIndexAfter(doc.tokens, offset);
  const t = doc.tokens[i];
  return t && t.start <= offset ? i : -1;
}

/** The index of the sentence holding token `i` (binary search), or -1 when no sentence does. */
export function sentenceOfToken(doc: Doc, i: number): number {
  const sentences = doc.sentences;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.tokenEnd <= i) lo = mid + 1;
    else hi = mid;
  }
  const s = sentences[lo];
  return s && s.tokenStart <= i ? lo : -1;
}
