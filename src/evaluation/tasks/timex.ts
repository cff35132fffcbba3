import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as chrono from 'chrono-node';
import { filesUnder, locate } from '../../corpora/locate.js';
import type { TimemlDocument } from '../../corpora/readers/timeml.js';
import { readTimeml } from '../../corpora/readers/timeml.js';
import { createDefaultPipeline } from '../../extractors/default.js';
import { Doc } from '../../text/doc.js';
import type { Row } from '../report.js';
import { pct } from '../report.js';
import type { ScoredTimex } from '../scorers/timex.js';
import { TimexScorer } from '../scorers/timex.js';
import type { EvalTask } from './task.js';

/**
 * TIMEX3 on TempEval-3 (TBAQ for train/dev, the platinum set for test), document creation time
 * as the publication date. chrono-node runs on the same documents in the same run; its results
 * are read as TIMEX3 at the precision chrono says it is certain of.
 */

type Found = ScoredTimex & { text: string };

const pad = (n: number): string => String(n).padStart(2, '0');

export function chronoTimexes(doc: TimemlDocument): Found[] {
  const ref = new Date(`${doc.dct?.slice(0, 10) ?? '2000-01-01'}T12:00:00Z`);
  return chrono.parse(doc.text, { instant: ref, timezone: 0 }).map((r) => {
    const c = r.start;
    const date = `${c.get('year')}-${pad(c.get('month') ?? 1)}-${pad(c.get('day') ?? 1)}`;
    // write the value at the precision chrono is certain of; relative words ("yesterday") are days
    if (c.isCertain('hour')) return { start: r.index, end: r.index + r.text.length, text: r.text, type: 'TIME', value: `${date}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}` };
    let value = date;
    if (!c.isCertain('day') && !c.isCertain('weekday')) {
      if (c.isCertain('month')) value = date.slice(0, 7);
      else if (c.isCertain('year')) value = date.slice(0, 4);
    }
    return { start: r.index, end: r.index + r.text.length, text: r.text, type: 'DATE', value };
  });
}

function rowOf(name: string, scorer: TimexScorer): Row {
  const s = scorer.score();
  return {
    name,
    values: {
      'strict F1': pct(s.strict.f1),
      'relaxed P': pct(s.relaxed.precision),
      'relaxed R': pct(s.relaxed.recall),
      'relaxed F1': pct(s.relaxed.f1),
      'type acc': pct(s.typeAccuracy),
      'value acc': pct(s.valueAccuracy),
      'type F1': pct(s.typeF1),
      'value F1': pct(s.valueF1),
    },
  };
}

/**
 * TBAQ is TimeBank (183 documents) plus AQUAINT (73). The distributed folder also holds
 * `testpipeline/`, a copy of one TimeBank document used to test a pipeline; scoring it would
 * count that document twice, so when the two corpus folders are there only they are read.
 */
function tbaqFiles(dir: string): string[] {
  const parts = ['TimeBank', 'AQUAINT'].map((name) => path.join(dir, name)).filter((p) => existsSync(p));
  return parts.length > 0 ? parts.flatMap((p) => filesUnder(p, '.tml')) : filesUnder(dir, '.tml');
}

export const timexTask: EvalTask = {
  name: 'timex',
  description: 'TIMEX3: TempEval-3 strict/relaxed F1, type and value F1 on TBAQ, with chrono-node beside us',
  run(ctx) {
    const loc = locate('tempeval3', ctx.split, ctx.dataDir);
    if (!loc.path) return { skipped: `TempEval-3 ${ctx.split} not found under ${loc.dir}` };
    const files = tbaqFiles(loc.path);
    ctx.progress(`reading ${files.length} TimeML documents`);
    const docs = files.map((f) => readTimeml(readFileSync(f, 'utf8'), f));
    const pipeline = createDefaultPipeline();
    const ours = new TimexScorer();
    const theirs = new TimexScorer();
    const started = Date.now();
    docs.forEach((d, i) => {
      if (i % 50 === 0) ctx.progress(`document ${i + 1}/${docs.length}`);
      const gold = d.timexes.map((t) => ({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value }));
      const doc = pipeline.run(new Doc(d.text, { published: d.dct?.slice(0, 10) }));
      ours.add(gold, doc.timexes.map((t) => ({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value })));
      theirs.add(gold, chronoTimexes(d));
    });
    ctx.progress(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (process.env.VIGIL_EVAL_ERRORS === '1') {
      for (const w of ours.wrongValues) console.error(`value  ${w.gold.text} | gold ${w.gold.type} ${w.gold.value} | ours "${w.system.text}" ${w.system.type} ${w.system.value}`);
      for (const g of ours.missed) console.error(`missed ${g.text} | ${g.type} ${g.value}`);
      for (const s of ours.spurious) console.error(`spurious ${s.text} | ${s.type} ${s.value}`);
    }
    const gold = docs.reduce((n, d) => n + d.timexes.length, 0);
    return {
      result: {
        task: 'timex',
        split: ctx.split,
        corpus: `TempEval-3 (${docs.length} documents, ${gold} TIMEX3)`,
        data: loc.path,
        tables: [
          {
            title: 'TIMEX3 (TempEval-3 metric: relaxed = any overlap; type/value F1 = relaxed F1 × accuracy)',
            columns: ['strict F1', 'relaxed P', 'relaxed R', 'relaxed F1', 'type acc', 'value acc', 'type F1', 'value F1'],
            rows: [
              rowOf('Vigil dates', ours),
              rowOf('chrono-node 2.10 (same documents)', theirs),
              { name: 'HeidelTime (TE3 test)', values: { 'strict F1': 81.34, 'relaxed F1': 90.3, 'value F1': 77.61 }, published: true },
              { name: 'SUTime (TE3 test)', values: { 'strict F1': 79.57, 'relaxed F1': 90.32, 'value F1': 67.38 }, published: true },
            ],
          },
        ],
        notes: ['target on TBAQ: value F1 ≥ 82', 'TBAQ is the TempEval-3 training set; the platinum test set is scored with --split test when present'],
      },
    };
  },
};
