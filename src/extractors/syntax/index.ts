import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import type { Doc } from '../../text/doc.js';
import { loadClusters } from '../learn/clusters.js';
import { loadOnce } from '../learn/model-file.js';
import { PARSER_MODEL_FILE, ParserModel } from './parser-model.js';
import { POS_MODEL_FILE, PosModel } from './tagger-model.js';

export { PosModel, POS_MODEL_FILE } from './tagger-model.js';
export { ParserModel, PARSER_MODEL_FILE } from './parser-model.js';

export interface ModelConfig {
  /** Model file (default: the one shipped in models/). */
  model?: string;
}

const posModel = loadOnce((file) => new PosModel(file, loadClusters()));
const parserModel = loadOnce((file) => new ParserModel(file, loadClusters()));

export const loadPosModel = (file = POS_MODEL_FILE): PosModel => posModel(file);
export const loadParserModel = (file = PARSER_MODEL_FILE): ParserModel => parserModel(file);

/** Sentence by sentence, the tagger writes `upos`, `xpos` and `lemma` on every token. */
export function createTagger(config: ModelConfig = {}): Component {
  const model = loadPosModel(config.model);
  return {
    name: 'tagger',
    requires: ['tokens', 'sentences'],
    assigns: ['tags'],
    process(doc: Doc): Doc {
      for (let s = 0; s < doc.sentences.length; s++) {
        const tokens = doc.sentenceTokens(s);
        const tagged = model.tag(tokens.map((t) => t.text));
        tokens.forEach((t, i) => {
          t.upos = tagged[i]!.upos;
          t.xpos = tagged[i]!.xpos;
          t.lemma = tagged[i]!.lemma;
        });
      }
      return doc;
    },
  };
}

/** Sentence by sentence, the parser writes `head` (a doc-wide token index, -1 for the root) and `deprel`. */
export function createParser(config: ModelConfig = {}): Component {
  const model = loadParserModel(config.model);
  return {
    name: 'parser',
    requires: ['tokens', 'sentences', 'tags'],
    assigns: ['deps'],
    process(doc: Doc): Doc {
      for (let s = 0; s < doc.sentences.length; s++) {
        const tokens = doc.sentenceTokens(s);
        const base = doc.sentences[s]!.tokenStart;
        const deps = model.parse(
          tokens.map((t) => t.text),
          tokens.map((t) => t.xpos ?? 'NN'),
        );
        tokens.forEach((t, i) => {
          const h = deps.heads[i]!;
          t.head = h < 0 ? -1 : base + h;
          t.deprel = deps.deprels[i]!;
        });
      }
      return doc;
    },
  };
}

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    tagger: ModelConfig;
    parser: ModelConfig;
  }
}

registry.register('tagger', (config) => createTagger(config));
registry.register('parser', (config) => createParser(config));
