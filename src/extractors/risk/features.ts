import { tokenAt } from '../../text/align.js';
import type { Doc, Token } from '../../text/doc.js';
import type { Entity, Mention, Offsets, Quote, VigilEvent as Event } from '../../text/types.js';
import { AT_RISK_KINDS, nameMentions } from '../../text/types.js';
import { bin } from '../learn/linear.js';
import { OFFICE_WORDS, isAtRiskWord, kindOfFeature, kindOfWord, writtenWordOf } from './kinds.js';
import { loadCues } from '../quotes/cues.js';
import { loadClusters } from '../learn/clusters.js';
import { straightQuotes } from '../learn/lexical.js';
import { NAME_PARTICLES } from '../../text/name-particles.js';

/**
 * The features the risk models read, each with the words it came from: a feature's weight says
 * how much it moved the score, its offsets say where a reader sees why (the evidence). Features
 * are named words and roles, not hashes, so a wrong score can be read off the weights.
 */
export interface Feat {
  name: string;
  /** The words in the report the feature stands for; absent for counts and shapes. */
  at?: Offsets;
}

/** Events that say what someone is accused of. */
const ACCUSED = new Set(['CHARGE', 'CONVICTION', 'ACCUSATION', 'TRIAL']);
/** Crimes of violence or gain a charge names right after its trigger ("of murdering", "with drug trafficking"). */
const VIOLENT_CRIME = /^[^.;!?]{0,40}?\b(?:of|with|for)\s+(?:\w+\s+){0,3}?(murder(?:ing|s)?|killing|kidnapping|abducting|rap(?:e|ing)|robbery|robbing|armed robbery|(?:drug|human|arms)\s+trafficking|smuggling|assassinat\w*)\b/i;

/** The words naming a violent crime the charge at `trigger` is for, or undefined. */
function violentCrimeAfter(text: string, trigger: Offsets): Offsets | undefined {
  const m = VIOLENT_CRIME.exec(text.slice(trigger.end, trigger.end + 120));
  if (!m || m.index === undefined) return undefined;
  const at = trigger.end + m.index + m[0].length - m[1]!.length;
  return { start: at, end: at + m[1]!.length };
}

/** Whole years from an event's date ("1849", "2019-05") to the report's publication, when both are known. */
function yearsBefore(date: string | undefined, published: string | undefined): number | undefined {
  const y = date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : undefined;
  const p = published && /^\d{4}/.test(published) ? Number(published.slice(0, 4)) : undefined;
  return y !== undefined && p !== undefined ? Math.max(0, p - y) : undefined;
}

/** The kinds of word a report's topic and a person's description are read from. */
const CONTENT = new Set(['NOUN', 'VERB', 'ADJ']);
const lemmaOf = (t: Token): string => (t.lemma ?? t.text).toLowerCase();

/** Violations of a person's liberty or safety: what an attack on someone at risk is made of. */
const VIOLATIONS = new Set(['ARREST', 'DEPORTATION', 'CHARGE', 'TRIAL', 'CONVICTION', 'DISAPPEARANCE', 'ABDUCTION', 'THREAT', 'ASSAULT', 'TORTURE', 'KILLING', 'RESTRICTION', 'ACCUSATION', 'EXTRADITION', 'EXTRADITION_REQUEST']);

/** The lead: where a report says what it is about. */
const LEAD_SENTENCES = 8;

/**
 * The report's words and events, for "is this report about an attack on someone at risk?": the
 * headline's words apart (a report says its subject there), the lead's, the whole report's, and
 * the events told with whom they befell. Each word once, at its first occurrence.
 */
