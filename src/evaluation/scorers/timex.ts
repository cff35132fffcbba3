import type { PRF } from './prf.js';

/**
 * The TempEval-3 entity metric for TIMEX3 (UzZaman et al. 2013, TE3-evaluation.py): strict match
 * is the exact extent; relaxed match is any overlap; type and value accuracy are counted over the
 * relaxed matches, and their F1 is the relaxed F1 times that accuracy.
 */

export interface ScoredTimex {
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface TimexScore {
  strict: PRF;
  relaxed: PRF;
  typeAccuracy: number;
  valueAccuracy: number;
  typeF1: number;
  valueF1: number;
}

export class TimexScorer {
  private system = 0;
  private gold = 0;
  private strictSystem = 0;
  private strictGold = 0;
  private relaxedSystem = 0;
  private relaxedGold = 0;
  private matched = 0;
  private typeRight = 0;
  private valueRight = 0;
  /** Relaxed matches whose value is wrong, for error analysis. */
  readonly wrongValues: { gold: ScoredTimex & { text: string }; system: ScoredTimex & { text: string } }[] = [];
  readonly missed: (ScoredTimex & { text: string })[] = [];
  readonly spurious: (ScoredTimex & { text: string })[] = [];

  add(gold: (ScoredTimex & { text: string })[], system: (ScoredTimex & { text: string })[]): void {
    this.gold += gold.length;
    this.system += system.length;
    const overlap = (a: ScoredTimex, b: ScoredTimex): boolean => a.start < b.end && b.start < a.end;
    for (const s of system) {
      if (gold.some((g) => g.start === s.start && g.end === s.end)) this.strictSystem++;
      if (gold.some((g) => overlap(g, s))) this.relaxedSystem++;
      else this.spurious.push(s);
    }
    for (const g of gold) {
      if (system.some((s) => s.start === g.start && s.end === g.end)) this.strictGold++;
      const s = system.find((x) => overlap(g, x));
      if (!s) {
        this.missed.push(g);
        continue;
      }
      this.relaxedGold++;
      this.matched++;
      if (s.type === g.type) this.typeRight++;
      if (s.value === g.value) this.valueRight++;
      else this.wrongValues.push({ gold: g, system: s });
    }
  }

  score(): TimexScore {
    const f = (sys: number, gold: number): PRF => {
      const p = this.system ? sys / this.system : 0;
      const r = this.gold ? gold / this.gold : 0;
      return { tp: gold, fp: this.system - sys, fn: this.gold - gold, precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
    };
    const strict = f(this.strictSystem, this.strictGold);
    const relaxed = f(this.relaxedSystem, this.relaxedGold);
    const typeAccuracy = this.matched ? this.typeRight / this.matched : 0;
    const valueAccuracy = this.matched ? this.valueRight / this.matched : 0;
    return { strict, relaxed, typeAccuracy, valueAccuracy, typeF1: relaxed.f1 * typeAccuracy, valueF1: relaxed.f1 * valueAccuracy };
  }
}
