/** Precision, recall and F1 counted per label and micro-averaged over all, as conlleval does. */

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export class PRFCounter {
  private readonly counts = new Map<string, { tp: number; fp: number; fn: number }>();

  private cell(label: string): { tp: number; fp: number; fn: number } {
    let c = this.counts.get(label);
    if (!c) this.counts.set(label, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  }

  add(label: string, tp: number, fp: number, fn: number): void {
    const c = this.cell(label);
    c.tp += tp;
    c.fp += fp;
    c.fn += fn;
  }

  /**
   * Compares predicted and gold items of one document by key: an item counts as a true positive
   * only when the same key (e.g. "start:end:TYPE") is in both. Duplicates are counted once.
   */
  compare(predicted: Iterable<{ key: string; label: string }>, gold: Iterable<{ key: string; label: string }>): void {
    const p = new Map<string, string>();
    for (const x of predicted) p.set(x.key, x.label);
    const g = new Map<string, string>();
    for (const x of gold) g.set(x.key, x.label);
    for (const [key, label] of p) {
      if (g.has(key)) this.add(label, 1, 0, 0);
      else this.add(label, 0, 1, 0);
    }
    for (const [key, label] of g) if (!p.has(key)) this.add(label, 0, 0, 1);
  }

  labels(): string[] {
    return [...this.counts.keys()].sort();
  }

  score(label: string): PRF {
    const c = this.counts.get(label) ?? { tp: 0, fp: 0, fn: 0 };
    return prf(c.tp, c.fp, c.fn);
  }

  micro(): PRF {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const c of this.counts.values()) {
      tp += c.tp;
      fp += c.fp;
      fn += c.fn;
    }
    return prf(tp, fp, fn);
  }
}

/** Accuracy with its counts. */
export interface Accuracy {
  correct: number;
  total: number;
  accuracy: number;
}

export function accuracy(correct: number, total: number): Accuracy {
  return { correct, total, accuracy: total === 0 ? 0 : correct / total };
}
