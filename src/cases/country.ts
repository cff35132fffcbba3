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
  const placed = events.filter((e) => e.country && e.type !== 'ASYLUM_REQUEST' && (e.modality === 'asserted' || e.modality === 'reported')).map((e) => e.country!);
  const fromEvents = mostFrequent(placed);
  if (fromEvents) return { code: fromEvents, basis: 'events' };
  if (person.nationality) return { code: person.nationality, basis: 'nationality' };
  if (person.reports) return { code: person.reports, basis: 'reports' };
  return { code: null, basis: null };
}

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

/**
 * Per sentence, the one country its places and demonyms name ("sentenced … for translating a book,
 * one of eight writers jailed in Iran"), or null when they name none or several: where an event
 * told with no place of its own most likely happened. Read once per report (linear in its mentions).
 */
export function sentenceCountries(doc: ExtractionDocument): (sentence: number) => string | null {
  const bySentence = new Map<number, Set<string>>();
  const nameStarts = new Set(doc.entities.filter((e) => e.type === 'PERSON').flatMap((e) => e.mentions.filter((m) => (m.kind ?? 'name') === 'name').map((m) => m.start)));
  for (const e of doc.entities) {
    if (!e.country || e.type === 'PERSON') continue;
    for (const m of e.mentions) {
      // "the killings of four Americans": a people, not a place
      if (e.type === 'MISC' && (/s$/.test(m.text) || nationalityOf(doc.text, m, nameStarts))) continue;
      // "Qatar-based Kenyan blogger A": where someone lives, not where it happened
      if (basedIn(doc.text, m)) continue;
      const s = firstEndingAfter(doc.sentences, m.start);
      const set = bySentence.get(s) ?? new Set<string>();
      set.add(e.country);
      bySentence.set(s, set);
    }
  }
  return (sentence) => {
    const set = bySentence.get(sentence);
    return set?.size === 1 ? [...set][0]! : null;
  };
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
    if (personNouns.has(noun) || VICTIM_NOUNS.has(noun)) return true;
    at += word.length;
  }
  return false;
}

/** Words for people a report is about that the lexicon's person nouns lack ("a Velmoran national"). */
const VICTIM_NOUNS = new Set(['photojournalist', 'national']);

/** "Qatar-based", "UK-based": the place someone or something is based in. */
const basedIn = (text: string, m: { end: number }): boolean => /^[-‑–]based\b/.test(text.slice(m.end, m.end + 7));
