import type { Lexeme, LexemeCache } from '../learn/lexical.js';
import type { FeatureScorer } from '../learn/weights.js';
import { argmax, WeightTable } from '../learn/weights.js';
import { NeighbourSums } from '../learn/word-sums.js';
import { contextFeatures, leftNeighbourFeatures, MAX_TAGGER_FEATURES, rightNeighbourFeatures, taggerFeatures, wordFeatures } from './tagger-features.js';

/** Anything that scores features into per-class sums: trained weights, or weights in training. */
export interface Scorer extends FeatureScorer {
  readonly nClasses: number;
}

/** A POS tag as the tagger predicts it: UPOS and PTB XPOS jointly, so they never disagree. */
export interface PosTag {
  upos: string;
  xpos: string;
}

export function splitTag(tag: string): PosTag {
  const [upos, xpos] = tag.split(' ');
  return { upos: upos!, xpos: xpos ?? '_' };
}

/**
 * Greedy left-to-right tagger over word forms. With trained weights, the features of one word
 * alone (as the word, as the left and as the right neighbour: 27 of about 40 per token) are
 * summed once per word type and kept with it, so a token costs a dozen lookups, not forty.
 */
export class Tagger {
  readonly tags: readonly string[];
  readonly scorer: Scorer;
  readonly lexemes: LexemeCache;
  private readonly feats = new Uint32Array(MAX_TAGGER_FEATURES);
  private readonly scores: Float32Array;
  private readonly split: readonly PosTag[];
  /** Per word type: its own, left-neighbour and right-neighbour weight sums; trained weights only (weights in training change with every update). */
  private readonly sums: NeighbourSums | undefined;

  constructor(tags: readonly string[], scorer: Scorer, lexemes: LexemeCache) {
    this.tags = tags;
    this.split = tags.map(splitTag);
    this.scorer = scorer;
    this.lexemes = lexemes;
    this.scores = new Float32Array(tags.length);
    // about 0.6 KB a word type; the 5k most recent hold most tokens (20k was no faster on 685k words of news and used more memory)
    this.sums = scorer instanceof WeightTable ? new NeighbourSums(scorer, tags.length, [wordFeatures, leftNeighbourFeatures, rightNeighbourFeatures], 5_000) : undefined;
  }

  /** Tag indices for one sentence's words. `learn` is called per token in training. */
  tagIndices(words: readonly string[], learn?: (i: number, feats: Uint32Array, n: number, guess: number) => number): number[] {
    const lex: Lexeme[] = words.map((w) => this.lexemes.get(w));
    const summed = learn ? undefined : this.sums;
    summed?.bound();
    const k = this.tags.length;
    const out: number[] = [];
    let p1 = -1;
    let p2 = -1;
    for (let i = 0; i < lex.length; i++) {
      this.scores.fill(0);
      let n = 0;
      if (summed) {
        summed.addAt(lex, i, this.scores);
        this.scorer.score(this.feats, contextFeatures(lex, i, p1, p2, this.feats, 0), this.scores);
      } else {
        n = taggerFeatures(lex, i, p1, p2, this.feats);
        this.scorer.score(this.feats, n, this.scores);
      }
      let guess = argmax(this.scores, k);
      // In training the learner updates and says which tag history to carry on with.
      if (learn) guess = learn(i, this.feats, n, guess);
      out.push(guess);
      p2 = p1;
      p1 = guess;
    }
    return out;
  }

  tag(words: readonly string[]): PosTag[] {
    return this.tagIndices(words).map((t) => this.split[t]!);
  }
}
