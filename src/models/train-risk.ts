import { VigilError } from '../core/errors.js';
import { cleanPersonName, opensOnScores } from '../extractors/risk/clean-name.js';
import { createDefaultPipeline } from '../extractors/default.js';
import { Classifier } from '../extractors/learn/linear.js';
import type { TrainOptions as LinearOptions } from '../extractors/learn/linear.js';
import { RISK_MODEL } from '../extractors/risk/index.js';
import { RiskModel, decisionScore } from '../extractors/risk/model.js';
import { riskReports, type RiskReport } from './risk-corpus.js';
import { readReports } from './risk-read.js';
import { atThreshold, auc, bestF, fitBinary, outOfFold, personExamples, reportExample, thresholdForPrecision, thresholdForPrecisionBound, thresholdForRecall, weighted, type PersonExample } from './risk-fit.js';
import type { TrainOptions } from './train-options.js';

/**
 * `npm run train -- risk`: the report and person models of the risk component, from HRDsAttack's
 * training split (its typed victims are the people at risk, everyone else its reports name is
 * not), unrelated news from the other corpora's training splits and the invented hard cases.
 * The penalty and the thresholds are chosen by five-fold cross-validation over training reports;
 * dev is never read here (`npm run eval -- risk` scores it).
 */

const L2 = [1, 3, 10];
const ITERATIONS = 150;
/**
 * The case threshold: the best F0.5 over event targets out of fold (precision weighs twice
 * recall: a wrong case costs an analyst more than a triage item); issue 33 asks ≥ 90 % precision,
 * which out of fold the training split reaches only at a few per cent recall, because its
 * annotators name the report's main victims, not every journalist it names. The triage threshold
 * keeps this share of the victims at risk among the targets.
 */
const TRIAGE_RECALL = 0.9;

const logLoss = (scores: readonly number[], gold: readonly boolean[]) => -scores.reduce((a, s, i) => a + Math.log(Math.max(1e-9, gold[i] ? s : 1 - s)), 0) / scores.length;

function choose<T extends { yes: boolean }>(name: string, examples: readonly (T & { feats: readonly { name: string }[]; report: number })[], log: (m: string) => void, weight?: (e: T & { report: number }) => number) {
  const gold = examples.map((e) => e.yes);
  let best: { l2: number; oof: number[]; loss: number; auc: number } | undefined;
  for (const l2 of L2) {
    const oof = outOfFold(examples, { iterations: ITERATIONS, l2 }, 5, weight);
    const r = { l2, oof, loss: logLoss(oof, gold), auc: auc(oof, gold) };
    log(`${name}: l2 ${l2}: out-of-fold log-loss ${r.loss.toFixed(4)}, AUC ${r.auc.toFixed(4)}`);
    if (!best || r.loss < best.loss) best = r;
  }
  return best!;
}

/** The case policy's precision target (issue 33), and the most triage items per 100 reports a desk can read. */
const CASE_PRECISION = 0.9;
const TRIAGE_PER_100 = 5;
/** The most cases per 100 reports about no attack on anyone at risk (issue 33). */
const UNRELATED_PER_100 = 1;
/** The precisions over which relevance weights are compared (the case threshold itself is set at CASE_PRECISION). */
const PRECISION_BAND = [0.85, 0.9, 0.95];
/** Banded recall (a share) within which relevance weights count as tied: the smallest of them is taken. */
const WEIGHT_TIE = 0.01;
/** The relevance weights tried: how much "is this report about an attack?" lowers a person's score. */
const RELEVANCE_WEIGHTS = [0, 0.25, 0.5, 0.75, 1];

/**
 * The case policy's settings on its decision score (`cases/policy.ts`: the person's score
 * lowered when the report is not about an attack), out of fold: for each relevance weight, the case threshold is the lowest
 * whose precision over event targets reaches the target (the lower end of its one-sided 95 %
 * interval, not the point estimate), measured on the reports our case gold
 * covers (there every person at risk is labelled; HRDsAttack names main victims only), both over
 * all of them and over the real (HRDsAttack) ones alone; the triage
 * floor the lowest that keeps the triage queue, over every training report, within what a desk can
 * read; the weight whose case threshold keeps the most recall wins (the smallest, on a near tie).
 */
