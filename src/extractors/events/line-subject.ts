import { tokenAt } from '../../text/align.js';
import type { Tree } from '../syntax/tree.js';
import { bulletAt, lineStartNear } from './list-line.js';

/**
 * A line of a list that opens with a person's name: "- A, 24, student, Moscow: detained on 6 March;
 * held overnight and released on 7 March", "- B, 21, law student, held at Boulaq police station".
 * The parser finds no subject for the bare participles, or takes the role ("law student") for one;
 * what the line tells with nobody named as its target befalls the person it opens with.
 */

/** Words that stand for a group of people. */
const GROUP_WORDS = new Set(['those', 'these', 'others', 'all', 'both', 'many', 'some', 'one', 'another', 'several']);
/** Words that open a relative clause. */
const RELATIVE = new Set(['who', 'whom', 'whose', 'which', 'that']);
/** A bullet or a number opening a line: "- ", "• ", "* ", "1. ". */
const BULLET = /^[ \t]*(?:[-•*–·▪]|\d{1,2}[.)])[ \t]+/;
/** The first token of the name the trigger's line opens with, when that person is whom the trigger befalls; else undefined. */
export function lineSubject(tree: Tree, trigger: number, target: number | undefined, personNoun: (lemma: string) => boolean): number | undefined {
  const doc = tree.doc;
  const at = doc.tokens[trigger]!.start;
  const lineStart = lineStartNear(doc.text, at);
  const bullet = lineStart === undefined ? null : bulletAt(doc.text, lineStart, at, BULLET);
  if (lineStart === undefined || !bullet) return undefined;
  const nameStart = lineStart + bullet[0].length;
  const first = tokenAt(doc, nameStart);
  const person = first >= 0 && first < trigger ? tree.entityOf[first] : undefined;
  if (doc.tokens[first]?.start !== nameStart || person?.type !== 'PERSON') return undefined;
  // a later sentence of the line goes on about its person ("- A, 38, editor. Held since November
  // 2023."), but people it names are others: a group ("The union does not count her among those
  // released"), a relative or a count ("His brother was arrested", "one was beaten"), a description
  if (tree.sentenceRange(trigger).from !== tree.sentenceRange(first).from && target !== undefined) {
    const t = tree.token(target);
    if (GROUP_WORDS.has(t.text.toLowerCase()) || /^NNP?S$/.test(t.xpos ?? '') || t.upos === 'NUM' || tree.kids(target, 'nmod:poss').length > 0 || personNoun(tree.lemma(target))) return undefined;
  }
  let last = first;
  while (last + 1 < trigger && tree.entityOf[last + 1] === person) last++;
  // the name is the line's subject, set off by a comma or a colon: not "- A said that …"
  if (![',', ':'].includes(doc.tokens[last + 1]?.text ?? '') || last + 1 >= trigger) return undefined;
  // someone the line names as the target stays so; a role of the line's person before the trigger does not
  if (target !== undefined && (target > trigger || target <= last || tree.entityOf[target]?.type === 'PERSON')) return undefined;
  // a relative clause about the line's person tells of others: "- A, 49, a lawyer who has represented
  // families of people killed in 1989, was detained" (the killing is inside it; the detention after its comma is A's)
  let inside = false;
  for (let k = last + 1; k < trigger; k++) {
    const w = tree.token(k).text.toLowerCase();
    if (RELATIVE.has(w)) inside = true;
    else if ([',', ';', ':'].includes(w)) inside = false;
  }
  return inside ? undefined : first;
}
