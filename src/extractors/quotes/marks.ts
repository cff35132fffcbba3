/**
 * Quotation marks → quoted stretches of text. Curly marks pair by direction (“ … ”, ‘ … ’ is
 * left alone: it is mostly apostrophes); straight marks, the treebank's `` '' and an archive's
 * '' '' pair in order.
 * News convention for a quote that runs over paragraphs: each paragraph opens with a mark but
 * only the last one closes —
 *
 *   “We have heard nothing since.
 *
 *   “Nobody answers the phone at the station.”
 *
 * — so an unclosed quote at a paragraph break continues when the next paragraph opens with a
 * mark, and otherwise ends at the break (a missing mark loses one paragraph, not the article).
 * Every stretch includes its marks, as PolNeAR's content spans do.
 */

export interface QuotedSpan {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark (or the end of the paragraph when the mark is missing). */
  end: number;
  /** The quote was closed by a mark (false: cut at a paragraph break or the end of the text). */
  closed: boolean;
}

const OPEN = new Set(['“', '„', '«']);
const CLOSE = new Set(['”', '»']);
const STRAIGHT = '"';

/** Where a paragraph break starts at `i`, the offset just after it (else -1). */
function paragraphBreak(text: string, i: number): number {
  if (text[i] !== '\n') return -1;
  let j = i + 1;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
  if (text[j] === '\n') {
    while (j < text.length && /\s/.test(text[j]!)) j++;
    return j;
  }
  return -1;
}

/**
 * Two apostrophes open a quote where a word follows them and none precedes: some archives write
 * every double mark so (''We will appeal,'' she said).
 */
const twoApostrophesOpen = (text: string, i: number): boolean => text.startsWith("''", i) && (i === 0 || /[\s([—]/.test(text[i - 1]!)) && /[^\s']/.test(text[i + 2] ?? ' ');

function opensAt(text: string, i: number): boolean {
  const c = text[i];
  return c !== undefined && (OPEN.has(c) || c === STRAIGHT || text.startsWith('``', i) || twoApostrophesOpen(text, i));
}

/** How many characters the opening mark at `i` takes. */
const openingLength = (text: string, i: number): number => (text.startsWith('``', i) || text.startsWith("''", i) ? 2 : 1);

/** The quoted stretches of `text`, in order, never nested (one pass: linear in the text). */
export function quotedSpans(text: string): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let open = -1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (open < 0) {
      if (opensAt(text, i)) {
        open = i;
        i += openingLength(text, i);
        continue;
      }
      i++;
      continue;
    }
    const closing = CLOSE.has(c) || c === STRAIGHT || text.startsWith("''", i);
    if (closing) {
      const len = text.startsWith("''", i) ? 2 : 1;
      out.push({ start: open, end: i + len, closed: true });
      open = -1;
      i += len;
      continue;
    }
    // a new opening curly mark while one is open: the previous quote lost its closing mark
    if (OPEN.has(c)) {
      out.push({ start: open, end: trimEnd(text, open, i), closed: false });
      open = i;
      i++;
      continue;
    }
    const next = paragraphBreak(text, i);
    if (next >= 0) {
      // continues into the next paragraph when that opens with a mark
      if (!opensAt(text, next)) {
        out.push({ start: open, end: trimEnd(text, open, i), closed: false });
        open = -1;
      }
      i = next + (opensAt(text, next) ? openingLength(text, next) : 0);
      continue;
    }
    i++;
  }
  if (open >= 0) out.push({ start: open, end: trimEnd(text, open, text.length), closed: false });
  return out.filter((q) => q.end - q.start > 2);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}
