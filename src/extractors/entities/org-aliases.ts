import type { Doc } from '../../text/doc.js';
import type { Entity, TextSpan } from '../../text/types.js';

/**
 * One entity per organisation, not one per wording, as issue #5 asks (acronyms are merged with
 * the names, by `entity-aliases`; wordings once the places component has grown each name to the
 * country that owns it, by `places`):
 * - the same words in another order: "Karsland's Interior Ministry" and "Karsland's Ministry of
 *   Interior" (compared as the set of their words, "of", "the" and "'s" aside);
 * - with and without the country that owns it: "the Interior Ministry" is Karsland's when the
 *   report names no other country's;
 * - an acronym the report defines: "Velmora Today (VT)", and every later "VT" (the letters must be
 *   the name's initials, in order: "Radio Free Karsland (RFK)"); acronyms.ts merges them.
 */

const STOP = new Set(['of', 'the', 'for', 'and', '&']);
const POSSESSIVE = /^(.+?)['’]s$/u;

interface OrgWords {
  /** Every word but the stop words and the possessor ("karsland" of "Karsland's"), lower case, sorted. */
  bare: string;
  possessor: string | null;
}

function orgWords(name: string): OrgWords {
  const raw = name.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  let possessor: string | null = null;
  const words: string[] = [];
  for (const w of raw) {
    const p = POSSESSIVE.exec(w);
    const word = (p ? p[1]! : w).toLowerCase().replace(/[^\p{L}\p{N}.-]/gu, '');
    if (p && possessor === null) possessor = word;
    if (!STOP.has(word)) words.push(word);
  }
  const bare = words.filter((w) => w !== possessor);
  return { bare: [...bare].sort().join(' '), possessor };
}

/** Moves every mention of `from` into `into`. */
export function absorb(into: Entity, from: Entity): void {
  into.mentions.push(...from.mentions);
  if (from.titles?.length) into.titles = [...new Set([...(into.titles ?? []), ...from.titles])];
}

/** ORG entities with the same words, or the same words but an owner only one of them names, as one. */
export function mergeWordings(entities: Entity[]): Entity[] {
  const orgs = entities.filter((e) => e.type === 'ORG');
  const words = new Map(orgs.map((e) => [e, orgWords(e.name)]));
  const gone = new Set<Entity>();
  const byBare = new Map<string, Entity[]>();
  for (const e of orgs) {
    const w = words.get(e)!;
    // one word alone ("Interior", "Ministry") says too little to merge on
    if (w.bare.split(' ').length < 2) continue;
    byBare.set(w.bare, [...(byBare.get(w.bare) ?? []), e]);
  }
  const merge = (group: Entity[]): Entity | undefined => {
    if (group.length === 0) return undefined;
    const host = group.reduce((a, b) => (b.name.length > a.name.length ? b : a));
    for (const e of group) {
      if (e === host) continue;
      absorb(host, e);
      gone.add(e);
    }
    return host;
  };
  for (const group of byBare.values()) {
    if (group.length < 2) continue;
    // "Karsland's Interior Ministry" and "Velmora's Interior Ministry" are two ministries
    const byPossessor = new Map<string | null, Entity[]>();
    for (const e of group) {
      const p = words.get(e)!.possessor;
      byPossessor.set(p, [...(byPossessor.get(p) ?? []), e]);
    }
    const owned = [...byPossessor].filter(([p]) => p !== null).map(([, g]) => merge(g)!);
    const unowned = byPossessor.get(null) ?? [];
    // "the Interior Ministry" is the one country's that the report names, if only one
    if (owned.length <= 1) merge([...owned, ...unowned]);
  }
  return entities.filter((e) => !gone.has(e));
}

/** Whether `acronym`'s letters are the initials of `name`'s capitalised words, in order, from the first. */
export function isAcronymOf(acronym: string, name: string): boolean {
  const initials = name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0]!);
  const letters = [...acronym.toUpperCase()].filter((c) => /\p{L}/u.test(c));
  if (letters.length < 2 || initials[0] !== letters[0]) return false;
  let k = 0;
  for (const c of initials) if (k < letters.length && c === letters[k]) k++;
  return k === letters.length;
}

export const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words right before `at` that the acronym abbreviates, as a span, or null: the shortest run that fits. */
export function expansionBefore(doc: Doc, at: number, acronym: string): TextSpan | null {
  const before = doc.text.slice(Math.max(0, at - 160), at);
  const offset = at - before.length;
  const words = [...before.matchAll(/[\p{L}\p{N}'’&.-]+/gu)];
  const end = words[words.length - 1];
  if (!end || !/^\s*$/.test(before.slice(end.index + end[0].length))) return null;
  for (let k = words.length - 1; k >= Math.max(0, words.length - 10); k--) {
    const w = words[k]!;
    // the run holds capitalised words and the small words between them ("Congress of Trade Unions")
    if (!/^\p{Lu}/u.test(w[0]) && !STOP.has(w[0].toLowerCase())) return null;
    if (k < words.length - 1 && !/^\s+$/.test(before.slice(w.index + w[0].length, words[k + 1]!.index))) return null;
    if (!/^\p{Lu}/u.test(w[0])) continue;
    const run = before.slice(w.index, end.index + end[0].length);
    if (isAcronymOf(acronym, run)) return doc.span(offset + w.index, offset + end.index + end[0].length);
  }
  return null;
}