export function choosePolicy(
  reports: readonly RiskReport[],
  persons: readonly (PersonExample & { yes: boolean })[],
  personOof: readonly number[],
  relOof: readonly number[],
  log: (m: string) => void,
  policyOn: 'pooled' | 'real' = 'real',
): { caseThreshold: number; triageFloor: number; relevanceWeight: number } {
  const gold = persons.some((p) => p.target && reports[p.report]!.gold) && new Set(persons.filter((p) => reports[p.report]!.gold).map((p) => p.report)).size >= 20;
  const admissible: { caseThreshold: number; triageFloor: number; relevanceWeight: number; recall: number }[] = [];
  const unrelated = new Set(reports.map((r, i) => i).filter((i) => reports[i]!.source !== 'hrdsattack' && !reports[i]!.relevant));
  for (const w of RELEVANCE_WEIGHTS) {
    // the score as the policy acts on it: a name it never opens on the scores ("Salma", "Rights
    // Day") opens nothing at any score, so the precision aimed at is that of the cases it opens
    const scored = persons
      .map((p, i) => ({ p, raw: decisionScore(personOof[i]!, relOof[p.report]!, w), opens: opensOnScores(p.entity.name), clean: cleanPersonName(p.entity.name).ok }))
      .filter((x) => x.p.target)
      .map((x) => ({ ...x, d: x.opens ? x.raw : 0 }));
    // fully labelled reports only: ours, and the unrelated news where nobody is at risk
    const basis = gold ? scored.filter((x) => reports[x.p.report]!.gold || reports[x.p.report]!.source !== 'hrdsattack') : scored;
    const ds = basis.map((x) => x.d);
    const ys = basis.map((x) => x.p.yes);
    // the precision target must hold on the real reports too, not only on the pool: our invented
    // reports are easier, and a pooled cut met the target on them while HRDsAttack's fell below it
    const pooled = thresholdForPrecisionBound(ds, ys, CASE_PRECISION);
    // each kind of labelled report with our gold: HRDsAttack's and our invented ones
    const part = (source: RiskReport['source']) => basis.filter((x) => reports[x.p.report]!.source === source && reports[x.p.report]!.gold);
    const atCut = (xs: typeof basis, threshold: number) => atThreshold(xs.map((x) => x.d), xs.map((x) => x.p.yes), threshold);
    const real = part('hrdsattack');
    const realCut = real.length ? thresholdForPrecisionBound(real.map((x) => x.d), real.map((x) => x.p.yes), CASE_PRECISION) : pooled;
    const cut = atThreshold(ds, ys, Math.max(pooled.threshold, realCut.threshold));
    // precision is not monotonic in the threshold: the real reports' own, at the cut taken
    const realAtCut = atCut(real, cut.threshold);
    // triage holds the borderline and the bare names the scores would open
    const perHundred = (floor: number) => (100 * scored.filter((x) => x.clean && x.raw >= floor && x.d < cut.threshold).length) / reports.length;
    let floor = cut.threshold;
    for (let t = Math.round(cut.threshold * 100) - 1; t >= 1 && perHundred(t / 100) <= TRIAGE_PER_100; t--) floor = t / 100;
    const withTriage = atThreshold(basis.map((x) => (x.clean ? x.raw : 0)), ys, floor);
    // issue 33's other bound: at most one report in a hundred about no attack on anyone at risk opens a case
    const unrelatedCases = unrelated.size ? (100 * new Set(scored.filter((x) => x.d >= cut.threshold && unrelated.has(x.p.report)).map((x) => x.p.report)).size) / unrelated.size : 0;
    // `--policy-on pooled`: weights compared by their recall over a band of precisions around the
    // target, not at the target alone (one threshold's recall on a few hundred people moves with a
    // handful of them), over every report with our gold
    // (`--policy-on real`, the default: the real reports' recall at the cut itself. The cut is
    // bounded by the real reports' precision anyway, so the pooled band compared the invented
    // reports' recall, tied the weights within a point and took the smallest: six to nine points
    // of the real reports' recall lost, session 49)
    const banded = policyOn === 'real' && real.length ? realAtCut.recall : PRECISION_BAND.reduce((sum, p) => sum + thresholdForPrecision(ds, ys, p).recall, 0) / PRECISION_BAND.length;
    // the same cut on each kind of labelled report
    for (const source of ['hrdsattack', 'invented'] as const) {
      const xs = source === 'hrdsattack' ? real : part(source);
      const at = atCut(xs, cut.threshold);
      log(`  weight ${w}, ${source} reports with case gold: P ${(100 * at.precision).toFixed(1)}, R ${(100 * at.recall).toFixed(1)} at ${cut.threshold.toFixed(2)} (${xs.length} targets)`);
    }
    log(
      `policy, relevance weight ${w} (${gold ? 'reports with our case gold' : 'HRDsAttack victims'}): ${policyOn === 'real' && real.length ? 'HRDsAttack recall at the cut' : `recall over precisions ${PRECISION_BAND.join('/')}`} ${(100 * banded).toFixed(1)}; case threshold ${cut.threshold.toFixed(2)} (P ${(100 * cut.precision).toFixed(1)}, R ${(100 * cut.recall).toFixed(1)}; pooled ${pooled.threshold.toFixed(2)}, HRDsAttack ${realCut.threshold.toFixed(2)}); triage floor ${floor.toFixed(2)} (${perHundred(floor).toFixed(1)} per 100 reports; R with triage ${(100 * withTriage.recall).toFixed(1)}); cases per 100 unrelated reports ${unrelatedCases.toFixed(2)}`,
    );
    // (and a triage queue a desk can read: the bare names above the cut count in it too)
    if (cut.precision >= CASE_PRECISION && (!real.length || realAtCut.precision >= CASE_PRECISION) && unrelatedCases <= UNRELATED_PER_100 && perHundred(floor) <= TRIAGE_PER_100) admissible.push({ caseThreshold: cut.threshold, triageFloor: floor, relevanceWeight: w, recall: banded });
  }
  // The weight with the most recall, or the smallest within WEIGHT_TIE of it: the person model
  // already reads the report's relevance, so a larger weight counts it twice; and a point of
  // banded recall is a handful of people, which two retrainings have split 0.25 and 0.75 by
  // turns. A new user's blogger "shot dead" at 0.99 at risk, in a report of relevance 0.54, fell
  // below the triage floor under 0.75.
  // No weight meets every bound: no model is written (a fallback of fixed thresholds, as before,
  // would ship a policy nobody measured: session 50's last retraining met the precision bound at
  // every weight and the unrelated-news bound at none, and wrote thresholds of 0.5 and 0.2)
  if (!admissible.length) throw new VigilError('invalid_input', `no relevance weight meets the policy's bounds (precision ≥ ${CASE_PRECISION * 100} % on every labelled kind, ≤ ${UNRELATED_PER_100} case per 100 unrelated reports, ≤ ${TRIAGE_PER_100} triage items per 100 reports): the risk model is not written; the log above says which bound each weight missed`);
  const top = Math.max(...admissible.map((a) => a.recall));
  const best = admissible.filter((a) => a.recall >= top - WEIGHT_TIE).sort((a, b) => a.relevanceWeight - b.relevanceWeight)[0]!;
  const { recall: _recall, ...chosen } = best;
  log(`policy chosen: ${JSON.stringify(chosen)}`);
  return chosen;
}

