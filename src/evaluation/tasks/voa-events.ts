import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDataDir } from '../../corpora/locate.js';
import { detokenize, readGmb } from '../../corpora/readers/gmb.js';
import { createDefaultPipeline } from '../../extractors/default.js';
import { Doc } from '../../text/doc.js';
import { nameMentions } from '../../text/types.js';
import { pct } from '../report.js';
import type { Row } from '../report.js';
import { emptyCounts, prf, scoreSentence, type GoldSentence, type SystemRecord } from '../voa/score.js';
import type { EvalTask } from './task.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** Our annotation of GMB sentences (`data/voa-events/README.md`): sentence numbers, token indices, types; no text. */
export const VOA_GOLD = path.join(ROOT, 'data', 'voa-events');

/**
 * Real newswire sentences nobody wrote a rule against: the Voice of America sentences of GMB's NER
 * corpus that tell an arrest, a killing, a charge… of a named person, annotated by us (who the event
 * befalls, its type and modality, whether they are at risk). Each sentence is read alone, written
 * back as text from its tokens. Train is for reading misses; dev is scored only.
 */
export const voaEventsTask: EvalTask = {
  name: 'voa-events',
  description: 'who events befall in real VOA news sentences (our annotation of GMB): person, type, modality P/R',
  run(ctx) {
    const csv = path.join(ctx.dataDir ?? sharedDataDir(), 'gmb-ner-voa', 'ner_dataset.truncated.csv');
    if (!existsSync(csv)) return { skipped: `GMB's NER corpus not found at ${csv}` };
    const goldFile = path.join(ctx.gold ?? VOA_GOLD, `${ctx.split}.jsonl`);
    if (!existsSync(goldFile)) return { skipped: `no annotation for split ${ctx.split} at ${goldFile}` };
    const gold = readFileSync(goldFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as GoldSentence);
    const sentences = readGmb(readFileSync(csv, 'latin1'));
    const pipeline = createDefaultPipeline();
    const counts = emptyCounts();
    const misses: string[] = [];
    const items = ctx.limit ? gold.slice(0, ctx.limit) : gold;
    items.forEach((g, i) => {
      if (i % 50 === 0) ctx.progress(`sentence ${i + 1}/${items.length}`);
      const tokens = sentences[g.n - 1]?.tokens;
      if (!tokens) throw new Error(`sentence ${g.n} is not in ${csv}`);
      const { text, starts } = detokenize(tokens);
      const tokenAt = (offset: number) => {
        let k = starts.length - 1;
        while (k > 0 && starts[k]! > offset) k--;
        return k;
      };
      const span = (s: number, e: number): [number, number] => [tokenAt(s), tokenAt(e - 1) + 1];
      const doc = pipeline.run(new Doc(text));
      const sys: SystemRecord[] = [];
      for (const v of doc.events) {
        const e = v.target?.entity ? doc.entities.find((x) => x.id === v.target!.entity) : undefined;
        if (!e || e.type !== 'PERSON') continue;
        sys.push({ type: v.type, modality: v.modality, spans: nameMentions(e).map((m) => span(m.start, m.end)) });
      }
      const before = counts.typed.hit;
      const goldTyped = new Set(g.events.map((r) => `${r.type}:${r.target.join('-')}`)).size;
      scoreSentence(g.events, sys, counts);
      if (ctx.split === 'train' && (counts.typed.hit - before < goldTyped || sys.length > counts.typed.hit - before))
        misses.push(`${g.n}: gold ${g.events.map((r) => `${r.type}/${r.modality} ${tokens.slice(r.target[0], r.target[1]).join(' ')}`).join('; ') || '—'} | ours ${sys.map((s) => `${s.type}/${s.modality} ${s.spans.map((sp) => tokens.slice(sp[0], sp[1]).join(' ')).join('=')}`).join('; ') || '—'}`);
    });
    const row = (name: string, c: { gold: number; sys: number; hit: number }): Row => {
      const s = prf(c);
      return { name, values: { P: pct(s.p), R: pct(s.r), F1: pct(s.f), gold: c.gold, ours: c.sys } };
    };
    const rows = [row('person an event befalls', counts.person), row('person + event type', counts.typed), row('person + type + modality', counts.modal)];
    const notes = [
      `people at risk (our annotation) an event was found to befall: ${counts.atRisk.hit} of ${counts.atRisk.gold} (${pct(counts.atRisk.gold ? counts.atRisk.hit / counts.atRisk.gold : 0)} %)`,
      'each sentence is read alone, without its report: pronouns and people named in other sentences are not annotated',
    ];
    if (ctx.split === 'train') notes.push(`sentences with a miss or an extra (train only): ${misses.length}`, ...misses);
    return {
      result: {
        task: 'voa-events',
        split: ctx.split,
        corpus: `GMB Voice of America sentences (${items.length} annotated; ${items.filter((s) => s.events.length).length} telling an event that befalls a named person)`,
        data: csv,
        tables: [{ title: 'Who events befall, sentence by sentence', columns: ['P', 'R', 'F1', 'gold', 'ours'], rows }],
        notes,
      },
    };
  },
};
