import type { Gazetteer } from '../learn/gazetteer.js';
import { GAZETTEER_KINDS } from '../learn/gazetteer.js';
import type { LexemeCache } from '../learn/lexical.js';
import { argmax } from '../learn/weights.js';
import type { Scorer } from '../syntax/tagger.js';
import { allowed, NER_LABELS } from './labels.js';
import type { NerContext } from './ner-features.js';
import { MAX_NER_FEATURES, nerFeatures } from './ner-features.js';

/** How labels given so far in a document are remembered: word form → 1 for O, 2+ for a type. */
export type DocumentMemory = Map<string, number>;

const typeMemory = (label: number): number => (label === 0 ? 1 : 2 + Math.floor((label - 1) / 4));

/** Greedy BILOU named-entity recogniser over one document's sentences. */
export class Recognizer {
  readonly scorer: Scorer;
  readonly lexemes: LexemeCache;
  readonly gazetteer: Gazetteer;
  private readonly feats = new Uint32Array(MAX_NER_FEATURES);
  private readonly scores = new Float32Array(NER_LABELS.length);

  constructor(scorer: Scorer, lexemes: LexemeCache, gazetteer: Gazetteer) {
    this.scorer = scorer;
    this.lexemes = lexemes;
    this.gazetteer = gazetteer;
  }

  context(words: readonly string[], memory: DocumentMemory): NerContext {
    const gaz = new Uint8Array(words.length);
    for (const m of this.gazetteer.match(words)) {
      const kind = (GAZETTEER_KINDS.indexOf(m.entry.kind) + 1) * 4;
      if (m.end - m.start === 1) gaz[m.start] = kind + 3;
      else for (let i = m.start; i < m.end; i++) gaz[i] = kind + (i === m.start ? 0 : i === m.end - 1 ? 2 : 1);
    }
    const letters = words.filter((w) => /\p{L}/u.test(w));
    const allCaps = letters.length >= 3 && letters.every((w) => w === w.toUpperCase());
    return {
      lex: words.map((w) => this.lexemes.get(w)),
      gaz,
      memory: Int32Array.from(words, (w) => memory.get(w) ?? 0),
      allCaps,
    };
  }

  /**
   * Labels one sentence and updates the document memory. `learn`, in training, sees each
   * decision and returns the label to carry on with.
   */
  labelSentence(
    words: readonly string[],
    memory: DocumentMemory,
    learn?: (i: number, feats: Uint32Array, n: number, guess: number, allowedLabel: (l: number) => boolean) => number,
  ): number[] {
    const ctx = this.context(words, memory);
    const out: number[] = [];
    let p1 = -1;
    let p2 = -1;
    for (let i = 0; i < words.length; i++) {
      const n = nerFeatures(ctx, i, p1, p2, this.feats);
      this.scores.fill(0);
      this.scorer.score(this.feats, n, this.scores);
      const last = i === words.length - 1;
      const prev = p1;
      const ok = (l: number): boolean => allowed(prev, l, last);
      let guess = argmax(this.scores, NER_LABELS.length, ok);
      if (learn) guess = learn(i, this.feats, n, guess, ok);
      out.push(guess);
      p2 = p1;
      p1 = guess;
    }
    // Remembered only for capitalised words: "said" being O says nothing about the next "said".
    words.forEach((w, i) => {
      if (/^\p{Lu}/u.test(w)) memory.set(w, typeMemory(out[i]!));
    });
    return out;
  }
}
