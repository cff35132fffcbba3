/** Anything that adds per-class scores for features: trained weights, or weights in training. */
export interface FeatureScorer {
  score(feats: Uint32Array, n: number, out: Float32Array): void;
}

/** The arrays a trained linear model is stored as (see model-file.ts). */
export interface WeightArrays {
  /** Feature hashes, one per stored feature. */
  keys: Uint32Array;
  /** Row i's weights are entries offsets[i] .. offsets[i+1]. */
  offsets: Uint32Array;
  /** Class of each entry. */
  classes: Uint16Array;
  weights: Float32Array;
}

/** Row tables with this many classes or fewer store their weights inside the hash slot. */
const DENSE_MAX = 4;

/** Slots for `rows` keys: a power of two, at most half full, so a missing feature is found missing fast. */
function capacityFor(rows: number): number {
  let cap = 16;
  while (cap < rows * 2) cap *= 2;
  return cap;
}

/** Where a key's probe starts. */
const homeSlot = (key: number, mask: number): number => (key ^ (key >>> 15)) & mask;

/**
 * Averaged-perceptron weights for inference, sparse by row: most features only ever touched a
 * few of the classes (a suffix "-ly" votes for RB and JJ, not for the other hundred tags).
 * Lookup is memory-bound, so each slot of the open-addressing table holds the key and either
 * the row's weights (few classes, as the parser's three moves) or where its entries start and
 * end; entries interleave class and weight. That is one or two cache misses per feature.
 * `toArrays` writes the rows in slot order, so loading a saved table fills its slots front to
 * back instead of at random: the parser's 800k rows went from ~165 ms to ~50 ms.
 */
export class WeightTable {
  readonly nClasses: number;
  /** Rows stored. */
  readonly size: number;
  private readonly stride: number;
  private readonly mask: number;
  private readonly slotsU: Uint32Array;
  private readonly slotsF: Float32Array;
  /** Sparse rows: class, weight, class, weight… (class stored as a float: exact below 2^24). */
  private readonly entries: Float32Array;
  private readonly dense: boolean;

  constructor(nClasses: number, arrays: WeightArrays) {
    this.nClasses = nClasses;
    this.size = arrays.keys.length;
    this.dense = nClasses <= DENSE_MAX;
    this.stride = this.dense ? 1 + nClasses : 3;
    const cap = capacityFor(arrays.keys.length);
    this.mask = cap - 1;
    const buffer = new ArrayBuffer(cap * this.stride * 4);
    this.slotsU = new Uint32Array(buffer);
    this.slotsF = new Float32Array(buffer);
    const { keys, offsets, classes, weights } = arrays;
    this.entries = new Float32Array(this.dense ? 0 : weights.length * 2);
    for (let e = 0; e < weights.length && !this.dense; e++) {
      this.entries[2 * e] = classes[e]!;
      this.entries[2 * e + 1] = weights[e]!;
    }
    for (let row = 0; row < keys.length; row++) {
      const key = keys[row]!;
      let slot = homeSlot(key, this.mask);
      while (this.slotsU[slot * this.stride] !== 0) slot = (slot + 1) & this.mask;
      const base = slot * this.stride;
      this.slotsU[base] = key;
      if (this.dense) {
        for (let e = offsets[row]!; e < offsets[row + 1]!; e++) this.slotsF[base + 1 + classes[e]!] = weights[e]!;
      } else {
        this.slotsU[base + 1] = offsets[row]!;
        this.slotsU[base + 2] = offsets[row + 1]!;
      }
    }
  }

  /** The rows in slot order (see above), each with its non-zero weights. */
  toArrays(): WeightArrays {
    const { slotsU, slotsF, entries, stride } = this;
    const keys = new Uint32Array(this.size);
    const offsets = new Uint32Array(this.size + 1);
    const classes: number[] = [];
    const weights: number[] = [];
    let row = 0;
    for (let base = 0; base < slotsU.length; base += stride) {
      if (slotsU[base] === 0) continue;
      keys[row] = slotsU[base]!;
      if (this.dense) {
        for (let c = 0; c < this.nClasses; c++) {
          if (slotsF[base + 1 + c] === 0) continue;
          classes.push(c);
          weights.push(slotsF[base + 1 + c]!);
        }
      } else {
        for (let e = 2 * slotsU[base + 1]!, end = 2 * slotsU[base + 2]!; e < end; e += 2) {
          classes.push(entries[e]!);
          weights.push(entries[e + 1]!);
        }
      }
      offsets[++row] = classes.length;
    }
    return { keys: keys.subarray(0, row), offsets: offsets.subarray(0, row + 1), classes: Uint16Array.from(classes), weights: Float32Array.from(weights) };
  }

  /** Adds the weights of `feats[0..n)` to `out` (which the caller zeroes). */
  score(feats: Uint32Array, n: number, out: Float32Array): void {
    const { slotsU, slotsF, entries, stride, mask } = this;
    const k = this.nClasses;
    for (let f = 0; f < n; f++) {
      const key = feats[f]!;
      let slot = (key ^ (key >>> 15)) & mask; // homeSlot, written out in the hot loop
      let base = slot * stride;
      let found = slotsU[base]!;
      while (found !== key && found !== 0) {
        slot = (slot + 1) & mask;
        base = slot * stride;
        found = slotsU[base]!;
      }
      if (found === 0) continue;
      if (this.dense) {
        for (let c = 0; c < k; c++) out[c]! += slotsF[base + 1 + c]!;
      } else {
        for (let e = 2 * slotsU[base + 1]!, end = 2 * slotsU[base + 2]!; e < end; e += 2) out[entries[e]!]! += entries[e + 1]!;
      }
    }
  }
}

/** Index of the best-scoring class among those `allowed` (all when omitted); ties go to the lowest. */
export function argmax(scores: Float32Array, n: number, allowed?: (c: number) => boolean): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < n; c++) {
    if (allowed && !allowed(c)) continue;
    if (scores[c]! > bestScore) {
      bestScore = scores[c]!;
      best = c;
    }
  }
  return best;
}
