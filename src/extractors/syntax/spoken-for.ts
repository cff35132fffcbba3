import type { Tree } from './tree.js';

/** People who speak for someone they are named through: "the family of A", "a lawyer for A". */
export const RELATIONS = new Set(['family', 'relatives', 'wife', 'husband', 'mother', 'father', 'brother', 'sister', 'son', 'daughter', 'parents', 'children', 'widow', 'lawyer', 'lawyers', 'attorney', 'colleagues', 'friends', 'supporters', 'spokesman', 'spokeswoman', 'spokesperson']);

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
    if (RELATIONS.has(t.text.toLowerCase()) && (next === 'of' || next === 'for')) return true;
  }
  return false;
}
