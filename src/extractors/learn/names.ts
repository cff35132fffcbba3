import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadOnce, MODELS_DIR } from './model-file.js';

export const NAMES_FILE = path.join(MODELS_DIR, 'names.tsv.gz');

/** Flags of a word in the person-name lists. */
export const GIVEN_NAME = 1;
export const SURNAME = 2;
/** A given name some locale lists as a woman's, or as a man's (both bits: it says nothing). */
export const FEMALE_NAME = 4;
export const MALE_NAME = 8;

/**
 * Words that are given names or family names somewhere: the person lists of @faker-js/faker's
 * locales written in Latin script (Vietnamese, Indonesian, Yoruba, Zulu, Ghanaian, Nepali, Uzbek,
 * Turkish… beside the European ones), built into models/names.tsv.gz by `npm run train --
 * gazetteer`. The recogniser learned its names from 1996 Reuters news, where "Adebisi", "Nguyen"
 * or "Mthunzi" hardly occur; a flag that says "this word is a given name in Yoruba" carries it to
 * them. Matching is case-sensitive: "Will" is flagged, "will" is not. Given names listed as a
 * woman's or a man's carry that too: a pronoun's gender then tells two people apart.
 */
export class NameList {
  private readonly flagsByWord: ReadonlyMap<string, number>;

  constructor(flagsByWord: ReadonlyMap<string, number>) {
    this.flagsByWord = flagsByWord;
  }

  get size(): number {
    return this.flagsByWord.size;
  }

  /** GIVEN_NAME | SURNAME bits for a word as written, 0 when it is in neither list. */
  flags(word: string): number {
    return (this.flagsByWord.get(word) ?? 0) & (GIVEN_NAME | SURNAME);
  }

  /** 'f' or 'm' when the lists give the word as a given name of one gender only. */
  gender(word: string): 'f' | 'm' | undefined {
    const f = this.flagsByWord.get(word) ?? 0;
    if ((f & FEMALE_NAME) && !(f & MALE_NAME)) return 'f';
    if ((f & MALE_NAME) && !(f & FEMALE_NAME)) return 'm';
    return undefined;
  }
}

const lists = loadOnce((file) => {
  const flags = new Map<string, number>();
  if (existsSync(file)) {
    for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
      const [word, f] = line.split('\t');
      if (word && f) flags.set(word, Number(f));
    }
  }
  return new NameList(flags);
});

/** The person-name lists in `file` (empty when the file is absent), read once per process. */
export const loadNames = (file = NAMES_FILE): NameList => lists(file);
