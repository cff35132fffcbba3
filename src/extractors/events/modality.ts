import type { Modality } from '../../text/types.js';
import type { Lexicon } from './lexicon.js';
import { FUTURE_AUX } from '../dates/index.js';
import { NEGATORS } from '../syntax/tree.js';
import type { Tree } from '../syntax/tree.js';
import type { Trigger } from './triggers.js';
import { OBLIGATION_AUX, demanded, governedModality, harmAftermath } from './governors.js';
import { RECKONED_FROM } from './event-date.js';

/**
 * Modality, from the trigger's clause. Negated: "not", "never", "no charges", "without".
 * Future: "will", "is to", "faces" ("will probably face a military tribunal" — the trigger is the
 * object of a future verb), but charges one "faces" already stand. Hypothetical: "if", "could",
 * "might", "may", "risk". Reported: the
 * event is told inside a quotation or in what someone said ("his lawyer said that she was
 * beaten"); the speaker is kept. A factive verb ("police confirmed the arrest") tells its content
 * as true: asserted, with the speaker kept. Negation wins over the others: a spokesman saying no charges
 * have been filed gives a negated CHARGE, said by him.
 */

export interface ModalityReading {
  modality: Modality;
  /** The subject of the speech verb a reported event is told under, as a head token. */
  speaker?: number;
  /** The speech verb, when there is one. */
  cue?: number;
  /** Asserted although told through a source: news relayed, not a claim (see RELAYED_TYPES). */
  relayed?: boolean;
}

const HYPOTHETICAL_AUX = new Set(['could', 'might', 'may', 'would', 'can']);
const HYPOTHETICAL_MARK = new Set(['if', 'unless', 'whether']);
const FUTURE_HEADS = new Set(['face', 'risk', 'expect', 'fear', 'plan', 'intend']);
// what is called for, feared or threatened has not happened: "called for his immediate release"
const HYPOTHETICAL_HEADS = new Set(['threaten', 'risk', 'fear', 'avoid', 'prevent', 'escape', 'call', 'demand', 'urge', 'seek', 'want', 'push', 'press', 'prospect', 'possibility', 'danger', 'spectre', 'specter', 'likelihood', 'chance']);
// what is awaited or only possible: "her expected release (date)", "a possible arrest"
const FUTURE_MODIFIERS = new Set(['expected', 'expect', 'planned', 'plan', 'scheduled', 'schedule', 'anticipated', 'anticipate', 'imminent', 'upcoming', 'impending', 'forthcoming']);
const POSSIBLE_MODIFIERS = new Set(['possible', 'potential', 'likely', 'probable', 'eventual', 'proposed', 'propose', 'hoped', 'hoped-for']);
/** A speech verb that takes what it tells as true: "the army confirmed the arrest" tells an arrest. */
const FACTIVE_SPEECH = new Set(['confirm', 'acknowledge', 'admit', 'reveal']);
/**
 * What befalls a person's liberty or life, relayed through a source ("the party said its chairman
 * had been detained", "according to his lawyer, she was charged"), is the report's news: monitors
 * and the case gold take it as told, and a case that waited for an analyst to accept it would show
 * the person free. What a source alleges, claims or believes stays reported, as do words in
 * quotation marks and torture, threats and accusations told through someone.
 */
// Leaving the country to escape ("fled abroad in March, the union said") is such news too: it is
// where the person is now, and a case that waited would show someone in exile as free at home.
const RELAYED_TYPES = new Set(['ARREST', 'CHARGE', 'TRIAL', 'CONVICTION', 'RELEASE', 'DISAPPEARANCE', 'ABDUCTION', 'DEPORTATION', 'EXTRADITION', 'KILLING', 'ASYLUM_REQUEST']);
/** Speech verbs that tell a claim the report does not vouch for. */
const ALLEGING = new Set(['claim', 'allege', 'insist', 'deny', 'argue', 'accuse', 'believe', 'suspect', 'testify', 'assert', 'warn', 'think']);
/**
 * Who holds the person: "police said he had been released" (or "had fled the country") is the
 * jailer's word, and a release or a flight that authorities announce and nobody sees is how many
 * disappearances begin. Such a release or flight stays reported until an analyst accepts it.
 */
const STATE_VOICES = new Set(['police', 'authority', 'government', 'ministry', 'minister', 'official', 'officials', 'spokesman', 'spokeswoman', 'spokesperson', 'army', 'military', 'prosecutor', 'prosecution', 'regime', 'junta', 'state', 'interior', 'security']);
/** What the jailer's word does not settle: a release, and a flight abroad ("officials said he had fled to Sudan" is how a disappearance is covered up). */
const JAILERS_WORD = new Set(['RELEASE', 'ASYLUM_REQUEST']);
function stateVoice(tree: Tree, speaker: number | undefined): boolean {
  if (speaker === undefined) return false;
  return [speaker, ...tree.kids(speaker, 'compound', 'amod', 'nmod')].some((k) => STATE_VOICES.has(tree.lemma(k).toLowerCase()));
}
/** What a court or a law shields someone with: "protection from arrest", "interim relief from arrest". */
const SHIELDS = new Set(['relief', 'protection', 'immunity', 'reprieve', 'shield', 'exemption']);

