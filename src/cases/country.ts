import { firstEndingAfter } from '../text/align.js';
import { loadLexicon } from '../extractors/events/lexicon.js';
import type { ExtractionDocument, Mention } from '../text/types.js';

/** What a case's country rests on, strongest first. */
export type CountryBasis = 'events' | 'nationality' | 'reports';

export interface CaseCountry {
  code: string | null;
  basis: CountryBasis | null;
}

/** The most frequent code; ties go to the one seen last (the newest telling). */
function mostFrequent(codes: string[]): string | null {
  const counts = new Map<string, { n: number; last: number }>();
  codes.forEach((c, i) => counts.set(c, { n: (counts.get(c)?.n ?? 0) + 1, last: i }));
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || b[1].last - a[1].last)[0]?.[0] ?? null;
}

/**
 * The country a case is about: where its events happen (the places' countries of the events
 * told as facts or through someone, save the refuge an asylum request names), else the person's nationality, else the country the
 * reports about them name most. Null when nothing says: no guess.
 */
export function caseCountry(events: { country: string | null; modality: string; type?: string }[], person: { nationality: string | null; reports: string | null }): CaseCountry {
  // where someone seeks refuge is where they went to be safe, not where what befell them happened
  const placed = events.filter((e) => e.country && e.type !== 'ASYLUM_REQUEST' && told(e));
  // where they were held or harmed is where they are; charges and accusations may come from abroad
  const bodily = placed.filter((e) => e.type !== undefined && BODILY.has(e.type));
  const fromEvents = mostFrequent((bodily.length > 0 ? bodily : placed).map((e) => e.country!));
  if (fromEvents) return { code: fromEvents, basis: 'events' };
  if (person.nationality) return { code: person.nationality, basis: 'nationality' };
  if (person.reports) return { code: person.reports, basis: 'reports' };
  return { code: null, basis: null };
}

/**
 * Where the report's harm happens, by the places its events name themselves: the country that
 * most of its sentences telling of someone held or harmed in a named place (as fact or through
 * someone) put them in, when it is more than all the others together, else null. Whoever the
 * events befall counts, named or not ("hostages beheaded in Drell", "the guards were captured in
 * Drell"): a report on a trial abroad still says where it all happened, though the places it
 * names most are the trial's. Only an event's own place counts, not its sentence's: "Karsland
 * police" in a sentence says whose police, not where. `minSentences`: how many sentences must
 * tell of it (one passing killing elsewhere does not outweigh what a report names most).
 */
export function eventsCountry(events: { country: string | null; modality: string; type: string; sentence: number }[], minSentences = 1): string | null {
  const counts = new Map<string, Set<number>>();
  for (const e of events) {
    if (!e.country || !BODILY.has(e.type) || !told(e)) continue;
    // one sentence telling of several people is one telling
    counts.set(e.country, (counts.get(e.country) ?? new Set()).add(e.sentence));
  }
  const ranked = [...counts.entries()].map(([c, s]) => [c, s.size] as const).sort((a, b) => b[1] - a[1]);
  const [top] = ranked;
  if (!top) return null;
  const rest = ranked.slice(1).reduce((n, [, k]) => n + k, 0);
  return top[1] > rest && top[1] >= minSentences ? top[0] : null;
}

/**
 * Where someone was held or harmed by the other sentences that tell it again in the same word ("A
 * was kidnapped in 2013 … while working in Drell, A was kidnapped"): the one country those
 * sentences name (`countryOf`, a `sentenceCountries` reading), else null. Another word merged
 * into the event ("held", "convicted" after "jailed") may tell of another moment, in a sentence
 * about something else: it does not place it.
 */
