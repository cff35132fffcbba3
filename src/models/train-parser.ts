import path from 'node:path';
import { seededRandom, shuffle } from '../core/random.js';
import { loadClusters } from '../extractors/learn/clusters.js';
import { LexemeCache } from '../extractors/learn/lexical.js';
import { MODELS_DIR, tableArrays, writeModelFile } from '../extractors/learn/model-file.js';
import { AveragedPerceptron } from '../extractors/learn/perceptron.js';
import type { WeightTable } from '../extractors/learn/weights.js';
import { MOVES } from '../extractors/syntax/arc-hybrid.js';
import { loadPosModel } from '../extractors/syntax/index.js';
import { Labeler } from '../extractors/syntax/labeler.js';
import type { ParserModel } from '../extractors/syntax/parser-model.js';
import { interruptedSubject } from '../extractors/syntax/interrupted-subject.js';
import { Parser } from '../extractors/syntax/parser.js';
import { readEwt, toTree } from './ewt.js';
import type { TreeSentence } from './ewt.js';
import { Progress } from './progress.js';
import type { TrainOptions } from './train-options.js';

/** A gold tree with the tags our tagger predicts for it (what the parser sees at run time). */
export interface ParserSentence extends TreeSentence {
  predicted: string[];
  /** The predicted universal tags, which the pipeline's parse repairs read. */
  predictedUpos: string[];
}

export function withPredictedTags(sentences: TreeSentence[]): ParserSentence[] {
  const pos = loadPosModel();
  return sentences.map((s) => {
    const tags = pos.tag(s.words);
    return { ...s, predicted: tags.map((t) => t.xpos), predictedUpos: tags.map((t) => t.upos) };
  });
}

/** The parse as the pipeline's parser component gives it: the model's, its labels repaired, a lost subject restored. */
export function pipelineAttachmentScore(model: ParserModel, sentences: readonly ParserSentence[]): AttachmentScore {
  return scoreParses(sentences, (s) => {
    const deps = model.parse(s.words, s.predicted);
    interruptedSubject({ words: s.words, upos: s.predictedUpos, xpos: s.predicted, heads: deps.heads, deprels: deps.deprels });
    return deps;
  });
}

export interface AttachmentScore {
  uas: number;
  /** CoNLL 2018 LAS: universal relation only ("obl:agent" counts as "obl"), every word including punctuation. */
  las: number;
  /** LAS on the full relation with subtypes. */
  lasFull: number;
  words: number;
}

export function attachmentScore(parser: Parser, labeler: Labeler, sentences: readonly ParserSentence[]): AttachmentScore {
  return scoreParses(sentences, (s) => {
    const heads = parser.parse(s.words, s.predicted);
    return { heads, deprels: labeler.label(s.words, s.predicted, heads).map((l) => labeler.labels[l]!) };
  });
}

/** UAS and LAS of a parse of each sentence against its tree. */
function scoreParses(sentences: readonly ParserSentence[], parse: (s: ParserSentence) => { heads: ArrayLike<number>; deprels: readonly string[] }): AttachmentScore {
  let uas = 0;
  let las = 0;
  let full = 0;
  let words = 0;
  const universal = (r: string): string => r.split(':')[0]!;
  for (const s of sentences) {
    const { heads, deprels } = parse(s);
    for (let i = 0; i < s.words.length; i++) {
      words++;
      if (heads[i] !== s.heads[i]) continue;
      uas++;
      if (universal(deprels[i]!) === universal(s.deprels[i]!)) las++;
      if (deprels[i] === s.deprels[i]) full++;
    }
  }
  return { uas: uas / words, las: las / words, lasFull: full / words, words };
}

export function trainParser(options: TrainOptions): void {
  const progress = new Progress('parser');
  progress.line('tagging the treebank with the trained POS model');
  const train = withPredictedTags(readEwt('train', options.dataDir).map(toTree));
  const dev = withPredictedTags(readEwt('dev', options.dataDir).map(toTree));
  const clusters = loadClusters();
  progress.line(`${train.length} training sentences, ${dev.length} dev`);
  const labels = [...new Set(train.flatMap((s) => s.deprels))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const lexemes = new LexemeCache(clusters);
  const moves = new AveragedPerceptron(MOVES);
  const rels = new AveragedPerceptron(labels.length);
  const parser = new Parser(moves, lexemes);
  const labeler = new Labeler(labels, rels, lexemes);
  const random = seededRandom(options.seed);
  let best: { moves: WeightTable; rels: WeightTable; score: AttachmentScore; epoch: number } | undefined;
  const order = train.slice();
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    order.forEach((s, k) => {
      const gold = Int32Array.from(s.heads, (h) => (h < 0 ? s.words.length : h));
      parser.parse(s.words, s.predicted, (st, feats, n, guess, scores) => {
        // The dynamic oracle: every legal move of least cost is correct; learn toward the best-scoring one.
        let minCost = Infinity;
        const costs = Array.from({ length: MOVES }, (_, m) => (st.legal(m) ? st.cost(m, gold) : Infinity));
        costs.forEach((c) => (minCost = Math.min(minCost, c)));
        let bestGold = -1;
        for (let m = 0; m < MOVES; m++) if (costs[m] === minCost && (bestGold < 0 || scores[m]! > scores[bestGold]!)) bestGold = m;
        if (costs[guess] !== minCost) moves.update(bestGold, guess, feats, n);
        moves.tick();
        // Explore after the first epoch: follow the model's own (legal) mistakes most of the time.
        return epoch > 1 && random() < 0.9 ? guess : bestGold;
      });
      const goldLabels = s.deprels.map((r) => labelIndex.get(r)!);
      labeler.label(s.words, s.predicted, s.heads, (i, feats, n, guess) => {
        rels.update(goldLabels[i]!, guess, feats, n);
        rels.tick();
      });
      progress.tick(k, order.length);
    });
    const m = moves.finalize();
    const r = rels.finalize();
    const score = attachmentScore(new Parser(m, lexemes), new Labeler(labels, r, lexemes), dev);
    progress.line(`epoch ${epoch}: dev UAS ${(100 * score.uas).toFixed(2)} LAS ${(100 * score.las).toFixed(2)} (full labels ${(100 * score.lasFull).toFixed(2)})  ${m.size}+${r.size} features`);
    if (!best || score.las > best.score.las) best = { moves: m, rels: r, score, epoch };
  }
  const file = options.out ?? path.join(MODELS_DIR, 'parser.bin.gz');
  const bytes = writeModelFile(file, {
    header: { kind: 'parser', version: 1, labels, clusters: clusters !== undefined, trainedOn: 'UD EWT train, tags predicted by models/pos.bin.gz', epochs: best!.epoch, seed: options.seed, dev: best!.score },
    arrays: { ...tableArrays('moves', best!.moves), ...tableArrays('labels', best!.rels) },
  });
  progress.line(`best epoch ${best!.epoch}: dev UAS ${(100 * best!.score.uas).toFixed(2)} LAS ${(100 * best!.score.las).toFixed(2)}; wrote ${file} (${(bytes / 1e6).toFixed(1)} MB)`);
}
