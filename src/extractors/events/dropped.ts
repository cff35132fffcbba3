import { tokenAt } from '../../text/align.js';
import type { VigilEvent } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';
import type { EventDater } from './event-date.js';
import type { Lexicon } from './lexicon.js';
import { modalityOf } from './modality.js';
import type { Trigger } from './triggers.js';

/**
 * Charges that end: "prosecutors dropped the charges against X", "the case against X was
 * dismissed", "a court quashed the indictment of X". The charges were brought (the CHARGE told by
 * "charges against X" stands), and their end frees the person of them: the annotation guidelines
 * code such a dismissal as a RELEASE, asserted, as they code an acquittal. The release is added
 * with the ending verb as its trigger, for the charge's target. Not "X dismissed the charges as
 * baseless" (the accused rejecting them: a complement with "as", or the accused as the subject),
 * and only as a fact or a report: a refusal to drop charges holds nobody, and a call to drop them
 * is no release.
 */

/** Verbs by which charges or a case end. */
const ENDING = new Set(['drop', 'dismiss', 'quash', 'withdraw', 'junk', 'scrap', 'annul', 'throw']);
/** The one verb among them that ends charges only as a phrase: "threw out the case". */
const PHRASAL: Record<string, string> = { throw: 'out' };

/** The verb that ends the charge noun `n`, as its object or its passive subject; undefined otherwise. */
function endingVerb(tree: Tree, n: number): number | undefined {
  const v = tree.head(n);
  if (v < 0 || tree.token(v).upos !== 'VERB' || !ENDING.has(tree.lemma(v))) return undefined;
  const particle = PHRASAL[tree.lemma(v)];
  if (particle !== undefined && !tree.children[v]!.some((c) => tree.token(c).text.toLowerCase() === particle)) return undefined;
  const rel = tree.token(n).deprel ?? '';
  if (rel === 'obj' && !tree.isPassive(v)) return v;
  if (rel === 'nsubj:pass') return v;
  return undefined;
}

/** "dismissed the charges as fabricated": the accused's (or anyone's) rejection of them, not their end. */
function rejected(tree: Tree, v: number, target: VigilEvent['target']): boolean {
  if (tree.kids(v, 'obl', 'xcomp', 'advcl').some((c) => tree.caseOf(c) === 'as' || tree.kids(c, 'mark').some((m) => tree.lemma(m) === 'as'))) return true;
  const subject = tree.subjectOf(v);
  return subject !== undefined && target?.entity !== undefined && tree.entityOf[subject]?.id === target.entity;
}

/** Words that make a charge one of several: "a more serious charge", "another charge", "an additional count". */
const ONE_OF = new Set(['another', 'additional', 'further', 'separate', 'second', 'other', 'lesser']);

/**
 * "Prosecutors dropped a more serious charge of collusion" (after a plea to another): one charge
 * of several ends, and the person is not freed of the case by it.
 */
function oneOfSeveral(tree: Tree, n: number): boolean {
  if (tree.token(n).xpos !== 'NN') return false;
  // ("a more serious charge": a comparative sets it beside the others)
  const comparative = tree.kids(n, 'amod').some((a) => tree.kids(a, 'advmod').some((k) => ['more', 'less'].includes(tree.token(k).text.toLowerCase())) || tree.token(a).xpos === 'JJR');
  return comparative || tree.kids(n, 'det', 'amod', 'nummod').some((k) => ONE_OF.has(tree.token(k).text.toLowerCase()));
}

export function droppedCharges(tree: Tree, lexicon: Lexicon, dater: EventDater, events: VigilEvent[]): VigilEvent[] {
  const doc = tree.doc;
  const added: VigilEvent[] = [];
  const out = events.map((charge) => {
    if (charge.type !== 'CHARGE' || !charge.target?.entity) return charge;
    const n = tokenAt(doc, charge.trigger.start);
    if (n < 0 || tree.token(n).upos !== 'NOUN') return charge;
    const v = endingVerb(tree, n);
    if (v === undefined || rejected(tree, v, charge.target)) return charge;
    const trigger: Trigger = { token: v, entry: { type: 'RELEASE' }, type: 'RELEASE', pos: 'verb' };
    const { modality } = modalityOf(tree, lexicon, trigger);
    const date = dater.dateOf(trigger);
    // the clause's date and negation are the ending's, not the charge's: "charges were dropped on
    // Wednesday" were brought before; "have not dropped the charges" leaves them brought
    const brought: VigilEvent = { ...charge, date: date && charge.date?.value === date.value ? null : charge.date, modality: charge.modality === 'negated' && modality === 'negated' ? 'asserted' : charge.modality };
    if ((modality !== 'asserted' && modality !== 'reported') || oneOfSeveral(tree, n)) return brought;
    const at = doc.tokens[v]!;
    if ([...events, ...added].some((u) => u.type === 'RELEASE' && u.target?.entity === charge.target!.entity && u.trigger.start === at.start)) return brought;
    added.push({ ...charge, id: '', type: 'RELEASE', trigger: doc.span(at.start, at.end), modality, date, agent: null, principal: null, place: null, origin: null, destination: null, heldAt: null, whereaboutsUnknown: null, mentions: undefined, confidence: 0.5 } as VigilEvent);
    return brought;
  });
  return added.length ? [...out, ...added].sort((a, b) => a.trigger.start - b.trigger.start) : out;
}