/**
 * An event noun someone is shielded "from" has not happened: "extended his interim relief from
 * arrest", "extended Navlakha's protection from arrest till October 15" (the parser may hang the
 * "from" phrase on the verb whose object the shield is). Not "released from custody after his
 * protection lapsed": only the shield's own "from" phrase.
 */
function shieldedFrom(tree: Tree, t: Trigger): boolean {
  if (t.pos !== 'noun' || tree.caseOf(t.token) !== 'from') return false;
  const h = tree.head(t.token);
  if (h < 0) return false;
  return SHIELDS.has(tree.lemma(h).toLowerCase()) || (tree.token(h).upos === 'VERB' && tree.kids(h, 'obj').some((o) => SHIELDS.has(tree.lemma(o).toLowerCase())));
}

/** Adjuncts of time: what happened "after", "before" or "since" an announcement is not what was announced. */
const TIME_MARKERS = new Set(['after', 'before', 'since', 'until', 'till', 'when', 'while', 'during', 'following', 'amid']);

/** Prepositions by which an event noun dates its clause's verb ("since his arrest", "during his detention"). */
const DATING = new Set([...RECKONED_FROM, 'during', 'amid']);

/** Verbs of prosecution, punishment and redress, whose "for" or "over" names what a person is held to account for ("no officer was suspended over his killing"). */
const ACCOUNTING = new Set(['arrest', 'detain', 'hold', 'charge', 'indict', 'prosecute', 'try', 'convict', 'sentence', 'jail', 'imprison', 'punish', 'question', 'interrogate', 'blame', 'investigate', 'sue', 'fine', 'execute', 'suspend', 'dismiss', 'discipline', 'sack', 'reprimand', 'censure', 'apologise', 'apologize', 'compensate']);
/**
 * Prepositions by which an event noun is the ground of its clause's verb ("arrested for the
 * killing", "charged over his death"), or the state a release leaves ("not released from
 * detention"): by verb, since "set a date for her release" or "paid for the release" are purposes.
 */
const GROUNDS = new Map<string, ReadonlySet<string>>([
  ['for', ACCOUNTING],
  ['over', ACCOUNTING],
  ['from', new Set(['release', 'free', 'discharge', 'let'])],
]);

/** The trigger and the verb its noun or adjective depends on: "face (persecution)", "be (free)". */
function clauseTokens(tree: Tree, t: Trigger): number[] {
  const out = [t.token];
  if (t.partner !== undefined) out.push(t.partner);
  const h = tree.head(t.token);
  const rel = tree.token(t.token).deprel ?? '';
  // not the verb an event noun dates: "has not heard from him since his arrest" denies the hearing, not the arrest
  const dates = rel.startsWith('obl') && tree.kids(t.token, 'case').some((k) => DATING.has(tree.lemma(k)));
  // nor the verb an event noun is the ground of: "no one has been arrested for the killing of X",
  // "should be tried over his death" deny or call for the arrest and the trial, and tell the killing
  const ground = rel.startsWith('obl') && h >= 0 && tree.kids(t.token, 'case').some((k) => GROUNDS.get(tree.lemma(k).toLowerCase())?.has(tree.lemma(h).toLowerCase()));
  if (t.pos !== 'verb' && h >= 0 && /^(obj|nsubj|obl|xcomp|nsubj:pass)/.test(rel) && !dates && !ground) out.push(h);
  // a gerund that is the subject of its clause: "extraditing him would embolden others"
  if (t.pos === 'verb' && h >= 0 && (rel.startsWith('csubj') || (rel === 'nsubj' && tree.token(t.token).xpos === 'VBG'))) out.push(h);
  // the means of its clause: "should show their commitment by releasing X" is as unrealised as "should"
  // ("should demonstrate their commitment to protecting rights by releasing X": up through the
  // clauses without a tense of their own to the one that has it)
  if (t.pos === 'verb' && h >= 0 && rel === 'advcl' && tree.token(t.token).xpos === 'VBG' && tree.kids(t.token, 'mark').some((m) => tree.lemma(m) === 'by')) {
    let up = h;
    for (let hops = 0; up >= 0 && hops < 3; hops++) {
      out.push(up);
      const via = tree.token(up).deprel ?? '';
      const untensed = ['VBG', 'VB'].includes(tree.token(up).xpos ?? '') && !tree.kids(up, 'aux').length;
      if (!untensed || !/^(advcl|xcomp)/.test(via)) break;
      up = tree.head(up);
    }
  }
  return out;
}

/** Marks of an alternative that did not happen: "instead of releasing him", "rather than charging her". */
const INSTEAD = new Set(['instead', 'rather']);

/** Verbs whose subject's existence their negation denies: "the trial did not take place", "his release was not confirmed". */
const EXISTENCE = new Set(['happen', 'occur', 'take', 'begin', 'start', 'proceed', 'go', 'materialise', 'materialize', 'confirm', 'verify', 'hold', 'order', 'grant', 'carry', 'come', 'announce', 'approve', 'issue', 'file', 'bring', 'exist']);

