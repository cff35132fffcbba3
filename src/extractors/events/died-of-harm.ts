import { tokenAt } from '../../text/align.js';
import type { Doc } from '../../text/doc.js';
import type { EventType, VigilEvent } from '../../text/types.js';
import { NEGATORS, type Tree } from '../syntax/tree.js';
import { NOT_FACTUAL } from './custody.js';
import type { EntityLinker } from './link.js';

/**
 * A death that follows harm told before it is a killing: "The editor was shot by gunmen on
 * Monday. She died in hospital on Wednesday", "was beaten and later died of his injuries". "Died"
 * alone is no event (people die of age and illness); here the same person was attacked, tortured
 * or abducted, as the report tells as fact, within the three sentences before, or as fact or
 * through someone in the sentence after ("She died there on Tuesday. Her mother says guards had
 * beaten her at the checkpoint"), not dated in another month than the death; or took wounds in
 * the death's own clause ("suffered severe injuries and died"). Not a death of
 * natural causes or an illness ("died of a stroke"), a death denied or supposed ("did not die",
 * "could die"), nor anyone the report has killed already.
 */

const HARMS = new Set<EventType>(['ASSAULT', 'TORTURE', 'ABDUCTION']);
const NATURAL = new Set(['crash', 'accident', 'overdose', 'drowning', 'cause', 'causes', 'age', 'illness', 'disease', 'cancer', 'stroke', 'covid', 'covid-19', 'coronavirus', 'heart', 'attack', 'complication', 'complications', 'sickness', 'old']);
const NEAR = 3;
/** Harm a person takes on in the clause of their death: "suffered severe injuries and died", "sustained gunshot wounds and died". */
const TAKE_ON = new Set(['suffer', 'sustain', 'receive']);
const WOUNDS = new Set(['injury', 'wound', 'burn', 'injuries', 'wounds', 'burns']);

/** The death's own clause tells the harm: a verb of taking on wounds joined to "died" by "and". */
function woundedThen(tree: Tree, die: number): boolean {
  const h = tree.head(die);
  const verbs = [...(h >= 0 && tree.token(die).deprel === 'conj' ? [h] : []), ...tree.kids(die, 'conj')];
  return verbs.some((v) => TAKE_ON.has(tree.lemma(v)) && tree.kids(v, 'obj').some((o) => WOUNDS.has(tree.lemma(o)) || WOUNDS.has(tree.token(o).text.toLowerCase())));
}

/** Words that open a clause telling what came before a death: "died after being shot", "died when he was beaten". */
const BEFORE_DEATH = new Set(['after', 'when', 'following']);
const LONG_AFTER = new Set(['year', 'years', 'decade', 'decades', 'long']);

/**
 * Whether the harm at token `harm` is told in a clause of the death at `die` that says it came
 * first: marked "after" or "when", and hung on the death or on a word of its clause ("died in
 * hospital after being shot", where the parse hangs the clause on "hospital").
 */
function harmClauseOf(tree: Tree, harm: number, die: number): boolean {
  const mark = tree.kids(harm, 'mark').find((m) => BEFORE_DEATH.has(tree.lemma(m)));
  if (mark === undefined) return false;
  // "years after she was beaten", "died peacefully": a death long after, or of no violence, is not the harm's
  const words = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => tree.lemma(from + k));
  if (words(Math.max(die, mark - 2), mark).some((w) => LONG_AFTER.has(w)) || words(die, mark).includes('peacefully')) return false;
  const up = tree.head(harm);
  return up === die || (up >= 0 && tree.head(up) === die && up > die);
}

/** The calendar dates the report's clauses give, by where the word they date starts ("died in 2015"): read once, not per death. */
function clauseDates(doc: Doc): Map<number, string> {
  const out = new Map<number, string>();
  for (const x of doc.timexes) if (x.governor && /^\d{4}/.test(x.value) && !out.has(x.governor.start)) out.set(x.governor.start, x.value);
  return out;
}

