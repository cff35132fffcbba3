import type { Lexeme, LexemeCache } from '../learn/lexical.js';
import type { FeatureScorer } from '../learn/weights.js';
import { argmax } from '../learn/weights.js';
import { MAX_TAGGER_FEATURES, taggerFeatures } from './tagger-features.js';

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

/** Greedy left-to-right tagger over word forms. */
export class Tagger {
  readonly tags: readonly string[];
  readonly scorer: Scorer;
  readonly lexemes: LexemeCache;
  private readonly feats = new Uint32Array(MAX_TAGGER_FEATURES);
  private readonly scores: Float32Array;
  private readonly split: readonly PosTag[];

  constructor(tags: readonly string[], scorer: Scorer, lexemes: LexemeCache) {
    this.tags = tags;
    this.split = tags.map(splitTag);
    this.scorer = scorer;
    this.lexemes = lexemes;
    this.scores = new Float32Array(tags.length);
  }

  /** Tag indices for one sentence's words. `learn` is called per token in training. */
  tagIndices(words: readonly string[], learn?: (i: number, feats: Uint32Array, n: number, guess: number) => number): number[] {
    const lex: Lexeme[] = words.map((w) => this.lexemes.get(w));
    const out: number[] = [];
    let p1 = -1;
    let p2 = -1;
    for (let i = 0; i < lex.length; i++) {
      const n = taggerFeatures(lex, i, p1, p2, this.feats);
      this.scores.fill(0);
      this.scorer.score(this.feats, n, this.scores);
      let guess = argmax(this.scores, this.tags.length);
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
