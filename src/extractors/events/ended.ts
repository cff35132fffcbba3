import { tokenAt } from '../../text/align.js';
import type { EventDate, Modality, VigilEvent } from '../../text/types.js';
import { addDays, addMonths, formatDay, formatMonth, formatYear, parseDay } from '../dates/calendar.js';
import type { Tree } from '../syntax/tree.js';
import { datelineDash } from '../tokens/dateline.js';

const UNITS = new Set(['hour', 'day', 'week', 'month', 'year', 'night']);
const CUSTODY = new Set(['ARREST', 'ABDUCTION']);
const STILL = new Set(['have', 'has', 'had', 'will', 'would', 'is', 'are', 'am', 'being', "'s", '’s']);

/** Parts of a day a holding may run until and then end: no one is remanded "until the evening". */
const DAY_PARTS = new Set(['evening', 'night', 'midnight', 'morning', 'dawn', 'afternoon', 'nightfall', 'daybreak']);

/** Steps that carry a custody on past the part of the day it ran to: "until the evening, when he was taken to a prison". */
const CARRIED_PAST_DAY_PART = new Set(['transfer', 'remand', 'move', 'take', 'charge', 'indict', 'send', 'jail', 'imprison', 'hand', 'bring', 'present', 'refer', 'sentence', 'convict', 'prosecute']);

/**
 * Whether a day part a holding ran "until" is no end of it: the day part is another step's ("until
 * the morning of his trial"), a clause tells what came then ("until the evening, when he was
 * transferred to Karst prison", "until the night that he was charged"), or a step that carries the
 * custody on follows in the sentence ("… until the evening and then moved him to a prison").
 */
function heldPastDayPart(tree: Tree, d: number): boolean {
  if (tree.kids(d, 'nmod', 'acl:relcl', 'acl').length) return true;
  const { to } = tree.sentenceRange(d);
  for (let k = d + 1; k < to; k++) {
    const word = tree.token(k).text.toLowerCase();
    if (word === 'when' || word === 'whereupon') return true;
    if (tree.token(k).upos === 'VERB' && CARRIED_PAST_DAY_PART.has(tree.lemma(k))) return true;
  }
  return false;
}

/** The "for N days" phrase on the trigger, or "until (late) evening", as its first and last token. */
function spanOver(tree: Tree, i: number): { first: number; last: number } | undefined {
  // the parser may hang the span on the object: "detained the journalist for three weeks"
  const spans = [...tree.kids(i, 'obl'), ...tree.kids(i, 'obj').flatMap((o) => tree.kids(o, 'nmod'))];
  // "kept them at the police station until late evening": held until a part of the day, then let go
  // (the parser may hang the time on the place)
  for (const d of [...spans, ...tree.kids(i, 'obl').flatMap((o) => tree.kids(o, 'nmod'))]) {
    const until = tree.kids(d, 'case').find((k) => ['until', 'till'].includes(tree.lemma(k)));
    if (until !== undefined && DAY_PARTS.has(tree.lemma(d)) && !heldPastDayPart(tree, d)) return { first: until, last: d };
  }
  for (const d of spans) {
    const f = tree.kids(d, 'case').find((k) => tree.lemma(k) === 'for');
    if (f === undefined || !UNITS.has(tree.lemma(d))) continue;
    if (!tree.kids(d, 'nummod').length && !tree.kids(d, 'amod', 'det').some((k) => ['several', 'few', 'two', 'three'].includes(tree.lemma(k)))) continue;
    return { first: f, last: d };
  }
  return undefined;
}

/** Where someone stays held, after "in" or "behind": "two months in detention", "a year behind bars". */
const CUSTODY_PLACE = new Set(['captivity', 'detention', 'custody', 'prison', 'jail', 'gaol', 'bars']);
/** What a past stay or a sentence served runs over: "spent a further month", "served two prison terms". */
const SERVED = new Set(['term', 'sentence']);

/** A stated amount of time: "two months", "a further month", "15 months", "several weeks". */
function amountOf(tree: Tree, d: number): boolean {
  if (tree.kids(d, 'nummod').length) return true;
  return tree.kids(d, 'amod', 'det').some((k) => ['further', 'another', 'several', 'few'].includes(tree.lemma(k)));
}