export function reportFeatures(doc: Doc): Feat[] {
  const out = new Map<string, Feat>();
  const add = (name: string, at?: Offsets) => {
    if (!out.has(name)) out.set(name, at ? { name, at: { start: at.start, end: at.end } } : { name });
  };
  doc.sentences.forEach((s, i) => {
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = doc.tokens[k]!;
      if (!CONTENT.has(t.upos ?? '') || !/\p{L}/u.test(t.text)) continue;
      const l = lemmaOf(t);
      if (i === 0) add(`t=${l}`, t);
      if (i < LEAD_SENTENCES) add(`w=${l}`, t);
      add(`d=${l}`, t);
    }
  });
  const persons = new Set(doc.entities.filter((e) => e.type === 'PERSON').map((e) => e.id));
  let violated = 0;
  for (const v of doc.events) {
    add(`ev=${v.type}:${v.modality}`, v.trigger);
    const person = v.target?.entity ? persons.has(v.target.entity) : false;
    if (v.modality === 'asserted' || v.modality === 'reported') {
      if (person) add(`evperson=${v.type}`, v.trigger);
      if (v.sentence === 0) add(`evtitle=${v.type}`, v.trigger);
      if (person && VIOLATIONS.has(v.type)) violated++;
    }
  }
  add(`violated=${bin(violated, [0, 1, 2, 4, 8])}`);
  add(`length=${bin(doc.sentences.length, [5, 10, 20, 40, 80])}`);
  return [...out.values()];
}

/** Where a phrase the coreference read beside a name ("investigative journalist") stands in the text: its occurrence nearest a naming. */
export function locate(doc: Doc, phrase: string, near: readonly Offsets[]): Offsets | undefined {
  let best: Offsets | undefined;
  let gap = Infinity;
  if (!phrase) return undefined;
  for (const i of occurrencesNear(doc.text, phrase, near)) {
    for (const m of near) {
      const d = Math.min(Math.abs(i - m.end), Math.abs(m.start - (i + phrase.length)));
      if (d < gap) [best, gap] = [{ start: i, end: i + phrase.length }, d];
    }
  }
  return gap < LOCATE_REACH ? best : undefined;
}

/**
 * In order, the offsets where `phrase` occurs less than LOCATE_REACH characters from a naming (from
 * its end to the phrase's start, or from the phrase's end to its start), the only ones `locate` can
 * pick: searched in the text around each naming, not the whole text per phrase, which made a long
 * report's risk features quadratic (a title such as "journalist" is everywhere in it).
 */
function occurrencesNear(text: string, phrase: string, near: readonly Offsets[]): number[] {
  const found = new Set<number>();
  for (const m of near) {
    const from = Math.max(0, Math.min(m.end, m.start - phrase.length) - LOCATE_REACH + 1);
    const to = Math.max(m.end, m.start - phrase.length) + LOCATE_REACH;
    const around = text.slice(from, to + phrase.length - 1);
    for (let i = around.indexOf(phrase); i >= 0; i = around.indexOf(phrase, i + 1)) found.add(from + i);
  }
  return [...found].sort((a, b) => a - b);
}
const LOCATE_REACH = 200;

/** Words that say nothing of who someone is: "the" of "the activist", "of" of "head of the union". */
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'and', 'in', 'for', 'to', 'on', 'at', 'by', 'with', 'from']);

