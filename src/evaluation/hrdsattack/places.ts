import { cityByName, countryByName, regionByCode, regionByName, resolvePlace } from '../../extractors/places/index.js';
import type { Region } from '../../extractors/places/index.js';
import type { Doc } from '../../text/doc.js';
import type { Entity, TextSpan, VigilEvent } from '../../text/types.js';
import { nameMentions } from '../../text/types.js';
import { bin } from '../../extractors/learn/linear.js';
import type { Candidate } from '../../extractors/learn/linear.js';

/**
 * The places an HRDsAttack report names, as candidates for the adapter's rankers: which country
 * (`countryCandidates`), which region (`regionCandidates`) and which city (`cityCandidates`) the
 * attack happened in. The dataset's annotators filed the dateline's city as often as the city of the event, and Hong Kong as a city;
 * a ranker learns from the training split which a report's features point to.
 */

/** Where the report first names `e`. */
const firstNamed = (e: Entity): number => Math.min(...nameMentions(e).map((m) => m.start));

/** Hong Kong and Macao are China's special administrative regions; the annotators file them under China. */
const SOVEREIGN: Record<string, string> = { HKG: 'CHN', MAC: 'CHN' };

export function countryCandidates(doc: Doc, titleEnd: number, violations: VigilEvent[]): Candidate<string | null>[] {
  const stats = new Map<string, { n: number; kinds: Set<string>; first: number; place: boolean; agent: boolean }>();
  const note = (code: string, kind: string, at: number, count: number) => {
    const c = SOVEREIGN[code] ?? code;
    const s = stats.get(c) ?? { n: 0, kinds: new Set(), first: Infinity, place: false, agent: false };
    s.n += count;
    s.kinds.add(kind);
    s.first = Math.min(s.first, at);
    stats.set(c, s);
  };
  for (const e of doc.entities) {
    const names = nameMentions(e);
    if (!e.country || names.length === 0) continue;
    const kind = e.type === 'LOC' ? (resolvePlace(e.name).city ? 'city' : 'country') : e.type;
    note(e.country, kind, firstNamed(e), names.length);
  }
  // "Delhi Police", "Lagos State Police Command": a body named for its city stands for the city's country
  for (const e of doc.entities) {
    const names = nameMentions(e);
    if (e.type !== 'ORG' || e.country || names.length === 0) continue;
    const lead = /^(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?) (?:State |City )?(?:Police|Command|Court|Prison|Government|Municipal)/u.exec(e.name)?.[1];
    const city = lead ? cityByName(lead) : undefined;
    if (city && city.population >= 100_000) note(city.country, 'orgcity', firstNamed(e), names.length);
  }
  // "Zamfara State", "Niger state police": a region stands for its country, which the report may never name
  for (const m of doc.text.matchAll(REGION_WORD)) {
    const region = regionByName(m[1]!);
    if (region && !countryByName(m[1]!)) note(region.country, 'region', m.index, 1);
  }
  for (const v of violations) {
    const place = doc.entities.find((e) => e.id === v.place?.entity)?.country;
    if (place) stats.get(SOVEREIGN[place] ?? place)!.place = true;
    const agent = doc.entities.find((e) => e.id === v.agent?.entity)?.country;
    if (agent) stats.get(SOVEREIGN[agent] ?? agent)!.agent = true;
  }
  const total = [...stats.values()].reduce((a, s) => a + s.n, 0);
  const ranked = [...stats].sort((a, b) => b[1].n - a[1].n);
  const out: Candidate<string | null>[] = ranked.map(([code, s], rank) => ({
    value: code,
    feats: [
      `rank=${bin(rank, [0, 1, 2])}`,
      `n=${bin(s.n, [1, 2, 4, 8])}`,
      `share=${bin(Math.round((10 * s.n) / total), [2, 4, 6, 8])}`,
      `firstsent=${bin(doc.sentenceAt(s.first), [0, 1, 3, 6, 12])}`,
      ...(s.first < titleEnd ? ['intitle'] : []),
      ...[...s.kinds].map((k) => `kind=${k}`),
      ...(s.place ? ['evplace'] : []),
      ...(s.agent ? ['evagent'] : []),
    ],
  }));
  out.push({ value: null, feats: ['none', `ncand=${bin(out.length, [0, 1, 2])}`] });
  return out;
}

/** City-states: countries to world-countries, cities to the annotators ("Hong Kong"). */
const CITY_STATES = new Set(['HKG', 'MAC', 'SGP', 'MCO', 'VAT']);

/** "MANILA" in a dateline is written "Manila" elsewhere in the report, or in title case. */
function cityName(e: Entity): string {
  if (e.name !== e.name.toUpperCase()) return e.name;
  const mixed = nameMentions(e).find((m) => m.text !== m.text.toUpperCase());
  return mixed ? mixed.text : e.name.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
}

