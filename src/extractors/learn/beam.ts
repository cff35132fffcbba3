/**
 * Beam search over label sequences for a model trained as a structured perceptron with early
 * update (Collins & Roark 2004). Greedy decoding under label constraints cannot take back a
 * wrong start (once a token is B-ORG, an organisation must go on until an L comes); a beam keeps
 * the other readings alive. A sequence model splits its features so that a token's observation
 * features are scored once and only the label-history features per hypothesis.
 */

import type { FeatureScorer } from './weights.js';

/** One sentence as a sequence model sees it. */
export interface Sequence {
  readonly length: number;
  readonly nLabels: number;
  /** May `label` follow `prev` (-1 at the start) at position `i`? */
  allowed(prev: number, label: number, i: number): boolean;
  /** Features of position `i` that do not depend on earlier labels; returns their count. */
  observation(i: number, out: Uint32Array): number;
  /** Adds to `out` the scores of position `i`'s label-free features that `observation` leaves out (summed ahead, per word). */
  observationSums?(i: number, out: Float32Array): void;
  /** Features of position `i` that read the labels before it (-1 before the start); returns their count. */
  history(i: number, p1: number, p2: number, out: Uint32Array): number;
}

/** A decoded sequence. */
export interface Decoded {
  labels: number[];
  /**
   * With a gold sequence (training): the position where it fell out of the beam, or where the
   * best full sequence differs from it at the end; -1 when the best is the gold. `labels` then
   * ends at that position, as the early update needs it.
   */
  diverged: number;
}

/** Room for one position's features: observation or history (the recogniser writes under 60, the attribution tagger under 45). */
const MAX_FEATURES = 128;

/** The beam width a model file was trained with; files from before the beam decode greedily. */
export const beamWidth = (header: Record<string, unknown>): number => (typeof header.beam === 'number' ? header.beam : 1);

export function beamDecode(seq: Sequence, scorer: FeatureScorer, width: number, gold?: readonly number[]): Decoded {
  const n = seq.length;
  if (n === 0) return { labels: [], diverged: -1 };
  const K = width;
  const L = seq.nLabels;
  const feats = new Uint32Array(MAX_FEATURES);
  const obs = new Float32Array(L);
  const hist = new Float32Array(L);
  const labelAt = new Int16Array(n * K);
  const backAt = new Int32Array(n * K);
  // two buffers each for the hypotheses' scores and gold flags, swapped at every position
  let scores = new Float64Array(K);
  let goldOk = new Uint8Array(K).fill(1);
  let nextScores = new Float64Array(K);
  let nextGold = new Uint8Array(K);
  let size = 1;
  const candScore = new Float64Array(K);
  const candHyp = new Int32Array(K);
  const candLabel = new Int32Array(K);
  for (let i = 0; i < n; i++) {
    obs.fill(0);
    seq.observationSums?.(i, obs);
    scorer.score(feats, seq.observation(i, feats), obs);
    let count = 0;
    for (let k = 0; k < size; k++) {
      const p1 = i > 0 ? labelAt[(i - 1) * K + k]! : -1;
      const p2 = i > 1 ? labelAt[(i - 2) * K + backAt[(i - 1) * K + k]!]! : -1;
      hist.fill(0);
      scorer.score(feats, seq.history(i, p1, p2, feats), hist);
      for (let l = 0; l < L; l++) {
        if (!seq.allowed(p1, l, i)) continue;
        const s = scores[k]! + obs[l]! + hist[l]!;
        if (count === K && s <= candScore[K - 1]!) continue;
        // insertion into the sorted top K; an equal score keeps the earlier candidate first
        let j = count < K ? count++ : K - 1;
        while (j > 0 && candScore[j - 1]! < s) {
          candScore[j] = candScore[j - 1]!;
          candHyp[j] = candHyp[j - 1]!;
          candLabel[j] = candLabel[j - 1]!;
          j--;
        }
        candScore[j] = s;
        candHyp[j] = k;
        candLabel[j] = l;
      }
    }
    let anyGold = false;
    for (let c = 0; c < count; c++) {
      labelAt[i * K + c] = candLabel[c]!;
      backAt[i * K + c] = candHyp[c]!;
      nextScores[c] = candScore[c]!;
      nextGold[c] = gold && goldOk[candHyp[c]!] && candLabel[c] === gold[i] ? 1 : 0;
      anyGold ||= nextGold[c] === 1;
    }
    [scores, nextScores] = [nextScores, scores];
    [goldOk, nextGold] = [nextGold, goldOk];
    size = count;
    if (gold && !anyGold) return { labels: backtrack(labelAt, backAt, K, i), diverged: i };
  }
  const labels = backtrack(labelAt, backAt, K, n - 1);
  return { labels, diverged: gold && !goldOk[0] ? n - 1 : -1 };
}

/** The labels of the best hypothesis at step `end`, from the start. */
function backtrack(labelAt: Int16Array, backAt: Int32Array, K: number, end: number): number[] {
  const out = new Array<number>(end + 1);
  let k = 0;
  for (let i = end; i >= 0; i--) {
    out[i] = labelAt[i * K + k]!;
    k = backAt[i * K + k]!;
  }
  return out;
}

/**
 * The early update of a structured perceptron: the gold prefix's features up, the beam's best
 * prefix's down, position by position up to where they parted. `features` writes all of a
 * position's features (observation and history) for the labels before it.
 */
export function earlyUpdate(
  model: { update(truth: number, guess: number, feats: Uint32Array, n: number, amount?: number): void },
  features: (i: number, p1: number, p2: number, out: Uint32Array) => number,
  gold: readonly number[],
  predicted: readonly number[],
  diverged: number,
): void {
  const feats = new Uint32Array(MAX_FEATURES);
  for (let j = 0; j <= diverged; j++) {
    model.update(gold[j]!, -1, feats, features(j, j > 0 ? gold[j - 1]! : -1, j > 1 ? gold[j - 2]! : -1, feats), 1);
    model.update(predicted[j]!, -1, feats, features(j, j > 0 ? predicted[j - 1]! : -1, j > 1 ? predicted[j - 2]! : -1, feats), -1);
  }
}
