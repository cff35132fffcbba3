import { locate } from '../../corpora/locate.js';
import { loadParserModel, loadPosModel } from '../../extractors/syntax/index.js';
import { readEwt, readGumNews, toTree } from '../../models/ewt.js';
import { tagAccuracy } from '../../models/train-tagger.js';
import { attachmentScore, pipelineAttachmentScore, withPredictedTags } from '../../models/train-parser.js';
import { pct } from '../report.js';
import type { EvalTask, TaskContext, TaskOutcome } from './task.js';

function ewtMissing(ctx: TaskContext): TaskOutcome | undefined {
  const loc = locate('ud-ewt', ctx.split, ctx.dataDir);
  return loc.path ? undefined : { skipped: `UD EWT ${ctx.split} not found under ${loc.dir}` };
}

export const posTask: EvalTask = {
  name: 'pos',
  description: 'POS tagger: UPOS and XPOS accuracy on UD EWT (gold tokens)',
  run(ctx) {
    const missing = ewtMissing(ctx);
    if (missing) return missing;
    const sentences = readEwt(ctx.split, ctx.dataDir).map(toTree);
    ctx.progress(`tagging ${sentences.length} sentences`);
    const acc = tagAccuracy(loadPosModel().tagger, sentences);
    const words = sentences.reduce((n, s) => n + s.words.length, 0);
    const gum = readGumNews(ctx.dataDir);
    const news = gum.length ? tagAccuracy(loadPosModel().tagger, gum) : undefined;
    return {
      result: {
        task: 'pos',
        split: ctx.split,
        corpus: 'UD English EWT',
        data: locate('ud-ewt', ctx.split, ctx.dataDir).path!,
        tables: [
          {
            title: 'POS accuracy (every word, gold tokenization)',
            columns: ['UPOS', 'XPOS', 'words'],
            rows: [
              { name: 'Vigil (averaged perceptron)', values: { UPOS: pct(acc.upos), XPOS: pct(acc.xpos), words } },
              ...(news ? [{ name: 'Vigil on GUM news, all 24 documents (held out)', values: { UPOS: pct(news.upos), XPOS: pct(news.xpos), words: gum.reduce((n, s) => n + s.words.length, 0) } }] : []),
              { name: 'spaCy en_core_web_lg, OntoNotes', values: { UPOS: null, XPOS: 97.3, words: null }, published: true },
            ],
          },
        ],
        notes: ['target on EWT dev: UPOS ≥ 96.5'],
      },
    };
  },
};

export const parserTask: EvalTask = {
  name: 'parser',
  description: 'dependency parser: UAS/LAS on UD EWT with gold tokens and predicted tags',
  run(ctx) {
    const missing = ewtMissing(ctx);
    if (missing) return missing;
    const sentences = withPredictedTags(readEwt(ctx.split, ctx.dataDir).map(toTree));
    ctx.progress(`parsing ${sentences.length} sentences`);
    const model = loadParserModel();
    const s = attachmentScore(model.parser, model.labeler, sentences);
    const gum = withPredictedTags(readGumNews(ctx.dataDir));
    const news = gum.length ? attachmentScore(model.parser, model.labeler, gum) : undefined;
    // the parse the pipeline uses: labels repaired and a lost subject restored after the model
    const piped = pipelineAttachmentScore(model, sentences);
    const pipedNews = gum.length ? pipelineAttachmentScore(model, gum) : undefined;
    return {
      result: {
        task: 'parser',
        split: ctx.split,
        corpus: 'UD English EWT',
        data: locate('ud-ewt', ctx.split, ctx.dataDir).path!,
        tables: [
          {
            title: 'Attachment scores (CoNLL 2018: every word incl. punctuation; LAS on the universal relation)',
            columns: ['UAS', 'LAS', 'LAS full label', 'words'],
            rows: [
              { name: 'Vigil (arc-hybrid, dynamic oracle)', values: { UAS: pct(s.uas), LAS: pct(s.las), 'LAS full label': pct(s.lasFull), words: s.words } },
              ...(news ? [{ name: 'Vigil on GUM news, all 24 documents (held out)', values: { UAS: pct(news.uas), LAS: pct(news.las), 'LAS full label': pct(news.lasFull), words: news.words } }] : []),
              { name: 'Vigil as the pipeline parses (with repairs)', values: { UAS: pct(piped.uas), LAS: pct(piped.las), 'LAS full label': pct(piped.lasFull), words: piped.words } },
              ...(pipedNews ? [{ name: 'the same on GUM news', values: { UAS: pct(pipedNews.uas), LAS: pct(pipedNews.las), 'LAS full label': pct(pipedNews.lasFull), words: pipedNews.words } }] : []),
              { name: 'spaCy en_core_web_lg, OntoNotes', values: { UAS: 92.1, LAS: 90.3, 'LAS full label': null, words: null }, published: true },
            ],
          },
        ],
        notes: ['tags come from models/pos.bin.gz, not the treebank', 'targets on EWT dev: UAS ≥ 90, LAS ≥ 87'],
      },
    };
  },
};