/** Verbs of commenting, whose "on" or "about" phrase is an event taken as known: "did not comment on his arrest". */
const COMMENTING = new Set(['comment', 'remark', 'speak', 'talk', 'respond', 'react', 'elaborate']);

/** Verbs whose object is an event taken as known, whether or not they are negated: "did not investigate the abduction". */
const KNOWN_OBJECT = new Set(['investigate', 'probe', 'examine', 'condemn', 'denounce', 'criticise', 'criticize', 'report', 'acknowledge', 'witness', 'mention', 'discuss', 'address', 'explain', 'justify', 'protest', 'mourn', 'commemorate', 'remember', 'recall', 'document', 'record', 'cover', 'punish', 'solve']);

/**
 * A definite event noun that is its verb's subject or object is taken as known: "the killing of X
 * has not been investigated" and "police did not investigate the abduction of X" deny the
 * investigation, not the killing or the abduction. Verbs that tell whether it happened keep the
 * negation ("did not confirm the arrest", "did not order his release").
 */
function presupposedNoun(tree: Tree, t: Trigger, h: number): boolean {
  if (t.pos !== 'noun' || h !== tree.head(t.token)) return false;
  const rel = tree.token(t.token).deprel ?? '';
  const definite = (d: number) => tree.token(d).deprel === 'nmod:poss' || ['the', 'his', 'her', 'their'].includes(tree.token(d).text.toLowerCase());
  // "the DSS had not commented on the release": what one does not comment on happened all the same
  if (rel.startsWith('obl') && COMMENTING.has(tree.lemma(h).toLowerCase()) && ['on', 'about'].includes(tree.caseOf(t.token) ?? '')) return tree.kids(t.token, 'det', 'nmod:poss').some(definite);
  // an object only of a verb that takes it as known, and never a release: "did not allow (secure,
  // sign, effect) the release of X", "did not conduct the execution" tell nothing happened
  if (rel.startsWith('obj') && (!KNOWN_OBJECT.has(tree.lemma(h).toLowerCase()) || t.type === 'RELEASE')) return false;
  if (!/^(nsubj|obj)/.test(rel)) return false;
  if (EXISTENCE.has(tree.lemma(h)) || ['be', 'have'].includes(tree.lemma(h))) return false;
  return tree.kids(t.token, 'det', 'nmod:poss').some(definite);
}

/** A negator on a token: "not", "never", "no", and "neither" before the first of two ("neither charged nor …"). */
const negatedAt = (tree: Tree, c: number): boolean =>
  tree.children[c]!.some((k) => (NEGATORS.has(tree.lemma(k)) || tree.lemma(k) === 'neither') && /^(advmod|det|neg|case|cc:preconj|mark)/.test(tree.token(k).deprel ?? ''));

/**
 * A conjunct under a negation it shares: "nor" denies its own ("nor was she released"), and one
 * joined by "or" to a denied one is denied too ("has not been charged or released"). Not "but" or
 * "and": "was not charged but released" tells the release.
 */
function deniedConjunct(tree: Tree, i: number): boolean {
  if (tree.token(i).deprel !== 'conj') return false;
  const cc = tree.kids(i, 'cc').map((k) => tree.lemma(k).toLowerCase());
  return cc.includes('nor') || (cc.includes('or') && negatedAt(tree, tree.head(i)));
}

/** "Instead of (being) freed": "instead"/"rather" at `k`, then "of"/"than", then only "being", "been", "having" or adverbs before the verb at `i` (not "arrested A instead of B"). */
function insteadOfVerb(tree: Tree, k: number, i: number): boolean {
  if (k >= i || !['of', 'than'].includes(tree.token(k + 1)?.text.toLowerCase() ?? '')) return false;
  for (let j = k + 2; j < i; j++) if (!['being', 'been', 'having'].includes(tree.token(j).text.toLowerCase()) && tree.token(j).upos !== 'ADV') return false;
  return true;
}

function isNegated(tree: Tree, t: Trigger, clause: number[]): boolean {
  if (t.entry.negated) return false; // the phrase's own negation: "whereabouts are not known" is asserted
  if (tree.kids(t.token, 'mark', 'case').some((k) => INSTEAD.has(tree.lemma(k)))) return true;
  // "Instead of being freed, he was moved": the parser hangs "instead" as an adverb with "of" fixed to it
  if (tree.kids(t.token, 'advmod').some((k) => INSTEAD.has(tree.lemma(k)) && insteadOfVerb(tree, k, t.token))) return true;
  // (a phrase's own partner is the event, not a verb about it: "the body of X was not found" denies the finding)
  clause = clause.filter((c) => c === t.partner || !presupposedNoun(tree, t, c));
  return deniedConjunct(tree, t.token) || clause.some((c) => negatedAt(tree, c) && !notUntil(tree, c)) || clause.some((c) => noOneSubject(tree, c));
}

