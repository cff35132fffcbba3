import type { Tree } from '../syntax/tree.js';
import { isRoleWord, listAround, namesFrom } from './coordination.js';

/** Adverbs that may stand before a sentence-opening participle: "Also detained was …". */
const OPENING_ADVERBS = new Set(['also', 'later', 'meanwhile', 'likewise', 'similarly']);
const COPULAS = new Set(['was', 'were', 'is', 'are']);

/**
 * "Arrested were the journalists A, B and C", "Also detained was the blogger D", "Killed in the
 * attack were E and F": a participle trigger opening the sentence, with its subject after the
 * copula. Only phrases of place and time may stand between the participle and the copula, and only
 * a role's words between the copula and the first name. Returns one token of each name.
 */
export function invertedSubjects(tree: Tree, i: number): number[] {
  const { from, to } = tree.sentenceRange(i);
  if (!['VBN', 'VBD'].includes(tree.token(i).xpos ?? '')) return [];
  for (let j = from; j < i; j++) if (!OPENING_ADVERBS.has(tree.token(j).text.toLowerCase())) return [];
  let k = i + 1;
  while (k < to && k - i <= 8 && !COPULAS.has(tree.token(k).text.toLowerCase())) {
    const t = tree.token(k);
    if (t.upos === 'VERB' || t.upos === 'AUX' || t.upos === 'PUNCT' || tree.entityOf[k]?.type === 'PERSON') return [];
    k++;
  }
  if (k >= to || !COPULAS.has(tree.token(k).text.toLowerCase())) return [];
  // "Detained is also the journalist A"
  if (tree.token(k + 1)?.text.toLowerCase() === 'also') k++;
  const names = namesFrom(tree, k + 1, 5, (n) => isRoleWord(tree, n) || tree.token(n).upos === 'DET', k);
  return names.length ? [names[0]!, ...listAround(tree, names[0], k)].filter((n, x, all) => all.indexOf(n) === x) : [];
}
