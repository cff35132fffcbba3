import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import type { Doc } from '../../text/doc.js';
import { loadClusters } from '../learn/clusters.js';
import { loadOnce } from '../learn/model-file.js';
import { datelineDash } from '../tokens/dateline.js';
import { PARSER_MODEL_FILE, ParserModel, type Dependencies } from './parser-model.js';
import { POS_MODEL_FILE, PosModel, type TaggedWord } from './tagger-model.js';
import { headlineVerbs } from './headline-verbs.js';
import { finiteVerbs } from './finite-verbs.js';
import { copulaSubject } from './copula-subject.js';
import { reflexiveIntensifier } from './reflexive-intensifier.js';
import { openingParticiples } from './opening-participles.js';
import { interruptedSubject } from './interrupted-subject.js';
import { roleNameSubject } from './role-name-subject.js';
import { possessiveModifier } from './possessive-modifier.js';

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

/**
 * A word written all in lower case, with no proper noun beside it, is no proper noun ("lives in
 * exile/NNP"): a common noun. Beside one it may be a name's particle ("Abu Bakr al Baghdadi",
 * "Maria de Souza").
 */
function commonLowerCase(words: readonly string[], tags: TaggedWord[]): TaggedWord[] {
  const proper = (i: number) => tags[i]?.upos === 'PROPN';
  return tags.map((t, i) => (t.upos === 'PROPN' && /^\p{Ll}+$/u.test(words[i]!) && !proper(i - 1) && !proper(i + 1) ? { ...t, upos: 'NOUN', xpos: t.xpos === 'NNPS' ? 'NNS' : 'NN' } : t));
}

/** Sentence by sentence, the tagger writes `upos`, `xpos` and `lemma` on every token. */
export function createTagger(config: ModelConfig = {}): Component {
  const model = loadPosModel(config.model);
  const usedAs = (word: string, upos: string) => model.usedAs(word, upos);
  return {
    name: 'tagger',
    requires: ['tokens', 'sentences'],
    assigns: ['tags'],
    process(doc: Doc): Doc {
      for (let s = 0; s < doc.sentences.length; s++) {
        const tokens = doc.sentenceTokens(s);
        const words = tokens.map((t) => t.text);
        // a dateline tagged with its sentence skews the tags after it ("Police detained" as VBN)
        const dash = datelineDash(words);
        const read = dash < 0 ? model.tag(words) : [...model.tag(words.slice(0, dash + 1)), ...model.tag(words.slice(dash + 1))];
        const tagged = finiteVerbs(words, headlineVerbs(words, commonLowerCase(words, openingParticiples(words, read))), usedAs);
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
        const words = tokens.map((t) => t.text);
        const tags = tokens.map((t) => t.xpos ?? 'NN');
        const dash = datelineDash(words);
        const semi = dash < 0 ? clauseSemicolon(words, tags) : -1;
        // words [from, to) parsed on their own, with the repairs asked for
        const parse = (from: number, to: number, repairs: 'all' | 'possessive' | 'none'): Dependencies => {
          const deps = model.parse(words.slice(from, to), tags.slice(from, to));
          const parsed = { words: words.slice(from, to), upos: tokens.slice(from, to).map((t) => t.upos ?? ''), xpos: tags.slice(from, to), heads: deps.heads, deprels: deps.deprels };
          if (repairs === 'all' && !interruptedSubject(parsed)) roleNameSubject(parsed);
          if (repairs !== 'none') possessiveModifier(parsed);
          if (repairs === 'all') {
            copulaSubject(parsed);
            reflexiveIntensifier(parsed);
          }
          return deps;
        };
        // two parts parsed apart, split after token `split`: the root of the part `hang` names hangs on the other's as `label`
        const stitch = (split: number, left: Dependencies, right: Dependencies, hang: 'left' | 'right', label: string): void => {
          const roots = [base + Math.max(0, left.heads.indexOf(-1)), base + split + 1 + Math.max(0, right.heads.indexOf(-1))];
          tokens.forEach((t, i) => {
            const inLeft = i <= split;
            const k = inLeft ? i : i - split - 1;
            const deps = inLeft ? left : right;
            const h = deps.heads[k]!;
            const hangs = h < 0 && inLeft === (hang === 'left');
            t.head = h >= 0 ? base + (inLeft ? 0 : split + 1) + h : hangs ? roots[inLeft ? 1 : 0]! : -1;
            t.deprel = hangs ? label : deps.deprels[k]!;
          });
        };
        if (semi >= 0) {
          // Two clauses a semicolon joins, parsed apart: the second's root hangs on the first's as parataxis.
          stitch(semi, parse(0, semi + 1, 'all'), parse(semi + 1, words.length, 'possessive'), 'right', 'parataxis');
        } else if (dash >= 0) {
          // The dateline and the sentence parsed apart; the dateline's head hangs on the sentence's root.
          // The sentence is repaired as any other: a lede is where "sentenced women's rights activist X" is told.
          stitch(dash, parse(0, dash + 1, 'none'), parse(dash + 1, words.length, 'all'), 'left', 'dep');
        } else {
          const deps = parse(0, words.length, 'all');
          tokens.forEach((t, i) => {
            const h = deps.heads[i]!;
            t.head = h < 0 ? -1 : base + h;
            t.deprel = deps.deprels[i]!;
          });
        }
      }
      return doc;
    },
  };
}

/** A finite verb or modal: what makes a clause. */
const FINITE = /^(?:VBD|VBZ|VBP|MD)$/;

/**
 * The first semicolon that joins two clauses ("a warrant was being prepared for her; she is now in
 * Mexico and has applied for asylum"), or -1. Each side must hold a finite verb, and the second
 * one before any relative word: a semicolon in a list ("A, a lawyer; B, who was arrested; and C")
 * joins no clauses. The parser, trained on web text, often hangs the second clause inside the
 * first, and its subject is then lost.
 */
export function clauseSemicolon(words: readonly string[], tags: readonly string[]): number {
  const at = words.indexOf(';');
  if (at <= 0 || at >= words.length - 2) return -1;
  if (!tags.slice(0, at).some((t) => FINITE.test(t))) return -1;
  for (let i = at + 1; i < words.length; i++) {
    if (/^(?:who|which|that|whom|whose)$/i.test(words[i]!) || words[i] === ';') return -1;
    if (FINITE.test(tags[i]!)) return at;
  }
  return -1;
}

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    tagger: ModelConfig;
    parser: ModelConfig;
  }
}

registry.register('tagger', (config) => createTagger(config));
registry.register('parser', (config) => createParser(config));