/** "did not free her until December": not before a time is at that time, so it happened. */
function notUntil(tree: Tree, c: number): boolean {
  // (not "until now", "until today": still not)
  const still = (k: number) => ['now', 'today', 'date', 'recently'].includes(tree.token(k).text.toLowerCase());
  if (tree.kids(c, 'obl', 'advcl', 'nmod').some((k) => !still(k) && tree.kids(k, 'case', 'mark').some((m) => ['until', 'till'].includes(tree.token(m).text.toLowerCase())))) return true;
  // (however the parse hung the time: "did not release the activist X until December")
  const { to } = tree.sentenceRange(c);
  for (let k = c + 1; k + 1 < to && ![',', ';', '.'].includes(tree.token(k).text); k++) if (['until', 'till'].includes(tree.token(k).text.toLowerCase()) && tree.inTimex(k + 1) && !still(k + 1)) return true;
  return false;
}

/** Subjects that say the event befell no one: "nobody was arrested", "no one is in custody". */
const NO_ONE = new Set(['nobody', 'none', 'noone']);

/** The clause's subject is nobody: "nobody was arrested", "no one has been charged", "no officer had arrested him", "none were released", "neither journalist has been charged", "neither X nor Y was freed". */
function noOneSubject(tree: Tree, c: number): boolean {
  const neither = (k: number) => tree.kids(k, 'det', 'cc:preconj', 'advmod').some((d) => tree.lemma(d).toLowerCase() === 'neither');
  // "no one", and any subject "no" quantifies: "no officer had arrested him", "no journalist was freed"
  // (not "no fewer than five journalists", "no more than ten": a count)
  const no = (d: number) => tree.lemma(d).toLowerCase() === 'no' && !/^(?:fewer|less|more|than)$/i.test(tree.token(d + 1)?.text ?? '');
  return tree.kids(c, 'nsubj', 'nsubj:pass').some((k) => NO_ONE.has(tree.lemma(k).toLowerCase()) || tree.lemma(k).toLowerCase() === 'neither' || neither(k) || (tree.kids(k, 'det').some(no) && !tree.kids(k, 'nummod').length));
}

/** A relative clause set off by a comma and opened by "who", "whom", "whose" or "which": ", who has been held since May". */
function commaRelative(tree: Tree, clause: number): boolean {
  const { from } = tree.sentenceRange(clause);
  for (let k = clause - 1; k > from && clause - k <= 12; k--) {
    if (!['who', 'whom', 'whose', 'which'].includes(tree.token(k).text.toLowerCase())) continue;
    return tree.token(k - 1).text === ',';
  }
  return false;
}

/**
 * The nearest speech verb above the trigger, if any, reached by any path but its subject's ("The
 * arrest, police said, …" is still told), a clause conjoined to it ("were accused of forgery but
 * were acquitted") or an adjunct of time ("announced a day after the release of X"). A definite
 * event noun that is the object of another verb inside what is told is taken as known ("accused
 * of exposing a cover-up of the killing of X" tells the killing).
 */
function speechAbove(tree: Tree, lexicon: Lexicon, i: number): number | undefined {
  let below = i;
  // on a relative clause's noun, through nouns only ("denied bail to the organiser X, who …")
  let inRelative = false;
  for (const { token, via } of tree.ancestors(i)) {
    // "denied bail to X, who has been in detention since May", "accused X, who was arrested in
    // May, of treason": a relative clause on a noun the speech verb takes as its object or oblique
    // tells what befell that person in the writer's words, not what is denied or claimed
    // (set off by a comma and "who", "which": "that" after a speech verb's object opens what is told as often)
    if (via === 'acl:relcl') inRelative = commaRelative(tree, below);
    else if (!/^(obj|obl|iobj|nmod|appos|flat|compound)/.test(via)) inRelative = false;
    if (inRelative && via !== 'acl:relcl' && /^(obj|obl|iobj)/.test(via) && lexicon.speech.has(tree.lemma(token))) return undefined;
    // a clause joined to the speech verb by its own "and" or "but" is the writer's, not the speaker's
    const ownClause = via === 'conj' && tree.kids(below, 'cc').length > 0;
    // nor is a clause after a semicolon that the parse joined as a conjunct: "the police said no force
    // had been used against him; released on 7 March" (a list line's clauses)
    // (not one with its own "that", which goes on with what is said: "said that A had been tortured; that he …; and that …")
    if (via === 'conj' && tree.kids(below, 'punct').some((k) => k < below && tree.token(k).text === ';') && !tree.kids(below, 'mark').some((m) => ['that', 'whether'].includes(tree.lemma(m)))) return undefined;
    // "X, who was released last month, said …" hung as the speech verb's adverbial: a relative
    // clause says what befell its noun, not what the speaker says
    const relative = (k: number) => ['WP', 'WDT'].includes(tree.token(k).xpos ?? '') && k > 0 && tree.token(k - 1).text === ',';
    if (/^(advcl|ccomp|parataxis)/.test(via) && tree.kids(below, 'nsubj', 'nsubj:pass').some(relative)) return undefined;
    // "Released on bail last week, editor X said …": a participle's clause opening the sentence, with
    // no subject or conjunction of its own, tells what befell the speaker, not what they say
    const opening = below === tree.sentenceRange(below).from && below < token && tree.token(below).xpos === 'VBN';
    if (via.startsWith('advcl') && opening && !tree.kids(below, 'nsubj', 'nsubj:pass', 'mark').length) return undefined;
    if (lexicon.speech.has(tree.lemma(token)) && !/^(nsubj|csubj)/.test(via) && !ownClause && !timeAdjunct(tree, below)) return token;
    if (below === i && tree.token(i).upos === 'NOUN' && via === 'obj' && tree.token(token).upos === 'VERB' && tree.kids(i, 'det', 'nmod:poss').length > 0) return undefined;
    below = token;
  }
  return undefined;
}