/** The "in detention" (or "behind bars") told of a stay: on its verb, or on the amount itself. */
const heldIn = (tree: Tree, ...on: number[]): boolean => on.some((h) => tree.kids(h, 'obl', 'nmod').some((k) => CUSTODY_PLACE.has(tree.lemma(k)) && tree.kids(k, 'case').some((c) => ['in', 'behind'].includes(tree.lemma(c)))));

/**
 * A stay in custody told as over, anywhere in the trigger's clause: "spent two months in
 * detention", "served two 15-day prison terms" (the simple past, not "has spent"), "the beginning
 * of 15 months in captivity". Not a stay elsewhere ("two months in hospital"), a sentence passed
 * or faced ("sentenced to 15 months in prison"), nor one going on ("is serving", "has spent").
 * Its first and last token: the amount of time.
 */
function stayOver(tree: Tree, i: number): { first: number; last: number } | undefined {
  const { from, to } = tree.sentenceRange(i);
  const near = (h: number): boolean => h === i || [...tree.ancestors(i)].some((a) => a.token === h) || [...tree.ancestors(h)].some((a) => a.token === i);
  for (let d = from; d < to; d++) {
    const unit = UNITS.has(tree.lemma(d)) || UNITS.has(tree.lemma(d).replace(/^\d+-/, ''));
    if (!(unit || SERVED.has(tree.lemma(d))) || !amountOf(tree, d)) continue;
    let h = tree.head(d);
    let rel = tree.token(d).deprel ?? '';
    // the parser may hang the amount on the place: "spent [two months] in detention"
    if (h >= 0 && CUSTODY_PLACE.has(tree.lemma(h)) && rel.startsWith('nmod')) {
      rel = 'obj';
      h = tree.head(h);
    }
    // or on the custody's participle under "spent": "spent [three months] detained"
    if (h === i && tree.head(i) >= 0 && tree.lemma(tree.head(i)) === 'spend' && rel.startsWith('obl')) {
      rel = 'obj';
      h = tree.head(i);
    }
    if (h < 0 || !near(h)) continue;
    const verb = ['spend', 'serve'].includes(tree.lemma(h)) && tree.token(h).xpos === 'VBD' && rel === 'obj' && !tree.kids(h, 'aux').length;
    const begun = ['beginning', 'start'].includes(tree.lemma(h)) && unit && tree.kids(d, 'case').some((c) => tree.lemma(c) === 'of');
    if (!verb && !begun) continue;
    // "spent two years imprisoned": the custody's own participle said of the amount (or of "spent") tells where it was spent
    const heldAs = (tree.head(i) === d || tree.head(i) === h) && tree.token(i).xpos === 'VBN' && /^(acl|ccomp|xcomp|advcl)$/.test(tree.token(i).deprel ?? '');
    if (SERVED.has(tree.lemma(d)) ? tree.lemma(h) !== 'serve' : !heldIn(tree, h, d) && !heldAs) continue;
    // the amount alone: the place ("in detention") is often the custody's own trigger
    return { first: Math.min(d, ...tree.kids(d, 'nummod', 'amod', 'compound').map((k) => tree.phrase(k).first)), last: d };
  }
  return undefined;
}

const still = (tree: Tree, i: number): boolean => tree.kids(i, 'aux', 'aux:pass').some((a) => STILL.has(tree.token(a).text.toLowerCase()) || STILL.has(tree.lemma(a)));

/** Verbs by which a court or an official sets a custody's term ahead: "ordered him detained for 15 days". */
const ORDERING = new Set(['order', 'extend', 'rule', 'decide']);

/**
 * A custody term set ahead, not served: a remand ("remanded in custody for 30 days"), one ordered
 * ("ordered X detained for 15 days", "ordered that X be held for a month", which the parser may
 * join to "ordered" as a conjunct), or an extension ("held for a further month"). Its end is still to come.
 */
function termAhead(tree: Tree, i: number, span: { last: number }): boolean {
  if (tree.lemma(i) === 'remand') return true;
  if (tree.kids(span.last, 'amod').some((k) => ['further', 'additional'].includes(tree.lemma(k)))) return true;
  const h = tree.head(i);
  return h >= 0 && ORDERING.has(tree.lemma(h)) && /^(ccomp|xcomp|conj)/.test(tree.token(i).deprel ?? '');
}

