import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import { tokenAt } from '../../text/align.js';
import type { Doc, Token } from '../../text/doc.js';
import type { Entity, EntityType, TextSpan } from '../../text/types.js';
import { PATRONYMIC_MARKERS } from '../../text/name-particles.js';
import { loadRoleNouns } from '../coref/lexicon.js';
import { DATE_NAMES, WEEKDAYS } from '../dates/lexicon.js';
import { countryByDemonym } from '../places/countries.js';
import { loadGazetteer, type Gazetteer } from '../learn/gazetteer.js';
import { loadNames } from '../learn/names.js';
import { isModifierTail } from './ner-words.js';
import { onlyCommon, trainingTags } from './headline-trim.js';
import { MentionSet } from './mention-set.js';
import { evidencedPersons, familyNameMentions, fullNamesOfFamilyNames, harmedAfter, isKnownPlace, sameWordPersonMentions, tokensOf } from './person-evidence.js';
import { entityRewriter, numberByFirstMention } from './rewrite.js';

/**
 * People the recogniser misses because their names look like nothing in its training news
 * (Reuters, 1996). Measured on HRDsAttack's training reports, 28 % of the victims' names were
 * typed as places or organisations or cut short. Names like these: "the journalists Wa Tun Lin and
 * Kyaw Min Oo", "the blogger Tawfiq al-Mansouri", "activist Nguyen Thi Lanh". The
 * words around such a name say what it is, whatever its spelling:
 * - a role noun written in lower case just before it ("journalist", "lawyer", "activists");
 * - an honorific ("Mr", "Ms", "Dr");
 * - an apposition that gives a role or an age ("Farai Ncube, a teacher from Mberengwa", "Sit Man-kei, 33,",
 *   "Tarek Amran, a 24-year-old activist");
 * - a harm that only a person suffers, with "of" ("the murder of Raman Velko", "the fatal shooting
 *   of Adaeze Obi"): such names came out as places in our training reports.
 * Each name found so is a PERSON wherever the same words recur in the report.
 */

