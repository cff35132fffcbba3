import { tokenAt } from '../../text/align.js';
import type { EventType, Modality, Role, VigilEvent } from '../../text/types.js';
import { NEGATORS, type Tree } from '../syntax/tree.js';
import type { EntityLinker } from './link.js';
import { NOT_FACTUAL } from './custody.js';
import { ATTEMPT_NOUNS, personBeforeAuxiliaries } from './roles.js';

/**
 * Harm a person came through: "X survived an assassination attempt", "X narrowly escaped an
 * abduction attempt", "X escaped being kidnapped", "X nearly evaded kidnapping". The harm was
 * aimed at the one who came through it, the subject of the verb of escaping, whatever the event
 * borrowed from a sentence before (the parse often loses that subject: "In 2018, X, a journalist
 * with Y, nearly evaded kidnapping"), unless its own words name someone else ("escaped the arrest
 * of her colleagues": theirs, and told as it was). What it was depends on the harm (ONTOLOGY):
 * - an attempt on a life that was made and survived is an attack that happened: the ASSAULT that
 *   an attempted killing already is ("survived an assassination attempt", "escaped an attempted
 *   murder"), and an attack survived ("survived an ambush"), are asserted;
 * - a kidnapping, an arrest, a beating or a killing escaped did not happen: hypothetical (the
 *   person is neither taken nor dead, and no status moves).
 * Not a custody escaped from ("escaped from prison": the "from" phrase is no object), nor an
 * escape denied ("did not escape the beating").
 */

/** Verbs of coming through a harm aimed at one. */
const ESCAPING = new Set(['survive', 'escape', 'evade', 'avoid', 'dodge', 'elude']);
const HARMS = new Set<EventType>(['ABDUCTION', 'ARREST', 'ASSAULT', 'KILLING', 'TORTURE', 'DISAPPEARANCE']);

/** The verb of escaping whose object (or gerund) is the harm at token `i`, and whether an attempt noun or "attempted" stands between. */
function escapedBy(tree: Tree, i: number): { verb: number; attempt: boolean } | undefined {
  let n = i;
  let attempt = tree.kids(i, 'amod').some((k) => tree.lemma(k) === 'attempt');
  const h = tree.head(i);
  // "an assassination attempt", "an attempt to kidnap him"
  if (h >= 0 && ATTEMPT_NOUNS.has(tree.lemma(h)) && /^(compound|nmod|acl|xcomp)/.test(tree.token(i).deprel ?? '')) {
    n = h;
    attempt = true;
  }
  const verb = tree.head(n);
  if (verb < 0 || tree.token(verb).upos !== 'VERB' || !ESCAPING.has(tree.lemma(verb))) return undefined;
  if (!/^(obj|xcomp)$/.test(tree.token(n).deprel ?? '')) return undefined;
  if (tree.kids(verb, 'advmod', 'neg').some((k) => NEGATORS.has(tree.lemma(k)))) return undefined;
  return { verb, attempt };
}

export function escapedHarms(tree: Tree, linker: EntityLinker, events: VigilEvent[]): void {
  const doc = tree.doc;
  for (const v of events) {
    if (!HARMS.has(v.type) || v.modality === 'negated') continue;
    const i = tokenAt(doc, v.trigger.start);
    if (i < 0) continue;
    const escaped = escapedBy(tree, i);
    if (!escaped) continue;
    const { verb, attempt } = escaped;
    const subject = tree.subjectOf(verb) ?? personBeforeAuxiliaries(tree, verb);
    const survivor = subject !== undefined ? linker.link(subject, true, i).role : undefined;
    // whom the harm's own words in its sentence name ("escaped an attempt to kidnap him"), not one
    // borrowed from a sentence before or implied
    const { from, to } = tree.sentenceRange(i);
    const inSentence = (r: Role) => !r.implied && r.start !== undefined && r.start >= doc.tokens[from]!.start && r.start < (doc.tokens[to]?.start ?? Infinity);
    const own = v.target && inSentence(v.target) ? v.target : undefined;
    // the harm of someone else, which the survivor came through: "escaped the arrest of her colleagues"
    if (own?.entity && survivor?.entity && own.entity !== survivor.entity) continue;
    // the attempt on a life was made ("survived an assassination attempt"), and so was an attack survived ("survived an ambush")
    const happened = v.type === 'ASSAULT' && (attempt || tree.lemma(verb) === 'survive') && tree.token(i).upos === 'NOUN';
    // only what was told as done: "if he survives another attempt", "may survive" stay as they were read
    if (v.modality !== 'asserted' && v.modality !== 'reported' && !(happened && v.modality === 'hypothetical' && !conditionedOrModal(tree, verb))) continue;
    const modality: Modality = happened ? (v.modality === 'reported' ? 'reported' : 'asserted') : 'hypothetical';
    v.modality = modality;
    if (!own && survivor && (survivor.entity || !v.target)) v.target = survivor;
  }
}

/** The survival verb is conditioned or modal: "if he survives", "may survive", "would escape". */
function conditionedOrModal(tree: Tree, verb: number): boolean {
  return tree.kids(verb, 'mark').some((k) => ['if', 'unless'].includes(tree.lemma(k))) || tree.kids(verb, 'aux').some((k) => NOT_FACTUAL.has(tree.lemma(k)));
}
