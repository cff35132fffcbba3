import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import { tokenAt } from '../../text/align.js';
import type { Doc, Token } from '../../text/doc.js';
import type { Entity, TextSpan } from '../../text/types.js';
import { mergeWordings } from '../entities/org-aliases.js';
import { entityRewriter, numberByFirstMention } from '../entities/rewrite.js';
import { citiesNamed } from './cities.js';
import { loadClusters } from '../learn/clusters.js';
import { countryByDemonym, countryByName } from './countries.js';
import { regionByName, regionsNamed } from './regions.js';

export { cityByName } from './cities.js';
export type { City } from './cities.js';
export { countryByCode, countryByDemonym, countryByName, countryNames } from './countries.js';
export type { Country } from './countries.js';
export { regionByCode, regionByName } from './regions.js';
export type { Region } from './regions.js';

/**
 * Places normalised to ISO 3166-1 alpha-3 (`entity.country`): a country by any of its names, a
 * city through GeoNames, a demonym ("Thai") by its country. Groups a demonym or a country leads —
 * "Thai police", "Cambodian authorities", "Cambodia's government" — become ORG entities with that
 * country, because a monitor asks "which state?" of every agent (issue #6: "Thai police" → THA).
 */

/** Head nouns that make a demonym-led phrase a state body. */
const STATE_BODIES = new Set([
  'police', 'authority', 'government', 'official', 'officer', 'army', 'military', 'troops', 'soldier', 'force', 'court',
  'embassy', 'ministry', 'regime', 'junta', 'prosecutor', 'security', 'intelligence', 'navy', 'guard', 'immigration',
]);

export interface PlaceInfo {
  country?: string;
  city?: string;
}

/**
 * Names of more than one country's land: a continent or a region of the world. GeoNames knows a
 * village or town by most of them ("America" in the Netherlands, "Asia" in the Philippines), which
 * is never what a report means. "America" is the United States only when the report says so elsewhere.
 */
const NOT_ONE_COUNTRY = new Set([
  'asia', 'africa', 'europe', 'america', 'americas', 'the americas', 'north america', 'south america', 'central america', 'latin america', 'oceania', 'antarctica',
  'middle east', 'the middle east', 'near east', 'far east', 'caribbean', 'the caribbean', 'balkans', 'the balkans', 'gulf', 'the gulf', 'sahel', 'the sahel', 'arctic',
  'east africa', 'west africa', 'north africa', 'southern africa', 'horn of africa', 'southeast asia', 'south asia', 'central asia', 'east asia', 'eastern europe', 'western europe', 'scandinavia',
]);
const AMERICA = new Set(['america', 'americas', 'the americas']);

/** Older or English spellings of cities that GeoNames lists under their own name ("Kiev" is Kyiv). */
const EXONYMS: Record<string, string> = {
  kiev: 'Kyiv', kharkov: 'Kharkiv', lvov: 'Lviv', dnepropetrovsk: 'Dnipro', bombay: 'Mumbai', peking: 'Beijing', rangoon: 'Yangon',
  saigon: 'Ho Chi Minh City', "sana'a": 'Sanaa', 'sana’a': 'Sanaa', teheran: 'Tehran', urumqi: 'Ürümqi', urumchi: 'Ürümqi',
  naypyidaw: 'Nay Pyi Taw', 'nay pyi daw': 'Nay Pyi Taw', 'nizhny novgorod': 'Nizhniy Novgorod', grodno: 'Hrodna', gomel: 'Homyel\'', dohuk: 'Dihok', duhok: 'Dihok',
  hodeidah: 'Al Ḩudaydah', 'mazar-i-sharif': 'Mazār-e Sharīf', geneva: 'Genève', cologne: 'Köln', fez: 'Fès', bogota: 'Bogotá', "xi'an": 'Xi’an',
  calcutta: 'Kolkata', madras: 'Chennai', bangalore: 'Bengaluru', 'st petersburg': 'Saint Petersburg', 'st. petersburg': 'Saint Petersburg', odesa: 'Odessa',
};

