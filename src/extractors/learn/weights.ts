import { IntMap } from './int-map.js';

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

/**
 * Averaged-perceptron weights for inference, sparse by row: most features only ever touched a
 * few of the classes (a suffix "-ly" votes for RB and JJ, not for the other hundred tags).
 */
export class WeightTable {
  readonly nClasses: number;
  private readonly index: IntMap;
  private readonly arrays: WeightArrays;

  constructor(nClasses: number, arrays: WeightArrays) {
    this.nClasses = nClasses;
    this.arrays = arrays;
    this.index = new IntMap(arrays.keys.length);
    arrays.keys.forEach((k, i) => this.index.set(k, i));
  }

  get size(): number {
    return this.arrays.keys.length;
  }

  toArrays(): WeightArrays {
    return this.arrays;
  }

  /** Adds the weights of `feats[0..n)` to `out` (which the caller zeroes). */
  score(feats: Uint32Array, n: number, out: Float32Array): void {
    const { offsets, classes, weights } = this.arrays;
    for (let f = 0; f < n; f++) {
      const row = this.index.get(feats[f]!);
      if (row < 0) continue;
      for (let e = offsets[row]!, end = offsets[row + 1]!; e < end; e++) out[classes[e]!]! += weights[e]!;
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
