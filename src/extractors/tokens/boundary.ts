import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Doc, Sentence, Token } from '../../text/doc.js';
import { feat1, feat2, feat3 } from '../learn/hash.js';
import type { Clusters, Lexeme } from '../learn/lexical.js';
import { LexemeCache, PAD_AFTER, PAD_BEFORE } from '../learn/lexical.js';
import { loadClusters } from '../learn/clusters.js';
import { loadOnce, MODELS_DIR, readModelFile, tableFrom } from '../learn/model-file.js';
import { VigilError } from '../../core/errors.js';
import { datelineDash } from './dateline.js';

/**
 * A trained sentence-boundary classifier for the gaps the rules cannot settle. Web and e-mail
 * text ends sentences with no mark at all ("Thanks for the help Bob Smith") or starts them in
 * lower case, and news text would be hurt by rules loose enough to catch those; an averaged
 * perceptron over each gap between tokens, with the rules' verdict as one of its features,
 * learns where the rules are wrong from UD EWT and GUM. Line breaks stay with the rules: the
 * corpora join a paragraph's sentences on one line, so they teach nothing about them.
 */

export const MAX_BOUNDARY_FEATURES = 48;
/** Class 1 is "a sentence ends after this token". */
export const BOUNDARY_CLASSES = 2;

/** What lies between two tokens on one line: nothing, one space, or more (two spaces after a period). */
export function gapKind(text: string, a: Token, b: Token): number {
  const n = b.start - a.end;
  return n === 0 ? 0 : n === 1 && text[a.end] === ' ' ? 1 : 2;
}

/** Line breaks between two tokens (the rules tell a wrapped line from a paragraph by their count). */
export function newlinesBetween(text: string, a: Token, b: Token): number {
  let n = 0;
  for (let k = a.end; k < b.start; k++) if (text.charCodeAt(k) === 10) n++;
  return n;
}

export interface GapState {
  /** Tokens since the last boundary. */
  length: number;
  /** Whether a word that can be a verb has come since the last boundary. */
  verb: boolean;
  /** Open brackets since the last boundary. */
  depth: number;
}

/**
 * Features of the gap after token `i`: the rules' verdict, the words on each side (form, shape,
 * cluster, the tags they can take), how they are spaced, and how long the sentence is so far.
 */
export function boundaryFeatures(lex: readonly Lexeme[], i: number, rule: boolean, gap: number, state: GapState, out: Uint32Array): number {
  const a = lex[i]!;
  const b = lex[i + 1] ?? PAD_AFTER;
  const a1 = lex[i - 1] ?? PAD_BEFORE;
  const b2 = lex[i + 2] ?? PAD_AFTER;
  const r = rule ? 1 : 0;
  const len = Math.min(state.length, 30) >> 2;
  const v = state.verb ? 1 : 0;
  const depth = Math.min(state.depth, 2);
  let n = 0;
  out[n++] = feat1(0, 1);
  out[n++] = feat1(1, r);
  out[n++] = feat1(2, a.lower);
  out[n++] = feat1(3, b.lower);
  out[n++] = feat1(4, a.shape);
  out[n++] = feat1(5, b.shape);
  out[n++] = feat1(6, a1.lower);
  out[n++] = feat1(7, b2.lower);
  out[n++] = feat2(8, a.lower, b.lower);
  out[n++] = feat2(9, a.shape, b.shape);
  out[n++] = feat2(10, a.lower, b.shape);
  out[n++] = feat2(11, a.shape, b.lower);
  out[n++] = feat1(12, b.cluster[0]);
  out[n++] = feat1(13, b.cluster[1]);
  out[n++] = feat1(14, a.cluster[0]);
  out[n++] = feat1(15, a.cluster[1]);
  out[n++] = feat3(16, r, b.flags & 1, a.flags & 16);
  out[n++] = feat1(17, gap);
  out[n++] = feat2(18, gap, r);
  out[n++] = feat1(19, len);
  out[n++] = feat2(20, len, r);
  out[n++] = feat1(21, b.amb);
  out[n++] = feat1(22, a.amb);
  out[n++] = feat2(23, a.amb, b.amb);
  out[n++] = feat2(24, a.lower, b.amb);
  out[n++] = feat2(25, a.amb, b.lower);
  out[n++] = feat1(26, a.suffix[2]);
  out[n++] = feat1(27, b.prefix[0]);
  out[n++] = feat2(28, r, b.shape);
  out[n++] = feat3(29, a1.shape, a.shape, b.shape);
  out[n++] = feat2(30, b.lower, b2.lower);
  out[n++] = feat3(31, r, a.lower, b.flags & 1);
  out[n++] = feat2(32, a1.lower, a.lower);
  out[n++] = feat2(33, b.cluster[1], b2.cluster[0]);
  out[n++] = feat3(34, v, r, b.flags & 1);
  out[n++] = feat2(35, v, b.amb);
  out[n++] = feat2(36, depth, r);
  out[n++] = feat2(37, b.amb, b2.amb);
  out[n++] = feat3(38, v, a.shape, b.shape);
  return n;
}

/** Anything that scores features into per-class sums: trained weights, or weights in training. */
export interface BoundaryScorer {
  score(feats: Uint32Array, n: number, out: Float32Array): void;
}

/**
 * Decides every gap of a document left to right. `ruleEnds` marks the tokens after which the
 * rules end a sentence; a gap with a line break keeps the rules' verdict. `learn` is called per
 * decided gap in training and returns the decision to carry on with.
 */
