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
const WANTING_VERBS = new Set(['call', 'demand', 'urge', 'ask', 'request', 'petition', 'appeal', 'press', 'push', 'seek', 'want', 'plead', 'lobby', 'campaign', 'apply', 'beg', 'implore', 'recommend', 'propose', 'need', 'oppose', 'threaten', 'try', 'attempt', 'pray', 'plot', 'conspire', 'scheme', 'hope', 'wish']);
/** Verbs whose object itself is wanted: "demanded his release", "sought his arrest"; "appealed his conviction" and "pressed charges" are not. */
const WANTING_OBJECT = new Set(['demand', 'request', 'seek', 'want', 'threaten', 'propose', 'recommend', 'oppose', 'need', 'ask', 'urge']);
/** Request nouns that govern through "of": "the threat of arrest", "a warrant of arrest"; others through "for" or as a compound. */
const WANTING_OF = new Set(['threat', 'warrant', 'attempt']);
/** Nouns that ask for what they govern: "calls for his release", "a bail request", "his plea for bail". */
const WANTING_NOUNS = new Set(['call', 'demand', 'request', 'appeal', 'petition', 'plea', 'application', 'bid', 'motion', 'campaign', 'push', 'attempt', 'effort', 'warrant', 'threat']);

/** Nouns for what someone asks for: "their demands include the release of X" frees nobody. */
const DEMAND_NOUNS = new Set(['demand', 'call', 'appeal', 'request', 'plea', 'petition', 'goal', 'aim', 'priority', 'wish', 'hope']);

/**
 * An event noun that is what a demand asks for: the object of a verb whose subject is a demand
 * ("Their demands include the release of X") or the predicate of one ("Their main demand is the
 * release of X").
 */
export function demanded(tree: Tree, i: number): boolean {
  const isDemand = (k: number) => DEMAND_NOUNS.has(tree.lemma(k).toLowerCase());
  if (tree.kids(i, 'nsubj').some(isDemand)) return true;
  const h = tree.head(i);
  return h >= 0 && /^(obj|xcomp)/.test(tree.token(i).deprel ?? '') && DEMAND_VERBS.has(tree.lemma(h)) && tree.kids(h, 'nsubj').some(isDemand);
}
/** Verbs that say what a demand is: "include", "remain" (not "followed the release"). */
const DEMAND_VERBS = new Set(['include', 'be', 'remain', 'involve', 'cover', 'centre', 'center']);
/** Nouns a request passes through: "requested an order for his release". */
const ORDER_NOUNS = new Set(['order', 'writ', 'ruling', 'decision']);
/** Nouns whose infinitive is meant, not done: "a plan to arrest him", "a plot to kidnap her", "a bid to free them". */
const INTENT_NOUNS = new Set(['plan', 'plot', 'conspiracy', 'scheme', 'attempt', 'bid', 'effort', 'intention', 'intent', 'threat', 'call', 'demand', 'campaign', 'push', 'move', 'proposal', 'request', 'appeal', 'petition', 'motion']);
/** A request or an act these govern did not happen: "refused to release him", "denied bail". */
export const REFUSING_VERBS = new Set(['refuse', 'reject', 'deny', 'dismiss', 'decline', 'fail', 'overrule', 'overturn', 'quash', 'revoke', 'rescind', 'cancel']);
/** A release these hold up has not come: "her release was delayed", "blocked his release". */
const STALLING_VERBS = new Set(['delay', 'postpone', 'block', 'halt', 'stall', 'suspend', 'obstruct', 'stop', 'prevent', 'hinder', 'defer']);
/** A request granted is done: "the court granted his request for release". */
const GRANTING_VERBS = new Set(['grant', 'approve', 'accept', 'allow', 'order']);
/**
 * Verbs an event passes through to what governs them: "urged Velmora to order his release",
 * "failed to secure her release". Others stop it: "urged police to investigate the killing" does
 * not make the killing wanted, nor "failed to prevent the kidnappings" undo them.
 */
