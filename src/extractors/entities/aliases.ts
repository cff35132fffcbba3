import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import { tokenAt, tokenIndexAfter } from '../../text/align.js';
import type { Doc } from '../../text/doc.js';
import type { Entity, TextSpan } from '../../text/types.js';
import { cityByName } from '../places/cities.js';
import { countryByName } from '../places/countries.js';
import { capitalisedThroughout, titleCaseSentences } from './headline-trim.js';
import { mergeAcronyms } from './acronyms.js';
import { MONTHS, SEASONS, WEEKDAYS } from '../dates/lexicon.js';
import { entityRewriter, numberByFirstMention } from './rewrite.js';

/**
 * One entity per person, not one per spelling: "Rath Rott Mony" and later "Mony" are the same
 * man, so a name whose words are all words of exactly one longer PERSON name joins it (family
 * name first or last alike: "Khieu Sopheak" → "Sopheak" and "Khieu" both join). A name the
 * recogniser stopped short of its own head ("Rath Rott | Mony", parsed as compound → Mony)
 * is first grown to that head. A one-word LOC/ORG/MISC that is a word of a PERSON name is the
 * person mis-typed ("Karsland officials say Reyvik abetted…" once read Reyvik as a place).
 */

/** A name's words, a nickname's quotation marks left off ('Chanida "Fon" Boonmak' has the word Fon). */
const words = (s: string): string[] => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).map((w) => w.replace(/^["“”'‘’]+|["“”'‘’]+$/gu, ''));
/** A name's words as they are compared: an Arabic article joined by a hyphen is left off ("al-Hathloul", "Al-Hathloul" and "Hathloul" are one word). */
const matchWords = (s: string): string[] => words(s).map((w) => w.replace(/^(?:al|el|ul)[-‐‑]/iu, ''));

/** The mention grown rightwards over the proper nouns it modifies. */
function growToHead(doc: Doc, m: TextSpan, taken: Set<number>, headline: readonly boolean[]): TextSpan {
  // a Title Case headline tags every word PROPN: "Tomas Reyk Vell Freed After Two Years"
  if (!doc.assigned.has('deps') || headline[doc.sentenceAt(m.start)]) return m;
  let end = m.end;
  const first = tokenIndexAfter(doc.tokens, m.start);
  let i = tokenIndexAfter(doc.tokens, m.end);
  const inside = (t: number) => doc.tokens[t]!.start >= m.start && doc.tokens[t]!.end <= end;
  while (i >= 0 && i < doc.tokens.length) {
    const next = doc.tokens[i]!;
    if (next.upos !== 'PROPN' || taken.has(i) || !/^\p{Lu}/u.test(next.text)) break;
    // some token of the mention must hang on it (compound/flat): it is the name's head
    const prev = doc.tokens[i - 1]!;
    if (!inside(i - 1) || !(prev.head === i || next.head === i - 1 || doc.tokens.slice(first, i).some((t) => t.head === i))) break;
    end = next.end;
    i++;
  }
  // a name does not end inside a hyphenated word whose next part is capitalised: "Zainab Mansoor
  // Al" is "Zainab Mansoor Al-Shuwaikh" ("Kim-led", "Dravin-based" go on in lower case)
  if (end > m.end) for (let rest = HYPHENATED.exec(doc.text.slice(end, end + 40)); rest; rest = HYPHENATED.exec(doc.text.slice(end, end + 40))) end += rest[0].length;
  return end === m.end ? m : doc.span(m.start, end);
}

/** The rest of a hyphenated name after the mention's end: a hyphen and a capitalised part ("-Shuwaikh"). */
const HYPHENATED = /^[-‐‑]\p{Lu}[\p{L}'’]*/u;

/** "Washington" stays a place even beside "George Washington". */
const isWellKnownPlace = (name: string): boolean => countryByName(name) !== undefined || (cityByName(name)?.population ?? 0) > 50_000;

/**
 * Stretches in quotation marks that are titles: every word of four letters or more capitalised
 * (“Father Sold The House”, a documentary). A person found inside one is a piece of the title.
 */
function quotedTitles(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  for (const m of text.matchAll(/[“"]([^”"\n]{3,100})[”"]/gu)) {
    if (capitalisedThroughout(m[1]!)) out.push({ start: m.index + 1, end: m.index + 1 + m[1]!.length, text: m[1]! });
  }
  return out;
}

/** Visits of a candidate host name by `personsByWord`'s lookups, for the test that counts them. */
export const aliasWork = { visits: 0 };

/**
 * The PERSON groups whose names hold every word of a name and more words besides, in the order
 * of `groups`. Only the names that share the name's rarest word are read (an index by word): a
 * scan of every person per name was quadratic in a long report's distinct names.
 */
function personsByWord(groups: readonly Entity[]): (g: Entity, w: readonly string[]) => Entity[] {
  const persons = groups.filter((g) => g.type === 'PERSON').map((p) => ({ p, words: matchWords(p.name) }));
  const byWord = new Map<string, typeof persons>();
  for (const person of persons) {
    for (const x of new Set(person.words)) {
      const list = byWord.get(x);
      if (list) list.push(person);
      else byWord.set(x, [person]);
    }
  }
  return (g, w) => {
    let fewest: typeof persons = [];
    for (const [k, x] of w.entries()) {
      const list = byWord.get(x) ?? [];
      if (k === 0 || list.length < fewest.length) fewest = list;
    }
    aliasWork.visits += fewest.length;
    return fewest.filter(({ p, words: pw }) => p !== g && pw.length > w.length && w.every((x) => pw.includes(x))).map(({ p }) => p);
  };
}

/**
 * Whether rank words alone stand before another name in the report ("Brigadier" of "Brigadier
 * Emmanuel Kaija") and end none ("General" of "Peter General" is his surname).
 */
function rankBefore(groups: readonly Entity[], g: Entity, w: readonly string[]): boolean {
  const names = groups.filter((h) => h !== g && h.type === 'PERSON').map((h) => matchWords(h.name));
  return names.some((n) => n.length > w.length && n[0] === w[0]) && !names.some((n) => n[n.length - 1] === w[w.length - 1]);
}

/** Ranks and offices written before a name: alone, they are no one's name. */
const RANKS = new Set(['General', 'Gen', 'Brigadier', 'Colonel', 'Col', 'Captain', 'Capt', 'Lieutenant', 'Lt', 'Sergeant', 'Sgt', 'Corporal', 'Cpl', 'Commander', 'Admiral', 'Inspector', 'Superintendent', 'Commissioner', 'Judge', 'Senator', 'Governor', 'Minister', 'President', 'Honourable', 'Hon']);
/** Forms of address written before a name, as written: Burmese "Ko", "U", "Daw", "Ma", "Maung", "Saw", "Naw"; "Mr", "Dr", "Pastor", "Sheikh". */
const ADDRESS_BEFORE_NAMES = new Set(['Ko', 'U', 'Daw', 'Ma', 'Maung', 'Saw', 'Naw', 'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Pastor', 'Sheikh', 'Imam', 'Father', 'Bishop', 'Alhaji', 'Chief', 'Comrade', 'Cde', 'Barrister', 'Rev', 'Reverend']);

export function mergeAliases(doc: Doc): Entity[] {
  const titles = quotedTitles(doc.text);
  const inTitle = (m: TextSpan) => titles.some((t) => m.start >= t.start && m.end <= t.end && m.end - m.start < t.end - t.start);
  const taken = new Set<number>();
  for (const e of doc.entities) {
    for (const m of e.mentions) for (let i = tokenIndexAfter(doc.tokens, m.start); i < doc.tokens.length && doc.tokens[i]!.end <= m.end; i++) taken.add(i);
  }
  // 1. grow person names to their heads, then regroup by text
  const headline = titleCaseSentences(doc);
  const byKey = new Map<string, Entity>();
  for (const e of doc.entities) {
    for (const m0 of e.mentions) {
      if (e.type === 'PERSON' && inTitle(m0)) continue;
      const m = e.type === 'PERSON' ? growToHead(doc, m0, taken, headline) : m0;
      const k = `${e.type}\t${m.text}`;
      let g = byKey.get(k);
      if (!g) {
        g = { ...e, name: m.text, mentions: [] };
        byKey.set(k, g);
      }
      g.mentions.push(m);
    }
  }
  const groups = [...byKey.values()];
  // 2. shorter names join the one longer PERSON name that contains all their words
  const hostsOf = personsByWord(groups);
  const into = new Map<Entity, Entity>();
  // people named by a rank alone: no one, and dropped
  const bare = new Set<Entity>();
  for (const g of groups) {
    const w = matchWords(g.name);
    if (w.length === 0) continue;
    // a rank alone ("Brigadier" of "Brigadier General X") names nobody (a form of address may:
    // "Omar Sheikh"): it would join whoever else holds the rank ("Brigadier Y") and take X's pronouns
    if (w.every((x) => RANKS.has(x)) && rankBefore(groups, g, w)) {
      if (g.type === 'PERSON') bare.add(g);
      continue;
    }
    let hosts = hostsOf(g, w);
    // "Comrade Chikwanha" with its form of address read into the name (as a person's, or as a
    // place's or a body's): the rest of it joins the person "Obert Chikwanha"
    if (hosts.length === 0 && w.length > 1 && ADDRESS_BEFORE_NAMES.has(w[0]!)) {
      const named = hostsOf(g, w.slice(1)).filter((h) => !ADDRESS_BEFORE_NAMES.has(matchWords(h.name)[0]!));
      if (g.type !== 'PERSON') {
        if (named.length > 0) into.set(g, named.reduce((a, b) => (b.mentions[0]!.start < a.mentions[0]!.start ? b : a)));
        continue;
      }
      hosts = named;
    }
    // a name of several words read as an organisation or a place joins a person only when the
    // person is it after a form of address: "Thet Naing Oo" of "Ko Thet Naing Oo" (not "San Martin" of "José San Martín")
    if (g.type !== 'PERSON' && w.length > 1) {
      const addressed = hosts.filter((h) => {
        const hw = matchWords(h.name);
        return hw.length === w.length + 1 && ADDRESS_BEFORE_NAMES.has(hw[0]!) && w.every((x, i) => hw[i + 1] === x);
      });
      if (addressed.length === 1) into.set(g, addressed[0]!);
      continue;
    }
    // the place check reads GeoNames: only for a name that would otherwise join a person
    if (hosts.length === 1 && (g.type === 'PERSON' || !isWellKnownPlace(g.name))) into.set(g, hosts[0]!);
    // A surname shared by two people ("Tomas Reyvik", his wife "Elena Reyvik") is, alone, the one
    // the report introduced first: news style names relatives in full to keep them apart.
    else if (hosts.length > 1 && g.type === 'PERSON') {
      const first = hosts.reduce((a, b) => (b.mentions[0]!.start < a.mentions[0]!.start ? b : a));
      if (first.mentions[0]!.start < g.mentions[0]!.start) into.set(g, first);
    }
  }
  joinSpellingVariants(doc, groups, into);
  const out: Entity[] = [];
  for (const g of groups) {
    let host = into.get(g);
    while (host && into.has(host)) host = into.get(host);
    if (host) {
      host.mentions.push(...g.mentions);
      if (g.titles) host.titles = [...new Set([...(host.titles ?? []), ...g.titles])];
    } else if (!bare.has(g)) out.push(g);
  }
  addUnrecognisedSurnames(doc, out, taken);
  const merged = mergeAcronyms(doc, out);
  for (const e of merged) {
    e.mentions.sort((a, b) => a.start - b.start);
    e.name = e.mentions.reduce((best, m) => (words(m.text).length > words(best).length ? m.text : best), e.name);
  }
  return numberByFirstMention(merged);
}

/** Letters compared case- and accent-blind: "Magombeyi", "MAGOMBÉYI" are one spelling. */
const folded = (w: string): string => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Edits (an insertion, a deletion, a substitution or two neighbours swapped) from `a` to `b`, or
 * `limit + 1` once more than `limit` are needed.
 */
export function spellingDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    if (Math.min(...row) > limit) return limit + 1;
    before = prev;
    prev = row;
  }
  return Math.min(prev[b.length]!, limit + 1);
}

/** Endings that tell the masculine and feminine forms of one family name apart, in pairs. */
const GENDERED_ENDINGS = new Set(['i|a', 'y|a', 'iy|aya', 'ii|aya', 'y|aya']);

/**
 * Two family names of their own rather than one misspelt: one the other with letters added at its
 * end ("Hassan" and "Hassani", "Karim" and "Karimi", "Mirzaev" and "Mirzaeva"), or the masculine
 * and feminine forms of one name ("Kowalski" and "Kowalska").
 */
function relatedNames(a: string, b: string): boolean {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  if (k === Math.min(a.length, b.length)) return true;
  const [x, y] = [a.slice(k), b.slice(k)].sort((p, q) => p.length - q.length || (p < q ? 1 : -1));
  return GENDERED_ENDINGS.has(`${x}|${y}`);
}

/** The family names of the people a report names in full: the last word of a name of two words or more. */
function familyNames(persons: readonly Entity[]): { p: Entity; family: string }[] {
  const out: { p: Entity; family: string }[] = [];
  for (const p of persons) {
    if (p.type !== 'PERSON') continue;
    const w = matchWords(p.name);
    const family = w[w.length - 1];
    if (w.length >= 2 && family && /^\p{Lu}/u.test(family)) out.push({ p, family: folded(family) });
  }
  return out;
}

/**
 * The one person whose family name `word` misspells: a word of five letters or more, capitalised,
 * one edit off (two for nine letters or more), with the same first letter, when exactly one
 * person's family name is that near and none nearer ("Ana Rivel" and "Miguel Rivel" leave a lone
 * "Rivek" to neither); never a name that is the other with letters added at its end or its
 * feminine form ("Hassan" and "Hassani", "Mirzaev" and "Mirzaeva", "Kowalski" and "Kowalska":
 * names of their own, or relatives), nor a well-known place ("Paris" beside "Ines Parin"), nor a
 * month, weekday or season ("March" beside "Ivo Marsh").
 */
function nearSpelling(word: string, families: readonly { p: Entity; family: string }[]): Entity | undefined {
  if (!/^\p{Lu}\p{Ll}{4,}$/u.test(word)) return undefined;
  const lone = folded(word);
  // "in March" beside "Ivo Marsh", "that Summer" beside "Ana Sumner": a word of dates is no name
  if (MONTHS[lone] !== undefined || WEEKDAYS[lone] !== undefined || SEASONS[lone] !== undefined) return undefined;
  const limit = lone.length >= 9 ? 2 : 1;
  let best = limit + 1;
  let hosts = new Set<Entity>();
  for (const { p, family } of families) {
    if (family[0] !== lone[0] || family === lone || relatedNames(family, lone)) continue;
    const d = spellingDistance(lone, family, Math.min(best, limit));
    if (d < best) {
      best = d;
      hosts = new Set([p]);
    } else if (d === best && d <= limit) hosts.add(p);
  }
  return best <= limit && hosts.size === 1 && !isWellKnownPlace(word) ? [...hosts][0] : undefined;
}

/** Words that open a description of who a lone name is: "Hassen, a police officer", "Nadia, his wife". */
const DESCRIBING = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'one', 'who', 'whose']);
/** Words before a place or a thing, not a person: "at Torrez police station", "in Delgada". */
const BEFORE_PLACE = new Set(['at', 'in', 'from', 'to', 'near', 'into', 'outside', 'inside']);

/** The tokens inside a date of the report ("in March" beside "Ivo Marsh"), one pass over its dates. */
function datedTokens(doc: Doc): Set<number> {
  const out = new Set<number>();
  for (const x of doc.timexes) for (let k = tokenAt(doc, x.start); k >= 0 && k < doc.tokens.length && doc.tokens[k]!.start < x.end; k++) out.add(k);
  return out;
}

/**
 * Whether something befalls the lone name where it stands (the subject of a passive, an object:
 * "Mugombeyi was seized"): only then is a misspelling worth the risk of joining two people. A name
 * that acts or speaks ("Hamas denied any role", "His wife, Maria, said") is left as it is.
 */
function undergoes(doc: Doc, m: TextSpan): boolean {
  const i = tokenAt(doc, m.start);
  if (i < 0) return false;
  let head = i;
  while (head + 1 < doc.tokens.length && doc.tokens[head + 1]!.end <= m.end && doc.tokens[head]!.head === head + 1) head++;
  const rel = doc.tokens[head]!.deprel ?? '';
  if (rel === 'nsubj:pass' || rel === 'obj') return true;
  // a subject the parse did not mark passive, of a verb with a passive auxiliary ("Mugombeyi was seized")
  const verb = doc.tokens[head]!.head ?? -1;
  if (rel !== 'nsubj' || verb <= head) return false;
  for (let k = head + 1; k < verb; k++) if (doc.tokens[k]!.head === verb && doc.tokens[k]!.deprel === 'aux:pass') return true;
  return false;
}

/**
 * Whether a lone name's own words tell it is someone or something else than a misspelt person:
 * a description set off after it ("Hassen, a police officer, was killed": a second man, not
 * journalist Ali Hassan), a noun it names ("Torrez police station", "Torrez Street"), or a place
 * preposition before it ("held at Torrez"). Such a name is never taken for another's misspelling.
 */
function toldApart(doc: Doc, m: TextSpan): boolean {
  const i = tokenAt(doc, m.start);
  if (i < 0) return false;
  let last = i;
  while (last + 1 < doc.tokens.length && doc.tokens[last + 1]!.end <= m.end) last++;
  const next = doc.tokens[last + 1];
  const after = doc.tokens[last + 2];
  if (next && next.text === ',' && after && DESCRIBING.has(after.text.toLowerCase())) return true;
  if (next && (next.upos === 'NOUN' || next.upos === 'PROPN')) return true;
  const before = doc.tokens[i - 1];
  return before !== undefined && BEFORE_PLACE.has(before.text.toLowerCase());
}

/**
 * "ZHDA's acting president Tomas Velkanto … Vilkanto was seized from his home": a lone name the
 * report spells a letter off the family name of a person it names in full (`nearSpelling`) is
 * that person, whatever type the recogniser gave it ("Vilkanto" read as an organisation), when no
 * name holds it as it is.
 */
function joinSpellingVariants(doc: Doc, groups: readonly Entity[], into: Map<Entity, Entity>): void {
  const families = familyNames(groups.filter((g) => !into.has(g)));
  if (families.length === 0) return;
  for (const g of groups) {
    if (into.has(g)) continue;
    const w = matchWords(g.name);
    const host = w.length === 1 && g.mentions.some((m) => undergoes(doc, m)) && !g.mentions.some((m) => toldApart(doc, m)) ? nearSpelling(w[0]!, families) : undefined;
    if (host) into.set(g, host);
  }
}

/**
 * "Loujain al-Marouf … Marouf was detained": a family name the recogniser missed on its own, a
 * proper noun outside every name and next to no other proper noun, is a mention of the one person
 * whose longer name ends in it (no mention is added when two people share it), or whose family
 * name it misspells by a letter (`nearSpelling`: "Dravellu was seized"). One pass over the
 * tokens with a map of family names, each word's near spelling looked up once and the dates'
 * tokens marked once: linear in the report's tokens, times the distinct words against the people.
 */
function addUnrecognisedSurnames(doc: Doc, persons: Entity[], taken: ReadonlySet<number>): void {
  const bySurname = new Map<string, Entity | null>();
  for (const e of persons) {
    if (e.type !== 'PERSON') continue;
    const w = matchWords(e.name);
    const last = w[w.length - 1];
    if (w.length < 2 || !last || last.length < 4 || !/^\p{Lu}/u.test(last)) continue;
    bySurname.set(last, bySurname.has(last) && bySurname.get(last) !== e ? null : e);
  }
  if (bySurname.size === 0) return;
  const proper = (i: number) => i >= 0 && i < doc.tokens.length && doc.tokens[i]!.upos === 'PROPN';
  let families: { p: Entity; family: string }[] | undefined;
  // the tokens inside a date, marked once; each word's near spelling looked up once
  let dated: Set<number> | undefined;
  const near = new Map<string, Entity | undefined>();
  const nearOnce = (word: string): Entity | undefined => {
    if (!near.has(word)) near.set(word, nearSpelling(word, (families ??= familyNames(persons))));
    return near.get(word);
  };
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    if (taken.has(i) || t.upos !== 'PROPN' || proper(i - 1) || proper(i + 1)) continue;
    const word = matchWords(t.text)[0] ?? '';
    const maybeMisspelt = () => {
      dated ??= datedTokens(doc);
      return !dated.has(i) && undergoes(doc, t) && !toldApart(doc, t);
    };
    const host = bySurname.has(word) ? bySurname.get(word) : maybeMisspelt() ? nearOnce(word) : undefined;
    if (host) host.mentions.push(doc.span(t.start, t.end));
  }
}

export const createEntityAliases = (): Component => entityRewriter('entity-aliases', ['tokens', 'entities'], mergeAliases);

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    'entity-aliases': Record<string, never>;
  }
}

registry.register('entity-aliases', () => createEntityAliases());
