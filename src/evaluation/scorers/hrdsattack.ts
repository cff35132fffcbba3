import type { HrdLabels } from '../../corpora/readers/hrdsattack.js';

/**
 * The HRDsAttack metric (Ran et al. 2023, as their evaluation code `src/models/utils.py` computes
 * it): violation types as multi-label micro P/R/F1, with an empty prediction read as ["unknown"]
 * and "unknown" dropped from a gold list that has other types; perpetrator mention as F1 of the
 * positive class; victim names as exact and fuzzy (either name inside the other) P/R/F1 over the
 * named gold victims; the victim attributes as accuracy over the named gold victims the system
 * was asked about (`askedAbout`), the gold
 * types taken as the annotated set ("journalist" with "insufficient information" is both) and an
 * empty predicted set read as "insufficient information"; perpetrator type, country, region,
 * city, year, month and day as exact-match accuracy over articles.
 *
 * In that code a gold "none" (no region, no day…) is Python's None while the model's answer is
 * always a string ("None"), so an article with no gold value counts against every system: the
 * paper's region 3 % and day 14 % are over all articles, three quarters of which have no gold
 * region. `noneMatches` scores a "none" answer to a "none" gold as right instead, which is the
 * natural reading of "accuracy" but not the paper's; it is reported beside, never in its place.
 */

export interface HrdScorerOptions {
  /** A "none" answer to a "none" gold counts as right (not the paper's metric). */
  noneMatches?: boolean;
}

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
/** The columns scored as exact-match accuracy over articles. */
const EXACT = ['perpetratorType', 'country', 'region', 'city', 'year', 'month', 'day'] as const;

/** The evaluation code's normalisation of a gold place: "N/A" and "None" are None; "unknown" is a value. */
const norm = (s: string | null): string | null => (s === null || /^(none|n\/a|)$/i.test(s.trim()) ? null : s.trim());

/**
 * The evaluation code's de-duplication of predicted names: walking from the last name back, a name
 * inside one already kept is dropped ("Venn" before "Dara Venn" counts once).
 */
function distinctNames(names: readonly string[]): string[] {
  const kept: string[] = [];
  for (const n of [...names].reverse()) if (!kept.some((k) => k.includes(n))) kept.push(n);
  return kept.reverse();
}
/**
 * The paper's code scores a victim's attributes only for the gold victims its model was asked
 * about, and asks only about those whose name stands verbatim in the text the model reads
 * (`victim[0] in truncated_text`: for T5, the article's first 512 tokens). This keeps a
 * prediction's attributes for the gold names `read` holds, so a system is scored on the
 * victims it read, as T5 was.
 */
export function askedAbout(prediction: HrdPrediction, read: string): HrdPrediction {
  return { ...prediction, victimAttributes: new Map([...prediction.victimAttributes].filter(([name]) => read.includes(name))) };
}

export class HrdScorer {
  private n = 0;
  private vt = { sys: 0, gold: 0, hit: 0 };
  private perp = { sys: 0, gold: 0, hit: 0 };
  private names = { sys: 0, gold: 0, exact: 0, fuzzy: 0 };
  private victims = { n: 0, type: 0, population: 0, sex: 0, age: 0 };
  private exact: Record<(typeof EXACT)[number], number> = { perpetratorType: 0, country: 0, region: 0, city: 0, year: 0, month: 0, day: 0 };

  constructor(private readonly options: HrdScorerOptions = {}) {}

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
    const sysNames = distinctNames(sys.victimNames);
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
      const pt = new Set(p.type.length ? p.type : ['insufficient information']);
      if (gt.size === pt.size && [...gt].every((x) => pt.has(x))) this.victims.type++;
      if (v.populationType === p.populationType) this.victims.population++;
      if (v.sex === p.sex) this.victims.sex++;
      if (v.ageGroup === p.ageGroup) this.victims.age++;
    }
    const value = (x: string | number | null) => (x === null || typeof x === 'number' ? x : norm(x));
    const same = (gold: string | number | null, sys: string | number | null) => {
      const g = value(gold);
      return g === null ? Boolean(this.options.noneMatches) && value(sys) === null : g === value(sys);
    };
    for (const k of EXACT) if (same(gold[k], sys[k])) this.exact[k]++;
  }

  /** How many gold victims the attributes were scored on. */
  get victimsScored(): number {
    return this.victims.n;
  }

  score(): Record<string, number> {
    const prf = (o: { sys: number; gold: number; hit: number }) => f1(o.sys ? o.hit / o.sys : 0, o.gold ? o.hit / o.gold : 0);
    const acc = (k: number, n: number) => (n ? k / n : 0);
    return {
      violationF1: prf(this.vt),
      perpetratorF1: prf(this.perp),
      perpetratorType: acc(this.exact.perpetratorType, this.n),
      victimExactF1: prf({ sys: this.names.sys, gold: this.names.gold, hit: this.names.exact }),
      victimFuzzyF1: prf({ sys: this.names.sys, gold: this.names.gold, hit: this.names.fuzzy }),
      victimType: acc(this.victims.type, this.victims.n),
      victimPopulation: acc(this.victims.population, this.victims.n),
      victimSex: acc(this.victims.sex, this.victims.n),
      victimAge: acc(this.victims.age, this.victims.n),
      country: acc(this.exact.country, this.n),
      region: acc(this.exact.region, this.n),
      city: acc(this.exact.city, this.n),
      year: acc(this.exact.year, this.n),
      month: acc(this.exact.month, this.n),
      day: acc(this.exact.day, this.n),
    };
  }
}
