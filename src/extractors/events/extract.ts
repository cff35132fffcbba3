import { tokenAt } from '../../text/align.js';
import type { Doc } from '../../text/doc.js';
import type { EventDate, EventType, Role, RoleName, VigilEvent } from '../../text/types.js';
import { aloneAll, countBeforeAuxiliaries, groupAntecedents, isGroupCount, pluralAntecedents } from './plural.js';
import { INCLUDING, amongThose, asWasToo, companions, coordinatedPersons, followingLines, groupMembers, listAround, listedPersons, membersToldAfter } from './coordination.js';
import { CustodyReader, spellOver } from './custody.js';
import { gappedObjects } from './gapped.js';
import { groupHead } from './group-head.js';
import { participleAsNoun } from './participle-noun.js';
import { membersNamedLater } from './named-later.js';
import { oneNamedLater } from './one-named-later.js';
import { apposedFirst } from './apposed-first.js';
import { invertedSubjects } from './inverted.js';
import { EventDater } from './event-date.js';
import { MONTHS } from '../dates/lexicon.js';
import type { Lexicon } from './lexicon.js';
import { EntityLinker } from './link.js';
import { mergeMentions } from './merge.js';
import { impliedTargets } from './implied.js';
import { custodyOver, endedCustody } from './ended.js';
import { noReleaseAfterDeath } from './after-death.js';
import { releasesStillHeld } from './still-held.js';
import { inAbsentia } from './in-absentia.js';
import { partialAcquittals } from './partial-acquittal.js';
import { diedOfHarm } from './died-of-harm.js';
import { escapedHarms } from './escaped.js';
import { identifiedVictims } from './identified-victim.js';
import { bodyOwner, tortureMarks } from './body-found.js';
import { droppedCharges } from './dropped.js';
import { countedGroups } from './counted.js';
import { askedByWords } from './demand-list.js';
import { lineSubject } from './line-subject.js';
import { modalityOf } from './modality.js';
import { noOneAt, rolesOf } from './roles.js';
import { Tree } from '../syntax/tree.js';
import { spokenFor } from '../syntax/spoken-for.js';
import { findTriggers } from './triggers.js';
import type { Trigger } from './triggers.js';
import { REPEAT_PREFIX, tellsNewRound } from './rounds.js';

/**
 * Triggers → roles → modality → date → one event per happening. An event whose agent is
 * unnamed is kept ("was detained"); an event that needs a person and has none is dropped
 * ("a documentary released in October" is not a RELEASE).
 */

const PERSONAL_PRONOUNS = new Set(['he', 'him', 'his', 'she', 'her', 'they', 'them', 'their', 'i', 'me', 'my', 'we', 'us', 'our', 'you', 'who', 'whom']);

/** Words that count people or things: "several of them", "those arrested", "hundreds were freed". */
const QUANTIFIERS = new Set(['those', 'several', 'many', 'some', 'all', 'both', 'each', 'others', 'most', 'few', 'dozen', 'dozens', 'hundred', 'hundreds', 'thousand', 'thousands', 'score', 'scores']);
/** Of those, the ones that count people even alone: "hundreds were freed", as "three were arrested". */
const PEOPLE_COUNTS = new Set(['dozen', 'dozens', 'hundred', 'hundreds', 'thousand', 'thousands', 'score', 'scores']);

/** Events that put someone in custody, where a later move into custody ("taken to jail") finds them. */
const HELD_BY = new Set<EventType>(['ARREST', 'ABDUCTION', 'CONVICTION']);
/** Events after which a person may be freed, and a group of "detainees" may stand for them. */
const HOLDING = new Set<EventType>(['ARREST', 'ABDUCTION', 'CHARGE', 'TRIAL', 'CONVICTION', 'DISAPPEARANCE', 'EXTRADITION']);

/**
 * Whether the noun `head` is a role word of the name after it, past other role words: "opposition
 * figure Marek Zal", "rights defender Yusuf Kalem". On one line (a headline or a caption runs into
 * the next line's name), and not the name's possessive ("an injury Blanchard's family …").
 */
