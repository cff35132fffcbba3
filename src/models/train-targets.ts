import { createDefaultPipeline } from '../extractors/default.js';
import { Classifier } from '../extractors/learn/linear.js';
import { NO, TARGETS_MODEL, TargetModel, YES, targetPairs, type TargetPair } from '../extractors/learned-targets/index.js';
import type { Doc } from '../text/doc.js';
import { riskReports, type RiskReport } from './risk-corpus.js';
import { readReports } from './risk-read.js';
import { personFeatures } from '../extractors/risk/features.js';
import { auc, bestF, entityNamed, soundsAtRisk } from './risk-fit.js';
import type { TrainOptions } from './train-options.js';

/**
 * `npm run train -- targets`: the pair model of `learned-targets`. Labels: where our case gold
 * covers a training report, a pair is right when the person is one of its cases and one of that
 * case's events has its trigger at the pair's trigger; elsewhere HRDsAttack's typed victims are
 * the targets of the attacks told in their sentences (distant, and noisier: its annotators name a
 * report's main victims only, so there everyone else it names is left out rather than called
 * wrong). Settings by five-fold cross-validation over reports; dev is never read here.
 */

const ITERATIONS = 150;
const L2 = [1, 3, 10];

interface Example {
  pair: TargetPair;
  yes: boolean;
  report: number;
  gold: boolean;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** The labelled pairs of one report, or none when it has no usable labels. */
export function labelledPairs(doc: Doc, r: RiskReport, report: number): Example[] {
  const pairs = targetPairs(doc);
  if (r.gold) {
    return pairs.map((pair) => {
      const c = r.gold!.cases.find((g) => g.forms.some((f) => entityNamed(doc, f)?.id === pair.entity.id));
      return { pair, report, gold: true, yes: !!c && c.events.some((e) => overlaps(e, pair.trigger)) };
    });
  }
  if (r.source !== 'hrdsattack') return [];
  const victims = new Set(r.victims.filter((v) => v.types.length > 0).flatMap((v) => entityNamed(doc, v.name)?.id ?? []));
  // someone who sounds at risk and whom HRDsAttack does not name may be an unnamed victim: left out
  const unsure = (id: string) => !victims.has(id) && soundsAtRisk(personFeatures(doc, doc.entities.find((e) => e.id === id)!, { score: 0 }));
  return pairs
    .filter((p) => p.event.type !== 'RELEASE' && (p.event.modality === 'asserted' || p.event.modality === 'reported') && !unsure(p.entity.id))
    .map((pair) => ({ pair, report, gold: false, yes: victims.has(pair.entity.id) }));
}

function fit(examples: readonly Example[], l2: number): Classifier {
  return Classifier.train(
    examples.map((e) => ({ feats: e.pair.feats, label: e.yes ? YES : NO })),
    { iterations: ITERATIONS, l2 },
  );
}

export function trainTargets(o: TrainOptions): void {
  const log = (m: string) => process.stderr.write(`[targets] ${m}\n`);
  const reports = riskReports('train', o.dataDir).filter((r) => r.source === 'hrdsattack');
  log(`${reports.length} training reports, ${reports.filter((r) => r.gold).length} with our case gold`);
  const docs = readReports(reports, createDefaultPipeline('events'), log);
  const examples = reports.flatMap((r, i) => labelledPairs(docs[i]!, r, i));
  const gold = examples.filter((e) => e.gold);
  // scored out of fold on the gold pairs; before any gold, on the distant ones
  const scored = gold.length ? gold : examples;
  log(`${examples.length} pairs (${examples.filter((e) => e.yes).length} targets); ${gold.length} from case gold (${gold.filter((e) => e.yes).length} targets)`);
  // cross-validated on the gold pairs (the distant ones train every fold)
  let best: { l2: number; auc: number; oof: number[] } | undefined;
  for (const l2 of L2) {
    const oof = new Array<number>(scored.length).fill(0);
    for (let k = 0; k < 5; k++) {
      const clf = fit(
        examples.filter((e) => (gold.length && !e.gold) || e.report % 5 !== k),
        l2,
      );
      scored.forEach((e, i) => {
        if (e.report % 5 === k) oof[i] = clf.probabilities(e.pair.feats).get(YES) ?? 0;
      });
    }
    const a = auc(
      oof,
      scored.map((e) => e.yes),
    );
    log(`l2 ${l2}: out-of-fold AUC on ${gold.length ? 'gold' : 'distant'} pairs ${a.toFixed(4)}`);
    if (!best || a > best.auc) best = { l2, auc: a, oof };
  }
  // the threshold: precision weighs twice recall (a wrong target can open a wrong case)
  const cut = bestF(
    best!.oof,
    scored.map((e) => e.yes),
    0.5,
  );
  log(`threshold ${cut.threshold.toFixed(2)}: out-of-fold precision ${(100 * cut.precision).toFixed(1)}, recall ${(100 * cut.recall).toFixed(1)}`);
  const model = new TargetModel(fit(examples, best?.l2 ?? 3), cut.threshold);
  const out = o.out ?? TARGETS_MODEL;
  const size = model.save(out, { reports: reports.length, gold: gold.length, pairs: examples.length, l2: best?.l2, auc: best?.auc, threshold: cut });
  log(`wrote ${out} (${(size / 1024).toFixed(0)} KB)`);
}
