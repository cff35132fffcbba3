import { tokenAt } from '../../text/align.js';
import type { EventType, VigilEvent } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';
import { bulletAt, lineStartNear } from './list-line.js';

/**
 * "GRO calls on the authorities to:\n- release A immediately;\n- drop all charges against B": a
 * bulleted list whose lead-in line asks for something. Each item completes the request, so what it
 * tells is asked for, not done, though no request verb stands in the item's own sentence.
 */

/** A bullet or a number opening a line: "- ", "• ", "* ", "1. ", "a) ". */
const BULLET = /^[ \t]*(?:[-•*–·▪]|\d{1,2}[.)]|\(?[a-z]\))[ \t]+/;
/** Words that ask: "calls on", "urges", "we demand", "recommends", "appeal to". */
const ASKING = /\b(?:(?:ask|request|seek|demand|call|press|petition|appeal|recommend|exhort)(?:s|es|ed|ing)?|sought|urg(?:e|es|ed|ing)|implor(?:e|es|ed|ing))\b/i;
/** A heading in capitals that ends in asking: "MMDN CALLS ON", "WE DEMAND", "RECOMMENDATIONS". */
const HEADING_ASKS = /\b(?:CALLS?\s+(?:ON|UPON|FOR)|URGES?|DEMANDS?|ASKS?|APPEALS?\s+(?:TO|FOR)|RECOMMENDS?|RECOMMENDATIONS|REQUESTS?)\s*:?$/;
/** The most lines a list may run before its item. */
const LONGEST_LIST = 15;

/** Whether the offset `at` stands in an item of a bulleted list that a request's line introduces. */
export function demandedInList(text: string, at: number): boolean {
  const item = lineStartNear(text, at);
  if (item === undefined || !bulletAt(text, item, at, BULLET)) return false;
  let start: number = item;
  for (let lines = 0; start > 0 && lines < LONGEST_LIST; lines++) {
    const end = start - 1;
    start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    const bulleted = BULLET.test(text.slice(start, end));
    if (line === '' || (bulleted && !line.endsWith(':'))) continue;
    // the lead-in is the sentence that ends in the colon, not its paragraph: "… gathered to demand X. Five remain in custody:"
    const body = line.replace(BULLET, '');
    const lead = body.slice(Math.max(body.lastIndexOf('. '), body.lastIndexOf('? '), body.lastIndexOf('! ')) + 1);
    // a numbered paragraph may be the lead-in itself ("5. Therefore, the Assembly resolves and
    // demands:"); an item that asks nothing ("- take these steps at once:") leaves the lead-in above it
    if (bulleted) {
      if (ASKING.test(lead)) return true;
      continue;
    }
    // or a heading in capitals that ends in its asking words, with no colon: "THE NETWORK CALLS ON"
    // (not "APPEAL COURT RULINGS THIS WEEK")
    if (!/\p{Ll}/u.test(line) && line.length <= 80) return HEADING_ASKS.test(line);
    return line.endsWith(':') && ASKING.test(lead);
  }
  return false;
}

/** "calls on the authorities to", "urged Drell to", "asks them to", "appealed to the court to": a request whose complement is an infinitive. */
const ASKED_TO = /\b(?:call(?:s|ed|ing)?\s+(?:on|upon)|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|appeal(?:s|ed|ing)?\s+to|press(?:es|ed|ing)?|petition(?:s|ed|ing)?|implor(?:e|es|ed|ing)|demand(?:s|ed|ing)?\s+of)\b[^.;:!?]{0,120}?\bto\s+\p{Ll}/iu;

/**
 * "The Monitor calls on the authorities to disclose where A is and to release him", "… to drop the
 * charges and release A", "… to quash the conviction, release A": an infinitive ("to release", or a base form joined to one) after a request
 * for infinitives in the same sentence is asked for. The parser
 * may miss the request ("The Monitor calls" read as a noun phrase) or the conjunct it governs.
 */
function requestedInfinitive(text: string, sentenceStart: number, at: number): boolean {
  const before = text.slice(Math.max(sentenceStart, at - 400), at);
  // "to release", or a base form joined to an infinitive before it: "to drop the charges and release"
  // (or one a comma joins: "to quash the conviction, release A immediately, and lift the ban")
  if (!/\bto\s+(?:\p{Ll}+ly\s+)?$/u.test(before) && !/\bto\s+\p{Ll}[^.;:!?]{0,120}?(?:\s(?:and|or)|,)\s+(?:\p{Ll}+ly\s+)?$/u.test(before)) return false;
  // the request's "to" may be the trigger's own ("calls on the authorities to release"): read with the trigger's first letter
  return ASKED_TO.test(text.slice(Math.max(sentenceStart, at - 400), at + 1));
}

/** Events that are requests themselves. */
const REQUESTS = new Set<EventType>(['EXTRADITION_REQUEST', 'ASYLUM_REQUEST']);

/** What a request can ask for; a harm it names ("an inquiry into the killing", "justice for the abduction") happened. */
const ASKED_FOR_TYPES = new Set<EventType>(['RELEASE', 'CHARGE', 'TRIAL']);
/** Verbs that ask for what their object names: "demanded … the release of X", "called for an inquiry and the release of X". */
const ASKING_FOR = new Set(['demand', 'urge', 'seek', 'request']);
const ASKING_WITH_FOR = new Set(['call', 'ask', 'press', 'appeal', 'push', 'campaign', 'petition']);

/**
 * "It demanded a judicial inquiry into the killing and the immediate release of the two men": an
 * event noun a request verb governs through its object and coordination, with no verb between
 * them, is asked for. Read on the words: the parser may hang the second conjunct anywhere.
 */
