import { readFileSync } from 'node:fs';
import { VigilError } from '../core/errors.js';
import type { Split } from '../corpora/locate.js';
import { filesUnder, locate } from '../corpora/locate.js';
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
 * Every GUM news document's trees (24 Wikinews articles, about 17,000 words), for the tagger and
 * parser figures on news: no model trains on GUM, so all of it is held out. None when absent.
 */
export function readGumNews(dataDir?: string): TreeSentence[] {
  const loc = locate('gum-news', 'dev', dataDir);
  if (!loc.path) return [];
  return filesUnder(loc.path, '.conllu').flatMap((f) => readConllu(readFileSync(f, 'utf8')).map(toTree));
}
