import type { EventType } from '../../text/types.js';
import type { Lexicon, TriggerEntry } from './lexicon.js';
import { FUTURE_AUX } from '../dates/index.js';
import { NEGATORS } from '../syntax/tree.js';
import { REFUSING_VERBS } from './governors.js';
import type { Tree } from '../syntax/tree.js';
import { irregularBase } from '../syntax/lemmatizer.js';
import { countryByDemonym, countryByName } from '../places/countries.js';
import { reprisalFor } from './reprisal.js';

/**
 * Trigger candidates: a lemma of the right part of speech in the lexicon, with its phrase partner
 * when the entry has one ("handed over", "sought asylum", "taken into custody", "whereabouts are
 * not known"). A partner word is consumed, so "custody" in "taken into custody" does not fire
 * again as a noun. A movement event under a request becomes a request: "asked Thailand to
 * extradite the activist" is an EXTRADITION_REQUEST, as is "an extradition request".
 */

export interface Trigger {
  token: number;
  /** The partner word of a phrase trigger, if any. */
  partner?: number;
  entry: TriggerEntry;
  type: EventType;
  pos: 'verb' | 'adj' | 'noun';
  /** The request word that made this a request ("asked", "request"). */
  request?: number;
}


/**
 * The country the verb `i` goes to or leaves, as its "to" or "into" phrase or its object: "fled to
 * Lithuania", "crossed into Colombia", "fled Belarus" (not "left for Latvia": a journey, whatever it is for).
 */
function countryOf(tree: Tree, i: number): number | undefined {
  const country = (c: number): boolean => {
    const entity = tree.entityOf[c];
    return entity?.type === 'LOC' && countryByName(entity.name) !== undefined;
  };
  // "left the country", "fled the country": the country the report is about
  const theCountry = (c: number): boolean => tree.token(c).deprel === 'obj' && tree.lemma(c) === 'country' && tree.kids(c, 'det').some((d) => tree.lemma(d) === 'the') && !tree.kids(c, 'nmod:poss', 'amod', 'compound').length;
  const toward = (c: number): boolean => ['to', 'into'].includes(tree.caseOf(c) ?? '');
  const parsed = tree.kids(i, 'obl', 'obj').find((c) => ((tree.token(c).deprel === 'obj' || toward(c)) && country(c)) || theCountry(c));
  if (parsed !== undefined) return parsed;
  // "crossed the border into Colombia", "fled across the border into Colombia": the country the border's own phrase goes into
  const border = tree.kids(i, 'obj', 'obl').find((c) => tree.lemma(c) === 'border');
  const beyond = border === undefined ? undefined : tree.kids(border, 'nmod').find((c) => ['into', 'to'].includes(tree.caseOf(c) ?? '') && country(c));
  if (beyond !== undefined) return beyond;
  // "fled to neighbouring Georgia", with "to" read as an infinitive's: from the words, past up to two lower-case ones
  const { to } = tree.sentenceRange(i);
  if (i + 1 >= to || tree.token(i + 1).text.toLowerCase() !== 'to') return undefined;
  for (let k = i + 2; k < Math.min(to, i + 5); k++) {
    if (country(k)) return k;
    if (!/^\p{Ll}/u.test(tree.token(k).text)) return undefined;
  }
  return undefined;
}

/**
 * The country the verb `i` crosses into: its "into" phrase, or its border's ("crossed the border
 * into Colombia"). Never its object: "crossed the country on foot" is a journey within it.
 */
function intoCountryOf(tree: Tree, i: number): number | undefined {
  const country = (c: number): boolean => {
    const entity = tree.entityOf[c];
    return entity?.type === 'LOC' && countryByName(entity.name) !== undefined;
  };
  const into = (c: number): boolean => tree.caseOf(c) === 'into' && country(c);
  const direct = tree.kids(i, 'obl').find(into);
  if (direct !== undefined) return direct;
  const border = tree.kids(i, 'obj', 'obl').find((c) => tree.lemma(c) === 'border');
  return border === undefined ? undefined : tree.kids(border, 'nmod', 'obl').find(into);
}

/** Verbs of a reporter's work: a crossing to do it is a reporting trip, no exile. */
const REPORTING_PURPOSES = new Set(['cover', 'report', 'film', 'document', 'interview', 'photograph']);

/**
 * Whether the crossing `i` (into the country `into`) is a reporting trip: a purpose clause of
 * reporting ("to cover the fighting", "to report on the ceasefire") or "on assignment", hung on
 * the verb, its border or the country.
 */
function reportingTrip(tree: Tree, i: number, into: number): boolean {
  const holders = [i, into, ...tree.kids(i, 'obj', 'obl').filter((c) => tree.lemma(c) === 'border')];
  const purpose = holders.some((h) => tree.kids(h, 'advcl', 'xcomp', 'acl').some((c) => REPORTING_PURPOSES.has(tree.lemma(c)) && tree.kids(c, 'mark').some((m) => tree.lemma(m) === 'to')));
  const assignment = holders.some((h) => tree.kids(h, 'obl', 'nmod').some((c) => tree.lemma(c) === 'assignment' && tree.caseOf(c) === 'on'));
  if (purpose || assignment) return true;
  // the parse may hang the purpose elsewhere ("crossed into Syria to film …" read as the subject's
  // "to film"): from the words after the country, to the end of the clause
  const { to } = tree.sentenceRange(i);
  for (let k = into + 1; k + 1 < to; k++) {
    const word = tree.token(k).text.toLowerCase();
    if (word === ';' || word === 'but' || word === 'where') return false;
    if (word === 'to' && REPORTING_PURPOSES.has(tree.lemma(k + 1))) return true;
    if (word === 'on' && tree.lemma(k + 1) === 'assignment') return true;
  }
  return false;
}

/**
 * Whether the object of the verb `j` is one of `nouns`, or a compound of one ("to avoid a jail
 * term"); where the parse gives it none, a word of `nouns` among the next four.
 */
function escapedIs(tree: Tree, j: number, nouns: readonly string[]): boolean {
  const wanted = new Set(nouns);
  const hit = (k: number): boolean => wanted.has(tree.lemma(k).toLowerCase()) || wanted.has(tree.token(k).text.toLowerCase());
  const objects = tree.kids(j, 'obj');
  if (objects.length) return objects.some((o) => hit(o) || tree.kids(o, 'compound', 'amod', 'conj').some(hit));
  const { to } = tree.sentenceRange(j);
  for (let k = j + 1; k < Math.min(to, j + 5); k++) if (hit(k)) return true;
  return false;
}

/** Whose vehicle makes being forced into it an arrest: "a police van", "a military truck". */
const STATE_VEHICLES = new Set(['police', 'military', 'army', 'security', 'prison']);

/** The trigger's phrase whose noun is one of `nouns` after one of `cases`: "taken from her home", "forced into a car". */
function phraseOf(tree: Tree, i: number, nouns: readonly string[], cases: readonly string[]): number | undefined {
  return tree.kids(i, 'obl', 'nmod').find((c) => nouns.includes(tree.lemma(c)) && cases.includes(tree.caseOf(c) ?? ''));
}

/**
 * Whether token `j` is the first part of a hyphenated word other than the trigger `i`'s: "hostage"
 * in "the death of the hostage-taker" is no hostage ("red" in "red-tagging" is the trigger's own).
 */
