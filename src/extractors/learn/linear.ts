/**
 * A log-linear (maximum entropy) model over named features, for the few hundred documents of
 * HRDsAttack's training split (the evaluation adapter) and the risk component's person and
 * report models (`extractors/risk/`): each decision is a choice among options — the labels of a
 * classifier ("which perpetrator type?") or the candidates of a ranker ("which of the countries
 * the report names is the attack's?") — with probability ∝ exp(w·f(option)). Trained by full-batch
 * gradient ascent on the L2-penalised log-likelihood with AdaGrad steps: on 300 documents a
 * perceptron overfits the rare labels, a penalised likelihood does not. Named rather than hashed
 * features keep the weights readable when a column goes wrong.
 */

export type Features = readonly string[];

/** One option a ranker chooses among: a value and the features that describe it. */
export interface Candidate<T> {
  value: T;
  feats: Features;
}

/** A count as a feature value: the first cut it does not exceed ("2"), or past the last (">8"). */
export const bin = (n: number, cuts: readonly number[]): string => {
  const i = cuts.findIndex((c) => n <= c);
  return i < 0 ? `>${cuts[cuts.length - 1]}` : `${cuts[i]}`;
};

export interface TrainOptions {
  /** Full-batch gradient steps. */
  iterations?: number;
  /** L2 penalty per weight. */
  l2?: number;
  rate?: number;
}

interface Decision {
  options: readonly Features[];
  /** Indexes of the right options (a ranker's report may name its country twice). */
  right: readonly number[];
}

class LogLinear {
  readonly w = new Map<string, number>();

  score(feats: Features): number {
    let s = 0;
    for (const f of feats) s += this.w.get(f) ?? 0;
    return s;
  }

  fit(decisions: readonly Decision[], opts: TrainOptions): void {
    // features as dense indexes: the gradient loop touches arrays, not maps
    const rate = opts.rate ?? 0.5;
    const l2 = opts.l2 ?? 0.05;
    const index = new Map<string, number>();
    const id = (f: string) => index.get(f) ?? (index.set(f, index.size), index.size - 1);
    const data = decisions
      .filter((d) => d.right.length > 0)
      .map((d) => ({ options: d.options.map((o) => Int32Array.from(o, id)), right: new Set(d.right) }));
    // a label's bias is not penalised: how common a label is, is not overfitting
    const penalty = new Float64Array(index.size);
    for (const [f, i] of index) penalty[i] = f.endsWith(BIAS) ? 0 : l2;
    const w = new Float64Array(index.size);
    const g2 = new Float64Array(index.size);
    const grad = new Float64Array(index.size);
    for (let it = 0; it < (opts.iterations ?? 150); it++) {
      for (let f = 0; f < w.length; f++) grad[f] = -penalty[f]! * w[f]!;
      for (const d of data) {
        const scores = d.options.map((o) => o.reduce((a, f) => a + w[f]!, 0));
        const top = Math.max(...scores);
        const p = scores.map((s) => Math.exp(s - top));
        const z = p.reduce((a, b) => a + b, 0);
        let zRight = 0;
        for (const i of d.right) zRight += p[i]!;
        // ∂ log Σ_right p / ∂w = E_right[f] − E_all[f]
        d.options.forEach((o, i) => {
          const x = (d.right.has(i) ? p[i]! / zRight : 0) - p[i]! / z;
          if (x !== 0) for (const f of o) grad[f]! += x;
        });
      }
      for (let f = 0; f < w.length; f++) {
        const g = grad[f]!;
        g2[f]! += g * g;
        if (g2[f]! > 0) w[f]! += (rate * g) / Math.sqrt(g2[f]!);
      }
    }
    for (const [f, i] of index) if (w[i] !== 0) this.w.set(f, w[i]!);
  }
}

const BIAS = '\u0000bias';
const keyed = (label: string, feats: Features): string[] => [`${label}${BIAS}`, ...feats.map((f) => `${label}\u0000${f}`)];

/** One label of several for a set of features; labels are plain strings ("state actor"). */
export class Classifier {
  private readonly model = new LogLinear();

  private constructor(readonly labels: readonly string[]) {}

  /** The weights as plain data, for a model file: labels and [feature, label index, weight] rows. */
  toJSON(): { labels: string[]; weights: [string, number, number][] } {
    const weights: [string, number, number][] = [];
    for (const [key, w] of this.model.w) {
      const cut = key.indexOf('\u0000');
      weights.push([key.slice(cut + 1), this.labels.indexOf(key.slice(0, cut)), Math.round(w * 1e5) / 1e5]);
    }
    return { labels: [...this.labels], weights };
  }

  static fromJSON(json: { labels: string[]; weights: [string, number, number][] }): Classifier {
    const clf = new Classifier(json.labels);
    for (const [feat, label, w] of json.weights) clf.model.w.set(`${json.labels[label]}\u0000${feat}`, w);
    return clf;
  }

  /** A feature's weight for a label (0 when unseen): what it adds to that label's score. */
  weight(label: string, feat: string): number {
    return this.model.w.get(`${label}\u0000${feat}`) ?? 0;
  }

  static train(examples: readonly { feats: Features; label: string }[], opts: TrainOptions = {}): Classifier {
    const clf = new Classifier([...new Set(examples.map((e) => e.label))].sort());
    clf.model.fit(
      examples.map((e) => ({ options: clf.labels.map((l) => keyed(l, e.feats)), right: [clf.labels.indexOf(e.label)] })),
      opts,
    );
    return clf;
  }

  /** Each label's probability. */
  probabilities(feats: Features): Map<string, number> {
    const s = this.labels.map((l) => this.model.score(keyed(l, feats)));
    const top = Math.max(...s);
    const e = s.map((x) => Math.exp(x - top));
    const z = e.reduce((a, b) => a + b, 0);
    return new Map(this.labels.map((l, i) => [l, e[i]! / z]));
  }

  /** The most probable label of those `allowed` admits, or undefined when it admits none. */
  best(feats: Features, allowed: (label: string) => boolean): string | undefined {
    let best: string | undefined;
    let top = -Infinity;
    for (const [l, p] of this.probabilities(feats)) if (allowed(l) && p > top) [best, top] = [l, p];
    return best;
  }

  predict(feats: Features): string {
    return this.best(feats, () => true) ?? this.labels[0]!;
  }
}

/** Picks one candidate of several, each described by its own features. */
export class Ranker {
  private readonly model = new LogLinear();

  static train<T>(groups: readonly { candidates: readonly { feats: Features; value: T }[]; gold: (value: T) => boolean }[], opts: TrainOptions = {}): Ranker {
    const r = new Ranker();
    // a report whose gold answer is among none of its candidates teaches nothing here
    r.model.fit(
      groups.map((g) => ({ options: g.candidates.map((c) => c.feats), right: g.candidates.flatMap((c, i) => (g.gold(c.value) ? [i] : [])) })),
      opts,
    );
    return r;
  }

  best<C extends { feats: Features }>(candidates: readonly C[]): C | undefined {
    let best: C | undefined;
    let top = -Infinity;
    for (const c of candidates) {
      const s = this.model.score(c.feats);
      if (s > top) [best, top] = [c, s];
    }
    return best;
  }
}
