import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor } from '../../articles/extract.js';
import type { PolicySettings } from '../../cases/policy.js';
import { policySettings } from '../../storage/policy.js';
import { extractionJson } from '../../storage/reports.js';
import { buildFeed, goldOnlyFeed, inventedFeed, limitFeed } from '../feed/build.js';
import { ingestFeed, replayExtractor } from '../feed/ingest.js';
import type { PolicyFigures } from '../feed/score.js';
import { readGoldDir, scoreRun } from '../feed/score.js';
import type { Row } from '../report.js';
import { pct } from '../report.js';
import type { EvalTask, TaskContext, TaskOutcome } from './task.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const p = (x: number | null): number | null => (x === null ? null : pct(x));
const r1 = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);

function feedRow(name: string, f: PolicyFigures): Row {
  return {
    name,
    values: {
      'case P': p(f.casePrecision),
      'at-risk victim R': p(f.victimRecall),
      victims: `${f.victims.found}/${f.victims.of}`,
      cases: String(f.cases),
      'cases/100 unrelated': r1(f.casesPer100Unrelated),
      'triage/100': r1(f.triagePer100),
      'alerts/100': r1(f.alertsPer100),
      'open alerts/case': r1(f.openAlertsPerCase),
    },
  };
}

function goldRow(name: string, f: PolicyFigures): Row {
  const g = f.gold;
  return {
    name,
    values: {
      reports: String(g?.reports ?? 0),
      'at-risk R': p(g?.atRiskRecall ?? null),
      'at-risk P': p(g?.atRiskPrecision ?? null),
      status: p(g?.statusAccuracy ?? null),
      'status at end': p(g?.statusAtEndAccuracy ?? null),
      'events P': p(g?.eventPrecision ?? null),
      'events R': p(g?.eventRecall ?? null),
      'not-at-risk cases': g ? String(g.notAtRiskWithCase) : null,
      'false releases': g ? String(g.falseReleases) : null,
      country: p(g?.countryAccuracy ?? null),
      held_at: g ? `${g.heldAtFound.found}/${g.heldAtFound.of}` : null,
    },
  };
}