const PASSING = new Set(['order', 'secure', 'ensure', 'grant', 'allow', 'effect', 'facilitate', 'obtain', 'win', 'arrange', 'approve', 'make', 'carry', 'get', 'be', 'have']);
// "was supposed to be released on Monday": owed, not yet done
/** Verbs of confirming, whose content is unconfirmed when they are denied. */
const CONFIRMING = new Set(['confirm', 'verify', 'acknowledge', 'establish']);
/** Whether verb `h` is denied: a negator on it, or a subject that is no one ("no official has confirmed"). */
function unconfirmed(tree: Tree, h: number): boolean {
  if (tree.kids(h, 'advmod', 'aux').some((k) => ['not', "n't", 'never'].includes(tree.token(k).text.toLowerCase()))) return true;
  return tree.kids(h, 'nsubj', 'nsubj:pass').some((n) => ['nobody', 'none'].includes(tree.token(n).text.toLowerCase()) || tree.kids(n, 'det').some((d) => tree.token(d).text.toLowerCase() === 'no'));
}

/** Words of fearing, whose content has not been told to have happened. */
const FEARING = new Set(['fear', 'worry', 'dread']);
const FUTURE_VERBS = new Set(['plan', 'intend', 'expect', 'prepare', 'schedule', 'vow', 'promise', 'set', 'due', 'pledge', 'decide', 'agree', 'suppose']);

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
  // a participle complementing an object, "want him released", "wanted them freed", has no tense of its own
  if (xpos === 'VBN' && tree.token(i).deprel === 'xcomp' && !tree.kids(i, 'aux', 'aux:pass').length) return true;
  return tree.kids(i, 'mark', 'aux', 'aux:pass').some((k) => ['to', 'that', 'be', 'being'].includes(tree.token(k).text.toLowerCase()));
}

/** The infinitive's "to", when the trigger is one: "to arrest him", "to be released". */
function infinitiveTo(tree: Tree, i: number): number | undefined {
  return tree.kids(i, 'mark').find((k) => tree.token(k).text.toLowerCase() === 'to' && k < i);
}

/**
 * An infinitive with its own subject brought by "for" is wished, never done: "shouted for the
 * guards to release him", "called for the journalist to be freed", "it is time for them to free
 * her". Read from the words, wherever the parser hung the phrase: "for", then a short noun phrase,
 * then the trigger's "to".
 */