/** The step onto the speech verb is an adjunct of time: "announced a day after the release". */
function timeAdjunct(tree: Tree, n: number): boolean {
  const rel = tree.token(n).deprel ?? '';
  if (!/^(obl|advcl|nmod)/.test(rel)) return false;
  // "when he was released on bail, X told journalists …": "when" is the clause's adverb
  return tree.kids(n, 'case', 'mark', 'advmod').some((k) => TIME_MARKERS.has(tree.lemma(k)) || TIME_MARKERS.has(tree.token(k).text.toLowerCase()));
}

/**
 * A source the event's sentence names: "was released on Monday, according to his lawyer" (read
 * from the words, wherever the parser hung the phrase), or a speech verb the parser
 * hung under the event instead of over it ("Police said the activist … had been released", read
 * as "[police said], released"). Returns the speech verb or the source's noun.
 */
function sourceBelow(tree: Tree, lexicon: Lexicon, clause: readonly number[]): { cue: number; speaker?: number } | undefined {
  const { from, to } = tree.sentenceRange(clause[0]!);
  for (let a = from; a + 2 < to; a++) {
    if (tree.token(a).text.toLowerCase() !== 'according' || tree.token(a + 1).text.toLowerCase() !== 'to') continue;
    // a list line's clauses joined by semicolons each tell their own source: in "detained on 6
    // March; according to his wife, beaten in the van; released on 7 March", only the beating is
    // hers (one that opens or closes the sentence covers all of it: "According to his family, A
    // was taken away; he was beaten")
    if (a > from && tree.token(a - 1).text === ';' && (clause[0]! < a || semicolonBetween(tree, a, clause[0]!))) continue;
    const h = tree.head(a);
    const speaker = h > a + 1 ? h : a + 2;
    if (!clause.includes(speaker)) return { cue: a, speaker };
  }
  for (const c of clause) {
    for (const k of tree.children[c]!) {
      const rel = tree.token(k).deprel ?? '';
      // a clause with its own "after", "because", "when" is an adjunct, not the source: "arrested after being accused of spying"
      // nor is a gerund, which tells what was done, not who tells it: "arrested on charges including denying the genocide"
      if ((rel === 'advcl' || rel === 'parataxis') && lexicon.speech.has(tree.lemma(k)) && !tree.kids(k, 'mark').length && tree.token(k).xpos !== 'VBG') {
        const speaker = tree.subjectOf(k);
        if (speaker !== undefined) return { cue: k, speaker };
      }
    }
  }
  return undefined;
}

/** Whether a semicolon stands between tokens `a` and `b` (either order). */
function semicolonBetween(tree: Tree, a: number, b: number): boolean {
  for (let k = Math.min(a, b) + 1; k < Math.max(a, b); k++) if (tree.token(k).text === ';') return true;
  return false;
}

/**
 * "…was detained outside her building, said her lawyer": after what is told, the speaker follows
 * the verb, and the parser often makes it the object.
 */
function invertedSpeaker(tree: Tree, verb: number): number | undefined {
  if (!tree.kids(verb, 'ccomp', 'parataxis', 'advcl').some((c) => c < verb)) return undefined;
  return tree.kids(verb, 'obj', 'nsubj').find((k) => k > verb);
}

/**
 * The speaker when the parse gave the speech verb no subject ("On Monday, Pavel Drost, a
 * spokesman for …, said": the name got attached to "Monday"): the nearest person or organisation
 * named before the verb in its sentence, outside quotation marks.
 */
function nameNear(tree: Tree, verb: number): number | undefined {
  const { from } = tree.sentenceRange(verb);
  const quoted = quotedTokens(tree, from, verb);
  // a name's last token, outside quotation marks
  const nameEnd = (j: number, type: string) => !quoted[j - from] && tree.entityOf[j]?.type === type && tree.doc.tokens[j]!.end === mentionEnd(tree, j);
  // a person before an organisation: "Pavel Drost, a spokesman for the Interior Ministry, said"
  for (const type of ['PERSON', 'ORG']) {
    for (let j = verb - 1; j >= from; j--) if (nameEnd(j, type)) return j;
  }
  return undefined;
}

