import { createDefaultPipeline } from '../../extractors/default.js';
import { RISK_MODEL, RiskModel } from '../../extractors/risk/index.js';
import { riskReports } from '../../models/risk-corpus.js';
import { readReports } from '../../models/risk-read.js';
import { atThreshold, auc, entityNamed, personExamples } from '../../models/risk-fit.js';
import type { AtThreshold } from '../../models/risk-fit.js';
import { pct } from '../report.js';
import type { Row } from '../report.js';
import type { EvalTask } from './task.js';

/**
 * The risk component on a held-out split: HRDsAttack's typed, named victims are the people at
 * risk and everyone else its reports name is not; the unrelated news of the split (PolNeAR, GUM
 * news, the trafilatura pages that hash to it) names no one at risk and tells no attack on anyone
 * at risk. Printed: person AUC and precision/recall at the model's thresholds (over event targets,
 * the people a case could open for), report relevance, and cases per 100 unrelated reports (an
 * unrelated report with an event target scored at or above the case threshold).
 */

/**
 * The kinds that tell each HRDsAttack type: its "human rights defender" covers the activists,
 * lawyers, protesters, dissidents, academics, students and faith leaders who defend rights.
 */
const AS_HRD_TYPE: Record<string, string[]> = {
  'human rights defender': ['human_rights_defender', 'activist', 'lawyer', 'protester', 'opposition', 'academic', 'student', 'religious_or_minority_leader', 'other'],
};

const COLUMNS = ['threshold', 'precision', 'recall', 'TP', 'FP', 'FN'];
const row = (name: string, r: AtThreshold): Row => ({ name, values: { threshold: r.threshold, precision: pct(r.precision), recall: pct(r.recall), TP: String(r.tp), FP: String(r.fp), FN: String(r.fn) } });

export const riskTask: EvalTask = {
  name: 'risk',
  description: 'who is at risk and which reports tell an attack on them: person and report AUC, precision/recall at the thresholds, cases per 100 unrelated reports',
  run(ctx) {
    const reports = riskReports(ctx.split, ctx.dataDir);
    if (!reports.some((r) => r.source === 'hrdsattack')) return { skipped: `HRDsAttack ${ctx.split} not found` };
    const model = RiskModel.load(RISK_MODEL);
    const t = model.thresholds;
    const docs = readReports(reports, createDefaultPipeline('learned-targets'), ctx.progress);
    const readings = docs.map((d) => model.read(d));
    const relScores = readings.map((r) => r.relevance.score);
    const relGold = reports.map((r) => r.relevant);

    const persons = reports.flatMap((r, i) => personExamples(docs[i]!, r, i, relScores[i]!).map((p) => ({ ...p, score: readings[i]!.persons.find((x) => x.entity === p.entity.id)?.score ?? 0 })));
    const targets = persons.filter((p) => p.target);
    const unrelated = reports.map((r, i) => i).filter((i) => reports[i]!.source !== 'hrdsattack');
    const caseIn = (i: number, gate: boolean) => persons.some((p) => p.report === i && p.target && p.score >= t.case && (!gate || relScores[i]! >= t.relevance));
    const per100 = (gate: boolean) => (100 * unrelated.filter((i) => caseIn(i, gate)).length) / Math.max(1, unrelated.length);
    // the named victims at risk, found or not by the recogniser: recall counts the ones it missed too
    const victims = reports.flatMap((r, i) => r.victims.filter((v) => v.types.length > 0).map((v) => ({ i, e: entityNamed(docs[i]!, v.name), types: v.types })));
    const scoreOf = (i: number, id: string | undefined) => readings[i]!.persons.find((x) => x.entity === id)?.score ?? 0;
    const victimRecall = (cut: number) => victims.filter((v) => v.e && scoreOf(v.i, v.e.id) >= cut).length / Math.max(1, victims.length);
    const kindsRight = victims.filter((v) => {
      const kinds = readings[v.i]!.persons.find((x) => x.entity === v.e?.id)?.kinds ?? [];
      return v.types.some((ty) => (AS_HRD_TYPE[ty] ?? [ty.replace(/ /g, '_')]).some((k) => (kinds as string[]).includes(k)));
    }).length;

    const g = (xs: typeof persons) => xs.map((p) => p.atRisk);
    const s = (xs: typeof persons) => xs.map((p) => p.score);
    const summary: Row[] = [
      { name: 'people (all named)', values: { n: String(persons.length), 'at risk': String(persons.filter((p) => p.atRisk).length), AUC: pct(auc(s(persons), g(persons))) } },
      { name: 'event targets', values: { n: String(targets.length), 'at risk': String(targets.filter((p) => p.atRisk).length), AUC: pct(auc(s(targets), g(targets))) } },
      { name: 'reports (relevance)', values: { n: String(reports.length), 'at risk': String(relGold.filter(Boolean).length), AUC: pct(auc(relScores, relGold)) } },
    ];
    return {
      result: {
        task: 'risk',
        split: ctx.split,
        corpus: 'HRDsAttack victims; PolNeAR, GUM news and trafilatura pages as unrelated news',
        data: [...new Set(reports.map((r) => r.source))].join(', '),
        tables: [
          { title: `AUC (people: at risk = a case in our case gold where it covers the report (${reports.filter((r) => r.gold).length} reports), else a named HRDsAttack victim of a known type)`, columns: ['n', 'at risk', 'AUC'], rows: summary },
          {
            title: 'Event targets at the model’s thresholds',
            columns: COLUMNS,
            rows: [row('case threshold', atThreshold(s(targets), g(targets), t.case)), row('triage threshold', atThreshold(s(targets), g(targets), t.triage)), row('0.5', atThreshold(s(targets), g(targets), 0.5))],
          },
          { title: 'Reports: about an attack on someone at risk', columns: COLUMNS, rows: [row('relevance threshold', atThreshold(relScores, relGold, t.relevance)), row('0.5', atThreshold(relScores, relGold, 0.5))] },
          {
            title: 'Cases and victims',
            columns: ['value'],
            rows: [
              { name: 'unrelated reports', values: { value: String(unrelated.length) } },
              { name: 'cases per 100 unrelated reports (target ≥ case threshold)', values: { value: per100(false) } },
              { name: '… and report relevance ≥ its threshold', values: { value: per100(true) } },
              { name: `named victims at risk (${victims.length}) recalled at the case threshold, %`, values: { value: pct(victimRecall(t.case)) } },
              { name: '… at the triage threshold, %', values: { value: pct(victimRecall(t.triage)) } },
              { name: '… found as a person entity at all, %', values: { value: pct(victims.filter((v) => v.e).length / Math.max(1, victims.length)) } },
              { name: '… whose kinds include their HRDsAttack type, %', values: { value: pct(kindsRight / Math.max(1, victims.length)) } },
            ],
          },
        ],
        notes: [
          `thresholds (chosen by cross-validation on train): case ${t.case}, triage ${t.triage}, relevance ${t.relevance}`,
          'HRDsAttack reports whose victims are all of no known type count as not about an attack on someone at risk; victims of no known type are left out of the people',
        ],
      },
    };
  },
};
