import { bioSpans } from '../../corpora/readers/cofenet.js';
import { prf } from './prf.js';
import type { PRF } from './prf.js';

/**
 * CofeNet's exact-match score for quotation extraction, per component (source, cue, content):
 * within each line, a gold span is found when a predicted span of the same kind has the same
 * token boundaries; a predicted span not among the gold ones is a false positive. Counts are
 * summed over lines, then precision, recall and F1 (binary) computed once.
 */
export const QUOTE_PARTS = ['source', 'cue', 'content'] as const;
export type QuotePart = (typeof QUOTE_PARTS)[number];

export class QuoteScorer {
  private readonly counts = new Map<QuotePart, { tp: number; fp: number; fn: number }>(QUOTE_PARTS.map((p) => [p, { tp: 0, fp: 0, fn: 0 }]));

  addLine(gold: readonly string[], predicted: readonly string[]): void {
    const g = bioSpans(gold);
    const p = bioSpans(predicted);
    for (const part of QUOTE_PARTS) {
      const c = this.counts.get(part)!;
      const gs = (g.get(part) ?? []).map(([a, b]) => `${a}:${b}`);
      const ps = (p.get(part) ?? []).map(([a, b]) => `${a}:${b}`);
      for (const s of gs) if (ps.includes(s)) c.tp++;
      else c.fn++;
      for (const s of ps) if (!gs.includes(s)) c.fp++;
    }
  }

  score(part: QuotePart): PRF {
    const c = this.counts.get(part)!;
    return prf(c.tp, c.fp, c.fn);
  }
}
