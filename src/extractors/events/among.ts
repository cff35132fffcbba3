import type { Tree } from '../syntax/tree.js';

/**
 * The "among" a group stands after, or the "one" of "one of" (which puts whoever comes before it
 * in the group as well): "among 30 prisoners", "among the dozens of protesters", "one of at least
 * 12 journalists". Only the group's determiners, numbers, adjectives and a count of it ("dozens
 * of", "a group of") may stand between. The token of "among" or "one", or undefined.
 */
export function amongBefore(tree: Tree, head: number): number | undefined {
  const { from } = tree.sentenceRange(head);
  for (let j = head - 1; j >= Math.max(from, head - 9); j--) {
    const w = tree.token(j);
    const word = w.text.toLowerCase();
    if (word === 'among') return j;
    if (word === 'of' && j > from) {
      // "A was one of five reporters detained", "A is one of at least 12 journalists held"
      const before = tree.token(j - 1).text.toLowerCase();
      if (before === 'one') return j - 1;
      // "among dozens of protesters", "among a group of students": a count of the group
      if (GROUP_COUNTS.has(before) || tree.token(j - 1).upos === 'NUM') continue;
      return undefined;
    }
    if (APPROXIMATORS.has(word)) continue;
    if (!['DET', 'NUM', 'ADJ', 'NOUN', 'ADV', 'PROPN'].includes(w.upos ?? '')) return undefined;
  }
  return undefined;
}

/** Nouns and quantifiers that count a group before "of": "dozens of protesters", "a group of students". */
const GROUP_COUNTS = new Set(['dozen', 'dozens', 'hundred', 'hundreds', 'thousand', 'thousands', 'scores', 'number', 'group', 'handful', 'many', 'some', 'several', 'most', 'all']);

/** Words that round a group's count: "at least 12", "more than 30". */
const APPROXIMATORS = new Set(['at', 'least', 'more', 'than', 'over', 'about', 'around', 'nearly', 'almost', 'some']);
