import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import { tokenIndexAfter } from '../../text/align.js';
import type { Doc } from '../../text/doc.js';
import type { Entity } from '../../text/types.js';
import { numberByFirstMention } from '../entities/rewrite.js';
import { loadNames } from '../learn/names.js';
import { countryByDemonym, countryByName } from '../places/countries.js';
import { HONORIFICS, Tree } from '../syntax/tree.js';
import { loadCues } from '../quotes/cues.js';
import { loadRoleNouns, OWN_BODY, PRONOUN_GENDER } from './lexicon.js';
import { Resolver } from './resolve.js';
import { attachTitles } from './titles.js';

/** Words of address between a description and its name: "the lawyer Ms X", "our member Dr X" (the parse's, and a few more titles). */
const ADDRESS = new Set([...HONORIFICS, 'prof', 'sir', 'madam']);

export { loadRoleNouns, PERSON_PRONOUNS } from './lexicon.js';

/**
 * Whether "our <noun>" at `i` is the title of one person the report named with it: the noun heads
 * that title and every word before it is in it ("our president" for "central president X"; not
 * "our General Secretary" for the "Secretary of Conflicts", nor "our union" for a "union leader",
 * nor "our president" for "President William Ruto").
 * A union's statement speaks of many officers: a near title is someone else.
 */
function ownOfficer(tree: Tree, i: number): boolean {
  const lemma = tree.lemma(i).toLowerCase();
  const modifiers = tree.kids(i, 'compound', 'amod').filter((k) => k < i).map((k) => tree.token(k).text.toLowerCase());
  const fits = (title: string): boolean => {
    // (a public office written as a name's first word, "President William Ruto", is not the body's own)
    if (!/\s/.test(title) && title !== title.toLowerCase()) return false;
    const words = title.toLowerCase().split(/\s+/);
    const cut = words.indexOf('of');
    const head = cut > 0 ? words[cut - 1] : words[words.length - 1];
    return (head === lemma || head === tree.token(i).text.toLowerCase()) && modifiers.every((m) => words.includes(m));
  };
  return tree.doc.entities.filter((e) => e.type === 'PERSON' && (e.titles ?? []).some(fits)).length === 1;
}

