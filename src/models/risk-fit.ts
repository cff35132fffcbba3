import type { Doc } from '../text/doc.js';
import type { Entity } from '../text/types.js';
import { AT_RISK_KINDS, nameMentions } from '../text/types.js';
import { Classifier } from '../extractors/learn/linear.js';
import type { TrainOptions } from '../extractors/learn/linear.js';
import { NO, YES, binary } from '../extractors/risk/model.js';
import type { Feat } from '../extractors/risk/features.js';
import { personFeatures, reportFeatures } from '../extractors/risk/features.js';
import type { RiskReport } from './risk-corpus.js';

/**
 * What the risk models learn from, and the measures that choose their settings: the examples
 * from a report's reading and its labels, k-fold cross-validation grouped by report (a report's
 * people never sit on both sides of a fold), AUC and precision/recall at a threshold.
 */

export interface PersonExample {
  report: number;
  entity: Entity;
  /** True: a victim the annotators typed (at risk); false: anyone else the report names. */
  atRisk: boolean;
  /** The victim's HRDsAttack types, when at risk. */
  types: string[];
  feats: Feat[];
  /** An event befalls them: the people a case could be opened for. */
  target: boolean;
}

/** The person entity a victim's name names: the same name, or a naming inside it ("Velk" of "Mara Velk"). */
export function entityNamed(doc: Doc, name: string): Entity | undefined {
  const persons = doc.entities.filter((e) => e.type === 'PERSON' && nameMentions(e).length > 0);
  return (
    persons.find((e) => e.name === name) ??
    persons.find((e) => nameMentions(e).some((m) => m.text === name)) ??
    persons.find((e) => nameMentions(e).some((m) => m.text.length >= 4 && (name.includes(m.text) || m.text.includes(name))))
  );
}

/** HRDsAttack's victim type for one of our kinds at risk (the type model learns HRDsAttack's three). */
const HRD_TYPE: Record<string, string> = { journalist: 'journalist', trade_unionist: 'trade unionist' };

/** Every person entity one of a name's forms names (coreference may have left a person split in two). */
function entitiesNamed(doc: Doc, forms: readonly string[]): Entity[] {
  return forms.flatMap((f) => {
    const e = entityNamed(doc, f);
    return e ? [e] : [];
  });
}

/** The kinds at risk that a describing word names: what makes a person "sounds at risk". */
export const soundsAtRisk = (feats: readonly Feat[]): boolean => feats.some((f) => f.name.startsWith('kind-') && AT_RISK_KIND_NAMES.has(f.name.slice(f.name.indexOf('=') + 1)));
const AT_RISK_KIND_NAMES = new Set<string>(AT_RISK_KINDS);

/**
 * The people of one report as examples. Where our case gold covers the report, it decides: its
 * cases are at risk, everyone else is not. Elsewhere HRDsAttack's victims are at risk; its victims
 * of no known type ("insufficient information") are left out, and so is anyone else an attack
 * befalls whom the report describes as a journalist, activist or the like: HRDsAttack names a
 * report's main victims only, and such a person is as likely an unnamed victim as not.
 */
export function personExamples(doc: Doc, report: RiskReport, index: number, relevance: number): PersonExample[] {
  const known = new Map<string, string[]>();
  const unknown = new Set<string>();
  if (report.gold) {
    for (const c of report.gold.cases) for (const e of entitiesNamed(doc, c.forms)) known.set(e.id, [...(known.get(e.id) ?? []), ...c.kinds.map((k) => HRD_TYPE[k] ?? 'human rights defender')]);
  } else {
    for (const v of report.victims) {
      const e = entityNamed(doc, v.name);
      if (!e) continue;
      if (v.types.length > 0) known.set(e.id, [...(known.get(e.id) ?? []), ...v.types]);
      else unknown.add(e.id);
    }
  }
  return doc.entities
    .filter((e) => e.type === 'PERSON' && nameMentions(e).length > 0 && (known.has(e.id) || !unknown.has(e.id)))
    .map((e) => {
      const feats = personFeatures(doc, e, { score: relevance });
      return { report: index, entity: e, atRisk: known.has(e.id), types: [...new Set(known.get(e.id) ?? [])].filter((t) => t !== 'invented'), feats, target: feats.some((f) => f.name === 'target') };
    })
    .filter((p) => p.atRisk || report.gold || report.source !== 'hrdsattack' || !(p.feats.some((f) => f.name === 'victim') && soundsAtRisk(p.feats)));
}

