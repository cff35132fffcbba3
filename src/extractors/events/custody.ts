import { tokenAt } from '../../text/align.js';
import type { Entity, EventType, Role, TextSpan, VigilEvent } from '../../text/types.js';
import { nameMentions } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';
import type { EntityLinker } from './link.js';
import { listAround } from './coordination.js';
import { CustodyEvents } from './custody-index.js';
import { HAPPENED, custodyOver } from './ended.js';
import { HOUSE_ARREST, foundLater } from './merge.js';
import { personBeforeAuxiliaries } from './roles.js';
import { HOLDING_MODIFIERS } from './triggers.js';

/**
 * Where a person is held and whether anyone knows: "held at the Central Police Station in
 * Reyvik", "taken to Karsvik prison", "who is in Evin prison", "remanded in custody at …" give
 * `heldAt`; "his whereabouts remain unknown", "held incommunicado", "taken to an unknown place",
 * "we do not know where they have taken him" give `whereaboutsUnknown`. A statement applies to
 * the events of its own clause and to the nearest earlier arrest (conviction, deportation,
 * abduction…) of the same person; a group ("the three journalists were held at …", "they") to
 * every person of the nearest earlier arrest. Where someone is held is not where they were
 * arrested: a "held at" place leaves the event's `place` to the arrest.
 */

/** Small words that may stand inside a facility's name. */
const NAME_GLUE = new Set(['and', 'of', 'for', 'de', 'del', 'la']);
/** Words whose complement has not happened: "is expected to be moved", "plans to transfer", "refused to be moved". */
const NOT_YET = new Set(['expect', 'plan', 'schedule', 'due', 'likely', 'set', 'intend', 'hope', 'want', 'threaten', 'seek', 'ask', 'request', 'demand', 'urge', 'try', 'attempt', 'propose', 'fear', 'refuse', 'decline']);
/** Prepositions of a time told between a verb of holding and its place: "held since then at …". */
const TIME_CASES = new Set(['since', 'on', 'for', 'until', 'till']);
/** Words of a time the dates component marks no timex on: "since then". */
const TIME_ADVERBS = new Set(['then', 'now']);
/** Words of a place nobody names ("an undisclosed location"): said of where someone lives or works too, they tell no disappearance alone. */
const UNKNOWN_SITE = /\b(?:location|place|destination|site|facility|detention)s?$/i;
/** Events after which nobody's not knowing where the person is adds nothing: they are already lost, or dead. */
const LOST_OR_DEAD = new Set<EventType>(['DISAPPEARANCE', 'ABDUCTION', 'KILLING']);
/** Events after which a person may be held somewhere. */
const CUSTODY_TYPES = new Set<EventType>(['ARREST', 'CONVICTION', 'DEPORTATION', 'EXTRADITION', 'ABDUCTION', 'DISAPPEARANCE']);
/** Modalities of a custody that took place: a holding asked for and refused holds no one. */
/** Words of a refusal in the statement's sentence: "asked for her to be remanded in X; the judge refused". */
const REFUSED = /\b(?:refus|reject|denied|denies|deny|turned down|dismiss)/i;
/** Nouns that make a place somewhere people are held. */
/** Whether two events are both dated and in different years (one custody may run into the next month). */
function datedApart(a: VigilEvent, b: VigilEvent): boolean {
  const year = (v: VigilEvent) => (v.date && /^\d{4}/.test(v.date.value) ? v.date.value.slice(0, 4) : undefined);
  const [x, y] = [year(a), year(b)];
  return x !== undefined && y !== undefined && x !== y;
}

/** The parts of a prison a person is put in for a while: "a punishment cell", "an overcrowded cell", "the isolation ward". */
const CELL_PARTS = new Set(['cell', 'cells', 'ward', 'wing', 'block', 'basement', 'unit']);

