import type { Tree } from '../syntax/tree.js';
import { isRoleWord, isUnnamedGroup, nameSpan, namesFrom } from './coordination.js';
import { fitsRole, inRoleFamily, numberAt } from './plural.js';

/**
 * The members of a group named after it by a word that stands for some or all of it, with their
 * names set off by commas: "Two reporters were beaten on Friday. The two, A and B, work for …",
 * "Three activists were abducted. One of them, C, was found dead", "… The first, D, … The
 * second, E, …", "two members were abducted, one of whom, F, was found dead", "Dozens of
 * lawyers were arrested, G among them", "The two journalists detained on Monday, H and I, were
 * freed". The names must be as many as the word says ("the two" two, "one of them" one), no more
 * than the group counts, and a word with no count of its own ("the reporters") the group's
 * kind. Returns one token of each name.
 */
export function membersNamedLater(tree: Tree, head: number | undefined, trigger: number, words: PeopleWords = NO_WORDS): number[] {
  if (head === undefined) return [];
  const those = tree.token(head).text.toLowerCase() === 'those';
  const unnamed = isUnnamedGroup(tree, head);
  const count = unnamed ? groupCount(tree, head) : undefined;
  if (those || unnamed) {
    const listed = listAfterColon(tree, head, count);
    if (listed.length) return listed;
  }
  if (those) return oneOfThoseNamed(tree, head, trigger);
  if (!unnamed) return [];
  const kind = kindOf(tree, head);
  const group = { noun: tree.lemma(kind).toLowerCase(), count };
  const here = tree.sentenceRange(head);
  const out: number[] = [];
  // "Both, the minister A and the governor B," are not two of the protesters: a name's role must be the group's kind
  const ofKind = (n: number) => tree.token(kind).upos !== 'NOUN' || ANYONE.has(group.noun) || fitsRole(tree.entityOf[n]?.titles ?? [], group.noun);
  const fits = (said: StandIn, names: number[]): boolean => {
    // names right after the group's own word ("the lawyers A and B") are of its kind by that word
    const named = said.noun !== undefined && fitsRole([group.noun], said.noun);
    // ("among them" says they are of the group, whatever else they are: "Among them is A, a singer";
    // not a title of another kind: "Among them is A, a police captain" among detained reporters)
    if (names.length === 0 || (!named && !said.any && !names.every(ofKind))) return false;
    if (said.any && !named && names.some((n) => otherKind(tree.entityOf[n]?.titles ?? [], group.noun, words))) return false;
    if (said.whole !== undefined && group.count !== undefined && said.whole !== group.count) return false;
    // "the two officers" are not two of the journalists; "the two men" may be, and anyone may be of "six people"
    if (said.noun !== undefined && !ANYONE.has(said.noun) && !ANYONE.has(group.noun) && !fitsRole([group.noun], said.noun)) return false;
    if (said.any) return group.count === undefined || names.length <= group.count;
    if (said.count !== undefined) return names.length === said.count && (group.count === undefined || said.count <= group.count);
    return names.length >= 2 && (group.count === undefined || names.length === group.count);
  };
  // in its own sentence, after the trigger: ", one of whom, F,", ", G among them"
  for (let j = Math.max(head, trigger) + 1; j < here.to; j++) {
    if (!/^[,;—–]$/.test(tree.token(j).text)) continue;
    const said = standInAt(tree, j + 1, here.to);
    const names = said ? [...setOff(tree, said.after, here.to), ...namedByCopula(tree, said.after, here.to)] : [];
    if (said && fits(said, names)) return names;
    const among = namesAmongThem(tree, j + 1, here.to);
    if (among.length) return among;
  }
  // "The two journalists detained on Monday, H and I, were freed": the group's own names, after its words
  if (group.count !== undefined) {
    const comma = groupPhraseEnd(tree, head, here.to);
    const names = comma === undefined ? [] : setOff(tree, comma, here.to);
    if (names.length === group.count) return names;
  }
  // the sentences after it, each opening with a word for some of the group and their names
  for (let s = here.to, n = 0; s < tree.doc.tokens.length && n < 3; n++) {
    const { to } = tree.sentenceRange(s);
    const said = standInAt(tree, s, to) ?? standInAt(tree, afterSpeech(tree, s, to), to);
    // "The Spanish lawyers A and B, members of …, were turned back": the names may follow the words with no comma
    // "One of them is A, 28, who …", "Among them are A and B": the names after a copula
    const names = said ? (tree.token(said.after)?.text === ',' ? setOff(tree, said.after, to) : namesRightAfter(tree, said.after, to).length ? namesRightAfter(tree, said.after, to) : namedByCopula(tree, said.after, to, true)) : [];
    if (said && fits(said, names)) out.push(...names);
    else {
      // "Kemal Ardic, one of the three, said …": a name that opens the sentence, said to be one of the group
      const name = nameBeforeStandIn(tree, s, to);
      if (name && fits(name.said, [name.token])) out.push(name.token);
      // a sentence that names no one may come between ("They were stopped at a guesthouse."); one that names someone ends the search
      // nor one that tells of other people ("Dozens of lawyers protested", "thanked the officers"): "them" may be those
      else if (said || namesSomeone(tree, s, to) || namesOtherPeople(tree, s, to, group.noun, words)) break;
    }
    s = to;
  }
  return out;
}

