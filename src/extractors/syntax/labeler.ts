import { feat1, feat2, feat3, hashString } from '../learn/hash.js';
import type { Lexeme, LexemeCache } from '../learn/lexical.js';
import { argmax } from '../learn/weights.js';
import type { Scorer } from './tagger.js';

export const MAX_LABEL_FEATURES = 40;

const NONE = hashString('<none>');
const ROOT = hashString('<root>');

/**
 * Dependency relations for a finished tree, arc by arc. Labelling after the tree is built lets
 * each decision see all of the dependent's and the head's children: "by" under a passive
 * verb's dependent is `obl:agent`, a dependent with "that" below it is `ccomp`.
 */
export class Labeler {
  readonly labels: readonly string[];
  readonly scorer: Scorer;
  readonly lexemes: LexemeCache;
  private readonly feats = new Uint32Array(MAX_LABEL_FEATURES);
  private readonly scores: Float32Array;

  constructor(labels: readonly string[], scorer: Scorer, lexemes: LexemeCache) {
    this.labels = labels;
    this.scorer = scorer;
    this.lexemes = lexemes;
    this.scores = new Float32Array(labels.length);
  }

  /** Label index per word. `learn` sees each arc's features and the guess. */
  label(words: readonly string[], xpos: readonly string[], heads: ArrayLike<number>, learn?: (i: number, feats: Uint32Array, n: number, guess: number) => void): number[] {
    const lex = words.map((w) => this.lexemes.get(w));
    const tags = xpos.map((t) => hashString(t));
    const kids: number[][] = words.map(() => []);
    // Each word's place among its head's children (children are pushed left to right): the
    // count of siblings before it, in constant time (a filter per word was quadratic in a run of 100 KB of quote marks).
    const rank = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) if (heads[i]! >= 0) rank[i] = kids[heads[i]!]!.push(i) - 1;
    const out: number[] = [];
    for (let i = 0; i < words.length; i++) {
      const n = this.features(lex, tags, heads, kids, rank, i);
      this.scores.fill(0);
      this.scorer.score(this.feats, n, this.scores);
      const guess = argmax(this.scores, this.labels.length);
      learn?.(i, this.feats, n, guess);
      out.push(guess);
    }
    return out;
  }

  private features(lex: Lexeme[], tags: number[], heads: ArrayLike<number>, kids: number[][], rank: Int32Array, i: number): number {
    const h = heads[i]!;
    const out = this.feats;
    const hw = h < 0 ? ROOT : lex[h]!.lower;
    const ht = h < 0 ? ROOT : tags[h]!;
    const hh = h < 0 ? -1 : heads[h]!;
    const hht = h < 0 ? NONE : hh < 0 ? ROOT : tags[hh]!;
    const dw = lex[i]!.lower;
    const dt = tags[i]!;
    const dir = h < 0 ? 0 : h > i ? 1 : 2;
    const d = h < 0 ? 0 : Math.min(Math.abs(h - i), 6);
    const myKids = kids[i]!;
    const first = myKids.length > 0 ? myKids[0]! : -1;
    const firstW = first >= 0 && first < i ? lex[first]!.lower : NONE;
    const firstT = first >= 0 && first < i ? tags[first]! : NONE;
    let k = 0;
    out[k++] = feat1(0, 0);
    out[k++] = feat1(1, dw);
    out[k++] = feat1(2, dt);
    out[k++] = feat2(3, dt, dir);
    out[k++] = feat3(4, dt, ht, dir);
    out[k++] = feat3(5, dw, ht, dir);
    out[k++] = feat3(6, dt, hw, dir);
    out[k++] = feat2(7, dw, hw);
    out[k++] = feat3(8, dt, ht, d);
    out[k++] = feat3(9, dt, ht, hht);
    out[k++] = feat2(10, firstW, dt);
    out[k++] = feat3(11, firstT, dt, ht);
    out[k++] = feat1(12, lex[i]!.suffix[2]);
    out[k++] = feat2(13, lex[i]!.shape, dt);
    out[k++] = feat2(14, lex[i]!.cluster[1], dir);
    for (const c of myKids) {
      if (k >= MAX_LABEL_FEATURES - 4) break;
      out[k++] = feat3(20, c < i ? 1 : 2, tags[c]!, dt);
      if (tags[c] === tags[i] || lex[c]!.flags & 16) continue;
      out[k++] = feat3(21, lex[c]!.lower, dt, ht);
    }
    // Siblings to the head's left: a second nominal before a verb is rarely a second subject.
    if (h >= 0) {
      out[k++] = feat3(30, Math.min(rank[i]!, 3), dt, ht);
    }
    return k;
  }
}