function hyphenatedStart(tree: Tree, j: number, i: number): boolean {
  const next = tree.doc.tokens[j + 1];
  return next !== undefined && next.text === '-' && next.start === tree.token(j).end && j + 2 !== i;
}

/**
 * Whether a departure ("left the country", "fled Belarus") is told as done and as more than an
 * errand: not kept from happening ("barred from leaving", "not allowed to leave", "tried to flee"),
 * not ordered ("ordered to leave the country" is an expulsion), not for an errand ("for a
 * conference", "to attend a hearing") and not undone in the same clause ("and returned on Friday").
 */
function departedForGood(tree: Tree, i: number): boolean {
  const h = tree.head(i);
  if (/^(xcomp|advcl|ccomp)/.test(tree.token(i).deprel ?? '') && h >= 0) {
    if (KEPT_FROM_LEAVING.has(tree.lemma(h))) return false;
    if (LETTING_LEAVE.has(tree.lemma(h)) && negatedNear(tree, h)) return false;
  }
  // "to attend a hearing": a purpose (a verb's: "fled to neighbouring Georgia" may be parsed so too); "for a conference": an errand
  if (tree.kids(i, 'advcl', 'xcomp').some((c) => tree.token(c).xpos === 'VB' && tree.kids(c, 'mark').some((m) => tree.lemma(m) === 'to'))) return false;
  if (tree.kids(i, 'obl').some((c) => tree.caseOf(c) === 'for' && ERRANDS.has(tree.lemma(c)))) return false;
  // "left … and returned", "and moved back"
  return !tree.kids(i, 'conj').some((c) => tree.lemma(c) === 'return' || (tree.lemma(c) === 'move' && tree.kids(c, 'advmod', 'compound:prt').some((b) => tree.lemma(b) === 'back')));
}

/** Verbs of leaving a country. */
const DEPARTURES = new Set(['leave', 'flee', 'escape']);

/** Verbs whose complement departure did not happen: it was prevented or only tried, or it was ordered (an expulsion, not an exile). */
const KEPT_FROM_LEAVING = new Set(['unable', 'bar', 'ban', 'prevent', 'stop', 'forbid', 'block', 'try', 'attempt', 'order', 'tell', 'ask', 'urge']);
/** Verbs that let a departure happen: it did not when they are denied ("was not allowed to leave"). */
const LETTING_LEAVE = new Set(['allow', 'permit', 'let']);
/** Nouns of an errand abroad that "left the country for …" names, which no exile is. */
const ERRANDS = new Set(['conference', 'meeting', 'hearing', 'summit', 'work', 'study', 'studies', 'treatment', 'talks', 'forum', 'event', 'festival', 'training', 'course', 'assignment']);

function partnerOf(tree: Tree, i: number, words: readonly string[]): number | undefined {
  const wanted = new Set(words);
  // the preposition of a date is no partner: "granted him bail on Tuesday" is no "bail on"
  // ("not been seen since May" keeps its "since": a word of time in the phrase itself)
  const dated = (j: number): boolean => tree.token(j).deprel === 'case' && tree.lemma(j) !== 'since' && tree.head(j) >= 0 && tree.inTimex(tree.head(j));
  // nor a unit of time that tells when, or another verb's span: "jailed two days ago", "jailed weeks
  // before the vote", "jailed two days after the protest", "jailed … and spent 20 days in jail" are
  // no terms ("jailed for five years", "a ten-year sentence" are)
  const inDate = (j: number): boolean => {
    if (!SPANS.has(tree.lemma(j))) return false;
    const w = tree.token(j);
    if (tree.doc.timexes.some((t) => t.type === 'DATE' && t.start <= w.start && w.end <= t.end)) return true;
    if (/^(?:before|after|ago|later|earlier)$/i.test(tree.doc.tokens[j + 1]?.text ?? '')) return true;
    const h = tree.head(j);
    return h >= 0 && h !== i && tree.token(h).upos === 'VERB';
  };
  const hit = (j: number): boolean => (wanted.has(tree.lemma(j)) || wanted.has(tree.token(j).text.toLowerCase())) && !hyphenatedStart(tree, j, i) && !dated(j) && !inDate(j);
  for (const c of tree.children[i]!) if (hit(c)) return c;
  for (const c of tree.children[i]!) for (const g of tree.children[c]!) if (hit(g)) return g;
  const h = tree.head(i);
  if (h >= 0 && hit(h)) return h;
  // the subject of the verb the word completes: "the whereabouts of X remain unknown"
  if (h >= 0 && tree.token(i).deprel === 'xcomp') for (const c of tree.kids(h, 'nsubj', 'nsubj:pass')) if (hit(c)) return c;
  const { from, to } = tree.sentenceRange(i);
  // read before the trigger only within its own clause: "released from prison and taken to a
  // station" is no "taken to prison" (the "and" begins the trigger's clause)
  let back = true;
  for (let d = 1; d <= 3; d++) {
    if (i + d < to && hit(i + d)) return i + d;
    if (i - d < from) continue;
    if (tree.token(i - d).deprel === 'cc' && tree.head(i - d) === i) back = false;
    if (back && hit(i - d)) return i - d;
  }
  return undefined;
}

/** Verb forms that end a noun's phrase before its own verb: a finite verb of another clause. */
const FINITE = new Set(['VBD', 'VBZ', 'VBP']);

/**
 * "The body of union leader A, bearing marks of torture, was found": the passive verb among
 * `words` that the noun's phrase is the subject of, read from the words (the parser often hangs
 * the phrase elsewhere): a "was"/"were"/"been" after the noun in its sentence right before one of
 * the words, with no other finite verb, relative word or semicolon between, and no infinitive
 * after it ("was found to have broken the law" is a finding, not a body found).
 */
function passiveAfter(tree: Tree, i: number, words: readonly string[]): number | undefined {
  const { to } = tree.sentenceRange(i);
  for (let j = i + 1; j + 1 < to && j - i <= 20; j++) {
    const t = tree.token(j);
    // past an apposition set off by commas, however long: "The body of X, a 29-year-old who had
    // helped run the sit-in, was found"
    if (t.text === ',') {
      for (let k = j + 1; k + 2 < to && k - j <= 40 && tree.token(k).text !== ';'; k++) {
        if (tree.token(k).text !== ',') continue;
        if (/^(?:was|were)$/i.test(tree.token(k + 1).text) && words.includes(tree.lemma(k + 2))) return k + 2;
        break;
      }
    }
    if (/^(?:was|were|been)$/i.test(t.text) && words.includes(tree.lemma(j + 1))) return tree.token(j + 2)?.text.toLowerCase() === 'to' ? undefined : j + 1;
    if ((t.upos === 'VERB' && FINITE.has(t.xpos ?? '')) || /^W/.test(t.xpos ?? '') || t.text === ';') return undefined;
  }
  return undefined;
}

