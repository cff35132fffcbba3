import type { Tree } from '../syntax/tree.js';
import { amongBefore } from './among.js';

/**
 * The word that stands for the people a participle trigger befell when the participle is itself
 * the noun: "Those charged include A", "The detained included A and B", "The abducted were
 * identified as A". The parser often reads such a participle as a modifier of the verb after it
 * ("charged" an adjective of "include"), which would make the verb its target. Returns the token
 * of "those", or of "the" when a verb follows the participle (the participle is the subject:
 * "the detained journalist" is a journalist, and no such noun); undefined otherwise.
 */
export function participleAsNoun(tree: Tree, i: number): number | undefined {
  if (i === 0 || !isParticiple(tree, i)) return undefined;
  const before = tree.token(i - 1).text.toLowerCase();
  if (before === 'those') return i - 1;
  if (before !== 'the') return undefined;
  const next = tree.doc.tokens[i + 1];
  if (!next || tree.sentenceRange(i).to <= i + 1) return undefined;
  return next.upos === 'AUX' || (next.upos === 'VERB' && ['VBD', 'VBZ', 'VBP'].includes(next.xpos ?? '')) ? i - 1 : undefined;
}

/** A past participle, however the tagger read it: "detained" (VBN, VBD) or "abducted" read as an adjective. */
export function isParticiple(tree: Tree, i: number): boolean {
  const t = tree.token(i);
  return ['VBN', 'VBD'].includes(t.xpos ?? '') || (t.upos === 'ADJ' && /ed$/.test(t.text));
}

/**
 * "Birte Ostel, one of eight workers arrested after the strike, was released", "Kamal Noor was one
 * of three people killed when …", parsed with the participle a past tense whose subject is the name
 * or "one": a participle right after a group that stands after "one of" or "among" (set off by a
 * comma, or after "was"), with no object of its own, describes the group. Returns the group's
 * token, or undefined.
 */
export function participleOfGroup(tree: Tree, i: number): number | undefined {
  const g = i - 1;
  if (g < 0 || !isParticiple(tree, i) || tree.kids(i, 'obj').length > 0) return undefined;
  if (!['NNS', 'NNPS'].includes(tree.token(g).xpos ?? '') || tree.entityOf[g]?.type === 'PERSON') return undefined;
  // "A, one of eight workers arrested", "A was one of three people killed"
  const among = amongBefore(tree, g);
  return among !== undefined && among > 0 && (tree.token(among - 1).text === ',' || tree.lemma(among - 1) === 'be') ? g : undefined;
}

/**
 * "The four unionists were each sentenced to five years", parsed with "sentenced" an adjective of
 * "years": a participle right after "be" and a floating "each", "all" or "both" is a passive, and
 * befalls the subject before the auxiliary. Returns the subject's token, or undefined.
 */
export function subjectPastFloatingQuantifier(tree: Tree, i: number): number | undefined {
  if (i < 2 || !isParticiple(tree, i) || !['each', 'all', 'both'].includes(tree.token(i - 1).text.toLowerCase())) return undefined;
  const aux = i - 2;
  if (tree.lemma(aux) !== 'be' || tree.kids(i, 'obj').length > 0) return undefined;
  const up = tree.head(aux);
  const subject = tree.kids(aux, 'nsubj', 'nsubj:pass')[0] ?? (tree.token(aux).deprel === 'cop' ? up : up >= 0 ? tree.subjectOf(up) : undefined);
  return subject !== undefined && subject >= 0 && subject < aux ? subject : undefined;
}
