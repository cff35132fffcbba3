import { hashString } from '../learn/hash.js';
import type { LexemeCache } from '../learn/lexical.js';
import { argmax, WeightTable } from '../learn/weights.js';
import { MOVES, ParseState } from './arc-hybrid.js';
import { B0, B1, configFeatures, MAX_PARSER_FEATURES, parserFeatures, roleFeatures, ROLES, S0, S1 } from './parser-features.js';
import type { ParserInput } from './parser-features.js';
import type { Scorer } from './tagger.js';

/** In training: sees each state's features and the model's choice, returns the move to take. */
export type ParserLearner = (state: ParseState, feats: Uint32Array, n: number, guess: number, scores: Float32Array) => number;

/**
 * Greedy arc-hybrid parser: picks the best-scoring legal move until the stack empties. With
 * trained weights, the features that read one token in one role (15 of about 60 per state) are
 * added up once per token and role in a sentence: a token is scored as the stack's top many
 * times over.
 */
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
    const n = words.length;
    const st = new ParseState(n);
    // weights in training change with every update: nothing can be summed ahead
    const summed = !learn && this.scorer instanceof WeightTable;
    // per token (-1 … n, shifted by one) and role: MOVES sums, and whether they are made yet
    const sums = summed ? new Float32Array((n + 2) * ROLES * MOVES) : undefined;
    const made = summed ? new Uint8Array((n + 2) * ROLES) : undefined;
    const add = (i: number, role: number): void => {
      const slot = (i + 1) * ROLES + role;
      if (!made![slot]) {
        this.scorer.score(this.feats, roleFeatures(input, n, i, role, this.feats, 0), sums!.subarray(slot * MOVES, slot * MOVES + MOVES));
        made![slot] = 1;
      }
      for (let m = 0; m < MOVES; m++) this.scores[m]! += sums![slot * MOVES + m]!;
    };
    while (!st.done) {
      this.scores.fill(0);
      let f = 0;
      if (summed) {
        add(st.s(0), S0);
        add(st.s(1), S1);
        add(st.b < n ? st.b : -1, B0);
        add(st.b + 1 < n ? st.b + 1 : -1, B1);
        this.scorer.score(this.feats, configFeatures(input, st, this.feats, 0), this.scores);
      } else {
        f = parserFeatures(input, st, this.feats);
        this.scorer.score(this.feats, f, this.scores);
      }
      let move = argmax(this.scores, MOVES, (m) => st.legal(m));
      if (learn) move = learn(st, this.feats, f, move, this.scores);
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
