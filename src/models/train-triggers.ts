import { createDefaultPipeline } from '../extractors/default.js';
import { loadLexicon } from '../extractors/events/lexicon.js';
import { findTriggers } from '../extractors/events/triggers.js';
import { loadClusters } from '../extractors/learn/clusters.js';
import { Classifier } from '../extractors/learn/linear.js';
import { NONE, TRIGGERS_MODEL, TriggerModel, isCandidate, ruledTokens, triggerFeatures } from '../extractors/learned-triggers/index.js';
import { Tree } from '../extractors/syntax/tree.js';
import type { EventType } from '../text/types.js';
import { inventedReports, riskReports, type RiskReport } from './risk-corpus.js';
import { readReports } from './risk-read.js';
import type { TrainOptions } from './train-options.js';

/**
 * `npm run train -- triggers [--from invented|all]`: the learned-triggers model. Labels come from
 * our case gold of training reports (HRDsAttack train and invented train): a candidate word (one
 * no rule trigger took) inside a gold event's trigger offsets is that event's type, every other
 * candidate none. The gold marks the events of people at risk only, so an arrest of a suspect is
 * a "none": the model learns the events our cases are made of. Dev is never read here.
 *
 * The threshold is chosen out of fold (five folds over reports): the one, of those at which the
 * words the model adds are the gold's own, of the right type, at least PRECISION of the time on
 * all the reports and on the HRDsAttack reports alone, that finds the most; a type it adds below
 * that precision is left to the rules. Session 39 found none: the model learns the invented
 * reports' words (68 % precision out of fold), while on real reports what it adds is the gold's
 * 8–38 % of the time (see README), so no model is written and the rules stand alone.
 */

const ITERATIONS = 100;
const L2 = 1;
const PRECISION = 0.6;
/** Candidates that tell no event are many: a share of them, drawn by a fixed rule, is enough to learn from (and counted back when precision is measured). */
const NEGATIVE_SHARE = 4;
const MIN_TYPE_HITS = 5;
const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

