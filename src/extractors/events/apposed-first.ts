import { tokenIndexAfter } from '../../text/align.js';
import type { Tree } from '../syntax/tree.js';

/** Words an apposition may hold: a description's determiners, adjectives, nouns and prepositions, a name of a place or outlet. */
const APPOSITION = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'ADP', 'NUM', 'PUNCT', 'CCONJ', 'PART']);

/**
 * The named person listed first, with a description set off after the name, before the target the
 * parse found: "Sofia Reyes, an indigenous leader, and her son were abducted" (the parser hangs
 * the whole sentence on the name and gives the verb "her son" alone). The target phrase must open
 * right after ", and"; before that comma, an apposition of at most eight words opening with "a",
 * "an" or "the" and holding no verb, set off by a comma after a person's name. Returns a token of
 * the name, or nothing.
 */
export function apposedFirst(tree: Tree, phrase: { start?: number; end?: number } | undefined): number[] {
  if (phrase?.start === undefined) return [];
  const at = tokenIndexAfter(tree.doc.tokens, phrase.start);
  if (tree.entityOf[at]) return [];
  const and = at - 1;
  if (and < 3 || tree.token(and).text.toLowerCase() !== 'and' || tree.token(and - 1).text !== ',') return [];
  const { from } = tree.sentenceRange(and);
  // the comma that opens the apposition
  let k = and - 2;
  while (k > from && and - k <= 9 && tree.token(k).text !== ',') {
    if (!APPOSITION.has(tree.token(k).upos ?? '') || tree.entityOf[k]?.type === 'PERSON') return [];
    k--;
  }
  if (tree.token(k).text !== ',' || !/^(a|an|the)$/i.test(tree.token(k + 1).text)) return [];
  const name = k - 1;
  return name >= from && tree.entityOf[name]?.type === 'PERSON' ? [name] : [];
}