export function trainRisk(o: TrainOptions): void {
  const log = (m: string) => process.stderr.write(`[risk] ${m}\n`);
  const reports = riskReports('train', o.dataDir);
  log(`${reports.length} training reports, ${reports.filter((r) => r.relevant).length} about an attack on someone at risk`);
  const docs = readReports(reports, createDefaultPipeline('learned-targets'), log);

  // real reports counted `realWeight` times in every fit (`--real-weight`): the product reads real
  // news, and the invented reports outnumber them; out-of-fold figures still count each report once
  const realWeight = o.realWeight ?? 1;
  const weight = (e: { report: number }) => (reports[e.report]!.source === 'hrdsattack' ? realWeight : 1);
  if (realWeight !== 1) log(`HRDsAttack reports weigh ${realWeight} in every fit`);
  const relExamples = reports.map((r, i) => reportExample(docs[i]!, r, i));
  const rel = choose('relevance', relExamples, log, weight);
  const relGold = relExamples.map((e) => e.yes);
  const relCut = bestF(rel.oof, relGold, 1);

  // a person's features hold the report's relevance as the model will see it on a new report: out of fold
  const persons = reports.flatMap((r, i) => personExamples(docs[i]!, r, i, rel.oof[i]!)).map((p) => ({ ...p, yes: p.atRisk }));
  log(`${persons.length} people, ${persons.filter((p) => p.yes).length} at risk; ${persons.filter((p) => p.target).length} event targets, ${persons.filter((p) => p.target && p.yes).length} of them at risk`);
  const per = choose('person', persons, log, weight);
  const targets = persons.map((p, i) => ({ p, s: per.oof[i]! })).filter((x) => x.p.target);
  const tScores = targets.map((x) => x.s);
  const tGold = targets.map((x) => x.p.yes);
  const caseCut = bestF(tScores, tGold, 0.5);
  const triageCut = thresholdForRecall(tScores, tGold, TRIAGE_RECALL);
  const at05 = atThreshold(tScores, tGold, 0.5);
  const at90 = thresholdForPrecision(tScores, tGold, 0.9);
  const fmt = (r: { threshold: number; precision: number; recall: number }) => `${r.threshold.toFixed(2)} (P ${(100 * r.precision).toFixed(1)}, R ${(100 * r.recall).toFixed(1)})`;
  log(`relevance: best-F1 threshold ${fmt(relCut)}`);
  log(`person (event targets): AUC ${auc(tScores, tGold).toFixed(4)}; case threshold ${fmt(caseCut)}; triage threshold ${fmt(triageCut)}; at 0.5 ${fmt(at05)}; first reaching 90 % precision ${fmt(at90)}`);

  const policy = choosePolicy(reports, persons, per.oof, rel.oof, log, o.policyOn ?? 'real');

  const opts = (l2: number): LinearOptions => ({ iterations: ITERATIONS, l2 });
  const relevance = fitBinary(weighted(relExamples, weight), opts(rel.l2));
  const person = fitBinary(weighted(persons, weight), opts(per.l2));
  const typed = persons.filter((p) => p.yes && p.types.length > 0);
  const types = Classifier.train(
    typed.map((p) => ({ feats: p.feats.map((f) => f.name), label: [...p.types].sort().join('|') })),
    opts(1),
  );
  const model = new RiskModel(person, relevance, types, { case: caseCut.threshold, triage: triageCut.threshold, relevance: relCut.threshold, policy });
  const out = o.out ?? RISK_MODEL;
  const size = model.save(out, {
    reports: reports.length,
    relevant: relGold.filter(Boolean).length,
    people: persons.length,
    atRisk: persons.filter((p) => p.yes).length,
    l2: { relevance: rel.l2, person: per.l2 },
    realWeight,
    policyOn: o.policyOn ?? 'real',
    crossValidated: { policy, relevanceAuc: rel.auc, personAuc: per.auc, targetAuc: auc(tScores, tGold), case: caseCut, triage: triageCut, relevance: relCut },
  });
  log(`wrote ${out} (${(size / 1024).toFixed(0)} KB)`);
}
