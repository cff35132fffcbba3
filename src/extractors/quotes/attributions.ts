import { existsSync } from 'node:fs';
import path from 'node:path';
import { VigilError } from '../../core/errors.js';
import { capitalisedThroughout } from '../entities/headline-trim.js';
import type { Quote } from '../../text/types.js';
import { loadOnce, MODELS_DIR, readModelFile, tableFrom } from '../learn/model-file.js';
import type { Sequence } from '../learn/beam.js';
import { beamDecode, beamWidth } from '../learn/beam.js';
import type { FeatureScorer } from '../learn/weights.js';
import type { Tree } from '../syntax/tree.js';
import type { AttributionPart, TokenContext } from './attribution-features.js';
import { ATTRIBUTION_LABELS, attributionHistory, attributionObservation } from './attribution-features.js';
import type { MentionIndex } from './speaker.js';
import { speakerFields, speakerRange } from './speaker.js';

/**
 * A learned attribution tagger: source, cue and content as BIO labels over each sentence,
 * decoded by beam search (a structured perceptron with early update, trained on PolNeAR's
 * training articles by `npm run train -- quotes`). It adds the attributions the rules do not find; where the rules
 * found one, theirs stands, with its speaker resolved through coreference.
 */

export type AttributionScorer = FeatureScorer;

const N = ATTRIBUTION_LABELS.length;
/** "I-x" may only follow "B-x" or "I-x". */
export const allowedAfter = (label: number, prev: number): boolean => label % 2 === 1 || label === 0 || prev === label - 1 || prev === label;

/** One sentence, tokens [from, to), as a sequence for the beam; labels before it count as O. */
export function attributionSequence(ctx: TokenContext, from: number, to: number): Sequence {
  return {
    length: to - from,
    nLabels: N,
    allowed: (prev, label) => allowedAfter(label, Math.max(prev, 0)),
    observation: (k, out) => attributionObservation(ctx, from + k, from, to, out),
    history: (k, p1, p2, out) => attributionHistory(ctx, from + k, Math.max(p1, 0), Math.max(p2, 0), out, 0),
  };
}

/**
 * Labels (indices into ATTRIBUTION_LABELS) for every token, sentence by sentence, by a beam of
 * `width`: the width the model was trained with (1 decodes greedily, as older models were trained).
 */
export function tagAttributions(tree: Tree, ctx: TokenContext, scorer: AttributionScorer, width = 1): Uint8Array {
  const doc = tree.doc;
  const labels = new Uint8Array(doc.tokens.length);
  for (const s of doc.sentences) {
    const decoded = beamDecode(attributionSequence(ctx, s.tokenStart, s.tokenEnd), scorer, width).labels;
    decoded.forEach((l, k) => (labels[s.tokenStart + k] = l));
  }
  return labels;
}

interface PartSpan {
  part: AttributionPart;
  first: number;
  last: number;
}

function spansIn(labels: Uint8Array, from: number, to: number): PartSpan[] {
  const out: PartSpan[] = [];
  for (let i = from; i < to; i++) {
    const l = labels[i]!;
    if (l === 0) continue;
    const part = ATTRIBUTION_LABELS[l]!.slice(2) as PartSpan['part'];
    const last = out[out.length - 1];
    if (l % 2 === 0 && last && last.part === part && last.last === i - 1) last.last = i;
    else out.push({ part, first: i, last: i });
  }
  return out;
}

const distance = (a: PartSpan, b: PartSpan): number => (a.last < b.first ? b.first - a.last : a.first > b.last ? a.first - b.last : 0);

function nearest(spans: PartSpan[], to: PartSpan): PartSpan | undefined {
  let best: PartSpan | undefined;
  for (const s of spans) if (!best || distance(s, to) < distance(best, to)) best = s;
  return best;
}

/** The head of a token range: its token whose head lies outside it. */
function headOf(tree: Tree, first: number, last: number): number {
  for (let i = first; i <= last; i++) {
    const h = tree.head(i);
    if (h < first || h > last) return i;
  }
  return last;
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);

/** The nominal a source span is about: its head, or the noun a stray determiner belongs to ("the" of "the minister"). */
function sourceHead(tree: Tree, source: PartSpan): number | undefined {
  let h = headOf(tree, source.first, source.last);
  if (!NOMINAL.has(tree.token(h).upos ?? '') && tree.head(h) >= 0 && NOMINAL.has(tree.token(tree.head(h)).upos ?? '')) h = tree.head(h);
  return NOMINAL.has(tree.token(h).upos ?? '') ? h : undefined;
}

/** Content shorter than this with no verb is a topic, not a statement. */
const MIN_VERBLESS_CONTENT = 5;

/**
 * Whether a content span says something: a clause (it has a verb) or at least a few words.
 * PolNeAR also attributes short noun phrases ("spoke about the “reforms”"); a monitor reading
 * statements has no use for those (this costs about 2 points of PolNeAR F1, all of it recall).
 */
function saysSomething(tree: Tree, content: PartSpan): boolean {
  for (let i = content.first; i <= content.last; i++) if (/^(VERB|AUX)$/.test(tree.token(i).upos ?? '')) return true;
  return content.last - content.first + 1 >= MIN_VERBLESS_CONTENT;
}

/**
 * A quoted name in title case ("titled “Night Falls Over the Harbour Town”"): a film, a book, a
 * programme, not words anybody said. Every word of four letters or more is capitalised.
 */
