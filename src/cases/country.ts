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
  const placed = events.filter((e) => e.country && e.type !== 'ASYLUM_REQUEST' && (e.modality === 'asserted' || e.modality === 'reported'));
  // where they were held or harmed is where they are; charges and accusations may come from abroad
  const bodily = placed.filter((e) => e.type !== undefined && BODILY.has(e.type));
  const fromEvents = mostFrequent((bodily.length > 0 ? bodily : placed).map((e) => e.country!));
  if (fromEvents) return { code: fromEvents, basis: 'events' };
  if (person.nationality) return { code: person.nationality, basis: 'nationality' };
  if (person.reports) return { code: person.reports, basis: 'reports' };
  return { code: null, basis: null };
}

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
  if (second && second[1] === top[1]) return null;
  return top[1] >= 2 || ranked.length === 1 ? top[0] : null;
}

/** What `sentenceCountries` needs of the event asked about: whom it befalls. */
export interface PlacedEvent {
  target?: { entity: string | null } | null;
}

/**
 * Per sentence, the one country its places and demonyms name ("sentenced … for translating a book,
 * one of eight writers jailed in Iran"), or null when they name none or several: where an event
 * told with no place of its own most likely happened. A place that is the place of someone else's
 * event in the sentence is theirs ("B, who was killed in Drell, was a friend of slain A"): it does
 * not place the event asked about. Read once per report (linear in its mentions).
 */
export function sentenceCountries(doc: ExtractionDocument): (sentence: number, event?: PlacedEvent) => string | null {
  const bySentence = new Map<number, { country: string; start: number }[]>();
  const nameStarts = new Set(doc.entities.filter((e) => e.type === 'PERSON').flatMap((e) => e.mentions.filter((m) => (m.kind ?? 'name') === 'name').map((m) => m.start)));
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
      const s = firstEndingAfter(doc.sentences, m.start);
      const list = bySentence.get(s) ?? [];
      list.push({ country: e.country, start: m.start });
      bySentence.set(s, list);
    }
  }
  const placesOf = eventPlaces(doc);
  return (sentence, event) => {
    const whom = event?.target?.entity ?? null;
    const others = (placesOf.get(sentence) ?? []).filter((p) => whom !== null && p.entity !== null && p.entity !== whom);
    const named = (bySentence.get(sentence) ?? []).filter((m) => !others.some((p) => p.start <= m.start && m.start < p.end));
    const set = new Set(named.map((m) => m.country));
    return set.size === 1 ? [...set][0]! : null;
  };
}

/** Per sentence, the places of its events, with whom each event befalls. */
function eventPlaces(doc: ExtractionDocument): Map<number, { start: number; end: number; entity: string | null }[]> {
  const out = new Map<number, { start: number; end: number; entity: string | null }[]>();
  for (const v of doc.events ?? []) {
    if (v.place?.start === undefined || v.place.end === undefined) continue;
    const list = out.get(v.sentence) ?? [];
    list.push({ start: v.place.start, end: v.place.end, entity: v.target?.entity ?? null });
    out.set(v.sentence, list);
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

/**
 * "Qatar-based", "UK-based": the place someone or something is based in; "a Polish-backed channel",
 * "a Velmoran-funded radio": whose money is behind it. Neither is where anything befell anyone.
 */
const basedIn = (text: string, m: { end: number }): boolean => /^[-‑–](?:based|backed|funded|financed|owned|sponsored)\b/.test(text.slice(m.end, m.end + 12));