function describesNameAfter(tree: Tree, head: number): boolean {
  const name = tree.entityOf[head + 1]?.type === 'PERSON' ? head + 1 : tree.personAfterRoleWords(head + 1, 3);
  if (name === undefined) return false;
  const text = tree.doc.text;
  if (text.slice(tree.token(head).end, tree.token(name).start).includes('\n')) return false;
  let end = name;
  while (tree.entityOf[end + 1] === tree.entityOf[name]) end++;
  return !/^['’]s?$/.test(tree.doc.tokens[end + 1]?.text ?? '');
}

/** Nouns for armed or accused groups the lexicon leaves out of its people: people when someone named is "including" among them. */
const GROUP_NOUNS = new Set(['rebel', 'fighter', 'militant', 'insurgent', 'suspect', 'gunman', 'commander', 'member', 'leader', 'guerrilla', 'militiaman', 'soldier', 'officer', 'official', 'figure']);

function isPersonal(tree: Tree, lexicon: Lexicon, head: number | undefined, trigger: number, depth = 0): boolean {
  if (head === undefined) return false;
  const t = tree.token(head);
  const entity = tree.entityOf[head];
  // "Moroccan rapper Gnawi", parsed with the demonym the head and the rest flat on it: a role word in the name's phrase
  // (a word after the head: "missing person cases", "union offices" are things)
  if (tree.kids(head, 'flat').some((k) => k > head && /^\p{Ll}/u.test(tree.token(k).text) && lexicon.personNouns.has(tree.token(k).text.toLowerCase()))) return true;
  // "the two Canadians": a plural demonym is people
  if (entity) return entity.type === 'PERSON' || entity.type === 'ORG' || (entity.type === 'MISC' && t.xpos === 'NNPS');
  // "the wrestler Navid Sarem": a word for what someone is, beside their name
  if (tree.kids(head, 'appos').some((k) => tree.entityOf[k]?.type === 'PERSON')) return true;
  // "captured nine suspected rebels, including commander A": a group someone named is among is people
  const named = (k: number) => tree.entityOf[k]?.type === 'PERSON' || tree.kids(k, 'appos', 'flat', 'compound').some((c) => tree.entityOf[c]?.type === 'PERSON');
  // (a group's noun, not "videos of hostages, including A" or "the names of the dead, including A")
  if (GROUP_NOUNS.has(tree.lemma(head).toLowerCase()) && tree.kids(head, 'nmod').some((c) => INCLUDING.has(tree.caseOf(c) ?? '') && named(c))) return true;
  const word = t.text.toLowerCase();
  // "the judge released two others, among them A": "others" as a noun stands for people told beside
  if (word === 'others' && t.upos === 'NOUN' && namedAfter(tree, head)) return true;
  if (depth < 2 && (QUANTIFIERS.has(word) || QUANTIFIERS.has(tree.lemma(head)))) {
    // what they count: "several of them", "hundreds of prisoners"; not "some of the charges"
    const of = tree.kids(head, 'nmod').find((c) => tree.caseOf(c) === 'of');
    if (of !== undefined) return isPersonal(tree, lexicon, of, trigger, depth + 1);
    // "those arrested", "those who protested", "those still in jail"
    if (word === 'those') return tree.kids(head, 'acl', 'acl:relcl').length > 0 || tree.head(head) === trigger || participleAsNoun(tree, trigger) === head;
    // "Both were charged": people when it stands for people named just before
    if ((word === 'both' || word === 'each' || aloneAll(tree, head)) && pluralAntecedents(tree, head).length > 0) return true;
    return PEOPLE_COUNTS.has(word) || PEOPLE_COUNTS.has(tree.lemma(head));
  }
  // "Opposition figure Marek Zal fled": a noun the lexicon does not know, right before the name it describes
  if (t.upos === 'NOUN' && /^\p{Ll}/u.test(t.text) && describesNameAfter(tree, head)) return true;
  // "The detained included A": the participle is the noun for the people it befell
  if (participleAsNoun(tree, trigger) === head) return true;
  if (tree.isAgeOnly(head)) return true; // "the 27-year-old was attacked"
  if (isGroupCount(tree, head)) return true; // "the pair were freed", "the duo was released": people told before
  if (t.upos === 'PRON') return PERSONAL_PRONOUNS.has(t.text.toLowerCase());
  if (t.upos === 'PROPN') return true;
  if (t.upos === 'NUM') return true; // "three were arrested"
  return lexicon.personNouns.has(tree.lemma(head));
}

/** Nouns for what a court hands someone. */
const SENTENCE_NOUNS = new Set(['sentence', 'conviction', 'verdict', 'term', 'penalty', 'punishment', 'ruling']);
/** Verbs by which it is handed: "the sentence handed to X", "the penalty imposed on X". */
const HANDING = new Set(['hand', 'give', 'impose', 'pass', 'mete', 'issue', 'deliver']);

/** The person a sentence noun was handed to ("the sentence handed to X", "the verdict against X"), or undefined. */
function sentenceRecipient(tree: Tree, n: number): number | undefined {
  if (!SENTENCE_NOUNS.has(tree.lemma(n)) || tree.entityOf[n]) return undefined;
  const person = (k: number) => tree.entityOf[k]?.type === 'PERSON' || ['NOUN', 'PRON'].includes(tree.token(k).upos ?? '');
  const against = tree.kids(n, 'nmod').find((k) => ['against', 'on'].includes(tree.caseOf(k) ?? '') && person(k));
  if (against !== undefined) return against;
  // the parser may make the participle right after the noun a conjunct of the verb: "upheld the sentence | handed to X"
  const next = n + 1 < tree.doc.tokens.length && ['VBN', 'VBD'].includes(tree.token(n + 1).xpos ?? '') ? [n + 1] : [];
  for (const v of [...tree.kids(n, 'acl'), ...next]) {
    if (!HANDING.has(tree.lemma(v))) continue;
    const to = [...tree.kids(v, 'obl', 'iobj')].find((k) => ['to', 'on', 'against', undefined].includes(tree.caseOf(k)) && person(k));
    if (to !== undefined) return to;
  }
  return undefined;
}

/** Whether a person's name follows `head` in its sentence: who "two others, among them A" are. */
function namedAfter(tree: Tree, head: number): boolean {
  const { to } = tree.sentenceRange(head);
  for (let k = head + 1; k < to; k++) if (tree.entityOf[k]?.type === 'PERSON') return true;
  return false;
}

function confidenceOf(t: Trigger, linkedTarget: boolean, inferred: boolean, hasAgent: boolean, hasDate: boolean): number {
  let c = t.pos === 'verb' ? 0.6 : t.pos === 'adj' ? 0.55 : 0.45;
  if (t.partner !== undefined) c += 0.1;
  if (linkedTarget) c += inferred ? 0.05 : 0.15;
  if (hasAgent) c += 0.05;
  if (hasDate) c += 0.05;
  return Math.round(Math.min(0.95, c) * 100) / 100;
}

/** Words that make people nobody can name: "masked men", "unidentified gunmen", "armed men in plain clothes". */
const UNIDENTIFIED = new Set(['unidentified', 'unknown', 'masked', 'hooded', 'armed', 'plainclothes', 'plain-clothes', 'plain-clothed', 'anonymous']);
const ANYONE = new Set(['man', 'men', 'gunman', 'gunmen', 'individual', 'individuals', 'person', 'persons', 'people', 'assailant', 'assailants', 'attacker', 'attackers', 'abductor', 'abductors', 'group', 'groups']);

/**
 * Whether the agent is people nobody names, which makes a seizure an abduction (ONTOLOGY: taken by
 * unidentified actors): "masked men detained her", "a group of unidentified armed men arrested
 * him". "Armed police" and "unidentified officers of the security service" stay an arrest.
 */
function unidentifiedActor(tree: Tree, agent: number): boolean {
  let head = agent;
  // "a group of unidentified armed men": the men the group is made of
  const of = tree.kids(head, 'nmod').find((k) => tree.caseOf(k) === 'of');
  if (tree.lemma(head) === 'group' && of !== undefined) head = of;
  const word = tree.token(head).text.toLowerCase();
  if (!ANYONE.has(word) && !ANYONE.has(tree.lemma(head))) return false;
  if (word === 'gunmen' || word === 'gunman' || word === 'abductors' || word === 'abductor') return true;
  // the word right before counts however it was tagged: "Unidentified men took him away", with the capital read as a participle
  const before = head > 0 && tree.sentenceRange(head).from < head ? [head - 1] : [];
  return [...tree.kids(head, 'amod', 'compound'), ...before].some((k) => UNIDENTIFIED.has(tree.token(k).text.toLowerCase()));
}

/** A token of the person a target role names: its head, or the name inside its words ("reporter Lina Orsk"). */
function namedToken(tree: Tree, head: number | undefined, role: Role | undefined): number | undefined {
  if (head === undefined || !role?.entity) return undefined;
  if (tree.entityOf[head]?.id === role.entity) return head;
  const { from, to } = tree.sentenceRange(head);
  for (let i = from; i < to; i++) {
    const t = tree.token(i);
    if (tree.entityOf[i]?.id === role.entity && t.start >= (role.start ?? 0) && t.end <= (role.end ?? 0)) return i;
  }
  return undefined;
}

/** Triggers the lexicon missed, read by a learned model over the words the rules' triggers left (see learned-triggers). */
export type TriggerSpotter = (tree: Tree, ruled: readonly Trigger[]) => readonly { token: number; type: EventType }[];

/** A spotted word as a trigger: kept, like a lexicon entry marked `person`, only when it befalls a person. */
function spottedTrigger(tree: Tree, token: number, type: EventType): Trigger {
  const upos = tree.token(token).upos;
  return { token, type, entry: { type, person: true }, pos: upos === 'VERB' ? 'verb' : upos === 'ADJ' ? 'adj' : 'noun' };
}

export function extractEvents(doc: Doc, lexicon: Lexicon, spotter?: TriggerSpotter): VigilEvent[] {
  if (!doc.assigned.has('deps')) return [];
  const tree = new Tree(doc);
  const linker = new EntityLinker(tree, lexicon);
  const dater = new EventDater(tree, lexicon);
  const isPlace = (i: number): boolean => tree.entityOf[i]?.type === 'LOC';
  const events: VigilEvent[] = [];
  /** The events told so far of each person: what `toldOf` reads, not every event (quadratic in a long report). */
  const toldByPerson = new Map<string, VigilEvent[]>();
  const keep = (v: VigilEvent): void => {
    events.push(v);
    const entity = v.target?.entity;
    if (typeof entity !== 'string') return;
    const list = toldByPerson.get(entity);
    if (list) list.push(v);
    else toldByPerson.set(entity, [v]);
  };
  const clauses = new Map<number, VigilEvent>();
  /** Whether an event of one of `types` told so far, as a fact or a report, befalls the person (and passes `also`). */
  const toldOf = (entity: string, types: ReadonlySet<EventType>, also: (v: VigilEvent) => boolean = () => true): boolean =>
    (toldByPerson.get(entity) ?? []).some((v) => types.has(v.type) && (v.modality === 'asserted' || v.modality === 'reported') && also(v));
  /** Whether an event told so far holds the person: arrested, abducted, charged, tried, jailed or gone missing. */
  const held = (entity: string): boolean => toldOf(entity, HOLDING);
  /** Whether a custody told so far, and not told as over, holds the person. */
  const inCustody = (entity: string): boolean => toldOf(entity, HELD_BY, (v) => !custodyOver(tree, v));
  const ruled = findTriggers(tree, lexicon);
  const spotted = spotter ? spotter(tree, ruled).map((s) => spottedTrigger(tree, s.token, s.type)) : [];
  const triggers = spotted.length ? [...ruled, ...spotted].sort((a, b) => a.token - b.token) : ruled;
  for (const trigger of triggers) {
    const heads = rolesOf(tree, lexicon, trigger, isPlace);
    const mod = modalityOf(tree, lexicon, trigger);
    if (trigger.entry.claim || trigger.entry.future) {
      // the event is the speaker's act: "X said the union leader had committed a crime"
      if (mod.speaker === undefined) continue;
      heads.agent = mod.speaker;
    }
    if (noOneAt(tree, heads.target)) delete heads.target;
    // "All three were released", with the count read as no subject
    const count = heads.target === undefined && trigger.pos === 'verb' ? countBeforeAuxiliaries(tree, trigger.token) : undefined;
    if (count !== undefined) heads.target = count;
    const head = groupHead(tree, heads.target, trigger.partner !== undefined ? Math.min(trigger.token, trigger.partner) : trigger.token);
    if (head !== undefined) heads.target = head;
    // "upheld the eight-year sentence handed to blogger X": the sentence's recipient is whom it befalls
    const recipient = heads.target !== undefined && trigger.pos === 'verb' ? sentenceRecipient(tree, heads.target) : undefined;
    if (recipient !== undefined) heads.target = recipient;
    // "Arrested were the journalists A, B and C": the subject after the copula
    const inverted = trigger.pos === 'verb' ? invertedSubjects(tree, trigger.token) : [];
    if (inverted.length) heads.target = inverted[0];
    // "- A, 24, student: detained on 6 March; released on 7 March": a list's line tells of the person it opens with
    const lineOpener = lineSubject(tree, trigger.token, heads.target, (lemma) => lexicon.personNouns.has(lemma));
    if (lineOpener !== undefined) heads.target = lineOpener;
    // "The mutilated body of union leader X was recovered": whose body, from the words where the parse lost it
    const owner = trigger.type === 'KILLING' && !isPersonal(tree, lexicon, heads.target, trigger.token) ? bodyOwner(tree, trigger.token) : undefined;
    if (owner !== undefined) heads.target = owner;
    if (trigger.entry.person && !isPersonal(tree, lexicon, heads.target, trigger.token)) continue;
    const roles: Partial<Record<RoleName, Role>> = {};
    let inferred = false;
    // "abducted human rights defenders": the participle is the event, not its target's words
    const own = doc.tokens[trigger.token]!;
    for (const [name, head] of Object.entries(heads) as [RoleName, number][]) {
      const linked = linker.link(head, name === 'target', trigger.token);
      const end = linked.role.end ?? 0;
      if (linked.role.start === own.start && end > own.end) {
        const rest = doc.tokens[trigger.token + 1]!;
        linked.role = { ...linked.role, start: rest.start, text: doc.text.slice(rest.start, end) };
      }
      roles[name] = linked.role;
      if (name === 'target') inferred = linked.inferred;
    }
    // no one arrests or abducts themselves: a parse that finds the target again as the agent ("the
    // abducted A", read as A doing it) is wrong about the agent (a claim's speaker may speak of themselves)
    if (!trigger.entry.claim && roles.agent?.entity && roles.agent.entity === roles.target?.entity) delete roles.agent;
    // a claim happened when it was made: "On Monday, X said he had committed a crime" is Monday's
    // a state has no date of its own: "X, who is in prison, began a hunger strike on Tuesday" (it joins the arrest told before),
    // save its start: "missing since Tuesday"
    const ownDate = trigger.entry.state ? dater.since(trigger) : (trigger.entry.claim || trigger.entry.future) && mod.cue !== undefined ? dater.at(mod.cue) : (dater.dateOf(trigger) ?? dater.since(trigger));
    // a new round of custody ("back in prison", "arrested again") is no retelling of the arrest before it: it borrows no date
    const date = ownDate ?? (newRound(doc, trigger) ? null : (takenWithDate(tree, linker, events, trigger) ?? ledeDate(events, trigger.type, doc.sentenceAt(doc.tokens[trigger.token]!.start), roles.target?.entity ?? null)));
    let first = trigger.partner !== undefined ? Math.min(trigger.token, trigger.partner) : trigger.token;
    let last = trigger.partner !== undefined ? Math.max(trigger.token, trigger.partner) : trigger.token;
    // "arrested again", "again detained": the word that tells a repeat is part of the trigger, so a
    // case's timeline can put the new arrest after the release told with it
    if (doc.tokens[last + 1]?.text.toLowerCase() === 'again') last++;
    else if (doc.tokens[first - 1]?.text.toLowerCase() === 'again') first--;
    // "remains in detention", "is still being held": custody the report says goes on now; the word
    // that says so joins the trigger, so the timeline puts it after a release ordered the same day
    else if (trigger.type === 'ARREST') first = ongoingFrom(doc, first);
    // a phrase trigger spans its words only when they are close: "handed over", not "whereabouts … known"
    const span = last - first <= 3 ? doc.span(doc.tokens[first]!.start, doc.tokens[last]!.end) : doc.span(doc.tokens[trigger.token]!.start, doc.tokens[trigger.token]!.end);
    // the weapon an assault's phrase names is no agent: "hit by several bullets", "a canister struck her"
    const instrument = trigger.partner !== undefined && trigger.type === 'ASSAULT' ? doc.tokens[trigger.partner]! : undefined;
    if (instrument && roles.agent?.start !== undefined && roles.agent.end !== undefined && roles.agent.start <= instrument.start && instrument.end <= roles.agent.end) delete roles.agent;
    const event: VigilEvent = {
      id: '',
      type: trigger.type === 'ARREST' && heads.agent !== undefined && unidentifiedActor(tree, heads.agent) ? 'ABDUCTION' : trigger.type,
      trigger: span,
      target: roles.target ?? null,
      agent: roles.agent ?? null,
      principal: roles.principal ?? null,
      place: roles.place ?? null,
      origin: roles.origin ?? null,
      destination: roles.destination ?? null,
      date,
      modality: mod.modality,
      sentence: doc.sentenceAt(span.start),
      confidence: confidenceOf(trigger, Boolean(roles.target?.entity), inferred, Boolean(roles.agent), Boolean(date)),
    };
    // ("the family of activist A say he is missing": the family speaks, not A)
    if (mod.speaker !== undefined && !trigger.entry.claim && !trigger.entry.future && !spokenFor(tree, mod.speaker)) event.speaker = linker.link(mod.speaker).role;
    // what a person says befell themselves is their account, not news relayed: "she says she was detained";
    // not their own release, which the free telling shows ("he was released without charge, he said"),
    // when the release names them in its own words (a target that is the speaker's very words is a
    // misread: "X said the judge let three others go free")
    const ownRelease = event.type === 'RELEASE' && event.target?.start !== undefined && event.target.start !== event.speaker?.start;
    if (mod.relayed && !ownRelease && event.speaker?.entity && event.speaker.entity === event.target?.entity) event.modality = 'reported';
    // "police arrested A on Monday; he was taken to Karst prison on Friday": the same custody, moved
    if (trigger.entry.moved && event.target?.entity && inCustody(event.target.entity)) continue;
    keep(event);
    const alongside = trigger.pos === 'verb' && heads.target !== undefined ? companions(tree, trigger.token) : [];
    const named = namedToken(tree, heads.target, roles.target);
    const group = { personNouns: lexicon.personNouns, held, frees: event.type === 'RELEASE' };
    const listed = [
      ...coordinatedPersons(tree, heads.target, trigger.token),
      ...listedPersons(tree, roles.target),
      ...apposedFirst(tree, roles.target),
      ...amongThose(tree, heads.target, trigger.token),
      ...listAround(tree, named, trigger.token),
      ...groupMembers(tree, heads.target),
      ...membersToldAfter(tree, heads.target, trigger.token),
      ...membersNamedLater(tree, heads.target, trigger.token, lexicon),
      ...oneNamedLater(tree, heads.target, lexicon.personNouns),
      ...inverted,
      ...(trigger.pos === 'verb' && heads.target !== undefined ? asWasToo(tree, trigger.token) : []),
      ...pluralAntecedents(tree, heads.target, group),
      ...groupAntecedents(tree, heads.target, trigger.token, group),
      ...followingLines(tree, trigger.token),
      ...(trigger.pos === 'verb' && heads.target !== undefined ? gappedObjects(tree, trigger.token) : []),
    ];
    const told = new Set([event.target?.entity]);
    for (const other of [...listed, ...alongside]) {
      // the role's words are the name itself: a list item's phrase runs into the next item
      const at = doc.tokens[other]!.start;
      const person = tree.entityOf[other]!;
      const m = person.mentions.find((x) => x.start <= at && at < x.end);
      if (!m || told.has(person.id)) continue;
      told.add(person.id);
      keep({ ...event, target: { entity: person.id, text: m.text, start: m.start, end: m.end } });
    }
    clauses.set(trigger.token, event);
  }
  // "detained in Bangkok while attempting to seek asylum": the attempt was in Bangkok too
  for (const [token, event] of clauses) {
    if (event.place) continue;
    for (const { token: up, via } of tree.ancestors(token, 3)) {
      if (!/^(xcomp|advcl|conj)/.test(via) && up !== tree.head(token)) break;
      const host = clauses.get(up);
      if (host?.place) {
        event.place = host.place;
        break;
      }
    }
  }
  // (the people of a counted group first: "two students were remanded … A is held at X and B at Y" places each one's remand)
  events.push(...countedGroups(tree, events).slice(events.length));
  new CustodyReader(tree, linker, lexicon.personNouns).apply(events);
  // "survived an assassination attempt", "nearly evaded kidnapping": the harm came through is the survivor's
  escapedHarms(tree, linker, events);
  // "A killing was reported last week. The victim was named as X"
  identifiedVictims(tree, linker, events);
  // "X's body, bearing marks of torture, was found"
  tortureMarks(tree, events);
  // a bare noun with nobody attached ("… is a threat") says too little to be an event of its own
  const kept = mergeMentions(events, (v) => custodyOver(tree, v), (offset) => doc.sentenceAt(offset)).filter((v) => {
    const bare = !v.target && !v.agent && !v.mentions && v.modality !== 'negated' && !/\s/.test(v.trigger.text);
    // "had been held incommunicado for six months": a spell that is over is the custody's, no disappearance now
    return !(bare && doc.tokens[tokenAt(doc, v.trigger.start)]?.upos === 'NOUN') && !spellOver(doc, v);
  });
  const all = inAbsentia(doc, partialAcquittals(doc, releasesStillHeld(tree, noReleaseAfterDeath(diedOfHarm(tree, linker, droppedCharges(tree, lexicon, dater, endedCustody(tree, impliedTargets(doc, kept))))))));
  // "calls on the authorities to:\n- release A; - drop the charges": a list item completes the request above it
  // "his next hearing has been set for October": a hearing or trial the report dates after its own
  // day has not happened yet. Only a hearing: courts set them ahead, while "the murder of X in
  // October" in a September report is last October's, read wrong when no tense says which; and
  // a verb keeps its tense ("was tried on 3 October" in an August report).
  const published = doc.meta.published;
  const ahead = (v: VigilEvent) => v.type === 'TRIAL' && v.modality === 'asserted' && doc.tokens[tokenAt(doc, v.trigger.start)]?.upos === 'NOUN' && datedAfter(v.date, published);
  return custodyBeforeItsRelease(
    all.map((v, i) => {
      const told = { ...v, ...(v.modality === 'asserted' && askedByWords(tree, v) ? { modality: 'hypothetical' as const } : ahead(v) ? { modality: 'future' as const } : {}), id: `v${i + 1}` };
      return { ...told, date: happenedBefore(told, published) };
    }),
  );
}

/** Events that put someone in custody, which a release told beside them ends. */
const CUSTODY_OPENED = new Set(['ARREST', 'ABDUCTION', 'DISAPPEARANCE']);

/**
 * "X, who was detained the same night, was released in March": a custody and its release told in
 * one sentence come in that order. A date the custody only borrowed from the text before it ("the
 * same night": whichever date was told last) that falls after the release's is someone else's
 * night; the custody is left undated, and sorts before the release as a life does.
 */
function custodyBeforeItsRelease(events: VigilEvent[]): VigilEvent[] {
  const releases = new Map<string, VigilEvent>();
  for (const v of events) if (v.type === 'RELEASE' && v.date && v.target?.entity && (v.modality === 'asserted' || v.modality === 'reported')) releases.set(`${v.sentence}:${v.target.entity}`, v);
  if (releases.size === 0) return events;
  return events.map((v) => {
    // (a custody told as a new round may well come after the release: "released in May and rearrested the same night")
    if (!CUSTODY_OPENED.has(v.type) || v.date?.anchor !== 'previous' || !v.target?.entity || tellsNewRound(v.trigger.text)) return v;
    const freed = releases.get(`${v.sentence}:${v.target.entity}`);
    if (!freed || freed.trigger.start === v.trigger.start) return v;
    const n = Math.min(v.date.value.length, freed.date!.value.length);
    return v.date.value.slice(0, n) > freed.date!.value.slice(0, n) ? { ...v, date: null } : v;
  });
}

/** Whether a date's words name a month, full or cut ("February", "Feb.", "Sept"), as the dates component reads them. */
const namesMonth = (words: string): boolean => words.toLowerCase().split(/[^a-z]+/).some((w) => MONTHS[w] !== undefined);

/**
 * An event told as having happened (asserted or reported) cannot come after the report. A month or
 * day the text gave without a year that the dates component put after publication (it leaves a
 * month's slack for schedules: "was set for Jan. 14") is then either last year's ("was picked up in
 * February" in a report of 20 January) or, as often on the training reports, the date of something
 * else the clause looks ahead to ("released until his next trial session in March", "frees X,
 * adjourns trial to November"). Which one the words do not say: the event is left undated rather
 * than dated wrong. A hearing ahead is the future, above.
 */
function happenedBefore(v: VigilEvent, published: string | undefined | null): EventDate | null {
  const d = v.date;
  // (the words give no year: "in February", "on 3 Feb."; a month or day they name is "stated" all the same)
  if (!d || d.anchor === 'previous' || d.precision === 'year' || /\d{4}|['’]\d{2}\b/.test(d.text ?? '') || !datedAfter(d, published)) return d;
  // (not a denial: "will not be freed in March" looks ahead)
  if (v.modality !== 'asserted' && v.modality !== 'reported') return d;
  // a weekday after publication is a week's error, not this one; "next month" is no date of the past
  return namesMonth(d.text ?? '') ? null : d;
}

/** Whether an event's date lies after the publication day, at the date's own precision ("2026-12" is not after 2026-12-05). */
export function datedAfter(date: EventDate | null, published: string | undefined | null): boolean {
  if (!date || !published || !/^\d{4}(?:-\d{2}){0,2}$/.test(date.value)) return false;
  return date.value > published.slice(0, date.value.length);
}

/** Words before a custody trigger that say it holds now: "remains (in) | detention", "still (being) | held"; "back (in) | prison" holds again. */
const ONGOING = new Set(['remains', 'remain', 'stays', 'still', 'back']);
/** What may stand between such a word and the trigger: auxiliaries and the state's preposition. */
const ONGOING_GAP = new Set(['being', 'been', 'is', 'are', 'in', 'under', 'behind']);

function ongoingFrom(doc: Doc, first: number): number {
  let k = first - 1;
  while (k > 0 && ONGOING_GAP.has(doc.tokens[k]!.text.toLowerCase()) && first - k < 3) k--;
  return k >= 0 && ONGOING.has(doc.tokens[k]!.text.toLowerCase()) ? k : first;
}

/** Whether the trigger's words tell custody begun anew: "rearrested", "arrested again", "again detained", "back in prison". */
function newRound(doc: Doc, t: Trigger): boolean {
  const first = t.partner !== undefined ? Math.min(t.token, t.partner) : t.token;
  const last = t.partner !== undefined ? Math.max(t.token, t.partner) : t.token;
  const word = (k: number): string => doc.tokens[k]?.text.toLowerCase() ?? '';
  return REPEAT_PREFIX.test(doc.tokens[first]!.text) || word(last + 1) === 'again' || word(first - 1) === 'again' || word(first - 1) === 'back';
}

/** How many sentences back a group's dated event may lend its date. */
const LEDE_REACH = 2;
/** The opening sentences (headline, dateline, lede and its retelling) where a report tells its main event again by name. */
const LEDE_SENTENCES = 6;

/**
 * "condemns the arrest of leaders of its affiliate on 1 May … police arrested the union's
 * president, A, and …": in a report's opening, a named retelling with no date of its own, right after the same kind of
 * event told of a group (or of the same person) with one, is that event: it takes its date. Without
 * it, the merge may join the retelling to an older episode a later sentence dates ("In November
 * 2023, A was detained for eleven days").
 */
/**
 * "Two other members were picked up with her", "was arrested with the cleric": a custody told as
 * shared with someone whose own custody the report dated is of that date.
 */
function takenWithDate(tree: Tree, linker: EntityLinker, events: readonly VigilEvent[], trigger: Trigger): EventDate | null {
  if (!CUSTODY_OPENED.has(trigger.type)) return null;
  for (const w of tree.kids(trigger.token, 'obl', 'nmod').filter((c) => tree.caseOf(c) === 'with')) {
    const whom = linker.link(w, false, trigger.token).role.entity;
    if (!whom) continue;
    const theirs = events.filter((v) => v.target?.entity === whom && CUSTODY_OPENED.has(v.type) && v.date && (v.modality === 'asserted' || v.modality === 'reported'));
    if (theirs.length) return theirs[theirs.length - 1]!.date;
  }
  return null;
}

function ledeDate(events: readonly VigilEvent[], type: EventType, sentence: number, target: string | null): EventDate | null {
  if (sentence > LEDE_SENTENCES) return null;
  for (let k = events.length - 1; k >= 0; k--) {
    const v = events[k]!;
    if (sentence - v.sentence > LEDE_REACH) break;
    if (v.type !== type || !v.date || (v.modality !== 'asserted' && v.modality !== 'reported')) continue;
    if (v.target?.entity && v.target.entity !== target) continue;
    return v.date;
  }
  return null;
}
