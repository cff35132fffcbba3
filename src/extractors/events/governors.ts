import type { Modality } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';
import type { Trigger } from './triggers.js';

/**
 * What the words above a trigger make of it. A release that is called for, urged, petitioned,
 * requested or threatened has not happened ("urged Velmora to release her", "requested an order
 * for his release", "asked for a ten-year sentence"); one that is refused or denied is no release
 * ("denied bail", "refused to free him", "a bail request the court rejected"); a denial of the
 * act itself negates it ("denied detaining him"); what is planned or expected is to come.
 */

/** Verbs whose complement is wanted, not done: "urged X to release", "asked for a sentence". */
const WANTING_VERBS = new Set(['call', 'demand', 'urge', 'ask', 'request', 'petition', 'appeal', 'press', 'push', 'seek', 'want', 'plead', 'lobby', 'campaign', 'apply', 'beg', 'implore', 'recommend', 'propose', 'need', 'oppose', 'threaten', 'try', 'attempt', 'pray']);
/** Verbs whose object itself is wanted: "demanded his release", "sought his arrest"; "appealed his conviction" and "pressed charges" are not. */
const WANTING_OBJECT = new Set(['demand', 'request', 'seek', 'want', 'threaten', 'propose', 'recommend', 'oppose', 'need', 'ask', 'urge']);
/** Request nouns that govern through "of": "the threat of arrest", "a warrant of arrest"; others through "for" or as a compound. */
const WANTING_OF = new Set(['threat', 'warrant', 'attempt']);
/** Nouns that ask for what they govern: "calls for his release", "a bail request", "his plea for bail". */
const WANTING_NOUNS = new Set(['call', 'demand', 'request', 'appeal', 'petition', 'plea', 'application', 'bid', 'motion', 'campaign', 'push', 'attempt', 'effort', 'warrant', 'threat']);
/** Nouns a request passes through: "requested an order for his release". */
const ORDER_NOUNS = new Set(['order', 'writ', 'ruling', 'decision']);
/** A request or an act these govern did not happen: "refused to release him", "denied bail". */
const REFUSING_VERBS = new Set(['refuse', 'reject', 'deny', 'dismiss', 'decline', 'fail', 'overrule', 'overturn', 'quash']);
/** A request granted is done: "the court granted his request for release". */
const GRANTING_VERBS = new Set(['grant', 'approve', 'accept', 'allow', 'order']);
/**
 * Verbs an event passes through to what governs them: "urged Velmora to order his release",
 * "failed to secure her release". Others stop it: "urged police to investigate the killing" does
 * not make the killing wanted, nor "failed to prevent the kidnappings" undo them.
 */
const PASSING = new Set(['order', 'secure', 'ensure', 'grant', 'allow', 'effect', 'facilitate', 'obtain', 'win', 'arrange', 'approve', 'make', 'carry', 'get', 'be', 'have']);
const FUTURE_VERBS = new Set(['plan', 'intend', 'expect', 'prepare', 'schedule', 'vow', 'promise', 'set', 'due', 'pledge', 'decide', 'agree']);

const COMPLEMENT = /^(xcomp|ccomp)/;
const NOMINAL = /^(obj|obl|nmod|iobj|compound|nsubj:pass|nsubj)/;

/** The refusal or grant that settles a request: its head, or a clause hung on it ("a request the judge refused"). */
function settled(tree: Tree, request: number): 'refused' | 'granted' | undefined {
  const h = tree.head(request);
  const near = [...(h >= 0 ? [h] : []), ...tree.kids(request, 'acl', 'acl:relcl', 'conj')];
  for (const n of near) {
    const lemma = tree.lemma(n);
    if (REFUSING_VERBS.has(lemma) || (lemma === 'turn' && tree.children[n]!.some((c) => tree.lemma(c) === 'down'))) return 'refused';
    if (GRANTING_VERBS.has(lemma) && n === h) return 'granted';
  }
  return undefined;
}

/**
 * A complement that is wanted or refused is an infinitive, a gerund or a "that" clause ("refused
 * to release", "denied detaining him", "asked that he be freed"); a bare past participle under a
 * refusal is the parser joining two clauses ("a pastor who refused to join … arrested").
 */