/** A word among `words` that depends on `i`, or "to" or "with" one that depends on its object: "stabbed to death", "beat him to death", "hit the reporter with batons". */
function dependentOf(tree: Tree, i: number, words: readonly string[]): number | undefined {
  const wanted = new Set(words);
  // "beaten nearly to death", "almost to death": a harm short of what the word names
  const short = (j: number): boolean => j > 1 && ['to', 'with', 'by'].includes(tree.token(j - 1).text.toLowerCase()) && SHORT_OF.has(tree.token(j - 2).text.toLowerCase());
  const hit = (j: number): boolean => (wanted.has(tree.lemma(j)) || wanted.has(tree.token(j).text.toLowerCase())) && !short(j);
  for (const c of tree.children[i]!) if (hit(c)) return c;
  // "beat the farmer to death", "hit the reporter with batons", "struck in the face by a canister": the parser may hang the phrase on the object
  for (const c of tree.children[i]!) for (const g of tree.children[c]!) if (hit(g) && ['to', 'with', 'by'].includes(tree.caseOf(g) ?? '')) return g;
  return undefined;
}

/** Words that stop a harm short of its phrase: "beaten nearly to death". */
const SHORT_OF = new Set(['nearly', 'almost', 'half', 'practically', 'virtually']);

/** Nouns of a point in time: "fired at the beginning of May" is no shooting. */
const WHEN_NOUNS = new Set(['beginning', 'end', 'start', 'time', 'age', 'moment', 'height', 'close', 'turn']);

/**
 * A word among `words` that depends on `i`, its object or its oblique, follows it, or is the noun
 * it modifies: "fired at the crowd", "fired upon", "the rifle he fired", "held them accountable",
 * "died in a refugee camp"; not a preposition of time ("fired at the end of May").
 */
function excluded(tree: Tree, i: number, words: readonly string[]): boolean {
  const wanted = new Set(words);
  const hit = (j: number): boolean => wanted.has(tree.lemma(j)) || wanted.has(tree.token(j).text.toLowerCase());
  const when = (j: number): boolean => {
    const h = tree.token(j).deprel === 'case' ? tree.head(j) : -1;
    return h >= 0 && (tree.inTimex(h) || WHEN_NOUNS.has(tree.lemma(h)));
  };
  const { to } = tree.sentenceRange(i);
  const h = tree.head(i);
  if (h >= 0 && /^(acl|amod)/.test(tree.token(i).deprel ?? '') && hit(h)) return true;
  // or the word the trigger completes: "true to her convictions", "the courage of their convictions"
  if (h >= 0 && /^(obl|nmod)/.test(tree.token(i).deprel ?? '') && ['to', 'of'].includes(tree.caseOf(i) ?? '') && hit(h)) return true;
  // the parser may hang the word on the object: "held the officials accountable", "held children in
  // their arms"; or it says which place: "died in a refugee camp"
  // (their prepositions are their own: "fired from his job at the paper" is no "fired at")
  const near = [...tree.children[i]!, ...tree.kids(i, 'obj', 'obl').flatMap((o) => tree.children[o]!.filter((g) => tree.token(g).deprel !== 'case'))];
  // a month is no protest: "held since March" is no "held a march"
  // (a capitalised date word only: a "summer camp" is still a camp)
  const counts = (j: number): boolean => hit(j) && !when(j) && !(tree.inTimex(j) && /^\p{Lu}/u.test(tree.token(j).text));
  return near.some(counts) || (i + 1 < to && counts(i + 1));
}

/** A negation a phrase may carry: a negator, or "nothing" as what is heard or seen ("nothing has been heard of X since"). */
const negator = (tree: Tree, j: number): boolean => NEGATORS.has(tree.lemma(j)) || tree.lemma(j).toLowerCase() === 'nothing';

function negatedNear(tree: Tree, i: number): boolean {
  if (tree.children[i]!.some((c) => negator(tree, c))) return true;
  // a refusal denies its infinitive: "refused to disclose his whereabouts", "declined to reveal"
  const h = tree.head(i);
  const infinitive = /^(xcomp|advcl)/.test(tree.token(i).deprel ?? '') && tree.kids(i, 'mark').some((m) => tree.lemma(m) === 'to');
  if (h >= 0 && infinitive && REFUSING_VERBS.has(tree.lemma(h))) return true;
  const { from } = tree.sentenceRange(i);
  for (let j = Math.max(from, i - 3); j < i; j++) if (negator(tree, j)) return true;
  return false;
}

/**
 * The entry for a word, by its lemma and, where the lemmatiser missed, by its form with the
 * inflection taken off: "beaten" → beat, "defamed" → defame, "kidnapped" → kidnap.
 */
function lookup(table: Map<string, TriggerEntry>, lemma: string, form: string): TriggerEntry | undefined {
  const direct = table.get(lemma) ?? table.get(form);
  if (direct) return direct;
  for (const [suffix, add] of [['en', ''], ['ed', ''], ['ed', 'e'], ['d', ''], ['ing', ''], ['ing', 'e'], ['s', '']] as const) {
    if (!form.endsWith(suffix)) continue;
    let stem = form.slice(0, -suffix.length);
    const hit = table.get(stem + add);
    if (hit) return hit;
    if (/([bdgklmnprt])\1$/.test(stem)) stem = stem.slice(0, -1); // kidnapped → kidnap
    const undoubled = table.get(stem);
    if (undoubled) return undoubled;
  }
  return undefined;
}

/** The entry for a word by its lemma or form as it stands, with no inflection taken off. */
function lookupDirect(table: Map<string, TriggerEntry>, lemma: string, form: string): TriggerEntry | undefined {
  return table.get(lemma) ?? table.get(form);
}

/** What a number of years may be "of" and still be a prison term. */
const TERM_OF = new Set(['prison', 'jail', 'imprisonment', 'detention', 'incarceration', 'confinement']);

/**
 * "received ten years", "a suspended sentence", "a sentence of five years", "a two-year term": a
 * sentence's measure. Not "ten years of schooling", "years of abuse", "received the sentence with
 * dismay", "a term in office".
 */
function measuresSentence(tree: Tree, p: number): boolean {
  const lemma = tree.lemma(p).toLowerCase();
  const of = tree.kids(p, 'nmod').filter((k) => tree.caseOf(k) === 'of');
  if (lemma === 'year' || lemma === 'month') return tree.kids(p, 'nummod').length > 0 && of.every((k) => TERM_OF.has(tree.lemma(k).toLowerCase()));
  return tree.kids(p, 'amod', 'compound', 'nummod').length > 0 || of.some((k) => tree.kids(k, 'nummod').length > 0);
}

/** Words ending a custody building's proper name: "in Evin Prison", "in the Baku Pretrial Detention Centre". */
const FACILITY_NAME_ENDS = new Set(['prison', 'jail', 'centre', 'center', 'colony', 'penitentiary']);

function posOf(tree: Tree, i: number): 'verb' | 'adj' | 'noun' | undefined {
  const t = tree.token(i);
  if (t.upos === 'VERB') return 'verb';
  if (t.upos === 'ADJ') return t.xpos === 'VBN' ? 'verb' : 'adj';
  if (t.upos === 'NOUN') return 'noun';
  // the last word of a custody building's name is its noun (not "the Prison Service")
  // (nor a name the recogniser read as a person's: it would be the event's target too)
  if (t.upos === 'PROPN' && FACILITY_NAME_ENDS.has(t.text.toLowerCase()) && tree.doc.tokens[i + 1] !== undefined && tree.token(i + 1).upos !== 'PROPN' && tree.entityOf[i]?.type !== 'PERSON') return 'noun';
  return undefined;
}

