import type { Tree } from '../syntax/tree.js';
import { coordinatedPersons, groupMembers, listAround } from './coordination.js';
import { insideQuote } from './modality.js';

/** Words that stand for a group already named: "they were charged", "both were jailed", "the two". */
const PLURAL_PRONOUNS = new Set(['they', 'them', 'their', 'both', 'each']);
const COUNTS = new Set(['two', 'three', 'four', 'five', 'pair', 'duo', 'trio']);

/** How many people a count word says: "the two", "the pair", "both men", "the 3 reporters". */
const HOW_MANY: Record<string, number> = { both: 2, two: 2, pair: 2, duo: 2, three: 3, trio: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** How far back a plural pronoun looks for the names it stands for: its sentence and the one before, within a bound that keeps a run-on text linear. */
const SENTENCES_BACK = 1;
/** A count alone ("the two", "both", "all three") must match its list exactly, and so may look one sentence further: "Among those held were A and B. The minister C spoke. The two were freed." */
const COUNTED_SENTENCES_BACK = 2;
const TOKENS_BACK = 120;

/** Whether the target's head is a word that stands for a group named earlier rather than naming one itself. */
function standsForGroup(tree: Tree, head: number): boolean {
  if (tree.entityOf[head]) return false;
  const word = tree.token(head).text.toLowerCase();
  return PLURAL_PRONOUNS.has(word) || isGroupCount(tree, head) || aloneAll(tree, head);
}

/** "All were released": "all" with nothing it counts after it ("all the detainees", "all three" are their nouns' and counts'). */
export function aloneAll(tree: Tree, head: number): boolean {
  if (tree.token(head).text.toLowerCase() !== 'all' || tree.entityOf[head]) return false;
  const next = tree.doc.tokens[head + 1];
  return next !== undefined && !['NOUN', 'PROPN', 'DET', 'NUM', 'PRON', 'ADP'].includes(next.upos ?? '');
}

/** "the two", "the pair", "all three": a count with nothing counted after it, which stands for people told before. */
export function isGroupCount(tree: Tree, head: number): boolean {
  const word = tree.token(head).text.toLowerCase();
  if (tree.entityOf[head] || !COUNTS.has(word)) return false;
  const before = head > 0 ? tree.token(head - 1).text.toLowerCase() : '';
  const after = tree.token(head + 1)?.upos;
  return (before === 'the' || before === 'all') && after !== 'NOUN' && after !== 'PROPN';
}

/** The number of people a pronoun or bare count says ("both", "the two", "all three"); undefined for "they". */
function pronounCount(tree: Tree, head: number): number | undefined {
  return HOW_MANY[tree.token(head).text.toLowerCase()];
}

/**
 * The person a name at token `i` is told alongside: "A, who faces charges alongside doctor B",
 * "A was detained together with B". The marker ("alongside", "together with", "along with")
 * stands right before B's name or its role words, and A is the nearest name before it in the
 * sentence. Returns a token of A's name, or undefined.
 */
function alongside(tree: Tree, i: number): number | undefined {
  const { from } = tree.sentenceRange(i);
  const w = (k: number) => (k >= from ? tree.token(k).text.toLowerCase() : '');
  let k = i - 1;
  // role words between: "the surgeon", "Belarusian doctor" (a nationality may be read as a name of
  // its own), "the union's treasurer," (whose post it is, and the comma that sets the name off)
  const roleWord = (n: number) => ['NOUN', 'ADJ', 'PROPN', 'DET'].includes(tree.token(n).upos ?? '') || /^(?:['’]s|,)$/.test(tree.token(n).text);
  while (k > from && i - k <= 6 && tree.entityOf[k]?.type !== 'PERSON' && roleWord(k)) k--;
  const marked = w(k) === 'alongside' || (w(k) === 'with' && ['together', 'along'].includes(w(k - 1)));
  if (!marked) return undefined;
  for (let j = k - 1; j >= from; j--) if (tree.entityOf[j]?.type === 'PERSON' && tree.entityOf[j] !== tree.entityOf[i]) return j;
  return undefined;
}

/**
 * Whether the name whose first token is `i` is joined by "and" to one unnamed person, and no one
 * else: "A and the young boy", "A and her driver" (a common noun, not a name nor a pronoun).
 */
function withUnnamed(tree: Tree, i: number): boolean {
  const e = tree.entityOf[i];
  let last = i;
  while (tree.entityOf[last + 1] === e) last++;
  const kids = [...Array.from({ length: last - i + 1 }, (_, k) => i + k).flatMap((t) => tree.kids(t, 'conj'))].filter((k) => k > last);
  if (kids.length !== 1) return false;
  const k = kids[0]!;
  const and = tree.kids(k, 'cc').some((c) => tree.lemma(c) === 'and');
  return and && tree.token(k).upos === 'NOUN' && tree.token(k).xpos === 'NN' && !tree.entityOf[k] && !tree.kids(k, 'conj').length;
}

/**
 * The latest list of two or more named people before token `head`, in its sentence or the one
 * before (or `back` sentences). Read from its last name, the parse may give only part of the list: `whole` reads the
 * rest too, for a count to be checked against ("the three activists"), and takes a pair told
 * alongside one another for a list of two (marked `paired`). Returns one token of each name.
 */
function latestList(tree: Tree, head: number, whole: boolean, back = SENTENCES_BACK): number[] & { paired?: boolean; unnamed?: number } {
  let { from } = tree.sentenceRange(head);
  const own = from;
  for (let s = 0; s < back && from > 0; s++) from = tree.sentenceRange(from - 1).from;
  for (let i = head - 1; i >= Math.max(from, head - TOKENS_BACK); i--) {
    const e = tree.entityOf[i];
    // the first token of a person's name, read from the right
    if (e?.type !== 'PERSON' || tree.entityOf[i - 1] === e) continue;
    // by the parse, else (in the pronoun's own sentence) by the words: "Chairman A and vice
    // president B were fired and they …", with B's name hung on A's
    const byParse = coordinatedPersons(tree, i);
    // (in the sentence before, by the words only for a count, which the list must then match: "Two
    // reporters for the Ostrova Times, A and B, covered … Both were arrested"; "their" and "them"
    // stand as often for a group the sentence before names beside its list)
    const others = byParse.length > 0 || (i < own && !whole) ? byParse : listAround(tree, i, head);
    if (others.length === 0) {
      const partner = whole ? alongside(tree, i) : undefined;
      if (partner !== undefined) return Object.assign([partner, i], { paired: true });
      // "arrested A and the young boy … The duo was released": a pair of whom one is named
      if (whole && withUnnamed(tree, i)) return Object.assign([i], { paired: true, unnamed: 1 });
      continue;
    }
    if (!whole) return [i, ...others];
    // read from its last name the parse may give only part of the list: each name's own list, by
    // the parse or by the words ("A, B and C" with C hung wrongly), adds the rest
    const list = [i, ...others];
    const seen = new Set(list.map((k) => tree.entityOf[k]));
    for (let n = 0; n < list.length && list.length < 20; n++) {
      for (const k of [...coordinatedPersons(tree, list[n]!), ...listAround(tree, list[n]!, head)]) {
        if (seen.has(tree.entityOf[k])) continue;
        seen.add(tree.entityOf[k]);
        list.push(k);
      }
    }
    return list.sort((a, b) => a - b);
  }
  return [];
}

/**
 * "All three were released", which the parser reads with "All" as the sentence's head and the
 * count as no subject: the count right before a passive trigger's auxiliaries (and adverbs), after
 * "all" or "the", is its target. Returns the count's token, or undefined.
 */
export function countBeforeAuxiliaries(tree: Tree, trigger: number): number | undefined {
  const j = beforeAuxiliaries(tree, trigger);
  if (j === undefined || tree.token(j).upos !== 'NUM' || !COUNTS.has(tree.token(j).text.toLowerCase())) return undefined;
  const before = j > tree.sentenceRange(trigger).from ? tree.token(j - 1).text.toLowerCase() : '';
  return before === 'all' || before === 'the' ? j : undefined;
}

/**
 * "Since the campaign began, at least ten of the 56 journalists have been freed", with the group
 * parsed as the object of the clause before: a count of people, or a plural person noun, right
 * before a passive trigger's auxiliaries is its target ("ten of the journalists" is the ten).
 * Returns the group's token, or undefined.
 */
export function groupBeforeAuxiliaries(tree: Tree, trigger: number, personNouns: ReadonlySet<string>): number | undefined {
  const j = beforeAuxiliaries(tree, trigger);
  if (j === undefined) return undefined;
  const t = tree.token(j);
  // "On Friday, both were detained", with "both" read as a conjunction's first word of a verb with no subject: the two told before
  if (['both', 'all'].includes(t.text.toLowerCase()) && !tree.kids(trigger, 'nsubj', 'nsubj:pass').length) return j;
  if (tree.head(j) === trigger) return undefined;
  if (t.xpos !== 'NNS' || tree.entityOf[j] || !personNouns.has(tree.lemma(j))) return undefined;
  // "ten of the journalists": the count the "of" hangs on
  const h = tree.head(j);
  return tree.caseOf(j) === 'of' && h >= 0 && h < j && numberAt(tree, h) !== undefined ? h : tree.caseOf(j) === undefined ? j : undefined;
}

/** The word right before a passive trigger's auxiliaries (and adverbs), or undefined when it has none. */
function beforeAuxiliaries(tree: Tree, trigger: number): number | undefined {
  const { from } = tree.sentenceRange(trigger);
  let j = trigger - 1;
  while (j > from && ['AUX', 'ADV'].includes(tree.token(j).upos ?? '')) j--;
  return j === trigger - 1 || !tree.kids(trigger, 'aux:pass').length ? undefined : j;
}

/** The number a token says: "three", "3"; undefined for any other word. */
export function numberAt(tree: Tree, i: number): number | undefined {
  if (tree.token(i).upos !== 'NUM') return undefined;
  const w = tree.token(i).text.toLowerCase();
  return HOW_MANY[w] ?? (/^\d{1,2}$/.test(w) ? Number(w) : undefined);
}

/**
 * The named members of the latest group counted as `count` before token `head`, in its sentence
 * or the one before: "three staff members including editor A were taken away. The three were
 * later freed", "held the four men, two of them named as A and B, … freeing all
 * four". The group is a plural noun with that count, or the count itself ("three of its staff");
 * its members are those its sentence names after "including", "such as", "identified as" and
 * the like. However many it names, each is one of the group the count stands for. Returns one
 * token of each name, or nothing.
 */
function countedMembers(tree: Tree, head: number, count: number): number[] {
  let { from } = tree.sentenceRange(head);
  for (let s = 0; s < SENTENCES_BACK && from > 0; s++) from = tree.sentenceRange(from - 1).from;
  for (let i = head - 1; i >= Math.max(from, head - TOKENS_BACK); i--) {
    if (numberAt(tree, i) !== count || tree.inTimex(i)) continue;
    // "four men": the noun it counts; "three of its staff": the count itself
    const noun = tree.token(i).deprel === 'nummod' ? tree.head(i) : i;
    if (noun < 0 || noun === head || tree.entityOf[noun]) continue;
    const members = groupMembers(tree, noun);
    if (members.length > 0) return members;
  }
  return [];
}

/**
 * The named people a plural target stands for: "Police detained Ilse Maren and Teo Vance on Monday.
 * They were charged on Friday." The group is the latest list of two or more named people before
 * the target, in its own sentence or the one before; a single name is no group ("Maren met the
 * officers. They were charged." leaves "they" unresolved), and nothing is guessed across a longer
 * distance. A count must be the list's: "both" and "the two" stand for two names, "all three"
 * for three; or a group counted as many whose members are named ("three staff including A … The
 * three were freed"), and then a release needs its members told held. Returns one token of each
 * name.
 */
export function pluralAntecedents(tree: Tree, head: number | undefined, ctx?: Pick<GroupContext, 'held' | 'frees'>): number[] {
  if (head === undefined || !standsForGroup(tree, head)) return [];
  // "the two, medics A and B,": the count names its own
  if (isGroupCount(tree, head) && namesItsOwn(tree, head)) return [];
  const n = pronounCount(tree, head);
  if (n === undefined) return latestList(tree, head, false);
  const list = latestList(tree, head, true, COUNTED_SENTENCES_BACK);
  // a pair told alongside one another is freed only if told held
  if (list.length + (list.unnamed ?? 0) === n) return ctx?.frees && list.paired && !list.every((i) => ctx.held(tree.entityOf[i]!.id)) ? [] : list;
  // a group counted before, of which some are named: freed, they must have been told held
  const members = countedMembers(tree, head, n);
  return ctx?.frees && !members.every((i) => ctx.held(tree.entityOf[i]!.id)) ? [] : members;
}

/** Nouns for what people undergo, which fit whoever was held: "the detainees", "the prisoners". */
const HELD_NOUNS = new Set(['detainee', 'prisoner', 'inmate', 'captive', 'hostage', 'abductee', 'suspect', 'defendant']);
/** Nouns that say nothing of what people do: only with a count do they stand for a list ("the two men", "both women"). */
const BARE_NOUNS = new Set(['man', 'woman', 'people', 'person', 'individual', 'boy', 'girl', 'youth', 'adult']);
/**
 * Role nouns that may stand for one another: "the journalists" for a reporter and an editor. A
 * role noun fits a person described by a title whose last word is the noun or of its family.
 */
const KINDRED: readonly (readonly string[])[] = [
  ['journalist', 'reporter', 'editor', 'correspondent', 'photographer', 'photojournalist', 'cameraman', 'camerawoman', 'blogger', 'columnist', 'publisher', 'broadcaster', 'presenter', 'writer', 'vlogger', 'podcaster', 'producer', 'cartoonist', 'anchor', 'host', 'commentator'],
  ['activist', 'defender', 'campaigner', 'advocate', 'environmentalist', 'organiser', 'organizer', 'dissident', 'protester', 'protestor', 'demonstrator', 'unionist', 'leader', 'member', 'volunteer', 'critic', 'opponent'],
  ['lawyer', 'attorney', 'advocate', 'barrister', 'solicitor'],
  ['worker', 'unionist', 'employee', 'labourer', 'laborer', 'miner', 'member', 'staff', 'leader'],
  ['student', 'pupil', 'schoolgirl', 'schoolboy', 'teenager'],
  // who leads a community, a board or a movement: "a social leader … X, president of the village board"
  ['leader', 'president', 'chair', 'chairman', 'chairwoman', 'chairperson', 'coordinator', 'secretary', 'head', 'founder', 'director'],
];
/** Words that make a group other people than those named: "the other detainees", "their fellow reporters", "the remaining prisoners". */
const OTHERS = new Set(['other', 'another', 'remaining', 'fellow', 'rest', 'more', 'further', 'additional', 'several', 'many', 'some', 'few', 'dozens', 'hundreds', 'new', 'former', 'same']);
/** Determiners that make a group one already told: "the", "these", "both", "all". */
const DEFINITE = new Set(['the', 'these', 'those', 'both', 'all']);

const singular = (w: string): string => w.toLowerCase().replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');

/** Whether a person described by `titles` may be one of a group called `noun`: no title, or a title of the noun's family. */
export function fitsRole(titles: readonly string[], noun: string): boolean {
  if (titles.length === 0) return true;
  return titles.some((t) => {
    const last = singular(t.trim().split(/[\s-]+/).pop() ?? '');
    return last === noun || KINDRED.some((family) => family.includes(last) && family.includes(noun));
  });
}

/** Whether a title's last word (or a noun) is of a known family of roles: "journalist", "lawyer", "activist". */
export function inRoleFamily(word: string): boolean {
  const last = singular(word.trim().split(/[\s-]+/).pop() ?? '');
  return KINDRED.some((family) => family.includes(last));
}

/** What the caller knows of the people a group may stand for. */
export interface GroupContext {
  /** The words the extraction reads as people ("activist", "detainee"). */
  personNouns: ReadonlySet<string>;
  /** Whether the person of this entity was told held (arrested, abducted, charged, jailed) before the target. */
  held: (entity: string) => boolean;
  /** Whether the event frees its target: a group then stands only for people told held. */
  frees: boolean;
}

/** The noun phrase a group noun heads: its count and whether it is one already told ("the four activists", "both men"), or undefined. */
function groupNoun(tree: Tree, head: number): { noun: string; count: number | undefined } | undefined {
  const t = tree.token(head);
  if (tree.entityOf[head] || t.xpos !== 'NNS') return undefined;
  const noun = tree.lemma(head).toLowerCase();
  // "their colleagues", "the journalists who covered the trial": others, or some of a larger
  // group; a clause between commas only describes ("The two reporters, who both work for …,")
  if (tree.kids(head, 'nmod:poss').length > 0) return undefined;
  const betweenCommas = (c: number): boolean => {
    const first = firstOf(tree, c);
    return tree.token(first).text === ',' || tree.token(first - 1)?.text === ',';
  };
  if (tree.kids(head, 'acl:relcl').some((c) => !betweenCommas(c))) return undefined;
  const { from } = tree.sentenceRange(head);
  let definite = false;
  let count: number | undefined;
  // the words before the noun, back to its determiner: "the two jailed reporters", "all four"
  for (let j = head - 1; j >= Math.max(from, head - 5); j--) {
    const w = tree.token(j).text.toLowerCase();
    if (OTHERS.has(w) || tree.token(j).upos === 'PRON') return undefined;
    if (tree.token(j).upos === 'NUM') {
      const n = numberAt(tree, j);
      if (n === undefined || count !== undefined) return undefined;
      count = n;
      continue;
    }
    if (DEFINITE.has(w)) {
      definite = true;
      if (w === 'both') count ??= 2;
      break;
    }
    if (!['ADJ', 'NOUN', 'VERB'].includes(tree.token(j).upos ?? '') || tree.entityOf[j]) return undefined;
  }
  return definite ? { noun, count } : undefined;
}

/** The first token of the phrase token `i` heads. */
function firstOf(tree: Tree, i: number): number {
  let first = i;
  for (const k of tree.kids(i)) first = Math.min(first, firstOf(tree, k));
  return first;
}

/**
 * Whether the group names its own members, and so stands for no one told before: "the two
 * journalists Teo Brand and Lina Orsk", "the two journalists, A and B,", "three reporters
 * including A", "the two journalists arrested were A and B".
 */
function namesItsOwn(tree: Tree, head: number): boolean {
  const person = (i: number | undefined) => i !== undefined && i >= 0 && tree.entityOf[i]?.type === 'PERSON';
  if (coordinatedPersons(tree, head).length > 0 || groupMembers(tree, head).length > 0) return true;
  // a name right after it, past a comma, colon, dash or bracket and a role: "the two, medics A and B"
  const { to } = tree.sentenceRange(head);
  let j = head + 1;
  if (j < to && /^[,:(—–-]$/.test(tree.token(j).text)) {
    j++;
    while (j < to && j - head <= 4 && !tree.entityOf[j] && ['NOUN', 'ADJ'].includes(tree.token(j).upos ?? '') && /^\p{Ll}/u.test(tree.token(j).text)) j++;
  }
  if (person(j)) return true;
  // "… were A and B": the name the group is
  const up = tree.head(head);
  return person(up) && tree.kids(up, 'cop').length > 0;
}

/**
 * The named people a group noun stands for: "Police detained the bloggers Arno Pikett and Wenna
 * Soluk. The two bloggers were charged", "… Both men were released", "the detainees were freed".
 * The group is definite ("the", "these", "both", "all") and no other people ("the other
 * detainees", "their colleagues", "the journalists who covered it"); it stands for the latest list
 * of named people in its sentence or the one before, as a plural pronoun does, and only when the
 * list fits it:
 * - a count is the list's length ("the two journalists" stand for two names), or the count of a
 *   group told before whose members are named ("three reporters including A");
 * - a word for anyone ("men", "people") needs a count;
 * - a role ("the journalists") fits each person whose title is known ("lawyers A and B" are not
 *   "the journalists");
 * - a word for the held ("the detainees", "the prisoners") stands only for people told held
 *   before it, and so does any group an event frees;
 * - a list that is the subject of a clause above the group is who speaks or acts about it ("A and
 *   B said the detainees were freed"), and a group in a quote is the speaker's.
 * Returns one token of each name.
 */
export function groupAntecedents(tree: Tree, head: number | undefined, trigger: number, ctx: GroupContext): number[] {
  if (head === undefined || insideQuote(tree, head)) return [];
  const group = groupNoun(tree, head);
  if (!group) return [];
  const { noun, count } = group;
  if (namesItsOwn(tree, head)) return [];
  const held = HELD_NOUNS.has(noun);
  if (BARE_NOUNS.has(noun) ? count === undefined : !held && !ctx.personNouns.has(noun)) return [];
  let list = latestList(tree, head, true);
  // "three staff including editor A were taken away. The three staff members were freed"
  if (count !== undefined && list.length !== count) list = countedMembers(tree, head, count);
  else if (list.length < 2) return [];
  if (list.length === 0) return [];
  const people = list.map((i) => tree.entityOf[i]!);
  if (!held && !BARE_NOUNS.has(noun) && !people.every((p) => fitsRole(p.titles ?? [], noun))) return [];
  if ((held || ctx.frees) && !people.every((p) => ctx.held(p.id))) return [];
  // "Lawyers A and B said the detainees were freed": the list speaks of the group, and is not it
  const ancestors = new Set([trigger, ...[...tree.ancestors(trigger, 8)].map((a) => a.token)]);
  for (const i of list) {
    if (tree.sentenceRange(i).from !== tree.sentenceRange(head).from) continue;
    // up from a list item or a word of a name to the list's head, and from members to their group:
    // "MPs including A and B visited the detained activists" is the MPs' visit
    let k = i;
    const member = (n: number) => tree.token(n).deprel === 'nmod' && ['include', 'including', 'like', 'as'].includes(tree.caseOf(n) ?? '');
    for (let step = 0; step < 6 && (/^(conj|flat|appos|compound)/.test(tree.token(k).deprel ?? '') || member(k)) && tree.head(k) >= 0; step++) k = tree.head(k);
    if (/^(nsubj|csubj)$/.test(tree.token(k).deprel ?? '') && ancestors.has(tree.head(k))) return [];
  }
  return list;
}
