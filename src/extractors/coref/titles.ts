import { tokenIndexAfter } from '../../text/align.js';
import type { Affiliation, Entity, Mention } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';
import type { Gender, RoleNouns } from './lexicon.js';
import { genderOfWord } from './lexicon.js';

/**
 * Titles and roles written beside a person's name:
 * - before it: "Interior Minister Dario Fenn", "union leader Tomas Reyvik", "U.N. official Ana Ruiz"
 *   (a run of nouns, adjectives and names ending in a title noun; "of" and "and" may join them:
 *   "Deputy Premier and Minister of Justice Pol Varan");
 * - in apposition after it: "Ivo Marek, a spokesman for the Interior Ministry" — the title is the
 *   noun with its modifiers, the organisation the entity its "for/of/at" phrase names.
 * Honorifics and gendered titles ("Mrs.", "spokeswoman") are kept as gender evidence for pronouns.
 */

const JOINERS = new Set(['of', 'and', '&']);
const MAX_RUN = 8;

export interface TitleFindings {
  gender: Map<Entity, Gender>;
}

function tokenRange(tree: Tree, m: Mention): { first: number; last: number } {
  const tokens = tree.doc.tokens;
  const first = tokenIndexAfter(tokens, m.start);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.end <= m.end) last++;
  return { first, last };
}

/** The title run right before token `first`, as token indexes, or undefined. */
function titleBefore(tree: Tree, nouns: RoleNouns, first: number, personAt: (i: number) => boolean): { from: number; to: number } | undefined {
  const { from: sentenceStart } = tree.sentenceRange(first);
  let j = first - 1;
  let from = first;
  while (j >= sentenceStart && first - j <= MAX_RUN) {
    const t = tree.token(j);
    const word = ['NOUN', 'PROPN', 'ADJ'].includes(t.upos ?? '') && !personAt(j) && !tree.inTimex(j);
    const joiner = JOINERS.has(t.text.toLowerCase()) && j - 1 >= sentenceStart && ['NOUN', 'PROPN'].includes(tree.token(j - 1).upos ?? '');
    if (!word && !joiner) break;
    from = j;
    j--;
  }
  // the run must end in a title noun; trim it back to the last title word
  let to = first - 1;
  while (to >= from && !nouns.titles.has(tree.lemma(to))) to--;
  // …or in what the office is of: "Minister of Justice Pol Varan"
  const ofDomain = to >= from && to + 2 < first && tree.token(to + 1).text === 'of' && tree.doc.tokens.slice(to + 2, first).every((t) => /^\p{Lu}/u.test(t.text) || JOINERS.has(t.text));
  if (ofDomain) to = first - 1;
  if (to < from || to !== first - 1) return undefined;
  while (from < to && JOINERS.has(tree.token(from).text.toLowerCase())) from++;
  return { from, to };
}

/** The title an appositive noun gives: the noun with its compounds and adjectives ("U.N. official"). */
export function titleOfNoun(tree: Tree, noun: number): string {
  const mods = tree.kids(noun, 'compound', 'amod').filter((c) => c < noun);
  const from = Math.min(noun, ...mods);
  const doc = tree.doc;
  return doc.text.slice(doc.tokens[from]!.start, doc.tokens[noun]!.end);
}

/** The organisation entity of a title's "for/of/at/with" phrase: "spokesman for the Interior Ministry". */
export function orgOfTitle(tree: Tree, noun: number): Affiliation['org'] {
  // "U.N. official": the organisation fused to the title
  for (const c of tree.kids(noun, 'compound')) if (tree.entityOf[c]?.type === 'ORG') return tree.entityOf[c]!.id;
  for (const n of tree.kids(noun, 'nmod')) {
    if (!['for', 'of', 'at', 'with', 'in'].includes(tree.caseOf(n) ?? '')) continue;
    const e = tree.entityOf[n];
    if (e && (e.type === 'ORG' || (e.type === 'LOC' && e.country))) return e.id;
  }
  return null;
}

/** Whether one of the person's titles ends in one of `nouns`: "Belarusian journalist" is called a journalist. */
export function calledBy(e: Entity, nouns: readonly string[]): boolean {
  return (e.titles ?? []).some((t) => nouns.includes(t.toLowerCase().split(/\s+/).pop() ?? ''));
}

/** Adds a title (and the organisation it is held in) to a person, once. */
export function addTitle(e: Entity, title: string, org: string | null = null): void {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (!clean) return;
  e.titles = [...new Set([...(e.titles ?? []), clean])];
  if (org) {
    const affiliations = e.affiliations ?? [];
    if (!affiliations.some((a) => a.title === clean && a.org === org)) affiliations.push({ title: clean, org });
    e.affiliations = affiliations;
  }
}

export function attachTitles(tree: Tree, nouns: RoleNouns): TitleFindings {
  const doc = tree.doc;
  const gender = new Map<Entity, Gender>();
  const personAt = (i: number) => tree.entityOf[i]?.type === 'PERSON';
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    for (const m of e.mentions) {
      const { first, last } = tokenRange(tree, m);
      const honorific = first > 0 ? genderOfWord(nouns, tree.token(first - 1).text) : undefined;
      if (honorific) gender.set(e, honorific);
      const before = titleBefore(tree, nouns, first, personAt);
      if (before) {
        const title = doc.text.slice(doc.tokens[before.from]!.start, doc.tokens[before.to]!.end);
        addTitle(e, title, null);
        const g = genderOfWord(nouns, tree.token(before.to).text);
        if (g) gender.set(e, g);
      }
      // the name's head: the token of the mention whose head lies outside it
      let head = last;
      for (let i = first; i <= last; i++) if (tree.head(i) < first || tree.head(i) > last) head = i;
      // ", a spokesman for …" right after the name, wherever the parse hung it
      const apposed = tree.kids(head, 'appos');
      if (tree.token(last + 1)?.text === ',' && apposed.length === 0) {
        for (let k = last + 2; k <= last + 4 && k < doc.tokens.length; k++) {
          if (tree.token(k).upos === 'NOUN' && nouns.titles.has(tree.lemma(k))) apposed.push(k);
          if (tree.token(k).upos !== 'DET' && tree.token(k).upos !== 'ADJ') break;
        }
      }
      for (const a of apposed) {
        if (a <= last || !(nouns.titles.has(tree.lemma(a)) || nouns.relational.has(tree.lemma(a)))) continue;
        if (tree.entityOf[a]) continue;
        addTitle(e, titleOfNoun(tree, a), orgOfTitle(tree, a));
        const g = genderOfWord(nouns, tree.lemma(a));
        if (g) gender.set(e, g);
      }
    }
  }
  return { gender };
}