/** A dateline: the name opens a paragraph ("LAGOS, Nigeria —", "Minsk (Reuters) -"). */
function inDateline(doc: Doc, m: TextSpan): boolean {
  const before = doc.text.slice(Math.max(0, m.start - 2), m.start);
  return (m.start === 0 || /\n\s*$/.test(before)) && /^\s*(?:[,(—–-]|$)/u.test(doc.text.slice(m.end, m.end + 3));
}

export function cityCandidates(doc: Doc, titleEnd: number, violations: VigilEvent[], ruled: string | null): Candidate<string | null>[] {
  // each place with where it is first named and whether it is a city-state ("Hong Kong")
  const places = doc.entities
    .filter((e) => e.type === 'LOC' && nameMentions(e).length > 0)
    .map((e) => {
      const p = resolvePlace(e.name);
      return { e, first: firstNamed(e), cityState: !p.city && p.country !== undefined && CITY_STATES.has(p.country), city: Boolean(p.city) };
    })
    .filter((p) => p.city || p.cityState)
    .sort((a, b) => a.first - b.first);
  const eventPlaces = new Set(violations.map((v) => v.place?.entity).filter(Boolean));
  const mainPlace = (violations.find((v) => v.date) ?? violations[0])?.place?.entity;
  const out: Candidate<string | null>[] = places.map(({ e, first, cityState }, rank) => {
    const names = nameMentions(e);
    return {
      value: cityName(e),
      feats: [
        `rank=${bin(rank, [0, 1, 2, 4])}`,
        `n=${bin(names.length, [1, 2, 4, 8])}`,
        `firstsent=${bin(doc.sentenceAt(first), [0, 1, 2, 4, 8])}`,
        ...(first < titleEnd ? ['intitle'] : []),
        ...(names.some((m) => inDateline(doc, m)) ? ['dateline'] : []),
        ...(eventPlaces.has(e.id) ? ['evplace'] : []),
        ...(e.id === mainPlace ? ['mainplace'] : []),
        ...(ruled && ruled === e.name ? ['rule'] : []),
        ...(cityState ? ['citystate'] : []),
      ],
    };
  });
  out.push({ value: null, feats: ['none', `ncand=${bin(out.length, [0, 1, 2])}`] });
  return out;
}

/** "Zamfara State", "Sindh province": a region named with its kind, anywhere in the text. */
const REGION_WORD = /\b((?:\p{Lu}[\p{L}-]+ ){0,2}\p{Lu}[\p{L}-]+) (?:State|state|Province|province|Region|region|Governorate|governorate)\b/gu;

/**
 * First-level regions the report points to: places it names that ISO 3166-2 knows as regions,
 * regions named with their kind ("Zamfara State"), and the states of the US cities it names
 * (GeoNames gives a US city's state as its postal code, which ISO 3166-2 shares). The value is
 * written as the report writes it, without the kind: "Zamfara".
 */
export function regionCandidates(doc: Doc, titleEnd: number, violations: VigilEvent[], countries: readonly Candidate<string | null>[]): Candidate<string | null>[] {
  const top = countries[0]?.value ?? undefined;
  const stats = new Map<string, { region: Region; name: string; kinds: Set<string>; n: number; first: number; place: boolean }>();
  const note = (region: Region, name: string, kind: string, at: number, n: number, place: boolean) => {
    const s = stats.get(region.code) ?? { region, name, kinds: new Set<string>(), n: 0, first: Infinity, place: false };
    s.kinds.add(kind);
    s.n += n;
    s.first = Math.min(s.first, at);
    s.place ||= place;
    stats.set(region.code, s);
  };
  const eventPlaces = new Set(violations.map((v) => v.place?.entity).filter(Boolean));
  for (const e of doc.entities) {
    const names = nameMentions(e);
    if (e.type !== 'LOC' || names.length === 0) continue;
    const at = firstNamed(e);
    const isCity = Boolean(resolvePlace(e.name).city);
    const region = regionByName(e.name, top) ?? regionByName(e.name);
    if (region) note(region, e.name.replace(/\s+(State|Province|Region)$/i, ''), countryByName(e.name) ? 'alsocountry' : isCity ? 'alsocity' : 'named', at, names.length, eventPlaces.has(e.id));
    const city = isCity ? cityByName(e.name) : undefined;
    const state = city?.country === 'USA' ? regionByCode(`US-${city.adminCode}`) : undefined;
    if (state) note(state, state.name, 'ofcity', at, names.length, eventPlaces.has(e.id));
  }
  for (const m of doc.text.matchAll(REGION_WORD)) {
    const region = regionByName(m[1]!, top) ?? regionByName(m[1]!);
    if (region) note(region, m[1]!, 'withkind', m.index, 1, false);
  }
  const ranked = [...stats.values()].sort((a, b) => b.n - a.n);
  const out: Candidate<string | null>[] = ranked.map((s, rank) => ({
    value: s.name,
    feats: [
      `rank=${bin(rank, [0, 1, 2])}`,
      `n=${bin(s.n, [1, 2, 4, 8])}`,
      `firstsent=${bin(doc.sentenceAt(s.first), [0, 1, 3, 6, 12])}`,
      ...(s.first < titleEnd ? ['intitle'] : []),
      ...[...s.kinds].map((k) => `kind=${k}`),
      ...(s.place ? ['evplace'] : []),
      ...(top && s.region.country === top ? ['topcountry'] : ['othercountry']),
    ],
  }));
  out.push({ value: null, feats: ['none', `ncand=${bin(out.length, [0, 1, 2])}`] });
  return out;
}
