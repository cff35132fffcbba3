import { hashString } from '../learn/hash.js';
import type { LexemeCache } from '../learn/lexical.js';
import { argmax } from '../learn/weights.js';
import { MOVES, ParseState } from './arc-hybrid.js';
import { MAX_PARSER_FEATURES, parserFeatures } from './parser-features.js';
import type { ParserInput } from './parser-features.js';
import type { Scorer } from './tagger.js';

/** In training: sees each state's features and the model's choice, returns the move to take. */
export type ParserLearner = (state: ParseState, feats: Uint32Array, n: number, guess: number, scores: Float32Array) => number;

/** Greedy arc-hybrid parser: picks the best-scoring legal move until the stack empties. */
export class Parser {
  readonly scorer: Scorer;
  readonly lexemes: LexemeCache;
  private readonly feats = new Uint32Array(MAX_PARSER_FEATURES);
  private readonly scores = new Float32Array(MOVES);
  private readonly tagHashes = new Map<string, number>();

  constructor(scorer: Scorer, lexemes: LexemeCache) {
    this.scorer = scorer;
    this.lexemes = lexemes;
  }

  input(words: readonly string[], xpos: readonly string[]): ParserInput {
    return { lex: words.map((w) => this.lexemes.get(w)), tags: Uint32Array.from(xpos, (t) => this.tagHash(t)) };
  }

  /** Head of each word (-1 for the root). */
  parse(words: readonly string[], xpos: readonly string[], learn?: ParserLearner): Int32Array {
    const input = this.input(words, xpos);
    const st = new ParseState(words.length);
    while (!st.done) {
      const n = parserFeatures(input, st, this.feats);
      this.scores.fill(0);
      this.scorer.score(this.feats, n, this.scores);
      let move = argmax(this.scores, MOVES, (m) => st.legal(m));
      if (learn) move = learn(st, this.feats, n, move, this.scores);
      st.apply(move);
    }
    return st.heads;
  }

  private tagHash(tag: string): number {
    let h = this.tagHashes.get(tag);
    if (h === undefined) {
      h = hashString(`tag:${tag}`);
      this.tagHashes.set(tag, h);
    }
    return h;
  }
}