async function run(ctx: TaskContext): Promise<TaskOutcome> {
  const invented = ctx.corpus === 'invented';
  const goldDir = ctx.gold ?? path.join(ROOT, 'data', 'case-gold', invented ? 'invented' : 'hrdsattack', ctx.split);
  const gold = readGoldDir(goldDir);
  const whole = invented ? inventedFeed(path.join(ROOT, 'data', 'invented', ctx.split), gold) : buildFeed(ctx.split, ctx.dataDir);
  if (!whole.items.some((i) => i.goldIndex !== undefined)) return { skipped: `no ${invented ? 'invented reports' : 'HRDsAttack'} in the ${ctx.split} split (${whole.sources.join('; ')})` };
  if (ctx.goldOnly && !gold.size) return { skipped: `--gold-only, and no case-gold files in ${goldDir}` };
  const feed = ctx.goldOnly ? goldOnlyFeed(whole, new Set(gold.keys())) : whole;
  const items = limitFeed(feed, ctx.limit);
  for (const s of feed.sources) ctx.progress(s);
  ctx.progress(`${items.length} reports in the feed (${items.filter((i) => i.victims).length} telling of named victims); ${gold.size} case-gold files in ${goldDir}`);

  const settings: Partial<PolicySettings> = { ...(ctx.policy ? (JSON.parse(ctx.policy) as Partial<PolicySettings>) : {}), mode: 'risk' };
  const fresh = await ingestFeed(items, new Extractor(), settings, ctx.progress, 'new policy');
  // what the run applied: the given settings over the shipped model's cross-validated thresholds
  const policy = await policySettings(fresh.store.db);
  ctx.progress(`new policy: case threshold ${policy.caseThreshold}, triage floor ${policy.triageFloor}, relevance weight ${policy.relevanceWeight}`);
  let now: PolicyFigures;
  let old: PolicyFigures;
  let risky = 0;
  try {
    now = await scoreRun(fresh.store, items, gold);
    risky = (await fresh.store.db.selectFrom('reports').select(['extraction', 'extraction_z']).execute()).filter((r) => extractionJson(r)?.includes('"risk":')).length;
    const replay = await replayExtractor(fresh.store);
    const before = await ingestFeed(items, replay, { mode: 'everyone' }, ctx.progress, 'old policy (replayed)');
    try {
      old = await scoreRun(before.store, items, gold);
    } finally {
      await before.close();
    }
  } finally {
    await fresh.close();
  }
  return {
    result: {
      task: 'feed',
      split: ctx.split,
      corpus: invented ? 'invented reports' : 'hrdsattack + unrelated news',
      data: feed.sources.join('; '),
      tables: [
        { title: `The mixed feed (${now.reports} reports: ${now.hrdReports} ${invented ? 'with gold cases' : 'HRDsAttack'}, ${now.unrelatedReports} unrelated), ingested through the JSONL path`, columns: Object.keys(feedRow('', now).values), rows: [feedRow('new policy', now), feedRow('old policy: everyone a case', old)] },
        { title: `Case gold (CASE-GOLD.md) on the annotated reports in the feed`, columns: Object.keys(goldRow('', now).values), rows: [goldRow('new policy', now), goldRow('old policy: everyone a case', old)] },
      ],
      notes: [
        `new policy: case threshold ${policy.caseThreshold}, triage floor ${policy.triageFloor}, relevance weight ${policy.relevanceWeight} (decision = at-risk × (1 − w + w × relevance))`,
        `${risky} of ${now.reports} extractions carry a risk reading; without one the policy sends targeted people to triage and opens nothing by itself`,
        invented
          ? 'case P: cases whose opening report names them as a gold case; victim R: the gold cases with a case linked from their report'
          : 'case P: cases whose opening report is an HRDsAttack report naming them as a victim; victim R: named journalists, defenders and unionists with a case linked from their report',
        'events P/R by type and modality on the cases matched to gold (R counts every gold event, found case or not)',
        'status: as of each report\'s publication (CASE-GOLD.md), from the reports published by then; status at end: what the case shows after the whole feed, against the gold of the person\'s latest report (before session 51, against each report\'s own)',
        `gold status 'unknown', which no case can show (new policy): ${now.gold?.goldUnknown ?? 0} of the matched cases`,
        `status, gold→case (new policy): ${Object.entries(now.gold?.statusConfusion ?? {}).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join('; ') || 'none'}`,
        `wrong statuses (new policy): ${now.gold?.wrongStatusNames.join('; ') || 'none'}`,
        `held-at not found (new policy): ${now.gold?.heldAtMissed.join('; ') || 'none'}`,
        `false releases (new policy): ${now.gold?.falseReleaseNames.join('; ') || 'none'}`,
        `not-at-risk people with a case (new policy): ${now.gold?.notAtRiskNames.join('; ') || 'none'}`,
        `people at risk with no case, by reason (new policy): ${Object.entries(now.gold?.missedReasons ?? {}).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join('; ') || 'none'}`,
        `people at risk with no case (new policy): ${now.gold?.missedNames.join('; ') || 'none'}`,
        `triage items by reason, and how many are a gold case (new policy): ${Object.entries(now.triageReasons).sort((a, b) => b[1].items - a[1].items).map(([k, v]) => `${k} ${v.items} (${v.gold} gold)`).join('; ') || 'none'}`,
        `wrong countries, gold→case (new policy): ${now.gold?.wrongCountryNames.join('; ') || 'none'}`,
        `wrong cases (new policy, first 15): ${now.wrongCases.slice(0, 15).join('; ') || 'none'}`,
      ],
    },
  };
}

export const feedTask: EvalTask = {
  name: 'feed',
  description: 'who gets a case: HRDsAttack + unrelated news ingested through the product into a temporary SQLite, new policy and old',
  run,
};
