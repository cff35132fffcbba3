/**
 * A person's name as a case may carry it. Pages scraped with their markup glue a name to itself
 * ("Ilhan OmarIlhan" from a caption beside a byline) or repeat it; a case opened under such a
 * name never matches the next report. Cleaning only undoes what is plainly repetition: a glued
 * word is split only where one of its pieces is another word of the name, so "DeSantis" and
 * "McDonald" stay whole.
 */

import { countryByDemonym } from '../places/countries.js';

export type CleanName = { ok: true; name: string; changed: boolean } | { ok: false; why: string };

const MAX_TOKENS = 6;

/** Words before "Day" in the names of days: "Human Rights Day", "Press Freedom Day", "Labour Day". */
const DAY_NAMES = new Set(['rights', 'freedom', 'labour', 'labor', 'independence', 'memorial', 'national', 'international', 'press', 'victory', 'remembrance', 'martyrs', "women's", "workers'", "children's", 'may']);

/** Last words of names that are never a person's: laws and organisations ("Digital Security Act", "Workers' Union"). "Law" and "Day" are family names too (Nathan Law). */
const NOT_A_PERSON_HEAD = new Set([
  'act', 'decree', 'rules', 'network', 'party', 'union', 'movement', 'council', 'committee', 'agency', 'ministry', 'association', 'federation', 'foundation', 'institute', 'university', 'college', 'school', 'group', 'bank', 'company', 'corporation', 'factory', 'army', 'police', 'forces', 'commission', 'authority', 'government', 'department', 'affairs', 'state', 'parishad', 'coalition', 'alliance', 'organisation', 'organization', 'watch', 'tribunal', 'prison', 'hospital', 'district', 'province', 'newspaper', 'magazine', 'gazette', 'news', 'times', 'tv', 'radio',
  // outlets' last words ("Kestrel Courier editor arrested" read the paper as a person)
  'courier', 'herald', 'tribune', 'journal', 'chronicle', 'observer', 'telegraph', 'monitor', 'television', 'broadcasting', 'bulletin', 'dispatch', 'examiner', 'inquirer', 'sentinel', 'guardian', 'mirror',
]);

/** First words of outlets' names ("Daily Kawish"), never of a person's. */
const OUTLET_FIRST = new Set(['daily', 'weekly', 'radio']);

/**
 * First words that make a capitalised phrase a description, not a name: "The", a demonstrative or
 * a number at the start of a sentence ("Four Iranians"). Not "A" or "An", which are Korean and
 * Vietnamese names ("An Min-seo").
 */
const NOT_A_NAME_START = new Set(['the', 'this', 'that', 'these', 'those', 'some', 'several', 'many', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'hundreds']);

/** Splits "OmarIlhan" into "Omar Ilhan" when "Ilhan" (or "Omar") is another word of the name. */
function unglue(tokens: string[]): string[] {
  const lower = tokens.map((t) => t.toLowerCase());
  const out: string[] = [];
  tokens.forEach((token, i) => {
    const pieces = token.split(/(?<=\p{Ll})(?=\p{Lu})/u);
    const others = new Set(lower.filter((_, k) => k !== i));
    if (pieces.length > 1 && pieces.some((p) => others.has(p.toLowerCase()) || pieces.filter((q) => q.toLowerCase() === p.toLowerCase()).length > 1)) out.push(...pieces);
    else out.push(token);
  });
  return out;
}

/**
 * Cuts a name where it repeats itself: "Ilhan Omar Ilhan" → "Ilhan Omar", "Mara Velin Velin" →
 * "Mara Velin". A repeat counts from the third word on; a word said twice at the start is a name's
 * own ("Htet Htet Khine", "Hla Hla Win": Burmese names repeat a syllable).
 */
function dropRepeat(tokens: string[]): string[] {
  const seen = new Set(tokens.slice(0, 2).map((t) => t.toLowerCase()));
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i]!.toLowerCase();
    if (seen.has(t)) return tokens.slice(0, i);
    seen.add(t);
  }
  return tokens;
}

export function cleanPersonName(raw: string): CleanName {
  const trimmed = raw.replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(trimmed)) return { ok: false, why: 'the name has no letters' };
  if (/\d|@|https?:|www\.|[/\\|<>{}[\]=_]/u.test(trimmed)) return { ok: false, why: 'the name holds digits, links or markup' };
  const tokens = trimmed.split(' ');
  // what the recogniser sometimes takes for a person: "Human Rights Day", "the Security Act", "Palestinians"
  const last = tokens[tokens.length - 1]!.toLowerCase();
  const before = tokens.length > 1 ? tokens[tokens.length - 2]!.toLowerCase() : '';
  if (last === 'day' && DAY_NAMES.has(before)) return { ok: false, why: `"${tokens.slice(-2).join(' ')}" is a day, not a person` };
  if (tokens.length > 1 && NOT_A_PERSON_HEAD.has(last)) return { ok: false, why: `"${tokens[tokens.length - 1]}" ends the name of a day, a law or an organisation, not a person` };
  // (a one-word name only: "Luiza Thais" is a person)
  if (tokens.length === 1 && /s$/.test(last) && countryByDemonym(trimmed.slice(0, -1))) return { ok: false, why: 'a people, not a person' };
  const first = tokens[0]!.toLowerCase();
  if (tokens.length > 1 && OUTLET_FIRST.has(first)) return { ok: false, why: `"${tokens[0]}" starts the name of an outlet, not a person` };
  if (NOT_A_NAME_START.has(first)) return { ok: false, why: `"${tokens[0]}" starts a description, not a name` };
  if (tokens.length > MAX_TOKENS) return { ok: false, why: `the name runs to ${tokens.length} words` };
  if (!tokens.some((t) => /^\p{Lu}/u.test(t) || !/\p{Ll}|\p{Lu}/u.test(t[0]!))) return { ok: false, why: 'no word of the name is capitalised' };
  const unglued = unglue(tokens);
  // Two-word names of one repeated word exist ("Li Li"); a repeat is glue only in a longer name or after splitting.
  const cleaned = unglued.length > 2 || unglued.length !== tokens.length ? dropRepeat(unglued) : unglued;
  const name = cleaned.join(' ');
  return { ok: true, name, changed: name !== trimmed };
}

/**
 * Whether the scores alone may open a case for a person named so: a clean name of more than one
 * word. A bare name ("Salma") goes to triage, and an unclean one ("Human Rights Day") gets none.
 * The risk trainer chooses the case threshold over the names this lets through, so the precision
 * it aims at is the precision of the cases the policy opens.
 */
export function opensOnScores(name: string): boolean {
  const clean = cleanPersonName(name);
  return clean.ok && clean.name.split(/\s+/).length > 1;
}
