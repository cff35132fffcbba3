import { sentenceOfToken, tokenAt } from '../../text/align.js';
import type { Doc } from '../../text/doc.js';
import type { EntityType, TextSpan } from '../../text/types.js';
import type { Gazetteer } from '../learn/gazetteer.js';
import { GIVEN_NAME } from '../learn/names.js';
import { countryByDemonym } from '../places/countries.js';
import type { NameList } from '../learn/names.js';

/**
 * More of what makes a name a person when the recogniser typed it a place or an organisation
 * (HRDsAttack's training reports: "Agba Jalingo", a journalist, read as a place because Jalingo
 * is a Nigerian city; "Chiwetalu Agu" as an organisation; "Idrees, Bilal, Aimal" in a list of
 * arrested workers as places):
 * - what befalls it: the passive subject or the object of an arrest, an abduction, a sentence…
 *   ("Agba Jalingo was arrested"). A place is not arrested and an organisation not abducted;
 *   companies are charged and convicted, so those verbs do not count;
 * - its list: a name between two people in a list of names is a person;
 * - a person's own family name: "Jalingo" once "Agba Jalingo" is a person, unless the words before
 *   it make it a place ("in Jalingo").
 */

export interface TypedMention extends TextSpan {
  type: EntityType;
}

/** Verbs whose object (or passive subject) is a person, never a place or a company. */
const HARM_VERBS = new Set(['arrest', 'detain', 'abduct', 'kidnap', 'jail', 'imprison', 'sentence', 'torture', 'assassinate', 'behead', 'murder', 'lynch', 'interrogate', 'handcuff', 'deport', 'extradite', 'strangle', 'rape', 'slay']);
/** Words before an outlet or an employer: "wrote for Lumen", "works with Lumen". */
const OUTLET_PREPOSITIONS = new Set(['for', 'with']);
/** Words before a place: "in Jalingo", "to Jalingo". */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'near', 'into', 'across', 'outside', 'inside', 'around', 'towards', 'toward', 'via']);
/** Words that make up an organisation's or a place's name, never a person's. */
const ORG_WORD = /^(?:corp|corporation|inc|ltd|plc|llc|group|bank|motors|holdings|enterprises|industries|textiles|mining|media|studios|port|avenue|street|road|square|hotel|airport|market|association|union|party|institute|university|agency|council|committee|ministry|fund|foundation|trust|company|press|news|times|post|club|united|city|network|radio|tv|television|daily|review|journal|court|army|police|front|movement|state|county|province|district|region|republic|kingdom|government|department|office|centre|center|school|college|church|hospital|case|cases|commission|authority|service|services|forces|force)$/i;

/** The word right before a mention, in lower case ('' at the start of the text). */
const wordBefore = (doc: Doc, m: TextSpan): string => doc.tokens[tokenAt(doc, m.start) - 1]?.text.toLowerCase() ?? '';
/** A mention of one word. */
const oneWord = (m: TextSpan): boolean => !/\s/.test(m.text);

/** A mention's first and last token. */
export const tokensOf = (doc: Doc, m: TextSpan): [number, number] => [tokenAt(doc, m.start), tokenAt(doc, m.end - 1)];

/** Whether a mention's words could be a person's name at all: capitalised words, no organisation word, not a known place. */
export function couldBePerson(doc: Doc, m: TextSpan, gazetteer: Gazetteer): boolean {
  const [first, last] = tokensOf(doc, m);
  if (first < 0 || last < first || last - first > 5) return false;
  const words = doc.tokens.slice(first, last + 1).map((t) => t.text);
  if (words.some((w) => ORG_WORD.test(w) || /^\d/.test(w))) return false;
  if (!/^\p{Lu}/u.test(words[0]!)) return false;
  return !isKnownPlace(gazetteer, words);
}

/**
 * Whether the words are a place the gazetteer knows, as written or, for words in capitals (a
 * dateline's "LUCKNOW:", a headline's "BURUNDI"), as a name is spelled: the gazetteer matches
 * case-sensitively, so "LUCKNOW" alone was no place and became a person.
 */
export function isKnownPlace(gazetteer: Gazetteer, words: readonly string[]): boolean {
  const whole = (ws: readonly string[]) => gazetteer.match(ws).some((g) => g.start === 0 && g.end === ws.length);
  if (whole(words)) return true;
  const capitals = words.every((w) => !/\p{Ll}/u.test(w)) && words.some((w) => /\p{Lu}{2}/u.test(w));
  return capitals && whole(words.map((w) => w.charAt(0) + w.slice(1).toLowerCase()));
}