/** A phrase's words: letters, with apostrophes and hyphens inside ("O'Neill", "pro-democracy"). */
const wordsIn = (text: string) => text.matchAll(/\p{L}[\p{L}'’-]*/gu);

/** Each word of a located phrase (but its function words) as a feature at its own offsets. */
function phraseWords(prefix: string, phrase: string, at: Offsets | undefined, add: (name: string, at?: Offsets) => void): void {
  for (const m of wordsIn(phrase)) {
    const w = m[0].toLowerCase();
    if (FUNCTION_WORDS.has(w)) continue;
    add(`${prefix}=${w}`, at ? { start: at.start + m.index, end: at.start + m.index + m[0].length } : undefined);
  }
}

/**
 * A title the recogniser kept inside a name ("Magistrate Anil Devkota", "Ex-Dictator Marsk"): the
 * words that open the name and name a kind, as titles. "Ex-" and "former-" do not hide the word.
 */
function titleInName(e: Entity, m: Mention, add: (name: string, at?: Offsets) => void): void {
  const words = [...wordsIn(m.text)];
  // never the name's last word, nor a word the report calls them by alone: "Sani Guard", "Mayor said"
  const alone = new Set(nameMentions(e).map((x) => x.text.toLowerCase()));
  for (const w of words.slice(0, -1)) {
    const word = w[0].toLowerCase().replace(/^(?:ex|former)-/, '');
    if (alone.has(w[0].toLowerCase()) || !kindOfWord(word)) return;
    add(`title=${word}`, { start: m.start + w.index, end: m.start + w.index + w[0].length });
  }
}

/** Tokens of a mention: from the token at its start to the last one starting before its end. */
function mentionTokens(doc: Doc, m: Offsets): [number, number] {
  const a = tokenAt(doc, m.start);
  if (a < 0) return [-1, -2];
  let b = a;
  while (b + 1 < doc.tokens.length && doc.tokens[b + 1]!.start < m.end) b++;
  return [a, b];
}

const personCache = new WeakMap<Doc, Set<string>>();

/** The ids of the report's person entities, once per report. */
function persons(doc: Doc): Set<string> {
  let set = personCache.get(doc);
  if (!set) personCache.set(doc, (set = new Set(doc.entities.filter((x) => x.type === 'PERSON').map((x) => x.id))));
  return set;
}

/** Work done by `personFeatures` reading events, for the test that counts it. */
export const riskWork = { eventsRead: 0 };

interface ReportIndex {
  /** The events that befall, are done by or are commissioned by each entity, in report order. */
  eventsOf(id: string): readonly Event[];
  /** The person entities some event at each trigger offset befalls. */
  personTargetsAt: Map<number, Set<string>>;
  typeOf: Map<string, Entity['type']>;
  /** The quotes each entity speaks (as the speaker or the entity behind a pronoun), in report order. */
  quotesOf: Map<string, Quote[]>;
  /** The words the report writes in lower case: a name made of them ("Rights Day", "Revolutionary Guards") may be no one's. */
  lowerWords: Set<string>;
  /** Organisations by id, and by where each of their namings starts and ends: the body an office is held in. */
  orgs: Map<string, Entity>;
  orgStarting: Map<number, Entity>;
  orgEnding: Map<number, Entity>;
  /** Whether a person's own titles, roles or descriptions name a kind at risk ("the journalist A"). */
  describedAtRisk(id: string): boolean;
  /** By sentence, the groups no named person stands for that its events befall ("four reporters", "other journalists"). */
  groupsIn: Map<number, Offsets[]>;
}

const indexCache = new WeakMap<Doc, { events: readonly Event[]; quotes: readonly Quote[]; index: ReportIndex }>();

/**
 * The report's events, quotes and entity types by entity, once per report: reading every event
 * and quote of the report for each person was quadratic in a long report's people (256 KB naming
 * 3,000 invented people spent 3.6 s here).
 */
function reportIndex(doc: Doc): ReportIndex {
  const cached = indexCache.get(doc);
  if (cached && cached.events === doc.events && cached.quotes === doc.quotes) return cached.index;
  const byEntity = new Map<string, Event[]>();
  const personTargetsAt = new Map<number, Set<string>>();
  const typeOf = new Map<string, Entity['type']>();
  for (const x of doc.entities) if (!typeOf.has(x.id)) typeOf.set(x.id, x.type);
  const people = persons(doc);
  const groupsIn = new Map<number, Offsets[]>();
  for (const v of doc.events) {
    for (const id of new Set([v.target?.entity, v.agent?.entity, v.principal?.entity])) {
      if (!id) continue;
      const list = byEntity.get(id);
      if (list) list.push(v);
      else byEntity.set(id, [v]);
    }
    const target = v.target?.entity;
    if (v.target && (!target || !people.has(target)) && v.target.start !== undefined && v.target.end !== undefined) {
      (groupsIn.get(v.sentence) ?? groupsIn.set(v.sentence, []).get(v.sentence)!).push({ start: v.target.start, end: v.target.end });
    }
    if (target && people.has(target)) (personTargetsAt.get(v.trigger.start) ?? personTargetsAt.set(v.trigger.start, new Set()).get(v.trigger.start)!).add(target);
  }
  const quotesOf = new Map<string, Quote[]>();
  for (const q of doc.quotes) {
    for (const id of new Set([q.speaker, q.speakerEntity])) {
      if (id === null || id === undefined) continue;
      (quotesOf.get(id) ?? quotesOf.set(id, []).get(id)!).push(q);
    }
  }
  const eventsOf = (id: string): readonly Event[] => {
    const list = byEntity.get(id) ?? [];
    riskWork.eventsRead += list.length;
    return list;
  };
  const lowerWords = new Set(doc.tokens.filter((t) => /^\p{Ll}/u.test(t.text)).map((t) => t.text));
  const orgs = new Map<string, Entity>();
  const orgStarting = new Map<number, Entity>();
  const orgEnding = new Map<number, Entity>();
  for (const x of doc.entities) {
    if (x.type !== 'ORG') continue;
    orgs.set(x.id, x);
    for (const m of nameMentions(x)) {
      orgStarting.set(m.start, x);
      orgEnding.set(m.end, x);
    }
  }
  const byId = new Map(doc.entities.map((x) => [x.id, x]));
  const described = new Map<string, boolean>();
  const describedAtRisk = (id: string): boolean => {
    let yes = described.get(id);
    if (yes === undefined) {
      const x = byId.get(id);
      const phrases = x ? [...(x.titles ?? []), ...(x.affiliations ?? []).map((a) => a.title), ...x.mentions.filter((m) => m.kind === 'description').map((m) => m.text)] : [];
      yes = phrases.some((p) => [...wordsIn(p)].some(([w]) => isAtRiskWord(w.toLowerCase())));
      described.set(id, yes);
    }
    return yes;
  };
  const index = { eventsOf, personTargetsAt, typeOf, quotesOf, lowerWords, orgs, orgStarting, orgEnding, describedAtRisk, groupsIn };
  indexCache.set(doc, { events: doc.events, quotes: doc.quotes, index });
  return index;
}

const protagonistCache = new WeakMap<Doc, { most?: string; firstNamed?: string }>();

/** The person the report names most often, and the one it names first. */
function protagonists(doc: Doc): { most?: string; firstNamed?: string } {
  let p = protagonistCache.get(doc);
  if (!p) {
    const persons = doc.entities.filter((x) => x.type === 'PERSON' && nameMentions(x).length > 0);
    const count = (x: Entity) => x.mentions.length;
    const start = (x: Entity) => Math.min(...nameMentions(x).map((m) => m.start));
    p = {
      most: persons.reduce<Entity | undefined>((a, b) => (!a || count(b) > count(a) ? b : a), undefined)?.id,
      firstNamed: persons.reduce<Entity | undefined>((a, b) => (!a || start(b) < start(a) ? b : a), undefined)?.id,
    };
    protagonistCache.set(doc, p);
  }
  return p;
}

const orgCache = new WeakMap<Doc, Set<number>>();

/** The tokens inside an organisation's name, once per report. */
function orgTokens(doc: Doc): Set<number> {
  let set = orgCache.get(doc);
  if (!set) {
    set = new Set();
    for (const e of doc.entities) {
      if (e.type !== 'ORG') continue;
      for (const m of e.mentions) {
        const [a, b] = mentionTokens(doc, m);
        for (let k = Math.max(0, a); k <= b; k++) set.add(k);
      }
    }
    orgCache.set(doc, set);
  }
  return set;
}

/**
 * Whether a name looks like a person's: whether the report writes a word of it in lower case
 * ("Human Rights Day", "the Revolutionary Guards", "Digital Security Act" are no one the
 * recogniser should have called a person). Whether its words are in the name lists is left out:
 * those lists are mostly European and American, so the weight they earned counted against every
 * Uyghur, Burmese or Somali name (a first name not listed pulled a person −0.68), and out of fold
 * the model does as well without them (target AUC 0.9264 → 0.9266, log-loss 0.1249 → 0.1234).
 */
export function nameShape(name: string, lowerWords: ReadonlySet<string>): string[] {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  if (!words.length) return ['name-shape=no-capital'];
  const out: string[] = [];
  if (words.some((w) => lowerWords.has(w.toLowerCase()))) out.push('name-word-in-lower-case');
  return out;
}

/** The depths at which a name word's cluster is read: coarse classes generalise, fine ones tell. */
const CLUSTER_DEPTHS = [4, 8, 12];
/** Pronouns that refer to a person (the coreference links "it" and "they" elsewhere). */
const PERSONAL_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself']);
/** Titles of address the recogniser keeps inside a name ("Dr. Arvo Kessling"): not the name's first word. */
const ADDRESS_WORDS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'madam']);