export const fitBinary = (examples: readonly { feats: readonly Feat[]; yes: boolean }[], opts: TrainOptions): Classifier =>
  Classifier.train(
    examples.map((e) => ({ feats: e.feats.map((f) => f.name), label: e.yes ? YES : NO })),
    opts,
  );

/** The examples as a fit should count them: each `weight(e)` times (a whole number; 1 when no weight is given). */
export function weighted<T>(examples: readonly T[], weight?: (e: T) => number): T[] {
  return weight ? examples.flatMap((e) => Array.from({ length: Math.max(1, Math.round(weight(e))) }, () => e)) : [...examples];
}

/** Out-of-fold P(yes) for every example: `k` folds over reports (report index mod k); each fit counts an example `weight` times. */
export function outOfFold<T extends { feats: readonly Feat[]; yes: boolean; report: number }>(examples: readonly T[], opts: TrainOptions, k = 5, weight?: (e: T) => number): number[] {
  const scores = new Array<number>(examples.length).fill(0);
  for (let fold = 0; fold < k; fold++) {
    const clf = fitBinary(
      weighted(
        examples.filter((e) => e.report % k !== fold),
        weight,
      ),
      opts,
    );
    examples.forEach((e, i) => {
      if (e.report % k === fold) scores[i] = binary(clf, e.feats).score;
    });
  }
  return scores;
}

/** The area under the ROC curve: the chance a positive outranks a negative (ties count half). */
export function auc(scores: readonly number[], gold: readonly boolean[]): number {
  const order = scores.map((s, i) => ({ s, y: gold[i]! })).sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let pos = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]!.s === order[i]!.s) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (order[k]!.y) [rankSum, pos] = [rankSum + rank, pos + 1];
    i = j;
  }
  const neg = order.length - pos;
  return pos === 0 || neg === 0 ? NaN : (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface AtThreshold {
  threshold: number;
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

export function atThreshold(scores: readonly number[], gold: readonly boolean[], threshold: number): AtThreshold {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    if (s >= threshold && gold[i]) tp++;
    else if (s >= threshold) fp++;
    else if (gold[i]) fn++;
  });
  return { threshold, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, tp, fp, fn };
}

const GRID = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

/** The lowest threshold whose precision reaches `precision` (the most recall at that precision), else the best-precision one. */
export function thresholdForPrecision(scores: readonly number[], gold: readonly boolean[], precision: number): AtThreshold {
  const all = GRID.map((t) => atThreshold(scores, gold, t));
  return all.find((r) => r.precision >= precision && r.tp > 0) ?? all.reduce((a, b) => (b.precision > a.precision ? b : a));
}

/** The lower end of the one-sided 95 % Wilson interval of a precision of `tp` in `n` cases opened. */
export function precisionLowerBound(tp: number, n: number, z = 1.645): number {
  if (!n) return 0;
  const p = tp / n;
  const z2 = z * z;
  return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

/**
 * The lowest threshold at which even the lower end of the precision's 95 % interval reaches
 * `precision`: a few hundred people decide a point estimate, and the cut it picked moved from
 * 0.57 to 0.68 between retrainings on nearly the same reading. When no threshold reaches it, the
 * one with the best point precision (as `thresholdForPrecision` does).
 */
export function thresholdForPrecisionBound(scores: readonly number[], gold: readonly boolean[], precision: number): AtThreshold {
  const all = GRID.map((t) => atThreshold(scores, gold, t));
  return all.find((r) => r.tp > 0 && precisionLowerBound(r.tp, r.tp + r.fp) >= precision) ?? all.reduce((a, b) => (b.precision > a.precision ? b : a));
}

/** The highest threshold whose recall still reaches `recall`. */
export function thresholdForRecall(scores: readonly number[], gold: readonly boolean[], recall: number): AtThreshold {
  const all = GRID.map((t) => atThreshold(scores, gold, t));
  return [...all].reverse().find((r) => r.recall >= recall) ?? all[0]!;
}

/** The threshold with the best F-beta (beta 1: F1; 0.5: precision weighs twice recall). */
export function bestF(scores: readonly number[], gold: readonly boolean[], beta: number): AtThreshold {
  const b2 = beta * beta;
  const f = (r: AtThreshold) => (r.precision + r.recall ? ((1 + b2) * r.precision * r.recall) / (b2 * r.precision + r.recall) : 0);
  return GRID.map((t) => atThreshold(scores, gold, t)).reduce((a, b) => (f(b) > f(a) ? b : a));
}

export const reportExample = (doc: Doc, report: RiskReport, index: number) => ({ feats: reportFeatures(doc), yes: report.relevant, report: index });