/** The lexicon's words for people and for agents of force ("police", "officer"). */
export interface PeopleWords {
  personNouns: ReadonlySet<string>;
  agentNouns: ReadonlySet<string>;
}
const NO_WORDS: PeopleWords = { personNouns: new Set(), agentNouns: new Set() };

/** Ranks and posts of the state's forces that the agent nouns do not list. */
const RANKS = new Set(['captain', 'sergeant', 'colonel', 'lieutenant', 'inspector', 'constable', 'detective', 'warden', 'major', 'general']);
/** Agent nouns that say nothing of a side: a member, a man, a group. */
const NO_SIDE = new Set(['member', 'man', 'group', 'state', 'service']);

/**
 * Whether a name's titles say it is of another kind than the group's: an agent of force ("a police
 * captain" among detained reporters), or a role of a known family the group's is not of ("a
 * journalist" among lawyers). A title of no known family ("a singer") says nothing against it.
 */
function otherKind(titles: readonly string[], noun: string, words: PeopleWords): boolean {
  if (ANYONE.has(noun) || fitsRole(titles, noun)) return false;
  return titles.some((t) => {
    const parts = t.toLowerCase().split(/[\s-]+/).filter(Boolean);
    if (parts.some((w) => RANKS.has(w) || (words.agentNouns.has(w) && !NO_SIDE.has(w)))) return true;
    return inRoleFamily(noun) && inRoleFamily(t);
  });
}

/**
 * Whether the sentence [s, to) tells of people other than the group: a plural noun for people or
 * agents that is not the group's own word ("Dozens of lawyers protested" after students were
 * arrested, "the ministry thanked the officers").
 */
function namesOtherPeople(tree: Tree, s: number, to: number, noun: string, words: PeopleWords): boolean {
  for (let k = s; k < to; k++) {
    if (tree.token(k).xpos !== 'NNS' || tree.entityOf[k]) continue;
    const lemma = tree.lemma(k).toLowerCase();
    if (!words.personNouns.has(lemma) && !(words.agentNouns.has(lemma) && !NO_SIDE.has(lemma))) continue;
    if (lemma !== noun && !ANYONE.has(lemma) && !fitsRole([noun], lemma)) return true;
  }
  return false;
}

/** What a word standing for part of a group says: how many it names, or of what kind, and the token after it. */
interface StandIn {
  count: number | undefined;
  /** The whole group's count it tells: "one of the three". */
  whole?: number;
  noun?: string;
  /** Some of the group, as many as are named: "among them". */
  any?: true;
  after: number;
}

/** Nouns that say nothing of what people do: "the two men" may be any two of a group. */
const ANYONE = new Set(['man', 'men', 'woman', 'women', 'people', 'person', 'individual']);

/** Verbs of saying after which a clause may open with the stand-in: "Editor C said the two, A and B, had visas". */
const SPEECH = new Set(['said', 'says', 'added', 'confirmed', 'stated']);

/** The token after the first verb of saying (and its "that") early in the sentence at `s`, or `to` when there is none. */
function afterSpeech(tree: Tree, s: number, to: number): number {
  for (let j = s; j < to && j - s < 8; j++) {
    if (!SPEECH.has(tree.token(j).text.toLowerCase())) continue;
    return tree.token(j + 1)?.text.toLowerCase() === 'that' ? j + 2 : j + 1;
  }
  return to;
}