/** "detained … for three weeks" on the trigger in the simple past, or on a verb joined to it ("arrested and detained for ten weeks"). */
function pastSpan(tree: Tree, i: number): { first: number; last: number } | undefined {
  const past = (k: number): boolean => tree.token(k).upos === 'VERB' && ['VBD', 'VBN'].includes(tree.token(k).xpos ?? '');
  if (!past(i) || still(tree, i)) return undefined;
  for (const v of [i, ...tree.kids(i, 'conj').filter((c) => past(c) && !tree.kids(c, 'aux', 'aux:pass', 'nsubj', 'nsubj:pass').length)]) {
    const over = spanOver(tree, v);
    if (over) return termAhead(tree, v, over) ? undefined : over;
  }
  return undefined;
}

/** What ends a custody: the person freed, let go, leaving or escaping ("held for two days before police let her go", "held for four hours before being allowed to leave"). */
const FREEING = new Set(['release', 'free', 'let', 'discharge', 'acquit', 'bail', 'escape', 'flee', 'walk', 'leave']);
/** Steps that carry a custody on ("detained for ten days and then charged", "... and transferred to a prison"). */
const CARRIED_ON = new Set(['charge', 'indict', 'transfer', 'move', 'sentence', 'convict', 'try', 'refer', 'remand', 'jail', 'imprison', 'send', 'hand', 'bring', 'present', 'prosecute']);
const BOUNDING = new Set(['before', 'until', 'till', 'pending']);

/** Whether the words of a clause, up to its comma or "and", tell a release (read on the words: the parser often splits "let her go"). */
function freeingWithin(tree: Tree, from: number, to: number): boolean {
  for (let k = from; k < to && tree.token(k).text !== ',' && tree.token(k).deprel !== 'cc'; k++) if (FREEING.has(tree.lemma(k))) return true;
  return false;
}

/**
 * Whether the span is told as running up to some other step than a release: "held for nine days
 * before he appeared before prosecutors", "two years in pretrial detention before his trial",
 * "held for 20 days until she was charged", "detained for ten days and then transferred to a prison".
 * The span measured the time to that step, which the person met still held: nothing says they went
 * free. Not "held for two days before police let her go" (the step is the release).
 */
function boundedByStep(tree: Tree, span: { last: number }): boolean {
  const { to } = tree.sentenceRange(span.last);
  const verb = tree.head(span.last);
  // past an "and", a "before" is another clause's own time ("…, and she fled before the trial")
  let joined = false;
  for (let k = span.last + 1; k < to; k++) {
    const t = tree.token(k);
    if ([';', ':'].includes(t.text)) break;
    if (t.deprel === 'cc') joined = true;
    if (t.deprel === 'conj' && t.upos === 'VERB' && CARRIED_ON.has(tree.lemma(k)) && tree.head(k) === verb) return true;
    // "pending trial" is often read as an adjective of the noun after it
    const bounding = BOUNDING.has(t.text.toLowerCase()) && (['mark', 'case'].includes(t.deprel ?? '') || t.text.toLowerCase() === 'pending');
    if (!joined && bounding) return !freeingWithin(tree, k + 1, to);
  }
  return false;
}

/** Words that say a custody goes on, and what it goes on in: "remains in custody", "is still detained", "languishes in jail". */
const GOING_ON = new Set(['remain', 'still', 'languish']);
const HELD_WORDS = new Set(['custody', 'detention', 'prison', 'jail', 'detain', 'hold', 'behind', 'imprison', 'incarcerate', 'cell']);

/**
 * Whether the sentence goes on to tell the person still held after the span: "was detained for
 * three days; he remains in custody", "held for two months and is still detained", "held for 15
 * days and is now awaiting trial". Not "held for three days and remains under a travel ban".
 */
function heldStill(tree: Tree, span: { last: number }): boolean {
  const { to } = tree.sentenceRange(span.last);
  for (let k = span.last + 1; k < to; k++) {
    const lemma = tree.lemma(k).toLowerCase();
    if (lemma === 'await' && tree.token(k).upos === 'VERB') return true;
    if (!GOING_ON.has(lemma)) continue;
    for (let j = k + 1; j < Math.min(to, k + 5); j++) if (HELD_WORDS.has(tree.lemma(j).toLowerCase())) return true;
  }
  return false;
}

