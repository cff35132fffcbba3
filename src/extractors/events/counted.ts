import { tokenAt } from '../../text/align.js';
import type { VigilEvent } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';
import { fitsRole } from './plural.js';

/** Number words a group's count is written with. */
const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/** The count a group target states ("four Americans", "the 12 activists"), or undefined. */
function statedCount(tree: Tree, v: VigilEvent, persons: ReadonlySet<string>): number | undefined {
  const t = v.target;
  // a group, not a person ("four Americans" may be read as a nationality's entity)
  if (!t || (t.entity && persons.has(t.entity)) || t.start === undefined || t.end === undefined) return undefined;
  const doc = tree.doc;
  const counts: number[] = [];
  for (let i = tokenAt(doc, t.start); i >= 0 && i < doc.tokens.length && doc.tokens[i]!.start < t.end; i++) {
    const w = doc.tokens[i]!.text.toLowerCase();
    const n = NUMBER_WORDS[w] ?? (/^\d{1,2}$/.test(w) ? Number(w) : undefined);
    if (n !== undefined && tree.token(i).upos === 'NUM') counts.push(n);
  }
  // one count, and a group of people: "four Americans", not "two of the three"
  return counts.length === 1 && counts[0]! >= 2 ? counts[0] : undefined;
}

/**
 * A group counted in one sentence and named in the next: "the killings of four Americans. The
 * kidnappings of the journalists A and B and the aid workers C and D …" — when the next sentence
 * (or the rest of the same one) tells an event of exactly as many named people as the group
 * counts, the group's event befalls each of them too. Only an exact count links them.
 */
export function countedGroups(tree: Tree, events: readonly VigilEvent[]): VigilEvent[] {
  const byTrigger = new Map<number, { sentence: number; people: Set<string>; roles: VigilEvent[] }>();
  const persons = new Set(tree.doc.entities.filter((e) => e.type === 'PERSON').map((e) => e.id));
  for (const v of events) {
    const id = v.target?.entity;
    if (!id || !persons.has(id)) continue;
    const g = byTrigger.get(v.trigger.start) ?? { sentence: v.sentence, people: new Set(), roles: [] };
    if (!g.people.has(id)) g.roles.push(v);
    g.people.add(id);
    byTrigger.set(v.trigger.start, g);
  }
  const added: VigilEvent[] = [];
  for (const v of events) {
    const n = statedCount(tree, v, persons);
    if (n === undefined) continue;
    const named = [...byTrigger.entries()].find(([start, g]) => g.people.size === n && (g.sentence === v.sentence + 1 || (g.sentence === v.sentence && start > v.trigger.start)) && sameKind(tree, v, events, start));
    if (!named) continue;
    for (const r of named[1].roles) added.push({ ...v, target: r.target, confidence: Math.min(v.confidence, 0.5) });
  }
  return [...events, ...added];
}

/** Nouns that say nothing of what people do: a group of them may be people of any kind. */
const ANYONE = new Set(['man', 'woman', 'people', 'person', 'individual']);

/** The lemma of the last word of an event's target when it is a lower-case plural noun ("the two officers"), else undefined. */
function groupNounOf(tree: Tree, v: VigilEvent): string | undefined {
  if (!v.target || v.target.end === undefined) return undefined;
  const i = tokenAt(tree.doc, v.target.end - 1);
  const t = tree.token(i);
  return t.xpos === 'NNS' && /^\p{Ll}/u.test(t.text) ? tree.lemma(i).toLowerCase() : undefined;
}

/**
 * Whether the people named at the trigger starting at `start` may be the counted group of `v`:
 * "Two journalists were arrested. The two officers, A and B, were suspended" tells of others. Where
 * the named event also says what its people are (a group noun, or their titles), it must be of the
 * counted group's kind.
 */
function sameKind(tree: Tree, v: VigilEvent, events: readonly VigilEvent[], start: number): boolean {
  const counted = groupNounOf(tree, v);
  if (counted === undefined || ANYONE.has(counted)) return true;
  // and the titles of the people named: "the two officers, A and B" makes A an officer
  const titled = (id: string) => tree.doc.entities.find((e) => e.id === id)?.titles ?? [];
  return events.every((w) => {
    if (w.trigger.start === start && w.target?.entity) return fitsRole(titled(w.target.entity), counted);
    if (w.trigger.start !== start || w.target?.entity) return true;
    const other = groupNounOf(tree, w);
    return other === undefined || ANYONE.has(other) || fitsRole([counted], other);
  });
}