interface Example {
  feats: string[];
  label: string;
  report: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
/** A gold trigger long enough to be a clause ("loading the demonstrators into two pick-ups") labels none of its words: which one is the trigger is not said. */
const MAX_TRIGGER_CHARS = 40;

/** One report's candidates with their labels: every positive, and every NEGATIVE_SHARE-th negative. */
export function labelledCandidates(tree: Tree, gold: NonNullable<RiskReport['gold']>, report: number, clusters: ReturnType<typeof loadClusters>): Example[] {
  const taken = ruledTokens(findTriggers(tree, loadLexicon()));
  const spans = gold.cases.flatMap((c) => c.events).filter((e) => e.end - e.start <= MAX_TRIGGER_CHARS);
  const out: Example[] = [];
  let negatives = 0;
  tree.doc.tokens.forEach((t, i) => {
    if (taken.has(i) || !isCandidate(tree, i)) return;
    const g = spans.find((e) => overlaps(e, t));
    if (!g && negatives++ % NEGATIVE_SHARE !== 0) return;
    out.push({ feats: triggerFeatures(tree, i, clusters), label: g ? g.type : NONE, report });
  });
  return out;
}

const fit = (examples: readonly Example[]) => Classifier.train(examples, { iterations: ITERATIONS, l2: L2 });

/** The best non-NONE type of each held-out example, from five folds. */
function outOfFold(examples: readonly Example[], log: (m: string) => void): { type: string; p: number }[] {
  const oof = examples.map(() => ({ type: NONE, p: 0 }));
  for (let k = 0; k < 5; k++) {
    const model = new TriggerModel(fit(examples.filter((e) => e.report % 5 !== k)), 0, []);
    examples.forEach((e, i) => {
      if (e.report % 5 === k) oof[i] = model.read(e.feats);
    });
    log(`fold ${k + 1}/5`);
  }
  return oof;
}

/** Precision of what the model adds at threshold `t`, counting each sampled negative for the share it stands for. */
function precisionAt(examples: readonly Example[], oof: readonly { type: string; p: number }[], t: number, types?: ReadonlySet<string>): { precision: number; hits: number; recall: number } {
  let hits = 0;
  let wrong = 0;
  const positives = examples.filter((e) => e.label !== NONE).length;
  examples.forEach((e, i) => {
    const o = oof[i]!;
    if (o.p < t || (types && !types.has(o.type))) return;
    if (e.label === o.type) hits++;
    else wrong += e.label === NONE ? NEGATIVE_SHARE : 1;
  });
  return { precision: hits + wrong ? hits / (hits + wrong) : 0, hits, recall: positives ? hits / positives : 0 };
}

export function trainTriggers(o: TrainOptions): void {
  const log = (m: string) => process.stderr.write(`[triggers] ${m}\n`);
  const from = o.from ?? 'all';
  const reports = [...(from === 'invented' ? [] : riskReports('train', o.dataDir).filter((r) => r.source === 'hrdsattack' && r.gold)), ...inventedReports('train')];
  log(`${reports.length} training reports with case gold (${from})`);
  const docs = readReports(reports, createDefaultPipeline('quotes'), log);
  const clusters = loadClusters();
  const examples = reports.flatMap((r, i) => labelledCandidates(new Tree(docs[i]!), r.gold!, i, clusters));
  log(`${examples.length} candidates (${examples.filter((e) => e.label !== NONE).length} gold triggers the rules missed; 1 in ${NEGATIVE_SHARE} of the rest)`);
  const oof = outOfFold(examples, log);
  // the types the model tells well enough, then the lowest threshold at which they together do, on
  // all the reports and on the real ones alone (invented reports are easier: a pooled precision can
  // be reached on them alone, as the risk policy found)
  const labels = [...new Set(examples.map((e) => e.label))].filter((l) => l !== NONE);
  const real = new Set(reports.flatMap((r, i) => (r.source === 'hrdsattack' ? [i] : [])));
  const realIdx = examples.flatMap((e, i) => (real.has(e.report) ? [i] : []));
  let chosen: { t: number; types: string[]; precision: number; recall: number; real: number | null } | undefined;
  for (const t of THRESHOLDS) {
    const types = labels.filter((l) => {
      const r = precisionAt(examples, oof, t, new Set([l]));
      return r.hits >= MIN_TYPE_HITS && r.precision >= PRECISION;
    });
    const all = precisionAt(examples, oof, t, new Set(types));
    const onReal = realIdx.length ? precisionAt(realIdx.map((i) => examples[i]!), realIdx.map((i) => oof[i]!), t, new Set(types)) : undefined;
    log(`threshold ${t}: types ${types.join(',') || 'none'}; precision ${pct(all.precision)}, recall of the missed ${pct(all.recall)}${onReal ? `; HRDsAttack reports alone ${pct(onReal.precision)}, recall ${pct(onReal.recall)}` : ''}`);
    const good = types.length > 0 && all.precision >= PRECISION && (!onReal || onReal.precision >= PRECISION);
    if (good && (!chosen || all.recall > chosen.recall)) chosen = { t, types, precision: all.precision, recall: all.recall, real: onReal?.precision ?? null };
  }
  if (!chosen) {
    log(`no threshold reaches ${PRECISION * 100} % precision out of fold${realIdx.length ? ', pooled and on HRDsAttack reports alone' : ''}: no model written`);
    return;
  }
  log(`chosen: threshold ${chosen.t}, types ${chosen.types.join(',')}; out of fold precision ${pct(chosen.precision)}, recall ${pct(chosen.recall)}`);
  const model = new TriggerModel(fit(examples), chosen.t, chosen.types as EventType[]);
  const file = o.out ?? TRIGGERS_MODEL;
  const bytes = model.save(file, { reports: reports.length, from, examples: examples.length, precision: chosen.precision, recall: chosen.recall, realPrecision: chosen.real, iterations: ITERATIONS, l2: L2 });
  log(`wrote ${file} (${bytes} bytes)`);
}
