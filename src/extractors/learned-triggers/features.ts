import type { Tree } from '../syntax/tree.js';
import type { Clusters } from '../learn/lexical.js';

/**
 * The words a trigger model reads a candidate at: content words the event lexicon did not take.
 * Names are no event ("Justice Ojukwu"), and neither is a word of a place or organisation.
 */
export function isCandidate(tree: Tree, i: number): boolean {
  const t = tree.token(i);
  if (!['VERB', 'NOUN', 'ADJ'].includes(t.upos ?? '')) return false;
  if (!/^\p{L}[\p{L}'’-]*$/u.test(t.text) || t.text.length < 3) return false;
  return tree.entityOf[i] === undefined;
}

/** Pronouns and words that stand for a person, as an argument's kind: "arrested him", "the journalist was". */
const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'they', 'them', 'i', 'me', 'we', 'us', 'you', 'himself', 'herself']);

/** What kind of thing an argument token is: a person's name or pronoun, another name, or its lemma's word class. */
function argKind(tree: Tree, k: number): string {
  const e = tree.entityOf[k];
  if (e) return e.type;
  const w = tree.token(k).text.toLowerCase();
  if (PERSON_PRONOUNS.has(w)) return 'PRON_PERSON';
  return tree.token(k).upos ?? 'X';
}

const CLUSTER_CUTS = [6, 10, 14] as const;

/**
 * A candidate's features, named so that a weight can be read: its word, lemma and their clusters
 * (which carry a learned word to its unseen neighbours: "interrogated" beside "questioned"), its
 * place in the parse, its particles and prepositions ("taken away", "pushed to the ground"), its
 * voice, and what kind of thing its subject and object are.
 */
export function triggerFeatures(tree: Tree, i: number, clusters: Clusters | undefined): string[] {
  const t = tree.token(i);
  const form = t.text.toLowerCase();
  const lemma = tree.lemma(i);
  const pos = t.upos ?? 'X';
  const out = [`l=${lemma}`, `f=${form}`, `p=${pos}`, `lp=${lemma}/${pos}`, `x=${t.xpos ?? ''}`, `r=${(t.deprel ?? '').split(':')[0]}`];
  const path = clusters?.get(form) ?? clusters?.get(lemma);
  if (path) for (const n of CLUSTER_CUTS) out.push(`c${n}=${path.slice(0, n)}/${pos}`);
  const h = t.head ?? -1;
  if (h >= 0) {
    out.push(`hl=${tree.lemma(h)}`);
    out.push(`hr=${(t.deprel ?? '').split(':')[0]}>${tree.token(h).upos}`);
  }
  let passive = false;
  for (const k of tree.children[i] ?? []) {
    const rel = tree.token(k).deprel ?? 'dep';
    if (rel === 'punct' || rel === 'det') continue;
    if (rel === 'nsubj:pass' || rel === 'aux:pass') passive = true;
    const base = rel.split(':')[0]!;
    if (['compound:prt', 'advmod', 'xcomp', 'aux'].includes(rel) || base === 'compound') out.push(`k=${rel}:${tree.lemma(k)}`, `lk=${lemma}+${tree.lemma(k)}`);
    if (['nsubj', 'obj', 'iobj', 'nmod', 'obl', 'amod'].includes(base)) {
      out.push(`a=${rel}:${argKind(tree, k)}`);
      const prep = tree.caseOf(k);
      if (prep) out.push(`pp=${prep}:${tree.lemma(k)}`, `lpp=${lemma}+${prep}`, `ppk=${prep}:${argKind(tree, k)}`);
      else if (base === 'obj') out.push(`obj=${tree.lemma(k)}`, `lobj=${lemma}+${tree.lemma(k)}`);
    }
    if (rel === 'advmod' && tree.lemma(k) === 'not') out.push('neg');
  }
  if (passive) out.push('pass', `lpass=${lemma}`);
  const prev = i > 0 ? tree.token(i - 1).text.toLowerCase() : '<s>';
  const next = i + 1 < tree.doc.tokens.length ? tree.token(i + 1).text.toLowerCase() : '</s>';
  out.push(`w-1=${prev}`, `w+1=${next}`, `lw+1=${lemma}_${next}`, `w-1l=${prev}_${lemma}`);
  return out;
}
