import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom, shuffle } from '../core/random.js';
import { filesUnder, gumDocsInSplit, locate } from '../corpora/locate.js';
import type { Split } from '../corpora/locate.js';
import type { ConlluDocument } from '../corpora/readers/conllu.js';
import { conlluDocuments, readConllu } from '../corpora/readers/conllu.js';
import { loadClusters } from '../extractors/learn/clusters.js';
import { LexemeCache } from '../extractors/learn/lexical.js';
import { MODELS_DIR, tableArrays, writeModelFile } from '../extractors/learn/model-file.js';
import { AveragedPerceptron } from '../extractors/learn/perceptron.js';
import type { WeightTable } from '../extractors/learn/weights.js';
import type { BoundaryScorer } from '../extractors/tokens/boundary.js';
import { BOUNDARY_CLASSES, decideBoundaries, sentencesFromEnds } from '../extractors/tokens/boundary.js';
import { ruleEnds } from '../extractors/tokens/sentencizer.js';
import { tokenize } from '../extractors/tokens/tokenizer.js';
import { Doc } from '../text/doc.js';
import { readEwt, toTree } from './ewt.js';
import { Progress } from './progress.js';
import { ambiguityClasses } from './train-tagger.js';
import type { TrainOptions } from './train-options.js';

/** A document ready for training: its tokens, the rules' verdicts and the gold sentence ends. */
interface Example {
  doc: Doc;
  rules: Uint8Array;
  gold: Uint8Array;
  goldSpans: Set<string>;
}

function example(d: ConlluDocument): Example {
  const doc = new Doc(d.text);
  doc.tokens = tokenize(d.text);
  const ends = new Set(d.sentences.map((s) => s.end));
  return {
    doc,
    rules: ruleEnds(doc),
    gold: Uint8Array.from(doc.tokens, (t) => (ends.has(t.end) ? 1 : 0)),
    goldSpans: new Set(d.sentences.map((s) => `${s.start}:${s.end}`)),
  };
}

function gumNews(split: Split, dataDir: string | undefined): ConlluDocument[] {
  const loc = locate('gum-news', split, dataDir);
  if (!loc.path) return [];
  return filesUnder(loc.path, '.conllu')
    .filter((f) => gumDocsInSplit(f, split))
    .flatMap((f) => conlluDocuments(readConllu(readFileSync(f, 'utf8')), f));
}

/** Sentence F1 as the evaluation scores it: exact character spans. */
function sentenceF1(examples: readonly Example[], scorer: BoundaryScorer, lexemes: LexemeCache, margin = 0): number {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  for (const e of examples) {
    const ours = sentencesFromEnds(e.doc.tokens, decideBoundaries(e.doc, e.rules, scorer, lexemes, undefined, margin));
    predicted += ours.length;
    gold += e.goldSpans.size;
    for (const s of ours) if (e.goldSpans.has(`${s.start}:${s.end}`)) tp++;
  }
  return predicted && gold ? (2 * tp) / (predicted + gold) : 0;
}

/**
 * Trains the boundary classifier on UD EWT train plus GUM's news training documents (so the
 * news conventions the rules were written for are in the data too), picking the epoch by
 * sentence F1 on EWT dev.
 */
export function trainSentences(options: TrainOptions): void {
  const progress = new Progress('sentences');
  const ewtTrain = readEwt('train', options.dataDir);
  const train = [...conlluDocuments(ewtTrain, 'ewt'), ...gumNews('train', options.dataDir)].map(example);
  const dev = conlluDocuments(readEwt('dev', options.dataDir), 'ewt').map(example);
  const gumDev = gumNews('dev', options.dataDir).map(example);
  const clusters = loadClusters();
  const ambiguity = ambiguityClasses(ewtTrain.map(toTree));
  const lexemes = new LexemeCache(clusters, ambiguity);
  progress.line(`${train.length} training documents, ${dev.length} EWT dev, ${gumDev.length} GUM news dev; ${clusters ? 'with' : 'no'} word clusters`);
  const model = new AveragedPerceptron(BOUNDARY_CLASSES);
  const random = seededRandom(options.seed);
  let best: { table: WeightTable; f1: number; gum: number; epoch: number } | undefined;
  const order = train.slice();
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    let errors = 0;
    let gaps = 0;
    order.forEach((e, k) => {
      decideBoundaries(e.doc, e.rules, model, lexemes, (i, feats, n, guess) => {
        const truth = e.gold[i] === 1;
        model.update(truth ? 1 : 0, guess ? 1 : 0, feats, n);
        model.tick();
        gaps++;
        if (truth !== guess) errors++;
        return guess;
      });
      progress.tick(k, order.length);
    });
    const table = model.finalize();
    const f1 = sentenceF1(dev, table, lexemes);
    const gum = sentenceF1(gumDev, table, lexemes);
    progress.line(`epoch ${epoch}: train gap errors ${errors}/${gaps}  EWT dev sentence F1 ${(100 * f1).toFixed(2)}  GUM news dev ${(100 * gum).toFixed(2)}  (${table.size} features)`);
    if (!best || f1 > best.f1) best = { table, f1, gum, epoch };
  }
  // the perceptron is tuned for accuracy per gap; F1 over sentences may want a bias either way
  let margin = 0;
  for (const m of [-4, -2, -1, 1, 2, 4, 8]) {
    const f1 = sentenceF1(dev, best!.table, lexemes, m);
    progress.line(`margin ${m}: EWT dev sentence F1 ${(100 * f1).toFixed(2)}`);
    if (f1 > best!.f1) {
      best!.f1 = f1;
      margin = m;
    }
  }
  best!.gum = sentenceF1(gumDev, best!.table, lexemes, margin);
  const file = options.out ?? path.join(MODELS_DIR, 'sentences.bin.gz');
  const bytes = writeModelFile(file, {
    header: {
      kind: 'sentences',
      version: 1,
      clusters: clusters !== undefined,
      trainedOn: 'UD EWT train + GUM news train',
      epochs: best!.epoch,
      seed: options.seed,
      dev: { ewtSentenceF1: best!.f1, gumNewsSentenceF1: best!.gum },
      margin,
      ambiguity: Object.fromEntries(ambiguity),
    },
    arrays: tableArrays('weights', best!.table),
  });
  progress.line(`best epoch ${best!.epoch}, margin ${margin}: EWT dev sentence F1 ${(100 * best!.f1).toFixed(2)}; wrote ${file} (${(bytes / 1e6).toFixed(2)} MB)`);
}
