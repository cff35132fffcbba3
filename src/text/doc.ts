import type { Entity, Quote, RiskReading, TextSpan, Timex, VigilEvent } from './types.js';

/**
 * The annotation layers a component can require or assign (spaCy's `Doc` attributes, by name).
 * `tags` is POS tags and lemmas on the tokens; `deps` is their dependency heads and relations;
 * `risk` is who is at risk and whether the report is about an attack on someone at risk.
 */
export const LAYER_NAMES = ['tokens', 'sentences', 'tags', 'deps', 'entities', 'timexes', 'quotes', 'events', 'risk'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

/** One token. Offsets are UTF-16 code units into `Doc.text`, end exclusive. */
export interface Token {
  readonly i: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Whitespace follows the token in the text. */
  readonly spaceAfter: boolean;
  /** The token continues the previous one's written word: "do|n't", "I|'m" (CoNLL-U multiword token). */
  readonly fused: boolean;
  upos?: string;
  xpos?: string;
  lemma?: string;
  /** Index of the head token in the doc, or -1 for a sentence root. */
  head?: number;
  deprel?: string;
}

/** A sentence: character offsets and the token range [tokenStart, tokenEnd). */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

export interface DocMeta {
  id?: string;
  /** Publication date YYYY-MM-DD that relative dates resolve against. */
  published?: string;
  title?: string;
  byline?: string;
  url?: string;
}

/**
 * A document: the exact input text and the layers read from it. Nothing here ever changes the
 * text, so every offset stays valid for the life of the Doc (spaCy's rule: the Doc owns the text).
 */
export class Doc {
  readonly text: string;
  readonly meta: DocMeta;
  tokens: Token[] = [];
  sentences: Sentence[] = [];
  entities: Entity[] = [];
  timexes: Timex[] = [];
  quotes: Quote[] = [];
  events: VigilEvent[] = [];
  risk: RiskReading | null = null;
  /** Layers some component has assigned (an assigned layer may legitimately be empty). */
  readonly assigned = new Set<LayerName>();

  constructor(text: string, meta: DocMeta = {}) {
    this.text = text;
    this.meta = { ...meta };
  }

  /** The text between two offsets, with the offsets checked. */
  slice(start: number, end: number): string {
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= this.text.length)) {
      throw new RangeError(`span [${start}, ${end}) is outside a text of length ${this.text.length}`);
    }
    return this.text.slice(start, end);
  }

  /** A `{start, end, text}` span whose text is sliced from the document, never retyped. */
  span(start: number, end: number): TextSpan {
    return { start, end, text: this.slice(start, end) };
  }

  /** The tokens of sentence `s`. */
  sentenceTokens(s: number): Token[] {
    const sent = this.sentences[s];
    return sent ? this.tokens.slice(sent.tokenStart, sent.tokenEnd) : [];
  }

  /** Index of the sentence containing character `offset`, or -1 (binary search: O(log n)). */
  sentenceAt(offset: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
}