function forInfinitive(tree: Tree, i: number): boolean {
  const to = infinitiveTo(tree, i);
  if (to === undefined) return false;
  const { from } = tree.sentenceRange(i);
  for (let j = to - 1; j >= Math.max(from, to - 7); j--) {
    const w = tree.token(j);
    if (w.text.toLowerCase() === 'for') return j < to - 1;
    if (!['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'NUM'].includes(w.upos ?? '') && w.text !== "'s" && w.text !== '’s') return false;
  }
  return false;
}

/**
 * A noun asked for by the words right before its "for", wherever the parser hung the phrase:
 * "launches a new campaign for his release", "call for his conviction to be set aside and his
 * release" (up through a joined noun or verb and the clause on a noun).
 */
function askedForByWords(tree: Tree, n: number): boolean {
  for (let step = 0, x = n; step < 4 && x >= 0; step++) {
    const f = tree.kids(x, 'case').find((k) => tree.lemma(k) === 'for');
    if (f !== undefined && f > 0 && (WANTING_NOUNS.has(tree.lemma(f - 1)) || WANTING_VERBS.has(tree.lemma(f - 1)))) return true;
    // "a warrant … was issued for his arrest": what the verb issues or files, not the verb, asks for it
    const h = tree.head(x);
    if (f !== undefined && h >= 0 && tree.token(h).upos === 'VERB' && tree.kids(h, 'nsubj:pass', 'obj').some((k) => WANTING_NOUNS.has(tree.lemma(k)))) return true;
    // …with the parse broken between them ("a warrant under Article 12 (b) was issued for his arrest"): read off the words
    if (f !== undefined && h >= 0 && ISSUING.has(tree.lemma(h)) && wantedBefore(tree, h)) return true;
    if (!/^(conj|acl)/.test(tree.token(x).deprel ?? '')) return false;
    x = tree.head(x);
  }
  return false;
}

/** Verbs that put out a warrant, a request or a petition. */
const ISSUING = new Set(['issue', 'file', 'sign', 'lodge', 'obtain', 'seek']);

/** A noun of asking ("warrant", "request") among the eight words before verb `h`, with no other verb between. */
function wantedBefore(tree: Tree, h: number): boolean {
  const { from } = tree.sentenceRange(h);
  for (let k = h - 1; k >= Math.max(from, h - 8); k--) {
    if (tree.token(k).upos === 'VERB') return false;
    if (tree.token(k).upos === 'NOUN' && WANTING_NOUNS.has(tree.lemma(k))) return true;
  }
  return false;
}

/**
 * "urges the authorities to immediately and unconditionally release X", with the parse broken by
 * the adverbs: an infinitive read from the words ("to", then only adverbs and "and"), asked for by
 * a verb of wanting at most six words before its "to".
 */
function askedToByWords(tree: Tree, i: number): boolean {
  const { from } = tree.sentenceRange(i);
  let to = i - 1;
  while (to >= from && (tree.token(to).upos === 'ADV' || tree.token(to).upos === 'CCONJ')) to--;
  if (to < from || tree.token(to).text.toLowerCase() !== 'to') return false;
  const adverbs = to !== i - 1;
  for (let k = to - 1; k >= Math.max(from, to - 6); k--) {
    // "experts today called on Bahrain to release X", the parse broken by "today": with no adverbs
    // to explain the break, the verb asks someone (words between it and "to", none a verb), not
    // for its own deed ("attempting to seek asylum" is the attempt made)
    // whom it asks comes right after the verb: "called on Bahrain", "urges the authorities" (not "called in reinforcements to arrest X")
    if (tree.token(k).upos === 'VERB' && WANTING_VERBS.has(tree.lemma(k))) return adverbs || (k < to - 1 && addressee(tree, k + 1));
    if (!adverbs && ['VERB', 'AUX'].includes(tree.token(k).upos ?? '')) return false;
  }
  return false;
}

/** Whether the word at `k` begins whom a verb of asking asks: "on"/"upon", or a noun phrase's first word. */
function addressee(tree: Tree, k: number): boolean {
  const t = tree.token(k);
  return ['on', 'upon'].includes(t.text.toLowerCase()) || ['DET', 'NOUN', 'PROPN', 'PRON', 'ADJ', 'NUM'].includes(t.upos ?? '');
}

/** "is yet to be freed", "has yet to be released": not yet done. */
function notYet(tree: Tree, i: number): boolean {
  if (infinitiveTo(tree, i) === undefined) return false;
  const h = tree.head(i);
  const holders = [i, ...(h >= 0 && tree.token(i).deprel === 'xcomp' ? [h] : [])];
  return holders.some((n) => tree.kids(n, 'advmod').some((k) => tree.lemma(k) === 'yet'));
}

/** The noun an infinitive trigger states the aim of: "a plan to arrest him" (acl), or right before its "to" ("conspiracy charges to kidnap"). */
function intentNoun(tree: Tree, i: number): boolean {
  const to = infinitiveTo(tree, i);
  if (to === undefined) return false;
  const h = tree.head(i);
  const candidates = [...(h >= 0 && tree.token(i).deprel === 'acl' ? [h, ...intentAbove(tree, h)] : []), to - 1];
  return candidates.some((n) => n >= 0 && tree.token(n).upos === 'NOUN' && [n, ...tree.kids(n, 'compound')].some((x) => INTENT_NOUNS.has(tree.lemma(x))));
}

/**
 * The nouns above the one an infinitive hangs on, up through participles and prepositions but no
 * finite verb: "a plan drawn up by ministers at a secret meeting to arrest him" is the plan's
 * arrest, however the parser put it on "meeting".
 */
function intentAbove(tree: Tree, n: number): number[] {
  const out: number[] = [];
  for (const { token, via } of tree.ancestors(n, 4)) {
    if (!/^(nmod|obl|acl)/.test(via)) break;
    const t = tree.token(token);
    if (t.upos === 'NOUN') out.push(token);
    else if (!(t.upos === 'VERB' && ['VBN', 'VBG'].includes(t.xpos ?? ''))) break;
  }
  return out;
}

/** A modal auxiliary of obligation on the verb: "should release", "must be freed". */
export const OBLIGATION_AUX = new Set(['should', 'must', 'ought']);

/**
 * Walks from the trigger up the verbs whose complement it is (xcomp, ccomp, and through a
 * conjoined verb), and from a noun trigger up to the verb or request noun it is the object of.
 * Returns the modality those words impose, or undefined when none does.
 */
export function governedModality(tree: Tree, t: Trigger): Modality | undefined {
  const read = governedByParse(tree, t);
  // what the parse missed: "launches a new campaign for his release" with the phrase hung on the verb
  if (read === undefined && t.request === undefined && t.pos === 'noun' && askedForByWords(tree, t.token)) return 'hypothetical';
  if (read === undefined && t.request === undefined && t.pos === 'verb' && askedToByWords(tree, t.token)) return 'hypothetical';
  if (read === undefined && t.request === undefined && t.pos === 'verb' && refusedToByWords(tree, t.token)) return 'negated';
  if (read === undefined && t.request === undefined && t.type === 'RELEASE' && refusedByWords(tree, t.token)) return 'negated';
  return read;
}

/** Words that may stand between a refusing verb and the release it refuses: whom it is refused ("them", "the two men"). */
const REFUSED_WHOM = new Set(['PRON', 'DET', 'NUM', 'ADJ', 'NOUN', 'PROPN']);

/**
 * "A magistrate denied them bail", with "bail" tagged a verb and "denied" hung under it: the noun
 * "bail" (or a release noun) after a refusing verb, with at most four words of whom between
 * (no verb, no punctuation), is refused. Read from the words, wherever the parser hung them.
 */
function refusedByWords(tree: Tree, i: number): boolean {
  const word = tree.token(i);
  if (word.text.toLowerCase() !== 'bail' && word.upos !== 'NOUN') return false;
  const { from } = tree.sentenceRange(i);
  for (let k = i - 1; k >= Math.max(from, i - 5); k--) {
    if (REFUSING_VERBS.has(tree.lemma(k).toLowerCase()) && /^(?:den|refus|reject|declin)/i.test(tree.token(k).text)) return k < i - 1 || word.text.toLowerCase() === 'bail';
    if (!REFUSED_WHOM.has(tree.token(k).upos ?? '')) return false;
  }
  return false;
}

/** Nouns of a refusal whose infinitive did not happen: "the refusal of the authorities to release him". */
const REFUSING_NOUNS = new Set(['refusal', 'rejection', 'failure']);

/**
 * "protested against the refusal of the authorities to release him on bail", with the infinitive
 * hung elsewhere by the parser: an infinitive read from the words ("to", then the trigger), after a
 * noun of refusal at most six words before its "to" with no verb between.
 */
function refusedToByWords(tree: Tree, i: number): boolean {
  const to = infinitiveTo(tree, i);
  if (to === undefined || to !== i - 1) return false;
  const { from } = tree.sentenceRange(i);
  for (let k = to - 1; k >= Math.max(from, to - 6); k--) {
    if (['VERB', 'AUX'].includes(tree.token(k).upos ?? '')) return false;
    if (tree.token(k).upos === 'NOUN' && REFUSING_NOUNS.has(tree.lemma(k))) return true;
  }
  return false;
}

function governedByParse(tree: Tree, t: Trigger): Modality | undefined {
  // a request is the event itself ("asked Thailand to extradite him"): what governs is what governs the request
  let n = t.request ?? t.token;
  const release = t.type === 'RELEASE';
  // a request is itself the act: "attempting to seek asylum" still sought it
  const wanting = (lemma: string) => WANTING_VERBS.has(lemma) && !t.type.endsWith('_REQUEST');
  if (t.request === undefined && t.pos === 'verb') {
    if (notYet(tree, n)) return 'negated';
    if (forInfinitive(tree, n) || intentNoun(tree, n)) return 'hypothetical';
  }
  if (t.request === undefined && t.pos === 'noun') {
    // "the arrest and release of X", "his conviction set aside and his release": a conjoined noun is governed as its first
    while ((tree.token(n).deprel ?? '') === 'conj' && tree.head(n) >= 0 && tree.token(tree.head(n)).upos === 'NOUN') n = tree.head(n);
  }
  if (t.request === undefined && t.pos === 'noun' && (tree.token(n).deprel ?? '') !== 'conj') {
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
    // ("turned down his release": the phrasal verb of refusing, as a request is settled)
    if ((REFUSING_VERBS.has(lemma) || (lemma === 'turn' && tree.children[h]!.some((c) => tree.lemma(c) === 'down'))) && release) return 'negated';
    // "his release was delayed", "the prosecutor blocked her release": held up, not done
    if (STALLING_VERBS.has(lemma) && release) return 'negated';
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
      // "was asked to leave and was detained": a conjunct with an auxiliary of its own is a clause of its own
      if (tree.kids(n, 'aux', 'aux:pass').some((a) => tree.token(a).text.toLowerCase() !== 'to')) return undefined;
      n = h;
      continue;
    }
    const lemma = tree.lemma(h);
    // "urge them to ensure he is released": a purpose clause the parser hung as an adjunct, and a
    // finite clause under a verb of wanting or securing, are complements too
    const complement = COMPLEMENT.test(via) || (via === 'advcl' && infinitiveTo(tree, n) !== undefined);
    // "his wife feared he had been abducted", "fears that she was arrested", "is feared to have been
    // killed": a fear is no report that it happened
    if (FEARING.has(lemma) && /^(ccomp|acl|xcomp)/.test(via)) return 'hypothetical';
    // "no official has confirmed that she is in custody", "police did not confirm he was held": unconfirmed
    if (CONFIRMING.has(lemma) && via === 'ccomp' && unconfirmed(tree, h)) return 'hypothetical';
    const finiteWanted = via === 'ccomp' && (WANTING_VERBS.has(lemma) || lemma === 'ensure');
    if (!complement || (!nonFinite(tree, n) && !finiteWanted)) return undefined;
    if (REFUSING_VERBS.has(lemma)) return 'negated';
    if (wanting(lemma)) return settled(tree, h) === 'refused' ? 'negated' : 'hypothetical';
    if (FUTURE_VERBS.has(lemma)) return 'future';
    if (!PASSING.has(lemma)) return undefined;
    n = h;
  }
  return undefined;
}

/** Harms that a call for justice or an inquiry names as done. */
const HARMS = new Set(['KILLING', 'ASSAULT', 'TORTURE', 'ABDUCTION', 'DISAPPEARANCE', 'ARREST', 'THREAT']);
/** What is asked for after a harm: "justice for", "an inquiry into", "accountability for". */
const AFTERMATH = new Set(['justice', 'inquiry', 'enquiry', 'investigation', 'probe', 'accountability', 'punishment', 'answers', 'explanation', 'redress', 'compensation', 'reparation', 'reparations', 'truth', 'prosecution']);

/**
 * "demanded justice for the killing of X", "called for an inquiry into his torture": a harm whose
 * noun (or the first of its conjuncts) hangs on a word of its aftermath by "for", "into", "over" or
 * "of" happened; what is asked for is the aftermath.
 */
export function harmAftermath(tree: Tree, t: Trigger): boolean {
  return t.pos === 'noun' && HARMS.has(t.type) && aftermathOf(tree, t.token);
}

function aftermathOf(tree: Tree, i: number): boolean {
  let n = i;
  while ((tree.token(n).deprel ?? '') === 'conj' && tree.head(n) >= 0 && tree.token(tree.head(n)).upos === 'NOUN') n = tree.head(n);
  const h = tree.head(n);
  if (h < 0 || !['for', 'into', 'over', 'of'].includes(tree.caseOf(n) ?? '')) return false;
  // "demanded justice for the killing", parsed with the phrase on the verb beside its object
  return AFTERMATH.has(tree.lemma(h)) || (tree.token(h).upos === 'VERB' && tree.kids(h, 'obj', 'obl').some((o) => o < n && AFTERMATH.has(tree.lemma(o))));
}