export function retoldCountry<E extends PlacedEvent & { type: string; sentence: number; trigger: { text: string }; mentions?: { start: number; text: string }[] }>(doc: ExtractionDocument, countryOf: (sentence: number, event?: E) => string | null): (e: E) => string | null {
  return (e) => {
    if (!BODILY.has(e.type)) return null;
    const word = stem(e.trigger.text);
    const again = (e.mentions ?? []).filter((m) => word.length >= 4 && stem(m.text) === word);
    const sentences = new Set(again.map((m) => firstEndingAfter(doc.sentences, m.start)).filter((s) => s !== e.sentence));
    const set = new Set([...sentences].map((s) => countryOf(s, e)).filter((c) => c !== null));
    return set.size === 1 ? [...set][0]! : null;
  };
}

/** A trigger's word without its ending: "kidnapped", "kidnapping" → "kidnap". */
const stem = (text: string): string => text.toLowerCase().trim().split(/\s+/).pop()!.replace(/(?:ping|ped|ing|ed|s)$/, '');

/** What `companionCountries` needs of an event: whom it befalls, its trigger, and how it is told. */
export interface SharedEvent {
  type: string;
  modality: string;
  trigger: { start: number };
  target?: { entity: string | null } | null;
}

/**
 * Where an event with no place of its own happened, from the others it befalls with the person:
 * "A and B were held for months" happened where A's abduction did, when the report places it
 * ("A was kidnapped in Drell"). Each person's country is the one their events held or harmed
 * them in across the report (`placeOf` gives an event's own country); the event takes the one
 * country its other placed targets share, else none. Linear in the report's events.
 */
export function companionCountries<E extends SharedEvent>(events: E[], placeOf: (e: E) => string | null): (e: E) => string | null {
  const byPerson = new Map<string, Set<string>>();
  for (const e of events) {
    const who = e.target?.entity;
    const c = placeOf(e);
    if (!who || !c || !BODILY.has(e.type) || !told(e)) continue;
    byPerson.set(who, (byPerson.get(who) ?? new Set()).add(c));
  }
  const countryOf = (who: string): string | null => {
    const set = byPerson.get(who);
    return set?.size === 1 ? [...set][0]! : null;
  };
  const byTrigger = new Map<number, E[]>();
  for (const e of events) {
    const list = byTrigger.get(e.trigger.start) ?? [];
    list.push(e);
    byTrigger.set(e.trigger.start, list);
  }
  return (e) => {
    const who = e.target?.entity;
    if (!who) return null;
    const others = (byTrigger.get(e.trigger.start) ?? []).map((o) => o.target?.entity).filter((o): o is string => !!o && o !== who);
    // a companion the report never places says nothing either way
    const set = new Set(others.map(countryOf).filter((c) => c !== null));
    return set.size === 1 ? [...set][0]! : null;
  };
}

/** Told as fact or through someone: what a case's place is read from (not a call, a threat or a denial). */
const told = (e: { modality: string }): boolean => e.modality === 'asserted' || e.modality === 'reported';

/** Events that befall the person where they are: custody, violence, release, a restriction on them. */
const BODILY = new Set(['ARREST', 'ABDUCTION', 'DISAPPEARANCE', 'KILLING', 'ASSAULT', 'TORTURE', 'RELEASE', 'RESTRICTION']);

/**
 * The country a report is about: the one its places name most often (each name of a place
 * counted), when it is named at least twice or is the only one. People's nationalities do not
 * count: a report on a Somali journalist in Kenya is about Kenya.
 */