function nonFinite(tree: Tree, i: number): boolean {
  const xpos = tree.token(i).xpos ?? '';
  if (xpos === 'VB' || xpos === 'VBG') return true;
  return tree.kids(i, 'mark', 'aux', 'aux:pass').some((k) => ['to', 'that', 'be', 'being'].includes(tree.token(k).text.toLowerCase()));
}

/** A modal auxiliary of obligation on the verb: "should release", "must be freed". */
export const OBLIGATION_AUX = new Set(['should', 'must', 'ought']);

/**
 * Walks from the trigger up the verbs whose complement it is (xcomp, ccomp, and through a
 * conjoined verb), and from a noun trigger up to the verb or request noun it is the object of.
 * Returns the modality those words impose, or undefined when none does.
 */
export function governedModality(tree: Tree, t: Trigger): Modality | undefined {
  // a request is the event itself ("asked Thailand to extradite him"): what governs is what governs the request
  let n = t.request ?? t.token;
  const release = t.type === 'RELEASE';
  // a request is itself the act: "attempting to seek asylum" still sought it
  const wanting = (lemma: string) => WANTING_VERBS.has(lemma) && !t.type.endsWith('_REQUEST');
  if (t.request === undefined && t.pos === 'noun') {
    const h = tree.head(n);
    const via = tree.token(n).deprel ?? '';
    if (h < 0 || !NOMINAL.test(via)) return undefined;
    const lemma = tree.lemma(h);
    const upos = tree.token(h).upos;
    // "an arrest warrant", "a bail request", "his request for bail"; a compound child counts too
    // "a bail request", "an arrest warrant" (either word the head); "calls for his release", "the threat of arrest";
    // not "an appeal against his conviction" or "a campaign of arrests"
    const governs = (x: number) => x !== h || via === 'compound' || tree.caseOf(n) === 'for' || (tree.caseOf(n) === 'of' && WANTING_OF.has(tree.lemma(h)));
    const request = [h, ...tree.kids(n, 'compound')].find((x) => tree.token(x).upos === 'NOUN' && WANTING_NOUNS.has(tree.lemma(x)) && governs(x));
    if (request !== undefined) {
      const s = settled(tree, request);
      if (s === 'refused') return 'negated';
      if (s === 'granted') return undefined;
      // "his request for bail … was": only a request that governs the trigger or its head
      return 'hypothetical';
    }
    if (upos === 'NOUN' && ORDER_NOUNS.has(lemma)) {
      const up = tree.head(h);
      if (up >= 0 && WANTING_VERBS.has(tree.lemma(up))) return settled(tree, up) === 'refused' ? 'negated' : 'hypothetical';
      return undefined;
    }
    if (upos !== 'VERB') return undefined;
    // "denied bail", "bail was refused", "refused his release"; "denied the charges" is the accused's denial
    if (REFUSING_VERBS.has(lemma) && release) return 'negated';
    // what is asked for: "demanded his release", "asked for a sentence", "his release was sought"; not "asked about his detention"
    const askedFor = (/^(obj|iobj|nsubj:pass)/.test(via) && WANTING_OBJECT.has(lemma)) || tree.caseOf(n) === 'for';
    if (wanting(lemma) && askedFor) return settled(tree, h) === 'refused' ? 'negated' : 'hypothetical';
    if (!PASSING.has(lemma)) return undefined;
    n = h;
  }
  // "Velmora should drop the charges and release her": the obligation spans the conjoined verbs
  for (let step = 0; step < 4; step++) {
    const h = tree.head(n);
    const via = tree.token(n).deprel ?? '';
    if (h < 0) return undefined;
    if (via === 'conj') {
      if (tree.kids(h, 'aux').some((a) => OBLIGATION_AUX.has(tree.lemma(a)))) return 'hypothetical';
      n = h;
      continue;
    }
    if (!COMPLEMENT.test(via) || !nonFinite(tree, n)) return undefined;
    const lemma = tree.lemma(h);
    if (REFUSING_VERBS.has(lemma)) return 'negated';
    if (wanting(lemma)) return settled(tree, h) === 'refused' ? 'negated' : 'hypothetical';
    if (FUTURE_VERBS.has(lemma)) return 'future';
    if (!PASSING.has(lemma)) return undefined;
    n = h;
  }
  return undefined;
}