/**
 * Territories and regions news names in English where GeoNames' cities and ISO 3166-2's regions
 * use another name or none ("Tibet" is Xizang, "Chechnya" Chechenskaya Respublika), and towns too
 * small for the city list that reports name often. Only names no other country uses for a place.
 */
const NEWS_PLACES: Record<string, string> = {
  tibet: 'CHN', 'tibet autonomous region': 'CHN', chechnya: 'RUS', dagestan: 'RUS', grozny: 'RUS', crimea: 'UKR', donbas: 'UKR', donbass: 'UKR',
  darfur: 'SDN', tigray: 'ETH', somaliland: 'SOM', puntland: 'SOM', hargeisa: 'SOM', 'west bank': 'PSE', 'the west bank': 'PSE', 'gaza strip': 'PSE', 'the gaza strip': 'PSE',
  jenin: 'PSE', 'northern ireland': 'GBR', england: 'GBR', wales: 'GBR', mindanao: 'PHL', sinai: 'EGY', 'sinai peninsula': 'EGY', raqqa: 'SYR', 'jammu and kashmir': 'IND',
  'washington, d.c.': 'USA', 'washington dc': 'USA', 'd.c.': 'USA', 'iraqi kurdistan': 'IRQ', 'kurdistan region': 'IRQ', abkhazia: 'GEO', 'south ossetia': 'GEO', transnistria: 'MDA', 'nagorno-karabakh': 'AZE', 'south kivu': 'COD', 'north kivu': 'COD',
};

/** Below this a city list's namesake is a hamlet: a region of the same name is likelier what a report means. */
const HAMLET = 5_000;

/** A city's name shared by places of several countries names the most populous only when it dwarfs the rest (Tripoli, Alexandria; not Valencia, Cambridge). */
const DWARFS = 2;
const DWARFING_POPULATION = 100_000;
/** A city so much larger than its namesakes that a report's other countries do not make it one of them. */
const WORLD_CITY = 1_000_000;
const WORLD_CITY_DWARFS = 50;

/**
 * What a place name stands for: a country, a territory or region in one, or a city in one.
 * `context` holds the countries the report names outright: a city name shared across countries
 * ("Washington", "Valencia") is the one in a country the report names; without that, the most
 * populous only when it dwarfs the others, else the name is a city with no code rather than a guess.
 */