const isHarm = (doc: Doc, i: number): boolean => {
  const t = doc.tokens[i];
  return t !== undefined && HARM_VERBS.has((t.lemma ?? t.text).toLowerCase());
};

/**
 * A name the passive harm verb after it befalls, read from the words where the parse lost it:
 * "Agba Jalingo, who publishes a paper, was arrested" — the name, at most one stretch between
 * commas, then "was"/"were"/"has been"…, then the verb.
 */
export function harmedAfter(doc: Doc, last: number): boolean {
  const { tokenEnd } = doc.sentences[sentenceOfToken(doc, last)] ?? { tokenEnd: doc.tokens.length };
  let j = last + 1;
  if (doc.tokens[j]?.text === ',') {
    const close = doc.tokens.slice(j + 1, Math.min(tokenEnd, j + 20)).findIndex((t) => t.text === ',');
    if (close < 0) return false;
    j += close + 2;
  }
  let aux = 0;
  // the passive's "be": "Karsland have arrested X" is the perfect of an active verb, said of its agent
  let passive = false;
  while (j < tokenEnd && (doc.tokens[j]!.upos === 'AUX' || (aux > 0 && doc.tokens[j]!.upos === 'ADV'))) {
    if (doc.tokens[j]!.upos === 'AUX') aux++;
    if ((doc.tokens[j]!.lemma ?? '').toLowerCase() === 'be' || /^(?:get|got|gets|getting)$/i.test(doc.tokens[j]!.text)) passive = true;
    j++;
  }
  return aux > 0 && passive && doc.tokens[j]?.xpos === 'VBN' && isHarm(doc, j);
}

/** A mention whose head is the object or passive subject of a harm verb. */
function harmed(doc: Doc, m: TextSpan): boolean {
  if (!doc.assigned.has('deps')) return false;
  const [first, last] = tokensOf(doc, m);
  if (harmedAfter(doc, last)) return true;
  for (let i = first; i <= last; i++) {
    let t = doc.tokens[i]!;
    if (t.head !== undefined && t.head >= first && t.head <= last) continue; // inside the name
    // "Krishnan and Jeevanandam were arrested": a later item of a list stands where its first does
    for (let hops = 0; t.deprel === 'conj' && t.head !== undefined && t.head >= 0 && hops < 12; hops++) t = doc.tokens[t.head]!;
    const h = t.head === undefined || t.head < 0 ? undefined : doc.tokens[t.head];
    if (!h || !isHarm(doc, t.head!)) return false;
    return t.deprel === 'obj' || t.deprel === 'nsubj:pass';
  }
  return false;
}

/**
 * Non-person mentions that are people by what befalls them or by their list. Multi-word names
 * only for what befalls them (one word is as often a place the parser misplaced); a list's
 * neighbours vouch for one word ("Abdul Hameed, Idrees, Bilal and Farooq Khan").
 */
export function evidencedPersons(doc: Doc, mentions: readonly TypedMention[], gazetteer: Gazetteer, names: NameList): TextSpan[] {
  // a copy whose types change as people are found, so that a list's people vouch for the next
  const sorted = mentions.map((m) => ({ ...m })).sort((a, b) => a.start - b.start);
  const out: TextSpan[] = [];
  const isPerson = (m: TypedMention | undefined) => m?.type === 'PERSON';
  /** Only list marks between two mentions: ", ", " and ", ", and ". */
  const listGap = (a: TextSpan, b: TextSpan) => /^\s*(?:,|;|,?\s*and|&)\s*$/.test(doc.text.slice(a.end, b.start));
  sorted.forEach((m, k) => {
    if (m.type === 'PERSON' || !couldBePerson(doc, m, gazetteer)) return;
    const [first, last] = tokensOf(doc, m);
    const multi = last > first;
    const given = (names.flags(doc.tokens[first]!.text) & GIVEN_NAME) !== 0;
    // one word the recogniser made a place (not a company: "Reuters was …") is a person when harmed
    if ((multi || given || m.type !== 'ORG') && harmed(doc, m)) {
      m.type = 'PERSON';
      return void out.push(m);
    }
    const prev = sorted[k - 1];
    const next = sorted[k + 1];
    const prev2 = sorted[k - 2];
    const between = isPerson(prev) && listGap(prev!, m) && ((isPerson(next) && listGap(m, next!)) || (isPerson(prev2) && listGap(prev2!, prev!)));
    if (!between) return;
    m.type = 'PERSON';
    out.push(m);
  });
  return out;
}