export function dominantCountry(doc: ExtractionDocument): string | null {
  const counts = new Map<string, number>();
  for (const e of doc.entities) {
    if (!e.country || e.type === 'PERSON') continue;
    // "a UK-based watchdog" says where the watchdog is, not what the report is about
    const named = e.mentions.filter((m) => (m.kind ?? 'name') === 'name');
    if (named.length > 0 && named.every((m) => basedIn(doc.text, m))) continue;
    const names = named.filter((m) => !basedIn(doc.text, m)).length || 1;
    counts.set(e.country, (counts.get(e.country) ?? 0) + names);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [top, second] = ranked;
  if (!top) return null;
  if (second && second[1] === top[1]) return tieBroken(doc, ranked.filter(([, n]) => n === top[1]).map(([c]) => c));
  return top[1] >= 2 || ranked.length === 1 ? top[0] : null;
}

/**
 * Of countries a report names equally often, the one more of its events take place in (as fact or
 * through someone, by the event's own place): a roundup that names Drell and Karsland alike but
 * tells of an abduction in Drell is about Drell. Null when that ties too.
 */
function tieBroken(doc: ExtractionDocument, tied: string[]): string | null {
  const countryOf = new Map(doc.entities.map((e) => [e.id, e.country]));
  const counts = new Map<string, number>(tied.map((c) => [c, 0]));
  for (const v of doc.events ?? []) {
    const c = v.place?.entity ? countryOf.get(v.place.entity) : undefined;
    if (!c || !counts.has(c) || !told(v)) continue;
    counts.set(c, counts.get(c)! + 1);
  }
  const [first, next] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return first && first[1] > 0 && (!next || next[1] < first[1]) ? first[0] : null;
}

/** What `sentenceCountries` needs of the event asked about: whom it befalls. */
export interface PlacedEvent {
  target?: { entity: string | null } | null;
  type?: string;
}

/**
 * Per sentence, the one country its places and demonyms name ("sentenced … for translating a book,
 * one of eight writers jailed in Iran"), or null when they name none or several: where an event
 * told with no place of its own most likely happened. A place that is the place of someone else's
 * event in the sentence is theirs ("B, who was killed in Drell, was a friend of slain A"): it does
 * not place the event asked about. Read once per report (linear in its mentions).
 */
export function sentenceCountries(doc: ExtractionDocument): (sentence: number, event?: PlacedEvent) => string | null {
  const bySentence = new Map<number, { country: string; start: number; seat: boolean }[]>();
  const names = doc.entities.filter((e) => e.type === 'PERSON').flatMap((e) => e.mentions.filter((m) => (m.kind ?? 'name') === 'name'));
  const nameStarts = new Set(names.map((m) => m.start));
  const nameEnds = new Set(names.map((m) => m.end));
  for (const e of doc.entities) {
    if (!e.country || e.type === 'PERSON') continue;
    for (const m of e.mentions) {
      // "the killings of four Americans": a people, not a place
      if (e.type === 'MISC' && (/s$/.test(m.text) || nationalityOf(doc.text, m, nameStarts))) continue;
      // "a lawyer and US citizen": a country's name before "citizen" is whose citizen, not a place
      if (citizenOf(doc.text, m)) continue;
      // "after a diplomatic row with London": a capital or country dealt with is its government, not where
      if (/\bwith\s+(?:the\s+)?$/i.test(doc.text.slice(Math.max(0, m.start - 10), m.start))) continue;
      // "Qatar-based Kenyan blogger A": where someone lives, not where it happened
      if (basedIn(doc.text, m)) continue;
      // "Drell's largest trade union campaigned for jailed A": whose union speaks up, not where A is held
      if (civilBodyOf(doc.text, m)) continue;
      // "Drell condemned the arrest of A", "the Drell foreign ministry urged …": a state speaking of it from abroad
      if (speaksUp(doc.text, m)) continue;
      // "speaking in Drell, her husband said A had been tortured": where someone speaks, not where it happened
      if (/\b(?:speaking|spoke|speaks|told (?:reporters|journalists)|(?:news|press) conference|(?:an )?interview|a statement issued)\s+in\s+(?:the\s+)?$/i.test(doc.text.slice(Math.max(0, m.start - 40), m.start))) continue;
      // "A, raised in Drell, was kidnapped in Karsland": where someone comes from, not where it happened
      if (originOf(doc.text, m, nameEnds)) continue;
      // "Nairobi, June 15 — Karsland must release A": where the report was filed, not where it happened
      if (datelinePlace(doc.text, m)) continue;
      // "put on a flight to Toronto", "deported to Drell": where someone was sent, not where they were held
      if (travelledTo(doc.text, m)) continue;
      const s = firstEndingAfter(doc.sentences, m.start);
      const list = bySentence.get(s) ?? [];
      list.push({ country: e.country, start: m.start, seat: courtSeat(doc.text, m) });
      bySentence.set(s, list);
    }
  }
  const placesOf = eventPlaces(doc);
  return (sentence, event) => {
    const whom = event?.target?.entity ?? null;
    const others = (placesOf.get(sentence) ?? []).filter((p) => whom !== null && p.entity !== null && p.entity !== whom);
    // "pleaded guilty in a court in Drell to the kidnapping of A": the court's seat places the trial, not the harm it judges
    const harm = event?.type !== undefined && HARM.has(event.type);
    const named = (bySentence.get(sentence) ?? []).filter((m) => !others.some((p) => p.start <= m.start && m.start < p.end) && !(harm && m.seat));
    const set = new Set(named.map((m) => m.country));
    return set.size === 1 ? [...set][0]! : null;
  };
}

/**
 * Per sentence, the places of events, with whom each event befalls. An event told again in
 * another sentence may take its place from there ("A, who was killed in Drell, was a friend of
 * B"): the place is filed under the sentence it is written in.
 */
function eventPlaces(doc: ExtractionDocument): Map<number, { start: number; end: number; entity: string | null }[]> {
  const out = new Map<number, { start: number; end: number; entity: string | null }[]>();
  for (const v of doc.events ?? []) {
    if (v.place?.start === undefined || v.place.end === undefined) continue;
    const sentence = firstEndingAfter(doc.sentences, v.place.start);
    const list = out.get(sentence) ?? [];
    list.push({ start: v.place.start, end: v.place.end, entity: v.target?.entity ?? null });
    out.set(sentence, list);
  }
  return out;
}

/**
 * A demonym that tells who someone is, not where something happened: "murdered Saudi columnist
 * A", "the families of imprisoned Indian poet B", "two American journalists were killed". It
 * stands before a person's name, up to three lower-case words on, or before a word for a person
 * who is not an authority ("Iranian officials arrested …" still places the sentence).
 */
function nationalityOf(text: string, m: Mention, nameStarts: ReadonlySet<number>): boolean {
  const { personNouns, agentNouns } = loadLexicon();
  let at = m.end;
  for (let k = 0; k <= 3; k++) {
    const space = /^[ \t]+/.exec(text.slice(at, at + 8));
    if (!space) return false;
    at += space[0].length;
    if (nameStarts.has(at)) return true;
    const word = /^[a-z][\p{L}-]*/u.exec(text.slice(at, at + 40))?.[0];
    if (!word) return false;
    const noun = word.replace(/s$/, '');
    if (agentNouns.has(noun) || agentNouns.has(word)) return false;
    // "Velmoran women's rights activist": a possessive modifies the words after it, it is nobody
    if (/^['’]/.test(text.slice(at + word.length, at + word.length + 1))) return false;
    if (personNouns.has(noun) || VICTIM_NOUNS.has(noun)) return true;
    at += word.length;
  }
  return false;
}

/** Words for people a report is about that the lexicon's person nouns lack ("a Velmoran national", "a Velmoran citizen", "two Velmoran men"). */
const VICTIM_NOUNS = new Set(['photojournalist', 'national', 'citizen', 'man', 'men', 'woman', 'women']);

/** "US citizen", "a Velmora national": a country named for whose citizen someone is. */
const citizenOf = (text: string, m: { end: number }): boolean => /^\s+(?:citizen|national)s?\b/.test(text.slice(m.end, m.end + 12));

/** Events that befall someone where they are, not in a courtroom: a court's seat does not place them. */
const HARM = new Set(['ARREST', 'ABDUCTION', 'DISAPPEARANCE', 'KILLING', 'ASSAULT', 'TORTURE']);

/** "a court in Drell", "the federal court in Drell": a place named as where a court sits. */
const courtSeat = (text: string, m: { start: number }): boolean => /\bcourt(?:house|room)?s?\s+in\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 20), m.start));