/** Counts a word for people may say: "the two", "both", "the pair". */
const COUNTED: Record<string, number> = { both: 2, pair: 2, duo: 2, trio: 3 };
/** Words for one of a group: "the first", "the other", "another". */
const ONE_OF = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'other', 'latter', 'former']);

/**
 * A word at `s` that stands for people of a group told before: "one of them", "one of whom",
 * "one of the reporters", "the two", "both (men)", "all three", "the pair", "the first",
 * "another", "the (two) reporters". Undefined for anything else ("the police chief", "their
 * lawyer").
 */
function standInAt(tree: Tree, s: number, to: number): StandIn | undefined {
  if (s >= to) return undefined;
  const w = (k: number) => (k < to ? tree.token(k).text.toLowerCase() : '');
  // "one of them", "two of whom", "one of the five reporters"
  const some = w(s) === 'one' ? 1 : numberAt(tree, s);
  if (some !== undefined && w(s + 1) === 'of') {
    if (['them', 'whom', 'those', 'these'].includes(w(s + 2))) return { count: some, after: s + 3 };
    // "one of the three": the whole group counted
    const whole = w(s + 2) === 'the' ? numberAt(tree, s + 3) : undefined;
    if (whole !== undefined && !pluralNounAt(tree, s + 4, to, false)) return { count: some, whole, after: s + 4 };
    const noun = pluralNounAt(tree, s + 2, to, true);
    return noun === undefined ? undefined : { count: some, noun: tree.lemma(noun).toLowerCase(), after: noun + 1 };
  }
  // "Among them is A", "among those held are A and B": as many as are named
  if (w(s) === 'among' && ['them', 'those'].includes(w(s + 1))) return { count: undefined, any: true, after: s + 2 };
  // "another", and "one" alone before the comma of its name: "One, Samira Adel, lost …"
  if (w(s) === 'another' || (w(s) === 'one' && w(s + 1) === ',')) return { count: 1, after: s + 1 };
  let k = s;
  let count: number | undefined;
  if (w(k) === 'both') {
    count = 2;
    k++;
  } else if (w(k) === 'all' && k + 1 < to && numberAt(tree, k + 1) !== undefined) {
    count = numberAt(tree, k + 1);
    k += 2;
  } else if (w(k) === 'the') {
    k++;
    if (ONE_OF.has(w(k)) && !pluralNounAt(tree, k + 1, to, false)) return { count: 1, after: k + 1 };
    if (COUNTED[w(k)] !== undefined) return { count: COUNTED[w(k)], after: k + 1 };
    const n = k < to ? numberAt(tree, k) : undefined;
    if (n !== undefined) {
      count = n;
      k++;
    }
  } else return undefined;
  const noun = pluralNounAt(tree, k, to, false);
  if (noun !== undefined) return { count, noun: tree.lemma(noun).toLowerCase(), after: noun + 1 };
  // "the two", "both", "all three": a count alone; "the" alone stands for no one
  return count === undefined || tree.entityOf[k] ? undefined : { count, after: k };
}

/** A plural noun of people at `k`, maybe after "the", a count and adjectives ("the five reporters", "jailed men"). */
function pluralNounAt(tree: Tree, k: number, to: number, determiner: boolean): number | undefined {
  let j = k;
  if (determiner && tree.token(j)?.text.toLowerCase() === 'the') j++;
  while (j < to && j - k < 4 && (tree.token(j).upos === 'NUM' || tree.token(j).upos === 'ADJ')) j++;
  return j < to && tree.token(j).xpos === 'NNS' && !tree.entityOf[j] ? j : undefined;
}

/** The names right after a group's words, joined by "and" or commas: "the lawyers A and B" → A, B. */
function namesRightAfter(tree: Tree, k: number, to: number): number[] {
  const names: number[] = [];
  while (k < to && tree.entityOf[k]?.type === 'PERSON') {
    names.push(k);
    k = nameSpan(tree, k)[1] + 1;
    const w = k < to ? tree.token(k).text.toLowerCase() : '';
    if (w === 'and' || (w === ',' && tree.entityOf[k + 1]?.type === 'PERSON')) k++;
    else if (w === ',' && tree.token(k + 1)?.text.toLowerCase() === 'and') k += 2;
    else break;
  }
  return names;
}

