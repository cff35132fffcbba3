import { createRequire } from 'node:module';

/**
 * Countries by every English name, abbreviation and demonym that world-countries (mledoze/countries,
 * kept up to date with ISO 3166) lists: "Thailand", "Kingdom of Thailand", "Thai" → THA. News
 * writes "U.S." and "U.K." with dots; lookups ignore dots, case and a possessive.
 */

interface WorldCountry {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
  unMember?: boolean;
}

export interface Country {
  cca2: string;
  cca3: string;
  name: string;
}

const require = createRequire(import.meta.url);

const key = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/['’]s$/u, '')
    .replace(/\./g, '')
    .replace(/^the\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

let byName: Map<string, Country> | undefined;
let byDemonym: Map<string, Country> | undefined;
let byCode: Map<string, Country> | undefined;
let namesOf: Map<string, string[]> | undefined;

/** Demonyms by country code that world-countries leaves out or spells otherwise. */
const EXTRA_DEMONYMS: Record<string, string[]> = {
  SAU: ['Saudi'], KAZ: ['Kazakh', 'Kazakhstani'], KGZ: ['Kyrgyz', 'Kyrgyzstani'], TJK: ['Tajik', 'Tajikistani'], UZB: ['Uzbek', 'Uzbekistani'],
  NPL: ['Nepali'], LAO: ['Lao'], PHL: ['Filipina'], BLR: ['Belarussian'], SOM: ['Somalian'], DJI: ['Djiboutian'], ECU: ['Ecuadorian'],
  ARG: ['Argentinian'], BIH: ['Bosnian'], GBR: ['Scottish', 'Welsh'], HKG: ['Hongkonger', 'Hongkongese'], MDV: ['Maldivian'],
};

function load(): void {
  if (byName) return;
  const list = require('world-countries') as WorldCountry[];
  byName = new Map();
  byDemonym = new Map();
  const demonymClaims = new Map<string, { country: Country; member: boolean }[]>();
  byCode = new Map();
  namesOf = new Map();
  for (const c of list) {
    const country: Country = { cca2: c.cca2, cca3: c.cca3, name: c.name.common };
    byCode.set(c.cca2, country);
    byCode.set(c.cca3, country);
    // Two-letter spellings ("TH", "IN") are words too often ("in", "it"): only the common
    // three-letter abbreviations like "USA" and "UAE" are kept.
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => /^[\p{Script=Latin}\s.'’-]+$/u.test(a) && (a.length > 2 || a === 'US' || a === 'UK'))];
    for (const n of names) if (!byName.has(key(n))) byName.set(key(n), country);
    namesOf.set(c.cca3, names);
    const d = c.demonyms?.eng;
    for (const dem of d ? [d.m, d.f] : []) {
      if (!dem) continue;
      // plural group nouns: "Thais", "Cambodians"
      for (const form of /s$/.test(dem) ? [dem] : [dem, `${dem}s`]) {
        const claims = demonymClaims.get(key(form)) ?? [];
        if (!claims.some((x) => x.country.cca3 === c.cca3)) claims.push({ country, member: c.unMember === true });
        demonymClaims.set(key(form), claims);
      }
    }
  }
  // A demonym several territories share is the UN member's ("American" is the United States', not
  // the Northern Mariana Islands'; "French" France's); one two members share ("Congolese",
  // "Dominican") names neither: no code rather than a guess.
  for (const [form, claims] of demonymClaims) {
    const members = claims.filter((x) => x.member);
    const pick = members.length === 1 ? members[0] : claims.length === 1 ? claims[0] : undefined;
    if (pick) byDemonym.set(form, pick.country);
  }
  // demonyms news uses that world-countries does not list ("Saudi journalist", "Kazakh blogger"),
  // taken only when no country claims them already
  for (const [code, forms] of Object.entries(EXTRA_DEMONYMS)) {
    for (const dem of forms) for (const form of /s$/.test(dem) ? [dem] : [dem, `${dem}s`]) if (!byDemonym.has(key(form))) byDemonym.set(key(form), byCode.get(code)!);
  }
  // "Republic of Turkey" → "Turkey": the short name news uses, when world-countries lists only the
  // long one (it names the country "Türkiye"); taken only when no country claims it already
  for (const c of list) {
    for (const n of [c.name.official, ...c.altSpellings]) {
      const short = /^(?:Republic|Kingdom|State|Commonwealth|Federation|Sultanate|Principality) of (?:the )?(\p{Lu}[\p{L} '’-]+)$/u.exec(n)?.[1];
      if (short && !byName.has(key(short))) byName.set(key(short), byCode.get(c.cca3)!);
    }
  }
  // "Britain" and "Great Britain" name the United Kingdom in most news.
  const gb = byCode.get('GBR');
  if (gb) for (const n of ['Britain', 'Great Britain', 'England', 'Scotland', 'Wales']) if (!byName.has(key(n))) byName.set(key(n), gb);
  // short names news uses that world-countries does not list
  for (const [n, code] of [['Bosnia', 'BIH']] as const) {
    if (byName.has(key(n))) continue;
    byName.set(key(n), byCode.get(code)!);
    namesOf.get(code)?.push(n);
  }
}

/** The country a name stands for ("Cambodia", "U.S.", "Kingdom of Thailand"), or undefined. */
export function countryByName(name: string): Country | undefined {
  load();
  const exact = byName!.get(key(name));
  if (exact) return exact;
  // "the Socialist Republic of Vietnam", "Islamic Republic of Iran", or the recogniser's "Republic
  // of Vietnam" cut from it: a state's long style around a name the list knows
  const styled = STATE_STYLE.exec(name.trim())?.[1];
  return styled ? byName!.get(key(styled)) : undefined;
}

/** A state's formal style before its short name; the name after it must be a country's by itself. */
const STATE_STYLE = /^(?:the\s+)?(?:(?:Socialist|Islamic|Federal|Democratic|People['’]s|Arab|United|Bolivarian|Plurinational|Hashemite|Oriental|Co-operative|Cooperative)\s+)*(?:Republic|Kingdom|State|Federation|Sultanate|Emirate|Commonwealth)\s+of\s+(?:the\s+)?(\p{Lu}[\p{L} '’-]+)$/u;

/** The country of a demonym ("Thai", "Cambodian", "Nigerians"), or undefined. */
export function countryByDemonym(word: string): Country | undefined {
  load();
  return byDemonym!.get(key(word));
}

/** Every English name and abbreviation world-countries gives the country with alpha-3 code `cca3`. */
export function countryNames(cca3: string): readonly string[] {
  load();
  return namesOf!.get(cca3) ?? [];
}

/** The country with ISO 3166-1 code `code` (alpha-2 or alpha-3). */
export function countryByCode(code: string): Country | undefined {
  load();
  return byCode!.get(code.toUpperCase());
}
