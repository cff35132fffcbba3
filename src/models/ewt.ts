import { readFileSync } from 'node:fs';
import { VigilError } from '../core/errors.js';
import type { Split } from '../corpora/locate.js';
import { filesUnder, gumDocsInSplit, locate } from '../corpora/locate.js';
import type { ConlluSentence } from '../corpora/readers/conllu.js';
import { readConllu } from '../corpora/readers/conllu.js';

/** UD EWT sentences of a split, or a clear error naming where they were looked for. */
export function readEwt(split: Split, dataDir?: string): ConlluSentence[] {
  const loc = locate('ud-ewt', split, dataDir);
  if (!loc.path) throw new VigilError('file_not_found', `UD EWT ${split} not found under ${loc.dir}; pass --data DIR (a folder like ../shared/data)`);
  return readConllu(readFileSync(loc.path, 'utf8'));
}

/** A sentence's word-level annotations in plain arrays. */
export interface TreeSentence {
  words: string[];
  upos: string[];
  xpos: string[];
  lemmas: string[];
  /** 0-based head index, -1 for the root. */
  heads: number[];
  deprels: string[];
}

export function toTree(s: ConlluSentence): TreeSentence {
  return {
    words: s.words.map((w) => w.form),
    upos: s.words.map((w) => w.upos),
    xpos: s.words.map((w) => w.xpos),
    lemmas: s.words.map((w) => w.lemma),
    heads: s.words.map((w) => w.head - 1),
    deprels: s.words.map((w) => w.deprel),
  };
}

/**
 * GUM's news documents of a split as trees, or none when the corpus is absent. GUM follows the
 * same UD English guidelines as EWT, and it is news, the genre Vigil reads: the EWT-only parser
 * scored UAS 83 on EWT dev but 77 on GUM's 20 news training documents, which it had never seen.
 */
export function readGumNews(split: Split, dataDir?: string): TreeSentence[] {
  const loc = locate('gum-news', split, dataDir);
  if (!loc.path) return [];
  const files = filesUnder(loc.path, '.conllu').filter((f) => gumDocsInSplit(f, split));
  return files.flatMap((f) => readConllu(readFileSync(f, 'utf8'))).map(toTree);
}

/** What the tagger and parser learn from: EWT's training split and GUM's news training documents. */
export function readSyntaxTraining(dataDir?: string): { trees: TreeSentence[]; news: number } {
  const news = readGumNews('train', dataDir);
  return { trees: [...readEwt('train', dataDir).map(toTree), ...news], news: news.length };
}
