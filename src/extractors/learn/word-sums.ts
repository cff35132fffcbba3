import type { Lexeme } from './lexical.js';

/**
 * Per-word-type score vectors kept in one growing slab: what a model's features of one word
 * alone add up to, computed once per type instead of once per token. One array for all types,
 * not a small typed array per type (each an object and an allocation of its own). Past its capacity it starts again empty (a bound for
 * servers), but only when told a sentence begins (`bound`), so offsets handed out for the
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
