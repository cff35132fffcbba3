import type { EventType, RoleName } from '../../text/types.js';
import type { Lexicon } from './lexicon.js';
import { RELATIVE_PRONOUNS, type Tree } from '../syntax/tree.js';
import { loadRoleNouns } from '../coref/lexicon.js';
import { INCLUDING, nameSpan } from './coordination.js';
import { commaParticiple, describedName, frontedParticipleSubject, misparsedOf, nameRightAfter, objectReadAsSubject, ofAfterTime, ofReadAsClause, phraseAfterName, raisedObject, splitSubject, verbReadAsModifier } from './misparses.js';
import type { Trigger } from './triggers.js';
import { groupBeforeAuxiliaries, isGroupCount } from './plural.js';
import { participleAsNoun, participleOfGroup, subjectPastFloatingQuantifier } from './participle-noun.js';
import { countryByName } from '../places/countries.js';

/**
 * Roles through syntax, as head tokens. Active voice: nsubj is the agent, obj the target.
 * Passive: nsubj:pass is the target and "by …" the agent ("detained … by Thai police"), also when
 * the parser hung the by-phrase on a nearby noun. Nouns: "his arrest", "the arrest of X", "charges
 * against him". Places come from in/at phrases, destinations from "to", origins from "from",
 * principals from "at the request of", "acting on a request by", "on behalf of".
 */

export type RoleHeads = Partial<Record<RoleName, number>>;

/** Events that move a person between states: they have origin and destination. */
const MOVEMENT = new Set(['DEPORTATION', 'EXTRADITION', 'EXTRADITION_REQUEST', 'ABDUCTION', 'ASYLUM_REQUEST']);
/** Events whose only participant is the one it happens to ("he disappeared", "he went missing"). */
const UNACCUSATIVE = new Set(['DISAPPEARANCE']);
/** Verbs whose subject undergoes the event whatever its type: "he died in custody" (or "passed away" there) is his killing, "she walked free" her release, not their acts. */
const UNDERGOING_VERBS = new Set(['die', 'succumb', 'pass', 'disappear', 'vanish', 'perish', 'walk', 'lose', 'serve', 'appear', 'regain', 'receive']);

/** What a person asks for or is accused of happens on nobody's behalf; a claim has no place of its own. */
const NO_PRINCIPAL = new Set(['ASYLUM_REQUEST', 'ACCUSATION', 'RELEASE']);
const NO_PLACE = new Set(['ACCUSATION']);
/** Verbs that give or withhold what a noun trigger names: "granted bail", "was denied bail". */
const GRANTING = new Set(['grant', 'give', 'deny', 'refuse', 'offer', 'hand']);
/** Verbs by which an event makes its victim act: "threats forced him to flee", "harassment drove her to despair". */
const CAUSATIVES = new Set(['drive', 'force', 'compel', 'push']);
/** Verbs whose subject undergoes their object: "X will face persecution", "X suffered torture". */
const EXPERIENCERS = new Set(['face', 'serve', 'suffer', 'undergo', 'endure', 'receive', 'survive', 'risk', 'fear', 'experience', 'escape', 'stand']);

const PLACE_CASES = new Set(['in', 'at', 'near', 'outside', 'inside']);

function byPhrase(tree: Tree, lexicon: Lexicon, i: number): number | undefined {
  const direct = tree.kids(i, 'obl:agent')[0] ?? tree.kids(i, 'obl', 'nmod').find((c) => tree.caseOf(c) === 'by');
  if (direct !== undefined) return direct;
  // the parser often hangs "by Thai police" on the nearest noun: take the first by-phrase after
  // the trigger in its sentence whose head is an agent-like noun or a name
  const { to } = tree.sentenceRange(i);
  for (let j = i + 1; j < to; j++) {
    if (tree.lemma(j) !== 'by' || tree.token(j).deprel !== 'case') continue;
    const h = tree.head(j);
    // "detained, along with activists abducted by unidentified men": the agent of a participle that
    // describes someone else is that participle's
    if (tree.token(h).deprel === 'obl:agent' && tree.head(h) !== i && describesNoun(tree, tree.head(h))) continue;
    if (h > j && isAgentLike(tree, lexicon, h)) return h;
  }
  return undefined;
}

/** A participle that modifies a noun ("activists abducted and beaten by …"), or a conjunct of one. */
function describesNoun(tree: Tree, v: number): boolean {
  let r = v;
  for (let hops = 0; r >= 0 && tree.token(r).deprel === 'conj' && hops < 3; hops++) r = tree.head(r);
  return r >= 0 && ['amod', 'acl'].includes(tree.token(r).deprel ?? '');
}

/**
 * "Anton Verik, the chairperson of the Free Trade Union and human rights activist was arrested":
 * a description opened by a comma after the name and never closed before the verb's auxiliaries.
 * The last token of the name, or undefined.
 */
function unclosedDescription(tree: Tree, i: number, from: number): number | undefined {
  let k = tree.kids(i, 'aux', 'aux:pass').reduce((a, b) => Math.min(a, b), i) - 1;
  for (let n = 0; k > from && n < 16; k--, n++) {
    const t = tree.token(k);
    if (t.upos === 'VERB' || t.upos === 'AUX' || t.upos === 'PRON' || tree.entityOf[k]?.type === 'PERSON') return undefined;
    if (SETS_APART.has(t.text)) return tree.entityOf[k - 1]?.type === 'PERSON' && n > 1 ? k - 1 : undefined;
  }
  return undefined;
}

/**
 * "the torture of women's rights activist X", parsed with "women" as what the "of" takes: a
 * possessor that opens a description runs on to the name it describes (only the description's
 * lower-case words between). The name's token, or undefined.
 */