/**
 * The single-word mentions typed otherwise that are the family name of a person named in full in
 * the report ("Jalingo" after "Agba Jalingo"), unless a place preposition comes before them.
 */
export function familyNameMentions(doc: Doc, mentions: readonly TypedMention[]): TextSpan[] {
  const families = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PERSON') continue;
    const [first, last] = tokensOf(doc, m);
    if (last <= first) continue;
    families.add(doc.tokens[last]!.text.toLowerCase());
    families.add(m.text.slice(m.text.lastIndexOf(' ') + 1).toLowerCase()); // "al-Hathloul"
  }
  return mentions.filter((m) => m.type !== 'PERSON' && families.has(m.text.toLowerCase()) && oneWord(m) && !PLACE_PREPOSITIONS.has(wordBefore(doc, m)));
}

/**
 * The full names typed an organisation or a miscellany whose family name the report uses alone for
 * a person: "Tamar Oskel" read as an organisation after "director of the network,", where "Oskel
 * was knocked down" is a person. The other way round from `familyNameMentions`; two to four
 * capitalised words that could be a person's name (no organisation's or place's word), not after
 * a place preposition, the last of them that person's name alone, or the first of them alone
 * after it; and the same words wherever else they stand so.
 */
export function fullNamesOfFamilyNames(doc: Doc, mentions: readonly TypedMention[], gazetteer: Gazetteer): TextSpan[] {
  const loneMentions = mentions.filter((m) => m.type === 'PERSON' && oneWord(m));
  const alone = new Set(loneMentions.map((m) => m.text.toLowerCase()));
  if (!alone.size) return [];
  // the first word alone after the full name ("Jahangir Alam" … "Jahangir, 27, was shot dead"), as South Asian and Arabic reports call people
  const aloneAfter = (word: string, at: number) => loneMentions.some((m) => m.start > at && m.text.toLowerCase() === word);
  // (an organisation's or a miscellany's name, not a place's: "Port Oskel" is a town; nor one after "in")
  const mayBe = (m: TypedMention) => (m.type === 'ORG' || m.type === 'MISC') && !PLACE_PREPOSITIONS.has(wordBefore(doc, m));
  const accepted = mentions.filter((m) => {
    if (!mayBe(m)) return false;
    const [first, last] = tokensOf(doc, m);
    if (last <= first || last - first > 3) return false;
    if (!alone.has(doc.tokens[last]!.text.toLowerCase()) && !aloneAfter(doc.tokens[first]!.text.toLowerCase(), m.start)) return false;
    return couldBePerson(doc, m, gazetteer) && doc.tokens.slice(first, last + 1).every((t) => /^\p{Lu}/u.test(t.text) || t.text === '-');
  });
  // the same words elsewhere in the report are the same person, where they may be one
  const texts = new Set(accepted.map((m) => m.text));
  return mentions.filter((m) => mayBe(m) && texts.has(m.text));
}

/**
 * One-word names the recogniser typed a person in one place and a miscellany or an organisation in
 * others ("N'Guessan", read once as a person and six times as MISC): a person wherever the word
 * stands alone, unless a place preposition, or the "for" or "with" of an outlet or an employer
 * ("wrote for Lumen"), comes before it. Not a people's name ("Nigerian"), not a place the
 * gazetteer knows, not a place the recogniser saw.
 */
export function sameWordPersonMentions(doc: Doc, mentions: readonly TypedMention[], gazetteer: Gazetteer): TextSpan[] {
  const persons = new Set(mentions.filter((m) => m.type === 'PERSON' && oneWord(m)).map((m) => m.text));
  if (!persons.size) return [];
  const placed = new Set(mentions.filter((m) => m.type === 'LOC').map((m) => m.text));
  return mentions.filter((m) => {
    if ((m.type !== 'MISC' && m.type !== 'ORG') || !oneWord(m) || !persons.has(m.text) || placed.has(m.text)) return false;
    if (countryByDemonym(m.text) || countryByDemonym(m.text.replace(/s$/, '')) || !couldBePerson(doc, m, gazetteer)) return false;
    // (nor an outlet one writes for or works with: "wrote for Lumen")
    const before = wordBefore(doc, m);
    return !PLACE_PREPOSITIONS.has(before) && !OUTLET_PREPOSITIONS.has(before);
  });
}