const HONORIFIC = /^(?:mr|mrs|ms|dr|prof|hon)\.?$/i;
/** Capitalised titles a name may carry at its front ("Sir Aren …", "Lieutenant-Colonel Aren Voss"): not part of the name. */
const FRONT_TITLES = new Set(['sister', 'sisters', 'brother', 'comrade', 'sir', 'dame', 'cardinal', 'bishop', 'archbishop', 'lord', 'rev', 'reverend', 'father', 'mr', 'mrs', 'ms', 'dr', 'prof', 'hon']);
/** Parts of speech no name begins with: "But Voss, a former …", "Velmoran Sister Ilse Varga". */
const NOT_NAME_START = new Set(['CCONJ', 'SCONJ', 'DET', 'ADV', 'ADP', 'PRON', 'PART', 'ADJ']);
/** Words that end or make up an organisation's name: "lead manager Harlow Brothers International" names a bank. */
const ORG_WORDS = /^(?:corp|corporation|inc|co|ltd|plc|llc|ag|sa|brothers|international|group|bank|association|union|party|institute|university|agency|council|committee|ministry|archives|fund|foundation|trust|company|press|news|times|post|holdings|partners|securities|capital|economics|airlines|industries|club|united|city|county|constituency|rovers|network|radio|tv|television|daily|review|journal|court|army|police|front|movement)\.?$/i;
/** Lower-case words inside Arabic, Dutch, Iberian… names ("Abd el Fattah", "van der Berg"), and the patronymic markers of Azerbaijani, Turkic and Central Asian names. */
const PARTICLE = /^(?:al|el|bin|bint|ibn|abu|van|von|der|den|de|da|dos|du|del|la|le)$/;
const isParticle = (word: string): boolean => PARTICLE.test(word) || PATRONYMIC_MARKERS.has(word);
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu|abd)-\p{Lu}[\p{L}\p{M}'’-]*)$/u;
const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i;
/** Tokens, hyphens included: "Mohammed Taha Ismail Al-Abdullah" is six. */
const MAX_NAME = 8;

interface Mention extends TextSpan {
  type: EntityType;
}

const glued = (a: Token, b: Token): boolean => a.end === b.start;

/**
 * The name that starts at token `i`, as [first, end) tokens within the sentence, or null. The
 * tokenizer splits hyphens as UD does, so "al-Mansouri" and "Man-kei" are joined back here.
 */
function nameAt(tokens: readonly Token[], i: number, to: number): [number, number] | null {
  let end = i;
  while (end < to && end - i < MAX_NAME) {
    const t = tokens[end]!;
    const next = end + 1 < to ? tokens[end + 1]! : undefined;
    if (NAME_WORD.test(t.text) && !CALENDAR.test(t.text)) end++;
    else if (end > i && t.text === '-' && next && glued(tokens[end - 1]!, t) && glued(t, next) && /^\p{L}/u.test(next.text) && !isModifierTail(next.text)) end += 2;
    else if (end > i && isParticle(t.text) && next && (NAME_WORD.test(next.text) || isParticle(next.text) || (next.text === '-' && glued(t, next)))) end++;
    else break;
  }
  // a title at the front is not part of the name: start after the last one
  let first = i;
  for (let k = i; k < end; k++) {
    const w = tokens[k]!.text.toLowerCase().replace(/\.$/, '');
    if (isTitle(w)) first = k + 1;
  }
  while (first < end && (tokens[first]!.text === '-' || NOT_NAME_START.has(tokens[first]!.upos ?? ''))) first++;
  for (let k = first; k < end; k++) if (FRONT_TITLES.has(tokens[k]!.text.toLowerCase())) first = k + 1;
  return end > first ? [first, end] : null;
}

/** A lower-case role noun ("journalist", "activists", "writer-activist"), or an honorific. */
function isCue(t: Token, titles: ReadonlySet<string>): boolean {
  if (HONORIFIC.test(t.text)) return true;
  // "the official Velmoran News Agency": an adjective is no cue
  if (t.text !== t.text.toLowerCase() || t.upos !== 'NOUN') return false;
  const last = t.text.split('-').pop()!;
  return titles.has(last) || (last.endsWith('s') && titles.has(last.slice(0, -1)));
}

/**
 * Whether the words after a name's comma (from token `k`) describe a person: an age ("33,") or
 * a noun phrase headed by a role noun ("an auto driver", "the union's president", "president of
 * the union"). Without an article the role must be singular: "Port Selim, officials said".
 */
function appositionNamesPerson(doc: Doc, k: number, to: number, titles: ReadonlySet<string>): boolean {
  const tokens = doc.tokens;
  if (/^\d{1,2}$/.test(tokens[k]?.text ?? '') && tokens[k + 1]?.text === ',') return true;
  const article = /^(?:a|an|the)$/i.test(tokens[k]?.text ?? '');
  let j = article ? k + 1 : k;
  // "a 24-year-old activist": the age's "year" is no role, the noun after it is
  const age = tokens.slice(j, j + 5).map((t) => t.text.toLowerCase());
  if (/^\d{1,3}$/.test(age[0] ?? '') && age[1] === '-' && /^years?$/.test(age[2] ?? '') && age[3] === '-' && age[4] === 'old') j += 5;
  const stop = Math.min(to, j + 8);
  while (j < stop && tokens[j]!.upos !== 'NOUN') j++;
  while (j + 1 < to && tokens[j + 1]!.upos === 'NOUN') j++;
  const head = tokens[j];
  if (!head || j >= stop + 2 || head.upos !== 'NOUN' || head.text !== head.text.toLowerCase()) return false;
  return titles.has(head.text) || (article && head.text.endsWith('s') && titles.has(head.text.slice(0, -1)));
}

const TITLE_WORDS = (): ReadonlySet<string> => loadRoleNouns().titles;

/** A title a name may carry in front (lower-cased, without its full stop): "sister", "colonel". */
const isTitle = (w: string): boolean => FRONT_TITLES.has(w) || TITLE_WORDS().has(w);

/** Whether text is nothing but titles: "Lieutenant-Colonel ", "Sister ". */
function onlyTitles(text: string): boolean {
  const words = text.split(/[\s-]+/).filter(Boolean).map((w) => w.toLowerCase().replace(/\.$/, ''));
  return words.length > 0 && words.every(isTitle);
}

/** Harms that befall a person, before "of" and a name: "the murder of …", "the abduction of …". */
const HARM_OF = new Set(['murder', 'killing', 'assassination', 'abduction', 'kidnapping', 'disappearance', 'shooting', 'torture', 'beating', 'execution', 'imprisonment', 'jailing', 'detention', 'arrest']);

function isHarmOf(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  return t.upos === 'NOUN' && t.text === t.text.toLowerCase() && HARM_OF.has(t.text) && tokens[i + 1]?.text === 'of';
}

/**
 * What a ministry or department is of, after a title and "of": "Minister of Justice Pol Varan",
 * "Secretary of State Ana Ruiz". The recogniser reads such a domain and the name after it as one
 * organisation or person ("Justice Pol Varan").
 */
const OFFICE_DOMAINS = new Set(['interior', 'justice', 'defence', 'defense', 'foreign', 'affairs', 'finance', 'health', 'education', 'information', 'labour', 'labor', 'state', 'home', 'economy', 'commerce', 'trade', 'agriculture', 'environment', 'culture', 'transport', 'energy', 'security', 'planning', 'youth', 'religious', 'public', 'works', 'communications', 'internal']);

/** The token after "<title> of <domain words>" that begins at token `i`, or -1. */
function afterOffice(tokens: readonly Token[], i: number, to: number): number {
  const t = tokens[i]!;
  if (!TITLE_WORDS().has(t.text.toLowerCase()) || tokens[i + 1]?.text !== 'of') return -1;
  let k = i + 2;
  while (k < to && k - i < 7 && (OFFICE_DOMAINS.has(tokens[k]!.text.toLowerCase()) || (k > i + 2 && /^(?:and|&)$/.test(tokens[k]!.text)))) k++;
  return k > i + 2 && /^\p{Lu}/u.test(tokens[i + 2]!.text) ? k : -1;
}

/** A mention that is only the domain words after "<title> of". */
function officeDomainOnly(doc: Doc, m: TextSpan): boolean {
  const first = tokenAt(doc, m.start);
  const last = tokenAt(doc, m.end - 1);
  if (first < 2 || last < first) return false;
  const words = doc.tokens.slice(first, last + 1);
  return words.every((t) => OFFICE_DOMAINS.has(t.text.toLowerCase())) && afterOffice(doc.tokens, first - 2, doc.tokens.length) === last + 1;
}

/** Verbs of saying a person's own account follows: "Tendai Moyo said she was beaten". */
const SAYING = /^(?:said|says|told|tells|added|recalled|explained|recounted)$/i;
/** Words between the verb of saying and the pronoun: "told reporters that she", "said on Monday he". */
const TO_WHOM = /^(?:that|reporters|journalists|the|media|press|us|him|her|them|local|on)$/i;
/** A weekday written out ("said on Monday she"), from the date lexicon. */
const weekday = (w: string): boolean => DATE_NAMES.has(w.toLowerCase()) && WEEKDAYS[w.toLowerCase()] !== undefined;
/** Words of a business's name the tagger's training may not have seen: "Kestrel Mining said he". */
const TRADE_WORDS = /^(?:mining|minerals|resources|energy|oil|gas|petroleum|motors|systems|solutions|technologies|technology|media|communications|telecom|logistics|shipping|construction|properties|pharma|pharmaceuticals|foods|textiles|steel|cement|airways|railways|insurance|finance|investments|ventures|enterprises|limited|services|watch|rights|amnesty)$/i;
/** Tags that make a word a common English word, not a name's: "Rights Watch said she" is an organisation speaking of someone. */
const COMMON = /NOUN|VERB|ADJ|ADV|ADP|DET|PRON|AUX|NUM|CCONJ|SCONJ|PART|INTJ/;

/**
 * A name of two words or more, none of them a common word, that says "he" or "she" of itself: "Tendai
 * Moyo said she was beaten", "Funke Adeyemi told reporters he had been threatened". An organisation
 * speaks of itself as "it" or "we", and of others with a "he" the same way: only names whose words
 * the tagger's training never saw as common words count, which keeps "Human Rights Watch said she"
 * an organisation.
 */
function speaksOfSelf(tokens: readonly Token[], name: [number, number], to: number, tagsOf: (w: string) => string | undefined): boolean {
  const [first, end] = name;
  if (end - first < 2 || end >= to || !SAYING.test(tokens[end]!.text)) return false;
  if (!nameWordsOnly(tokens, name, tagsOf)) return false;
  for (let k = end + 1; k < Math.min(to, end + 5); k++) {
    const w = tokens[k]!.text;
    if (/^(?:he|she)$/i.test(w)) return true;
    if (!TO_WHOM.test(w) && !weekday(w)) return false;
  }
  return false;
}

/**
 * A name of two words or more, none of them a common or trade word, that a harm befalls in the
 * passive right after it: "Faisal al-Harbi was detained on Sept. 28", which the recogniser did
 * not see at all. Names it found, in part or whole, are typed by the evidence rules; this finds
 * only the ones it missed.
 */
function harmedName(doc: Doc, name: [number, number], tagsOf: (w: string) => string | undefined): boolean {
  const [first, end] = name;
  if (end - first < 2 || !nameWordsOnly(doc.tokens, name, tagsOf)) return false;
  if (doc.tokens.slice(first, end).some((t) => countryByDemonym(t.text) || CALENDAR.test(t.text))) return false;
  // the harm first: it is rare, and the look for the recogniser's mentions reads them all
  if (!harmedAfter(doc, end - 1)) return false;
  // only what the recogniser did not see at all: "Toyota Camry Chima was arrested" holds its "Chima"
  const [from, to] = [doc.tokens[first]!.start, doc.tokens[end - 1]!.end];
  return !doc.entities.some((e) => e.mentions.some((m) => m.start < to && from < m.end));
}

/** Every word of the name a name's (its particles and hyphens aside): no organisation's or trade's word, none the tagger's training saw as a common word. */
function nameWordsOnly(tokens: readonly Token[], [first, end]: [number, number], tagsOf: (w: string) => string | undefined): boolean {
  for (let k = first; k < end; k++) {
    const t = tokens[k]!;
    if (t.text === '-' || isParticle(t.text)) continue;
    if (ORG_WORDS.test(t.text) || TRADE_WORDS.test(t.text) || COMMON.test(tagsOf(t.text) ?? '')) return false;
  }
  return true;
}

/** A cued name's first token and the token after it, and how it was found when that matters: by an age set off after one word (enough for one word), or with a nickname inside. */
type CuedName = [first: number, end: number, how?: 'age' | 'nickname'];

/**
 * ", 27, a sewing operator" or ", 27, was shot" right after a name: an age in apposition, then a
 * description or the verb (not "Gomel, 14, Brest, 22": a count after each place).
 */
function ageSetOff(tokens: readonly Token[], comma: number, to: number): boolean {
  if (tokens[comma]?.text !== ',' || comma + 3 >= to) return false;
  const age = tokens[comma + 1]!.text;
  return /^\d{1,2}$/.test(age) && Number(age) >= 12 && [',', '—', '–'].includes(tokens[comma + 2]!.text) && /^\p{Ll}/u.test(tokens[comma + 3]!.text);
}

const QUOTE_MARKS = /^["“”'‘’]$/;

/** 'Chanida "Fon" Boonmak': a given name, a nickname in quotation marks, a family name; the three as one name's tokens. */
function nicknamed(tokens: readonly Token[], i: number, to: number): CuedName | undefined {
  if (i + 4 >= to) return undefined;
  const [given, open, nick, close, family] = [0, 1, 2, 3, 4].map((k) => tokens[i + k]!) as [Token, Token, Token, Token, Token];
  const word = (t: Token) => /^\p{Lu}\p{Ll}+$/u.test(t.text);
  if (!word(given) || !QUOTE_MARKS.test(open.text) || !word(nick) || !QUOTE_MARKS.test(close.text) || !NAME_WORD.test(family.text)) return undefined;
  // tight quotation marks around the nickname, spaces outside: not a quotation that starts after a name
  if (open.end !== nick.start || nick.end !== close.start || given.end === open.start || close.end === family.start) return undefined;
  return [i, i + 5, 'nickname'];
}

/** Names the words around them mark as people, as token ranges. */
export function cuedNames(doc: Doc): CuedName[] {
  const titles = loadRoleNouns().titles;
  const tagsOf = trainingTags();
  const found: CuedName[] = [];
  for (const s of doc.sentences) {
    const tokens = doc.tokens;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i]!;
      if (i + 1 < s.tokenEnd && isCue(t, titles)) {
        let name = nameAt(tokens, i + 1, s.tokenEnd);
        // a plural role takes its list: "the journalists Wa Tun Lin and Kyaw Min Oo"
        while (name) {
          found.push(name);
          const sep = tokens[name[1]];
          if (!t.text.endsWith('s') || !sep || !(sep.text === ',' || sep.text === 'and')) break;
          const skip = sep.text === ',' && tokens[name[1] + 1]?.text === 'and' ? 2 : 1;
          name = nameAt(tokens, name[1] + skip, s.tokenEnd);
        }
        continue;
      }
      // "Minister of Justice Pol Varan": a name of two words or more after the office
      const office = afterOffice(tokens, i, s.tokenEnd);
      if (office > 0) {
        const name = nameAt(tokens, office, s.tokenEnd);
        if (name && name[0] === office && name[1] - name[0] > 1) found.push(name);
        if (name) continue;
      }
      // "the murder of Raman Velko": a name of two words or more (one is as often a town)
      if (i + 2 < s.tokenEnd && isHarmOf(tokens, i)) {
        const name = nameAt(tokens, i + 2, s.tokenEnd);
        // "the killing of Port Selim residents": a name that modifies a noun is not the one harmed
        const after = tokens[name?.[1] ?? 0];
        const modifies = after !== undefined && (/^['’]s$/.test(after.text) || (after.upos === 'NOUN' && after.text === after.text.toLowerCase()));
        if (name && name[1] - name[0] > 1 && !modifies) found.push(name);
        continue;
      }
      // "the union's treasurer, Yerlan Tokhtarov, was attacked": a singular role, then the name set off by commas
      if (t.text === ',' && i > s.tokenStart && i + 2 < s.tokenEnd && isCue(tokens[i - 1]!, titles) && !tokens[i - 1]!.text.endsWith('s') && !HONORIFIC.test(tokens[i - 1]!.text)) {
        const name = nameAt(tokens, i + 1, s.tokenEnd);
        if (name && name[1] - name[0] > 1 && tokens[name[1]]?.text === ',') {
          found.push(name);
          i = name[1] - 1;
          continue;
        }
      }
      // a nickname in quotation marks inside a name, as Thai reports give it: 'Chanida "Fon" Boonmak'
      const nick = nicknamed(tokens, i, s.tokenEnd);
      if (nick) {
        found.push(nick);
        i = nick[1] - 1;
        continue;
      }
      // an apposition after a name that begins here: "Farai Ncube, a teacher", "Sit Man-kei, 33,"
      const prev = tokens[i - 1];
      if (prev && prev.i >= s.tokenStart && NAME_WORD.test(prev.text)) continue;
      const name = nameAt(tokens, i, s.tokenEnd);
      if (name && (speaksOfSelf(tokens, name, s.tokenEnd, tagsOf) || harmedName(doc, name, tagsOf))) {
        found.push(name);
        continue;
      }
      // "Jahangir, 27, a sewing operator": an age set off by commas after one word is a person's, whatever the recogniser said
      // (opening its sentence, after a bullet or a quotation mark at most)
      const opens = (k: number) => k === s.tokenStart || (k === s.tokenStart + 1 && /^[-•*–·▪"“]$/.test(tokens[s.tokenStart]!.text));
      if (name && opens(name[0]) && name[1] - name[0] === 1 && ageSetOff(tokens, name[1], s.tokenEnd)) {
        found.push([name[0], name[1], 'age']);
        continue;
      }
      // one capitalised word before a comma is as often "Still," or "However," as a name
      if (name && name[1] - name[0] > 1 && name[1] < s.tokenEnd && tokens[name[1]]!.text === ',' && appositionNamesPerson(doc, name[1] + 1, s.tokenEnd, titles)) found.push(name);
    }
  }
  return found;
}

/** Mentions regrouped into entities by type and text, numbered by first mention. */
function group(mentions: readonly Mention[]): Entity[] {
  const byKey = new Map<string, Entity>();
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const key = `${m.type}\t${m.text}`;
    const e = byKey.get(key) ?? { id: '', type: m.type, name: m.text, mentions: [] };
    byKey.set(key, e);
    e.mentions.push({ start: m.start, end: m.end, text: m.text });
  }
  return numberByFirstMention([...byKey.values()]);
}

/**
 * Where each of `names` (a name → its first token's text) occurs in the doc, whole words only, in one pass over the tokens: a search
 * of the whole text for each name made a report naming hundreds of people quadratic.
 */
function occurrences(doc: Doc, names: ReadonlyMap<string, string>): Map<string, TextSpan[]> {
  const found = new Map<string, TextSpan[]>();
  // by first word, then by length: a token reads the text after it once per length, not once per
  // name (thousands of names share a common given name in a long report)
  const byFirstWord = new Map<string, Map<number, Set<string>>>();
  for (const [name, word] of names) {
    found.set(name, []);
    const lengths = byFirstWord.get(word) ?? new Map<number, Set<string>>();
    byFirstWord.set(word, lengths);
    lengths.set(name.length, (lengths.get(name.length) ?? new Set()).add(name));
  }
  const { text, tokens } = doc;
  tokens.forEach((t, first) => {
    for (const [length, named] of byFirstWord.get(t.text) ?? []) {
      const name = text.slice(t.start, t.start + length);
      if (!named.has(name)) continue;
      const last = tokenAt(doc, t.start + name.length - 1);
      if (last < 0 || tokens[last]!.end !== t.start + name.length) continue;
      // "Tawfiq Amran" is not a part of "Tawfiq Amran Hamid"
      const before = tokens[first - 1];
      const after = tokens[last + 1];
      if ((before && NAME_WORD.test(before.text)) || (after && NAME_WORD.test(after.text))) continue;
      found.get(name)!.push(doc.span(t.start, t.start + name.length));
    }
  });
  return found;
}

/** Where the text before `offset` ends once the white space just before it is left out. */
function endBefore(text: string, offset: number): number {
  let e = offset;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** Titles that stand between an organisation's name and a person's: "Kasilo County MP Elijah Okupa". */
const JOINING_TITLES = new Set(['MP', 'MPs', 'Chairman', 'Chairwoman', 'Director', 'President', 'Secretary', 'Rector', 'Dean', 'Professor', 'Prof', 'Dr', 'Member']);

/**
 * An organisation mention that runs on into a person's name: "Xinjiang University Tashpolat Tiyip",
 * "Suburbs Bus Company Rasoul Taleb Moghadam", "Kasilo County MP Elijah Okupa" — the organisation
 * ends at a word that ends organisations' names (then a title may stand between), and what follows
 * is two to four capitalised words that could be a name: none an organisation's word, none a word
 * the tagger knows only as a common word, not a place. The organisation keeps its part.
 */
function orgThenPerson(doc: Doc, m: Mention, tagsOf: (w: string) => string | undefined, gazetteer: Gazetteer): { org: TextSpan | null; person: TextSpan } | undefined {
  if (m.type !== 'ORG') return undefined;
  const [first, last] = tokensOf(doc, m);
  if (first < 0 || last - first < 2) return undefined;
  for (let k = last - 2; k > first; k--) {
    if (!ORG_WORDS.test(doc.tokens[k]!.text)) continue;
    let from = k + 1;
    while (from <= last && JOINING_TITLES.has(doc.tokens[from]!.text)) from++;
    const words = doc.tokens.slice(from, last + 1).map((t) => t.text);
    if (words.length < 2 || words.length > 4) return undefined;
    if (words.some((w) => !NAME_WORD.test(w) || ORG_WORDS.test(w) || onlyCommon(tagsOf, w) || CALENDAR.test(w))) return undefined;
    if (gazetteer.match(words).some((g) => g.start === 0 && g.end === words.length)) return undefined;
    return { org: doc.span(doc.tokens[first]!.start, doc.tokens[k]!.end), person: doc.span(doc.tokens[from]!.start, doc.tokens[last]!.end) };
  }
  return undefined;
}

/**
 * The first token of the words before a person's mention that are more of their name: capitalised
 * words the tagger knows only as names or not at all ("Abdifatah", "Faisal"), with the particles
 * between ("bin"), up to a title, a role, a place, a nationality, another mention or the sentence's
 * first word. Undefined when there are none.
 */
function givenNamesBefore(doc: Doc, m: Mention, mentions: MentionSet<Mention>, tagsOf: (w: string) => string | undefined, gazetteer: Gazetteer): number | undefined {
  const start = tokenAt(doc, m.start);
  const sentence = doc.sentences[doc.sentenceAt(m.start)];
  if (start < 0 || !sentence) return undefined;
  const titles = loadRoleNouns().titles;
  // before a particle ("Faisal bin …") a word the recogniser made a name of its own is the given name still
  const alone = (t: Token, beforeParticle: boolean): boolean => mentions.overlapping(t).every((o) => beforeParticle && o.type !== 'PERSON' && o.start === t.start && o.end === t.end);
  const nameWord = (t: Token, beforeParticle = false): boolean =>
    NAME_WORD.test(t.text) && t.text !== t.text.toUpperCase() && !/[.-]$/.test(t.text) && (tagsOf(t.text) ?? 'PROPN') === 'PROPN' && !ORG_WORDS.test(t.text) && !FRONT_TITLES.has(t.text.toLowerCase()) && !HONORIFIC.test(t.text) && !CALENDAR.test(t.text) && !titles.has(t.text.toLowerCase()) && !countryByDemonym(t.text) && !gazetteer.match([t.text]).length && alone(t, beforeParticle);
  if (m.text.split(/\s+/).some((w) => ORG_WORDS.test(w))) return undefined;
  let first = start;
  // not the sentence's first word: a capitalised role opens sentences ("Coach Berti Vogts")
  for (let k = start - 1; k > sentence.tokenStart; k--) {
    const t = doc.tokens[k]!;
    if (nameWord(t)) first = k;
    else if (isParticle(t.text) && k - 1 > sentence.tokenStart && nameWord(doc.tokens[k - 1]!, true)) first = --k;
    else break;
  }
  return first < start ? first : undefined;
}

/**
 * A person's name with the patronymic marker right after it, and the family name after that when
 * one follows in the sentence: "Aysel Ramiz qızı Huseynova", "Elmira Nur kyzy". At most two name
 * words after the marker.
 */
function patronymicAfter(doc: Doc, m: Mention): TextSpan | undefined {
  const k = tokenAt(doc, m.end - 1) + 1;
  const marker = doc.tokens[k];
  const sentence = doc.sentences[doc.sentenceAt(m.start)];
  if (!marker || !sentence || k >= sentence.tokenEnd || !PATRONYMIC_MARKERS.has(marker.text.toLowerCase())) return undefined;
  let last = k;
  for (let j = k + 1; j < Math.min(sentence.tokenEnd, k + 3) && NAME_WORD.test(doc.tokens[j]!.text) && !ORG_WORDS.test(doc.tokens[j]!.text); j++) last = j;
  return doc.span(m.start, doc.tokens[last]!.end);
}

/** The entity layer with the cued names made people. */
/** "another Nigerian, Anton Okaro, was arrested": a nationality read as a person's name is a nationality (CoNLL's MISC). */
// …but "Dr Danish" is a man
const nationalityOnly = (doc: Doc, m: Mention): boolean => m.type === 'PERSON' && /^\p{Lu}\p{Ll}+$/u.test(m.text) && countryByDemonym(m.text) !== undefined && !HONORIFIC.test(/(\S+)\s*$/.exec(doc.text.slice(Math.max(0, m.start - 6), m.start))?.[1] ?? '');

/** "Altermidya Network correspondent Frenchie Cumpo": a "person" whose last word names an organisation, right before a role, is the employer. */
function employerBeforeRole(doc: Doc, m: Mention): boolean {
  if (m.type !== 'PERSON' || !ORG_WORDS.test(m.text.split(/\s+/).pop() ?? '')) return false;
  const k = tokenAt(doc, m.end - 1) + 1;
  const next = doc.tokens[k];
  return next !== undefined && next.upos === 'NOUN' && next.text === next.text.toLowerCase() && loadRoleNouns().titles.has(next.text.toLowerCase().replace(/s$/, ''));
}

/** Last words that make a name an outlet: "Geeska Bari TV", "Radio Tolland FM", "Karvel News". */
const OUTLET_WORDS = /^(?:TV|Television|Radio|FM|News)$/;

/**
 * "Geeska Bari TV", "Nav Tojikiston member Anvar Saidov": a "person" whose last word names an outlet,
 * or right before "member(s)" (a person has no members), is an organisation.
 */
function organisationByForm(doc: Doc, m: Mention): boolean {
  if (m.type !== 'PERSON') return false;
  if (OUTLET_WORDS.test(m.text.split(/\s+/).pop() ?? '')) return true;
  return /^\s+members?\b/.test(doc.text.slice(m.end, m.end + 10));
}

/** Roles whose "for", "with" or "at" names an employer, never a client: "a reporter for the independent Karvel Voice". */
const MEDIA_ROLES = new Set(['reporter', 'correspondent', 'journalist', 'editor', 'photographer', 'photojournalist', 'presenter', 'columnist', 'cameraman', 'camerawoman', 'producer', 'anchor', 'contributor', 'stringer', 'blogger', 'broadcaster']);
const EMPLOYER_CASES = new Set(['for', 'with', 'at']);

/** Common nouns for an outlet, which name one right after them: "the independent channel Mtis Ambebi", "the online outlet Suara Lembah". */
const OUTLET_NOUNS = new Set(['channel', 'station', 'newspaper', 'paper', 'daily', 'weekly', 'website', 'outlet', 'magazine', 'portal', 'agency']);

/**
 * "the independent channel Mtis Ambebi": a "person" right after an outlet noun the text opens with
 * "the" or "a" is the outlet; not one a verb follows, who begins a clause of their own ("told the
 * newspaper Ana Rell was missing", "the agency Ivo Sarn worked for").
 */
function outletNounBefore(doc: Doc, m: Mention): boolean {
  if (m.type !== 'PERSON') return false;
  const after = doc.tokens[tokenAt(doc, m.end - 1) + 1];
  const k = tokenAt(doc, m.start) - 1;
  const noun = doc.tokens[k];
  // ("the weekly Korvan Ledger": a tagger may read "weekly" or "daily" as an adjective)
  if (!noun || !['NOUN', 'ADJ'].includes(noun.upos ?? '') || !OUTLET_NOUNS.has(noun.text)) return false;
  // the outlet noun opens its own phrase ("the … channel"), not "the channel's editor"
  let j = k - 1;
  while (j >= 0 && /^\p{Ll}/u.test(doc.tokens[j]!.text) && ['ADJ', 'NOUN'].includes(doc.tokens[j]!.upos ?? '') && k - j < 4) j--;
  if (!(j >= 0 && /^(?:the|a|an)$/i.test(doc.tokens[j]!.text))) return false;
  // a verb after it may begin the name's own clause ("told the newspaper Ana Rell was missing"),
  // unless the phrase hangs on "of": "the founder of the online outlet Harbour Lens was jailed"
  // (an auxiliary only: "the station Musa Kiptoo runs" is Musa's clause)
  return !(after && ['VERB', 'AUX'].includes(after.upos ?? '')) || (after.upos === 'AUX' && doc.tokens[j - 1]?.text.toLowerCase() === 'of');
}

/** "a reporter for the independent Karvel Voice", "a correspondent with Radio Nolan": a "person" named after a media role and "for/with/at" is the outlet. */
function employerAfterRole(doc: Doc, m: Mention): boolean {
  if (m.type !== 'PERSON') return false;
  let k = tokenAt(doc, m.start) - 1;
  // "for the independent Karvel Voice", "for the privately owned Geeska Bari", "for state-run Radio Nolan"
  const modifier = (t: Token) => /^\p{Ll}/u.test(t.text) && (t.upos === 'ADJ' || t.upos === 'ADV' || t.xpos === 'VBN' || t.text.includes('-'));
  while (k >= 0 && (modifier(doc.tokens[k]!) || doc.tokens[k]!.text.toLowerCase() === 'the')) k--;
  const role = doc.tokens[k - 1];
  return k > 0 && EMPLOYER_CASES.has(doc.tokens[k]!.text.toLowerCase()) && role !== undefined && MEDIA_ROLES.has(role.text.toLowerCase().replace(/s$/, ''));
}

/**
 * "Her brother, Aadil Yousuf Wani, … the family learned that Aadil had been taken": one word of a
 * person's full name, standing alone where the recogniser found nothing, is that person (the
 * alias layer then joins it to the full name). Only a word of exactly one full name (a shared
 * family name stays unread), capitalised, of a name no common word makes up, and not run into
 * another capitalised word.
 */
function nameWordsAlone(doc: Doc, mentions: MentionSet<Mention>, tagsOf: (word: string) => string | undefined): TextSpan[] {
  const owners = new Map<string, Set<string>>();
  for (const m of mentions.all) {
    if (m.type !== 'PERSON') continue;
    const ws = m.text.split(/\s+/);
    if (ws.length < 2) continue;
    for (const w of ws) owners.set(w, (owners.get(w) ?? new Set()).add(m.text));
  }
  const out: TextSpan[] = [];
  doc.tokens.forEach((t, i) => {
    if (!/^\p{Lu}\p{Ll}{2,}$/u.test(t.text) || owners.get(t.text)?.size !== 1 || onlyCommon(tagsOf, t.text) || HONORIFIC.test(t.text)) return;
    if (mentions.overlapping(t).length) return;
    const capital = (k: number) => /^\p{Lu}/u.test(doc.tokens[k]?.text ?? '');
    if (capital(i - 1) && doc.sentenceAt(doc.tokens[i - 1]!.start) === doc.sentenceAt(t.start) && doc.tokens[i - 1]!.upos === 'PROPN') return;
    if (capital(i + 1) && doc.tokens[i + 1]!.upos === 'PROPN') return;
    out.push(doc.span(t.start, t.end));
  });
  return out;
}

/** Titles of clergy a name carries in front ("Pastor A", "Imam B", "Khenpo C"); FRONT_TITLES has the Western ones. */
const CLERICS = new Set(['pastor', 'imam', 'sheikh', 'shaikh', 'rabbi', 'ayatollah', 'mullah', 'lama', 'khenpo', 'geshe', 'abbot', 'deacon', 'elder', 'evangelist', 'apostle', 'venerable', 'ustaz', 'maulana']);
/**
 * Forms of address a name read as an organisation may open with: a union's "Comrade", the Burmese
 * "Ko" and "Daw". Matched as written, capitalised ("Ko" only in front of a name the recogniser
 * took for an organisation; a Korean "Ko Un" read as a person keeps it).
 */
const TITLES_BEFORE_NAMES = new Set(['Comrade', 'Ko', 'Daw']);
/** Clerics' titles that are also given names or words of a name ("Elder Mosquera Palacios" is a man named Elder): kept in a person's name. */
const ALSO_IN_NAMES = new Set(['elder', 'lama', 'abbot', 'deacon', 'evangelist', 'apostle', 'venerable']);

/**
 * An "organisation" that is a title and a name ("Pastor Tesfamariam"), the name maybe running on
 * over a hyphenated word the recogniser cut off ("Gebremedhin-Weldu"): the name's span, or
 * undefined. The title is left out, as for a person the recogniser found.
 */
function titledName(doc: Doc, m: Mention, tagsOf: (word: string) => string | undefined): TextSpan | undefined {
  const words = m.text.split(/\s+/);
  if (words.length < 2 || !(CLERICS.has(words[0]!.toLowerCase()) || FRONT_TITLES.has(words[0]!.toLowerCase()) || TITLES_BEFORE_NAMES.has(words[0]!))) return undefined;
  // a name, not "Father Brown Memorial Hospital": no word of it a common word
  const nameWord = (w: string) => /^\p{Lu}/u.test(w) && !ORG_WORDS.test(w) && !onlyCommon(tagsOf, w);
  if (!words.slice(1).every(nameWord)) return undefined;
  const first = tokenAt(doc, m.start) + 1;
  let last = tokenAt(doc, m.end - 1);
  // the name's next words, capitalised, when the recogniser stopped short ("Gebremedhin - Weldu"),
  // within its sentence: a headline's last name is not joined to the dateline's place below it
  const sentenceEnd = doc.sentences[doc.sentenceAt(m.start)]?.end ?? doc.text.length;
  const within = (k: number) => k < doc.tokens.length && doc.tokens[k]!.end <= sentenceEnd;
  while (within(last + 1) && /^\p{Lu}\p{Ll}/u.test(doc.tokens[last + 1]!.text) && doc.tokens[last + 1]!.upos === 'PROPN' && nameWord(doc.tokens[last + 1]!.text)) last++;
  while (within(last + 2) && doc.tokens[last + 1]?.text === '-' && doc.tokens[last + 1]!.start === doc.tokens[last]!.end && /^\p{Lu}/u.test(doc.tokens[last + 2]?.text ?? '')) last += 2;
  return doc.span(doc.tokens[first]!.start, doc.tokens[last]!.end);
}

export function personCueEntities(doc: Doc): Entity[] {
  return personCueRewrite(doc).entities;
}

/** The rewrite, with the mention set it worked on (a test counts the set's visits). */
export function personCueRewrite(doc: Doc): { entities: Entity[]; mentions: MentionSet<Mention> } {
  const gazetteer = loadGazetteer();
  const mentions = new MentionSet<Mention>(doc.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, type: e.type }))));
  const people = new Map<string, string>();
  const makePerson = (span: TextSpan): void => {
    const near = mentions.overlapping(span);
    // a person the recogniser found already, as long or longer, keeps its bounds (the tagger may have
    // misread "Will" in "captain Will Tarran"; the recogniser did not)
    // …but not the titles it took in: "Lieutenant-Colonel Aren Voss", once read whole, is Aren Voss,
    // and "Minister of | Justice Pol Varan" is Pol Varan
    const front = (m: TextSpan) => onlyTitles(doc.text.slice(m.start, span.start)) || officeDomainOnly(doc, doc.span(m.start, endBefore(doc.text, span.start)));
    const titled = near.find((m) => m.type === 'PERSON' && m.start < span.start && m.end === span.end && front(m));
    if (titled) {
      mentions.remove(titled);
      mentions.add({ ...titled, start: span.start, text: span.text });
      changed = true;
      return;
    }
    if (near.some((m) => m.type === 'PERSON' && m.start <= span.start && m.end >= span.end)) return;
    for (const m of near) mentions.remove(m);
    mentions.add({ ...span, type: 'PERSON' });
    changed = true;
  };
  let changed = false;
  for (const [first, end, how] of cuedNames(doc)) {
    const words = doc.tokens.slice(first, end).map((t) => t.text);
    if (words.some((w) => ORG_WORDS.test(w)) || doc.tokens[end]?.text === '&') continue;
    // a place the gazetteer knows stays a place ("reporters Nairobi" is a list gone wrong, not a name)
    // …but not after an honorific: "Mr Jalingo" is a man, whatever town bears his name
    const honorific = HONORIFIC.test(doc.tokens[first - 1]?.text ?? '');
    if (!honorific && isKnownPlace(gazetteer, words)) continue;
    const span = doc.span(doc.tokens[first]!.start, doc.tokens[end - 1]!.end);
    // one word the recogniser typed otherwise is too little to go on ("the new England captain")
    // (an age after it is enough against an organisation or a miscellany, not against a place)
    if (end - first === 1 && !honorific && mentions.overlapping(span).some((m) => m.type !== 'PERSON' && (how !== 'age' || m.type === 'LOC'))) continue;
    makePerson(span);
    if (end - first > 1 && !people.has(span.text)) people.set(span.text, doc.tokens[first]!.text);
    // the nickname alone later is the same person ("Fon went to a police station")
    const nickname = how === 'nickname' ? doc.tokens[first + 2]!.text : undefined;
    if (nickname && !people.has(nickname)) people.set(nickname, nickname);
  }
  // "Xinjiang University Tashpolat Tiyip": an organisation's name run into the person's after it
  const tagsOf = trainingTags();
  for (const m of [...mentions.all]) {
    const split = orgThenPerson(doc, m, tagsOf, gazetteer);
    if (!split) continue;
    mentions.remove(m);
    if (split.org) mentions.add({ ...split.org, type: 'ORG' });
    mentions.add({ ...split.person, type: 'PERSON' });
    if (!people.has(split.person.text)) people.set(split.person.text, split.person.text.split(/\s+/)[0]!);
    changed = true;
  }
  // "Journalist Abdifatah Mohamed Warsame", "Faisal bin Mansour al-Harbi": a given name the recogniser left outside
  for (const m of [...mentions.all]) {
    const first = m.type === 'PERSON' ? givenNamesBefore(doc, m, mentions, tagsOf, gazetteer) : undefined;
    if (first === undefined) continue;
    const span = doc.span(doc.tokens[first]!.start, m.end);
    for (const o of mentions.overlapping(span)) mentions.remove(o);
    mentions.add({ ...m, ...span });
    if (!people.has(span.text)) people.set(span.text, doc.tokens[first]!.text);
    changed = true;
  }
  // "Aysel Ramiz | qızı | Huseynova", "Elmira Nur | kyzy": a patronymic marker and the family name after it are the name's
  for (const m of [...mentions.all]) {
    const span = m.type === 'PERSON' ? patronymicAfter(doc, m) : undefined;
    if (!span) continue;
    for (const o of mentions.overlapping(span)) mentions.remove(o);
    mentions.add({ ...m, ...span });
    if (!people.has(span.text)) people.set(span.text, span.text.split(/\s+/)[0]!);
    changed = true;
  }
  // the same words elsewhere in the report are the same person, however the recogniser cut them there
  for (const spans of occurrences(doc, people).values()) for (const span of spans) makePerson(span);
  // what befalls a name and the list it stands in; then the family names of the people found
  for (const span of evidencedPersons(doc, mentions.all, gazetteer, loadNames())) makePerson(doc.span(span.start, span.end));
  for (const span of familyNameMentions(doc, mentions.all)) makePerson(doc.span(span.start, span.end));
  for (const span of fullNamesOfFamilyNames(doc, mentions.all, gazetteer)) makePerson(doc.span(span.start, span.end));
  for (const span of sameWordPersonMentions(doc, mentions.all, gazetteer)) makePerson(doc.span(span.start, span.end));
  for (const span of nameWordsAlone(doc, mentions, tagsOf)) makePerson(span);
  // "Pastor Tesfamariam | Gebremedhin-Weldu" read as an organisation (or a MISC): a cleric's title, then a name
  for (const m of [...mentions.all]) {
    // (and a person's, whose name the title is not part of: "Sheikh Abdulilah" is Abdulilah bin Saad's short name)
    const opening = m.text.split(/\s+/)[0]!.toLowerCase();
    const span = m.type === 'ORG' || m.type === 'MISC' || (m.type === 'PERSON' && CLERICS.has(opening) && !ALSO_IN_NAMES.has(opening)) ? titledName(doc, m, tagsOf) : undefined;
    if (!span) continue;
    mentions.remove(m);
    makePerson(span);
  }
  // "Minister of | Justice | Pol Varan": the office's domain alone is no organisation
  // an outlet or a movement shown to be one somewhere is one wherever the same words stand ("Nav Tojikiston was banned")
  const organisations = new Set(mentions.all.filter((m) => employerBeforeRole(doc, m) || employerAfterRole(doc, m) || outletNounBefore(doc, m) || organisationByForm(doc, m)).map((m) => m.text));
  const kept = mentions.all.filter((m) => !officeDomainOnly(doc, m)).map((m) => (nationalityOnly(doc, m) ? { ...m, type: 'MISC' as const } : m.type === 'PERSON' && organisations.has(m.text) ? { ...m, type: 'ORG' as const } : m));
  if (kept.length < mentions.all.length || kept.some((m, i) => m !== mentions.all[i])) changed = true;
  return { entities: changed ? group(kept) : doc.entities, mentions };
}

export const createPersonCues = (): Component => entityRewriter('person-cues', ['tokens', 'sentences', 'tags', 'entities'], personCueEntities);

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    'person-cues': Record<string, never>;
  }
}

registry.register('person-cues', () => createPersonCues());