/** The end of the entity mention holding token `j`. */
function mentionEnd(tree: Tree, j: number): number | undefined {
  const t = tree.doc.tokens[j]!;
  return tree.entityOf[j]?.mentions.find((m) => m.start <= t.start && t.end <= m.end)?.end;
}

/** For each token from `from` to `to`, whether it sits inside quotation marks (one pass). */
function quotedTokens(tree: Tree, from: number, to: number): boolean[] {
  const out: boolean[] = [];
  let open = false;
  for (let j = from; j < to; j++) {
    const w = tree.token(j).text;
    if (w === '“') open = true;
    else if (w === '”') open = false;
    else if (w === '"' || w === '``' || w === "''") open = !open;
    else {
      out.push(open);
      continue;
    }
    out.push(false); // the mark itself is not quoted text
  }
  return out;
}

const QUOTE_MARKS = new Set(['“', '”', '"', '``', "''"]);
/** The most words scare quotes hold: "who “disappeared” from his cell" quotes a word, not a speaker. */
const SCARE_QUOTE = 3;

/** True when token `i` sits inside quotation marks in its sentence (a speaker's words, not a word set in scare quotes). */
export function insideQuote(tree: Tree, i: number): boolean {
  const { from, to } = tree.sentenceRange(i);
  if (!(quotedTokens(tree, from, i + 1)[i - from] ?? false)) return false;
  let open = i - 1;
  while (open >= from && !QUOTE_MARKS.has(tree.token(open).text)) open--;
  let close = i + 1;
  while (close < to && !QUOTE_MARKS.has(tree.token(close).text)) close++;
  return close >= to || close - open - 1 > SCARE_QUOTE;
}

/** A verb of alleging anywhere in the sentence, outside the quotation, for a quote the parse did not hang under it: "“They took him away,” his wife claimed". */
function alleged(tree: Tree, i: number): boolean {
  const { from, to } = tree.sentenceRange(i);
  const quoted = quotedTokens(tree, from, to);
  // the tagger may read the verb as an adjective, its lemma the form itself ("alleged")
  const alleging = (j: number): boolean => [tree.lemma(j), tree.lemma(j).replace(/e?d$/, ''), tree.lemma(j).replace(/d$/, '')].some((l) => ALLEGING.has(l));
  for (let j = from; j < to; j++) if (!quoted[j - from] && ['VERB', 'ADJ'].includes(tree.token(j).upos ?? '') && alleging(j)) return true;
  return false;
}

/** Auxiliaries that open a condition when they come before the subject: "Had he been detained, …". */
const INVERTED_CONDITION = new Set(['Had', 'Were', 'Should']);

/**
 * A condition told by inversion, with no "if": "Had he been detained, he would have been the
 * latest victim", "Were she to be arrested, …". The sentence opens with the auxiliary, then the
 * subject, and the trigger comes before the comma that closes the condition (read from the words:
 * the parser rarely gets this right). Not a question ("Had he been detained?").
 */
function invertedCondition(tree: Tree, i: number): boolean {
  const { from: start, to } = tree.sentenceRange(i);
  let from = start;
  while (from < i && QUOTE_MARKS.has(tree.token(from).text)) from++;
  if (!INVERTED_CONDITION.has(tree.token(from).text) || !['PRON', 'PROPN', 'DET', 'NOUN'].includes(tree.token(from + 1)?.upos ?? '')) return false;
  for (let j = from + 2; j < to; j++) {
    const w = tree.token(j).text;
    if (w === ',') return j > i;
    if (w === '?') return false;
  }
  return false;
}

/**
 * A condition hung on the clause: "if he returns, he will be arrested". Not one a colon or a
 * semicolon closes before the clause: "If you are new to this story: A was arrested" says
 * nothing about the arrest.
 */
function conditional(tree: Tree, clause: readonly number[]): boolean {
  const closed = (a: number, c: number): boolean => {
    for (let j = Math.min(a, c) + 1; j < Math.max(a, c); j++) if (/^[:;]$/.test(tree.token(j).text)) return true;
    return false;
  };
  return clause.some((c) => tree.kids(c, 'advcl').some((a) => !closed(a, c) && tree.kids(a, 'mark').some((m) => HYPOTHETICAL_MARK.has(tree.lemma(m)) && tree.lemma(m) !== 'whether')));
}

/** What the words modifying an event noun say of it: "her expected release (date)" is to come, "a possible arrest" may be. */
function modifierModality(tree: Tree, t: Trigger): Modality | undefined {
  if (t.pos !== 'noun') return undefined;
  const h = tree.head(t.token);
  const holders = [t.token, ...(h >= 0 && tree.token(t.token).deprel === 'compound' ? [h] : [])];
  // "pending her release", "pending trial": what a wait is for has not come
  if (holders.some((n) => tree.kids(n, 'case', 'amod').some((k) => tree.lemma(k) === 'pending' || tree.lemma(k) === 'pend') || (tree.head(n) >= 0 && tree.token(tree.head(n)).text.toLowerCase() === 'pending' && tree.token(n).deprel === 'obj'))) return 'future';
  // "awaiting his release", "probation to follow his release from prison": what is waited for, or what a later step is to follow, has not come
  if (h >= 0 && tree.token(t.token).deprel === 'obj' && (tree.lemma(h) === 'await' || (['follow', 'precede'].includes(tree.lemma(h)) && tree.kids(h, 'mark', 'aux').some((k) => ['to', 'will', 'shall'].includes(tree.lemma(k)))))) return 'future';
  const mods = holders.flatMap((n) => tree.kids(n, 'amod')).map((k) => tree.token(k).text.toLowerCase());
  if (mods.some((m) => FUTURE_MODIFIERS.has(m))) return 'future';
  if (mods.some((m) => POSSIBLE_MODIFIERS.has(m))) return 'hypothetical';
  return undefined;
}

