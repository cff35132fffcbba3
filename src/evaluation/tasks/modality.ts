import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { locate } from '../../corpora/locate.js';
import type { CaseGold } from '../../corpora/readers/case-gold.js';
import { articleText, readHrdsAttack } from '../../corpora/readers/hrdsattack.js';
import { createDefaultPipeline } from '../../extractors/default.js';
import { Doc } from '../../text/doc.js';
import { MODALITIES } from '../../text/types.js';
import { CASE_GOLD_DIR } from '../case-gold-tool.js';
import { pct } from '../report.js';
import type { Row } from '../report.js';
import { ModalityScorer, constantAnswer } from '../scorers/modality.js';
import type { EvalTask } from './task.js';

/**
 * Event modality, where a person is held and whether anyone knows, on the HRDsAttack reports
 * annotated in case gold (data/case-gold/hrdsattack/<split>, ../shared/spec/CASE-GOLD.md; another
 * folder through VIGIL_CASE_GOLD). The gold is annotated on dev: score on it, never tune on it.
 */

function goldOf(split: string): { dir: string; files: CaseGold[] } {
  const dir = path.join(process.env.VIGIL_CASE_GOLD ?? CASE_GOLD_DIR, 'hrdsattack', split);
  if (!existsSync(dir)) return { dir, files: [] };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CaseGold);
  return { dir, files };
}

const ratio = (a: number, b: number) => (b ? `${a}/${b} (${pct(a / b).toFixed(1)} %)` : '0/0');

export const modalityTask: EvalTask = {
  name: 'modality',
  description: 'event modality, held-at and whereabouts unknown against the case gold of HRDsAttack reports',
  run(ctx) {
    const gold = goldOf(ctx.split);
    if (gold.files.length === 0) return { skipped: `no case gold under ${gold.dir}` };
    const loc = locate('hrdsattack', ctx.split, ctx.dataDir);
    if (!loc.path) return { skipped: `HRDsAttack ${ctx.split} not found under ${loc.dir}` };
    const articles = readHrdsAttack(readFileSync(loc.path, 'utf8'));
    const pipeline = createDefaultPipeline();
    const scorer = new ModalityScorer();
    gold.files.forEach((g, i) => {
      if (i % 10 === 0) ctx.progress(`report ${i + 1}/${gold.files.length}`);
      const a = articles[g.index];
      if (!a) throw new Error(`case gold names item ${g.index}, not in HRDsAttack ${ctx.split}`);
      const doc = pipeline.run(new Doc(articleText(a), a.published ? { published: a.published } : {}));
      scorer.add(g, doc);
    });
    const s = scorer.score();
    const confusion: Row[] = MODALITIES.map((m) => ({ name: `gold ${m}`, values: Object.fromEntries(MODALITIES.map((o) => [o, String(s.confusion[m]?.[o] ?? 0)])) }));
    const overview: Row[] = [
      { name: 'gold events matched by trigger overlap', values: { value: ratio(s.matched, s.goldEvents) } },
      { name: 'matched with the same type', values: { value: ratio(s.sameType, s.matched) } },
      { name: 'modality right (matched events)', values: { value: ratio(s.modalityRight, s.matched) } },
      { name: 'always "asserted" would score', values: { value: `${pct(constantAnswer(s, 'asserted')).toFixed(1)} %` } },
      { name: 'false asserted/reported RELEASE', values: { value: `${s.falseReleases} of ${s.factualReleases} factual releases` } },
      { name: 'held_at found (fuzzy)', values: { value: ratio(s.heldAtFound, s.heldAtGold) } },
      { name: 'heldAt where the gold has none (cases)', values: { value: String(s.heldAtSpurious) } },
      { name: 'whereabouts unknown found (cases)', values: { value: ratio(s.unknownFound, s.unknownGold) } },
      { name: 'whereabouts unknown where gold says otherwise', values: { value: String(s.unknownSpurious) } },
    ];
    return {
      result: {
        task: 'modality',
        split: ctx.split,
        corpus: `HRDsAttack case gold (${s.reports} reports, ${s.goldEvents} gold events)`,
        data: gold.dir,
        tables: [
          { title: 'Modality and custody against case gold', columns: ['value'], rows: overview },
          { title: 'Modality confusion (rows gold, columns Vigil), matched events', columns: [...MODALITIES], rows: confusion },
        ],
        notes: [
          'a gold event is matched when one of Vigil’s events (its trigger or another telling of it) overlaps the gold trigger’s offsets, the same type first',
          'a factual release is false when its words are a gold event that did not happen, or when it befalls a case person whose gold has no release',
          'held_at: a heldAt on any of the case person’s events (target, or words of their gold events) sharing half the words of the gold place',
          'the case gold is annotated on dev: score on it, never write rules from its failures',
        ],
      },
    };
  },
};