/**
 * Where someone comes from: "born in Drell", "raised in Drell", "originally from Drell", "a Drell
 * native", "A of Drell" or "A, from Drell" right after a person's name. Not "released from Drell
 * prison" or "fled from Drell": only after a name or a word of origin.
 */
function originOf(text: string, m: { start: number; end: number }, nameEnds: ReadonlySet<number>): boolean {
  const before = text.slice(Math.max(0, m.start - 30), m.start);
  if (/\b(?:born|raised|grew\s+up|hails?|hailing|originally|natives?)\s+(?:and\s+raised\s+)?(?:in|from|of)\s+(?:the\s+)?$/i.test(before)) return true;
  if (/^\s+natives?\b/i.test(text.slice(m.end, m.end + 10))) return true;
  const link = /,?\s+(?:of|from)\s+(?:the\s+)?$/.exec(before);
  return link !== null && nameEnds.has(m.start - link[0].length);
}

/**
 * A dateline's place: a name that opens a paragraph and is followed, before any full stop, by a
 * dash ("NAIROBI —", "Nairobi, June 15, 2022 —", "Minsk, Belarus (Wire) -"). The report was filed
 * there; the events it tells may be anywhere.
 */
export function datelinePlace(text: string, m: { start: number; end: number }): boolean {
  if (m.start > 0 && !/\n[ \t]*$/.test(text.slice(Math.max(0, m.start - 8), m.start))) return false;
  return /^(?:,[^\n.!?—–]{1,40}?)?\s*(?:\([^)\n]{1,30}\)\s*)?(?:—|–|--|-)\s/.test(text.slice(m.end, m.end + 80));
}

