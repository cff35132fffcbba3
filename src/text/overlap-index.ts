/** A half-open character range, as every span in the extraction document is. */
export interface Range {
  start: number;
  end: number;
}

/**
 * "Does any of these ranges overlap this one?" in O(log n) per question: the ranges sorted by
 * start, with the furthest end reached by any of the first k. A range [a, b) overlaps one of them
 * exactly when some range that starts before b ends after a, i.e. when the furthest end among
 * those starting before b passes a. A scan of every range per question made a long report's
 * quotes quadratic (thousands of rule quotes checked against each learned one).
 */
export class OverlapIndex {
  private readonly starts: Float64Array;
  private readonly reach: Float64Array;
  /** The nearest end among ranges k and after: whether one lies inside a range, in one search. */
  private readonly nearestEnd: Float64Array;
  /** Binary-search steps taken so far: what a test counts to show a question is logarithmic. */
  probes = 0;

  constructor(ranges: Iterable<Range | null | undefined>) {
    const kept = [...ranges].filter((r): r is Range => r !== null && r !== undefined).sort((a, b) => a.start - b.start);
    this.starts = Float64Array.from(kept, (r) => r.start);
    this.reach = new Float64Array(kept.length);
    let furthest = -Infinity;
    kept.forEach((r, k) => (this.reach[k] = furthest = Math.max(furthest, r.end)));
    this.nearestEnd = new Float64Array(kept.length);
    let nearest = Infinity;
    for (let k = kept.length - 1; k >= 0; k--) this.nearestEnd[k] = nearest = Math.min(nearest, kept[k]!.end);
  }

  get size(): number {
    return this.starts.length;
  }

  /**
   * Whether some indexed range overlaps `r` (shares at least one character); null overlaps
   * nothing. An empty `r` at offset p asks whether a range runs across p (starts before, ends after).
   */
  overlaps(r: Range | null | undefined): boolean {
    if (!r) return false;
    const k = this.countStartingBefore(r.end);
    return k > 0 && this.reach[k - 1]! > r.start;
  }

  /** Whether some indexed range lies within `r` (starts at or after its start, ends at or before its end). */
  holdsAny(r: Range): boolean {
    const k = this.countStartingBefore(r.start);
    return k < this.starts.length && this.nearestEnd[k]! <= r.end;
  }

  /** How many ranges start before `offset`. */
  private countStartingBefore(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      this.probes++;
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