export function isQuotedTitle(text: string): boolean {
  const inner = /^["“](.*)["”]$/su.exec(text.trim().replace(/[.,]$/, ''))?.[1];
  return inner !== undefined && capitalisedThroughout(inner);
}

/** Whether token `t` hangs (within a few steps) from a token of [first, last]. */
function hangsFrom(tree: Tree, t: number, first: number, last: number): boolean {
  let k = t;
  for (let hops = 0; hops < 6; hops++) {
    k = tree.head(k);
    if (k < 0) break;
    if (k >= first && k <= last) return true;
  }
  return false;
}

/**
 * How many words a content may grow by. The repair is for a labeller that stopped a few words
 * short; a news sentence is rarely longer than this, so no sentence of a real report reaches it,
 * while in a run-on "sentence" of thousands of tokens (a hostile input) every content would
 * otherwise grow over the rest of it, quadratic in its length (5 KB of "Dr.Dr.…": 18 s).
 */
const MAX_CONTENT_GROWTH = 100;

/** Tokens read by `completeContent`, for the test that counts them. */
export const contentWork = { tokensRead: 0 };

/**
 * Greedy labelling stops a long content short ("called the arrest a political | act meant to
 * silence critics"): the content runs on while the next word belongs to its phrase (hangs from
 * one of its words within a few steps, or heads one of them), up to the source, the cue or the
 * sentence's last punctuation. Which words head one of the content's is counted as the content
 * grows, not looked for again over the whole content at each word (quadratic in a long sentence).
 */
function completeContent(tree: Tree, content: PartSpan, end: number, taken: (i: number) => boolean): PartSpan {
  const headed = new Map<number, number>();
  const include = (i: number) => {
    contentWork.tokensRead++;
    headed.set(tree.head(i), (headed.get(tree.head(i)) ?? 0) + 1);
  };
  for (let i = content.first; i <= content.last; i++) include(i);
  let last = content.last;
  const limit = Math.min(end, content.last + 1 + MAX_CONTENT_GROWTH);
  while (last + 1 < limit && !taken(last + 1) && (hangsFrom(tree, last + 1, content.first, last) || headed.has(last + 1))) include(++last);
  while (last > content.first && tree.token(last).upos === 'PUNCT' && !/^["”’)]$/.test(tree.token(last).text)) last--;
  return { ...content, last };
}

/** Quotes from the labels: each content span with the nearest source (required) and cue in its sentence. */
export function quotesFromLabels(tree: Tree, mentions: MentionIndex, labels: Uint8Array): Quote[] {
  const doc = tree.doc;
  const out: Quote[] = [];
  for (const s of doc.sentences) {
    const spans = spansIn(labels, s.tokenStart, s.tokenEnd);
    const cues = spans.filter((p) => p.part === 'cue');
    const sources = spans.filter((p) => p.part === 'source');
    // the sentence's source and cue words, marked once (a scan of every span per word was quadratic)
    const sourceOrCue = new Uint8Array(s.tokenEnd - s.tokenStart);
    for (const p of spans) if (p.part !== 'content') sourceOrCue.fill(1, p.first - s.tokenStart, p.last + 1 - s.tokenStart);
    const taken = (i: number): boolean => sourceOrCue[i - s.tokenStart] === 1;
    for (const tagged of spans.filter((p) => p.part === 'content')) {
      const content = completeContent(tree, tagged, s.tokenEnd, taken);
      const cue = nearest(cues, content);
      const source = nearest(sources, content);
      const head = source && sourceHead(tree, source);
      if (head === undefined || !saysSomething(tree, content)) continue;
      const span = doc.span(doc.tokens[content.first]!.start, doc.tokens[content.last]!.end);
      if (isQuotedTitle(span.text)) continue;
      const marks = span.text.match(/["“”]/g)?.length ?? 0;
      const kind = /^["“]/.test(span.text) && /["”][.,]?$/.test(span.text) ? 'direct' : marks > 0 ? 'mixed' : 'indirect';
      // the speaker's whole phrase, as the rules take it, never into the content or the cue
      const stop = (i: number): boolean => (i >= content.first && i <= content.last) || (cue !== undefined && i >= cue.first && i <= cue.last);
      const range = speakerRange(tree, head, stop);
      const speaker = speakerFields(tree, mentions, head, range.first, range.last);
      out.push({ ...span, kind, cue: cue ? doc.span(doc.tokens[cue.first]!.start, doc.tokens[cue.last]!.end) : null, ...speaker });
    }
  }
  return out;
}

/** The trained tagger as loaded from `models/quotes.bin.gz`. */
export class AttributionModel {
  readonly scorer: AttributionScorer;
  readonly header: Record<string, unknown>;
  /** The beam width it was trained with. */
  readonly beam: number;

  constructor(file: string) {
    const model = readModelFile(file);
    if (model.header.kind !== 'attributions') throw new VigilError('model_missing', `${file} is not an attribution model`);
    this.scorer = tableFrom(model, 'weights', N);
    this.header = model.header;
    this.beam = beamWidth(model.header);
  }
}

export const ATTRIBUTIONS_MODEL_FILE = path.join(MODELS_DIR, 'quotes.bin.gz');

const loaded = loadOnce((file): AttributionModel | null => (existsSync(file) ? new AttributionModel(file) : null));

/** The shipped model, or null before `npm run train -- quotes` has written one (the rules then work alone). */
export function attributionModel(file = ATTRIBUTIONS_MODEL_FILE): AttributionModel | null {
  return loaded(file);
}
