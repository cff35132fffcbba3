/**
 * A partner receives the passages a case's facts rest on, not whole articles: each cited span
 * with some context, overlapping passages merged, every passage keeping its offset in the
 * original report so the citations stay exact.
 */
export interface Excerpt {
  /** Offset of the passage's first character in the original report (UTF-16 code units). */
  start: number;
  text: string;
}

/** Characters of context either side of a cited span. */
export const CONTEXT = 240;

/** Passages of `text` around the spans, widened to whole words and merged where they overlap or touch. */
export function excerptsAround(text: string, spans: readonly { start: number; end: number }[], context = CONTEXT): Excerpt[] {
  const windows = spans
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start <= s.end)
    .map((s) => ({ start: wordStart(text, Math.max(0, s.start - context)), end: wordEnd(text, Math.min(text.length, s.end + context)) }))
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  return merged.map((w) => ({ start: w.start, text: text.slice(w.start, w.end) }));
}

function wordStart(text: string, i: number): number {
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  return i;
}

function wordEnd(text: string, i: number): number {
  while (i < text.length && !/\s/.test(text[i]!)) i++;
  return i;
}

/** What stands between two passages in a report rebuilt from excerpts. */
export const GAP = '\n\n[…]\n\n';

/**
 * A report rebuilt from its passages on the receiving side, and the way back from an offset in
 * the original to an offset in the rebuilt text (null when the offset is outside every passage).
 */
export function rebuild(excerpts: readonly Excerpt[]): { text: string; map: (start: number, end: number) => { start: number; end: number } | null } {
  const placed: { from: number; to: number; at: number }[] = [];
  let text = '';
  for (const e of [...excerpts].sort((a, b) => a.start - b.start)) {
    if (text) text += GAP;
    placed.push({ from: e.start, to: e.start + e.text.length, at: text.length });
    text += e.text;
  }
  return {
    text,
    map(start, end) {
      const p = placed.find((x) => start >= x.from && end <= x.to);
      return p ? { start: p.at + start - p.from, end: p.at + end - p.from } : null;
    },
  };
}