/** Words that make a killing an attempt: "attempted murder", "an attempt to kill", "tried to kill". */
const ATTEMPT_LEMMAS = new Set(['attempt', 'attempted', 'try', 'failed']);

function attempted(tree: Tree, i: number): boolean {
  if (tree.children[i]!.some((c) => ATTEMPT_LEMMAS.has(tree.lemma(c)) || ATTEMPT_LEMMAS.has(tree.token(c).text.toLowerCase()))) return true;
  const h = tree.head(i);
  if (h >= 0 && ['xcomp', 'acl', 'nmod', 'compound'].some((r) => (tree.token(i).deprel ?? '').startsWith(r)) && ATTEMPT_LEMMAS.has(tree.lemma(h))) return true;
  // the tagger may leave "attempted" unattached, right before the noun (or its quote mark)
  for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
    const w = tree.token(j).text.toLowerCase();
    if (w === 'attempted' || w === 'attempt') return true;
    if (!/^[‘’'"“”]$/.test(w)) break;
  }
  return false;
}

/** The request that governs a movement trigger, if any. */
function requestOver(tree: Tree, t: Trigger, lexicon: Lexicon): number | undefined {
  if (t.pos === 'verb') {
    const h = tree.head(t.token);
    const rel = tree.token(t.token).deprel ?? '';
    if (h >= 0 && (rel === 'xcomp' || rel === 'ccomp') && lexicon.requestLemmas.has(tree.lemma(h))) return h;
    return undefined;
  }
  // "an extradition request", "a request for his extradition", "requested his extradition"
  const h = tree.head(t.token);
  if (h >= 0 && lexicon.requestNouns.has(tree.lemma(h))) return h;
  if (h >= 0 && tree.token(h).upos === 'VERB' && lexicon.requestLemmas.has(tree.lemma(h))) return h;
  for (const c of tree.children[t.token]!) if (lexicon.requestNouns.has(tree.lemma(c))) return c;
  return undefined;
}

/** "spent two years imprisoned", "spent three months detained": the span `p` is what the verb `spend` takes, with the trigger `i` said of it. */
function spentSpan(tree: Tree, i: number, p: number): boolean {
  const spend = (k: number): boolean => k >= 0 && tree.lemma(k) === 'spend';
  if (!SPANS.has(tree.lemma(p))) return false;
  return (spend(tree.head(p)) && tree.head(i) === p) || (tree.head(p) === i && spend(tree.head(i)));
}

/** Who carried out verb `i` is an agent of force, or is not named: "officers picked him up", "was picked up", "they picked him up". */
/** Who does the verb at `i`: its by-phrase in the passive, else its subject. */
function doerOf(tree: Tree, i: number): number | undefined {
  return tree.isPassive(i) ? tree.kids(i, 'obl:agent', 'obl').find((c) => tree.caseOf(c) === 'by') : tree.subjectOf(i);
}

function byForce(tree: Tree, lexicon: Lexicon, i: number): boolean {
  const doer = doerOf(tree, i);
  if (doer === undefined || tree.lemma(doer).toLowerCase() === 'they') return true;
  // the noun a misparsed subject hangs under counts too: "men in plain clothes picked up …"
  const nouns = [doer];
  for (let k = doer; (tree.token(k).deprel ?? '').startsWith('nmod') && nouns.length < 3; k = tree.head(k)) nouns.push(tree.head(k));
  return nouns.flatMap((n) => [n, ...tree.kids(n, 'compound', 'amod')]).some((k) => lexicon.agentNouns.has(tree.lemma(k).toLowerCase()));
}

/** Whether the subject or by-phrase of the verb at `i` names an agent of force ("police", "guards"), as `byForce` reads it, but never by default. */
function namedForce(tree: Tree, lexicon: Lexicon, i: number): boolean {
  const doer = doerOf(tree, i);
  return doer !== undefined && tree.lemma(doer) !== 'they' && byForce(tree, lexicon, i);
}

/** Custody verbs a removal onto a flight may be joined to: "detained, questioned and put back on a plane". */
const CUSTODY_BEFORE_FLIGHT = new Set(['detain', 'question', 'arrest', 'hold', 'interrogate', 'deport', 'expel', 'refuse', 'deny', 'stop', 'seize', 'handcuff']);

/** A removal told as forced without naming who: "put back on", "forcibly placed on", or joined to a custody verb. */
function sentBackByForce(tree: Tree, i: number): boolean {
  if (tree.kids(i, 'compound:prt', 'advmod').some((k) => ['back', 'forcibly'].includes(tree.lemma(k)))) return true;
  const h = tree.head(i);
  const joined = [...(tree.token(i).deprel === 'conj' && h >= 0 ? [h] : []), ...tree.kids(i, 'conj')];
  return joined.some((k) => CUSTODY_BEFORE_FLIGHT.has(tree.lemma(k)));
}

/** Units a span of time is counted in. */
const SPANS = new Set(['year', 'month', 'week', 'day', 'hour', 'decade', 'night']);

/** Past participles that end in neither -ed nor -en, which a tagger may call adjectives: "was finally set free". */
const IRREGULAR_PARTICIPLES = new Set(['set', 'held', 'kept', 'shot', 'put', 'caught', 'hit', 'cut', 'sent', 'brought', 'led', 'struck', 'hung', 'hanged']);

/** A harsher regime or a restraint within custody, which one may be "released from" while still held. */
const RESTRAINTS = new Set(['solitary', 'isolation', 'handcuff', 'handcuffs', 'cuffs', 'shackle', 'shackles', 'chains', 'restraints', 'blindfold', 'quarantine']);

/**
 * "was released from solitary confinement", "freed from his handcuffs": out of a restraint, not out
 * of custody. Only what one is released "from": "freed after a year in isolation", "freed from
 * custody in handcuffs" are releases.
 */
function releasedFromRestraint(tree: Tree, i: number): boolean {
  return tree.kids(i, 'obl').some((o) => tree.caseOf(o) === 'from' && [o, ...tree.kids(o, 'amod', 'compound')].some((k) => RESTRAINTS.has(tree.lemma(k).toLowerCase()) || RESTRAINTS.has(tree.token(k).text.toLowerCase())));
}

/** Parts of the day or week a routine comes back in: "every morning", "one hour a day". */
const ROUTINE_UNITS = new Set(['day', 'week', 'morning', 'evening', 'afternoon', 'night']);
/** Short whiles a routine lasts: "for one hour a day", "twenty minutes a week". */
const ROUTINE_WHILES = new Set(['hour', 'minute']);

/**
 * "let out of a cell for one hour a day", "released from the block every morning to work": a
 * routine inside custody, told with how often it comes back, and no freedom. Read on the words of
 * the trigger's clause: "each" or "every" before a part of the day or week, "daily", or a short
 * while "a day". Not "released a day later" (no while before "a day"), "freed every one of them",
 * nor "freed on bail and told to report every week" (another clause's routine).
 */
function routineRelease(tree: Tree, i: number): boolean {
  const { to } = tree.sentenceRange(i);
  const unit = (k: number): boolean => k < to && ROUTINE_UNITS.has(tree.lemma(k).toLowerCase());
  // (the trigger's own clause: "freed on bail on Monday and told to report every week" was freed for good)
  for (let k = i + 1; k < to && !/^[;:.,]$/.test(tree.token(k).text) && tree.token(k).upos !== 'CCONJ'; k++) {
    const w = tree.token(k).text.toLowerCase();
    if (w === 'daily' || ((w === 'every' || w === 'each') && unit(k + 1))) return true;
    if (ROUTINE_WHILES.has(tree.lemma(k).toLowerCase()) && ['a', 'an', 'per'].includes(tree.token(k + 1)?.text.toLowerCase() ?? '') && unit(k + 2)) return true;
  }
  return false;
}

/**
 * "jailed X, a tutor who handed out leaflets, for 20 months", "jailed in 2023 for three years":
 * the term after the trigger that the parse hung on another verb or word, read on the words. Its
 * "for", a number, a unit of time, with no verb between but inside an aside set off by commas (a
 * relative clause on the person), and no semicolon. Not "jailed after a strike that lasted for
 * three weeks" (a verb of its own before the span), "jailed for protesting", nor a span of days.
 */
const TERM_UNITS = new Set(['year', 'month']);
function termAfter(tree: Tree, i: number): number | undefined {
  const { to } = tree.sentenceRange(i);
  let aside = false;
  for (let k = i + 1; k + 2 < to; k++) {
    const t = tree.token(k);
    if (/^[;:.]$/.test(t.text)) return undefined;
    if (t.text === ',') aside = !aside;
    else if (!aside && (t.upos === 'VERB' || t.upos === 'AUX')) return undefined;
    if (aside || t.text.toLowerCase() !== 'for') continue;
    const n = tree.token(k + 1);
    // (months or years: a term; "jailed for two days after police came" is as often a custody that ended)
    if (n.upos !== 'NUM' || !TERM_UNITS.has(tree.lemma(k + 2).toLowerCase())) continue;
    return k + 2;
  }
  return undefined;
}

/**
 * Whom "handed over" hands someone to: another state's ("handed over to Velmoran police", "to the
 * authorities of Norland", "to Norland") is a deportation; the report's own police or security
 * ("handed over to Ramna police", "to the DSS") is custody, an arrest; anyone else (a family, a
 * lawyer, a hospital) neither.
 */
function handedTo(tree: Tree, lexicon: Lexicon, i: number): 'abroad' | 'custody' | undefined {
  // (the parser may hang "to Cambodia" on the person handed over: "handed over the blogger X to Cambodia")
  // a nationality the recogniser knows as one ("Velmoran police") or the gazetteer's ("Turkish authorities"), or a country
  const foreignWord = (k: number, head: number) => {
    const entity = tree.entityOf[k];
    return countryByDemonym(tree.token(k).text) !== undefined || (entity?.type === 'MISC' && /^\p{Lu}/u.test(tree.token(k).text) && k !== head) || (entity?.type === 'LOC' && countryByName(entity.name) !== undefined);
  };
  // one state hands someone over to another: "handed over by Jordan", "by another country"
  const by = [...tree.kids(i, 'obl', 'obl:agent').filter((c) => tree.caseOf(c) === 'by'), ...tree.kids(i, 'nsubj')];
  // (a state by its name, not a force by its nationality: "Kenyan police handed him over to the court" is custody)
  if (by.some((b) => tree.lemma(b) === 'country' || (tree.entityOf[b]?.type === 'LOC' && countryByName(tree.entityOf[b]!.name) !== undefined))) return 'abroad';
  const to = [i, ...tree.kids(i, 'obj')].flatMap((h) => tree.kids(h, 'obl', 'nmod')).find((c) => tree.caseOf(c) === 'to');
  if (to === undefined) return undefined;
  const phrase = [to, ...tree.kids(to, 'compound', 'amod', 'nmod', 'nmod:poss', 'flat')];
  if (phrase.some((k) => foreignWord(k, to))) return 'abroad';
  // the recipient and its own words (not a phrase hung on it: "to her parents by police"), a force that holds people
  const recipient = (k: number) => CUSTODIANS.has(tree.lemma(k).toLowerCase());
  // (or an agency by its initials, "to the FIA", "to the DSS"; not a humanitarian one's: "to UNHCR", "to the ICRC")
  const agency = tree.entityOf[to]?.type === 'ORG' && /^[A-Z]{2,6}$/.test(tree.token(to).text) && !HUMANITARIAN.test(tree.token(to).text);
  return agency || [to, ...tree.kids(to, 'compound', 'amod', 'flat')].some(recipient) ? 'custody' : undefined;
}

/** Whether the name at `n` closes a comma list of names: "Buhari, Tinubu". */
function listEnd(tree: Tree, n: number): boolean {
  let first = n;
  while (first > 0 && tree.token(first - 1).upos === 'PROPN' && tree.entityOf[first - 1] === tree.entityOf[n]) first--;
  return tree.token(first - 1)?.text === ',' && tree.token(first - 2)?.upos === 'PROPN';
}

/** Initials of bodies that receive people to care for them, not to hold them. */
const HUMANITARIAN = /^(?:UN|ICRC|IOM|IRC|MSF|NGO|WHO|WFP)/;
/** Forces that hold whoever is handed over to them ("to Ramna police", "to the army"; not "to UNHCR officials", "to a family member"). */
const CUSTODIANS = new Set(['police', 'policeman', 'policemen', 'officer', 'army', 'military', 'soldier', 'troops', 'security', 'intelligence', 'gendarmerie', 'gendarme', 'prosecutor', 'prosecution', 'prison', 'jail', 'detective', 'investigator', 'militia', 'service', 'services']);

/** The trigger `entry` makes of token `i`, when its conditions hold there. */
/** Words that set a time apart from the clause's own: "after his release from detention". */
const OTHER_TIME = new Set(['after', 'before', 'following', 'since', 'until', 'upon']);

/**
 * Whether the place word `p` is where the verb at `i` happened: not the head of a clause of its
 * own (a subject, a "while" or "when"), and not under a noun set at another time ("after his
 * release from detention").
 */
function ownPlace(tree: Tree, i: number, p: number): boolean {
  for (let k = p; k >= 0 && k !== i; k = tree.head(k)) {
    if (tree.kids(k, 'nsubj', 'nsubj:pass', 'mark').length > 0 || /^(advcl|acl|ccomp|parataxis|conj)/.test(tree.token(k).deprel ?? '')) return false;
    if (tree.kids(k, 'case').some((c) => OTHER_TIME.has(tree.lemma(c)))) return false;
  }
  return true;
}

/** What one wins "in": "beat X in straight sets", "in the final", "in the parliamentary elections". */
const CONTEST = new Set(['set', 'sets', 'match', 'final', 'finals', 'semifinal', 'semifinals', 'semi-final', 'quarterfinal', 'quarterfinals', 'quarter-final', 'tournament', 'championship', 'championships', 'round', 'race', 'game', 'games', 'cup', 'election', 'elections', 'poll', 'polls', 'vote', 'ballot', 'runoff', 'run-off', 'standings']);
/** Words that tell a beating even so: "beat the referee unconscious in the final". */
const HARM = new Set(['death', 'unconscious', 'injured', 'injuries', 'hospital', 'hospitalised', 'hospitalized', 'baton', 'batons', 'stick', 'sticks', 'brutally', 'severely', 'badly', 'savagely', 'bruised', 'bleeding', 'kicked', 'punched', 'up']);

/**
 * "beat" as winning, not harm: a score in its sentence ("6-3, 6-2"), a seeded player, or what is
 * won as the verb's (or its object's) own "in" phrase ("beat X in straight sets", "beat the
 * ruling party in the elections") — not a game or a vote told anywhere near a beating ("beat the
 * journalist ahead of the elections", "as he covered the league match"), and never with a word of harm.
 */
function inContest(tree: Tree, i: number): boolean {
  const { from, to } = tree.sentenceRange(i);
  for (let k = from; k < to; k++) if (HARM.has(tree.token(k).text.toLowerCase())) return false;
  for (let k = i + 1; k < to; k++) if (/^\d{1,2}-\d{1,2}$/.test(tree.token(k).text)) return true;
  for (let k = from; k < to; k++) if (/^(?:seeded|top-seeded)$/i.test(tree.token(k).text)) return true;
  const heads = [i, ...tree.kids(i, 'obj')];
  return heads.some((h) => tree.kids(h, 'obl', 'nmod').some((c) => tree.caseOf(c) === 'in' && CONTEST.has(tree.lemma(c).toLowerCase())));
}

function readEntry(tree: Tree, lexicon: Lexicon, i: number, entry: TriggerEntry, pos: Trigger['pos'], pass: Trigger['pos'], foundAt: ReadonlyMap<number, readonly Trigger[]>): Trigger | undefined {
  if (entry.without && excluded(tree, i, entry.without)) return undefined;
  if (entry.notInContest && inContest(tree, i)) return undefined;
  if (entry.type === 'RELEASE' && (releasedFromRestraint(tree, i) || routineRelease(tree, i))) return undefined;
  let partner: number | undefined;
  let type = entry.type;
  if (entry.particle && !tree.kids(i, 'compound:prt', 'advmod').some((k) => tree.lemma(k) === entry.particle)) return undefined;
  if (entry.modifiedBy && !tree.kids(i, 'compound', 'amod').some((k) => entry.modifiedBy!.includes(tree.lemma(k).toLowerCase()))) return undefined;
  if (entry.with) {
    partner = partnerOf(tree, i, entry.with) ?? (entry.withDependent ? dependentOf(tree, i, entry.withDependent) : undefined) ?? (entry.passiveLater ? passiveAfter(tree, i, entry.with) : undefined);
    // a custody verb that is a sentence with its term ("jail", "imprison"): the term may stand past an aside
    if (partner === undefined && entry.type === 'CONVICTION' && entry.otherwise && pos === 'verb') partner = termAfter(tree, i);
    if (entry.sentenceMeasure && partner !== undefined && !measuresSentence(tree, partner)) partner = undefined;
    // "ill-treated", not "treated the ill"
    if (entry.partnerBefore && partner !== undefined && partner > i) partner = undefined;
    // "died in prison", not "who spent years in prison, died of a stroke"
    if (entry.partnerAfter && partner !== undefined && partner < i) partner = undefined;
    // …and in the death's own clause: "passed away while he was in prison" (another's custody),
    // "passed away in hospital after his release from detention" (custody over) are no death in custody
    if (entry.partnerAfter && partner !== undefined && !ownPlace(tree, i, partner)) partner = undefined;
    // a move into custody is not one out of it: "the three were taken from La Modelo prison and put on a flight"
    if (entry.moved && partner !== undefined && ['from', 'out'].includes(tree.caseOf(partner) ?? '')) partner = undefined;
    if (partner === undefined && !entry.otherwise) return undefined;
    if (partner === undefined) type = entry.otherwise!;
    // "spent two years imprisoned": a span someone spent so is a stay in custody, not a sentence's length
    else if (entry.otherwise && spentSpan(tree, i, partner)) {
      partner = undefined;
      type = entry.otherwise;
    }
  }
  // "… over articles on Buhari, Tinubu regains freedom": the last name of a list the headline's
  // parse made the subject regains nothing; the one who does is named before the list
  if (type === 'RELEASE' && tree.lemma(i) === 'regain' && tree.kids(i, 'nsubj').some((n) => listEnd(tree, n))) return undefined;
  if (entry.partnerAfterFrom && partner !== undefined && tree.token(partner - 1)?.text.toLowerCase() !== 'from') return undefined;
  // "to escape the cold winters" is no escape from what awaited at home: the escaped thing must be one of the entry's
  if (entry.partnerObject && partner !== undefined && !escapedIs(tree, partner, entry.partnerObject)) return undefined;
  if (entry.byAgent) {
    // (the by-phrase may hang on the trigger's particle: "whisked away | by armed men")
    const holders = partner !== undefined && tree.head(partner) === i ? [i, partner] : [i];
    const by = holders.flatMap((h) => tree.kids(h, 'obl', 'obl:agent', 'nmod')).find((c) => tree.caseOf(c) === 'by' && lexicon.agentNouns.has(tree.lemma(c).toLowerCase()));
    if (by === undefined) return undefined;
  }
  if (entry.forceAgent && !byForce(tree, lexicon, i)) return undefined;
  if (entry.withInto) {
    partner = phraseOf(tree, i, entry.withInto, ['into', 'in']);
    if (partner === undefined) return undefined;
    // "forced into a police van" is an arrest
    if (tree.kids(partner, 'compound', 'amod').some((k) => STATE_VEHICLES.has(tree.lemma(k)))) type = 'ARREST';
  }
  if (entry.withOnto) {
    partner = phraseOf(tree, i, entry.withOnto, ['on', 'onto', 'aboard']);
    if (partner === undefined) return undefined;
    // put on a flight by whom? Only force said or implied: "police put him on a plane", "was
    // questioned and put back on the aircraft", "forcibly placed on a flight" — not "was put on a
    // flight home after the tour", "escorted onto his flight by airline staff"
    // (being escorted is force itself, unless the by-phrase names who is no force: "by airline staff")
    const escorted = tree.lemma(i) === 'escort' && byForce(tree, lexicon, i);
    if (type === 'DEPORTATION' && !escorted && !namedForce(tree, lexicon, i) && !sentBackByForce(tree, i)) return undefined;
  }
  if (entry.reprisal && !reprisalFor(tree, i)) return undefined;
  if (entry.byRecipient && partner !== undefined) {
    const handed = handedTo(tree, lexicon, i);
    if (handed === 'custody') type = 'ARREST';
    else if (handed !== 'abroad') return undefined;
  }
  if (entry.toCountry) {
    partner = countryOf(tree, i);
    if (partner === undefined) return undefined;
  }
  if (entry.intoCountry) {
    partner = intoCountryOf(tree, i);
    if (partner === undefined || reportingTrip(tree, i, partner)) return undefined;
  }
  if (entry.withFrom) {
    partner = phraseOf(tree, i, entry.withFrom, ['from']);
    if (partner === undefined) return undefined;
  }
  if (entry.withOutOf) {
    const nouns = entry.withOutOf;
    const heldThere = (c: number) => nouns.includes(tree.lemma(c)) && (!PLACES_OF_ANY_KIND.has(tree.lemma(c)) || tree.kids(c, 'compound', 'amod').some((k) => HOLDING_MODIFIERS.has(tree.lemma(k))));
    partner = tree.kids(i, 'obl', 'nmod').find((c) => heldThere(c) && ['out', 'of'].every((w) => tree.kids(c, 'case').some((k) => tree.lemma(k) === w)));
    // "walked out of the Department of State Services (DSS) detention facility", the facility parsed as the object apart from its "out of"
    if (partner === undefined && /^\s+out\s+of\b/i.test(tree.doc.text.slice(tree.token(i).end, tree.token(i).end + 8))) partner = tree.kids(i, 'obj').find((c) => heldThere(c) && c - i < 16);
    if (partner === undefined) return undefined;
  }
  // a participle the tagger read as an adjective after a copula is a passive too: "was fired"; so
  // is one whose partner word right beside it the parser gave the copula: "was last seen", "were pepper sprayed"
  const beside = partner !== undefined && Math.abs(partner - i) === 1 && tree.kids(partner, 'cop').length > 0;
  const copular = (tree.token(i).upos === 'ADJ' && tree.kids(i, 'cop').length > 0) || beside;
  if (entry.passive && !tree.isPassive(i) && !copular) return undefined;
  if (entry.foretold && !foretold(tree, lexicon, i)) return undefined;
  if (entry.afterHeld && !afterHeld(tree, i)) return undefined;
  if (entry.afterTaken && !afterHeld(tree, i, TAKEN_BEFORE)) return undefined;
  // "was treated for a cut lip and released the same night": let go by a hospital, not from custody
  if (type === 'RELEASE' && treatedWith(tree, i)) return undefined;
  // "barred from leaving the country", "not allowed to leave", "tried to flee": a departure kept from
  // happening or only attempted is no exile ("forced to leave the country" is)
  // ("attempting to seek asylum" is the request itself)
  if (type === 'ASYLUM_REQUEST' && DEPARTURES.has(tree.lemma(i)) && !departedForGood(tree, i)) return undefined;
  if (entry.future && !tree.kids(i, 'aux').some((a) => FUTURE_AUX.has(tree.lemma(a)))) return undefined;
  if (entry.negated && !negatedNear(tree, i) && !(partner !== undefined && negatedNear(tree, partner))) return undefined;
  // "released on bail": a noun under a verb that already tells its event adds none of its own
  if (pass === 'noun' && (foundAt.get(tree.head(i)) ?? []).some((f) => f.type === type)) return undefined;
  // "found not guilty" is an acquittal: a release, the negation its own
  if (type === 'CONVICTION' && partner !== undefined && tree.lemma(partner) === 'guilty' && (negatedNear(tree, partner) || negatedNear(tree, i))) {
    type = 'RELEASE';
    entry = { ...entry, type, negated: true };
  }
  // "treason carries a maximum sentence of life imprisonment": the penalty a law sets, passed on no one
  if (type === 'CONVICTION' && pass === 'noun' && penaltyOfLaw(tree, i)) return undefined;
  // "an attempted lynching", "tried to kill him": the person lived; an attempt on a life is an assault
  if (type === 'KILLING' && attempted(tree, i)) type = 'ASSAULT';
  const trigger: Trigger = { token: i, entry, type, pos };
  if (partner !== undefined) trigger.partner = partner;
  const request = requestOver(tree, trigger, lexicon);
  const becomes = lexicon.requestBecomes.get(type);
  if (request !== undefined && becomes) {
    trigger.type = becomes;
    trigger.request = request;
  }
  return trigger;
}

/** Nouns of a place that holds people only with a word that says so: "detention centre", not "conference centre". */
const PLACES_OF_ANY_KIND = new Set(['centre', 'center', 'facility', 'station', 'department', 'building', 'headquarters', 'premises']);
export const HOLDING_MODIFIERS: ReadonlySet<string> = new Set(['detention', 'remand', 'prison', 'penal', 'correctional', 'holding', 'police', 'pretrial', 'pre-trial', 'custody', 'isolation']);

export function findTriggers(tree: Tree, lexicon: Lexicon): Trigger[] {
  const found: Trigger[] = [];
  // the triggers found on each token: a noun asks for its head's, not every trigger's (a scan per noun was quadratic in a long report)
  const foundAt = new Map<number, Trigger[]>();
  const consumed = new Set<number>();
  const tokens = tree.doc.tokens;
  // verbs and adjectives first: their phrase partners are consumed before nouns are read
  for (const pass of ['verb', 'adj', 'noun'] as const) {
    for (let i = 0; i < tokens.length; i++) {
      if (consumed.has(i) || posOf(tree, i) !== pass) continue;
      const table = pass === 'verb' ? lexicon.verbs : pass === 'adj' ? lexicon.adjectives : lexicon.nouns;
      const form = tokens[i]!.text.toLowerCase();
      // a participle read as an adjective is the verb's unless the adjective is its very word: "Freed
      // journalist X" is no "free" ("will not be free"), while "slain" and "exiled" are adjectives of their own
      const participle = pass === 'adj' && /(?:ed|en)$/.test(form);
      let entry = participle ? lookupDirect(table, tree.lemma(i), form) : lookup(table, tree.lemma(i), form);
      let pos: Trigger['pos'] = pass;
      // a participle the tagger called an adjective ("gunmen abducted activists" read as "abducted
      // activists", "his sentence was upheld") is still the verb's event
      const base = pass === 'adj' ? irregularBase(form) : undefined;
      if (!entry && pass === 'adj' && (/(?:ed|en)$/.test(form) || IRREGULAR_PARTICIPLES.has(form) || base !== undefined)) {
        entry = lookup(lexicon.verbs, base ?? form, form);
        pos = 'verb';
      }
      if (!entry) continue;
      // an entry's alternatives are read in turn when its own conditions fail: "found guilty", else "never found"
      let trigger: Trigger | undefined;
      for (const candidate of [entry, ...(entry.or ?? [])]) {
        trigger = readEntry(tree, lexicon, i, candidate, pos, pass, foundAt);
        if (trigger) break;
      }
      if (!trigger) continue;
      found.push(trigger);
      foundAt.set(trigger.token, [...(foundAt.get(trigger.token) ?? []), trigger]);
      consumed.add(i);
      const partner = trigger.partner;
      if (partner !== undefined && tree.token(partner).upos !== 'VERB') consumed.add(partner);
    }
  }
  return found.sort((a, b) => a.token - b.token);
}

/** Verbs and adjectives of a law's penalty: "carries a sentence of", "punishable by". */
const PENALTY_HEADS = new Set(['carry', 'punishable', 'attract', 'prescribe', 'stipulate']);

/** Whether noun `i` (or the noun it is part of) is what a law carries: "carries a maximum sentence of life imprisonment". */
function penaltyOfLaw(tree: Tree, i: number): boolean {
  let k = i;
  for (let hops = 0; hops < 3 && k >= 0; hops++) {
    const h = tree.head(k);
    if (h < 0 || !/^(?:nmod|compound|obl|obj|nsubj:pass)/.test(tree.token(k).deprel ?? '')) return false;
    // (not "carried out the death sentence": a sentence carried out was passed)
    if (PENALTY_HEADS.has(tree.lemma(h))) return !tree.kids(h, 'compound:prt').some((p) => tree.lemma(p) === 'out');
    k = h;
  }
  return false;
}

/** Modals of what is to come: "that she would be next", "that they will pay". */
const FORETELLING = new Set(['would', 'will', 'could', 'might', 'shall']);

/** Verbs of custody whose end a verb joined after them may tell (not "kept in the gym", "questioned by their principals"). */
const HELD_BEFORE: ReadonlyMap<string, string | undefined> = new Map(['hold', 'detain', 'arrest', 'jail', 'imprison'].map((w) => [w, undefined]));
/** Verbs of seizing someone, with the particle each may take: "was picked up", "was taken away", "was abducted". */
const TAKEN_BEFORE: ReadonlyMap<string, string | undefined> = new Map([...HELD_BEFORE, ['abduct', undefined], ['kidnap', undefined], ['seize', undefined], ['pick', 'up'], ['take', 'away'], ['grab', undefined], ['snatch', undefined]]);

/**
 * Whether passive verb `i`, with no subject of its own, is joined ("and", a comma) after a passive
 * verb of custody: "was held for a month and then sent home". Not "held up by the flooding", nor
 * "the students were sent home" after police detained someone else.
 */
function afterHeld(tree: Tree, i: number, before: ReadonlyMap<string, string | undefined> = HELD_BEFORE): boolean {
  if (tree.kids(i, 'nsubj', 'nsubj:pass').length > 0) return false;
  for (let k = i, hops = 0; hops < 3 && /^(conj|parataxis)$/.test(tree.token(k).deprel ?? ''); hops++) {
    k = tree.head(k);
    if (k < 0 || k > i) return false;
    if (!before.has(tree.lemma(k))) continue;
    // its own particle only, if any ("picked up", "taken away"; not "held up by the flooding")
    const particle = before.get(tree.lemma(k));
    const particles = tree.kids(k, 'compound:prt').map((p) => tree.lemma(p));
    return tree.kids(k, 'aux:pass').length > 0 && (particle === undefined ? particles.length === 0 : particles.includes(particle));
  }
  return false;
}

/**
 * "warned her that she would be next": an object, and a that-clause of what is to befall them,
 * whose subject is a personal pronoun (not "warned A that prices would rise").
 */
function foretold(tree: Tree, lexicon: Lexicon, i: number): boolean {
  const objects = tree.kids(i, 'obj', 'iobj');
  if (tree.isPassive(i) || !objects.length) return false;
  // the words, for a clause a quotation mark pulls apart: 'warning her that she "would be next"'
  const after = tree.doc.tokens[Math.max(...objects.map((o) => tree.phrase(o).last))]!.end;
  const words = tree.doc.text.slice(after, after + 120);
  if (/^\s*,?\s*that\s+(?:he|she|they|you|i|we)\s+["“']?\s*(?:would|will|could|might|shall)\b/i.test(words)) return true;
  // "warned her that her son's job "could be lost"", 'that "the next one to go to prison will be you"':
  // a harm to come, told of the one warned or of those close to them, however a quotation mark broke
  // the parse, by a force or a stranger (not a bank's "your account will be closed", a doctor's "your
  // health could deteriorate in prison")
  const clause = (/^\s*,?\s*that\b([^.;!?]*)/i.exec(words)?.[1] ?? '').split(/,\s*(?:and|but)\b|\band told\b/i)[0]!;
  const subject = tree.subjectOf(i);
  const stranger = subject !== undefined && STRANGERS.has(tree.lemma(subject).toLowerCase());
  if ((byForce(tree, lexicon, i) || stranger) && /\b(?:would|will|could|might|shall)\b/i.test(clause) && /\b(?:you|your|him|his|her|them|their)\b/i.test(clause) && HARM_FORETOLD.test(clause)) return true;
  if (inMessagesReceived(tree, i)) return true;
  return tree.kids(i, 'ccomp').some((c) => tree.kids(c, 'aux').some((a) => FORETELLING.has(tree.token(a).text.toLowerCase())) && tree.kids(c, 'nsubj', 'nsubj:pass').some((n) => PERSONAL.has(tree.token(n).text.toLowerCase())));
}

/** What a warning may come in, unsigned: calls, messages, letters. */
const MESSAGES = new Set(['call', 'message', 'text', 'letter', 'note', 'email', 'e-mail', 'sms', 'voicemail']);

/**
 * "received anonymous calls warning her to drop the case": a warning that comes in calls or
 * messages someone received is a threat, whatever it says (the participle hung on the messages or
 * on the verb that takes them); not a warning someone gives in their own name.
 */
function inMessagesReceived(tree: Tree, i: number): boolean {
  if (tree.token(i).xpos !== 'VBG') return false;
  let h = tree.head(i);
  if (h < 0) return false;
  const rel = tree.token(i).deprel ?? '';
  // (hung on the sender the messages came from: "messages from unknown numbers warning him")
  if (rel.startsWith('acl') && tree.caseOf(h) === 'from' && tree.head(h) >= 0) h = tree.head(h);
  const [messages, verb] = rel.startsWith('acl') ? [[h], tree.head(h)] : /^(advcl|xcomp)/.test(rel) ? [tree.kids(h, 'obj'), h] : [[], -1];
  if (verb < 0 || !['receive', 'get'].includes(tree.lemma(verb))) return false;
  // (not a warning about or of something: "a letter warning her about her health")
  const objects = tree.kids(i, 'obj');
  const after = objects.length ? tree.phrase(objects[objects.length - 1]!).last + 1 : i + 1;
  if (/^(?:about|of|against)$/i.test(tree.token(after)?.text ?? '')) return false;
  // (nor one a sender signs, unless nobody knows them: "calls from the weather office", but "from unknown numbers")
  const signed = (m: number) => [...tree.kids(m, 'nmod'), ...tree.kids(verb, 'obl')].some((f) => tree.caseOf(f) === 'from' && !tree.kids(f, 'amod').some((a) => UNSIGNED.has(tree.lemma(a))));
  return messages.some((m) => MESSAGES.has(tree.lemma(m)) && !signed(m));
}

/** Who sends a message nobody signs: "from unknown numbers", "from an anonymous account". */
const UNSIGNED = new Set(['unknown', 'anonymous', 'unidentified', 'private', 'hidden', 'foreign', 'blocked', 'withheld']);

const PERSONAL = new Set(['he', 'she', 'they', 'you', 'i', 'we']);
/** Words of a harm to come in what a warning foretells: prison, death, being next, losing one's work. */
const HARM_FORETOLD = /\b(?:prison|jail|arrest\w*|kill\w*|die|dead|death|disappear\w*|be next|next one|fate|lose|lost|prosecut\w*|charged|pay|regret|harm\w*|hurt|punish\w*)\b/i;
/** Who threatens unnamed, beside the forces `byForce` knows (a man, a guard, an officer): "an anonymous caller warned her…". */
const STRANGERS = new Set(['caller', 'stranger', 'someone']);

/** Care that a hospital gives: a release joined to it is the patient's discharge. */
const TREATMENT = new Set(['treat', 'hospitalise', 'hospitalize', 'admit', 'examine', 'stitch', 'bandage', 'discharge']);

/** A release verb conjoined with a verb of medical care ("treated … and released"), either way round. */
function treatedWith(tree: Tree, i: number): boolean {
  const h = tree.head(i);
  const joined = [...tree.kids(i, 'conj'), ...(tree.token(i).deprel === 'conj' && h >= 0 ? [h, ...tree.kids(h, 'conj')] : [])];
  return joined.some((k) => k !== i && TREATMENT.has(tree.lemma(k)));
}
