import { sentenceOfToken } from '../../text/align.js';
import type { Doc, Token } from '../../text/doc.js';
import type { Tense } from './resolve.js';

/**
 * The clause a date belongs to, and that clause's tense. With a parse, the date's governor is
 * the nearest verb above it ("detained … on Dec. 7" → detained); without one, the nearest verb
 * in the sentence. Tense comes from the verb and its auxiliaries: "will appear" and "is expected
 * to appear" look ahead, "was detained" and "has been held" look back.
 */

/** Auxiliaries that put a clause in the future ("wo" is the lemma of "won't"'s first half). */
export const FUTURE_AUX = new Set(['will', 'shall', "'ll", 'wo']);
const PROSPECTIVE = new Set(['expect', 'schedule', 'plan', 'due', 'set', 'intend', 'hope', 'aim', 'go', 'want', 'seek', 'prepare', 'propose']);

const PLAN_NOUNS = new Set(['plan', 'program', 'programme', 'proposal', 'bid', 'effort', 'attempt', 'agreement', 'deal', 'offer', 'decision', 'promise', 'pledge', 'order', 'deadline', 'intention', 'commitment']);

const isVerb = (t: Token): boolean => t.upos === 'VERB' || (t.upos === 'AUX' && t.deprel !== 'aux' && t.deprel !== 'aux:pass');

function children(doc: Doc, head: Token, from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let i = from; i < to; i++) if (doc.tokens[i]!.head === head.i) out.push(doc.tokens[i]!);
  return out;
}

function sentenceOf(doc: Doc, token: number): { from: number; to: number } {
  const s = doc.sentences[sentenceOfToken(doc, token)];
  return s ? { from: s.tokenStart, to: s.tokenEnd } : { from: 0, to: doc.tokens.length };
}

/** The verb that a date starting at token `i` attaches to, or undefined. */
export function governorOf(doc: Doc, first: number, last: number): Token | undefined {
  const { from, to } = sentenceOf(doc, first);
  const hasDeps = doc.assigned.has('deps');
  // "released on 7 March pending a hearing": a date a preposition joins to the verb right before
  // it is that verb's, however the parse hung it (here as the subject of "pending")
  const prep = doc.tokens[first - 1];
  const verb = doc.tokens[first - 2];
  if (hasDeps && first - 2 >= from && /^(?:on|in)$/i.test(prep?.text ?? '') && verb && isVerb(verb) && /^VB[DN]$/.test(verb.xpos ?? '')) return verb;
  if (hasDeps) {
    // the date's own head: the token in its span whose head lies outside it
    let t: Token | undefined = doc.tokens[first];
    for (let i = first; i <= last; i++) {
      const h = doc.tokens[i]!.head ?? -1;
      if (h < first || h > last) {
        t = doc.tokens[i];
        break;
      }
    }
    for (let hops = 0; t && hops < 6; hops++) {
      if (hops > 0 && isVerb(t)) return t;
      const h = t.head ?? -1;
      if (h < 0) return isVerb(t) ? t : undefined;
      t = doc.tokens[h];
    }
  }
  if (!doc.assigned.has('tags')) return undefined;
  for (let d = 1; d < to - from; d++) {
    const left = doc.tokens[first - d];
    if (left && first - d >= from && isVerb(left)) return left;
    const right = doc.tokens[last + d];
    if (right && last + d < to && isVerb(right)) return right;
  }
  return undefined;
}

/** A verb's auxiliaries and infinitive marker: its aux/mark children, or without a parse the AUX/PART words before it. */
function auxiliaries(doc: Doc, verb: Token): Token[] {
  const { from, to } = sentenceOf(doc, verb.i);
  return doc.assigned.has('deps')
    ? children(doc, verb, from, to).filter((c) => c.deprel === 'aux' || c.deprel === 'aux:pass' || c.deprel === 'mark')
    : doc.tokens.slice(Math.max(from, verb.i - 3), verb.i).filter((t) => t.upos === 'AUX' || t.upos === 'PART');
}