/** A part of a facility told with no name of its own ("a punishment cell", not "Ward 4 of Karst prison"). */
function barePart(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return CELL_PARTS.has(words.at(-1)!.toLowerCase()) && !words.some((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

/** "held at the same prison": a place named by reference to one told before. */
const SAME_PLACE = /^(?:the\s+)?same\s+\p{L}+/iu;

/** "Another student has been held at the same prison since August": the holding place the report named last before it. */
function sameAsBefore(doc: { text: string }, events: readonly VigilEvent[]): void {
  const named = events
    .map((v) => v.heldAt)
    .filter((h): h is Role => !!h && h.start !== undefined && !SAME_PLACE.test(h.text) && !HOUSE_ARREST.test(h.text))
    .sort((a, b) => a.start! - b.start!);
  for (const v of events) {
    const h = v.heldAt;
    if (!h || h.start === undefined || !SAME_PLACE.test(h.text)) continue;
    // "the same prison as his father was": the one it is compared with, not the last named
    if (/^\s*as\b/i.test(doc.text.slice(h.end!, h.end! + 4))) continue;
    const before = named.filter((x) => x.start! < h.start!).at(-1);
    if (before) v.heldAt = before;
  }
}

/** What takes people to custody: "a prison van" is no place anyone is held. */
const VEHICLES = new Set(['van', 'truck', 'lorry', 'car', 'bus', 'vehicle', 'pickup', 'jeep', 'minibus', 'suv', 'helicopter', 'plane', 'boat']);
/** Buildings that hold people when a word of custody says so: "Correctional Institution", "penal complex". */
const CUSTODY_BUILDINGS = new Set(['institution', 'complex', 'establishment', 'home', 'block']);
/** The words of custody such a building needs: a prison's, not a force's ("Military Institute", "police unit" hold nobody). */
const CUSTODY_BUILDING_WORDS: ReadonlySet<string> = new Set([...[...HOLDING_MODIFIERS].filter((w) => w !== 'police' && w !== 'isolation'), 'reform', 're-education', 'reeducation', 'internment']);
const FACILITIES = new Set(['prison', 'jail', 'gaol', 'penitentiary', 'station', 'cell', 'cells', 'centre', 'center', 'facility', 'camp', 'barracks', 'headquarters', 'hq', 'base', 'compound', 'dungeon', 'colony', 'cellblock', 'precinct', 'lockup', 'lock-up', 'stockade', 'ward', 'wing']);
/** What makes a station one of travel, fuel or broadcast, not of police. */
const NOT_HOLDING = new Set(['bus', 'train', 'railway', 'rail', 'metro', 'subway', 'underground', 'petrol', 'gas', 'fuel', 'filling', 'service', 'radio', 'television', 'tv', 'power', 'space', 'weather', 'fire']);
/**
 * What makes a camp or a centre one of holidays, care, trade or talk, not of custody, unless a word
 * of custody stands with it ("a youth detention centre"). Not "training": "vocational training
 * centres" hold people.
 */
const NOT_HOLDING_PLACE = new Set(['summer', 'holiday', 'scout', 'sports', 'shopping', 'health', 'medical', 'community', 'cultural', 'research', 'data', 'media', 'press', 'visitor', 'visitors', 'conference', 'convention', 'business', 'fitness']);
/** Words of custody beside a facility's noun: those that make a centre one that holds people, and a force's or a camp's. */
const CUSTODY_WORDS = new Set([...HOLDING_MODIFIERS, 'security', 'military', 'intelligence', 'reform', 're-education', 'reeducation', 'internment']);
/** Purposes a person is moved for that hold them: "taken to the station to be questioned". */
const HELD_PURPOSES = new Set(['question', 'interrogate', 'detain', 'hold', 'charge', 'book', 'process', 'await', 'face', 'serve']);
/** Purposes of one's own a visit to a facility serves: "brought to the detention centre for an inspection". */
const OWN_PURPOSES = new Set(['inspection', 'visit', 'tour', 'meeting', 'ceremony', 'briefing', 'treatment', 'check-up', 'checkup', 'talk', 'talks']);
/** The prepositions that join a facility's name to the rest of it: "Evin prison in Tehran", "the office of the police". */
const PLACE_OF = new Set(['of', 'in', 'at', 'near', 'outside']);
/** The states of someone held, said with a copula: "is in solitary confinement in …", "is in custody at …". */
const CONFINEMENT = new Set(['confinement', 'custody', 'detention', 'isolation', 'sentence', 'term']);
/** The states someone is held in, which a facility or town may follow: "in custody at …", "in solitary confinement at …". */
const HELD_STATES = new Set(['custody', 'detention', 'confinement', 'isolation']);
/** Buildings that hold people when a police or security force's ("the office of the national police"). */
const BUILDINGS = new Set(['office', 'premises', 'building', 'quarters', 'post', 'department', 'directorate', 'command', 'bureau', 'branch']);
/** Buildings that hold people only when a force's: "the state police command", not "the Bureau of Statistics". */
const FORCE_ONLY = new Set(['command', 'bureau', 'branch']);
const FORCES = new Set(['police', 'intelligence', 'security', 'army', 'military', 'gendarmerie', 'gendarme', 'militia', 'investigation']);
/** Parts of a building someone is held in: "the women's section of …", "a wing of …". */
const PARTS_OF_FACILITY = new Set(['section', 'wing', 'ward', 'block', 'basement', 'annex', 'annexe', 'unit', 'floor', 'cell', 'cells', 'compound']);
/** Verbs by which someone is held at a place, whatever it is called. */
const HELD_AT = new Set(['hold', 'keep', 'detain']);
/** Verbs that hold a person somewhere (at, in) or move them there (to, into). */
const HOLDING = new Set(['hold', 'keep', 'detain', 'jail', 'imprison', 'incarcerate', 'lock', 'remand', 'confine', 'lodge', 'arrest']);
/** Moving someone held from one place of detention to another: it says they are held. */
const TRANSFERS = new Set(['transfer', 'move', 'shift']);
const MOVING = new Set(['take', 'transfer', 'shift', 'move', 'bring', 'send', 'transport', 'drive', 'escort', 'place', 'put', 'throw']);
/** Whether token `i` moves someone held: a moving verb, or "was returned to Karst prison" (not "she returned to the station", who went). */
const moves = (tree: Tree, i: number): boolean => MOVING.has(tree.lemma(i)) || (tree.lemma(i) === 'return' && tree.token(i).upos === 'VERB' && tree.isPassive(i));
/** Moving verbs that also set someone down in a place ("placed in Karst jail", "put at the Karst remand centre"). */
const PUTTING = new Set(['place', 'put', 'throw']);
/** Verbs that leave a person where a copula would: "remains in Evin prison". */
const STAYING = new Set(['be', 'remain', 'stay', 'languish', 'sit', 'spend', 'serve']);
/** Verbs of staying the tagger reads as nouns after "and" ("charged and remains held at …"). */
const MISREAD_STAYING = new Set(['remains', 'stays']);
/** Triggers that say where a person is held, not where they were taken: their place is the holding place. */
const HOLD_TRIGGERS = new Set(['hold', 'keep', 'remand', 'custody', 'detention', 'jail', 'imprison', 'incarcerate', 'lock', 'confine']);
/** Modals that make a clause something that may, must or will happen, not something that did. */
export const NOT_FACTUAL = new Set(['could', 'might', 'may', 'would', 'should', 'must', 'will', 'shall', 'can']);
const PLURAL_PRONOUNS = new Set(['they', 'them', 'their', 'theirs', 'we', 'us', 'our']);
const PERSON_PRONOUNS = new Set(['he', 'him', 'his', 'she', 'her', 'they', 'them', 'their', 'we', 'us', 'our']);
/** Words that stand for a group told before: "both are held at …", "all except A are held at …". */
const GROUP_WORDS = new Set(['both', 'all']);

const WHEREABOUTS = /\bwhereabouts\b/i;
const NOT_KNOWN = /\b(?:unknown|not (?:been )?(?:known|disclosed|revealed|confirmed|clear|told|informed)|unclear|undisclosed|no (?:information|word|news)|information (?:on|about)|to know|(?:do|does|did|could)(?:n['’]t| not) know|not knowing|a mystery|unaccounted|(?:refus|declin)(?:e|es|ed|ing)? to (?:disclose|reveal|say|give|confirm))/i;
const KNOWN_AGAIN = /\b(?:now known|revealed|disclosed to|located|traced|confirmed (?:his|her|their) whereabouts)\b/i;
const UNKNOWN_PLACE = /\b(?:held |kept )?incommunicado\b|\b(?:whether|if) (?:he|she|they) (?:is|are|was|were) (?:still )?(?:dead or alive|alive or dead|alive)\b|\btold that no(?:body| one)(?: by (?:that|his|her) name)? (?:was|is|had been) (?:in (?:their |police |its )?custody|being held|detained)\b|\b(?:he|she|they) (?:was|is|were|are) not in (?:their|police|its|state|official) custody\b|\b(?:have|has|had)(?:n['’]t| not)(?: yet)? heard (?:anything |a word |any news )?(?:from|about|of) (?:him|her|them)\b|\b(?:an? |the )?(?:unknown|undisclosed|secret|unidentified) (?:location|place|destination|site|facility|detention)s?\b|\b(?:no one|nobody|(?:do|does|did)(?:n['’]t| not)|not) know(?:s|ing)? where\b|\b(?:not|never)(?: been)? (?:told|informed|notified)(?: of)? where\b|\bno idea where\b|\b(?:unable|not (?:been )?able|failed|trying|tried) to (?:find out|learn|discover|establish|locate|trace) where\b(?=[^.;]{0,40}?\b(?:held|kept|detained|taken|jailed|imprisoned)\b)|\b(?:ha(?:ve|s|d)(?:n['’]t| not| never)|neither\b[^.;]{0,100}?\bha(?:ve|s|d)) acknowledged (?:holding|detaining|having (?:arrested|detained|taken)) (?:him|her|them)\b|\b(?:den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing) to acknowledge) (?:holding|detaining|having (?:arrested|detained|taken)|(?:that )?(?:they|police|officers|security forces) (?:are|were|had been) holding) (?:him|her|them)\b|\b(?:(?:refus|declin|fail)(?:e|es|ed|ing)? to (?:say|disclose|reveal|tell|confirm)|(?:not |un)(?:known|clear)|(?:not|never)(?: been)? (?:disclosed|revealed|said|confirmed)) where\b(?=[^.;]{0,40}?\b(?:held|kept|detained|taken|located|jailed|imprisoned)\b)/i;

interface Statement {
  /** The verb or noun whose clause says it; its sentence. */
  token: number;
  sentence: number;
  start: number;
  /** Who is held, when the clause names them, and whether they are several people. */
  who?: Role;
  group: boolean;
  heldAt?: Role;
  unknown?: TextSpan;
  /** The token the holdee's words hang on. */
  whoToken?: number;
  /** People a group statement leaves out: "all except A". */
  except?: Set<string>;
  /**
   * Told by a verb that takes the person to the place ("transferred to", "taken to", "sent to"):
   * a named person the report tells no custody of is held there all the same.
   */
  moved?: boolean;
  /** The verb a statement with its verb left out shares ("and B to Y"): its trigger. */
  verb?: number;
  /**
   * Told on a custody noun, with no person the words could be read to ("his detention at Karst
   * prison was extended"): only the custody the noun itself tells is placed, nobody told before.
   */
  ownOnly?: boolean;
}

/**
 * Whether an incommunicado spell the event's trigger tells is over: "she had been held incommunicado
 * for six months after her arrest" (then brought to court, sentenced). Such a spell sets no status.
 */
export function spellOver(doc: Tree['doc'], v: VigilEvent): boolean {
  if (v.type !== 'DISAPPEARANCE') return false;
  const { start, end } = doc.sentences[v.sentence]!;
  return spellOverAt(doc.text.slice(start, end), v.trigger.start - start);
}

/** Whether offset `at` of a sentence's text stands in a spell told as over, with no word that it goes on. */
function spellOverAt(text: string, at: number): boolean {
  const m = SPELL_OVER.exec(text);
  return !!m && m.index <= at && at < m.index + m[0].length && !STILL_ON.test(text.slice(Math.max(0, m.index - 40), m.index + m[0].length));
}

/** A spell of not being known where, told as past and measured: "had been held incommunicado for six months". */
const SPELL_OVER = /\b(?:had been|was|were)\s+(?:\w+\s+){0,2}?(?:held|kept|detained)\s+incommunicado\s+for\s+(?:\w+\s+){0,2}?(?:hours?|days?|weeks?|months?|years?)\b/i;
/** Words that say the spell goes on. */
const STILL_ON = /\b(?:still|remains?|has been|have been|is being|are being)\b/i;
/** Someone named by a working tie to another: "his lawyer", "her colleague" (not a relative: "her husband" is how a wife speaks of the man held). */
const RELATION = /^(?:his|her|their)\s+(?:\w+\s+)?(?:lawyer|attorney|colleague|friend)s?$/i;
/** A description nobody was linked to that names someone by a working tie to another ("his lawyer"). */
const workingTie = (who: Role | undefined): boolean => !!who && !who.entity && RELATION.test(who.text.trim());
/** Words that stand for whoever was told before: "his whereabouts", "they are held". */
const STAND_INS = /^(he|she|they|him|her|them|his|their|hers|theirs|both|all|each)$/i;

/**
 * Whether a statement's holdee and an event's target are descriptions of different people: "the
 * paper's editor has not been seen since" is not about the "two journalists" its sentence tells
 * detained. Only descriptions nobody was linked to; a pronoun may stand for anyone told before.
 */
function otherDescription(who: Role | undefined, target: Role | null): boolean {
  // "the whereabouts of his lawyer": someone's lawyer or colleague is someone else
  if (workingTie(who)) return true;
  if (!who || !target || who.entity || target.entity || STAND_INS.test(who.text.trim())) return false;
  const overlap = who.start !== undefined && target.start !== undefined && who.end !== undefined && target.end !== undefined && who.start < target.end && target.start < who.end;
  return !overlap && who.text.trim().toLowerCase() !== target.text.trim().toLowerCase();
}

export class CustodyReader {
  constructor(
    private readonly tree: Tree,
    private readonly linker: EntityLinker,
    private readonly personNouns: ReadonlySet<string>,
  ) {}

  /** Fills `heldAt` and `whereaboutsUnknown` on `events` from the report, and takes a holding place out of `place`. */
  apply(events: VigilEvent[]): void {
    const statements = [...this.heldStatements(), ...this.unknownStatements(events)].sort((a, b) => a.start - b.start);
    const indexed = new CustodyEvents(this.tree.doc, events, (v) => this.triggerTokens(v));
    for (const s of statements) {
      // "all except A are held at …": whichever way the events were found, A's are not about this
      let about = this.eventsFor(s, indexed).filter((v) => !(v.target?.entity && s.except?.has(v.target.entity)) && (!s.ownOnly || this.ownTrigger(v, s)));
      // "A and B were moved from Karst prison to a facility in Drell": each named one is held there
      const moved = s.moved ?? false;
      // (also when the custody it would join befalls words linked to nobody: a lede's "A radio host
      // …, and an organizer …, were arrested" named next as "A, 38, and B, 51, were brought to …")
      const pair = (about.length === 0 || about.every((v) => !v.target?.entity)) && s.heldAt && s.whoToken !== undefined && moved ? this.namedWith(s.whoToken, s.token) : [];
      if (pair.length > 1) {
        const doc = this.tree.doc;
        for (const k of pair) {
          const person = this.tree.entityOf[k]!;
          const m = person.mentions.find((x) => x.start <= doc.tokens[k]!.start && doc.tokens[k]!.start < x.end);
          if (!m) continue;
          indexed.add(this.heldByTransfer(s, { entity: person.id, text: m.text, start: m.start, end: m.end }));
        }
        continue;
      }
      // (someone named: "a man from the ward office told my father he was taken to …" may have linked "he" to the wrong description)
      const transfer = about.length === 0 && s.heldAt && s.who?.entity && !s.group && moved && this.isNamedPerson(s.who.entity) && (TRANSFERS.has(this.tree.lemma(s.verb ?? s.token)) || this.hasName(s.who.entity));
      // a transfer of someone whose custody the report tells later ("… was transferred to Kesh
      // prison. She is serving a ten-year sentence"): that custody is where they are held
      if (transfer) about = this.laterCustodyOf(s.who!.entity!, s, events);
      // "X was transferred from Evin prison to Kesh prison", told of someone whose custody the
      // report never tells: the transfer says X is held, an ARREST ("held") with its place
      if (transfer && about.length === 0) {
        indexed.add(this.heldByTransfer(s, s.who ?? null));
        continue;
      }
      // "he has not been heard from since, and colleagues did not know where he was", of a named person
      // the report tells no custody of: that nobody knows where they are is the event itself
      if (about.length === 0 && s.unknown && !UNKNOWN_SITE.test(s.unknown.text) && !s.heldAt && s.who?.entity && !s.group && this.isNamedPerson(s.who.entity) && !events.some((v) => v.target?.entity === s.who!.entity && LOST_OR_DEAD.has(v.type))) {
        indexed.add(this.lostTrack(s, s.unknown));
        continue;
      }
      // "prosecutors asked for her to be remanded in a pretrial detention centre; the judge refused":
      // a holding asked for, refused or to come is where nobody is held, so it is no one else's place either
      const unheld = indexed.inSentence(s.sentence).some((v) => this.ownTrigger(v, s) && !HAPPENED.has(v.modality)) && this.refusedIn(s.sentence);
      // "placed her in a punishment cell", "kept in an overcrowded cell": a part of the prison the
      // report named before, whose name says more of where the person is than the part does
      const named = s.heldAt && barePart(s.heldAt.text) ? this.namedBefore(s, about, indexed) : undefined;
      for (const v of about) {
        // a house arrest's place is the home, whatever a cell told beside it held
        if (s.heldAt && (!unheld || this.ownTrigger(v, s)) && !HOUSE_ARREST.test(v.trigger.text)) {
          v.heldAt = named ?? s.heldAt;
          foundLater(v, (offset) => this.tree.doc.sentenceAt(offset));
          if (v.place && this.ownTrigger(v, s) && this.overlaps(v.place, s.heldAt) && this.holds(v)) v.place = null;
        }
        if (s.unknown) v.whereaboutsUnknown = s.unknown;
      }
    }
    // a house arrest no statement placed is held at home: its own words say where
    for (const v of events) if (v.type === 'ARREST' && !v.heldAt && HOUSE_ARREST.test(v.trigger.text)) v.heldAt = { entity: null, text: v.trigger.text, start: v.trigger.start, end: v.trigger.end };
    sameAsBefore(this.tree.doc, events);
  }

  /** The named place the people of `about` were last told held at before the statement: not a bare part, nor a home. */
  private namedBefore(s: Statement, about: VigilEvent[], events: CustodyEvents): Role | undefined {
    const fits = (v: VigilEvent) => !!v.heldAt && v.heldAt.start !== undefined && v.heldAt.start < s.start && !barePart(v.heldAt.text) && !HOUSE_ARREST.test(v.heldAt.text);
    const told = about.filter(fits).map((v) => v.heldAt!);
    for (const id of new Set(about.map((v) => v.target?.entity).filter((x): x is string => !!x))) {
      const last = events.lastAbout(id, fits);
      if (last) told.push(last.heldAt!);
    }
    return told.sort((a, b) => a.start! - b.start!).at(-1);
  }

  /** Whether sentence `k` tells a refusal. */
  private refusedIn(k: number): boolean {
    const sentence = this.tree.doc.sentences[k];
    return !!sentence && REFUSED.test(this.tree.doc.slice(sentence.start, sentence.end));
  }

  /** Whether a role's words are several people: a plural noun or a count ("two journalists", "the 12"). */
  private plural(role: Role | null): boolean {
    if (!role || role.end === undefined) return false;
    const k = tokenAt(this.tree.doc, role.end - 1);
    const t = k >= 0 ? this.tree.doc.tokens[k] : undefined;
    return t !== undefined && (t.xpos === 'NNS' || t.upos === 'NUM');
  }

  /** The first custody of the person told after the statement, as a list of at most one. */
  private laterCustodyOf(entity: string, s: Statement, events: VigilEvent[]): VigilEvent[] {
    const later = events.find((v) => v.target?.entity === entity && CUSTODY_TYPES.has(v.type) && (v.modality === 'asserted' || v.modality === 'reported') && v.trigger.start > s.start);
    return later ? [later] : [];
  }

  /** A DISAPPEARANCE read from words that say nobody knows where the statement's person is. */
  private lostTrack(s: Statement, words: TextSpan): VigilEvent {
    return { id: '', type: 'DISAPPEARANCE', trigger: words, target: s.who ?? null, agent: null, principal: null, place: null, origin: null, destination: null, date: null, modality: 'asserted', sentence: s.sentence, confidence: 0.5, whereaboutsUnknown: words };
  }

  /** The custody a transfer tells of someone the report tells no other custody of: an ARREST ("held") at its place. */
  private heldByTransfer(s: Statement, target: Role | null): VigilEvent {
    const doc = this.tree.doc;
    const t = doc.tokens[s.verb ?? s.token]!;
    return { id: '', type: 'ARREST', trigger: doc.span(t.start, t.end), target, agent: null, principal: null, place: null, origin: null, destination: null, date: null, modality: 'asserted', sentence: s.sentence, confidence: 0.5, heldAt: s.heldAt ?? null };
  }

  /** The named people of a coordination whose head is token `k` ("A, left, and B"): each one's token, or none. */
  private namedWith(k: number, verb: number): number[] {
    const tree = this.tree;
    if (tree.entityOf[k]?.type !== 'PERSON') return [];
    const named = [...new Set([k, ...tree.kids(k, 'conj').filter((c) => tree.entityOf[c]?.type === 'PERSON'), ...listAround(tree, k, verb)])];
    return named.length > 1 ? named : [];
  }

  /** Whether the person is known by a name, not only by a description ("a man from the ward office"). */
  private hasName(id: string): boolean {
    const e = this.entities.get(id);
    return !!e && nameMentions(e).length > 0;
  }

  private isNamedPerson(id: string): boolean {
    return this.entities.get(id)?.type === 'PERSON';
  }

  /** The report's entities by id, read once. */
  private get entities(): Map<string, Entity> {
    this.byId ??= new Map(this.tree.doc.entities.map((e) => [e.id, e]));
    return this.byId;
  }
  private byId: Map<string, Entity> | undefined;

  private holds(v: VigilEvent): boolean {
    return [...this.triggerTokens(v)].some((k) => HOLD_TRIGGERS.has(this.tree.lemma(k)));
  }

  private overlaps(a: Role, b: Role): boolean {
    return a.start !== undefined && b.start !== undefined && a.end !== undefined && b.end !== undefined && a.start < b.end && b.start < a.end;
  }

  private triggerTokens(v: VigilEvent): Set<number> {
    const doc = this.tree.doc;
    const out = new Set<number>();
    for (let i = tokenAt(doc, v.trigger.start); i >= 0 && i < doc.tokens.length && doc.tokens[i]!.start < v.trigger.end; i++) out.add(i);
    return out;
  }

  private ownTrigger(v: VigilEvent, s: Statement): boolean {
    const own = this.triggerTokens(v);
    if (own.has(s.token)) return true;
    // "remanded in custody at …": the trigger is the noun, the statement its verb
    return [...own].some((k) => this.tree.head(k) === s.token || this.tree.head(s.token) === k);
  }

  /** The events a statement is about: those of its own clause, else the nearest earlier custody of the person (or group). */
  private eventsFor(s: Statement, events: CustodyEvents): VigilEvent[] {
    const factual = (v: VigilEvent) => (v.modality === 'asserted' || v.modality === 'reported') && CUSTODY_TYPES.has(v.type);
    // one named person is not the group its sentence tells detained ("two journalists"); nor one description another
    const samePerson = (v: VigilEvent) => s.group || (s.who?.entity ? (v.target?.entity ? v.target.entity === s.who.entity : !this.plural(v.target)) : !otherDescription(s.who, v.target));
    // an own trigger holds the statement's token, its head or one of its dependents
    const own = events.withTriggerOn([s.token, this.tree.head(s.token), ...this.tree.children[s.token]!]).filter((v) => factual(v) && this.ownTrigger(v, s));
    const sameSentence = events.inSentence(s.sentence).filter((v) => factual(v) && !own.includes(v) && v.target && samePerson(v) && v.trigger.start < s.start + 200);
    const out = [...own, ...sameSentence];
    const isEarlier = (v: VigilEvent) => factual(v) && v.trigger.start < s.start && !out.includes(v) && v.type !== 'DISAPPEARANCE';
    /** The earlier events, in order, among them all those told at most `reach` sentences before the statement. */
    const earlier = (reach: number) => events.toldBefore(s.start, s.sentence, reach).filter(isEarlier);
    if (s.who?.entity && !s.group) {
      // their own arrest; else one told just before whose target is a description nobody was linked to
      const nearest = events.lastAbout(s.who.entity, isEarlier) ?? earlier(2).filter((v) => v.target && !v.target.entity && !this.plural(v.target) && s.sentence - v.sentence <= 2).pop();
      // "In August 2019 he was held for 11 days at a police station": a custody of its own, dated
      // apart from the one told before, is another round, and its place is not that one's
      // (or one told with no date of its own, "the second time he has been detained": the dated one is
      // what the statement is of), when the statement's sentence tells that custody's end
      // what the statement's sentence tells ended, or tells over ("was held for five weeks at the
      // SNR's headquarters", not "was remanded to Kitalya prison", "is held", "has been held since")
      const ended = events.inSentence(s.sentence).some((v) => v.type === 'RELEASE' && v.target?.entity === s.who!.entity && HAPPENED.has(v.modality)) || own.some((v) => custodyOver(this.tree, v));
      const anotherRound = nearest && ended && own.some((v) => v.target?.entity === s.who!.entity && v.date?.anchor === 'stated' && (datedApart(v, nearest) || !nearest.date));
      if (nearest && !anotherRound) out.push(nearest);
      return out;
    }
    if (out.length > 0 && !s.group) return out;
    // "the whereabouts of his lawyer": someone else, whom no custody told before befell
    if (workingTie(s.who)) return out;
    // a counted group ("the ten were arrested …, all are held at", "the four activists are held at"):
    // the people of the custodies told before it, nearest first, until there are as many
    const count = s.group ? this.groupCount(s, out) : 0;
    const counted = count > 1 ? countedCustodies(earlier(COUNTED_REACH), s.sentence, count) : [];
    if (counted.length > 0) return [...out, ...counted];
    // a group: every person of the nearest earlier arrest told within a few sentences; nobody named: the sentence before at most
    const reach = s.group ? 4 : 1;
    const near = earlier(reach);
    const nearest = near.filter((v) => v.target && s.sentence - v.sentence <= reach).pop();
    if (!nearest) return out;
    // those told with it share its trigger, so its sentence
    return [...out, ...near.filter((v) => v.trigger.start === nearest.trigger.start)];
  }

  /**
   * How many a group statement speaks of: the number on its words ("the four activists", "the
   * ten", "both"), else the one in the words of the custody told in its sentence ("the ten were
   * arrested …, but all except A are held at …"). Zero when none says.
   */
  private groupCount(s: Statement, own: VigilEvent[]): number {
    const tree = this.tree;
    if (s.whoToken === undefined) return 0;
    const words = [s.whoToken, ...tree.kids(s.whoToken, 'conj')];
    const said = words.flatMap((w) => [w, ...tree.kids(w, 'nummod')]).map((k) => cardinal(tree.token(k).text));
    const most = Math.max(0, ...said);
    if (most > 0) return most;
    return Math.max(0, ...own.filter((v) => v.target && !v.target.entity).map((v) => countIn(v.target!.text)));
  }

  // ---- where a person is held ----

  private *heldStatements(): Generator<Statement> {
    const tree = this.tree;
    const doc = tree.doc;
    for (let i = 0; i < doc.tokens.length; i++) {
      const lemma = tree.lemma(i);
      const upos = tree.token(i).upos;
      let place: number | undefined;
      let who: number | undefined;
      if (upos === 'VERB' && (HOLDING.has(lemma) || moves(tree, i))) {
        if (!this.factual(i)) continue;
        const cases = PUTTING.has(lemma) ? ['to', 'into', 'in', 'at', 'inside'] : moves(tree, i) ? ['to', 'into'] : lemma === 'remand' ? ['at', 'in', 'inside', 'to'] : ['at', 'in', 'inside'];
        place = this.facilityUnder(i, cases) ?? (HOLDING.has(lemma) ? (this.whereAntecedent(i) ?? this.facilityBefore(i)) : undefined);
        who = this.holdee(i);
      } else if (upos === 'NOUN' && MOVING.has(lemma)) {
        // "ordered Rado's transfer to Kesh prison": the noun's destination, and whose transfer it is
        const to = tree.kids(i, 'nmod').find((n) => ['to', 'into'].includes(tree.caseOf(n) ?? '') && this.isFacility(n));
        const whose = tree.kids(i, 'nmod:poss')[0] ?? tree.kids(i, 'nmod').find((n) => tree.caseOf(n) === 'of');
        if (to === undefined || whose === undefined || !this.factual(i)) continue;
        place = to;
        who = whose;
      } else if ((upos === 'NOUN' || upos === 'PROPN') && ['in', 'at', 'inside'].includes(tree.caseOf(i) ?? '') && (this.isFacility(i) || this.townOfConfinement(i))) {
        // the clause that says someone is there, whose subject is the one held
        const h = tree.head(i);
        const confinement = h >= 0 && CONFINEMENT.has(tree.lemma(h));
        const town = !this.isFacility(i);
        let clause: number | undefined;
        // "who is in Evin prison"
        if (!town && tree.kids(i, 'cop').length > 0 && this.factual(i)) clause = i;
        // "remains in Karsvik Central Prison"
        else if (!town && this.stays(h)) clause = h;
        // "she is in solitary confinement in the Karst jail"
        else if (confinement && tree.kids(h, 'cop').length > 0 && this.factual(h)) clause = h;
        // "he remains in detention at the Karst remand centre"
        else if (confinement && this.stays(tree.head(h))) clause = tree.head(h);
        if (clause !== undefined) {
          place = i;
          who = tree.subjectOf(clause);
        } else if (!town && h >= 0 && HELD_STATES.has(tree.lemma(h)) && tree.token(h).upos === 'NOUN' && this.factual(h)) {
          // "then placed under provisional detention at the central prison of Karst", "his
          // detention at Karst prison was extended": the place of the custody the noun itself tells
          const s = this.statement(h, undefined)!;
          s.heldAt = this.placeRole(i);
          s.ownOnly = true;
          yield s;
          continue;
        }
      }
      if (place === undefined) continue;
      const s = this.statement(i, who);
      if (!s) continue;
      s.heldAt = this.placeRole(place);
      const moved = upos === 'VERB' && (TRANSFERS.has(lemma) || (moves(tree, i) && !this.otherwiseMoved(i)));
      if (moved) s.moved = true;
      yield s;
      // "Chan is being held at Lai Chi Kok Reception Centre and Leung at Tai Lam Centre": the verb left out
      const gapped = upos === 'VERB' && (HOLDING.has(lemma) || moved) ? this.gappedHolding(s.heldAt, moved && !HOLDING.has(lemma) ? ['to', 'into'] : ['at', 'in']) : undefined;
      if (gapped) {
        // told of the name, not the verb: the verb's own events are the first person's
        const g = this.statement(gapped.who, gapped.who);
        if (g) {
          g.heldAt = this.placeRole(gapped.place);
          if (moved) g.moved = true;
          g.verb = i;
          yield g;
        }
      }
    }
  }

  /**
   * A town named as where someone's custody is: "is in pretrial detention in Drell", "remains in
   * custody in Drell". Only under a word of confinement: "is in Drell" alone says nothing of custody.
   */
  private townOfConfinement(i: number): boolean {
    const tree = this.tree;
    const h = tree.head(i);
    return tree.entityOf[i]?.type === 'LOC' && h >= 0 && CONFINEMENT.has(tree.lemma(h)) && tree.token(i).deprel === 'nmod';
  }

  /**
   * Whether a moving verb's person went of their own accord, for another's sake or for a purpose
   * of their own: "she took her son to the police station", "he drove to the station", "was brought
   * to the station to identify the attackers", "for an inspection visit". A passive, or an active
   * one whose subject is no person ("police took him to …"), with no such purpose, moves someone held.
   */
  private otherwiseMoved(i: number): boolean {
    const tree = this.tree;
    const purpose = tree.kids(i, 'advcl', 'xcomp').some((c) => tree.kids(c, 'mark').some((m) => tree.lemma(m) === 'to') && !HELD_PURPOSES.has(tree.lemma(c)));
    if (purpose || tree.kids(i, 'obl').some((c) => tree.caseOf(c) === 'for' && OWN_PURPOSES.has(tree.lemma(c)))) return true;
    if (tree.isPassive(i)) return false;
    // "drove to the station": went there
    if (tree.lemma(i) === 'drive') return true;
    const subject = tree.subjectOf(i);
    if (subject === undefined) return false;
    // (a title the parser took for the subject stands for the name hung on it: "Journalist Nour Halabi took …")
    return tree.namesPerson(subject) || this.personNouns.has(tree.lemma(subject)) || PERSON_PRONOUNS.has(tree.token(subject).text.toLowerCase());
  }

  /** A verb of staying somewhere ("remains", "languishes"), told as fact. */
  private stays(n: number): boolean {
    const tree = this.tree;
    return n >= 0 && STAYING.has(tree.lemma(n)) && tree.token(n).upos !== 'AUX' && this.factual(n);
  }

  private factual(i: number): boolean {
    const tree = this.tree;
    if (tree.kids(i, 'aux', 'advmod', 'mark').some((a) => NOT_FACTUAL.has(tree.lemma(a)) || ['not', "n't", 'never', 'if'].includes(tree.lemma(a)))) return false;
    // "is expected to be moved to a prison camp", "plans to transfer him to …": not yet
    const h = tree.head(i);
    return !(tree.token(i).deprel === 'xcomp' && h >= 0 && NOT_YET.has(tree.lemma(h)));
  }

  /** A facility the verb's obl (or its custody noun's nmod) names with one of `cases`: "held at …", "remanded in custody at …". */
  /** "taken to the Central Women's Correctional Institution, where she is being held": the facility a "where" clause of holding hangs on. */
  private whereAntecedent(i: number): number | undefined {
    const tree = this.tree;
    const where = tree.kids(i, 'advmod').find((k) => k < i && tree.token(k).text.toLowerCase() === 'where');
    if (where === undefined) return undefined;
    // as a relative clause on the facility, or hung on the verb before it ("taken to the X Institution, where …")
    const h = tree.head(i);
    if (/^acl/.test(tree.token(i).deprel ?? '')) return h >= 0 && this.isFacility(h) ? h : undefined;
    let k = where - 1;
    while (k >= 0 && tree.token(k).upos === 'PUNCT') k--;
    // the noun the words before "where" end on, or the head they name it with ("… Correctional Institution", "Evin prison's ward 209")
    for (let step = 0; k >= 0 && step < 3 && k < where; step++) {
      if (this.isFacility(k)) return k;
      if (!/^(flat|compound|amod|nmod:poss|nummod)/.test(tree.token(k).deprel ?? '')) break;
      k = tree.head(k);
    }
    return undefined;
  }

  private facilityUnder(i: number, cases: string[]): number | undefined {
    const tree = this.tree;
    for (const c of tree.kids(i, 'obl')) {
      if (cases.includes(tree.caseOf(c) ?? '') && this.isFacility(c)) return c;
      // "is held at the Centro de Readaptación para Mujeres": a named place someone is held at, though no English word says prison
      if (HELD_AT.has(tree.lemma(i)) && tree.caseOf(c) === 'at' && cases.includes('at') && this.namedInstitution(c)) return c;
      // "at the Criminal Investigation Department headquarters" parsed with the name's first words as
      // the obl and the facility hung on it with no preposition of its own
      if (cases.includes(tree.caseOf(c) ?? '')) for (const n of tree.kids(c, 'nmod')) if (n > c && tree.caseOf(n) === undefined && this.isFacility(n)) return n;
      // "held in the women's section of the Giza Security Directorate": a part of a facility
      if (cases.includes(tree.caseOf(c) ?? '') && PARTS_OF_FACILITY.has(tree.lemma(c))) for (const n of tree.kids(c, 'nmod')) if (tree.caseOf(n) === 'of' && this.isFacility(n)) return n;
      // "held at the Criminal Security branch's cybercrime section": the part of a force's building, told with a possessive
      if (cases.includes(tree.caseOf(c) ?? '') && PARTS_OF_FACILITY.has(tree.lemma(c))) for (const n of tree.kids(c, 'nmod:poss')) if (this.isFacility(n)) return c;
      // "held on Thursday morning at the police station", the facility hung on the time
      if (tree.inTimex(c)) for (const n of tree.kids(c, 'nmod')) if (cases.includes(tree.caseOf(n) ?? '') && this.isFacility(n)) return n;
      // "transferred from Evin prison to Kesh prison" with the destination hung on the origin
      if (cases.includes('to')) for (const n of tree.kids(c, 'nmod')) if (cases.includes(tree.caseOf(n) ?? '') && this.isFacility(n)) return n;
      // "remanded in custody at …", "held in pre-trial detention in Zhodzina", "held in solitary
      // confinement at …": the facility, or the town
      if (HELD_STATES.has(tree.lemma(c))) {
        for (const n of tree.kids(c, 'nmod')) if (['at', 'in'].includes(tree.caseOf(n) ?? '') && (this.isFacility(n) || tree.entityOf[n]?.type === 'LOC')) return n;
      }
    }
    return HOLDING.has(tree.lemma(i)) || moves(tree, i) ? this.facilityByWords(i, cases) : undefined;
  }

  /**
   * "held in Al-Hair prison", "kept in Al-Razeen prison" with the name parsed as the verb's object
   * or hung apart from its noun: read off the words, the preposition right after the verb, then
   * only capitalised words (and the hyphens and apostrophes inside them) up to a facility noun.
   */
  private facilityByWords(i: number, cases: string[]): number | undefined {
    const tree = this.tree;
    const { to } = tree.sentenceRange(i);
    let k = i + 1;
    for (;;) {
      while (k < to && tree.token(k).upos === 'ADV') k++;
      // "held since then at …", "held on Thursday morning at …": a time told first
      const timeAt = (n: number) => tree.inTimex(n) || TIME_ADVERBS.has(tree.token(n).text.toLowerCase());
      if (!(k + 1 < to && TIME_CASES.has(tree.token(k).text.toLowerCase()) && timeAt(k + 1))) break;
      k++;
      while (k < to && timeAt(k)) k++;
    }
    if (k >= to || !cases.includes(tree.token(k).text.toLowerCase())) return undefined;
    const first = ['the', 'a', 'an'].includes(tree.token(k + 1)?.text.toLowerCase() ?? '') ? k + 2 : k + 1;
    for (let j = k + 1; j < Math.min(to, k + 8); j++) {
      const t = tree.token(j);
      if ((FACILITIES.has(tree.lemma(j)) || FACILITIES.has(t.text.toLowerCase())) && j > first) {
        // a station of travel or broadcast holds nobody ("taken to Drell Bus Station")
        const words = tree.doc.tokens.slice(first, j).map((x) => x.text.toLowerCase());
        if (words.some((w) => NOT_HOLDING.has(w)) || (words.some((w) => NOT_HOLDING_PLACE.has(w)) && !words.some((w) => CUSTODY_WORDS.has(w)))) return undefined;
        this.nameFrom.set(j, first);
        return j;
      }
      // "held at the State Criminal Investigation Department in Eleweran", its name parsed apart: a force's building
      if ((BUILDINGS.has(tree.lemma(j)) || BUILDINGS.has(t.text.toLowerCase())) && /^\p{Lu}/u.test(t.text) && j > first) {
        let forces = false;
        for (let n = first; n < j; n++) forces ||= FORCES.has(tree.lemma(n).toLowerCase());
        if (!forces) return undefined;
        this.nameFrom.set(j, first);
        return j;
      }
      // the small words inside a name: "El-Salam Reform and Rehabilitation Centre", "Centre of Detention for Women"
      const inside = NAME_GLUE.has(t.text) && /^\p{Lu}/u.test(tree.token(j + 1)?.text ?? '') && j > first;
      // the describing words of a facility between its town and its noun: "Urmia central prison",
      // "a Ministry of Public Security detention centre", "the Gomel pretrial detention centre"
      const describing = j >= first && /^\p{Ll}/u.test(t.text) && (t.upos === 'ADJ' || t.upos === 'NOUN' || t.text === "'s" || t.text === '’s' || (t.text === 'and' && j > first && /^(?:ADJ|NOUN)$/.test(tree.token(j + 1)?.upos ?? '')));
      if (!(/^\p{Lu}/u.test(t.text) || /^[-‐‑'’]$/.test(t.text) || j === first - 1 || inside || describing)) return undefined;
    }
    return undefined;
  }

  /** The town right after a facility read off the words: "… Department in Eleweran" (its last token). */
  private townAfter(i: number): number | undefined {
    const tree = this.tree;
    const { to } = tree.sentenceRange(i);
    if (i + 2 >= to || tree.token(i + 1).text !== 'in' || tree.entityOf[i + 2]?.type !== 'LOC') return undefined;
    let last = i + 2;
    while (last + 1 < to && tree.entityOf[last + 1] === tree.entityOf[i + 2]) last++;
    return last;
  }

  /** After a place someone is held at, "and B at Y" with the verb left out: B's first token and Y's facility token. */
  private gappedHolding(held: Role, cases: string[]): { who: number; place: number } | undefined {
    const tree = this.tree;
    const doc = tree.doc;
    let after = tokenAt(doc, held.end! - 1) + 1;
    // past the rest of a name the place left out: "Tai Lam Centre | for Women and …"
    if (after > 0 && ['for', 'of'].includes(tree.token(after)?.text ?? '')) {
      let k = after + 1;
      while (k < doc.tokens.length && k < after + 5 && /^\p{Lu}/u.test(tree.token(k).text)) k++;
      if (k > after + 1) after = k;
    }
    if (after <= 0 || after >= doc.tokens.length || !['and', ','].includes(tree.token(after).text.toLowerCase())) return undefined;
    const who = after + 1;
    const person = tree.entityOf[who];
    if (person?.type !== 'PERSON') return undefined;
    let last = who;
    while (tree.entityOf[last + 1] === person) last++;
    const place = this.facilityByWords(last, cases);
    return place === undefined ? undefined : { who, place };
  }

  /** Where the words of a facility's name begin, when they were read off the words past a broken parse. */
  private readonly nameFrom = new Map<number, number>();

  /** "Ostrava prison, where he is held": the facility the relative "where" stands for. */
  private facilityBefore(i: number): number | undefined {
    const tree = this.tree;
    const where = tree.children[i]!.find((c) => tree.lemma(c) === 'where');
    if (where === undefined) return undefined;
    const { from } = tree.sentenceRange(i);
    for (let j = where - 1; j >= Math.max(from, where - 3); j--) if (this.isFacility(j)) return j;
    return undefined;
  }

  /** Who is held: the object of an active verb ("police took him to …"), else the subject. */
  private holdee(i: number): number | undefined {
    const tree = this.tree;
    const obj = tree.kids(i, 'obj')[0];
    if (obj !== undefined && !tree.isPassive(i)) return obj;
    // "all except A, the last one arrested, are held at …", parsed with two subjects: the group word is whom it says
    const group = tree.kids(i, 'nsubj', 'nsubj:pass').find((k) => GROUP_WORDS.has(tree.token(k).text.toLowerCase()));
    if (group !== undefined) return group;
    // "was charged and remains held at …", with "remains" read as a noun and "held" hung on it: the
    // one held is the subject of the verb before the "and"
    const stay = i - 1;
    if (stay > 0 && tree.token(i).deprel === 'acl' && tree.token(stay).upos === 'NOUN' && MISREAD_STAYING.has(tree.token(stay).text.toLowerCase()) && ['and', 'but'].includes(tree.token(stay - 1).text.toLowerCase())) {
      for (let j = stay - 2; j >= tree.sentenceRange(i).from; j--) if (tree.token(j).upos === 'VERB') return tree.subjectOf(j);
    }
    // "X, a lawyer, was transferred …" with the subject lost by the parser
    return tree.subjectOf(i) ?? (tree.isPassive(i) ? personBeforeAuxiliaries(tree, i) : undefined);
  }

  /** A name of several capitalised words (an organisation's or a building's, not a town's or a person's): "the Centro de Readaptación para Mujeres". */
  private namedInstitution(i: number): boolean {
    const tree = this.tree;
    const kind = tree.entityOf[i]?.type;
    if (kind === 'PERSON' || kind === 'LOC') return false;
    const { first, last } = this.facilityWords(i);
    // the name's words before any town it is "in": "the Centro de Readaptación para Mujeres | in Ilopango"
    let capitals = 0;
    for (let k = first; k <= last && tree.token(k).text !== 'in'; k++) if (/^\p{Lu}/u.test(tree.token(k).text) && tree.token(k).upos === 'PROPN' && tree.entityOf[k]?.type !== 'PERSON') capitals++;
    return capitals >= 2;
  }

  /** A named or described place of detention: "Karsvik prison", "the central police station", not a bare "prison". */
  private isFacility(i: number): boolean {
    const tree = this.tree;
    const words = [i, ...tree.kids(i, 'compound', 'flat'), ...tree.kids(i, 'appos').filter((c) => this.nameGoesOn(i, c))];
    const { first, last } = this.facilityWords(i);
    // "arrested at the Drellton bus station": a station of travel or broadcast holds nobody
    const modifiers = tree.kids(i, 'compound', 'amod').map((w) => tree.lemma(w).toLowerCase());
    if ((tree.lemma(i) === 'station' && modifiers.some((w) => NOT_HOLDING.has(w))) || (modifiers.some((w) => NOT_HOLDING_PLACE.has(w)) && !modifiers.some((w) => CUSTODY_WORDS.has(w)))) return false;
    // "a prison van", "a police truck": a vehicle takes people to custody, it holds nobody for long
    if (VEHICLES.has(tree.lemma(i).toLowerCase())) return false;
    if (words.some((w) => FACILITIES.has(tree.lemma(w)) || FACILITIES.has(tree.token(w).text.toLowerCase()))) return last > first;
    // "the Central Women's Correctional Institution", "a penal complex": custody's word on a building's
    if (CUSTODY_BUILDINGS.has(tree.lemma(i).toLowerCase()) && modifiers.some((w) => CUSTODY_BUILDING_WORDS.has(w))) return true;
    // "the municipal office of the national police", "the premises of the security service": a police building
    if (!BUILDINGS.has(tree.lemma(i))) return false;
    for (let k = first; k <= last; k++) if (FORCES.has(tree.lemma(k))) return true;
    // a command or a bureau holds people only when a force's: "the Bureau of Statistics" holds nobody
    if (FORCE_ONLY.has(tree.lemma(i))) return false;
    // "held at ANR offices", "the NISS building": an agency's own building
    for (let k = first; k <= last; k++) if (k !== i && tree.entityOf[k]?.type === 'ORG') return true;
    return false;
  }

  /** Whether `c`, set in apposition to `n`, goes on the same name: after it, capitalised, with no punctuation between. */
  private nameGoesOn(n: number, c: number): boolean {
    const tree = this.tree;
    if (c <= n || !/^\p{Lu}/u.test(tree.token(c).text)) return false;
    for (let k = n + 1; k < c; k++) if (tree.token(k).upos === 'PUNCT' && tree.token(k).text !== '.') return false;
    return true;
  }

  /** The facility's own words: its name, modifiers and the town after it ("in Reyvik"), not the clause around it. */
  private facilityWords(i: number): { first: number; last: number } {
    const tree = this.tree;
    const words = new Set([i]);
    const stack = [i];
    while (stack.length) {
      const n = stack.pop()!;
      for (const c of tree.children[n]!) {
        const rel = tree.token(c).deprel ?? '';
        // a hyphen inside a name ("Shahr-e Rey") is a word of it too
        const tt = tree.token(c);
        const hyphen = rel === 'punct' && /^[-‐‑]$/.test(tt.text) && tree.doc.tokens[c - 1]?.end === tt.start && tree.doc.tokens[c + 1]?.start === tt.end;
        // the parser may set a name's last word in apposition to the rest: "Lai Chi Kok Reception | Centre", "Tianjin No. 2 | Detention Centre"
        const goesOn = rel === 'appos' && this.nameGoesOn(n, c);
        if (tree.inTimex(c) || (!hyphen && !goesOn && !/^(compound|flat|amod|nmod|nummod|det|case)/.test(rel)) || (n === i && rel === 'case')) continue;
        // "the prison hospital for tests": a purpose or a time is no part of the place; nor a bare
        // noun after it ("returned to Karst prison that night")
        if ((rel === 'nmod' && !PLACE_OF.has(tree.caseOf(c) ?? 'of')) || rel === 'nmod:unmarked' || rel === 'nmod:tmod') continue;
        words.add(c);
        stack.push(c);
      }
    }
    let first = i;
    let last = i;
    while (words.has(first - 1)) first--;
    while (words.has(last + 1)) last++;
    while (first < i && ['DET', 'ADP', 'PUNCT'].includes(tree.token(first).upos ?? '')) first++;
    while (last > i && ['ADP', 'PUNCT', 'CCONJ', 'DET'].includes(tree.token(last).upos ?? '')) last--;
    return { first, last };
  }

  private placeRole(i: number): Role {
    const doc = this.tree.doc;
    const words = this.facilityWords(i);
    const first = Math.min(words.first, this.nameFrom.get(i) ?? words.first);
    const last = this.nameFrom.has(i) ? Math.max(i, this.townAfter(i) ?? i) : words.last;
    const start = doc.tokens[first]!.start;
    const end = doc.tokens[last]!.end;
    const e = this.tree.entityOf[i];
    return { entity: e && e.type !== 'PERSON' ? e.id : null, text: doc.text.slice(start, end), start, end };
  }

  private statement(token: number, who: number | undefined): Statement | undefined {
    const tree = this.tree;
    const doc = tree.doc;
    const start = doc.tokens[token]!.start;
    const s: Statement = { token, sentence: doc.sentenceAt(start), start, group: false };
    if (who === undefined) return s;
    if (!this.isPerson(who)) return undefined;
    s.who = this.linker.link(who, true, token).role;
    s.whoToken = who;
    const word = tree.token(who);
    // ("All three are held at …", "the two were taken to …": a number standing for the people)
    s.group = PLURAL_PRONOUNS.has(word.text.toLowerCase()) || GROUP_WORDS.has(word.text.toLowerCase()) || (word.xpos === 'NNS' && !tree.entityOf[who]) || tree.kids(who, 'nummod', 'conj').length > 0 || (word.upos === 'NUM' && !tree.entityOf[who] && cardinal(word.text) > 1);
    // "all except Vance are held at …": the people named after "except" are not
    if (s.group) {
      const { to } = tree.sentenceRange(who);
      let except = who;
      while (except < Math.min(to, who + 4) && !['except', 'but'].includes(tree.token(except).text.toLowerCase())) except++;
      if (except < Math.min(to, who + 4)) for (let k = except + 1; k < to && k < token; k++) if (tree.entityOf[k]?.type === 'PERSON') (s.except ??= new Set()).add(tree.entityOf[k]!.id);
    }
    return s;
  }

  private isPerson(i: number): boolean {
    const tree = this.tree;
    const e = tree.entityOf[i];
    if (e) return e.type === 'PERSON';
    const t = tree.token(i);
    if (GROUP_WORDS.has(t.text.toLowerCase())) return true;
    if (t.upos === 'PRON') return PERSON_PRONOUNS.has(t.text.toLowerCase());
    return t.upos === 'PROPN' || t.upos === 'NUM' || this.personNouns.has(tree.lemma(i));
  }

  // ---- whereabouts not known ----

  private *unknownStatements(events: VigilEvent[]): Generator<Statement> {
    const tree = this.tree;
    const doc = tree.doc;
    const told: { start: number; end: number }[] = [];
    for (let n = 0; n < doc.sentences.length; n++) {
      const { start: from, end: to } = doc.sentences[n]!;
      const text = doc.text.slice(from, to);
      const span = this.unknownWords(text);
      if (!span) continue;
      const start = from + span.start;
      const end = from + span.end;
      told.push({ start, end });
      // "she had been held incommunicado for six months after her arrest": a spell that is over
      if (spellOverAt(text, span.start)) continue;
      const anchor = tokenAt(doc, start);
      if (anchor < 0) continue;
      const who = this.unknownWho(anchor, end);
      const s = this.statement(this.clauseOf(anchor), who) ?? this.statement(this.clauseOf(anchor), undefined)!;
      s.start = start;
      s.unknown = { start, end, text: doc.text.slice(start, end) };
      yield s;
    }
    // a disappearance told as an event is itself the report's word that nobody knows where they are
    for (const v of events) {
      if (v.type !== 'DISAPPEARANCE' || (v.modality !== 'asserted' && v.modality !== 'reported')) continue;
      const token = tokenAt(doc, v.trigger.start);
      // a disappearance of nobody in particular ("enforced disappearances") is no one's whereabouts
      if (token < 0 || !v.target) continue;
      // "held incommunicado", "an undisclosed location": the words were read above, whole
      if (told.some((w) => w.start < v.trigger.end && v.trigger.start < w.end)) continue;
      const group = PLURAL_PRONOUNS.has(v.target.text.toLowerCase());
      const unknown = { start: v.trigger.start, end: v.trigger.end, text: v.trigger.text };
      yield { token, sentence: v.sentence, start: v.trigger.start, ...(v.target ? { who: v.target } : {}), group, unknown };
    }
  }

  /** The words of a sentence that say nobody knows where someone is, as offsets in it. */
  private unknownWords(text: string): { start: number; end: number } | undefined {
    const place = UNKNOWN_PLACE.exec(text);
    if (place) return { start: place.index, end: place.index + place[0].length };
    const w = WHEREABOUTS.exec(text);
    if (!w || KNOWN_AGAIN.test(text)) return undefined;
    const cue = NOT_KNOWN.exec(text);
    if (!cue || Math.abs(cue.index - w.index) > 80) return undefined;
    const start = Math.min(w.index, cue.index);
    const end = Math.max(w.index + w[0].length, cue.index + cue[0].length);
    return { start, end };
  }

  /** The verb or noun the words hang on: "held incommunicado" → held. */
  private clauseOf(i: number): number {
    const tree = this.tree;
    let n = i;
    for (let k = 0; k < 3 && tree.token(n).upos !== 'VERB'; k++) {
      const h = tree.head(n);
      if (h < 0) break;
      n = h;
    }
    return tree.token(n).upos === 'VERB' ? n : i;
  }

  /** Whose whereabouts: "his whereabouts", "the whereabouts of X", "where they have taken him", "held incommunicado" → the held. */
  private unknownWho(first: number, end: number): number | undefined {
    const tree = this.tree;
    const doc = tree.doc;
    for (let j = first; j < doc.tokens.length && doc.tokens[j]!.start < end; j++) {
      if (tree.lemma(j) === 'whereabouts') {
        const owner = tree.kids(j, 'nmod:poss', 'nmod')[0];
        if (owner !== undefined) return owner;
      }
      if (tree.lemma(j) === 'where' && tree.head(j) >= 0) {
        // "we do not know where he is": the parse may make "where" the head of its copular clause
        const own = tree.kids(j, 'nsubj', 'nsubj:pass')[0];
        if (own !== undefined) return own;
        const v = tree.head(j);
        return tree.kids(v, 'obj')[0] ?? tree.subjectOf(v);
      }
    }
    const v = this.clauseOf(first);
    return v !== first || tree.token(v).upos === 'VERB' ? this.holdee(v) : undefined;
  }
}

/** How many a word says: "4", "four", "both"; zero for any other word. */
/** The largest number among the first `words` words of a text ("the three youths"), or 0. */
function countIn(text: string, words = Infinity): number {
  return Math.max(0, ...text.split(/\s+/).slice(0, words).map(cardinal));
}

function cardinal(word: string): number {
  const w = word.toLowerCase();
  if (/^\d{1,2}$/.test(w)) return Number(w);
  const k = CARDINALS.indexOf(w);
  return w === 'both' ? 2 : k > 0 ? k : 0;
}
const CARDINALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** How many sentences back a counted group's custodies may be told. */
const COUNTED_REACH = 15;

/**
 * The custodies of a counted group: those told before, nearest first (each telling whole, with
 * every person it names), until they name `count` people. None when the reach holds fewer: the
 * group is then someone else.
 */
function countedCustodies(earlier: VigilEvent[], sentence: number, count: number): VigilEvent[] {
  const people = new Set<string>();
  // a counted group nobody named counts its number: "police arrested him …; the three youths were
  // picked up the same evening. All four are held at …"
  const unnamed = new Map<number, number>();
  const out: VigilEvent[] = [];
  const counted = (v: VigilEvent): number => (v.target && !v.target.entity ? countIn(v.target.text, 3) : 0);
  const near = earlier.filter((v) => (v.target?.entity || counted(v) > 1) && sentence - v.sentence <= COUNTED_REACH).sort((a, b) => b.trigger.start - a.trigger.start);
  const size = () => people.size + [...unnamed.values()].reduce((a, b) => a + b, 0);
  for (const v of near) {
    if (size() >= count && !out.some((o) => o.trigger.start === v.trigger.start)) break;
    out.push(v);
    if (v.target?.entity) people.add(v.target.entity);
    else unnamed.set(v.trigger.start, counted(v));
  }
  // (named people only: a count reached by groups alone names nobody, and is someone else's)
  return size() >= count && people.size > 0 ? out : [];
}
