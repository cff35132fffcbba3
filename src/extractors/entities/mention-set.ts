import type { TextSpan } from '../../text/types.js';

/**
 * Mentions kept sorted by where they start, for a rewriter that turns spans into people one at a
 * time. The mentions near a span are found by binary search rather than by a scan of all of them:
 * the scan made person-cues quadratic in a report that names hundreds of people.
 */
export class MentionSet<M extends TextSpan> {
  private readonly list: M[];
  /** No mention is longer: those that can reach a span start at most this far before it. */
  private longest = 0;
  /** Mentions looked at so far: what a test counts to show the work grows with the text. */
  visits = 0;

  constructor(mentions: Iterable<M>) {
    this.list = [...mentions].sort((a, b) => a.start - b.start);
    for (const m of this.list) this.longest = Math.max(this.longest, m.end - m.start);
  }

  /** Every mention, in order of start. */
  get all(): readonly M[] {
    return this.list;
  }

  /** The mentions that share at least one character with `span`. */
  overlapping(span: TextSpan): M[] {
    const out: M[] = [];
    for (let k = this.firstAtOrAfter(span.start - this.longest); k < this.list.length && this.list[k]!.start < span.end; k++) {
      this.visits++;
      const m = this.list[k]!;
      if (m.end > span.start) out.push(m);
    }
    return out;
  }

  add(m: M): void {
    this.list.splice(this.firstAtOrAfter(m.start), 0, m);
    this.longest = Math.max(this.longest, m.end - m.start);
  }

  remove(m: M): void {
    for (let k = this.firstAtOrAfter(m.start); k < this.list.length && this.list[k]!.start === m.start; k++) {
      if (this.list[k] === m) return void this.list.splice(k, 1);
    }
  }

  /** Index of the first mention starting at or after `offset`. */
  private firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
