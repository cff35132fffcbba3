import type { Tree } from '../syntax/tree.js';

/**
 * The word a target stands on when the parse put it on a stand-in for the people meant: a floating
 * "all" ("the women had all been convicted"), a subjectless verb after "(A, B and C), all", a
 * relative pronoun ("A and B, whom they have held"). The list readers then find the names from
 * the word returned.
 */
export function groupHead(tree: Tree, target: number | undefined, trigger: number): number | undefined {
  if (target === undefined) return groupBeforeAll(tree, trigger);
  const floating = floatingQuantifierSubject(tree, target);
  if (floating !== undefined) return floating;
  return ['whom', 'who'].includes(tree.token(target).text.toLowerCase()) ? relativeAntecedent(tree, target) : undefined;
}

/** "The women … had all been convicted", "they were both jailed": the subject of the auxiliary a floating quantifier follows. */
function floatingQuantifierSubject(tree: Tree, q: number): number | undefined {
  if (!['all', 'both', 'each'].includes(tree.token(q).text.toLowerCase()) || q === 0 || !['be', 'have'].includes(tree.lemma(q - 1))) return undefined;
  const aux = q - 1;
  const subject = tree.kids(aux, 'nsubj', 'nsubj:pass')[0] ?? tree.subjectOf(tree.head(aux) >= 0 ? tree.head(aux) : aux);
  return subject !== undefined && subject < aux ? subject : undefined;
}

/** "three bloggers (A, B and C), all faced the same charges": the plural noun before ", all" (past its brackets) that a subjectless verb befalls. */
function groupBeforeAll(tree: Tree, trigger: number): number | undefined {
  const { from } = tree.sentenceRange(trigger);
  let j = trigger - 1;
  while (j > from && tree.token(j).upos === 'ADV' && !['all', 'both'].includes(tree.token(j).text.toLowerCase())) j--;
  if (j <= from || !['all', 'both'].includes(tree.token(j).text.toLowerCase())) return undefined;
  j--;
  if (j > from && tree.token(j).text === ',') j--;
  if (j > from && tree.token(j).text === ')') {
    while (j > from && tree.token(j).text !== '(') j--;
    j--;
  }
  return j >= from && tree.token(j).xpos === 'NNS' ? j : undefined;
}

/** The noun a relative pronoun at `who` stands for: the head its clause modifies, else the name right before its comma. */
function relativeAntecedent(tree: Tree, who: number): number | undefined {
  const verb = tree.head(who);
  if (verb >= 0 && tree.token(verb).deprel === 'acl:relcl' && tree.head(verb) >= 0 && tree.head(verb) < who) return tree.head(verb);
  return tree.antecedentOf(who);
}