/** The country named alone in brackets right after a name ("Lena Varsk (Russia)", "(Kenyan)"), or undefined. */
export function countryInBrackets(text: string, end: number): string | undefined {
  const inner = /^[^\S\n]?\(([\p{Lu}][\p{L} .'’-]{1,40})\)/u.exec(text.slice(end, end + 48))?.[1]?.trim();
  if (!inner) return undefined;
  return (countryByName(inner) ?? countryByDemonym(inner))?.cca3;
}

/**
 * The `coref` component: titles and roles on people, then every pronoun and description tied to
 * the person it means, as mentions of kind `pronoun` or `description`; people the report never
 * names ("his wife", "a U.N. official stationed in Geneva") become entities of their own.
 */
export function resolveCoreference(doc: Doc): Entity[] {
  const nouns = loadRoleNouns();
  const tree = new Tree(doc);
  const { gender } = attachTitles(tree, nouns);
  // a given name listed as a woman's or a man's says what titles did not: "Maria" is not "he"
  const names = loadNames();
  for (const e of doc.entities) {
    if (e.type !== 'PERSON' || gender.has(e)) continue;
    const g = names.gender(e.name.split(/\s+/)[0] ?? '');
    if (g) gender.set(e, g);
  }
  // "Kenyan blogger Malik Odhiambo": a title led by a demonym gives the person's nationality
  for (const e of doc.entities) {
    if (e.type !== 'PERSON' || e.country) continue;
    const led = (e.titles ?? []).map((t) => countryByDemonym(t.split(/\s+/)[0] ?? '')).find((c) => c !== undefined);
    if (led) e.country = led.cca3;
  }
  // "… and Russian historian Anton Vel": the parse may leave a second listed person without the
  // title, but the demonym before the name still says who they are
  for (const e of doc.entities) {
    if (e.type !== 'PERSON' || e.country) continue;
    const led = e.mentions.filter((m) => (m.kind ?? 'name') === 'name').map((m) => demonymBeforeName(doc, m.start)).find((c) => c !== undefined);
    if (led) e.country = led;
  }
  // "5. Lena Varsk (Russia)": a roundup's entry gives the country in brackets after the name
  for (const e of doc.entities) {
    if (e.type !== 'PERSON' || e.country) continue;
    const bracketed = e.mentions.filter((m) => (m.kind ?? 'name') === 'name').map((m) => countryInBrackets(doc.text, m.end)).find((c) => c !== undefined);
    if (bracketed) e.country = bracketed;
  }
  const resolver = new Resolver(tree, nouns, gender, loadCues().verbs);
  const resolved = new Map<number, Entity>();
  const candidate = (lemma: string) => nouns.titles.has(lemma) || nouns.relational.has(lemma) || nouns.protagonist.has(lemma);
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    const named = tree.entityOf[i];
    if (named) {
      if (tree.entityOf[i + 1] !== named) resolver.name(named, i);
      continue;
    }
    if (t.upos === 'PRON' && PRONOUN_GENDER[t.text.toLowerCase()]) {
      const e = resolver.pronoun(i);
      if (e) resolved.set(i, e);
      continue;
    }
    if (t.upos !== "NOUN" || !candidate(tree.lemma(i)) || /^(compound|flat)/.test(t.deprel ?? '')) continue;
    // "the lawyer Fatima Rendell": the role is the name's own, not a description of someone in view
    // (also past an honorific the name leaves out: "our member Ms Wanjiru Kamau")
    if (tree.entityOf[i + 1]?.type === 'PERSON' || (ADDRESS.has(doc.tokens[i + 1]?.text.replace(/\.$/, '').toLowerCase() ?? '') && tree.entityOf[i + 2]?.type === 'PERSON')) continue;
    const poss = tree.kids(i, 'nmod:poss')[0];
    // "Our president", "its general secretary" in a union's or an outlet's own statement: a body's own officer, as definite as "the"
    const ownBody = poss !== undefined && OWN_BODY.has(doc.tokens[poss]!.text.toLowerCase()) && ownOfficer(tree, i);
    const possessor = poss === undefined || ownBody ? undefined : (tree.entityOf[poss] ?? resolved.get(poss));
    const before = tree.kids(i, 'det', 'nmod:poss', 'compound', 'amod').filter((k) => k < i);
    let first = Math.min(i, ...before);
    // the article may hang on a compound: "the | union leader" parsed as det of "union"
    while (first > 0 && ['DET', 'ADJ'].includes(doc.tokens[first - 1]!.upos ?? '') && tree.head(first - 1) >= first && tree.head(first - 1) <= i) first--;
    const determiner = doc.tokens[first]!.upos === 'DET' ? tree.lemma(first) : ownBody ? 'the' : undefined;
    // "Reyvik's lawyer": the possessor's own words start the phrase
    if (poss !== undefined) first = Math.min(first, tree.phrase(poss).first);
    let last = i;
    // an indefinite keeps what identifies it: "a U.N. official stationed in Geneva"
    if (determiner === 'a' || determiner === 'an') {
      for (const k of tree.kids(i, 'acl', 'nmod')) if (k > i) last = Math.max(last, tree.phrase(k).last);
    }
    resolver.description(i, first, last, possessor, determiner);
  }
  const temp = new Map<string, Entity>();
  doc.entities.forEach((e) => temp.set(e.id, e));
  resolver.unnamed.forEach((e, k) => {
    e.id = `u${k + 1}`;
    temp.set(e.id, e);
  });
  const entities = [...doc.entities, ...resolver.unnamed.filter((e) => e.mentions.length > 0)];
  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start);
  // relations and affiliations point to entities by id: carry them through the renumbering
  const refOf = (id: string | null) => (id === null ? null : (temp.get(id) ?? null));
  const links = entities.map((e) => ({ e, of: refOf(e.relation?.of ?? null), orgs: (e.affiliations ?? []).map((a) => refOf(a.org)) }));
  numberByFirstMention(entities);
  const kept = new Set(entities);
  for (const { e, of, orgs } of links) {
    if (e.relation) e.relation.of = of && kept.has(of) ? of.id : null;
    e.affiliations?.forEach((a, k) => (a.org = orgs[k] && kept.has(orgs[k]!) ? orgs[k]!.id : null));
    if (e.titles?.length === 0) delete e.titles;
  }
  return entities;
}

export function createCoref(): Component {
  return {
    name: 'coref',
    requires: ['tokens', 'sentences', 'tags', 'deps', 'entities'],
    assigns: ['entities'],
    process(doc: Doc): Doc {
      doc.entities = resolveCoreference(doc);
      return doc;
    },
  };
}

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    coref: Record<string, never>;
  }
}

registry.register('coref', () => createCoref());

/**
 * The country of a demonym that leads the common nouns right before a name ("Cuban lyricist",
 * "murdered Saudi columnist"): one to three lower-case nouns (or a noun the tagger read as an adjective), the demonym before them. Nothing
 * when a verb or anything else stands between ("the Velmoran police arrested Ivo Rant").
 */
export function demonymBeforeName(doc: Doc, start: number): string | undefined {
  // the token that starts there, found by binary search (a scan per name was quadratic in a long report)
  const first = tokenIndexAfter(doc.tokens, start);
  const at = doc.tokens[first]?.start === start ? first : -1;
  if (at <= 0) return undefined;
  let k = at - 1;
  let nouns = 0;
  while (k >= 0 && nouns < 3 && /^(NNS?|JJ)$/.test(doc.tokens[k]!.xpos ?? '') && /^\p{Ll}/u.test(doc.tokens[k]!.text)) {
    k--;
    nouns++;
  }
  if (nouns === 0 || k < 0) return undefined;
  return countryByDemonym(doc.tokens[k]!.text)?.cca3;
}
