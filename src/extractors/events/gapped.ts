import type { Tree } from '../syntax/tree.js';

/** Words that open a term after "to" or "for": a number, or "life", "death", "a year", "several months". */
const TERM_OPENERS = new Set(['life', 'death', 'a', 'an', 'one', 'several', 'few']);
/** How many role words may stand between "and" and the name: "the young blogger". */
const ROLE_WORDS = 4;

/** A term at token `k`: "to"/"for" and then a number or a term word within two tokens. */
function termAt(tree: Tree, k: number, to: number): boolean {
  if (k >= to || !['to', 'for'].includes(tree.token(k).text.toLowerCase())) return false;
  for (let j = k + 1; j < Math.min(to, k + 3); j++) {
    const t = tree.token(j);
    if (t.upos === 'NUM' || TERM_OPENERS.has(t.text.toLowerCase())) return true;
  }
  return false;
}

/** The token after "and" or "as well as" at `k`, or undefined when none stands there. */
function afterConjunction(tree: Tree, k: number, to: number): number | undefined {
  const w = (j: number) => (j < to ? tree.token(j).text.toLowerCase() : '');
  if (w(k) === 'and') return k + 1;
  if (w(k) === 'as' && w(k + 1) === 'well' && w(k + 2) === 'as') return k + 3;
  return undefined;
}

/**
 * "The court sentenced A to five years and B to three years": the verb is told once and its second
 * object stands with a term of its own after "and" (or "as well as"), which the parser seldom reads
 * as a second object. Read from the words: after the trigger, a term ("to five years", "for six
 * months") told of the first object, then "and" (or "as well as"), a few role words ("the blogger"),
 * a person's name and a term of its own. Not "sentenced A to five years and fined B" (no term
 * after the name), nor "sentenced A and B to five years" (a plain list, read elsewhere). Returns
 * one token of each such name.
 */
export function gappedObjects(tree: Tree, trigger: number): number[] {
  const { to } = tree.sentenceRange(trigger);
  const out: number[] = [];
  let termed = false;
  for (let k = trigger + 1; k < to; k++) {
    if (termAt(tree, k, to)) termed = true;
    const next = termed ? afterConjunction(tree, k, to) : undefined;
    if (next === undefined) continue;
    let j = next;
    while (j < to && j - next < ROLE_WORDS && tree.entityOf[j]?.type !== 'PERSON' && ['DET', 'ADJ', 'NOUN', 'PROPN'].includes(tree.token(j).upos ?? '')) j++;
    const person = tree.entityOf[j];
    if (person?.type !== 'PERSON') continue;
    let end = j;
    while (end + 1 < to && tree.entityOf[end + 1] === person) end++;
    if (termAt(tree, end + 1, to)) out.push(j);
  }
  return out;
}