/**
 * A modal the parse hung elsewhere: "All nine men detained must be swiftly and
 * unconditionally released", parsed with "released" joined to "detained" and "must" on
 * "swiftly". Read off the words: a modal right before the verb, past adverbs, "and", and the
 * forms of "be" and "have" only.
 */
function modalBefore(tree: Tree, i: number): string | undefined {
  const { from } = tree.sentenceRange(i);
  for (let j = i - 1; j >= from; j--) {
    const t = tree.token(j);
    if (t.xpos === 'MD') return tree.lemma(j);
    const filler = t.upos === 'ADV' || t.upos === 'CCONJ' || ['be', 'have'].includes(tree.lemma(j));
    if (!filler || NEGATORS.has(t.text.toLowerCase())) return undefined;
  }
  return undefined;
}

/**
 * A verb in the mandative subjunctive: "ordered that he be released", "demands that she be freed".
 * Its "be" is bare (no "to", no modal before it, past adverbs and "not"), so it tells what is asked
 * for, not what happened.
 */
/** Words a that-clause's subject is made of: "that the two be released", "that Mr Ivo Sarn be freed". */
const SUBJECT_WORDS = new Set(['DET', 'NOUN', 'PROPN', 'NUM', 'ADJ', 'PRON']);

/**
 * "demanding that the two be released" with "that" hung elsewhere by the parser: "that" right
 * before the words of a subject, which run up to the verb's bare "be".
 */
function thatBeforeSubject(tree: Tree, i: number, from: number): boolean {
  const be = tree.kids(i, 'aux:pass', 'aux').find((k) => k < i && tree.token(k).text.toLowerCase() === 'be');
  if (be === undefined) return false;
  let j = be - 1;
  while (j >= from && be - j <= 6 && SUBJECT_WORDS.has(tree.token(j).upos ?? '') && tree.token(j).text.toLowerCase() !== 'that') j--;
  return j >= from && j < be - 1 && tree.token(j).text.toLowerCase() === 'that' && ['SCONJ', 'PRON', 'DET'].includes(tree.token(j).upos ?? '');
}

function subjunctive(tree: Tree, i: number): boolean {
  // a that-clause's own verb only: "let him be released", "pay the bail and be released" are no mandate
  const { from } = tree.sentenceRange(i);
  if (!tree.kids(i, 'mark').some((m) => ['that', 'lest'].includes(tree.lemma(m))) && !thatBeforeSubject(tree, i, from)) return false;
  return tree.kids(i, 'aux:pass', 'aux').some((k) => {
    if (tree.token(k).text.toLowerCase() !== 'be' || k >= i) return false;
    let j = k - 1;
    while (j >= from && (tree.token(j).upos === 'ADV' || tree.token(j).upos === 'PART') && tree.token(j).text.toLowerCase() !== 'to') j--;
    if (j < from) return false;
    const before = tree.token(j);
    return before.text.toLowerCase() !== 'to' && before.xpos !== 'MD' && before.upos !== 'AUX';
  });
}

/** Modals of what ought to have been: "should", "ought". */
const PROPRIETY = new Set(['should', 'ought']);

/** A negated perfect of propriety in the clause: "should never have been", "ought not to have". */
function reproached(tree: Tree, clause: number[]): boolean {
  return clause.some((c) => {
    const aux = tree.kids(c, 'aux').map((a) => tree.lemma(a));
    return aux.some((a) => PROPRIETY.has(a)) && aux.includes('have') && negatedAt(tree, c);
  });
}

