import { locate } from '../../corpora/locate.js';
import { loadNerModel } from '../../extractors/entities/index.js';
import { readConllDocs, scoreNer } from '../../models/train-ner.js';
import type { Row } from '../report.js';
import type { PRF } from '../scorers/prf.js';
import { pct } from '../report.js';
import type { EvalTask } from './task.js';
import { scoreNerThroughPipeline } from './ner-text.js';

export const nerTask: EvalTask = {
  name: 'ner',
  description: 'named entities: CoNLL-2003 exact span-and-type F1 (conlleval)',
  run(ctx) {
    const loc = locate('conll2003', ctx.split, ctx.dataDir);
    if (!loc.path) return { skipped: `CoNLL-2003 ${ctx.split} not found under ${loc.dir}` };
    const docs = readConllDocs(ctx.split, ctx.dataDir);
    ctx.progress(`labelling ${docs.length} documents`);
    const s = scoreNer(loadNerModel(), docs);
    const rows: Row[] = [
      { name: 'all', values: { P: pct(s.precision), R: pct(s.recall), F1: pct(s.f1), gold: null } },
      ...Object.entries(s.perType)
        .sort()
        .map(([type, t]) => ({ name: type, values: { P: pct(t.precision), R: pct(t.recall), F1: pct(t.f1), gold: t.gold } })),
      { name: 'CoNLL-2003 best system (test split)', values: { P: null, R: null, F1: 88.76, gold: null }, published: true },
      { name: 'Ratinov & Roth 2009 (test split)', values: { P: null, R: null, F1: 90.8, gold: null }, published: true },
    ];
    const text = scoreNerThroughPipeline(docs, ctx.progress);
    const textRow = (name: string, t: PRF) => ({ name, values: { P: pct(t.precision), R: pct(t.recall), F1: pct(t.f1), gold: name === 'all' ? null : t.tp + t.fn } });
    const textRows: Row[] = [textRow('all', text.micro()), ...text.labels().map((l) => textRow(l, text.score(l)))];
    return {
      result: {
        task: 'ner',
        split: ctx.split,
        corpus: 'CoNLL-2003 English',
        data: loc.path,
        tables: [
          { title: 'Entities on CoNLL tokens (exact span and type)', columns: ['P', 'R', 'F1', 'gold'], rows },
          { title: 'Entities through the pipeline, from each document’s text (exact character span and type)', columns: ['P', 'R', 'F1', 'gold'], rows: textRows },
        ],
        notes: ['PER recall is the row to watch: most names in our reports are not in any training set', 'target on dev (testa): F1 ≥ 93.5'],
      },
    };
  },
};
