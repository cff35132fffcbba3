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
    return { heads, deprels: repairLabels(heads, labels.map((l) => this.labeler.labels[l]!), xpos, words) };
  }
}

const NOUN_TAGS = new Set(['NN', 'NNS', 'NNP', 'NNPS']);
const CORE = new Set(['nsubj', 'nsubj:pass', 'obj', 'iobj']);

/**
 * Relations the labeller gives one word at a time that no tree can hold. A noun right before a
 * noun that heads it is its modifier, never its subject or object unless the head is a predicate
 * with a copula: "the union leader was moved" labelled union → nsubj → leader lost "the union
 * leader" as a description of the person. And a verb's object does not start with a preposition:
 * "held at Boulaq El-Dakrour police station", its words hung under "station" as an object, is
 * where the person is held (an oblique), not what is held; its preposition is hung back on it, so
 * that the oblique reads "at". With the words, a description hung on a time as its apposition is
 * the verb's subject ("On Sunday night his son Arash was detained"). Changes `heads` (and, for
 * the subject, `deprels`) in place.
 */
export function repairLabels(heads: Int32Array, deprels: string[], xpos: readonly string[], words?: readonly string[]): string[] {
  if (words) subjectsOffTimes(heads, deprels, xpos, words);
  const copular = new Set<number>();
  deprels.forEach((r, i) => {
    if (r === 'cop') copular.add(heads[i]!);
  });
  // (the word right after the verb opens the object's phrase when the object is its ancestor: the
  // parser's trees are projective, so nothing before it in the phrase; asked only of the few
  // objects a preposition follows the verb of)
  const under = (k: number, a: number): boolean => {
    for (let x = heads[k]!, hops = 0; x >= 0 && hops < heads.length; x = heads[x]!, hops++) if (x === a) return true;
    return false;
  };
  const oblique = new Set<number>();
  deprels.forEach((r, i) => {
    const h = heads[i]!;
    if (r !== 'obj' || h < 0 || h >= i || !xpos[h]?.startsWith('VB') || xpos[h + 1] !== 'IN' || deprels[h + 1] !== 'case' || !under(h + 1, i)) return;
    // a count is no place: "killed at least two activists", "released over 40 detainees" (the
    // preposition marks the count, which stands in the object; "held at the nearest police station" is a place)
    const count = (k: number) => xpos[k] === 'CD' && (k === h + 2 || (k === h + 3 && (xpos[h + 2] === 'JJS' || xpos[h + 2] === 'RBS')));
    for (let k = h + 2; k <= Math.min(i, h + 3); k++) if (count(k)) return;
    oblique.add(i);
    heads[h + 1] = i;
  });
  return deprels.map((r, i) => {
    const h = heads[i]!;
    if (oblique.has(i)) return 'obl';
    if (!CORE.has(r) || h !== i + 1 || copular.has(h) || !NOUN_TAGS.has(xpos[h] ?? '')) return r;
    return NOUN_TAGS.has(xpos[i] ?? '') ? 'compound' : r;
  });
}

/** Nouns of a time of day or a span, which a description does not stand in apposition to. */
const TIMES_TOLD_AT = new Set(['night', 'morning', 'evening', 'afternoon', 'day', 'week', 'weekend', 'month', 'year', 'dawn', 'midnight']);

/**
 * "On Sunday night his son Arash, 19, was detained": the subject hung on the time before it as an
 * apposition. A noun phrase that opens with a determiner or a possessive, in apposition to the time
 * a verb with no subject is told at, is that verb's subject. Changes `heads` and `deprels` in place.
 */
function subjectsOffTimes(heads: Int32Array, deprels: string[], xpos: readonly string[], words: readonly string[]): void {
  deprels.forEach((r, i) => {
    const time = heads[i]!;
    if (r !== 'appos' || time < 0 || time > i || !TIMES_TOLD_AT.has(words[time]!.toLowerCase()) || !/^obl/.test(deprels[time] ?? '')) return;
    const verb = heads[time]!;
    if (verb <= i || !xpos[verb]?.startsWith('VB')) return;
    const kids = (h: number) => deprels.flatMap((d, k) => (heads[k] === h ? [{ d, k }] : []));
    if (kids(verb).some(({ d }) => d.startsWith('nsubj') || d === 'expl')) return;
    if (!kids(i).some(({ d, k }) => (d === 'nmod:poss' && xpos[k] === 'PRP$') || d === 'det')) return;
    heads[i] = verb;
    deprels[i] = kids(verb).some(({ d }) => d === 'aux:pass') ? 'nsubj:pass' : 'nsubj';
  });
}