/** A span measured to a later step, or after which the person is told still held, is not one that is over. */
const unbounded = (tree: Tree, over: { first: number; last: number } | undefined): { first: number; last: number } | undefined => (over && !boundedByStep(tree, over) && !heldStill(tree, over) ? over : undefined);

/** The words that tell the custody whose trigger is token `i` over: a span on its verb, or a stay told in its clause. */
const overAt = (tree: Tree, i: number): { first: number; last: number } | undefined => unbounded(tree, pastSpan(tree, i) ?? stayOver(tree, i));

/** Whether the event is a custody told as over ("detained him for five days"): a later arrest is another one. */
export function custodyOver(tree: Tree, v: VigilEvent): boolean {
  if (!CUSTODY.has(v.type)) return false;
  const i = tokenAt(tree.doc, v.trigger.start);
  return i >= 0 && overAt(tree, i) !== undefined;
}

/** Days in a unit of a TIMEX3 duration; months and years are counted on the calendar. */
const DAYS_IN: Record<string, number> = { D: 1, W: 7 };

/**
 * When a custody that began at `from` and lasted `duration` (a TIMEX3 value: "P2M", "P3W", "PT8H")
 * ended, at the precision of `from`: held from July 2020 for two months is freed in September
 * 2020, from 3 May for three weeks on 24 May. What the precision cannot tell stays at the start
 * (three weeks from "2019" is still "2019"); hours, or a duration not in one unit, change nothing.
 */
export function endOfSpan(from: EventDate, duration: string): EventDate {
  const m = /^P(\d+)([YMWD])$/.exec(duration);
  if (!m) return from;
  const n = Number(m[1]);
  const unit = m[2]!;
  const months = unit === 'Y' ? 12 * n : unit === 'M' ? n : 0;
  const days = DAYS_IN[unit] !== undefined ? n * DAYS_IN[unit]! : 0;
  const v = from.value;
  if (from.precision === 'day' && /^\d{4}-\d{2}-\d{2}/.test(v)) {
    const start = parseDay(v.slice(0, 10));
    const moved = addMonths(start.y, start.m, months);
    return { ...from, value: formatDay(addDays({ ...moved, d: start.d }, days)) };
  }
  if (from.precision === 'month' && /^\d{4}-\d{2}$/.test(v)) {
    const { y, m: month } = addMonths(Number(v.slice(0, 4)), Number(v.slice(5, 7)), months + Math.floor(days / 30));
    return { ...from, value: formatMonth(y, month) };
  }
  if (from.precision === 'year' && /^\d{4}$/.test(v)) return { ...from, value: formatYear(Number(v) + Math.floor(months / 12)) };
  return from;
}

/** Ways of being held whose end is not a release: "incommunicado", "in solitary confinement", "in isolation". */
const MANNERS = new Set(['incommunicado', 'solitary', 'isolation']);

/** Whether a word of such a manner stands between the custody's trigger and its span. */
function mannerOfCustody(tree: Tree, trigger: number, span: number): boolean {
  for (let k = Math.min(trigger, span); k < Math.max(trigger, span); k++) if (MANNERS.has(tree.token(k).text.toLowerCase())) return true;
  return false;
}

/** Whether a sentence opens with a dateline ("DRELL, Dec 12 (Wire) —"), whose date a custody in it may only have borrowed. */
function datelined(doc: Tree['doc'], sentence: number): boolean {
  return datelineDash(doc.sentenceTokens(sentence).map((t) => t.text)) >= 0;
}

/**
 * How a date stands to the report's publication, compared at the date's precision: negative before,
 * positive after, 0 the same; undefined when there is no publication date to compare with.
 */
function againstPublication(date: EventDate, published: string | undefined): number | undefined {
  const cap = published?.slice(0, date.value.length);
  if (!cap || cap.length !== date.value.length) return undefined;
  return date.value < cap ? -1 : date.value > cap ? 1 : 0;
}

/** Whether a date falls strictly before the report's publication. */
const before = (date: EventDate, published: string | undefined): boolean => (againstPublication(date, published) ?? 0) < 0;

/** Whether a span's end falls after the report's publication. */
const runsPast = (end: EventDate, published: string | undefined): boolean => (againstPublication(end, published) ?? 0) > 0;