/**
 * A name word's cluster path, looked up as the tagger's lexicon does (curly quotes made straight,
 * then lower case), else by its parts: "al-Tarnowi" by "Tarnowi", "Kessling-Vasko" by "Kessling".
 */
function clusterOf(clusters: ReadonlyMap<string, string>, written: string): string | undefined {
  const word = straightQuotes(written);
  const direct = clusters.get(word) ?? clusters.get(word.toLowerCase());
  if (direct) return direct;
  const parts = word.split('-').filter((w) => w && !NAME_PARTICLES.has(w.toLowerCase()));
  for (const w of parts) {
    const path = clusters.get(w) ?? clusters.get(w.toLowerCase());
    if (path) return path;
  }
  return undefined;
}

/**
 * Whether the recogniser's person is a person at all: the word clusters of the name's first and
 * last words (learned from the training reports' labels which clusters a victim's name falls in:
 * the recogniser's "Human Rights Day", "Digital Security Act" or "Haft Tappeh Sugarcane Factory"
 * end in common nouns' clusters), and a personal pronoun the coreference took to refer to it. The
 * recogniser's wrong persons are the commonest false case on real reports.
 */
export function personhood(e: Entity, add: (name: string, at?: Offsets) => void): void {
  const words = e.name
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((w) => w && !NAME_PARTICLES.has(w.toLowerCase()));
  while (words.length > 1 && ADDRESS_WORDS.has(words[0]!.toLowerCase())) words.shift();
  const clusters = loadClusters();
  if (clusters && words.length) {
    // one word is one look-up: "cluster-first" and "cluster-last" of it would count it twice
    const ends = words.length > 1 ? ([['first', words[0]!], ['last', words.at(-1)!]] as const) : ([['last', words[0]!]] as const);
    for (const [where, w] of ends) {
      const path = clusterOf(clusters, w);
      if (!path) add(`cluster-${where}=none`);
      else for (const d of CLUSTER_DEPTHS) if (path.length >= d) add(`cluster-${where}=${path.slice(0, d)}`);
    }
  }
  const pronoun = e.mentions.find((m) => m.kind === 'pronoun' && PERSONAL_PRONOUNS.has(m.text.toLowerCase()));
  if (pronoun) add('personal-pronoun', pronoun);
}