/**
 * A place someone is flown or sent away to: "put on a flight to Toronto", "deported to Drell",
 * "expelled to Karsland". Not "taken to Drell prison" or "returned to Evin": custody's places are where
 * someone is held, and the words of travel here are those of leaving a country.
 */
const travelledTo = (text: string, m: { start: number }): boolean =>
  /\b(?:flights?|flown|plane|deported|expelled|extradited|repatriated|bound|boarded)\s+(?:back\s+)?to\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 40), m.start));

/** Bodies of people that speak or campaign, not a state that acts: a country's own ("Drell's unions") is no place of events. */
const CIVIL_BODIES = new Set([
  'union', 'unions', 'confederation', 'federation', 'association', 'associations', 'party', 'parties', 'organisation', 'organization', 'organisations', 'organizations',
  'society', 'movement', 'newspaper', 'newspapers', 'media', 'press', 'church', 'university', 'league', 'chamber', 'foundation', 'network', 'coalition', 'diaspora', 'community',
]);

/** "Drell's largest trade union", "Drell's bar association": a country's possessive before a civil body, up to four words on. */
function civilBodyOf(text: string, m: { end: number }): boolean {
  const after = /^['’]s((?:\s+[\p{L}-]+){1,4})/u.exec(text.slice(m.end, m.end + 60));
  return !!after && after[1]!.trim().split(/\s+/).some((w) => CIVIL_BODIES.has(w.toLowerCase()));
}

/**
 * A country or state body that condemns, calls for, urges, welcomes or grants asylum: "France
 * condemned the arrest of A", "Drell has called for A's release", "Drell granted A asylum". It
 * speaks of the event, often from abroad; a state that arrests or sentences is left a place.
 */
const speaksUp = (text: string, m: { end: number }): boolean =>
  /^\s+(?:has\s+|have\s+|had\s+|also\s+|strongly\s+|swiftly\s+|publicly\s+|repeatedly\s+)*(?:condemn|denounc|deplor|criticis|criticiz|call(?:s|ed)?\b|urg|demand|express|welcom|protest|voic|grant|offer(?:s|ed)?\s+(?:him|her|them)?\s*asylum|appeal|summon)/i.test(
    text.slice(m.end, m.end + 60),
  );

/**
 * "Qatar-based", "UK-based": the place someone or something is based in; "a Polish-backed channel",
 * "a Velmoran-funded radio": whose money is behind it. Neither is where anything befell anyone.
 */
const basedIn = (text: string, m: { end: number }): boolean => /^[-‑–](?:based|backed|funded|financed|owned|sponsored)\b/.test(text.slice(m.end, m.end + 12));