/** A release the report tells as over came by its publication at the latest. */
function notAfter(date: EventDate, published: string | undefined): EventDate {
  return runsPast(date, published) ? { ...date, value: published!.slice(0, date.value.length) } : date;
}

/** The duration the words of a span tell ("two months" → "P2M"), when the dates found one there. */
function durationAt(tree: Tree, start: number, end: number): string | undefined {
  return tree.doc.timexes.find((x) => x.type === 'DURATION' && x.start < end && x.end > start)?.value;
}

/**
 * Custody told with a span of time that is over: "police detained the journalist for three weeks",
 * "she was held for eight hours". A detention or abduction in the simple past that lasted a
 * stated while has ended: the person was let go, and the report says so by the span. The release
 * is added as an event of its own, its trigger the words of the span and its date the custody's
 * moved on by the span (a status reads it after the custody, and after a bail refused in its first
 * days), unless the sentence already tells one. A stay told
 * at a later mention of the same custody counts too ("was arrested in July … spent two months in
 * detention"). Not "has been held for three weeks" (still held), "had been held for a month before
 * his trial" (background), "is being held", "will be held", nor a span without a number ("held for
 * questioning").
 */
/** Whether a sentence other than the event's names a calendar date the event's own date does not fall in (or the event has none). */
function otherwiseDated(doc: Tree['doc'], sentence: number, v: VigilEvent): boolean {
  if (sentence === v.sentence) return false;
  const { start, end } = doc.sentences[sentence]!;
  const dates = doc.timexes.filter((x) => x.type === 'DATE' && x.start >= start && x.end <= end && /^\d{4}/.test(x.value));
  if (!dates.length) return false;
  const own = v.date?.value;
  return !own || dates.every((x) => !(x.value.startsWith(own) || own.startsWith(x.value)));
}

/** The modalities of what happened: told as fact, or as someone's report of it. */
/** Where, or in what, a custody goes on: "transferred to the central prison", "freed from detention". */
export const CUSTODY_PLACES: ReadonlySet<string> = new Set(['prison', 'jail', 'gaol', 'penitentiary', 'colony', 'centre', 'center', 'cell', 'cells', 'station', 'facility', 'camp', 'headquarters', 'custody', 'detention', 'captivity', 'confinement']);
/** Verbs of a custody going on somewhere else: "he was transferred to the central prison", "moved to", "remanded to". */
const MOVED_ON = new Set(['transfer', 'move', 'remand', 'send', 'shift']);

/**
 * "held for more than three months in the ministry's detention centre. In August he was
 * transferred to the central prison": the sentence after the span opens (past a date) on the person
 * moved to another custody, so the span ran out in custody, not in a release.
 */
function movedOnNext(tree: Tree, sentence: number): boolean {
  const next = tree.doc.sentences[sentence + 1];
  if (!next) return false;
  for (let k = next.tokenStart; k < Math.min(next.tokenEnd, next.tokenStart + 10); k++) {
    if (tree.token(k).upos !== 'VERB') continue;
    if (!MOVED_ON.has(tree.lemma(k)) || tree.kids(k, 'aux:pass').length === 0) return false;
    // moved to a place of custody ("to Karun central prison"), not "moved to tears" or "moved by the letters"
    // (read on the words: the parser may split "to Karun | central prison")
    let to = false;
    let toCustody = false;
    for (let j = k + 1; j < Math.min(next.tokenEnd, k + 9) && !toCustody && !/^[,;.]$/.test(tree.token(j).text); j++) {
      if (tree.token(j).text.toLowerCase() === 'to') to = true;
      else if (to && CUSTODY_PLACES.has(tree.lemma(j).toLowerCase())) toCustody = true;
    }
    return toCustody && tree.kids(k, 'nsubj:pass').some((s) => tree.token(s).xpos === 'PRP' || tree.token(s).upos === 'PROPN');
  }
  return false;
}

export const HAPPENED: ReadonlySet<Modality> = new Set<Modality>(['asserted', 'reported']);
/** An event date's month ("2024-03"), when it has one. */
const monthOf = (d: EventDate | null | undefined): string | undefined => (d && d.value.length >= 7 ? d.value.slice(0, 7) : undefined);