function possessorOfName(tree: Tree, of: number | undefined): number | undefined {
  if (of === undefined || tree.entityOf[of]?.type === 'PERSON') return undefined;
  const { to } = tree.sentenceRange(of);
  if (of + 1 >= to || !/^['’]s?$/.test(tree.token(of + 1).text)) return undefined;
  let k = of + 2;
  while (k < to && k - of < 6 && !tree.entityOf[k] && /^\p{Ll}/u.test(tree.token(k).text) && ['NOUN', 'ADJ'].includes(tree.token(k).upos ?? '')) k++;
  return k > of + 2 && tree.entityOf[k]?.type === 'PERSON' ? k : undefined;
}

/** Events whose "of" may name the offence rather than the person: "charges of sedition", "accusations of treason". */
const ACCUSING = new Set<EventType>(['CHARGE', 'ACCUSATION', 'CONVICTION', 'TRIAL']);

/** What sets a description apart from the name before it: a comma, a dash (not the hyphen inside a name). */
const SETS_APART = new Set([',', '–', '—', '--']);

/**
 * "its chairman, Tendai Khoza, had also been detained", "In March Tomas Reyk and Ilse Varga were
 * executed", "Saba Loren, a professor at the university, was shot": when the parser lost a passive verb's subject, the named person that ends right before
 * its auxiliaries (or before an apposition between commas) is what it happened to. The first
 * name of a list is returned, so that the list gives each person an event.
 */
export function personBeforeAuxiliaries(tree: Tree, i: number): number | undefined {
  const { from } = tree.sentenceRange(i);
  const person = (j: number): boolean => j >= from && tree.entityOf[j]?.type === 'PERSON';
  // descriptions stand between commas or dashes: "Mr Varan – a correspondent for TV5 – was sentenced"
  // a hyphen with spaces round it stands for a dash ("A - known to all as Deo - was abducted"); one inside a name does not
  const spaced = (n: number): boolean => n > 0 && n + 1 < tree.doc.tokens.length && tree.doc.tokens[n - 1]!.end < tree.doc.tokens[n]!.start && tree.doc.tokens[n]!.end < tree.doc.tokens[n + 1]!.start;
  const apart = (n: number): boolean => SETS_APART.has(tree.token(n).text) || (tree.token(n).text === '-' && spaced(n));
  let j = i - 1;
  // the verb's own words before it: auxiliaries, and a date between them ("was on Monday charged")
  // (not a subject the parser gave it, which the caller found wanting)
  const modifies = (n: number): boolean => tree.token(n).head === i && !/^nsubj/.test(tree.token(n).deprel ?? '');
  const ownWord = (n: number): boolean => modifies(n) || (tree.token(n).head === n + 1 && modifies(n + 1));
  while (j >= from && !tree.entityOf[j] && (ownWord(j) || apart(j))) j--;
  if (j >= from && !person(j) && !apart(j + 1)) j = unclosedDescription(tree, i, from) ?? j;
  if (j < from || j === i - 1) return undefined;
  // a name that ends a relative clause about an earlier one is not the subject: "Lawyer A, who was
  // taken away the same weekend as Mr B, was released" (the clause is skipped below)
  // nor one that ends a participle's phrase set off after an earlier one: "Journalist A, sentenced
  // in the same case as B, walked out of the colony" (the phrase is skipped below)
  const participleStart = (n: number): number | undefined => phraseAfterName(tree, n, from, apart);
  const inRelative = (n: number): boolean => person(n) && apart(n + 1) && (relativeClauseStart(tree, n, from) < n || participleStart(n) !== undefined);
  // past up to three descriptions between commas: "Sit Man-ling, 33, a clerk of X, a subsidiary of Y, was jailed"
  for (let stretch = 0; stretch < 3 && (!person(j) || inRelative(j)) && apart(j + 1); stretch++) {
    const participle = person(j) ? participleStart(j) : undefined;
    if (participle !== undefined) {
      j = participle - 1;
      continue;
    }
    let k = j;
    const finite = (n: number) => tree.token(n).upos === 'AUX' || (tree.token(n).upos === 'VERB' && !['VBN', 'VBG'].includes(tree.token(n).xpos ?? ''));
    while (k >= Math.max(from, j - 16) && !apart(k) && !finite(k)) k--;
    // "Kemal Vostra, who was sentenced in 2019, was released": a relative clause about the name
    if (k >= from && finite(k)) {
      // a relative clause inside the description ("A - Deo to everyone who has argued with him - was abducted")
      let m = k;
      while (m >= Math.max(from, k - 25) && !apart(m)) m--;
      const relative = m >= from && apart(m) && Array.from({ length: k - m - 1 }, (_, x) => m + 1 + x).some((x) => RELATIVE_PRONOUNS.has(tree.token(x).text.toLowerCase()));
      k = relative ? m : relativeClauseStart(tree, k, from);
    }
    if (k < from || !apart(k)) break;
    j = k - 1;
  }
  if (!person(j)) return undefined;
  const sameName = (a: number, b: number): boolean => tree.entityOf[a] !== undefined && tree.entityOf[a] === tree.entityOf[b];
  const start = (n: number): number => {
    while (n > from && sameName(n - 1, n)) n--;
    return n;
  };
  /** The token of the name starting at `n` that hangs outside it. */
  const nameHead = (n: number): number => {
    let last = n;
    while (sameName(last + 1, n)) last++;
    for (let k = n; k <= last; k++) if (tree.head(k) < n || tree.head(k) > last) return k;
    return n;
  };
  j = start(j);
  // the name is a later item of a list: go to its first ("Tomas Reyk and Ilse Varga")
  for (let hops = 0; hops < 12; hops++) {
    const h = nameHead(j);
    if (tree.token(h).deprel !== 'conj' || !person(tree.head(h))) break;
    j = start(tree.head(h));
  }
  return nameHead(j);
}

/**
 * "granted bail to cartoonist A", with "to cartoonist" misread as a verb: the name right after
 * "to" and at most three lower-case role words, read from the words. The name's token, or undefined.
 */
function nameAfterTo(tree: Tree, i: number): number | undefined {
  const { to } = tree.sentenceRange(i);
  if (i + 1 >= to || tree.token(i + 1).text.toLowerCase() !== 'to') return undefined;
  for (let k = i + 2; k < to && k - i <= 5; k++) {
    if (tree.entityOf[k]?.type === 'PERSON') return k;
    if (!/^\p{Ll}[\p{L}-]*$/u.test(tree.token(k).text)) return undefined;
  }
  return undefined;
}

/**
 * "three men were abducted, and two, aid workers A and B, were slain": a conjunct with auxiliaries
 * (or a copula) of its own and no subject is about the names right before them, not its first
 * verb's subject. The name's token, or undefined.
 */
function conjunctOwnSubject(tree: Tree, i: number): number | undefined {
  const own = tree.token(i).deprel === 'conj' && tree.kids(i, 'aux', 'aux:pass', 'cop').length > 0 && !tree.kids(i, 'nsubj', 'nsubj:pass').length;
  return own ? personBeforeAuxiliaries(tree, i) : undefined;
}

/**
 * A target that is a date ("Saturday's abduction", with the date read as whose) or a country
 * ("Karsland jailed 20 writers" misread): no one an event befalls. A person's name the recogniser
 * typed as a place is kept: only a name the country list knows is a country.
 */
export function noOneAt(tree: Tree, head: number | undefined): boolean {
  if (head === undefined) return false;
  const entity = tree.entityOf[head];
  if (entity?.type === 'PERSON') return false;
  if (tree.inTimex(head)) return true;
  // "prosecute Sheikh in the United States", parsed with the country the head: the person is whom
  const { first, last } = tree.phrase(head);
  for (let k = first; k <= last; k++) if (tree.entityOf[k]?.type === 'PERSON') return false;
  return entity?.type === 'LOC' && countryByName(entity.name) !== undefined;
}

/** The nearest verb before `i` in its sentence, when it is a participle and the word `i` is joined to comes after it. */
function verbBefore(tree: Tree, i: number): number | undefined {
  const { from } = tree.sentenceRange(i);
  for (let j = i - 1; j >= from && i - j <= 15; j--) if (tree.token(j).upos === 'VERB') return tree.token(j).xpos === 'VBN' && tree.head(i) > j ? j : undefined;
  return undefined;
}

/**
 * "Lelei, whose arrest sparked protests, was charged": a subject the parse found inside a relative
 * clause set off by commas between a name and the verb is the clause's word, not the verb's subject.
 */
function insideRelative(tree: Tree, subj: number, i: number): boolean {
  if (subj >= i) return false;
  const { from } = tree.sentenceRange(i);
  let open = subj - 1;
  while (open >= from && subj - open <= 12 && tree.token(open).text !== ',') open--;
  if (open < from || tree.token(open).text !== ',' || !RELATIVE_PRONOUNS.has(tree.token(open + 1)?.text.toLowerCase() ?? '')) return false;
  for (let k = subj + 1; k < i; k++) if (tree.token(k).text === ',') return true;
  return false;
}

/** The passive verb `i`'s subject as the parse gives it, unless it stands inside a relative clause on the name before it. */
function passiveSubject(tree: Tree, lexicon: Lexicon, i: number): number | undefined {
  const parsed = tree.subjectOf(i);
  // (nor a place the parse made the subject, as a dateline's: "Belgrade, 20 April - Activist A, who
  // was released on bail, was arrested again")
  // (nor the object of a verb above a finite clause the parse took for a control complement:
  // "quotes police sources as saying A, also known as B, was arrested" is A's arrest)
  const finite = tree.token(i).deprel === 'xcomp' && tree.kids(i, 'aux:pass').some((a) => /^(?:was|were|is|are)$/i.test(tree.token(a).text));
  if (finite && parsed !== undefined) {
    // (only a name that opens its phrase: "the brother of A", "a man who attacked A" are not A)
    const named = personBeforeAuxiliaries(tree, i);
    if (named === undefined) return parsed;
    const before = nameSpan(tree, named)[0] - 1;
    const opens = before < 0 || !(tree.token(before).upos === 'ADP' || (tree.token(before).upos === 'VERB' && !lexicon.speech.has(tree.lemma(before))));
    return opens ? named : parsed;
  }
  return parsed !== undefined && (insideRelative(tree, parsed, i) || tree.entityOf[parsed]?.type === 'LOC') ? (personBeforeAuxiliaries(tree, i) ?? parsed) : parsed;
}

/**
 * The comma before ", who …" when token `k` (a finite verb) is inside such a clause: the clause
 * may hold verbs of its own; returns `k` unchanged when no relative pronoun opens the stretch.
 */
function relativeClauseStart(tree: Tree, k: number, from: number): number {
  for (let m = k; m >= Math.max(from, k - 25); m--) {
    if (tree.token(m).text === ',') return m + 1 <= k && RELATIVE_PRONOUNS.has(tree.token(m + 1).text.toLowerCase()) ? m : k;
  }
  return k;
}

function isAgentLike(tree: Tree, lexicon: Lexicon, i: number): boolean {
  return tree.token(i).upos === 'PROPN' || lexicon.agentNouns.has(tree.lemma(i));
}

/** Within this many tokens after the trigger, a phrase the parser hung elsewhere still counts. */
const REACH = 8;

function scanAfter(tree: Tree, i: number, cases: Set<string>, accept: (h: number) => boolean, reach = REACH): number | undefined {
  for (const c of tree.kids(i, 'obl', 'nmod', 'advmod')) {
    const k = tree.caseOf(c);
    if (k && cases.has(k) && accept(c)) return c;
  }
  const { to } = tree.sentenceRange(i);
  for (let j = i + 1; j < Math.min(to, i + reach); j++) {
    if (!cases.has(tree.lemma(j)) || tree.token(j).deprel !== 'case') continue;
    const h = tree.head(j);
    if (h > j && accept(h)) return h;
  }
  return undefined;
}

function under(tree: Tree, j: number, i: number): boolean {
  for (const { token } of tree.ancestors(j, 10)) if (token === i) return true;
  return false;
}

/** "acting on a formal request by X", "at the request of X", "on behalf of X": X. */
function principalOf(tree: Tree, lexicon: Lexicon, i: number, agent: number | undefined): number | undefined {
  const { from, to } = tree.sentenceRange(i);
  for (let j = from; j < to; j++) {
    if (!lexicon.principalCues.has(tree.lemma(j))) continue;
    // the cue must belong to this event: right after its agent ("police acting on a request by …")
    // or inside its own clause
    const nearAgent = agent !== undefined && j > agent && j - agent <= 6;
    if (!nearAgent && !under(tree, j, i)) continue;
    for (let k = j + 1; k < Math.min(to, j + 3); k++) {
      const w = tree.lemma(k);
      if (w !== 'of' && w !== 'by' && w !== 'from') continue;
      const h = tree.head(k);
      if (h > k) return h;
    }
  }
  return undefined;
}

/**
 * The object of a transitive "disappear" ("soldiers forcibly disappeared two farmers"): a noun
 * phrase that starts right after the verb, not a name the parser took from the next list item
 * ("who disappeared in Kesh in 2019; Ana Rell, who …") nor a date.
 */
function disappearedWhom(tree: Tree, i: number): number | undefined {
  if (tree.lemma(i) !== 'disappear') return undefined;
  const obj = tree.kids(i, 'obj')[0];
  if (obj === undefined || obj < i || tree.inTimex(obj)) return undefined;
  for (let j = i + 1; j < obj; j++) if (!under(tree, j, obj)) return undefined;
  return obj;
}

/** Where a person is held, as the partner word of a phrase ("death in custody"). */
const CUSTODY_NOUNS = new Set(['custody', 'detention', 'prison', 'jail']);

/** Verbs that keep someone in a state: "remains in custody", "languished in detention". */
const STATE_VERBS = new Set(['remain', 'stay', 'be', 'languish', 'spend', 'keep', 'continue', 'serve']);
/** How one is in exile: "lives in exile", "went into exile" (living in an undisclosed place is no disappearance). */
const EXILE_VERBS = new Set(['live', 'go', 'remain', 'stay']);
/** Verbs that put someone in a state: "placed under house arrest", "put behind bars". */
const PUTTING_VERBS = new Set(['place', 'put', 'keep', 'hold', 'throw', 'land', 'lock', 'force', 'drive', 'send']);
/** How a state is told: "in custody", "behind bars", "under house arrest", "went into exile". */
const STATE_CASES = new Set(['in', 'behind', 'under', 'into']);
/** Spans a person spends somewhere: "spent three years in prison" (not "spent her working time in prisons"). */
const TIME_NOUNS = new Set(['year', 'month', 'week', 'day', 'night', 'hour', 'decade']);
/** Nouns an event's noun can name the attempt of: "an assassination attempt", "a kidnap bid". */
export const ATTEMPT_NOUNS = new Set(['attempt', 'bid', 'plot']);

/**
 * Who is in the state the noun `i` under verb `h` tells: the subject of "remains in custody", the
 * passive subject or the object of "was placed under arrest" / "put him behind bars", the subject
 * of "spent three years in prison", "served time behind bars".
 */
function heldBy(tree: Tree, h: number, i: number): number | undefined {
  if (h < 0) return undefined;
  // "spent three years in prison", "served time behind bars": the span is the verb's object
  const span = TIME_NOUNS.has(tree.lemma(h)) || (tree.lemma(h) === 'time' && tree.head(h) >= 0 && tree.lemma(tree.head(h)) === 'serve');
  if (span && /^(obj|obl:unmarked)$/.test(tree.token(h).deprel ?? '')) h = tree.head(h);
  if (h < 0) return undefined;
  // "spent (a total of) two years in prison", not "spent much of her time in prisons": a span of time is spent there
  if (tree.lemma(h) === 'spend' && !Array.from({ length: Math.max(0, i - h - 1) }, (_, k) => h + 1 + k).some((j) => TIME_NOUNS.has(tree.lemma(j)))) return undefined;
  // a subject the parser found after the verb is another clause's: "X languished in prison … before the party charged him"
  const subject = (v: number): number | undefined => {
    const s = tree.subjectOf(v);
    return s !== undefined && s < v ? s : undefined;
  };
  if (PUTTING_VERBS.has(tree.lemma(h))) {
    const held = tree.isPassive(h) ? subject(h) : tree.kids(h, 'obj')[0];
    if (held !== undefined) return held;
  }
  return STATE_VERBS.has(tree.lemma(h)) ? subject(h) : undefined;
}

/**
 * Who is "back in prison" (or "back behind bars"): the parser hangs the state on "back" and the
 * copula anywhere; the person is back's subject, the word the copula is read on, or the name right
 * before the copula.
 */
function backIn(tree: Tree, h: number): number | undefined {
  if (h < 0 || tree.lemma(h).toLowerCase() !== 'back' || tree.token(h).upos !== 'ADV') return undefined;
  const subject = tree.kids(h, 'nsubj')[0];
  if (subject !== undefined) return subject;
  const cop = tree.kids(h, 'cop')[0] ?? (tree.token(tree.head(h))?.deprel === 'cop' ? tree.head(h) : undefined);
  if (cop === undefined) return undefined;
  const bearer = tree.head(cop);
  if (bearer >= 0 && bearer < cop && tree.entityOf[bearer]?.type === 'PERSON') return bearer;
  const before = cop - 1;
  return before >= 0 && tree.entityOf[before]?.type === 'PERSON' ? before : undefined;
}

/** Possessive pronouns, however tagged ("her" is also an object). */
const POSSESSIVES = new Set(['his', 'her', 'their']);
/** Words that end a span of custody the clause's event follows: "freed after three weeks in custody". */
const SPAN_ENDERS = new Set(['after', 'following']);

/**
 * "X was granted bail after three weeks in custody", "police freed the editor after two days in
 * detention", "she died after ten years in prison": a span of time in the state `i` that the
 * clause's event ends belongs to whom that event befalls — the passive subject or the object, or
 * the subject of a verb that takes none ("died").
 */
function spanBefore(tree: Tree, i: number): number | undefined {
  const { from } = tree.sentenceRange(i);
  const span = i - 2;
  if (span <= from || !TIME_NOUNS.has(tree.lemma(span)) || !STATE_CASES.has(tree.token(i - 1).text.toLowerCase())) return undefined;
  // "marked her 500th day behind bars", "in his third year in prison": whose span it is
  // (the parser may hang the possessive elsewhere: read it from the words, past an ordinal or a number)
  let p = span - 1;
  while (p > from && span - p <= 2 && ['ADJ', 'NUM'].includes(tree.token(p).upos ?? '')) p--;
  const owner = tree.kids(span, 'nmod:poss')[0] ?? (POSSESSIVES.has(tree.token(p).text.toLowerCase()) ? p : undefined);
  if (owner !== undefined) return owner;
  let opener = -1;
  for (let j = span - 1; j >= Math.max(from, span - 3); j--) if (SPAN_ENDERS.has(tree.token(j).text.toLowerCase())) opener = j;
  if (opener < 0) return undefined;
  // the verb the span hangs on, maybe through the noun it follows ("granted bail after …")
  let v = tree.head(span);
  for (let up = 0; v >= 0 && tree.token(v).upos !== 'VERB' && up < 2; up++) v = tree.head(v);
  if (v < 0 || tree.token(v).upos !== 'VERB' || v > opener) return undefined;
  const undergoer = undergoerOf(tree, v);
  if (undergoer !== undefined) return undergoer;
  const subject = tree.subjectOf(v);
  return subject !== undefined && subject < v ? subject : undefined;
}

/** Words that may stand between a name's comma and a state told of it: "X, now in exile,", "X, still behind bars,". */
const STATE_ADVERBS = new Set(['now', 'still', 'currently', 'already', 'presently', 'long', 'then']);

/**
 * "Blogger X, now in exile, continues to write", "X, still in detention, was denied a visit": a
 * state set apart by a comma right after a person's name is told of that person.
 */
function setApartState(tree: Tree, i: number): number | undefined {
  const { from } = tree.sentenceRange(i);
  // (past the noun's own modifiers: "X, under house arrest since May,")
  const c = tree.kids(i, 'case').find((k) => k < i && STATE_CASES.has(tree.token(k).text.toLowerCase()) && i - k <= 3) ?? i - 1;
  let k = c - 1;
  while (k > from && STATE_ADVERBS.has(tree.token(k).text.toLowerCase()) && c - k <= 3) k--;
  if (k <= from || tree.token(k).text !== ',' || !STATE_CASES.has(tree.token(c).text.toLowerCase())) return undefined;
  return tree.personNameEndingAt(k - 1);
}

/**
 * "X is the oldest member in jail", "X is one of the journalists behind bars": a state noun with no
 * article ("in the prison" is a place) on a person noun that is the predicate of "be" tells the
 * subject's state.
 */
function describedIn(tree: Tree, lexicon: Lexicon, h: number, i: number): number | undefined {
  if (h < 0 || tree.kids(i, 'det', 'nmod:poss').length || !tree.kids(h, 'cop').length) return undefined;
  const personal = lexicon.personNouns.has(tree.lemma(h)) || tree.lemma(h) === 'one';
  const subject = tree.kids(h, 'nsubj')[0];
  // "X, 70, is the oldest JW in jail": a word the lexicon does not know, said of a named person
  // (one of a ranked set: "the oldest", "the only", not "a regular visitor in prison")
  const ranked = tree.kids(h, 'amod').some((a) => tree.token(a).xpos === 'JJS' || ['only', 'first', 'last'].includes(tree.lemma(a)));
  return personal || (ranked && subject !== undefined && tree.entityOf[subject]?.type === 'PERSON' && tree.token(h).upos === 'NOUN') ? subject : undefined;
}

/** "Among those in detention are A and B", "those still behind bars": whom "those" stands for is in that state. */
function thoseIn(tree: Tree, h: number, i: number): number | undefined {
  if (h >= 0 && tree.token(h).text.toLowerCase() === 'those' && tree.kids(i, 'det', 'nmod:poss').length === 0) return h;
  // read from the words when the parser hung the noun elsewhere: "those currently in detention are …"
  let j = i - 1;
  if (j < 1 || !STATE_CASES.has(tree.token(j).text.toLowerCase())) return undefined;
  j--;
  while (j > 0 && tree.token(j).upos === 'ADV') j--;
  return tree.token(j).text.toLowerCase() === 'those' ? j : undefined;
}

/** "A and B are among the 30 journalists behind bars": a group of people the state noun describes is in that state. */
function groupIn(tree: Tree, lexicon: Lexicon, h: number, i: number): number | undefined {
  if (h < 0 || tree.token(i).deprel !== 'nmod' || tree.kids(i, 'det', 'nmod:poss').length) return undefined;
  const t = tree.token(h);
  return (t.xpos === 'NNS' || t.xpos === 'NNPS') && lexicon.personNouns.has(tree.lemma(h)) ? h : undefined;
}

/**
 * "X, a union leader, is still in custody", parsed as a relative clause on X with no relative
 * pronoun: the clause's copula says X is its subject.
 */
function subjectBeforeApposition(tree: Tree, h: number, i: number): number | undefined {
  if (h < 0 || tree.token(i).deprel !== 'acl:relcl' || !tree.kids(i, 'cop').length || tree.kids(i, 'nsubj', 'nsubj:pass').length) return undefined;
  return tree.entityOf[h]?.type === 'PERSON' && tree.kids(h, 'appos').some((a) => a < i) ? h : undefined;
}

/** Verbs that lend their subject to the state "to be" in: "X is thought to be under house arrest", "X seems to be in custody". */
const RAISING_VERBS = new Set(['think', 'believe', 'say', 'report', 'know', 'understand', 'presume', 'seem', 'appear']);

function raisedSubject(tree: Tree, h: number, i: number): number | undefined {
  if (h < 0 || !RAISING_VERBS.has(tree.lemma(h)) || !tree.kids(i, 'cop').length || !tree.kids(i, 'mark').some((m) => tree.lemma(m) === 'to')) return undefined;
  const s = tree.subjectOf(h);
  return s !== undefined && s < h ? s : undefined;
}

/** Markers of a state told with no verb, during something else: "while in prison". */
const WHILE_MARKS = new Set(['while', 'whilst', 'when']);

/** Markers of a clause of time or manner with no subject of its own: "held for hours before being released". */
const SUBJECTLESS_MARKS = new Set(['before', 'after', 'without', 'upon', 'on', 'until', 'while', 'since']);

/**
 * The subject of the clause a subjectless "before being released" belongs to, however the parser
 * hung it: "He … was held for eight hours before being released" is his release, even when the
 * participle hangs on "hours". The nearest verb above that has a subject of its own.
 */
function timeClauseSubject(tree: Tree, i: number): number | undefined {
  if (tree.kids(i, 'nsubj', 'nsubj:pass').length || !tree.kids(i, 'mark').some((m) => SUBJECTLESS_MARKS.has(tree.lemma(m)))) return undefined;
  let h = tree.head(i);
  for (let hops = 0; h >= 0 && hops < 4; hops++, h = tree.head(h)) {
    if (tree.token(h).upos !== 'VERB') continue;
    const s = tree.subjectOf(h) ?? listedPassiveSubject(tree, h);
    if (s !== undefined && s < i) return s;
  }
  return undefined;
}

/**
 * The subject of a verb the parser left without one, in a run of passives told of one person:
 * "X was kidnapped and tortured before being jailed" parsed with no subject on "kidnapped" (the
 * name before its auxiliary), or "they were taken to a station, placed in cells and beaten
 * before being released" parsed with "placed" as the head and "were taken" hung on it as an
 * adjunct (that adjunct's subject).
 */
function listedPassiveSubject(tree: Tree, h: number): number | undefined {
  if (tree.kids(h, 'aux:pass').length) return personBeforeAuxiliaries(tree, h);
  const first = tree.kids(h, 'advcl', 'conj').find((k) => k < h && tree.token(k).upos === 'VERB' && tree.kids(k, 'aux:pass').length > 0 && !tree.kids(k, 'mark').length);
  return first === undefined ? undefined : tree.subjectOf(first);
}

/**
 * Whom the verb `v` befalls, by its voice alone: the passive subject (maybe lost before its
 * auxiliaries), the one who spends a span so ("spent two years imprisoned"), or the object.
 */
function undergoerOf(tree: Tree, v: number): number | undefined {
  const spender = spentBy(tree, v);
  if (spender !== undefined) return spender;
  if (tree.isPassive(v)) return tree.subjectOf(v) ?? personBeforeAuxiliaries(tree, v);
  return tree.kids(v, 'obj')[0];
}

/**
 * "X spent two years imprisoned", the participle `v` hung on the span or on "spent": X, who spent
 * the span so; undefined for any other participle.
 */
function spentBy(tree: Tree, v: number): number | undefined {
  const up = tree.head(v);
  if (up < 0) return undefined;
  if (tree.token(v).deprel === 'acl' && TIME_NOUNS.has(tree.lemma(up))) return heldBy(tree, up, v);
  const bare = tree.token(v).xpos === 'VBN' && !tree.kids(v, 'nsubj', 'nsubj:pass').length && tree.token(v).deprel !== 'conj';
  return bare && tree.lemma(up) === 'spend' ? heldBy(tree, up, v) : undefined;
}

/**
 * The one who receives, suffers or faces the noun a participle modifies ("X received threatening
 * calls"), also when the parser made the participle a verb of its own taking the noun.
 */
function receivedWith(tree: Tree, v: number): number | undefined {
  const rel = tree.token(v).deprel ?? '';
  const up = tree.head(v);
  if (up < 0 || tree.token(v).xpos !== 'VBG') return undefined;
  // the participle's object right after it, or after the words of that noun ("threatening phone calls")
  const obj = tree.kids(v, 'obj')[0];
  const modifies = obj !== undefined && obj > v && Array.from({ length: obj - v - 1 }, (_, k) => v + 1 + k).every((k) => tree.head(k) === obj);
  const [noun, verb] = rel === 'amod' ? [up, tree.head(up)] : rel === 'xcomp' && modifies ? [obj, up] : [-1, -1];
  if (noun < 0 || verb < 0 || !EXPERIENCERS.has(tree.lemma(verb))) return undefined;
  if (rel === 'amod' && tree.token(noun).deprel !== 'obj') return undefined;
  return tree.subjectOf(verb);
}

/** Words that open a clause of time: the name right after one, before the verb's auxiliaries, is its subject. */
const TIME_OPENERS = new Set(['before', 'after', 'when', 'until', 'since', 'once', 'while']);

/**
 * "… telephoned President A minutes before Mr. B was killed": a name right after a word that opens
 * a clause of time and right before the passive verb's auxiliaries is whom it befalls, however the
 * parse hung the clause (it may give the verb an earlier noun as its subject).
 */
function subordinateNamed(tree: Tree, i: number): number | undefined {
  if (!tree.kids(i, 'aux:pass').length) return undefined;
  const name = personBeforeAuxiliaries(tree, i);
  if (name === undefined || !tree.kids(i, 'aux:pass').every((a) => a > name)) return undefined;
  const e = tree.entityOf[name];
  let k = name;
  while (k > 0 && (tree.entityOf[k - 1] === e || (tree.token(k - 1).upos === 'PROPN' && !tree.entityOf[k - 1]))) k--;
  // (not "a school named after A was attacked": the word must open a clause, not end a participle's phrase)
  return TIME_OPENERS.has(tree.token(k - 1)?.text.toLowerCase() ?? '') && !['VBN', 'VBD'].includes(tree.token(k - 2)?.xpos ?? '') ? name : undefined;
}

/** "the death of a customs officer, killed …": the noun for a person right before the comma at `i - 1`. */
function personNounBefore(tree: Tree, lexicon: Lexicon, i: number): number | undefined {
  const n = i - 2;
  const lemma = tree.lemma(n);
  if (n < tree.sentenceRange(i).from || tree.token(n).upos !== 'NOUN' || tree.token(n).xpos === 'NNS' || !(lexicon.personNouns.has(lemma) || loadRoleNouns().titles.has(lemma))) return undefined;
  // only a person a harm or a case is told of ("the death of an officer,", "the case of a teacher,"):
  // a companion ("left the court with her lawyer, released on bail") or a place's owner ("the home
  // of a friend, charged with …") is not whom the participle is about
  return tree.caseOf(n) === 'of' && OF_WHOM.has(tree.lemma(tree.head(n))) ? n : undefined;
}

/** Nouns whose "of" names whom a harm, a case or a custody befell. */
const OF_WHOM = new Set(['death', 'killing', 'murder', 'assassination', 'case', 'trial', 'arrest', 'detention', 'release', 'body', 'funeral', 'abduction', 'kidnapping', 'disappearance']);

/** Whose whereabouts: "his whereabouts", "the whereabouts of (activist) X". */
function whereaboutsOwner(tree: Tree, n: number): number | undefined {
  const owner = tree.kids(n, 'nmod:poss')[0] ?? tree.kids(n, 'nmod').find((k) => tree.caseOf(k) === 'of');
  // "the whereabouts of the union's general secretary, Brother A,": the name set beside the role is whose
  if (owner === undefined || tree.entityOf[owner]?.type === 'PERSON') return owner;
  const { to } = tree.sentenceRange(owner);
  for (let k = owner + 1; k < Math.min(to, owner + 10); k++) {
    if (['VERB', 'AUX'].includes(tree.token(k).upos ?? '')) break;
    if (tree.entityOf[k]?.type === 'PERSON') return k;
  }
  return owner;
}

export function rolesOf(tree: Tree, lexicon: Lexicon, t: Trigger, isPlace: (i: number) => boolean): RoleHeads {
  const i = t.token;
  const roles: RoleHeads = {};
  if (t.pos === 'verb') {
    // a participle the tagger read as an adjective after a copula is a passive: "was also raided"
    // (or a participle the parser gave a copula, maybe on the phrase's other word: "were pepper sprayed")
    const beside = t.partner !== undefined && Math.abs(t.partner - i) === 1 && tree.kids(t.partner, 'cop').length > 0 ? t.partner : undefined;
    const copular = ((tree.token(i).upos === 'ADJ' || ['VBN', 'VBD'].includes(tree.token(i).xpos ?? '')) && tree.kids(i, 'cop').length > 0) || beside !== undefined;
    const raised = raisedObject(tree, i);
    // "the case of Mara Velk, convicted of blasphemy", "the death of an officer, killed in an
    // ambush": a bare participle set off after a name or a person's noun is said of them, not of
    // the subject of the verb the parse joined it to
    // (a participle with no object of its own: "raided the office of the lawyer, arrested three staff" is a series of acts)
    const next = tree.token(i + 1);
    const bare = tree.token(i - 1)?.text === ',' && ['VBN', 'VBD'].includes(tree.token(i).xpos ?? '') && !tree.kids(i, 'aux', 'aux:pass', 'nsubj', 'nsubj:pass', 'cop', 'obj', 'iobj', 'ccomp').length && tree.token(i).deprel !== 'root' && !(next && ['PROPN', 'DET', 'PRON', 'NOUN', 'NUM'].includes(next.upos ?? '') && !tree.inTimex(i + 1));
    const commaPerson = UNACCUSATIVE.has(t.type) ? undefined : (commaParticiple(tree, i, lexicon.personNouns) ?? (bare ? personNounBefore(tree, lexicon, i) : undefined));
    if (raised !== undefined) {
      // "the force abducted and beat X", parsed as a force [that was] abducted: both verbs' object is X
      roles.target = raised;
      roles.agent = tree.head(i);
    } else if (tree.isPassive(i) || copular) {
      // "… the journalist X was called a traitor and charged with sedition": a conjunct takes the person its first verb found
      // (or, hung on a noun of the first verb's phrase, the verb before it: "charged with incitement and released on bail")
      const first = tree.token(i).deprel !== 'conj' ? undefined : tree.token(tree.head(i)).upos === 'VERB' ? tree.head(i) : verbBefore(tree, i);
      // "three men were abducted, and two, aid workers A and B, were slain": a conjunct with
      // auxiliaries of its own and names right before them is theirs, not the first verb's subject's
      const own = first !== undefined ? conjunctOwnSubject(tree, i) : undefined;
      const subj = (bare ? commaPerson : undefined) ?? subordinateNamed(tree, i) ?? misparsedOf(tree, i) ?? splitSubject(tree, i) ?? timeClauseSubject(tree, i) ?? own ?? passiveSubject(tree, lexicon, i) ?? (beside !== undefined ? tree.subjectOf(beside) : undefined) ?? personBeforeAuxiliaries(tree, i) ?? (first !== undefined ? personBeforeAuxiliaries(tree, first) : undefined) ?? groupBeforeAuxiliaries(tree, i, lexicon.personNouns);
      if (subj !== undefined) roles.target = subj;
      const by = byPhrase(tree, lexicon, i);
      if (by !== undefined) roles.agent = by;
    } else if (commaPerson !== undefined) {
      // "Ana Lopez, detained since 2019, was transferred": what befell the name before the comma
      roles.target = commaPerson;
      const by = byPhrase(tree, lexicon, i);
      if (by !== undefined) roles.agent = by;
    } else if ((UNACCUSATIVE.has(t.type) || UNDERGOING_VERBS.has(tree.lemma(i)) || t.entry.claim) && disappearedWhom(tree, i) === undefined) {
      // "Journalist A, who was serving a ten-year sentence, died in prison": the subject a relative clause took from the parse
      const subj = tree.subjectOf(i) ?? (t.pos === 'verb' && !t.entry.claim ? personBeforeAuxiliaries(tree, i) : undefined);
      if (subj !== undefined) roles.target = subj;
    } else {
      // "… before releasing all four": an object the parse made the gerund's subject; the doer is the clause's
      const flipped = objectReadAsSubject(tree, i);
      const subj = flipped !== undefined ? tree.subjectOf(tree.head(i)) : tree.subjectOf(i);
      // "shot dead the activist": the parser may hang the object on the phrase's other word
      const partnerObj = t.partner !== undefined ? tree.kids(t.partner, 'obj')[0] : undefined;
      // "targeted and arrested seven defenders": the object both verbs share hangs on the first
      const h = tree.head(i);
      const sharedObj = tree.token(i).deprel === 'conj' && h >= 0 && tree.token(h).upos === 'VERB' ? tree.kids(h, 'obj').find((o) => o > i) : undefined;
      // "kidnapped and jailed Jamil Sharif": the object both verbs share hangs on the second
      const laterObj = tree.kids(i, 'conj').filter((c) => c > i && tree.token(c).upos === 'VERB' && !tree.kids(c, 'nsubj', 'nsubj:pass', 'aux:pass').length).map((c) => tree.kids(c, 'obj')[0] ?? tree.nameComplement(c)).find((o) => o !== undefined);
      // "Police arrested blogger A", misparsed as police [that were] arrested with A a complement: a noun complement is the object
      const complement = tree.kids(i, 'xcomp').find((k) => k > i && ['NOUN', 'PROPN'].includes(tree.token(k).upos ?? '') && !tree.kids(k, 'cop', 'case').length);
      // "kidnapped and jailed A and many others — B (@handle)": an object the parser hung on the first
      // verb past the second verb's own is not the first verb's; the one they share is
      // two objects is a noun phrase the parser split ("sentenced land | rights campaigner A"): the person
      const objs = tree.kids(i, 'obj');
      const ownObj = objs.length > 1 ? (objs.find((o) => tree.entityOf[o]?.type === 'PERSON') ?? objs[0]) : objs[0];
      const own = ownObj !== undefined && laterObj !== undefined && laterObj < ownObj ? laterObj : ownObj;
      // "denied entry to X": an object that is the phrase's own word is no target; whom it is denied is
      // "opened fire on X": an attack's phrase aims it "on" or "at" someone
      const aim = (c: number) => t.type === 'ASSAULT' && ['at', 'on', 'upon'].includes(tree.caseOf(c) ?? '') && !tree.inTimex(c);
      // (or on the object's own "of" phrase: "handed a sentence of ten months to X")
      const toWhom = own !== undefined && own === t.partner ? (tree.kids(i, 'iobj')[0] ?? [...tree.kids(i, 'obl'), ...tree.kids(own, 'nmod'), ...tree.kids(own, 'nmod').flatMap((n) => tree.kids(n, 'nmod'))].find((c) => tree.caseOf(c) === 'to' || aim(c))) : undefined;
      // "fired at X", "shot at X": with no one its object, an attack befalls whom it is aimed at
      const aimedAt = own === undefined ? tree.kids(i, 'obl').find((c) => aim(c) && (tree.entityOf[c]?.type === 'PERSON' || tree.token(c).upos === 'PRON' || lexicon.personNouns.has(tree.lemma(c)) || lexicon.ownedNouns.has(tree.lemma(c)))) : undefined;
      const obj = flipped ?? toWhom ?? own ?? tree.kids(i, 'iobj')[0] ?? tree.nameComplement(i) ?? tree.bothObject(i) ?? partnerObj ?? sharedObj ?? laterObj ?? nameRightAfter(tree, i) ?? aimedAt ?? complement;
      if (t.type === 'ASYLUM_REQUEST') {
        if (subj !== undefined) roles.target = subj;
      } else {
        if (subj !== undefined) roles.agent = subj;
        if (obj !== undefined) roles.target = obj;
      }
    }
    // "Those detained include A and B", with the participle misparsed as an adjunct: it befalls "those"
    const standIn = participleAsNoun(tree, i);
    if (roles.target === undefined && standIn !== undefined) roles.target = standIn;
    // "The four kidnapped were identified as …", "the three detained": a participle after "the" and a
    // count is a noun for the people it befell, however the parser read the count
    if (i > 1 && tree.token(i - 1).upos === 'NUM' && tree.token(i - 2).text.toLowerCase() === 'the' && ['VBN', 'VBD'].includes(tree.token(i).xpos ?? '') && !tree.kids(i, 'obj').length) {
      roles.target = i - 1;
      if (roles.agent === i - 1) delete roles.agent;
    }
    // "the detained journalist", "activists abducted last week": a participle befalls its noun
    const rel = tree.token(i).deprel ?? '';
    // "were ordered released", "the court ordered them released": a bare participle completing
    // another verb befalls that verb's passive subject or its object
    const up = tree.head(i);
    if (roles.target === undefined && rel === 'xcomp' && tree.token(i).xpos === 'VBN' && up >= 0 && !tree.kids(i, 'nsubj', 'nsubj:pass', 'obj', 'aux', 'aux:pass', 'mark').length) {
      const whom = tree.isPassive(up) ? (tree.subjectOf(up) ?? personBeforeAuxiliaries(tree, up)) : tree.kids(up, 'obj')[0];
      if (whom !== undefined) {
        roles.target = whom;
        if (roles.agent === whom) delete roles.agent;
      }
    }
    // "A and B were among the first to be killed", "X is the latest to be detained": the infinitive befalls the copula's subject
    const predicate = rel === 'acl' && up >= 0 && tree.kids(i, 'mark').some((m) => tree.lemma(m) === 'to') && tree.kids(up, 'cop').length > 0 ? tree.kids(up, 'nsubj')[0] : undefined;
    if (predicate !== undefined && (roles.target === undefined || roles.target === up)) roles.target = predicate;
    // "has not heard from X since", "nothing has been heard of X since": whom no one hears from is
    // missing, not who does not hear ("X has not been heard from since" keeps its subject)
    if (t.type === 'DISAPPEARANCE' && tree.lemma(i) === 'hear') {
      const from = tree.kids(i, 'obl').find((c) => ['from', 'of'].includes(tree.caseOf(c) ?? '') && !tree.inTimex(c));
      if (from !== undefined) roles.target = from;
      else if (!tree.isPassive(i)) delete roles.target;
      delete roles.agent;
    }
    // "do not know the whereabouts of X", "refused to disclose her whereabouts": the owner of the
    // whereabouts is missing, not who does not know or tell them
    if (t.type === 'DISAPPEARANCE' && t.partner !== undefined && tree.lemma(t.partner) === 'whereabouts') {
      const owner = whereaboutsOwner(tree, t.partner);
      if (owner !== undefined) roles.target = owner;
      else delete roles.target;
      delete roles.agent;
    }
    // "threatened to kill X", "threatened to arrest her": whom the threatened act befalls is whom the threat is against
    if (t.type === 'THREAT' && roles.target === undefined) {
      const act = tree.kids(i, 'xcomp').find((x) => lexicon.verbs.has(tree.lemma(x)));
      const whom = act !== undefined ? tree.kids(act, 'obj')[0] : undefined;
      if (whom !== undefined) roles.target = whom;
    }
    // "received threatening messages": a participle on the noun a receiver takes befalls the receiver
    const taker = receivedWith(tree, i);
    if (taker !== undefined) {
      roles.target = taker;
      delete roles.agent;
    }
    const misread = verbReadAsModifier(tree, i);
    if (misread !== undefined) {
      roles.target = tree.head(i);
      roles.agent = misread;
    }
    // "he spent two years imprisoned": the span is not whom; the one who spends it is
    const spender = roles.target === undefined || roles.target === up ? spentBy(tree, i) : undefined;
    if (spender !== undefined) roles.target = spender;
    if (roles.target === undefined && (rel === 'amod' || rel === 'acl') && tree.head(i) >= 0) roles.target = tree.head(i);
    // …also where the parser hung it on the verb after it ("Those charged include", "The detained
    // included" with the participle an adjective or adjunct of the verb)
    if (standIn !== undefined && (roles.target === undefined || tree.token(roles.target).upos === 'VERB')) {
      roles.target = standIn;
      if (roles.agent !== undefined && roles.agent <= i) delete roles.agent;
    }
    // "Arrested on Monday, the lawyer A was released on Friday": the main clause's subject
    const fronted = roles.target === undefined ? openingClauseSubject(tree, i) : undefined;
    if (fronted !== undefined) roles.target = fronted;
    // "The four unionists were each sentenced to five years", with "sentenced" read as the years' adjective
    const floated = subjectPastFloatingQuantifier(tree, i);
    if (floated !== undefined && (roles.target === undefined || roles.target > i)) roles.target = floated;
    // "A, one of eight workers arrested after the strike, was freed", with A read as the subject of "arrested"
    const described = participleOfGroup(tree, i);
    if (described !== undefined && roles.target !== described) {
      roles.target = described;
      if (roles.agent !== undefined && roles.agent < i) delete roles.agent;
    }
    if (t.request !== undefined) {
      // "authorities asked Thailand to extradite him": the asker is the agent, the asked the origin
      const asker = tree.subjectOf(t.request);
      if (asker !== undefined) roles.agent = asker;
      const asked = tree.kids(t.request, 'iobj')[0] ?? tree.kids(t.request, 'obj')[0];
      if (asked !== undefined && asked !== roles.target) roles.origin = asked;
    }
  } else if (t.pos === 'adj') {
    // "his whereabouts are unknown", "the activist is missing", "a missing journalist", "will not be free"
    // "was found dead in Baghdad", parsed with "dead" on the place: whom the verb of the phrase finds
    const p = t.partner;
    const found = p !== undefined && tree.token(p).upos === 'VERB' ? (tree.isPassive(p) ? tree.subjectOf(p) : tree.kids(p, 'obj')[0]) : undefined;
    const ownClause = conjunctOwnSubject(tree, i);
    // "And Ilse Varga, a party member, was reported missing", the name hung elsewhere: the one the passive verb it completes is said of
    const up = tree.head(i);
    const completed = tree.token(i).deprel === 'xcomp' && up >= 0 && tree.isPassive(up) ? personBeforeAuxiliaries(tree, up) : undefined;
    const subj = found ?? ownClause ?? tree.subjectOf(i) ?? completed ?? (tree.token(i).deprel === 'amod' ? tree.head(i) : undefined);
    if (subj !== undefined && subj >= 0) roles.target = tree.lemma(subj) === 'whereabouts' ? (whereaboutsOwner(tree, subj) ?? subj) : subj;
  } else {
    // "Saturday's abduction": a date is when, not whose; "Karsland's arrest of a blogger": a country is who did it
    const [poss, possAgent] = [tree.kids(i, 'nmod:poss').find((k) => !noOneAt(tree, k)), tree.kids(i, 'nmod:poss').find((k) => !tree.inTimex(k) && noOneAt(tree, k))];
    // "on bail on Monday": a date is when, never whom
    // "sentences of 10 and 15 years": a length is not whom; "the release of the two" is
    // "charges of sedition": what someone is charged with or accused of is no one
    const crime = (c: number) => ACCUSING.has(t.type) && tree.caseOf(c) === 'of' && !tree.entityOf[c] && tree.token(c).upos === 'NOUN' && !lexicon.personNouns.has(tree.lemma(c));
    // "an attack on X", but not "threats on social media": an "on" phrase is whom only when it names
    // someone or what they own, and never when someone receives or suffers the event ("received threats on Facebook")
    const received = tree.token(i).deprel === 'obj' && tree.head(i) >= 0 && EXPERIENCERS.has(tree.lemma(tree.head(i)));
    const someone = (c: number) => Boolean(tree.entityOf[c]) || ['PRON', 'PROPN', 'NUM'].includes(tree.token(c).upos ?? '') || [lexicon.personNouns, lexicon.agentNouns, lexicon.ownedNouns].some((l) => l.has(tree.lemma(c)));
    const onSomeone = (c: number) => tree.caseOf(c) !== 'on' || (!received && someone(c));
    // "a 12-year sentence for X", "the death penalty for X": for a person, whom the sentence befalls (not "a sentence for murder")
    const sentencedFor = (c: number) => t.type === 'CONVICTION' && tree.caseOf(c) === 'for' && (tree.entityOf[c]?.type === 'PERSON' || lexicon.personNouns.has(tree.lemma(c)) || tree.token(c).upos === 'PRON');
    const of = tree.kids(i, 'nmod').find((c) => (['of', 'against', 'on'].includes(tree.caseOf(c) ?? '') || sentencedFor(c)) && !tree.inTimex(c) && (tree.token(c).upos !== 'NUM' || isGroupCount(tree, c)) && !crime(c) && onSomeone(c));
    // "the kidnappings and deaths of X": nouns in a list share the one "of"
    // (not a later noun with a determiner of its own: "an inquiry into the killing and the immediate release of the two men")
    const ownPhrase = (n: number) => n > i && tree.kids(n, 'det', 'nmod:poss').length > 0;
    const shared = () => [...tree.kids(i, 'conj'), ...(tree.token(i).deprel === 'conj' ? [tree.head(i)] : [])].filter((n) => !ownPhrase(n)).map((n) => tree.kids(n, 'nmod').find((c) => tree.caseOf(c) === 'of')).find((c) => c !== undefined);
    // "the death in detention of X": the parser may hang the "of" on the place of custody
    const custody = t.partner !== undefined && CUSTODY_NOUNS.has(tree.lemma(t.partner));
    const partnerOf = custody ? tree.kids(t.partner!, 'nmod').find((c) => tree.caseOf(c) === 'of' && !tree.inTimex(c)) : undefined;
    const ofAny = of ?? shared() ?? ofAfterTime(tree, i) ?? ofReadAsClause(tree, i);
    const h = tree.head(i);
    // "X contracted hepatitis while in prison": a state with no clause of its own is the subject's of the verb it hangs on
    // and so is any event noun that is such a clause of a clause's verb: "X died in hospital while
    // under close surveillance" (not of a participle that describes someone: "X, pictured while on
    // leave"); "while on medical release" is a spell out of prison, not the release that ends a custody
    const clauseVerb = h >= 0 && !/^(acl|amod)/.test(tree.token(h).deprel ?? '') && t.type !== 'RELEASE';
    const meanwhile = (t.entry.state || (tree.token(i).deprel === 'advcl' && clauseVerb)) && h >= 0 && !tree.kids(i, 'nsubj').length && tree.kids(i, 'mark').some((m) => WHILE_MARKS.has(tree.lemma(m))) ? (tree.subjectOf(h) ?? personBeforeAuxiliaries(tree, h)) : undefined;
    // "X, whose trial opened on Monday": the relative possessive stands for the name before it
    const whose = poss !== undefined && tree.token(poss).text.toLowerCase() === 'whose' ? tree.antecedentOf(poss) : undefined;
    let target = meanwhile ?? whose ?? poss ?? possessorOfName(tree, ofAny) ?? ofAny ?? partnerOf;
    // "survived an assassination attempt": the attempt is what the survivor's verb takes
    const [noun, verb] = h >= 0 && tree.token(i).deprel === 'compound' && ATTEMPT_NOUNS.has(tree.lemma(h)) ? [h, tree.head(h)] : [i, h];
    // ("has been getting death threats": threats one gets befall one; not any event one "gets": "got him released")
    const undergoes = (v: number) => EXPERIENCERS.has(tree.lemma(v)) || (t.type === 'THREAT' && tree.lemma(v) === 'get');
    if (target === undefined && verb >= 0 && tree.token(noun).deprel === 'obj' && undergoes(verb)) target = tree.subjectOf(verb);
    // "has faced repeated harassment", with the participle before the noun read as a verb of its own
    // taking it: the participle is the noun's modifier, and the experiencer's subject its target
    if (target === undefined && verb >= 0 && verb === noun - 1 && tree.token(noun).deprel === 'obj' && ['VBN', 'VBG'].includes(tree.token(verb).xpos ?? '') && tree.token(verb).deprel === 'xcomp' && EXPERIENCERS.has(tree.lemma(tree.head(verb)))) {
      target = tree.subjectOf(tree.head(verb));
    }
    // "others have received suspended death sentences", parsed with "received" a modifier of the noun
    // it takes: that verb's own subject before it is the one who receives
    if (target === undefined) {
      const taker = tree.kids(noun, 'amod', 'acl').find((v) => v < noun && EXPERIENCERS.has(tree.lemma(v)) && tree.kids(v, 'aux').length > 0);
      const subject = taker !== undefined ? tree.kids(taker, 'nsubj').find((n) => n < taker) : undefined;
      if (subject !== undefined) target = subject;
    }
    // "X has been granted bail", "the court granted him bail", "denied bail to X": who gets it
    if (target === undefined && verb >= 0 && tree.token(noun).deprel === 'obj' && GRANTING.has(tree.lemma(verb))) {
      const to = [...tree.kids(verb, 'obl'), ...tree.kids(noun, 'nmod')].find((c) => tree.caseOf(c) === 'to');
      // "handed A a five-year sentence", the parser giving the verb two objects: the first is whom
      const first = tree.kids(verb, 'obj').find((o) => o < noun);
      // "the court granted Chalita bail": the name parsed as the noun's compound
      const named = tree.kids(noun, 'compound').find((c) => c < noun && tree.entityOf[c]?.type === 'PERSON');
      target = tree.kids(verb, 'iobj')[0] ?? first ?? named ?? to ?? (tree.isPassive(verb) ? (tree.subjectOf(verb) ?? personBeforeAuxiliaries(tree, verb)) : undefined) ?? nameAfterTo(tree, i);
    }
    // "harassment by the police drove her to kill herself", "threats forced him into exile": what
    // the event made someone do tells whom it befell
    if (target === undefined && h >= 0 && tree.token(i).deprel === 'nsubj' && CAUSATIVES.has(tree.lemma(h))) target = tree.kids(h, 'obj').find((o) => o > i);
    // "was arrested on charges of sedition", "police held him on criminal charges": the charges
    // befall whom the verb they hang on befell
    if (target === undefined && t.type === 'CHARGE' && tree.caseOf(i) === 'on' && h >= 0 && tree.token(h).upos === 'VERB') target = undergoerOf(tree, h);
    // "a travel ban was imposed on X", "a ban was placed against X": a restriction noun is the passive
    // subject, whom it befalls the verb's "on" or "against" when that names someone (not a date,
    // "imposed on Monday"). Not yet charges ("were brought against X"): a charge so read moved more
    // statuses wrong than right on train.
    if (target === undefined && t.type === 'RESTRICTION' && h >= 0 && tree.token(i).deprel === 'nsubj:pass' && tree.token(h).upos === 'VERB') {
      const someone = (c: number) => tree.entityOf[c] !== undefined || lexicon.personNouns.has(tree.lemma(c).toLowerCase()) || tree.token(c).upos === 'PRON';
      target = tree.kids(h, 'obl').find((c) => ['on', 'against'].includes(tree.caseOf(c) ?? '') && !tree.inTimex(c) && someone(c));
    }
    // "X went on trial", "X is on trial", "X was put on trial", "they put X on trial": who is tried
    // (the bare noun only: who "reported on the trial" is not on trial)
    if (target === undefined && t.type === 'TRIAL' && tree.caseOf(i) === 'on' && !tree.kids(i, 'det', 'nmod:poss').length) {
      const active = h >= 0 && tree.token(h).upos === 'VERB' && !tree.isPassive(h) ? tree.kids(h, 'obj')[0] : undefined;
      target = tree.kids(i, 'nsubj')[0] ?? active ?? (h >= 0 && tree.token(h).upos === 'VERB' ? tree.subjectOf(h) : undefined);
    }
    // "police put him on the wanted list", "X was placed on a wanted list": who is wanted
    if (target === undefined && t.type === 'ACCUSATION' && tree.caseOf(i) === 'on' && h >= 0 && PUTTING_VERBS.has(tree.lemma(h))) {
      target = tree.isPassive(h) ? (tree.subjectOf(h) ?? personBeforeAuxiliaries(tree, h)) : tree.kids(h, 'obj')[0];
    }
    // "she was a victim of torture", "X, a victim of red-tagging": whom "victim" is said of
    if (target === undefined && h >= 0 && tree.lemma(h) === 'victim' && tree.caseOf(i) === 'of') {
      target = tree.kids(h, 'nsubj').find((k) => tree.entityOf[k]) ?? tree.kids(h, 'nsubj')[0] ?? (tree.token(h).deprel === 'appos' ? tree.head(h) : undefined);
    }
    // "they were subjected to torture": the passive subject of "subjected"
    if (target === undefined && h >= 0 && tree.caseOf(i) === 'to' && tree.lemma(h) === 'subject') target = tree.subjectOf(h);
    // "X was held incommunicado" (the word maybe read as the verb's object), "guards kept X incommunicado": the one held
    if (target === undefined && h >= 0 && /^(obj|xcomp)$/.test(tree.token(i).deprel ?? '') && PUTTING_VERBS.has(tree.lemma(h))) {
      target = tree.isPassive(h) ? (tree.subjectOf(h) ?? personBeforeAuxiliaries(tree, h)) : tree.kids(h, 'obj').find((o) => o !== i);
    }
    // "X was taken to an undisclosed location", "soldiers took him to an unknown place": the one taken
    // (the parse may hang the phrase on the place left: "moved from Korr detention centre to an
    // undisclosed location", with "location" under "centre": the verb above it)
    let mover = h;
    for (let hops = 0; mover >= 0 && hops < 2 && ['NOUN', 'PROPN'].includes(tree.token(mover).upos ?? '') && /^(obl|nmod)/.test(tree.token(mover).deprel ?? '') && tree.caseOf(mover) === 'from'; hops++) mover = tree.head(mover);
    if (target === undefined && t.type === 'DISAPPEARANCE' && mover >= 0 && tree.token(mover).upos === 'VERB' && ['to', 'at', 'in'].includes(tree.caseOf(i) ?? '')) {
      target = tree.isPassive(mover) ? (tree.subjectOf(mover) ?? personBeforeAuxiliaries(tree, mover)) : tree.kids(mover, 'obj')[0];
    }
    // a state: "X has been in police detention since May", "X remains in custody"
    if (target === undefined && STATE_CASES.has(tree.caseOf(i) ?? '')) {
      // "who is in Brenn prison": the relative pronoun stands for its noun
      const subjects = tree.kids(i, 'nsubj');
      // "X was tortured in custody": whom a harm told in the passive befell was in custody (not "born in prison")
      const sufferedIn = h >= 0 && tree.token(h).upos === 'VERB' && lexicon.verbs.has(tree.lemma(h)) && tree.isPassive(h) && tree.token(i).deprel === 'obl' ? tree.subjectOf(h) : undefined;
      const exiled = t.type === 'ASYLUM_REQUEST' && h >= 0 && EXILE_VERBS.has(tree.lemma(h)) ? tree.subjectOf(h) : undefined;
      target = subjects.find((k) => tree.entityOf[k]) ?? (subjects.length ? tree.subjectOf(i) : undefined) ?? heldBy(tree, h, i) ?? backIn(tree, h) ?? exiled ?? describedIn(tree, lexicon, h, i) ?? raisedSubject(tree, h, i) ?? thoseIn(tree, h, i) ?? groupIn(tree, lexicon, h, i) ?? subjectBeforeApposition(tree, h, i) ?? sufferedIn ?? spanBefore(tree, i) ?? setApartState(tree, i);
    }
    // "dozens still remain behind bars including union leader X", whoever the parse made the subject: the person named after "including"
    if (target === undefined && t.entry.state) target = tree.kids(i, 'nmod').find((c) => INCLUDING.has(tree.caseOf(c) ?? '') && tree.entityOf[c]?.type === 'PERSON');
    if (target !== undefined) roles.target = target;
    const by = tree.kids(i, 'nmod').find((c) => tree.caseOf(c) === 'by') ?? possAgent;
    if (by !== undefined) roles.agent = by;
  }
  // "Arrested in March, activist X was charged": a fronted participle's clause is said of the main clause's subject
  const fronted = t.pos !== 'noun' && (roles.target === undefined || roles.target === roles.agent) ? frontedParticipleSubject(tree, i) : undefined;
  if (fronted !== undefined) {
    roles.target = fronted;
    if (roles.agent !== undefined && tree.entityOf[roles.agent] === tree.entityOf[fronted]) delete roles.agent;
  }
  // "Jailed blogger X was moved", "Detained rights defender X appeared": the participle that opens
  // the phrase befalls the person it names, whichever role word the parse hung it on
  const described = t.pos !== 'noun' && t.partner === undefined ? describedName(tree, i, lexicon.speech) : undefined;
  if (described !== undefined) {
    roles.target = described;
    if (roles.agent !== undefined && roles.agent >= i) delete roles.agent;
  }
  // "placed rights defender X under house arrest", parsed with the first role word the object: the
  // role's words run on past it into the person's name, and the person is whom it befalls
  if (roles.target !== undefined && tree.entityOf[roles.target] === undefined && tree.token(roles.target).upos === 'NOUN' && /^\p{Ll}/u.test(tree.token(roles.target).text)) {
    // (only when the parse hung the name outside the target's phrase, where linking it cannot find it)
    const named = tree.personAfterRoleWords(roles.target + 1, 3);
    const within = named !== undefined && [...tree.ancestors(named)].some((a) => a.token === roles.target);
    if (named !== undefined && !within) roles.target = named;
  }
  // "a case was registered against the activist", "filed a complaint against him": whom it is against
  if (t.pos === 'verb' && t.partner !== undefined && tree.lemma(t.partner) === 'against' && tree.head(t.partner) > t.partner) roles.target = tree.head(t.partner);
  // "Charges were brought against X", "sedition charges filed against X": a noun trigger that its verb's
  // subject or object is, the verb's "against" phrase
  if (roles.target === undefined && t.pos === 'noun') {
    const verb = tree.head(t.token);
    const held = verb >= 0 && tree.token(verb).upos === 'VERB' && /^(nsubj|obj)/.test(tree.token(t.token).deprel ?? '');
    const against = held ? tree.kids(verb, 'obl').find((c) => tree.caseOf(c) === 'against') : undefined;
    if (against !== undefined) roles.target = against;
  }
  if (t.partner !== undefined && tree.lemma(t.partner) === 'whereabouts') {
    const owner = whereaboutsOwner(tree, t.partner);
    if (owner !== undefined) roles.target = owner;
  }
  // "her passport was confiscated", "the body of X was found": the event befalls the owner
  // (a thing seized or held is no one abducted or arrested: "police seized her laptop")
  const takesPeople = t.type === 'ABDUCTION' || t.type === 'ARREST';
  if (roles.target !== undefined && lexicon.ownedNouns.has(tree.lemma(roles.target)) && !takesPeople) {
    const owner = tree.kids(roles.target, 'nmod:poss')[0] ?? tree.kids(roles.target, 'nmod').find((c) => tree.caseOf(c) === 'of');
    // "A, whose flat was searched": whose it is is the name the relative clause is about
    const whose = owner !== undefined && tree.token(owner).text.toLowerCase() === 'whose' ? tree.antecedentOf(owner) : undefined;
    if (owner !== undefined) roles.target = whose ?? owner;
  }
  if (!NO_PLACE.has(t.type)) {
    // Not where its agent or target is said to be ("Police in Velmora arrested …"): a case's status
    // reads an arrest's place as where the person is held, and the police's town says less
    const place = scanAfter(tree, i, PLACE_CASES, isPlace);
    if (place !== undefined && place !== roles.target) roles.place = place;
  }
  if (MOVEMENT.has(t.type)) {
    // a movement's "to <place>" is rarely anyone else's in its sentence: "deported the president of a
    // union who helped produce a documentary … back to Cambodia"
    const dest = scanAfter(tree, i, new Set(['to', 'into']), (h) => isPlace(h) || isAgentLike(tree, lexicon, h), Infinity);
    if (dest !== undefined && dest !== roles.agent) roles.destination = dest;
    const origin = scanAfter(tree, i, new Set(['from']), isPlace, Infinity);
    if (origin !== undefined) roles.origin = origin;
  }
  if (!NO_PRINCIPAL.has(t.type)) {
    const principal = principalOf(tree, lexicon, i, roles.agent);
    if (principal !== undefined && principal !== roles.agent) roles.principal = principal;
  }
  // one phrase is not both who did it and whom it befell: the parse that made it so is wrong about the agent
  if (roles.agent !== undefined && roles.agent === roles.target) delete roles.agent;
  // nor is a date anyone: "Abducted last month, activist X …", with "last" read as the subject
  if (roles.agent !== undefined && tree.inTimex(roles.agent)) delete roles.agent;
  return roles;
}

/** Adverbs that may stand before a sentence-opening participle clause: "Later freed, …". */
const CLAUSE_OPENERS = new Set(['also', 'later', 'since', 'first', 'briefly', 'previously']);

/**
 * "Arrested on Monday, the lawyer A was released on Friday", "Detained since March, the activists
 * A and B began a hunger strike": a participle clause that opens the sentence, with no subject or
 * object of its own and a comma closing it, befalls the subject of the clause it hangs on. Returns
 * that subject (or the person before the main verb's auxiliaries, where the parse lost it), or
 * undefined.
 */
export function openingClauseSubject(tree: Tree, i: number): number | undefined {
  const { from } = tree.sentenceRange(i);
  if (tree.token(i).xpos !== 'VBN' || tree.kids(i, 'nsubj', 'nsubj:pass', 'obj').length > 0) return undefined;
  for (let j = from; j < i; j++) if (!CLAUSE_OPENERS.has(tree.token(j).text.toLowerCase())) return undefined;
  const main = tree.head(i);
  if (main <= i || !/^(advcl|acl|conj)/.test(tree.token(i).deprel ?? '')) return undefined;
  let comma = i + 1;
  while (comma < main && tree.token(comma).text !== ',') {
    if (['VERB', 'AUX'].includes(tree.token(comma).upos ?? '')) return undefined;
    comma++;
  }
  if (comma >= main) return undefined;
  const subject = tree.subjectOf(main) ?? (tree.isPassive(main) ? personBeforeAuxiliaries(tree, main) : undefined);
  // "Arrested in May, the activist's lawyer said …" is a dangling clause: someone defined through another is not who was arrested
  if (subject === undefined || subject <= comma || subject >= main || tree.kids(subject, 'nmod:poss').length > 0) return undefined;
  for (let j = comma + 1; j < subject; j++) if (['POS', 'PRP$'].includes(tree.token(j).xpos ?? '')) return undefined;
  return subject;
}