/**
 * The names set off by commas at `comma`: ", A and B," ", A, B and C,", each with at most a role's
 * words before it, and a comma closing them (after which no name follows). Read from the words:
 * the parser hangs such a list anywhere.
 */
function setOff(tree: Tree, comma: number, to: number): number[] {
  if (comma >= to || tree.token(comma).text !== ',') return [];
  const role = (k: number) => isRoleWord(tree, k) || tree.token(k).upos === 'DET';
  const names: number[] = [];
  let k = comma + 1;
  for (;;) {
    const start = k;
    while (k < to && k - start < 4 && tree.entityOf[k]?.type !== 'PERSON' && role(k)) k++;
    if (tree.entityOf[k]?.type !== 'PERSON') return [];
    names.push(k);
    k = afterOwnDescription(tree, nameSpan(tree, k)[1] + 1, to);
    if (k >= to) return [];
    if (tree.token(k).text.toLowerCase() === 'and') {
      k++;
      continue;
    }
    if (tree.token(k).text !== ',') return [];
    // a comma that another name follows (maybe after "and" and role words) goes on with the list
    let n = k + 1;
    if (tree.token(n)?.text.toLowerCase() === 'and') n++;
    while (n < to && n - k < 5 && tree.entityOf[n]?.type !== 'PERSON' && role(n)) n++;
    if (tree.entityOf[n]?.type !== 'PERSON') return names;
    k = n;
  }
}

/**
 * "One of those beaten, the teacher Nora Lind, was taken to hospital": a sentence opening with a
 * part of "those" the trigger befell, and the names set off after the trigger's words, as many as
 * the part counts.
 */
function oneOfThoseNamed(tree: Tree, those: number, trigger: number): number[] {
  const { from, to } = tree.sentenceRange(those);
  const said = standInAt(tree, from, to);
  if (said?.count === undefined || said.after !== those + 1 || trigger !== those + 1) return [];
  const comma = groupPhraseEnd(tree, trigger, to);
  const names = comma === undefined ? [] : setOff(tree, comma, to);
  return names.length === said.count ? names : [];
}

/**
 * "… published the names of those detained:" and, as the next sentence, a list of the people, each
 * item opening with a name and the items set apart by semicolons ("A, 34, a teacher; B, 52, a
 * journalist; C"): the names, when the group's sentence ends on the colon and every item opens
 * with a person's name (after a bullet, when the list is one line). At least two, and as many as
 * the group counts.
 */
function listAfterColon(tree: Tree, head: number, count: number | undefined): number[] {
  const { to } = tree.sentenceRange(head);
  if (to >= tree.doc.tokens.length || tree.token(to - 1).text !== ':') return [];
  // not a group inside a relative clause: "the names of the officers who detained those arrested:" lists the officers
  for (let up = tree.head(head), hops = 0; up >= 0 && hops < 8; up = tree.head(up), hops++) if ((tree.token(up).deprel ?? '').startsWith('acl')) return [];
  const next = tree.sentenceRange(to);
  const names: number[] = [];
  let start = next.from;
  while (start < next.to) {
    while (start < next.to && /^[-•*–—]$/.test(tree.token(start).text)) start++;
    if (tree.entityOf[start]?.type !== 'PERSON') return [];
    names.push(start);
    let end = start;
    while (end < next.to && tree.token(end).text !== ';') end++;
    start = end + 1;
  }
  // as many as the group counts, when it counts them ("the four detained:")
  return names.length >= 2 && (count === undefined || names.length === count) ? names : [];
}

/** The name opening the sentence at `s` (after role words) that a stand-in for one follows between commas: "A, one of the three,". */
function nameBeforeStandIn(tree: Tree, s: number, to: number): { token: number; said: StandIn } | undefined {
  let k = s;
  while (k < to && k - s < 4 && tree.entityOf[k]?.type !== 'PERSON' && isRoleWord(tree, k)) k++;
  if (tree.entityOf[k]?.type !== 'PERSON') return undefined;
  const comma = nameSpan(tree, k)[1] + 1;
  if (comma >= to || tree.token(comma).text !== ',') return undefined;
  const said = standInAt(tree, comma + 1, to);
  return said?.count === 1 && tree.token(said.after)?.text === ',' ? { token: k, said } : undefined;
}

