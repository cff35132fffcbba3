import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VigilError } from '../core/errors.js';
import { seededRandom, shuffle } from '../core/random.js';
import type { Split } from '../corpora/locate.js';
import { locate } from '../corpora/locate.js';
import type { ConllSentence } from '../corpora/readers/conll.js';
import { readConll, tagSpans } from '../corpora/readers/conll.js';
import { labelsToSpans, NER_LABELS, spansToLabels } from '../extractors/entities/labels.js';
import { nerFeatures } from '../extractors/entities/ner-features.js';
import { earlyUpdate } from '../extractors/learn/beam.js';
import type { DocumentMemory } from '../extractors/entities/recognizer.js';
import { Recognizer } from '../extractors/entities/recognizer.js';
import { loadClusters } from '../extractors/learn/clusters.js';
import { loadGazetteer } from '../extractors/learn/gazetteer.js';
import { loadNames } from '../extractors/learn/names.js';
import { LexemeCache } from '../extractors/learn/lexical.js';
import { MODELS_DIR, tableArrays, writeModelFile } from '../extractors/learn/model-file.js';
import { AveragedPerceptron } from '../extractors/learn/perceptron.js';
import type { WeightTable } from '../extractors/learn/weights.js';
import { Progress } from './progress.js';
import type { TrainOptions } from './train-options.js';

/** CoNLL-2003 documents of a split: lists of sentences. */
export function readConllDocs(split: Split, dataDir?: string): ConllSentence[][] {
  const loc = locate('conll2003', split, dataDir);
  if (!loc.path) throw new VigilError('file_not_found', `CoNLL-2003 ${split} not found under ${loc.dir}; pass --data DIR`);
  const docs: ConllSentence[][] = [];
  for (const s of readConll(readFileSync(loc.path, 'utf8'))) {
    if (docs.length === 0 || docs[docs.length - 1]![0]!.doc !== s.doc) docs.push([]);
    docs[docs.length - 1]!.push(s);
  }
  return docs;
}

export interface NerScore {
  precision: number;
  recall: number;
  f1: number;
  perType: Record<string, { precision: number; recall: number; f1: number; gold: number }>;
}

/** conlleval: a predicted entity counts only when its span and type both match exactly. */
export function scoreNer(recognizer: Recognizer, docs: readonly ConllSentence[][]): NerScore {
  const tp = new Map<string, number>();
  const pred = new Map<string, number>();
  const gold = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  for (const doc of docs) {
    const memory: DocumentMemory = new Map();
    for (const s of doc) {
      const p = labelsToSpans(recognizer.labelSentence(s.tokens, memory));
      const g = tagSpans(s.tags);
      const goldKeys = new Set(g.map((x) => `${x.start}:${x.end}:${x.type}`));
      for (const x of g) inc(gold, x.type);
      for (const x of p) {
        inc(pred, x.type);
        if (goldKeys.has(`${x.start}:${x.end}:${x.type}`)) inc(tp, x.type);
      }
    }
  }
  const prf = (t: number, p: number, g: number) => {
    const precision = p ? t / p : 0;
    const recall = g ? t / g : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  };
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const perType: NerScore['perType'] = {};
  for (const type of gold.keys()) perType[type] = { ...prf(tp.get(type) ?? 0, pred.get(type) ?? 0, gold.get(type)!), gold: gold.get(type)! };
  return { ...prf(sum(tp), sum(pred), sum(gold)), perType };
}

/**
 * Beam width in training and decoding. Trained as a structured perceptron with early update,
 * CoNLL dev F1 went from 87.9 (greedy, locally trained) to 92.0 with a beam of 4 at 12 epochs.
 */
const BEAM = 4;

export function trainNer(options: TrainOptions): void {
  const progress = new Progress('ner');
  const train = readConllDocs('train', options.dataDir);
  const dev = readConllDocs('dev', options.dataDir);
  const clusters = loadClusters();
  const gazetteer = loadGazetteer();
  const names = loadNames();
  progress.line(`${train.length} training documents, ${dev.length} dev; ${clusters?.size ?? 0} clustered words; ${gazetteer.size} gazetteer names; ${names.size} person-name words`);
  const lexemes = new LexemeCache(clusters);
  const model = new AveragedPerceptron(NER_LABELS.length);
  const learner = new Recognizer(model, lexemes, gazetteer, names, BEAM);
  const random = seededRandom(options.seed);
  let best: { table: WeightTable; f1: number; epoch: number } | undefined;
  const order = train.slice();
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    order.forEach((doc, k) => {
      const memory: DocumentMemory = new Map();
      for (const s of doc) {
        const gold = spansToLabels(tagSpans(s.tags), s.tokens.length);
        const ctx = learner.context(s.tokens, memory);
        const { labels, diverged } = learner.decode(ctx, s.tokens.length, gold);
        earlyUpdate(model, (i, p1, p2, out) => nerFeatures(ctx, i, p1, p2, out), gold, labels, diverged);
        model.tick();
        // the memory of a training document is its gold labels: the model learns what a right memory says
        learner.remember(s.tokens, gold, memory);
      }
      progress.tick(k, order.length);
    });
    const table = model.finalize();
    const score = scoreNer(new Recognizer(table, lexemes, gazetteer, names, BEAM), dev);
    const per = Object.entries(score.perType).map(([t, s]) => `${t} ${(100 * s.f1).toFixed(1)}`).join(' ');
    progress.line(`epoch ${epoch}: dev F1 ${(100 * score.f1).toFixed(2)} (P ${(100 * score.precision).toFixed(1)} R ${(100 * score.recall).toFixed(1)}; ${per})  ${table.size} features`);
    if (!best || score.f1 > best.f1) best = { table, f1: score.f1, epoch };
  }
  const file = options.out ?? path.join(MODELS_DIR, 'ner.bin.gz');
  const bytes = writeModelFile(file, {
    header: { kind: 'ner', version: 1, labels: NER_LABELS, clusters: clusters !== undefined, names: names.size > 0, beam: BEAM, trainedOn: 'CoNLL-2003 train', epochs: best!.epoch, seed: options.seed, dev: { f1: best!.f1 } },
    arrays: tableArrays('weights', best!.table),
  });
  progress.line(`best epoch ${best!.epoch}: dev F1 ${(100 * best!.f1).toFixed(2)}; wrote ${file} (${(bytes / 1e6).toFixed(1)} MB)`);
}
