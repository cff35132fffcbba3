import { BoundedCache } from '../../core/bounded-cache.js';
import { hashString } from './hash.js';

/**
 * Word shape, spaCy style: letters become X/x, digits d, other characters stay; a run of the
 * same class is cut at four ("Xxxxx" for "Bangkok" and "Phnom", "dddd-dd-dd" for a date).
 */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{L}/u.test(ch)) c = 'x';
    else if (/\p{Nd}/u.test(ch)) c = 'd';
    else c = ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 4) out += c;
  }
  return out;
}

/** Word clusters: word → bit-string path in a binary tree (Brown clusters' convention). */
export type Clusters = ReadonlyMap<string, string>;

/** A word as the training corpora write it: straight quotes, where news writes curly ones ("Velmora’s"). */
export const straightQuotes = (written: string): string => written.replace(/[\u2018\u2019\u201a\u201b]/g, "'").replace(/[\u201c\u201d\u201e\u201f]/g, '"');

/** Cluster-path prefix lengths used as features: coarse to fine. */
export const CLUSTER_PREFIXES = [4, 8, 12, 20] as const;

/**
 * Everything about one word that features are built from, hashed once. A token's features then
 * cost integer mixing only; the hashes are cached per distinct word form.
 */
export interface Lexeme {
  form: number;
  lower: number;
  /** Suffixes of the lower-cased word, lengths 1..4 (the whole word when shorter). */
  suffix: [number, number, number, number];
  /** Prefixes of the word as written, lengths 1..3. */
  prefix: [number, number, number];
  shape: number;
  /** Cluster path prefixes (CLUSTER_PREFIXES), 0 when the word has no cluster. */
  cluster: [number, number, number, number];
  /** The tags the word took in training (its "ambiguity class"), 0 for a rare or unseen word. */
  amb: number;
  /** Flags: 1 initial capital, 2 all caps, 4 has digit, 8 has hyphen, 16 all punctuation. */
  flags: number;
}

/** Word forms a cache keeps at a time, twice over (see BoundedCache): about 2 × 10k × 0.5 KB = 10 MB a model at most (four models keep one each). */
export const LEXEME_GENERATION = 10_000;

export class LexemeCache {
  private readonly cache: BoundedCache<string, Lexeme>;
  private readonly clusters: Clusters | undefined;
  private readonly ambiguity: ReadonlyMap<string, string> | undefined;

  /** `ambiguity` maps a lower-cased word to the tags it took in training, e.g. "NOUN|VERB". */
  constructor(clusters?: Clusters, ambiguity?: ReadonlyMap<string, string>, generation = LEXEME_GENERATION) {
    this.cache = new BoundedCache(generation);
    this.clusters = clusters;
    this.ambiguity = ambiguity;
  }

  /** The tags a word took in training ("NOUN|VERB"), if it was seen often enough. */
  tagsOf(word: string): string | undefined {
    return this.ambiguity?.get(word.toLowerCase());
  }

  /** The word's lexeme; the same object while the word stays cached (word sums key on it). */
  get(word: string): Lexeme {
    return this.cache.get(word, this.build);
  }

  /** How many word forms are cached now. */
  get size(): number {
    return this.cache.size;
  }

  private readonly build = (written: string): Lexeme => {
    const word = straightQuotes(written);
    const lower = word.toLowerCase();
    const n = lower.length;
    const path = this.clusters?.get(word) ?? this.clusters?.get(lower);
    const cl = CLUSTER_PREFIXES.map((k) => (path ? hashString(path.slice(0, k)) : 0)) as Lexeme['cluster'];
    let flags = 0;
    if (/^\p{Lu}/u.test(word)) flags |= 1;
    if (/^\p{Lu}[\p{Lu}\d.&-]*$/u.test(word) && word.length > 1) flags |= 2;
    if (/\d/.test(word)) flags |= 4;
    if (word.includes('-')) flags |= 8;
    if (/^[^\p{L}\p{N}]+$/u.test(word)) flags |= 16;
    return {
      form: hashString(word),
      lower: hashString(lower),
      suffix: [1, 2, 3, 4].map((k) => hashString(lower.slice(Math.max(0, n - k)))) as Lexeme['suffix'],
      prefix: [1, 2, 3].map((k) => hashString(word.slice(0, k))) as Lexeme['prefix'],
      shape: hashString(wordShape(word)),
      cluster: cl,
      amb: this.ambiguity?.has(lower) ? hashString(this.ambiguity.get(lower)!) : 0,
      flags,
    };
  };
}

/** Stand-ins for positions before the first and after the last token of a sentence. */
export const PAD_BEFORE: Lexeme = padding('<s>');
export const PAD_AFTER: Lexeme = padding('</s>');

function padding(name: string): Lexeme {
  const h = hashString(name);
  return { form: h, lower: h, suffix: [h, h, h, h], prefix: [h, h, h], shape: h, cluster: [h, h, h, h], amb: h, flags: 32 };
}
