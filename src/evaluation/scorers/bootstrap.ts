import { seededRandom } from '../../core/random.js';

/**
 * How far a score could move with another draw of the same kind of documents: the percentile
 * bootstrap over documents (Efron & Tibshirani 1993; Koehn 2004 for NLP). A dev split of 100
 * articles whose victims come up to nine to an article gives a victim-type accuracy that one
 * article's reading moves by points; the interval says how much, so a gap to a published figure
 * can be read against it. Documents, not items, are resampled: the items of one document stand
 * or fall together.
 */

export interface Interval {
  low: number;
  high: number;
}

/**
 * The central `level` interval of each score over `draws` resamples (with replacement) of
 * `docs`; `score` computes every score of one sample. Seeded, so a report prints the same
 * interval each run.
 */
export function bootstrap<T>(docs: readonly T[], score: (sample: readonly T[]) => Record<string, number>, draws = 1000, level = 0.95, seed = 1): Record<string, Interval> {
  if (docs.length === 0) return {};
  const random = seededRandom(seed);
  const values = new Map<string, number[]>();
  for (let d = 0; d < draws; d++) {
    const sample = Array.from({ length: docs.length }, () => docs[Math.floor(random() * docs.length)]!);
    for (const [k, v] of Object.entries(score(sample))) {
      const list = values.get(k) ?? [];
      list.push(v);
      values.set(k, list);
    }
  }
  const tail = (1 - level) / 2;
  const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
  return Object.fromEntries(
    [...values].map(([k, list]) => {
      const sorted = list.sort((a, b) => a - b);
      return [k, { low: at(sorted, tail), high: at(sorted, 1 - tail) }];
    }),
  );
}