/** "… one of whom was the student activist A.": the names after "was" (or "is", "were", "are"), a role's words before them, ending the sentence. */
function namedByCopula(tree: Tree, k: number, to: number, described = false): number[] {
  if (k >= to || !['was', 'is', 'were', 'are'].includes(tree.token(k).text.toLowerCase())) return [];
  const role = (n: number) => isRoleWord(tree, n) || tree.token(n).upos === 'DET';
  let j = k + 1;
  while (j < to && j - k < 6 && tree.entityOf[j]?.type !== 'PERSON' && role(j)) j++;
  if (tree.entityOf[j]?.type !== 'PERSON') return [];
  const end = nameSpan(tree, j)[1];
  // (in a sentence of its own, the names may go on with what describes them: "One of them is A, 28, who left …")
  if (described) {
    const names = namesRightAfter(tree, j, to);
    const after = nameSpan(tree, names[names.length - 1]!)[1] + 1;
    if (after >= to - 1 || tree.token(after).text === ',') return names;
  }
  return end + 2 >= to && /^[.!?]$/.test(tree.token(to - 1).text) && end + 1 === to - 1 ? [j] : [];
}

/** Whether the sentence [s, to) names a person. */
function namesSomeone(tree: Tree, s: number, to: number): boolean {
  for (let k = s; k < to; k++) if (tree.entityOf[k]?.type === 'PERSON') return true;
  return false;
}

/** Past what a name's item says of where the person works: "A of the Nordic Daily", "B from Radio West". The token after it. */
function afterOwnDescription(tree: Tree, k: number, to: number): number {
  if (k >= to || !['of', 'for', 'from', 'with', 'at'].includes(tree.token(k).text.toLowerCase())) return k;
  let j = k + 1;
  if (j < to && tree.token(j).upos === 'DET') j++;
  const body = tree.entityOf[j];
  if (!body || body.type === 'PERSON') return k;
  while (j < to && tree.entityOf[j] === body) j++;
  return j;
}

/** "…, G among them.": names after a comma, with only role words before them, that "among them" follows, ending the sentence or a comma's clause. */
function namesAmongThem(tree: Tree, from: number, to: number): number[] {
  const names = namesFrom(tree, from, 3, (k) => isRoleWord(tree, k), from - 1);
  if (names.length === 0) return [];
  const end = Math.max(...names.map((n) => nameSpan(tree, n)[1]));
  const w = (k: number) => (k < to ? tree.token(k).text.toLowerCase() : '');
  return w(end + 1) === 'among' && ['them', 'those'].includes(w(end + 2)) && (end + 3 >= to - 1 || /^[,;.]$/.test(w(end + 3))) ? names : [];
}

/** Nouns that count a group of what follows their "of": "scores of demonstrators", "dozens of lawyers". */
const QUANTITIES = new Set(['dozen', 'score', 'hundred', 'thousand', 'number', 'group', 'handful']);

/** The noun that says what a group's people are: "demonstrators" in "scores of demonstrators", else the group's own. */
function kindOf(tree: Tree, head: number): number {
  const of = tree.kids(head, 'nmod').find((c) => tree.caseOf(c) === 'of');
  return of !== undefined && QUANTITIES.has(tree.lemma(head).toLowerCase()) ? of : head;
}

/** The number a group counts: "two reporters", "three of its staff"; undefined for "dozens of lawyers". */
function groupCount(tree: Tree, head: number): number | undefined {
  return numberAt(tree, head) ?? tree.kids(head, 'nummod').map((n) => numberAt(tree, n)).find((n) => n !== undefined);
}

/**
 * The comma that ends a counted group's words: "The two journalists detained on Monday," —
 * only its participle and that participle's phrases (no finite verb, no other comma) before it.
 */
function groupPhraseEnd(tree: Tree, head: number, to: number): number | undefined {
  for (let j = head + 1; j < to && j - head <= 10; j++) {
    const t = tree.token(j);
    if (t.text === ',') return j;
    if (t.upos === 'AUX' || (t.upos === 'VERB' && ['VBD', 'VBZ', 'VBP'].includes(t.xpos ?? '')) || tree.entityOf[j]?.type === 'PERSON') return undefined;
  }
  return undefined;
}