/** The token at `k` joined by a hyphen to the next word, as a given name is ("Hang-tung", "Jong-un"). */
const hyphenated = (tokens: readonly { text: string; start: number; end: number }[], k: number): boolean =>
  tokens[k + 1]?.text === '-' && tokens[k + 1]!.start === tokens[k]!.end && tokens[k + 2]?.start === tokens[k + 1]!.end;

/** A word the tagger's training saw as a name only, or never: "Chow", not "Thanks" or "Hi". */
const nameOnly = (tags: string | undefined): boolean => tags === undefined || tags === 'PROPN';

export function decideBoundaries(
  doc: Doc,
  ruleEnds: Uint8Array,
  scorer: BoundaryScorer,
  lexemes: LexemeCache,
  learn?: (i: number, feats: Uint32Array, n: number, guess: boolean) => boolean,
  margin = 0,
): Uint8Array {
  const { tokens, text } = doc;
  const ends = new Uint8Array(tokens.length);
  const lex = tokens.map((t) => lexemes.get(t.text));
  const feats = new Uint32Array(MAX_BOUNDARY_FEATURES);
  const scores = new Float32Array(BOUNDARY_CLASSES);
  const state: GapState = { length: 0, verb: false, depth: 0 };
  // up to the dash of a dateline ("ORVANE —") the rules decide: the corpora have no datelines
  let datelineEnd = -1;
  for (let i = 0; i < tokens.length - 1; i++) {
    if (i === 0 || newlinesBetween(text, tokens[i - 1]!, tokens[i]!) > 0) {
      const dash = datelineDash(tokens.slice(i, i + 13).map((t) => t.text));
      datelineEnd = dash >= 0 ? i + dash : -1;
    }
    const a = tokens[i]!;
    state.length++;
    if (/VERB|AUX/.test(lexemes.tagsOf(a.text) ?? '')) state.verb = true;
    if (a.text === '(' || a.text === '[') state.depth++;
    else if ((a.text === ')' || a.text === ']') && state.depth > 0) state.depth--;
    const b = tokens[i + 1]!;
    let end: boolean;
    if (i <= datelineEnd || newlinesBetween(text, a, b) > 0) end = ruleEnds[i] === 1;
    else {
      const n = boundaryFeatures(lex, i, ruleEnds[i] === 1, gapKind(text, a, b), state, feats);
      scores.fill(0);
      scorer.score(feats, n, scores);
      end = scores[1]! + margin > scores[0]!;
      if (learn) end = learn(i, feats, n, end);
      // one capitalised name is no sentence of its own inside a line where the rules saw no end
      // when a name (or a hyphenated given name) follows: the model learnt web text's breaks
      // ("Thanks, Sean | Here you go") and cut "Chow | Hang-tung, 38, …" after a family name
      else if (end && !ruleEnds[i] && state.length <= 1 && /^\p{Lu}/u.test(a.text) && /^\p{Lu}/u.test(b.text) && nameOnly(lexemes.tagsOf(a.text)) && (nameOnly(lexemes.tagsOf(b.text)) || hyphenated(tokens, i + 1))) end = false;
    }
    if (end) {
      ends[i] = 1;
      state.length = 0;
      state.verb = false;
      state.depth = 0;
    }
  }
  if (tokens.length > 0) ends[tokens.length - 1] = 1;
  return ends;
}

/** Sentences from per-token end marks. */
export function sentencesFromEnds(tokens: readonly Token[], ends: Uint8Array): Sentence[] {
  const out: Sentence[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (ends[i] !== 1) continue;
    out.push({ start: tokens[first]!.start, end: tokens[i]!.end, tokenStart: first, tokenEnd: i + 1 });
    first = i + 1;
  }
  return out;
}

/** The trained classifier as loaded from `models/sentences.bin.gz`. */
export class BoundaryModel {
  readonly scorer: BoundaryScorer;
  readonly lexemes: LexemeCache;
  readonly header: Record<string, unknown>;
  /** Added to the boundary score: chosen in training for the best F1 on dev. */
  readonly margin: number;

  constructor(file: string, clusters: Clusters | undefined) {
    const model = readModelFile(file);
    if (model.header.kind !== 'sentences') throw new VigilError('model_missing', `${file} is not a sentence-boundary model`);
    if (model.header.clusters && !clusters) throw new VigilError('model_missing', `${file} was trained with word clusters, which are missing`);
    const ambiguity = new Map(Object.entries(model.header.ambiguity as Record<string, string>));
    this.scorer = tableFrom(model, 'weights', BOUNDARY_CLASSES);
    this.lexemes = new LexemeCache(clusters, ambiguity);
    this.header = model.header;
    this.margin = typeof model.header.margin === 'number' ? model.header.margin : 0;
  }

  split(doc: Doc, ruleEnds: Uint8Array): Sentence[] {
    return sentencesFromEnds(doc.tokens, decideBoundaries(doc, ruleEnds, this.scorer, this.lexemes, undefined, this.margin));
  }
}

export const SENTENCES_MODEL_FILE = path.join(MODELS_DIR, 'sentences.bin.gz');

const loaded = loadOnce((file): BoundaryModel | null => (existsSync(file) ? new BoundaryModel(file, loadClusters()) : null));

/** The shipped model, or null before `npm run train -- sentences` has written one (the rules then decide alone). */
export function boundaryModel(file = SENTENCES_MODEL_FILE): BoundaryModel | null {
  return loaded(file);
}
