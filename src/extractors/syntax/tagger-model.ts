import path from 'node:path';
import { VigilError } from '../../core/errors.js';
import { BoundedCache } from '../../core/bounded-cache.js';
import { LexemeCache } from '../learn/lexical.js';
import type { Clusters } from '../learn/lexical.js';
import { MODELS_DIR, readModelFile, tableFrom } from '../learn/model-file.js';
import type { LemmaRules } from './lemmatizer.js';
import { lemmatize } from './lemmatizer.js';
import type { PosTag } from './tagger.js';
import { Tagger } from './tagger.js';

export interface TaggedWord extends PosTag {
  lemma: string;
}

/** The trained POS tagger and lemmatizer, as loaded from `models/pos.bin.gz`. */
export class PosModel {
  readonly tagger: Tagger;
  readonly lemmaRules: LemmaRules;
  readonly header: Record<string, unknown>;
  /** The UPOS tags each word frequent in training took (`ambiguityClasses`), lower-cased. */
  private readonly ambiguity: ReadonlyMap<string, string>;

  constructor(file: string, clusters: Clusters | undefined) {
    const model = readModelFile(file);
    if (model.header.kind !== 'tagger') throw new VigilError('model_missing', `${file} is not a tagger model`);
    const tags = model.header.tags as string[];
    const ambiguity = new Map(Object.entries(model.header.ambiguity as Record<string, string>));
    if (model.header.clusters && !clusters) throw new VigilError('model_missing', `${file} was trained with word clusters, which are missing`);
    this.tagger = new Tagger(tags, tableFrom(model, 'weights', tags.length), new LexemeCache(clusters, ambiguity));
    this.lemmaRules = model.header.lemmas as LemmaRules;
    this.header = model.header;
    this.ambiguity = ambiguity;
  }

  /** Whether training saw the word with this UPOS often enough to say so; a rare word is no closed-class word. */
  usedAs(word: string, upos: string): boolean {
    return (this.ambiguity.get(word.toLowerCase()) ?? '').split('|').includes(upos);
  }

  /** Lemmas by word and tag, bounded (a bulk import, a long-running server). */
  private readonly lemmas = new BoundedCache<string, string>(20_000);

  tag(words: readonly string[]): TaggedWord[] {
    return this.tagger.tag(words).map((t, i) => ({ ...t, lemma: this.lemma(words[i]!, t.xpos) }));
  }

  private lemma(word: string, xpos: string): string {
    return this.lemmas.get(`${word}\t${xpos}`, () => lemmatize(this.lemmaRules, word, xpos));
  }
}

export const POS_MODEL_FILE = path.join(MODELS_DIR, 'pos.bin.gz');
