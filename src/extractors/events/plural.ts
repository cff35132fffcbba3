import type { Tree } from '../syntax/tree.js';
import { coordinatedPersons } from './coordination.js';

/** Words that stand for a group already named: "they were charged", "both were jailed", "the two". */
const PLURAL_PRONOUNS = new Set(['they', 'them', 'their', 'both', 'each']);
const COUNTS = new Set(['two', 'three', 'four', 'five', 'pair', 'trio']);

/** How far back a plural pronoun looks for the names it stands for: its sentence and the one before, within a bound that keeps a run-on text linear. */
const SENTENCES_BACK = 1;
const TOKENS_BACK = 120;

/** Whether the target's head is a word that stands for a group named earlier rather than naming one itself. */
function standsForGroup(tree: Tree, head: number): boolean {
  if (tree.entityOf[head]) return false;
  const word = tree.token(head).text.toLowerCase();
  if (PLURAL_PRONOUNS.has(word)) return true;
  // "the two", "the pair", "all three": a count with nothing counted after it
  if (!COUNTS.has(word)) return false;
  const before = head > 0 ? tree.token(head - 1).text.toLowerCase() : '';
  const after = tree.token(head + 1)?.upos;
  return (before === 'the' || before === 'all') && after !== 'NOUN' && after !== 'PROPN';
}

/**
 * The named people a plural target stands for: "Police detained Ilse Maren and Teo Vance on Monday.
 * They were charged on Friday." The group is the latest list of two or more named people before
 * the target, in its own sentence or the one before; a single name is no group ("Maren met the
 * officers. They were charged." leaves "they" unresolved), and nothing is guessed across a longer
 * distance. Returns one token of each name.
 */
export function pluralAntecedents(tree: Tree, head: number | undefined): number[] {
  if (head === undefined || !standsForGroup(tree, head)) return [];
  let { from } = tree.sentenceRange(head);
  for (let s = 0; s < SENTENCES_BACK && from > 0; s++) from = tree.sentenceRange(from - 1).from;
  for (let i = head - 1; i >= Math.max(from, head - TOKENS_BACK); i--) {
    const e = tree.entityOf[i];
    // the first token of a person's name, read from the right
    if (e?.type !== 'PERSON' || tree.entityOf[i - 1] === e) continue;
    const others = coordinatedPersons(tree, i);
    if (others.length > 0) return [i, ...others];
  }
  return [];
}