export function modalityOf(tree: Tree, lexicon: Lexicon, t: Trigger): ModalityReading {
  const clause = clauseTokens(tree, t);
  const above = speechAbove(tree, lexicon, t.token);
  const below = above === undefined ? sourceBelow(tree, lexicon, clause) : undefined;
  const speech = above ?? below?.cue;
  // "X was reported missing": a passive speech verb's subject is what is told of, its speaker the by-phrase, if any
  const passiveSpeech = speech !== undefined && !below && tree.isPassive(speech);
  const speaker = speech === undefined ? undefined : below ? below.speaker : passiveSpeech ? tree.kids(speech, 'obl:agent')[0] : (tree.subjectOf(speech) ?? invertedSpeaker(tree, speech) ?? nameNear(tree, speech));
  const reading = (modality: Modality): ModalityReading => {
    const r: ModalityReading = { modality };
    if (speech !== undefined) {
      r.cue = speech;
      if (speaker !== undefined) r.speaker = speaker;
    }
    return r;
  };
  // "should never have been arrested", "the charge should not have been brought": a reproach of
  // what happened, not a denial of it (a new user's case showed a lawyer "denying" the charge she
  // protested); "would not have been arrested had he stayed" still tells that nothing happened
  if (reproached(tree, clause)) return reading(speech !== undefined ? 'reported' : 'asserted');
  if (isNegated(tree, t, clause)) return reading('negated');
  // a claim or a warning is the speaker's act, and it happened: asserted (the caller makes the
  // speaker its agent) — "he said Mony 'will not be free'" is a THREAT made, not a future one
  if (t.entry.claim || t.entry.future) return reading('asserted');
  // a refusal is the negation a negated phrase carries: "refused to disclose his whereabouts" tells them unknown
  const aftermath = harmAftermath(tree, t);
  const governing = aftermath ? undefined : governedModality(tree, t);
  const governed = aftermath ? undefined : ((t.entry.negated && governing === 'negated' ? undefined : governing) ?? modifierModality(tree, t) ?? (t.pos !== 'verb' && demanded(tree, t.token) ? 'hypothetical' : undefined));
  if (governed) return reading(governed);
  const aux = clause.flatMap((c) => tree.kids(c, 'aux', 'mark')).map((a) => tree.lemma(a));
  const stray = t.pos === 'verb' ? modalBefore(tree, t.token) : undefined;
  if (stray !== undefined) aux.push(stray);
  // "could not ascertain if the detention is connected with the killing of X": what a clause's
  // "if" or "could" questions is the connection; "the killing of X" it names is taken as done. Not
  // a release: "the release of X would be welcome" frees nobody.
  const presupposed = t.pos === 'noun' && t.type !== 'RELEASE' && tree.token(t.token).deprel !== 'nsubj' && tree.kids(t.token, 'det', 'nmod:poss').some((d) => ['the', 'his', 'her', 'their'].includes(tree.token(d).text.toLowerCase()) || tree.token(d).deprel === 'nmod:poss');
  if (!presupposed && aux.some((a) => HYPOTHETICAL_MARK.has(a) || OBLIGATION_AUX.has(a))) return reading('hypothetical');
  // "was threatened with arrest if he continued": a threat's if-clause is the threat's condition, and the threat was made
  if (!presupposed && ((t.type !== 'THREAT' && conditional(tree, clause)) || invertedCondition(tree, t.token))) return reading('hypothetical');
  const head = tree.head(t.token);
  if (!aftermath && t.pos !== 'verb' && head >= 0 && HYPOTHETICAL_HEADS.has(tree.lemma(head))) return reading('hypothetical');
  if (shieldedFrom(tree, t)) return reading('hypothetical');
  // "faces charges of sedition": the charges are brought and stand; "will face charges" is to come
  // and what someone "faced" or "has faced" is behind them ("has faced threats since 2019")
  const faced = head >= 0 && tree.lemma(head) === 'face' && (tree.token(head).xpos === 'VBD' || tree.kids(head, 'aux').some((a) => tree.lemma(a) === 'have'));
  const standing = (t.type === 'CHARGE' && head >= 0 && tree.lemma(head) === 'face') || faced;
  if (aux.some((a) => FUTURE_AUX.has(a)) || (t.pos !== 'verb' && head >= 0 && FUTURE_HEADS.has(tree.lemma(head)) && !standing)) return reading('future');
  if (aux.some((a) => HYPOTHETICAL_AUX.has(a))) return reading('hypothetical');
  // a release only: "ordered that he be remanded in custody at X" is custody the court imposed
  if (t.pos === 'verb' && t.type === 'RELEASE' && subjunctive(tree, t.token)) return reading('hypothetical');
  // a removal ordered is still to be carried out: "ordered that he be deported on completion of his sentence"
  if (t.pos === 'verb' && (t.type === 'DEPORTATION' || t.type === 'EXTRADITION') && subjunctive(tree, t.token)) return reading('future');
  // "the army confirmed the arrest": a factive verb tells its content as true (the speaker is kept)
  if (speech !== undefined && above !== undefined && FACTIVE_SPEECH.has(tree.lemma(speech)) && !insideQuote(tree, t.token)) return reading('asserted');
  // a quotation relays the news as well ("“Police arrested him at dawn,” the group said"), but not a
  // release: who quotes one may be its jailer, and a quoted release stays a claim until accepted
  const quoted = insideQuote(tree, t.token);
  const relayed = RELAYED_TYPES.has(t.type) && (speech === undefined ? quoted && t.type !== 'RELEASE' && !alleged(tree, t.token) : !ALLEGING.has(tree.lemma(speech)) && !(quoted && t.type === 'RELEASE'));
  if (relayed && !(JAILERS_WORD.has(t.type) && stateVoice(tree, speaker))) return { ...reading('asserted'), relayed: true };
  if (speech !== undefined || insideQuote(tree, t.token)) return reading('reported');
  return reading('asserted');
}