/** Where a describing word stands close to the name: its title, its description, its apposition or compound. */
const CLOSE_KINDS = new Set(['title', 'desc', 'beside']);
const AT_RISK = new Set<string>(AT_RISK_KINDS);

/**
 * The office a person holds in a body of people who speak, work or campaign, not in the state
 * (`civil-office`): "president of the Dravin Bar Association", "Union president Kofi Adjei",
 * "the former chancellor of Varnsk Teachers University", "a spokeswoman for the rights group",
 * "opposition lawmaker Rana Odeh", "the pro-democracy councillor Wing Lam". Read from the
 * person's own words only (a title, a role coreference found, a description or an apposition,
 * not another's office in the same clause), with the body named by the affiliation, by the title
 * itself, or right after the office word ("of"/"for"/"at") or right before it. A civil body's
 * name has a civil body's word ("association", "university") or a kind at risk's that no state
 * body shares ("union", "rights", "journalists"; not "media", "radio" or "labour": a media
 * authority, state radio, a labour ministry), and no word of the state or of a party
 * ("ministry", "authority", "commission", "party"…) unless it says "opposition".
 */
function civilOffice(doc: Doc, e: Entity, feats: readonly Feat[], index: ReportIndex): { at?: Offsets } | undefined {
  const offices = feats.filter(isOwnOffice);
  if (offices.length === 0) return undefined;
  const hasOffice = (title: string) => title.split(/\s+/).some((w) => OFFICE_WORDS.has(w.toLowerCase()));
  for (const a of e.affiliations ?? []) {
    const org = a.org ? index.orgs.get(a.org) : undefined;
    if (org && civilName(org.name) && hasOffice(a.title)) return { at: offices[0]!.at };
  }
  for (const t of e.titles ?? []) if (hasOffice(t) && civilName(t)) return { at: offices[0]!.at };
  for (const f of offices) {
    if (!f.at) continue;
    const after = /^\s+(?:of|for|at)\s+(?:the\s+)?/i.exec(doc.text.slice(f.at.end, f.at.end + 12));
    const org = after ? index.orgStarting.get(f.at.end + after[0].length) : undefined;
    const before = /(?:['’]s)?\s+$/.exec(doc.text.slice(Math.max(0, f.at.start - 4), f.at.start));
    const orgBefore = before ? index.orgEnding.get(f.at.start - before[0].length) : undefined;
    if ((org && civilName(org.name)) || (orgBefore && civilName(orgBefore.name))) return { at: f.at };
  }
  return undefined;
}

/** Whether a body's name (or a title naming its body) is a civil body's: see `civilOffice`. */
function civilName(name: string): boolean {
  const words = [...wordsIn(name)].map(([w]) => w.toLowerCase());
  if (words.some((w) => STATE_BODY_WORDS.has(w)) && !words.includes('opposition')) return false;
  return words.some((w) => CIVIL_BODY_WORDS.has(w) || (isAtRiskWord(w) && !SHARED_WITH_STATE.has(w)));
}

/** Words that name a body of people who speak, work or campaign (not a league, a movement or an alliance: parties and states take those names too). */
const CIVIL_BODY_WORDS = new Set(['association', 'society', 'institute', 'university', 'college', 'academy', 'foundation', 'network', 'coalition', 'confederation', 'syndicate', 'guild', 'bar', 'church', 'ngo', 'trust', 'forum', 'collective', 'initiative', 'watch']);
/** Words of the kinds at risk that state bodies share: "Media Authority", "state radio", "Labour Ministry". */
const SHARED_WITH_STATE = new Set(['media', 'radio', 'labour', 'labor', 'newspaper']);
/** Words of a state's or a party's body: an office there may well govern. */
const STATE_BODY_WORDS = new Set(['ministry', 'ministries', 'party', 'authority', 'commission', 'government', 'council', 'police', 'army', 'military', 'agency', 'department', 'directorate', 'court', 'parliament', 'assembly', 'senate', 'congress', 'cabinet', 'presidency', 'state', 'state-run', 'state-owned', 'bureau', 'office', 'security', 'intelligence', 'federation']);

/** The person's own describing feature (title, role, description, apposition) whose word is an office a union or a rights group has as much as a state ("president", "spokeswoman"). */
const isOwnOffice = (f: Feat): boolean => OWN_DESCRIBING.test(f.name) && OFFICE_WORDS.has(writtenWordOf(f));
const OWN_DESCRIBING = /^(?:title|desc|afftitle|kid|head=appos)[=:]/;

/** The kind words (plural, lower case) of the groups an event befalls: "reporters" of "at least four reporters". */
function groupKinds(doc: Doc, groups: readonly Offsets[], add: (name: string, at?: Offsets) => void): void {
  for (const g of groups) {
    for (const m of wordsIn(doc.text.slice(g.start, g.end))) {
      const w = m[0];
      if (!/^\p{Ll}/u.test(w) || !/s$/.test(w)) continue;
      const kind = kindOfWord(w.toLowerCase());
      if (!kind) continue;
      const at = { start: g.start + m.index, end: g.start + m.index + w.length };
      add(`group-kind=${kind}`, at);
      add(`group-kinds=${AT_RISK.has(kind) ? 'at-risk' : 'not-at-risk'}`, at);
    }
  }
}

/** Near: the words a description sits in beside a name ("union leader X", "X, a lawyer"); further: the rest of its clause. */
const NEAR = 3;
const FURTHER = 10;
/** The namings read for context: the first few say who a person is. */
const NAMINGS = 3;

/**
 * One person's features: the events that befall them or that they commit, the titles and
 * affiliations coreference found beside their name, their descriptions ("the union leader"), the
 * words around their first namings and the syntax that joins those words to the name, how and
 * where they are named, and how much the report is about an attack on someone at risk
 * (`relevance`, the report model's score).
 */
export function personFeatures(doc: Doc, e: Entity, relevance: { score: number; at?: Offsets }): Feat[] {
  const out = new Map<string, Feat>();
  const add = (name: string, at?: Offsets) => {
    if (!out.has(name)) out.set(name, at ? { name, at: { start: at.start, end: at.end } } : { name });
  };
  const names = nameMentions(e);
  const index = reportIndex(doc);
  let attacks = 0;
  for (const v of index.eventsOf(e.id)) {
    const happened = v.modality === 'asserted' || v.modality === 'reported';
    if (v.target?.entity === e.id) {
      if (happened && VIOLATIONS.has(v.type)) {
        attacks++;
        if (v.sentence < 3) add('victim-in-lead', v.trigger);
      }
      add('target', v.trigger);
      add(`target=${v.type}`, v.trigger);
      // told with others at one trigger ("arrested A, B and C"): a list of victims, or of suspects
      const others = [...(index.personTargetsAt.get(v.trigger.start) ?? [])].filter((id) => id !== e.id);
      if (others.length > 0) add(`co-target=${v.type}`, v.trigger);
      // "police arrested the journalist A and B": one of those it befalls with is described as at risk
      if (others.some((id) => index.describedAtRisk(id))) add('co-target-at-risk', v.trigger);
      // "four reporters remain in prison: A, B …", "other journalists jailed include A": the kind a
      // group befallen in the same sentence is named by, a list's members' only description
      if (happened) groupKinds(doc, index.groupsIn.get(v.sentence) ?? [], add);
      add(`target=${v.type}:${v.modality}`, v.trigger);
      if (happened && VIOLATIONS.has(v.type)) add('victim', v.trigger);
      if (v.sentence === 0) add('target-in-title', v.trigger);
      // "sentenced to death in 1849": what befell someone generations ago is history, not a case
      const age = yearsBefore(v.date?.value, doc.meta.published);
      if (age !== undefined) add(`target-years-ago=${bin(age, [1, 5, 20, 50])}`, v.trigger);
      // "convicted of kidnapping and murdering X", "charged with drug trafficking": what someone is
      // accused of says whether they are a suspect in a crime of violence (a charge of terrorism or
      // spying, the common charges against activists, does not count)
      const crime = ACCUSED.has(v.type) ? violentCrimeAfter(doc.text, v.trigger) : undefined;
      if (crime) add('accused-of-violence', crime);
      const agent = v.agent;
      if (agent && agent.entity !== e.id) {
        const at = agent.start !== undefined && agent.end !== undefined ? { start: agent.start, end: agent.end } : undefined;
        const type = agent.entity === null || agent.entity === undefined ? undefined : index.typeOf.get(agent.entity);
        add(`by-type=${type ?? 'none'}`, at);
        phraseWords('by', agent.text, at, add);
      }
    }
    if (v.agent?.entity === e.id) {
      add(`agent=${v.type}`, v.trigger);
      if (happened && VIOLATIONS.has(v.type)) add('perpetrator', v.trigger);
    }
    if (v.principal?.entity === e.id) add(`principal=${v.type}`, v.trigger);
  }
  for (const q of index.quotesOf.get(e.id) ?? []) add('speaker', q.cue ?? undefined);
  for (const t of e.titles ?? []) phraseWords('title', t, locate(doc, t, names), add);
  for (const m of names.slice(0, NAMINGS)) titleInName(e, m, add);
  for (const a of e.affiliations ?? []) {
    phraseWords('afftitle', a.title, locate(doc, a.title, names), add);
    // coreference points to the organisation by id: its words are its name's
    const org = a.org ? index.orgs.get(a.org) : undefined;
    if (org) phraseWords('afforg', org.name, locate(doc, org.name, names), add);
  }
  for (const m of e.mentions) if (m.kind === 'description') phraseWords('desc', m.text, m, add);
  if (e.relation) add(`relation=${e.relation.type}`);
  for (const m of names.slice(0, NAMINGS)) {
    const [a, b] = mentionTokens(doc, m);
    if (a < 0) continue;
    const s = doc.sentences[doc.sentenceAt(m.start)];
    if (!s) continue;
    for (let k = Math.max(s.tokenStart, a - FURTHER); k < Math.min(s.tokenEnd, b + 1 + FURTHER); k++) {
      if (k >= a && k <= b) continue;
      const t = doc.tokens[k]!;
      const near = k >= a - NEAR && k <= b + NEAR;
      // a verb of speech beside a name says who speaks, which the speaker feature reads from the
      // quotes: "his wife said" beside a name is about the wife
      if (CONTENT.has(t.upos ?? '') && !(t.upos === 'VERB' && loadCues().verbs.has(lemmaOf(t)))) add(`${near ? 'near' : 'ctx'}=${lemmaOf(t)}`, t);
      // the organisation they work for, by its telling words ("Radio", "Union", "Watch")
      else if (near && t.upos === 'PROPN' && orgTokens(doc).has(k)) add(`org=${t.text.toLowerCase()}`, t);
    }
    // the syntax joining the name to its words: "journalist" as the name's compound or apposition,
    // "arrested" as the verb the name is the object of
    for (let k = a; k <= b; k++) {
      const t = doc.tokens[k]!;
      const h = t.head ?? -1;
      if (h >= a && h <= b) continue;
      add(`dep=${t.deprel ?? 'none'}`);
      const head = doc.tokens[h];
      if (head && CONTENT.has(head.upos ?? '')) add(`head=${t.deprel}:${lemmaOf(head)}`, head);
    }
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = doc.tokens[k]!;
      const h = t.head ?? -1;
      if ((k < a || k > b) && h >= a && h <= b && CONTENT.has(t.upos ?? '')) add(`kid=${t.deprel}:${lemmaOf(t)}`, t);
    }
  }
  // the kind each describing word names (`kinds.json`), by where it stands: "journalist" and
  // "reporter" beside a name are one feature, learned from both
  const targeted = out.has('target');
  const civil = civilOffice(doc, e, [...out.values()], index);
  if (civil) add('civil-office', civil.at);
  for (const f of [...out.values()]) {
    const k = kindOfFeature(f);
    if (!k) continue;
    // "president of the Dravin Bar Association": an office in a union, a rights group or a university is no state office
    // (its word beside the name too: "near=president" is the same word)
    if (civil && OFFICE_WORDS.has(writtenWordOf(f)) && !AT_RISK.has(k.kind)) continue;
    add(`kind-${k.where}=${k.kind}`, f.at);
    // and whether any word beside the name (or further) names a kind at risk or not, across
    // kinds: one feature many examples share, so a kind seen rarely in training still counts,
    // and more so for someone an event befalls
    const side = `${CLOSE_KINDS.has(k.where) ? 'close' : 'far'}=${AT_RISK.has(k.kind) ? 'at-risk' : 'not-at-risk'}`;
    add(`kinds-${side}`, f.at);
    if (targeted) add(`target&kinds-${side}`, f.at);
  }
  add(`attacks=${bin(attacks, [0, 1, 2, 4])}`);
  // the report's protagonist: the person it names most, or first
  const { most, firstNamed } = protagonists(doc);
  if (most === e.id) add('most-named', names[0]);
  if (firstNamed === e.id) add('first-named', names[0]);
  const first = Math.min(...e.mentions.map((m) => m.start));
  if (doc.sentenceAt(first) === 0) add('in-title');
  add(`first=${bin(doc.sentenceAt(first), [0, 2, 5, 10, 20])}`);
  add(`namings=${bin(names.length, [1, 2, 4, 8])}`);
  add(`words=${bin((names[0]?.text ?? e.name).split(/\s+/).length, [1, 2, 3])}`);
  for (const f of nameShape(e.name, index.lowerWords)) add(f);
  personhood(e, add);
  add(`relevance=${bin(Math.round(relevance.score * 10) / 10, [0.1, 0.3, 0.5, 0.7, 0.9])}`, relevance.at);
  return [...out.values()];
}
