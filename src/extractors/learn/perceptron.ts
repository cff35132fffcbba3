import { IntMap } from './int-map.js';
import { WeightTable } from './weights.js';

/**
 * An averaged perceptron for training (Collins 2002; the averaging trick of Daumé's thesis: keep
 * w and u = Σ c·Δw, then the average is w − u/c, so no per-weight timestamps are needed).
 * Rows are dense during training and pruned to sparse when finalised.
 */
export class AveragedPerceptron {
  readonly nClasses: number;
  private readonly index = new IntMap(1 << 16);
  /** Feature hash of each row, in row order (for finalize). */
  private readonly keys: number[] = [];
  private w: Float32Array;
  private u: Float64Array;
  private rows = 0;
  /** Instances seen, starting at 1. */
  private c = 1;

  constructor(nClasses: number) {
    this.nClasses = nClasses;
    this.w = new Float32Array(nClasses * 1024);
    this.u = new Float64Array(nClasses * 1024);
  }

  get features(): number {
    return this.rows;
  }

  score(feats: Uint32Array, n: number, out: Float32Array): void {
    const k = this.nClasses;
    for (let f = 0; f < n; f++) {
      const row = this.index.get(feats[f]!);
      if (row < 0) continue;
      const base = row * k;
      for (let c = 0; c < k; c++) out[c]! += this.w[base + c]!;
    }
  }

  /** Moves weight from `guess` to `truth` for every feature (no-op when they agree). */
  update(truth: number, guess: number, feats: Uint32Array, n: number, amount = 1): void {
    if (truth === guess) return;
    for (let f = 0; f < n; f++) {
      const base = this.row(feats[f]!) * this.nClasses;
      this.w[base + truth]! += amount;
      this.u[base + truth]! += this.c * amount;
      if (guess >= 0) {
        this.w[base + guess]! -= amount;
        this.u[base + guess]! -= this.c * amount;
      }
    }
  }

  /** Call once per training instance, after its update. */
  tick(): void {
    this.c++;
  }

  /** The averaged weights, dropping those smaller than `epsilon` in magnitude. */
  finalize(epsilon = 1e-3): WeightTable {
    const k = this.nClasses;
    const keys: number[] = [];
    const offsets: number[] = [0];
    const classes: number[] = [];
    const weights: number[] = [];
    const entries: [number, number][] = [];
    this.keys.forEach((key, row) => entries.push([key, row]));
    entries.sort((a, b) => a[0] - b[0]);
    for (const [key, row] of entries) {
      const before = classes.length;
      for (let c = 0; c < k; c++) {
        const avg = this.w[row * k + c]! - this.u[row * k + c]! / this.c;
        if (Math.abs(avg) >= epsilon) {
          classes.push(c);
          weights.push(avg);
        }
      }
      if (classes.length > before) {
        keys.push(key);
        offsets.push(classes.length);
      }
    }
    return new WeightTable(k, {
      keys: Uint32Array.from(keys),
      offsets: Uint32Array.from(offsets),
      classes: Uint16Array.from(classes),
      weights: Float32Array.from(weights),
    });
  }

  private row(key: number): number {
    let row = this.index.get(key);
    if (row >= 0) return row;
    row = this.rows++;
    this.index.set(key, row);
    this.keys.push(key);
    if (this.rows * this.nClasses > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    return row;
  }
}