/** A harm told after a death but dated in another month than it: an old attack, not what killed the person ("died in 2015 … was beaten in 2011"). */
function longBefore(v: VigilEvent, death: string | null): boolean {
  if (!v.date || !death) return false;
  const n = Math.min(v.date.value.length, death.length, 7);
  return v.date.value.slice(0, n) !== death.slice(0, n);
}

/** Words that set a harm told after a death at another time than the days before it: "once", "as a child", "in the 1990s", "the next day". */
const OTHER_TIME = /\b(?:once|as a (?:child|boy|girl|student)|in (?:his|her) youth|years? ago|decades?|\d{4}s|earlier in (?:his|her) life|the next day|the day after|afterwards|after (?:his|her) death)\b/i;

/** Whether sentence `s` dates what it tells apart from a recent death. */
function otherTime(doc: Doc, s: number): boolean {
  const span = doc.sentences[s];
  return span !== undefined && OTHER_TIME.test(doc.text.slice(span.start, span.end));
}

export function diedOfHarm(tree: Tree, linker: EntityLinker, events: VigilEvent[]): VigilEvent[] {
  const doc = tree.doc;
  const added: VigilEvent[] = [];
  let dates: Map<number, string> | undefined;
  for (let i = 0; i < doc.tokens.length; i++) {
    if (tree.lemma(i) !== 'die' || tree.token(i).upos !== 'VERB') continue;
    const at = doc.tokens[i]!;
    if (events.some((v) => v.trigger.start <= at.start && at.end <= v.trigger.end)) continue;
    if (tree.kids(i, 'aux').some((a) => NOT_FACTUAL.has(tree.lemma(a))) || tree.kids(i, 'advmod', 'neg').some((k) => NEGATORS.has(tree.lemma(k)))) continue;
    if (tree.kids(i, 'obl').some((o) => NATURAL.has(tree.lemma(o)) || tree.kids(o, 'compound', 'amod').some((k) => NATURAL.has(tree.lemma(k))))) continue;
    const subject = tree.subjectOf(i);
    // "X … was hit by several bullets and died", with the subject lost to the parse: the one the harm
    // it is joined to befell
    const joined = tree.token(i).deprel === 'conj' ? events.find((v) => HARMS.has(v.type) && v.target?.entity && tokenAt(doc, v.trigger.start) === tree.head(i)) : undefined;
    if (subject === undefined && !joined) continue;
    const target = subject !== undefined ? linker.link(subject, true, i).role : joined!.target!;
    if (!target.entity) continue;
    const sentence = doc.sentenceAt(at.start);
    // an undated death is as recent as the report: a harm dated years before it is an old one
    const deathDate = (dates ??= clauseDates(doc)).get(at.start) ?? doc.meta.published?.slice(0, 7) ?? null;
    // the harm told before the death; or after it, as fact or through the family who saw it, in the
    // death's own clause ("died after being shot", "died in hospital after being beaten") or in the
    // next sentence ("She died there on Tuesday. Her mother says guards had beaten her at the
    // checkpoint"), not an old attack dated in another month
    const before = (v: VigilEvent) => v.trigger.start < at.start && v.modality === 'asserted' && sentence - v.sentence <= NEAR;
    const after = (v: VigilEvent) =>
      v.trigger.start > at.start && (v.modality === 'asserted' || v.modality === 'reported') && !longBefore(v, deathDate) && (v.sentence === sentence ? harmClauseOf(tree, tokenAt(doc, v.trigger.start), i) : v.sentence - sentence === 1 && !otherTime(doc, v.sentence));
    const harmed = woundedThen(tree, i) || events.some((v) => v.target?.entity === target.entity && HARMS.has(v.type) && (before(v) || after(v)));
    const dead = [...events, ...added].some((v) => v.target?.entity === target.entity && v.type === 'KILLING' && v.modality === 'asserted');
    if (!harmed || dead) continue;
    added.push({ id: '', type: 'KILLING', trigger: doc.span(at.start, at.end), target, agent: null, principal: null, place: null, origin: null, destination: null, date: null, modality: 'asserted', sentence, confidence: 0.5 });
  }
  return added.length ? [...events, ...added].sort((a, b) => a.trigger.start - b.trigger.start) : events;
}