export function endedCustody(tree: Tree, events: VigilEvent[]): VigilEvent[] {
  const doc = tree.doc;
  const added: VigilEvent[] = [];
  for (const v of events) {
    if (!CUSTODY.has(v.type) || !v.target?.entity || (v.modality !== 'asserted' && v.modality !== 'reported')) continue;
    const i = tokenAt(doc, v.trigger.start);
    let over = overAt(tree, i);
    let sentence = v.sentence;
    // a stay told at a later mention of the same custody: "was arrested in July … spent two months in
    // detention". Not a later custody verb with a span in another sentence: the merge may have joined
    // another detention to this one ("arrested in May. … after which he was detained for two years",
    // years before); in the trigger's own sentence it is this one ("the arrest of X, who was jailed
    // for two days")
    for (const m of over ? [] : (v.mentions ?? [])) {
      const k = tokenAt(doc, m.start);
      if (k < 0) continue;
      over = unbounded(tree, stayOver(tree, k) ?? (doc.sentenceAt(m.start) === v.sentence ? pastSpan(tree, k) : undefined));
      // "is being held at the police headquarters … in 2019 he spent eight months in prison": a
      // stay dated otherwise than the custody is another episode the merge joined to it
      if (over && otherwiseDated(doc, doc.sentenceAt(m.start), v)) over = undefined;
      if (over) {
        sentence = doc.sentenceAt(m.start);
        break;
      }
    }
    if (!over) continue;
    // "held incommunicado for three months": the span ends the manner of custody, not the custody
    if (mannerOfCustody(tree, i, over.first)) continue;
    const told = [...events, ...added].some((u) => u.type === 'RELEASE' && (u.sentence === v.sentence || u.sentence === sentence) && u.target?.entity === v.target!.entity);
    if (told) continue;
    // "held her for nine hours … then put her on a flight to Nairobi": the custody ended in a
    // removal from the country, told in its sentence or the next, not in a release
    // (of that custody: not dated in another month, no arrest of the person told between)
    const sameTime = (u: VigilEvent) => !monthOf(u.date) || !monthOf(v.date) || monthOf(u.date) === monthOf(v.date);
    const arrestBetween = (u: VigilEvent) => events.some((w) => w !== v && w.type === 'ARREST' && w.target?.entity === v.target!.entity && w.trigger.start > v.trigger.start && w.trigger.start < u.trigger.start);
    const start = doc.tokens[over.first]!.start;
    const end = doc.tokens[over.last]!.end;
    // freed when the span ran out: after whatever else the reports tell of the custody's first days
    const duration = durationAt(tree, start, end);
    const ends = v.date && duration ? endOfSpan(v.date, duration) : undefined;
    // …or told anywhere in the report on the very day the span ran out ("deported on 9 May" in the
    // headline, "held for eight days from 1 May" further down): the removal ended it
    const onTheDay = (u: VigilEvent) => ends !== undefined && ends.precision === 'day' && u.date?.value === ends.value;
    const removed = events.some((u) => (u.type === 'DEPORTATION' || u.type === 'EXTRADITION') && HAPPENED.has(u.modality) && u.target?.entity === v.target!.entity && ((u.sentence >= sentence && u.sentence <= sentence + 1 && u.trigger.start > v.trigger.start && sameTime(u) && !arrestBetween(u)) || onTheDay(u)));
    if (removed || movedOnNext(tree, sentence)) continue;
    // "jailed on Thursday for 15 days", told the next day: the span runs on past the report, nobody is
    // freed yet. Not for custody dated the day of publication in a sentence with a dateline: that date
    // is as often the dateline's, lent to a custody the report tells as over ("detained for four weeks … has been released")
    if (ends && ends.value !== v.date!.value && runsPast(ends, doc.meta.published) && !runsPast(v.date!, doc.meta.published) && (before(v.date!, doc.meta.published) || !datelined(doc, v.sentence))) continue;
    const date = ends ? notAfter(ends, doc.meta.published) : v.date;
    added.push({ ...v, id: '', type: 'RELEASE', sentence, trigger: doc.span(start, end), agent: null, principal: null, place: null, origin: null, destination: null, date, heldAt: null, whereaboutsUnknown: null, mentions: undefined, confidence: 0.5 } as VigilEvent);
  }
  return added.length ? [...events, ...added].sort((a, b) => a.trigger.start - b.trigger.start) : events;
}
