import type { Gazetteer } from '../learn/gazetteer.js';
import { GAZETTEER_KINDS } from '../learn/gazetteer.js';
import type { LexemeCache } from '../learn/lexical.js';
import { WeightTable } from '../learn/weights.js';
import { NeighbourSums } from '../learn/word-sums.js';
import type { NameList } from '../learn/names.js';
import type { Scorer } from '../syntax/tagger.js';
import type { Decoded } from '../learn/beam.js';
import { beamDecode } from '../learn/beam.js';
import type { Aggregate } from './aggregate.js';
import { documentAggregates } from './aggregate.js';
import { allowed, NER_LABELS } from './labels.js';
import type { NerContext } from './ner-features.js';
import { nerContextFeatures, nerHistoryFeatures, nerLeftFeatures, nerObservationFeatures, nerRightFeatures, nerWordFeatures } from './ner-features.js';

const typeMemory = (label: number): number => (label === 0 ? 1 : 2 + Math.floor((label - 1) / 4));

/** How labels given so far in a document are remembered: word form → 1 for O, 2+ for a type. */
export type DocumentMemory = Map<string, number>;

/** Word types whose weight sums are kept, per reading and per case of sentence (about 0.2 KB each; see the tagger). */
const MAX_SUMS = 5_000;

/**
 * BILOU named-entity recogniser over one document's sentences, decoded by beam search. With
 * trained weights, the features of one word alone (as the word, as the left and as the right
 * neighbour: 26 of about 50 per token) are summed once per word type, as the tagger does.
 */
export class Recognizer {
  readonly scorer: Scorer;
  readonly lexemes: LexemeCache;
  readonly gazetteer: Gazetteer;
  readonly names: NameList;
  /** Beam width: the one the model was trained with (1 decodes greedily, as older models were trained). */
  readonly beam: number;
  /** The second reading's weights, when the model reads a document twice. */
  readonly second: Scorer | undefined;
  /** Per scorer, per case of sentence (0 mixed, 1 all capitals): word type → its own, left and right weight sums. */
  private readonly sums = new Map<Scorer, NeighbourSums[]>();

  constructor(scorer: Scorer, lexemes: LexemeCache, gazetteer: Gazetteer, names: NameList, beam = 1, second?: Scorer) {
    this.beam = beam;
    this.second = second;
    this.scorer = scorer;
    this.lexemes = lexemes;
    this.gazetteer = gazetteer;
    this.names = names;
  }

  context(words: readonly string[], memory: DocumentMemory, aggregate?: Aggregate): NerContext {
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
      names: Uint8Array.from(words, (w) => this.names.flags(w)),
      memory: Int32Array.from(words, (w) => memory.get(w) ?? 0),
      allCaps,
      ...(aggregate ? { aggregate } : {}),
    };
  }

  /**
   * Labels a document's sentences. With a second-pass scorer the document is read twice: the
   * second reading also sees what the first said about each word elsewhere (aggregate.ts).
   */
  labelDocument(sentences: readonly (readonly string[])[]): number[][] {
    const first = this.readDocument(sentences, this.scorer);
    if (!this.second) return first;
    return this.readDocument(sentences, this.second, documentAggregates(sentences, first), first);
  }

  /**
   * One reading of a document, sentence by sentence, with its own memory. Given the first
   * reading, a sentence none of whose words recurs keeps it and is not decoded again: it gains
   * nothing from a second reading, and the second model, trained on whole Reuters stories where
   * names recur, reads a lone name as less of one (on CoNLL dev sentences read one at a time,
   * PERSON recall fell 85.8 → 80.7 without this). Its words are remembered for no other
   * sentence, since none recurs.
   */
  readDocument(sentences: readonly (readonly string[])[], scorer: Scorer, aggregates?: readonly Aggregate[], first?: readonly number[][]): number[][] {
    const memory: DocumentMemory = new Map();
    return sentences.map((words, s) => {
      const aggregate = aggregates?.[s];
      if (first && aggregate && aggregate.every((a) => a === 0)) return first[s]!;
      const { labels } = this.decode(this.context(words, memory, aggregate), words.length, undefined, scorer);
      this.remember(words, labels, memory);
      return labels;
    });
  }

  /** Beam decoding of a sentence's context; with `gold`, where the gold sequence fell out (training). */
  decode(ctx: NerContext, n: number, gold?: readonly number[], scorer: Scorer = this.scorer): Decoded {
    // weights in training change with every update: nothing can be summed ahead
    const sums = gold || !(scorer instanceof WeightTable) ? undefined : this.sumsFor(scorer, ctx.allCaps ? 1 : 0);
    sums?.bound();
    const sequence = {
      length: n,
      nLabels: NER_LABELS.length,
      allowed: (prev: number, label: number, i: number) => allowed(prev, label, i === n - 1),
      observation: sums ? (i: number, out: Uint32Array) => nerContextFeatures(ctx, i, out, 0) : (i: number, out: Uint32Array) => nerObservationFeatures(ctx, i, out),
      history: (i: number, p1: number, p2: number, out: Uint32Array) => nerHistoryFeatures(ctx, i, p1, p2, out, 0),
      ...(sums ? { observationSums: (i: number, out: Float32Array) => sums.addAt(ctx.lex, i, out) } : {}),
    };
    return beamDecode(sequence, scorer, this.beam, gold);
  }

  /** The one-word sums of a reading's weights, for sentences in mixed case (0) or in capitals (1). */
  private sumsFor(scorer: WeightTable, caps: number): NeighbourSums {
    let byCase = this.sums.get(scorer);
    if (!byCase) {
      const sums = (c: number) =>
        new NeighbourSums(
          scorer,
          NER_LABELS.length,
          [(w, out, at) => nerWordFeatures(w, c, out, at), (w, out, at) => nerLeftFeatures(w, c, out, at), (w, out, at) => nerRightFeatures(w, c, out, at)],
          MAX_SUMS,
        );
      byCase = [sums(0), sums(1)];
      this.sums.set(scorer, byCase);
    }
    return byCase[caps]!;
  }

  /** Remembered only for capitalised words: "said" being O says nothing about the next "said". */
  remember(words: readonly string[], labels: readonly number[], memory: DocumentMemory): void {
    words.forEach((w, i) => {
      if (/^\p{Lu}/u.test(w)) memory.set(w, typeMemory(labels[i]!));
    });
  }
}