function requestedNoun(tree: Tree, i: number): boolean {
  if (i < 0 || tree.token(i).upos !== 'NOUN') return false;
  const { from } = tree.sentenceRange(i);
  for (let k = i - 1; k >= from && i - k <= 25; k--) {
    const t = tree.token(k);
    const lemma = tree.lemma(k);
    if (t.upos === 'VERB' || t.upos === 'AUX') {
      if (ASKING_FOR.has(lemma)) return true;
      return ASKING_WITH_FOR.has(lemma) && tree.token(k + 1)?.text.toLowerCase() === 'for';
    }
    if (/^[.;:!?]$/.test(t.text)) return false;
  }
  return false;
}

/**
 * "Release Ana Lobo immediately.", "- Disclose the whereabouts of A and release her;": a verb in the
 * imperative (a bare base form opening its sentence or its line, with no subject), or a verb joined
 * to one, tells what is asked for. Not "Released on bail, A …" (a participle) nor "Police release A"
 * (a subject), nor a base form after other words ("Free speech groups …" opens with an adjective).
 */
function imperative(tree: Tree, i: number): boolean {
  // (imperatives joined are base forms all: "kidnapped a woman and shot her friend" after a quoted "Save …!" is no order)
  if (i < 0 || tree.token(i).upos !== 'VERB' || tree.token(i).xpos !== 'VB') return false;
  let j = i;
  while (tree.token(j).deprel === 'conj' && tree.head(j) >= 0 && tree.head(j) < j && tree.token(tree.head(j)).xpos === 'VB') j = tree.head(j);
  if (opensImperative(tree, j)) return true;
  // a bare base form joined by "and" anywhere in a sentence that opens with an imperative:
  // "Disclose where she is held and release her" (the parser may join it to "held")
  if (tree.kids(i, 'cc').length === 0 || tree.kids(i, 'nsubj', 'nsubj:pass', 'aux', 'mark').length > 0) return false;
  // (from the sentence's start or its line's: "Write to the minister:\n- Disclose … and release her")
  let from = tree.sentenceRange(i).from;
  for (let k = i; k > from; k--) if (tree.doc.text.slice(tree.token(k - 1).end, tree.token(k).start).includes('\n')) from = k;
  for (let k = from; k < i; k++) if (tree.token(k).upos === 'VERB') return opensImperative(tree, k);
  return false;
}

/** Words an imperative's object opens with: "Release her", "Free the two", "Release Ana Lobo", "release all detainees". */
const ORDER_OBJECT = new Set(['DET', 'PRON', 'PROPN', 'NUM', 'ADJ', 'NOUN']);

/** Whether every content word of the sentence from `j` on is capitalised: a heading, not an order. */
function titleCaseLine(tree: Tree, j: number): boolean {
  const { to } = tree.sentenceRange(j);
  for (let k = j + 1; k < to && !tree.doc.text.slice(tree.token(k - 1).end, tree.token(k).start).includes('\n'); k++) {
    const t = tree.token(k);
    if (['NOUN', 'VERB', 'ADJ', 'ADV'].includes(t.upos ?? '') && /^\p{Ll}/u.test(t.text)) return false;
  }
  return true;
}

/** Whether verb `j` is an imperative opening its sentence or its line. */
function opensImperative(tree: Tree, j: number): boolean {
  const t = tree.token(j);
  if (t.xpos !== 'VB' || tree.kids(j, 'nsubj', 'nsubj:pass', 'aux', 'aux:pass', 'mark').length > 0) return false;
  // an order's object follows it; a heading's noun has other words after it ("Arrest of X", "Arrest
  // & caging of …", "Arrest on suspicion of …") or opens a line of capitals ("Arrest Warrants against Activists")
  const next = tree.doc.tokens[j + 1];
  if (!next || !(ORDER_OBJECT.has(next.upos ?? '') || /^(?:where|what|whether|how|who)$/i.test(next.text)) || (next.upos === 'NOUN' && /^\p{Lu}/u.test(next.text)) || titleCaseLine(tree, j)) return false;
  const { from } = tree.sentenceRange(j);
  const text = tree.doc.text;
  // nothing but a bullet or a number between the sentence's (or the line's) start and the verb
  for (let k = j - 1; k >= from; k--) {
    const between = text.slice(tree.token(k).end, tree.token(k + 1).start);
    if (between.includes('\n')) return /^[\s\-•*–·▪]*(?:\d{1,2}[.)])?\s*$/.test(text.slice(tree.token(k + 1).start, t.start));
    if (tree.token(k).upos !== 'PUNCT' && !/^\d{1,2}$/.test(tree.token(k).text)) return false;
  }
  return true;
}

/**
 * Whether a finished event told as done is asked for by words the parse did not tie to it: an
 * item of a list of demands, an infinitive (in its base form: "to release him", not "released to
 * house arrest") after a request in its sentence, or a release, charge or trial a request verb
 * governs through its object. Read after every event is made, so it covers the events no trigger
 * reads too.
 */
export function askedByWords(tree: Tree, v: VigilEvent): boolean {
  const doc = tree.doc;
  const i = tokenAt(doc, v.trigger.start);
  if (demandedInList(doc.text, v.trigger.start)) return true;
  // a request is itself what "asked Russia to extradite him" tells: the request happened
  if (REQUESTS.has(v.type)) return false;
  if (imperative(tree, i)) return true;
  if (doc.tokens[i]?.xpos === 'VB' && requestedInfinitive(doc.text, doc.sentences[v.sentence]!.start, v.trigger.start)) return true;
  return ASKED_FOR_TYPES.has(v.type) && requestedNoun(tree, i);
}
