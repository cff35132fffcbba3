import { createRequire } from 'node:module';
import { countryByCode } from './countries.js';

/**
 * First-level regions (states, provinces, regions) by name, from ISO 3166-2 through iso-3166-2:
 * "Zamfara" → NG-ZA in NGA, "Karnataka" → IN-KA in IND. News adds the kind of region to the
 * name ("Zamfara State", "Sindh province"); lookups drop it. A name shared by regions of several
 * countries prefers the one in the country given.
 */

interface IsoSubdivisions {
  data: Record<string, { name: string; sub: Record<string, { type: string; name: string }> }>;
}

export interface Region {
  /** ISO 3166-2 code: "NG-ZA". */
  code: string;
  name: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
}

const require = createRequire(import.meta.url);

/** "Zamfara State" → "zamfara"; "the Cross River State" → "cross river". */
const key = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/^the\s+/i, '')
    .replace(/\s+(state|province|region|governorate|prefecture|county|oblast|district|territory)$/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

let index: Map<string, Region[]> | undefined;

function load(): Map<string, Region[]> {
  if (index) return index;
  index = new Map();
  const { data } = require('iso-3166-2') as IsoSubdivisions;
  for (const [cca2, c] of Object.entries(data)) {
    const country = countryByCode(cca2)?.cca3;
    if (!country) continue;
    for (const [code, sub] of Object.entries(c.sub)) {
      const k = key(sub.name);
      // one-word codes of two letters are common words ("Me", "Of"): names only
      if (k.length < 3) continue;
      const region = { code, name: sub.name, country };
      index.set(k, [...(index.get(k) ?? []), region]);
    }
  }
  return index;
}

/** The region called `name`, preferring one in `country` (alpha-3) when given. */
export function regionByName(name: string, country?: string): Region | undefined {
  const list = regionsNamed(name);
  return (country && list.find((r) => r.country === country)) || (country ? undefined : list[0]);
}

/** Every region called `name`, in whatever country. */
export function regionsNamed(name: string): Region[] {
  return load().get(key(name)) ?? [];
}

/** The region with ISO 3166-2 code `code` ("US-MN"). */
export function regionByCode(code: string): Region | undefined {
  const { data } = require('iso-3166-2') as IsoSubdivisions;
  const cca2 = code.split('-')[0]!;
  const sub = data[cca2]?.sub[code];
  const country = countryByCode(cca2)?.cca3;
  return sub && country ? { code, name: sub.name, country } : undefined;
}
