import type { Lexeme } from './lexical.js';
import { PAD_AFTER, PAD_BEFORE } from './lexical.js';
import type { FeatureScorer } from './weights.js';

/**
 * Per-word-type score vectors kept in one growing slab: what a model's features of one word
 * alone add up to, computed once per type instead of once per token. One array for all types,
 * not a small typed array per type (each an object and an allocation of its own). Past its
 * capacity it starts again empty (a bound for servers), but only when told a sentence begins (`bound`), so offsets handed out for the
 * sentence at hand stay good.
 */
export class WordSums {
  private readonly index = new Map<Lexeme, number>();
  private slab: Float32Array;
  private used = 0;

  /** `width` floats per word type, about `capacity` types at a time. */
  constructor(
    private readonly width: number,
    private readonly capacity: number,
  ) {
    this.slab = new Float32Array(width * Math.min(capacity, 1024));
  }

  /** The slab; a type's sums are `width` floats from its offset. Read it after `offsetOf`, which may replace it. */
  get data(): Float32Array {
    return this.slab;
  }

  /** Call before a sentence: forgets every type once past capacity. */
  bound(): void {
    if (this.index.size < this.capacity) return;
    this.index.clear();
    this.used = 0;
  }

  /** Where `w`'s sums start in `data`, computed by `fill` (into zeroed floats) the first time `w` is met. */
  offsetOf(w: Lexeme, fill: (out: Float32Array) => void): number {
    const known = this.index.get(w);
    if (known !== undefined) return known;
    if (this.used + this.width > this.slab.length) {
      // doubling, but not far past capacity: a sentence may add a few hundred types beyond it
      const grown = new Float32Array(Math.max(this.used + this.width, Math.min(this.slab.length * 2, this.width * (this.capacity + 512))));
      grown.set(this.slab.subarray(0, this.used));
      this.slab = grown;
    }
    const at = this.used;
    this.used += this.width;
    this.slab.fill(0, at, this.used);
    fill(this.slab.subarray(at, this.used));
    this.index.set(w, at);
    return at;
  }
}

/** Features that read one word only, written from `at`; returns the new end. */
export type OneWordFeatures = (w: Lexeme, out: Uint32Array, at: number) => number;

/**
 * What the tagger and the recogniser share: the scores of a token's one-word features (its own,
 * its left neighbour's as a left neighbour, its right neighbour's as a right neighbour), each
 * summed once per word type under one scorer's fixed weights.
 */
export class NeighbourSums {
  private readonly sums: WordSums;
  private readonly feats = new Uint32Array(64);

  /** `parts`: the word's own features, its features as the left neighbour, as the right one. */
  constructor(
    private readonly scorer: FeatureScorer,
    private readonly nClasses: number,
    private readonly parts: readonly [OneWordFeatures, OneWordFeatures, OneWordFeatures],
    capacity: number,
  ) {
    this.sums = new WordSums(3 * nClasses, capacity);
  }

  /** Call before a sentence (see `WordSums.bound`). */
  bound(): void {
    this.sums.bound();
  }

  /** Adds to `out` the one-word scores of token `i` of `lex`. */
  addAt(lex: readonly Lexeme[], i: number, out: Float32Array): void {
    const k = this.nClasses;
    const own = this.offsetOf(lex[i]!);
    const left = this.offsetOf(i > 0 ? lex[i - 1]! : PAD_BEFORE) + k;
    const right = this.offsetOf(i + 1 < lex.length ? lex[i + 1]! : PAD_AFTER) + 2 * k;
    const data = this.sums.data;
    for (let c = 0; c < k; c++) out[c]! += data[own + c]! + data[left + c]! + data[right + c]!;
  }

  private offsetOf(w: Lexeme): number {
    const k = this.nClasses;
    return this.sums.offsetOf(w, (out) => {
      this.parts.forEach((part, p) => this.scorer.score(this.feats, part(w, this.feats, 0), out.subarray(p * k, (p + 1) * k)));
    });
  }
}
