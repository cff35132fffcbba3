import type { Scorer } from '../syntax/tagger.js';
import { allowed, NER_LABELS } from './labels.js';
import type { NerContext } from './ner-features.js';
import { MAX_NER_FEATURES, nerHistoryFeatures, nerObservationFeatures } from './ner-features.js';

const L = NER_LABELS.length;

/** A decoded sentence. */
export interface Decoded {
  labels: number[];
  /**
   * With a gold sequence (training): the position where it fell out of the beam, or where the
   * best full sequence differs from it at the end; -1 when the best is the gold. `labels` then
   * ends at that position, as the early update needs it (Collins & Roark 2004).
   */
  diverged: number;
}

/**
 * Beam search over BILOU label sequences, for a recogniser trained as a structured perceptron
 * with early update. Greedy decoding with BILOU constraints could not take back a wrong start:
 * once "CNBC" was B-ORG, "Friday , Federal Reserve Governor Lawrence Lindsey" had to stay in the
 * organisation until an L came. A beam keeps the other readings alive. Each token's observation
 * features are scored once; only the label-history features are scored per hypothesis.
 */
export class BeamDecoder {
  private readonly feats = new Uint32Array(MAX_NER_FEATURES);
  private readonly obs = new Float32Array(L);
  private readonly hist = new Float32Array(L);

  constructor(
    private readonly scorer: Scorer,
    readonly width: number,
  ) {}

  decode(ctx: NerContext, n: number, gold?: readonly number[]): Decoded {
    if (n === 0) return { labels: [], diverged: -1 };
    const K = this.width;
    const labelAt = new Int8Array(n * K);
    const backAt = new Int32Array(n * K);
    let scores = new Float64Array(K);
    let goldOk = new Uint8Array(K).fill(1);
    let size = 1;
    const candScore = new Float64Array(K);
    const candHyp = new Int32Array(K);
    const candLabel = new Int32Array(K);
    for (let i = 0; i < n; i++) {
      const nObs = nerObservationFeatures(ctx, i, this.feats);
      this.obs.fill(0);
      this.scorer.score(this.feats, nObs, this.obs);
      const last = i === n - 1;
      let count = 0;
      for (let k = 0; k < size; k++) {
        const p1 = i > 0 ? labelAt[(i - 1) * K + k]! : -1;
        const p2 = i > 1 ? labelAt[(i - 2) * K + backAt[(i - 1) * K + k]!]! : -1;
        const nHist = nerHistoryFeatures(ctx, i, p1, p2, this.feats, 0);
        this.hist.fill(0);
        this.scorer.score(this.feats, nHist, this.hist);
        for (let l = 0; l < L; l++) {
          if (!allowed(p1, l, last)) continue;
          const s = scores[k]! + this.obs[l]! + this.hist[l]!;
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
      const nextScores = new Float64Array(K);
      const nextGold = new Uint8Array(K);
      let anyGold = false;
      for (let c = 0; c < count; c++) {
        labelAt[i * K + c] = candLabel[c]!;
        backAt[i * K + c] = candHyp[c]!;
        nextScores[c] = candScore[c]!;
        nextGold[c] = gold && goldOk[candHyp[c]!] && candLabel[c] === gold[i] ? 1 : 0;
        anyGold ||= nextGold[c] === 1;
      }
      scores = nextScores;
      goldOk = nextGold;
      size = count;
      if (gold && !anyGold) return { labels: this.backtrack(labelAt, backAt, i), diverged: i };
    }
    const labels = this.backtrack(labelAt, backAt, n - 1);
    return { labels, diverged: gold && !goldOk[0] ? n - 1 : -1 };
  }

  /** The labels of the best hypothesis at step `end`, from the start. */
  private backtrack(labelAt: Int8Array, backAt: Int32Array, end: number): number[] {
    const K = this.width;
    const out = new Array<number>(end + 1);
    let k = 0;
    for (let i = end; i >= 0; i--) {
      out[i] = labelAt[i * K + k]!;
      k = backAt[i * K + k]!;
    }
    return out;
  }
}