export function resolvePlace(name: string, context: ReadonlySet<string> = new Set()): PlaceInfo {
  const lower = name.toLowerCase();
  const exonym = EXONYMS[lower];
  if (exonym) return resolvePlace(exonym, context);
  const country = countryByName(name);
  if (country) return { country: country.cca3 };
  // "London's Hyde Park", "Drell's main square": a place of a city is in that city's country
  const owner = /^(\p{Lu}[\p{L} .-]*?)['’]s\s+\S/u.exec(name)?.[1];
  const owned = owner ? resolvePlace(owner, context).country : undefined;
  if (owned) return { country: owned };
  const news = NEWS_PLACES[lower];
  if (news) return { country: news };
  if (NOT_ONE_COUNTRY.has(lower)) return AMERICA.has(lower) && context.has('USA') ? { country: 'USA' } : {};
  // GeoNames lists every hamlet over 1,000 people; a name it knows only as a hamlet ("Me", "Of")
  // is more likely a misread than a place
  const usable = (c: { population: number }) => c.population >= 20_000 || name.length > 4;
  const cities = citiesNamed(name, context).filter(usable);
  const top = cities[0];
  if (!top || top.population < HAMLET) {
    // "Xinjiang", "Rakhine", "Balochistan": a region, when only one country (or one the report names) has it
    const named = regionsNamed(name).find((r) => context.has(r.country));
    const region = named?.country ?? soleRegionCountry(name);
    if (region) return { country: region };
  }
  if (!top) {
    const area = adminArea(name, context);
    return area.country ? area : quarterOf(name, context);
  }
  const rivals = cities.filter((c) => c.country !== top.country);
  // a world city is itself whatever else the report names: London is not London, Kentucky because
  // the report names the United States (Alexandria, Virginia is large enough to be read in context)
  const dwarfed = (c: { population: number }) => top.population >= WORLD_CITY && top.population >= WORLD_CITY_DWARFS * c.population;
  const inContext = cities.find((c) => context.has(c.country) && (c === top || !dwarfed(c)));
  if (inContext) return { country: inContext.country, city: inContext.name };
  const rival = rivals[0];
  if (rival && !(top.population >= DWARFING_POPULATION && top.population >= DWARFS * rival.population)) return { city: top.name };
  return { country: top.country, city: top.name };
}

/** "Khartoum North", "Jakarta Selatan"? Only English compass words: "Khartoum North", "Nairobi West". */
const QUARTER = /^(.+?)\s+(?:North|South|East|West|Central)$/;

/**
 * A quarter of a large city named by the city and a compass word ("Khartoum North", "Nairobi
 * West"): the city's country, no city. Only a city of LOCAL_NAMESAKE people or more that has no
 * rival of that size abroad: a small town's "North" is likelier a region elsewhere.
 */
function quarterOf(name: string, context: ReadonlySet<string>): PlaceInfo {
  const base = QUARTER.exec(name)?.[1];
  if (!base || countryByName(base)) return {};
  const large = citiesNamed(base, context).filter((c) => c.population >= LOCAL_NAMESAKE);
  const countries = new Set(large.map((c) => c.country));
  return countries.size === 1 ? { country: [...countries][0]! } : {};
}

/** A name ending in the kind of area it is: "Drell Governorate", "Drell region", "Drell Local Government Area". */
const ADMIN_AREA = /^(.+?)\s+(?:governorate|region|province|district|township|county|oblast|krai|prefecture|municipality|division|local government area|lga)$/i;

/**
 * An administrative area named after its town or a region the lists know by the bare name
 * ("Kherson region", "Karbala Governorate"): the country of that name, no city. A town stands for
 * its area only when a report names its country or it is a large city: a small namesake abroad
 * is likelier another area's name ("Velm region" is not the village of Velm).
 */
function adminArea(name: string, context: ReadonlySet<string>): PlaceInfo {
  const bare = ADMIN_AREA.exec(name)?.[1];
  if (!bare) return {};
  const { country, city } = resolvePlace(bare, context);
  if (!country) return {};
  if (city && !context.has(country) && (citiesNamed(bare, context)[0]?.population ?? 0) < DWARFING_POPULATION) return {};
  return { country };
}

/** The country of the regions called `name`, when they are all in one ("Xinjiang", "Pennsylvania"). */
function soleRegionCountry(name: string): string | undefined {
  const countries = new Set(regionsNamed(name).map((r) => r.country));
  return countries.size === 1 ? [...countries][0] : undefined;
}

/** The countries a report names outright (by name or demonym), the context a shared city name is read in. */
function namedCountries(entities: Entity[]): Set<string> {
  const out = new Set<string>();
  for (const e of entities) {
    const c = e.type === 'LOC' ? countryByName(e.name) : e.type === 'MISC' ? countryByDemonym(e.name) : undefined;
    // a territory stands for its country too: "Bethlehem in the West Bank"
    const territory = e.type === 'LOC' ? NEWS_PLACES[e.name.toLowerCase()] : undefined;
    // "Bethlehem, Pennsylvania": a region only one country has places the report there; not a
    // region named like a town of another country ("Trujillo", a Venezuelan state and a Honduran
    // and a Peruvian town, places a report on Honduras nowhere)
    const region = e.type === 'LOC' && !c && !territory ? soleRegionCountry(e.name) : undefined;
    if (region && citiesNamed(e.name).some((x) => x.country !== region && x.population >= HAMLET)) continue;
    if (c) out.add(c.cca3);
    else if (territory) out.add(territory);
    else if (region) out.add(region);
    else if (e.type === 'ORG' && e.country) out.add(e.country);
  }
  return out;
}

/** Below this a town abroad is likelier a namesake of a local place than the place a report means. */
const LOCAL_NAMESAKE = 100_000;

/**
 * The countries named outright, and those of the large cities the report names ("Abeokuta" places
 * a report in Nigeria as surely as "Nigeria" does): the context its small places are read in.
 */
function withCityCountries(entities: readonly Entity[], named: ReadonlySet<string>): Set<string> {
  const out = new Set(named);
  for (const e of entities) {
    if (e.type !== 'LOC') continue;
    const place = resolvePlace(e.name, named);
    if (!place.city || !place.country || (citiesNamed(e.name, named)[0]?.population ?? 0) < LOCAL_NAMESAKE) continue;
    // "Hyderabad" is a large city in two countries: it places the report in neither, unless one is named
    const large = new Set(citiesNamed(e.name, named).filter((c) => c.population >= LOCAL_NAMESAKE).map((c) => c.country));
    if (large.size > 1 && ![...large].some((c) => named.has(c))) continue;
    out.add(place.country);
  }
  return out;
}

/**
 * A small town abroad, in a country the report names nowhere, where the report is placed in others:
 * "a friend's house in the Ibara area" of a report from Abeokuta is not Ibara, Japan. No code rather
 * than a guess (issue #34).
 */
function localNamesake(name: string, place: PlaceInfo, context: ReadonlySet<string>): boolean {
  if (context.size === 0 || !place.city || !place.country || context.has(place.country)) return false;
  return (citiesNamed(name, context)[0]?.population ?? 0) < LOCAL_NAMESAKE;
}

function countryOf(entity: Entity, context: ReadonlySet<string>): string | undefined {
  if (entity.type === 'LOC') {
    const place = resolvePlace(entity.name, context);
    return localNamesake(entity.name, place, context) ? undefined : place.country;
  }
  if (entity.type === 'MISC') return countryByDemonym(entity.name)?.cca3;
  // a state ORG names its state: "Cambodia's Interior Ministry", "Thai police", "the Nigerian Army"
  for (const m of entity.name.matchAll(/\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?/gu)) {
    const c = countryByName(m[0]) ?? countryByDemonym(m[0]);
    if (c) return c.cca3;
  }
  if (entity.type === 'ORG') return institutionPlace(entity.name, context) ?? cityReadAsOrg(entity, context);
  return undefined;
}

/**
 * Bodies that hold, try or police people where they stand: a court, a prison or a police force
 * named after its place is in that place's country ("Baku Grave Crimes Court", "the People's Court
 * of Dong Nai", "Harare Central Police Station"). A newspaper or a club named after a city
 * ("the Washington Post") says nothing of where a report happens, so only these count.
 */
const INSTITUTION = /\b(?:court|courts|tribunal|prison|jail|gaol|penitentiary|police|prosecutor(?:['’]s)?|prosecution|procuracy|detention|remand|colony|magistrates?|gendarmerie|station|custody)\b/i;
/** Words of an institution's name that are no place: "Grave Crimes", "Intermediate People's", "Provincial". */
const NOT_PLACE_WORD = /^(?:the|of|and|for|court|courts|tribunal|prison|jail|penitentiary|police|city|district|regional|provincial|municipal|central|high|supreme|appeal|appeals|military|criminal|civil|people['’]s|intermediate|grave|crimes|revolutionary|special|state|national|federal|magistrates?|station|detention|centre|center|no\.?|\d+\w*)$/i;

/**
 * The country of the place an institution's name holds: the place after its "of" ("District Court
 * of Minsk"), else the longest run of its words that names a place ("Baku Grave Crimes Court").
 * resolvePlace decides in the report's context, and the place must be a city of WORLD_CITY people
 * or in a country the report names: "Kingston Police" or "Punjab Police" alone say no country.
 * A word English writes in lower case ("Mobile", "Capital", "Unity Prison") is no place.
 */
function institutionPlace(name: string, context: ReadonlySet<string>): string | undefined {
  if (!INSTITUTION.test(name)) return undefined;
  const english = loadClusters();
  const placeWord = (w: string) => /^\p{Lu}/u.test(w) && !NOT_PLACE_WORD.test(w) && !english?.has(w.toLowerCase());
  const runsOf = (words: string[]): string[] => {
    const out: string[] = [];
    let run: string[] = [];
    for (const w of [...words, '']) {
      if (w && placeWord(w)) run.push(w);
      else {
        for (let n = run.length; n > 0; n--) for (let i = 0; i + n <= run.length; i++) out.push(run.slice(i, i + n).join(' '));
        run = [];
      }
    }
    return out.sort((a, b) => b.split(' ').length - a.split(' ').length);
  };
  const words = name.replace(/^the\s+/i, '').split(/\s+/);
  const of = words.map((w) => w.toLowerCase()).lastIndexOf('of');
  const runs = of >= 0 ? [...runsOf(words.slice(of + 1)), ...runsOf(words.slice(0, of))] : runsOf(words);
  for (const r of runs) {
    const place = resolvePlace(r, context);
    if (!place.country) continue;
    const size = place.city ? (citiesNamed(r, context)[0]?.population ?? 0) : 0;
    if (!context.has(place.country) && size < WORLD_CITY) continue;
    return place.country;
  }
  return undefined;
}

/**
 * A large city the recogniser read as an organisation in a dateline's capitals ("XIAMEN"): its
 * country, when it is a city of LOCAL_NAMESAKE people or more and no other country has one of
 * that size by the name. A club or a company named after a city ("Porto", "Toyota") is not placed.
 */
function cityReadAsOrg(entity: Entity, context: ReadonlySet<string>): string | undefined {
  const name = entity.name.trim();
  if (!/^\p{Lu}[\p{Lu}'’ -]*$/u.test(name) || name.length < 3 || name.split(/\s+/).length > 3) return undefined;
  const large = citiesNamed(name, context).filter((c) => c.population >= LOCAL_NAMESAKE);
  const countries = new Set(large.map((c) => c.country));
  if (countries.size !== 1) return undefined;
  const [country] = countries;
  return resolvePlace(name, context).country === country ? country : undefined;
}

/** The word after a name that makes it a region: "Niger State", "Sindh province". */
const REGION_AFTER = /^\s+(?:State|state|Province|province|Region|region)\b/u;

/**
 * A place the report always names as a region of another country: "Velmora, Niger State" is in
 * Nigeria, not in Niger. Only when every mention says so: "Niger" alone is still the country.
 */
function regionCountry(doc: Doc, e: Entity): string | undefined {
  if (e.type !== 'LOC' || e.mentions.length === 0) return undefined;
  if (!e.mentions.every((m) => REGION_AFTER.test(doc.text.slice(m.end, m.end + 12)))) return undefined;
  const region = regionByName(e.name);
  return region && region.country !== countryByName(e.name)?.cca3 ? region.country : undefined;
}

/** "Thai police": the state body a demonym or country mention leads, as a span, or null. */
function stateBody(doc: Doc, mention: TextSpan): { span: TextSpan; country: string } | null {
  const country = countryByDemonym(mention.text) ?? countryByName(mention.text.replace(/['’]s$/u, ''));
  if (!country) return null;
  const first = tokenAt(doc, mention.start);
  if (first < 0) return null;
  let last = first;
  while (doc.tokens[last + 1] && doc.tokens[last + 1]!.end <= mention.end) last++;
  // walk right over "'s" and modifiers to the head noun: "Cambodia 's Interior Ministry", "Thai riot police"
  let head: Token | undefined;
  for (let i = last + 1; i < Math.min(doc.tokens.length, last + 4); i++) {
    const t = doc.tokens[i]!;
    if (t.upos === 'PART' || t.upos === 'ADJ' || (t.upos === 'NOUN' && !STATE_BODIES.has(t.lemma ?? ''))) continue;
    if ((t.upos === 'NOUN' || t.upos === 'PROPN') && STATE_BODIES.has((t.lemma ?? t.text).toLowerCase())) head = t;
    break;
  }
  // not across a line break: a dateline's "MALAYSIA" and the next paragraph's "Police …"
  if (!head || doc.text.slice(mention.end, head.start).includes('\n')) return null;
  return { span: doc.span(mention.start, head.end), country: country.cca3 };
}

/** "Cambodia's | Interior Ministry": a country and the ORG name right after it. */
function orgLedBy(doc: Doc, m: TextSpan, entities: Entity[]): { span: TextSpan; country: string } | null {
  const country = countryByDemonym(m.text) ?? countryByName(m.text);
  if (!country) return null;
  // (spaces only: a country closing a headline or dateline leads no name on the line below)
  const gap = /^(?:['’]s)?[^\S\n]*$/u;
  for (const o of entities) {
    if (o.type !== 'ORG') continue;
    const om = o.mentions.find((x) => x.start > m.end && x.start - m.end <= 4 && gap.test(doc.text.slice(m.end, x.start)));
    if (om) {
      o.mentions = o.mentions.filter((x) => x !== om);
      return { span: doc.span(m.start, om.end), country: country.cca3 };
    }
  }
  return null;
}

export function normalisePlaces(doc: Doc): Entity[] {
  const entities = doc.entities.map((e) => ({ ...e, mentions: [...e.mentions] }));
  const bodies = new Map<string, Entity>();
  for (const e of entities) {
    if (e.type !== 'MISC' && e.type !== 'LOC') continue;
    e.mentions = e.mentions.filter((m) => {
      const body = (doc.assigned.has('tags') ? stateBody(doc, m) : null) ?? orgLedBy(doc, m, entities);
      if (!body) return true;
      // "Cambodia's | Ministry of Interior": the body takes in the ORG name its head starts
      const named = entities.find((o) => o.type === 'ORG' && o.mentions.some((om) => om.start < body.span.end && om.start >= m.end && om.end >= body.span.end));
      const orgMention = named?.mentions.find((om) => om.start < body.span.end && om.start >= m.end && om.end >= body.span.end);
      if (named && orgMention) {
        body.span = doc.span(body.span.start, orgMention.end);
        named.mentions = named.mentions.filter((om) => om !== orgMention);
      }
      const name = body.span.text;
      let org = bodies.get(name.toLowerCase());
      if (!org) {
        org = { id: '', type: 'ORG', name, mentions: [], country: body.country };
        bodies.set(name.toLowerCase(), org);
      }
      org.mentions.push(body.span);
      return e.type === 'LOC'; // "Cambodia" in "Cambodia's government" stays a place mention too
    });
  }
  // "Karsland's Ministry of Interior" and, grown just now, "Karsland's Interior Ministry": one ministry
  const kept = mergeWordings([...entities.filter((e) => e.mentions.length > 0), ...bodies.values()]);
  const context = withCityCountries(kept, namedCountries(kept));
  for (const e of kept) {
    e.mentions.sort((a, b) => a.start - b.start);
    const c = e.country ?? regionCountry(doc, e) ?? countryOf(e, context);
    if (c) e.country = c;
  }
  return numberByFirstMention(kept);
}

export const createPlaces = (): Component => entityRewriter('places', ['tokens', 'entities'], normalisePlaces);

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    places: Record<string, never>;
  }
}

registry.register('places', () => createPlaces());
