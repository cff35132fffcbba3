import type { HrdLabels } from '../../corpora/readers/hrdsattack.js';

/**
 * The HRDsAttack metric (Ran et al. 2023, as their evaluation code computes it): violation types
 * as multi-label micro P/R/F1, with an empty prediction read as ["unknown"] and "unknown" dropped
 * from a gold list that has other types; perpetrator mention as F1 of the positive class; victim
 * names as exact and fuzzy (either name inside the other) P/R/F1 over the named gold victims; the
 * victim attributes as accuracy over the named gold victims; perpetrator type, country, region,
 * city, year, month and day as exact-match accuracy over articles, where "none" matches "none".
 */

export interface HrdVictimPrediction {
  type: string[];
  populationType: string | null;
  sex: string | null;
  ageGroup: string | null;
}

export interface HrdPrediction extends Omit<HrdLabels, 'victims'> {
  victimNames: string[];
  /** Attributes predicted for each named gold victim (the paper scores them on gold names). */
  victimAttributes: Map<string, HrdVictimPrediction>;
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const norm = (s: string | null): string | null => (s === null || /^(none|n\/a|unknown|)$/i.test(s.trim()) ? null : s.trim());

export class HrdScorer {
  private n = 0;
  private vt = { sys: 0, gold: 0, hit: 0 };
  private perp = { sys: 0, gold: 0, hit: 0 };
  private names = { sys: 0, gold: 0, exact: 0, fuzzy: 0 };
  private victims = { n: 0, type: 0, population: 0, sex: 0, age: 0 };
  private exact: Record<string, number> = { perpetratorType: 0, country: 0, region: 0, city: 0, year: 0, month: 0, day: 0 };

  add(gold: HrdLabels, sys: HrdPrediction): void {
    this.n++;
    const g = new Set(gold.violationTypes);
    if (g.size > 1) g.delete('unknown');
    const s = new Set(sys.violationTypes.length ? sys.violationTypes : ['unknown']);
    this.vt.sys += s.size;
    this.vt.gold += g.size;
    for (const x of s) if (g.has(x)) this.vt.hit++;
    if (sys.perpetratorMention) this.perp.sys++;
    if (gold.perpetratorMention) this.perp.gold++;
    if (sys.perpetratorMention && gold.perpetratorMention) this.perp.hit++;
    const goldNames = gold.victims.map((v) => v.name).filter((x): x is string => Boolean(x));
    // a predicted name inside a later predicted name counts once
    const sysNames = sys.victimNames.filter((n, i, all) => !all.some((m, j) => j !== i && m !== n && m.includes(n)));
    this.names.sys += sys.victimNames.length;
    this.names.gold += goldNames.length;
    for (const n of sysNames) {
      if (goldNames.includes(n)) this.names.exact++;
      if (goldNames.some((gn) => gn.includes(n) || n.includes(gn))) this.names.fuzzy++;
    }
    for (const v of gold.victims) {
      if (!v.name) continue;
      const p = sys.victimAttributes.get(v.name);
      if (!p) continue;
      this.victims.n++;
      const gt = new Set(v.type);
      if (gt.size > 1) gt.delete('insufficient information');
      const pt = new Set(p.type.length ? p.type : ['insufficient information']);
      if (gt.size === pt.size && [...gt].every((x) => pt.has(x))) this.victims.type++;
      if (v.populationType === p.populationType) this.victims.population++;
      if (v.sex === p.sex) this.victims.sex++;
      if (v.ageGroup === p.ageGroup) this.victims.age++;
    }
    const same = (a: string | number | null, b: string | number | null) => (a === null || typeof a === 'number' ? a : norm(a)) === (b === null || typeof b === 'number' ? b : norm(b));
    if (same(gold.perpetratorType, sys.perpetratorType)) this.exact.perpetratorType!++;
    if (same(gold.country, sys.country)) this.exact.country!++;
    if (same(gold.region, sys.region)) this.exact.region!++;
    if (same(gold.city, sys.city)) this.exact.city!++;
    if (gold.year === sys.year) this.exact.year!++;
    if (gold.month === sys.month) this.exact.month!++;
    if (gold.day === sys.day) this.exact.day!++;
  }

  score(): Record<string, number> {
    const prf = (o: { sys: number; gold: number; hit: number }) => f1(o.sys ? o.hit / o.sys : 0, o.gold ? o.hit / o.gold : 0);
    const acc = (k: number, n: number) => (n ? k / n : 0);
    return {
      violationF1: prf(this.vt),
      perpetratorF1: prf(this.perp),
      perpetratorType: acc(this.exact.perpetratorType!, this.n),
      victimExactF1: prf({ sys: this.names.sys, gold: this.names.gold, hit: this.names.exact }),
      victimFuzzyF1: prf({ sys: this.names.sys, gold: this.names.gold, hit: this.names.fuzzy }),
      victimType: acc(this.victims.type, this.victims.n),
      victimPopulation: acc(this.victims.population, this.victims.n),
      victimSex: acc(this.victims.sex, this.victims.n),
      victimAge: acc(this.victims.age, this.victims.n),
      country: acc(this.exact.country!, this.n),
      region: acc(this.exact.region!, this.n),
      city: acc(this.exact.city!, this.n),
      year: acc(this.exact.year!, this.n),
      month: acc(this.exact.month!, this.n),
      day: acc(this.exact.day!, this.n),
    };
  }
}
