import type { Tree } from './tree.js';

/**
 * Nouns that name a person through another ("the wife of A", "a lawyer for A"): never the person
 * named themselves. Lemmas.
 */
export const RELATIONAL = new Set(['wife', 'husband', 'lawyer', 'attorney', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'family', 'relative', 'colleague', 'friend', 'supporter', 'spokesman', 'spokeswoman', 'spokesperson', 'nephew', 'niece', 'grandson', 'granddaughter', 'grandchild', 'grandfather', 'grandmother', 'uncle', 'aunt', 'cousin', 'stepson', 'stepdaughter', 'fiancé', 'fiancée', 'bodyguard']);

/** How far back from a name its relation's words may stand: "the family of environmental activist A". */
const REACH = 8;

/**
 * Whether the name at token `head` is named only as the one a relation speaks for: "The family of
 * environmental activist A say …" is the family speaking, not A. The relation word and its "of" /
 * "for" stand before the name in its sentence, with no punctuation or verb between.
 */
export function spokenFor(tree: Tree, head: number): boolean {
  const { from } = tree.sentenceRange(head);
  for (let i = head - 1; i >= Math.max(from, head - REACH); i--) {
    const t = tree.token(i);
    if (t.upos === 'PUNCT' || t.upos === 'VERB' || t.upos === 'AUX') return false;
    const next = tree.doc.tokens[i + 1]?.text.toLowerCase();
    if (RELATIONAL.has(tree.lemma(i)) && (next === 'of' || next === 'for')) return true;
  }
  return false;
}
