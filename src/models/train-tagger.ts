import path from 'node:path';
import { seededRandom, shuffle } from '../core/random.js';
import { AveragedPerceptron } from '../extractors/learn/perceptron.js';
import { LexemeCache } from '../extractors/learn/lexical.js';
import { MODELS_DIR, tableArrays, writeModelFile } from '../extractors/learn/model-file.js';
import type { WeightTable } from '../extractors/learn/weights.js';
import { Tagger } from '../extractors/syntax/tagger.js';
import { learnLemmaRules } from '../extractors/syntax/lemmatizer.js';
import { loadClusters } from '../extractors/learn/clusters.js';
import { readEwt, toTree } from './ewt.js';
import type { TreeSentence } from './ewt.js';
import { Progress } from './progress.js';
import type { TrainOptions } from './train-options.js';

/** Tagging accuracy (UPOS, XPOS) of a scorer on sentences. */
export function tagAccuracy(tagger: Tagger, sentences: readonly TreeSentence[]): { upos: number; xpos: number } {
  let upos = 0;
  let xpos = 0;
  let total = 0;
  for (const s of sentences) {
    tagger.tag(s.words).forEach((t, i) => {
      if (t.upos === s.upos[i]) upos++;
      if (t.xpos === s.xpos[i]) xpos++;
      total++;
    });
  }
  return { upos: upos / total, xpos: xpos / total };
}

/**
 * The UPOS tags each word took in training, for words seen often enough that the set is
 * trustworthy; tags under 5% of a word's uses are noise and left out.
 */
export function ambiguityClasses(sentences: readonly TreeSentence[], minCount = 4): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      const lower = w.toLowerCase();
      const m = counts.get(lower) ?? new Map<string, number>();
      m.set(s.upos[i]!, (m.get(s.upos[i]!) ?? 0) + 1);
      counts.set(lower, m);
    });
  }
  const out = new Map<string, string>();
  for (const [w, m] of counts) {
    let total = 0;
    m.forEach((c) => (total += c));
    if (total < minCount) continue;
    out.set(w, [...m].filter(([, c]) => c >= 0.05 * total).map(([t]) => t).sort().join('|'));
  }
  return out;
}

export function trainTagger(options: TrainOptions): void {
  const progress = new Progress('pos');
  const train = readEwt('train', options.dataDir).map(toTree);
  const dev = readEwt('dev', options.dataDir).map(toTree);
  const clusters = loadClusters();
  progress.line(`${train.length} training sentences, ${dev.length} dev; ${clusters ? clusters.size + ' word clusters' : 'no word clusters'}`);
  const tagSet = new Set<string>();
  for (const s of train) s.upos.forEach((u, i) => tagSet.add(`${u} ${s.xpos[i]}`));
  const tags = [...tagSet].sort();
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const ambiguity = ambiguityClasses(train);
  const lexemes = new LexemeCache(clusters, ambiguity);
  const model = new AveragedPerceptron(tags.length);
  const learner = new Tagger(tags, model, lexemes);
  const random = seededRandom(options.seed);
  let best: { table: WeightTable; upos: number; xpos: number; epoch: number } | undefined;
  const order = train.slice();
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    let correct = 0;
    let total = 0;
    order.forEach((s, k) => {
      const gold = s.upos.map((u, i) => tagIndex.get(`${u} ${s.xpos[i]}`)!);
      learner.tagIndices(s.words, (i, feats, n, guess) => {
        model.update(gold[i]!, guess, feats, n);
        model.tick();
        if (guess === gold[i]) correct++;
        total++;
        return guess; // carry the predicted history, as at test time
      });
      progress.tick(k, order.length);
    });
    const table = model.finalize();
    const acc = tagAccuracy(new Tagger(tags, table, lexemes), dev);
    progress.line(`epoch ${epoch}: train ${(100 * correct / total).toFixed(2)}  dev UPOS ${(100 * acc.upos).toFixed(2)} XPOS ${(100 * acc.xpos).toFixed(2)}  (${table.size} features)`);
    if (!best || acc.upos > best.upos) best = { table, ...acc, epoch };
  }
  const lemmaRules = learnLemmaRules(train);
  const file = options.out ?? path.join(MODELS_DIR, 'pos.bin.gz');
  const bytes = writeModelFile(file, {
    header: {
      kind: 'tagger',
      version: 1,
      tags,
      clusters: clusters !== undefined,
      trainedOn: 'UD EWT train',
      epochs: best!.epoch,
      seed: options.seed,
      dev: { upos: best!.upos, xpos: best!.xpos },
      lemmas: lemmaRules,
      ambiguity: Object.fromEntries(ambiguity),
    },
    arrays: tableArrays('weights', best!.table),
  });
  progress.line(`best epoch ${best!.epoch}: dev UPOS ${(100 * best!.upos).toFixed(2)}; wrote ${file} (${(bytes / 1e6).toFixed(1)} MB)`);
}