export function tenseOf(doc: Doc, verb: Token | undefined, depth = 0): Tense {
  if (!verb) return null;
  const { from, to } = sentenceOf(doc, verb.i);
  const near = auxiliaries(doc, verb);
  const aux = near.filter((a) => a.deprel !== 'mark');
  const lemmas = near.map((a) => (a.lemma ?? a.text).toLowerCase());
  if (lemmas.some((l) => FUTURE_AUX.has(l))) return 'future';
  // any modal with a bare verb looks ahead: "could come as early as Tuesday", "would leave on Monday"
  // and so does one with a progressive: "would be traveling to the United States Thursday"
  if (aux.some((a) => a.xpos === 'MD') && (verb.xpos === 'VB' || (verb.xpos === 'VBG' && lemmas.includes('be')))) return 'future';
  // "set to resume Monday" with its "to" mistagged as a preposition is still an infinitive
  const infinitive = lemmas.includes('to') || (verb.xpos === 'VB' && doc.tokens[verb.i - 1]?.text.toLowerCase() === 'to');
  if ((verb.xpos === 'VB' || verb.xpos === 'VBG') && infinitive) {
    const governor = verb.head !== undefined && verb.head >= 0 ? doc.tokens[verb.head] : undefined;
    // "had been due to expire Friday evening": a plan told in the pluperfect was for a day now past
    if (governor && PROSPECTIVE.has((governor.lemma ?? '').toLowerCase())) return isPluperfect(doc, governor) ? 'past' : 'future';
    if (!governor) return isPluperfect(doc, verb) ? 'past' : 'future';
    // an infinitive that completes a plan is what the plan is for: "KKR's program to pay down the loan by February"
    // (but not "celebrations to mark its entry into NATO on Friday")
    if (verb.deprel === 'acl' && PLAN_NOUNS.has((governor.lemma ?? '').toLowerCase())) return 'future';
    return tenseOf(doc, governor, depth + 1);
  }
  const auxTags = aux.map((a) => a.xpos);
  // the perfect looks back: "have been searching since the Oct. 23 slaying"
  if (lemmas.includes('have') && !lemmas.some((l) => FUTURE_AUX.has(l))) return 'past';
  if (verb.xpos === 'VBD' || auxTags.includes('VBD')) return 'past';
  if (verb.xpos === 'VBN' && (lemmas.includes('have') || auxTags.length === 0)) return 'past';
  if (verb.xpos === 'VBG' && lemmas.includes('go') === false && auxTags.includes('VBZ')) return 'present';
  if (verb.xpos === 'VBZ' || verb.xpos === 'VBP' || auxTags.includes('VBZ') || auxTags.includes('VBP')) return 'present';
  // a base form with its own subject and no auxiliary is a mistagged present: "Arafat meet separately Monday"
  if (verb.xpos === 'VB' && aux.length === 0 && doc.assigned.has('deps') && children(doc, verb, from, to).some((c) => c.deprel === 'nsubj')) return 'present';
  // an open complement takes its tense from the verb it completes: "is to resume trading Tuesday"
  if (verb.deprel === 'xcomp' && verb.head !== undefined && verb.head >= 0 && depth < 3) return tenseOf(doc, doc.tokens[verb.head], depth + 1);
  return null;
}

/** Verbs whose object happens later than the verb: what is scheduled, postponed or given until a day. */
const LOOK_AHEAD = new Set(['schedule', 'reschedule', 'plan', 'postpone', 'delay', 'adjourn', 'defer', 'extend']);

/**
 * The tense a bare weekday reads by: its governor's, with two exceptions news writing makes.
 * "The GM move follows Tuesday's declaration": a weekday that dates a noun is past unless the
 * clause looks ahead. "has scheduled a news conference Thursday", "planned a demonstration on
 * Saturday": the day belongs to the planned thing, so it looks ahead. A deadline ("until
 * Tuesday") looks ahead unless its clause is a pluperfect.
 */
export function weekdayTense(doc: Doc, first: number, last: number, governor: Token | undefined, deadline: boolean): Tense {
  if (deadline) return governor && isPluperfect(doc, governor) ? 'past' : 'future';
  const tense = tenseOf(doc, governor);
  const span = doc.tokens.slice(first, last + 2);
  if (span.some((t) => t.xpos === 'POS' || t.deprel === 'nmod:poss')) return tense === 'future' ? 'future' : 'past';
  if (tense !== 'past' || !governor || !LOOK_AHEAD.has((governor.lemma ?? '').toLowerCase())) return tense;
  // "the court on Friday adjourned the trial": a day told before the verb dates the adjourning itself
  if (last < governor.i) return tense;
  const { from, to } = sentenceOf(doc, governor.i);
  const hasObject = doc.assigned.has('deps') && children(doc, governor, from, to).some((c) => c.deprel === 'obj');
  return hasObject ? 'future' : tense;
}

const isPluperfect = (doc: Doc, verb: Token): boolean => auxiliaries(doc, verb).some((a) => a.xpos === 'VBD' && (a.lemma ?? '').toLowerCase() === 'have');
