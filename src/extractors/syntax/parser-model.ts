import path from 'node:path';
import { VigilError } from '../../core/errors.js';
import type { Clusters } from '../learn/lexical.js';
import { LexemeCache } from '../learn/lexical.js';
import { MODELS_DIR, readModelFile, tableFrom } from '../learn/model-file.js';
import { MOVES } from './arc-hybrid.js';
import { Labeler } from './labeler.js';
import { Parser } from './parser.js';

export const PARSER_MODEL_FILE = path.join(MODELS_DIR, 'parser.bin.gz');

export interface Dependencies {
  heads: Int32Array;
  deprels: string[];
}

/** The dependency parser and relation labeller trained by `npm run train -- parser`. */
export class ParserModel {
  readonly parser: Parser;
  readonly labeler: Labeler;

  constructor(file: string, clusters: Clusters | undefined) {
    const model = readModelFile(file);
    if (model.header.kind !== 'parser') throw new VigilError('model_missing', `${file} is not a parser model`);
    if (model.header.clusters && !clusters) throw new VigilError('model_missing', `${file} was trained with word clusters, which are missing`);
    const labels = model.header.labels as string[];
    const lexemes = new LexemeCache(clusters);
    this.parser = new Parser(tableFrom(model, 'moves', MOVES), lexemes);
    this.labeler = new Labeler(labels, tableFrom(model, 'labels', labels.length), lexemes);
  }

  parse(words: readonly string[], xpos: readonly string[]): Dependencies {
    const heads = this.parser.parse(words, xpos);
    const labels = this.labeler.label(words, xpos, heads);
    return { heads, deprels: repairLabels(heads, labels.map((l) => this.labeler.labels[l]!), xpos) };
  }
}

const NOUN_TAGS = new Set(['NN', 'NNS', 'NNP', 'NNPS']);
const CORE = new Set(['nsubj', 'nsubj:pass', 'obj', 'iobj']);

/**
 * Relations the labeller gives one word at a time that no tree can hold. A noun right before a
 * noun that heads it is its modifier, never its subject or object unless the head is a predicate
 * with a copula: "the union leader was moved" labelled union → nsubj → leader lost "the union
 * leader" as a description of the person.
 */
export function repairLabels(heads: Int32Array, deprels: string[], xpos: readonly string[]): string[] {
  const copular = new Set<number>();
  deprels.forEach((r, i) => {
    if (r === 'cop') copular.add(heads[i]!);
  });
  return deprels.map((r, i) => {
    const h = heads[i]!;
    if (!CORE.has(r) || h !== i + 1 || copular.has(h) || !NOUN_TAGS.has(xpos[h] ?? '')) return r;
    return NOUN_TAGS.has(xpos[i] ?? '') ? 'compound' : r;
  });
}
