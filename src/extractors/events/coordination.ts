import { tokenIndexAfter } from '../../text/align.js';
import type { Token } from '../../text/doc.js';
import { RELATIVE_PRONOUNS, type Tree } from '../syntax/tree.js';
import { loadRoleNouns } from '../coref/lexicon.js';
import { numberAt } from './plural.js';
import { isParticiple, participleAsNoun } from './participle-noun.js';
import { amongBefore } from './among.js';

/**
 * The other people an event befalls when its target is a list: "Police detained Tendai Moyo and
 * Nyasha Dube", "abducted the activists Farai Ncube and Tatenda Sibanda", "arrested Peter
 * Magombeyi, Obert Masaraure and Samantha Kureya". Each person becomes a case of their own, so
 * the event is told once per person. Only named people count: "Moyo and his lawyer" stays one
 * event about Moyo, with the lawyer in the role's text.
 */
/** "including" as a case marker, as the lemmatiser may give it ("include"): a group's named members follow. */
export const INCLUDING: ReadonlySet<string> = new Set(['including', 'include']);

export function coordinatedPersons(tree: Tree, head: number | undefined, trigger = -1): number[] {
  if (head === undefined) return [];
  const entity = (i: number) => tree.entityOf[i];
  const isPerson = (i: number): boolean => entity(i)?.type === 'PERSON';
  const out: number[] = [];
  const seen = new Set([entity(head)]);
  /** The tokens of the name at `i`: a list item may hang on any of them ("Rufaro Chikowore and …" on "Chikowore"). */
  const nameTokens = (i: number): number[] => {
    const span = [i];
    for (let j = i + 1; entity(j) !== undefined && entity(j) === entity(i); j++) span.push(j);
    return span;
  };
  // "detained A and B fled": after the trigger, a name a finite verb follows begins a clause
  // (not after a participle that describes the list: "Detained journalists A and B were denied …")
  const describes = trigger >= 0 && (tree.token(trigger).upos === 'ADJ' || tree.token(trigger).deprel === 'amod');
  const beginsClause = (i: number): boolean => {
    if (trigger < 0 || i < trigger || describes) return false;
    const span = nameTokens(i);
    const finite = (t: Token | undefined) => t !== undefined && (t.upos === 'AUX' || (t.upos === 'VERB' && ['VBD', 'VBZ', 'VBP'].includes(t.xpos ?? '')));
    // "…, a spokesman, B, said": the speaker's apposition is no list item either
    const after = span[span.length - 1]! + 1;
    const verb = finite(tree.doc.tokens[after]) ? after : tree.doc.tokens[after]?.text === ',' && finite(tree.doc.tokens[after + 1]) ? after + 1 : -1;
    // "The arrest of A and B drew condemnation": the verb is the one the event's own noun is the subject of, no clause of B's
    return verb >= 0 && !(tree.token(trigger).upos === 'NOUN' && tree.head(trigger) === verb);
  };
  const take = (c: number): boolean => {
    // "A and B's lawyer", "A, President B's critic": B is whose, not who
    if (!isPerson(c) || seen.has(entity(c)) || tree.possessor(c) || beginsClause(c)) return false;
    seen.add(entity(c));
    out.push(c);
    return true;
  };
  // a comma list the parser read as appositions of the first name, "Moyo, Rufaro Chikowore and …"
  // (or as a bare list, the relation the parser gives items with no conjunction before them)
  // and through a role between two names: "A, a paralegal, and B" hangs B on "paralegal"
  // a bare list item follows a comma, a semicolon or "and", maybe with its role words between ("A, B",
  // "A and former researcher B"), not a word of the phrase before ("commander of the group Hizb A")
  const afterMark = (c: number): boolean => {
    let k = nameSpan(tree, c)[0] - 1;
    const roleWord = (n: number) => isRoleWord(tree, n) || (tree.entityOf[n] !== undefined && tree.entityOf[n]!.type !== 'PERSON');
    for (let n = 0; k >= 0 && n < 6 && roleWord(k); n++) k--;
    return k >= 0 && /^([,;]|and)$/.test(tree.token(k).text);
  };
  const visit = (i: number, depth: number): void => {
    for (const t of nameTokens(i)) {
      for (const c of [...tree.kids(t, 'conj', 'appos'), ...tree.kids(t, 'list').filter(afterMark)]) if ((take(c) || !isPerson(c)) && depth < 12) visit(c, depth + 1);
    }
  };
  // "Two aid workers, A and B, were slain" read with A as a second subject beside the noun: the
  // persons among the target's fellow subjects (or objects) are its list
  const rel = tree.token(head).deprel ?? '';
  const up = tree.head(head);
  // (not the name a relative clause's subject points back to: "Sami Rook, whose brother was arrested, …")
  const relative = RELATIVE_PRONOUNS.has(tree.token(head).text.toLowerCase()) || tree.kids(head, 'nmod:poss').some((k) => tree.token(k).text.toLowerCase() === 'whose');
  if (up >= 0 && /^(nsubj|obj)/.test(rel) && !relative) for (const c of tree.kids(up, rel)) if (c !== head && take(c)) visit(c, 0);
  // "Among those arrested were A, a paralegal, and B": the names are what "those" is
  if (!isPerson(head) && rel === 'nsubj' && up >= 0 && tree.kids(up, 'cop').length > 0 && take(up)) visit(up, 0);
  // "rescue A and her driver, who disappeared": a relative clause set off after the last of two is
  // said of both, unless its verb says one ("who was", "who has")
  if (trigger > head && rel === 'conj' && up >= 0 && up < head && isPerson(up)) {
    const end = nameSpan(tree, head)[1];
    const who = tree.token(end + 1)?.text === ',' && RELATIVE_PRONOUNS.has(tree.token(end + 2)?.text.toLowerCase() ?? '') ? end + 2 : -1;
    // (read on the relative's own verb as well as the trigger: "who faces charges" is one)
    const verbs = who > 0 ? [trigger, tree.head(who)].filter((v) => v >= 0) : [trigger];
    const singular = verbs.some((v) => tree.kids(v, 'aux', 'aux:pass', 'cop').some((a) => /^(?:was|is|has)$/i.test(tree.token(a).text)) || tree.token(v).xpos === 'VBZ');
    if (who > 0 && who < trigger && !singular) take(up);
  }
  if (isPerson(head)) visit(head, 0);
  else {
    // "the activists Farai Ncube and Tatenda Sibanda": the names stand in apposition to the noun
    // (not a name after "of" the parser hung as an apposition: "the brother of journalist A" is whose, not who)
    for (const a of tree.kids(head, 'appos')) if (!ofBefore(tree, head, a) && take(a)) visit(a, 0);
    for (const c of tree.kids(head, 'conj')) if (take(c)) visit(c, 0);
    // "seven defenders, namely: A, B and C", "journalists including A and B"
    for (const k of tree.kids(head, 'advmod', 'nmod')) {
      const marker = tree.lemma(k) === 'namely' ? k : INCLUDING.has(tree.caseOf(k) ?? '') || ['like', 'as'].includes(tree.caseOf(k) ?? '') ? k : undefined;
      if (marker === undefined) continue;
      if (take(marker)) visit(marker, 0);
      for (const a of tree.kids(marker, 'appos', 'conj')) if (take(a)) visit(a, 0);
    }
  }
  return out;
}

/**
 * People who undergo the event alongside its target: "was arrested together with journalist A and
 * trade unionist B", "detained X along with her colleague Y". Only named people, as above.
 */
export function companions(tree: Tree, trigger: number): number[] {
  const out: number[] = [];
  for (const c of tree.kids(trigger, 'obl', 'nmod')) {
    const cases = tree.kids(c, 'case');
    const marked = cases.map((k) => tree.token(k).text.toLowerCase());
    const first = cases[0] ?? c;
    const before = first > 0 ? tree.token(first - 1).text.toLowerCase() : '';
    if (!marked.includes('with')) continue;
    if (!(marked.includes('along') || before === 'together' || before === 'along')) {
      // a plain "with" joins a fellow only when it names one as such: "arrested them with a third
      // student, A", "detained X with two other reporters, A and B" (not "with a knife", "with the army")
      const fellows = tree.kids(c, 'appos').filter((k) => tree.entityOf[k]?.type === 'PERSON');
      if (tree.token(c).upos !== 'NOUN' || !isFellow(tree, c) || fellows.length === 0) continue;
      for (const k of fellows) out.push(k, ...coordinatedPersons(tree, k));
      continue;
    }
    if (tree.entityOf[c]?.type === 'PERSON') out.push(c);
    out.push(...coordinatedPersons(tree, c));
  }
  // "are incarcerated in Yerwada prison along with other activists advocate A, B and C", with the
  // phrase hung elsewhere: read off the words, up to the next verb
  if (!out.length) {
    const { to } = tree.sentenceRange(trigger);
    for (let k = trigger + 1; k + 1 < to && k - trigger < 15; k++) {
      const t = tree.token(k);
      if (['VERB', 'AUX'].includes(t.upos ?? '') || t.text === ';') break;
      if (!['along', 'together'].includes(t.text.toLowerCase()) || tree.token(k + 1).text.toLowerCase() !== 'with') continue;
      // the roles between may be tagged as verbs: "other activists advocate A"
      const role = (j: number) => loadRoleNouns().titles.has(tree.token(j).text.toLowerCase());
      return namesFrom(tree, k + 2, 6, (j) => isListWord(tree, j) || role(j), k + 1);
    }
  }
  return out;
}

/** A noun that says its person is one more of the kind: "a third student", "two other reporters", "a fellow activist". */
function isFellow(tree: Tree, c: number): boolean {
  return tree.kids(c, 'amod', 'nummod', 'det').some((k) => /^(?:other|another|fellow|second|third|fourth|fifth)$/i.test(tree.token(k).text)) || loadRoleNouns().titles.has(tree.token(c).text.toLowerCase());
}

/** Words that may stand between the names of a list: commas, "and", and the roles before names. */
const LIST_GLUE = new Set(['PUNCT', 'CCONJ', 'DET', 'ADJ', 'NUM', 'NOUN', 'PROPN']);

/** A comma, semicolon or colon, "and", or a word of a role ("journalists", "a paralegal"). */
function isListWord(tree: Tree, i: number): boolean {
  const t = tree.token(i);
  return t.upos === 'PUNCT' ? /^[,;:]$/.test(t.text) : LIST_GLUE.has(t.upos ?? '');
}

/** Whether token `i` is the first of a person's name. */
const beginsPerson = (tree: Tree, i: number): boolean => tree.entityOf[i]?.type === 'PERSON' && tree.entityOf[i - 1] !== tree.entityOf[i];

/**
 * The named people of a target phrase that is only a list of them, read from its words where the
 * parse went wrong: "sentenced journalists A and B" parsed with B hung on A as a modifier, "the
 * kidnappings of journalists A and B and aid workers C and D" with "aid" read as a verb. Between
 * the names and before the first may stand only list words and roles ("journalists", "a
 * paralegal", commas, "and"); "the lawyer of A", "A's brother B" and "A, who was freed, and B" are
 * not lists. Returns one token of each name other than the phrase's own entity.
 */
export function listedPersons(tree: Tree, phrase: { start?: number; end?: number } | undefined): number[] {
  if (phrase?.start === undefined || phrase.end === undefined) return [];
  const all = tree.doc.tokens;
  const tokens: number[] = [];
  let i0 = tokenIndexAfter(all, phrase.start);
  if (i0 < all.length && all[i0]!.start < phrase.start) i0++;
  for (let i = i0; i < all.length && all[i]!.start < phrase.end; i++) tokens.push(i);
  if (tokens.length === 0) return [];
  const isPerson = (i: number) => tree.entityOf[i]?.type === 'PERSON';
  // "aid workers" with "aid" read as a verb
  const isGlue = (i: number): boolean => isListWord(tree, i) || (tree.token(i).upos === 'VERB' && /^\p{Ll}/u.test(tree.token(i).text) && tree.token(i + 1)?.upos === 'NOUN');
  // the phrase the parse gave may stop at the first name: the list runs on while names and list words do
  const { to } = tree.sentenceRange(tokens[0]!);
  let last = tokens[tokens.length - 1]!;
  let j = last + 1;
  while (j < to && (isPerson(j) || isGlue(j))) {
    if (isPerson(j)) last = j;
    j++;
  }
  // "arrested A and B fled": B begins the next clause
  if (last + 1 < to && ['VERB', 'AUX'].includes(tree.token(last + 1).upos ?? '')) last = tokens[tokens.length - 1]!;
  // "A, B's most prominent opponent": the last name belongs to what follows
  if (last + 1 < to && tree.token(last + 1).upos === 'PART') return [];
  const names: number[] = [];
  for (let i = tokens[0]!; i <= last; i++) {
    if (beginsPerson(tree, i)) names.push(i);
    else if (!isPerson(i) && !isGlue(i)) return []; // a possessive, a preposition, a pronoun or a clause
  }
  const people = new Set(names.map((i) => tree.entityOf[i]));
  return people.size > 1 ? names : [];
}

/**
 * "Among those who were arrested and killed are the organiser A and the paralegal B": when the
 * target is "those" after "among", the people are the names after the sentence's "are"/"were",
 * however the parser hung the clause; when the target is a group after "among" ("A was among 30
 * prisoners released"), the names before it. Returns one token of each name.
 */
export function amongThose(tree: Tree, target: number | undefined, trigger: number): number[] {
  // "those who were arrested": the relative pronoun stands for "those"
  const word = (i: number) => tree.token(i).text.toLowerCase();
  const relative = target !== undefined && ['who', 'that'].includes(word(target)) ? target - 1 : target;
  if (relative === undefined || relative < 0) return [];
  // "The detained included A and B": "the" before the participle stands for its people as "those" does
  if (word(relative) !== 'those' && participleAsNoun(tree, trigger) !== relative) {
    // "Among the released children are A and B": a group the trigger describes, after "among", named after the verb
    const first = tree.phrase(relative).first;
    if (first > 0 && word(first - 1) === 'among' && trigger >= first && trigger < relative) {
      const verb = listVerbAfter(tree, relative + 1, tree.sentenceRange(relative).to, true);
      return verb === undefined ? [] : namesAfterVerb(tree, verb);
    }
    // "Among the dozens of people detained in the raids were A and B": the sentence opens with
    // "among" and the group, the trigger describing it, and names the members after its verb
    const among = amongBefore(tree, relative);
    if (among !== undefined && among === tree.sentenceRange(relative).from && trigger > relative) {
      const verb = listVerbAfter(tree, trigger + 1, tree.sentenceRange(relative).to, true);
      return verb === undefined ? [] : namesAfterVerb(tree, verb);
    }
    // "Other journalists jailed this year include A, B and C": a group opening the sentence, the
    // trigger describing it, and the sentence's verb listing its members
    if (openingGroup(tree, relative) && trigger > relative) {
      const verb = listVerbAfter(tree, trigger + 1, tree.sentenceRange(relative).to, false);
      // the group's own verb, not a later clause's: "Activists arrested in May said their demands include …"
      const finite = (j: number) => tree.token(j).upos === 'VERB' && ['VBD', 'VBP', 'VBZ'].includes(tree.token(j).xpos ?? '');
      if (verb !== undefined && !Array.from({ length: verb - trigger - 1 }, (_, k) => trigger + 1 + k).some(finite)) return namesAfterVerb(tree, verb);
    }
    // "The arrested journalists include A and B": the trigger among the opening group's words, its verb right after it
    if (openingGroup(tree, relative, trigger) && trigger < relative && /^include[sd]?$/.test(word(relative + 1))) return namesAfterVerb(tree, relative + 1);
    return relative > 0 ? amongGroup(tree, relative) : [];
  }
  const head = relative;
  // "Those disappeared and believed held include A, B and C": the names are what "those" is too
  const among = head > 0 && word(head - 1) === 'among';
  // "Many of those detained are figures, including A, B and C": a share of "those" opens the sentence
  const { from: start } = tree.sentenceRange(head);
  const share = head === start + 2 && word(head - 1) === 'of' && ['many', 'some', 'most', 'several', 'one', 'two', 'three', 'all'].includes(word(start));
  // "Ilse Brandt was one of those arrested": whoever is one of "those"
  if (head > start + 1 && word(head - 1) === 'of' && word(head - 2) === 'one') return namesBeforeAmong(tree, head - 2);
  if (!among && !share && head !== start) return [];
  const verb = listVerbAfter(tree, trigger + 1, tree.sentenceRange(head).to, among || share);
  // "Mira Castell and two other activists were among those arrested": the names before "among"
  if (verb === undefined) return among ? namesBeforeAmong(tree, head - 1) : [];
  const after = namesAfterVerb(tree, verb);
  // "A, who was among those arrested in May, was released": the verb after is the sentence's own, naming no one
  return after.length === 0 && among ? namesBeforeAmong(tree, head - 1) : after;
}

/** A plural noun that opens its sentence, with only determiners, adjectives and the trigger before it ("Other journalists", "The 12 activists", "The freed prisoners"). */
function openingGroup(tree: Tree, head: number, trigger?: number): boolean {
  const t = tree.token(head);
  if (t.xpos !== 'NNS' && t.xpos !== 'NNPS') return false;
  const { from } = tree.sentenceRange(head);
  // the trigger may be one of its words: "The arrested journalists"
  for (let j = from; j < head; j++) if (j !== trigger && !['DET', 'ADJ', 'NUM'].includes(tree.token(j).upos ?? '')) return false;
  return true;
}

/** The first "are"/"were"/"include" (after "among"; else "include") from `from` up to `to`, not a full verb after "among". */
function listVerbAfter(tree: Tree, from: number, to: number, among: boolean): number | undefined {
  const verbs = among ? ['are', 'were', 'was', 'is', 'include', 'included'] : ['include', 'included', 'includes'];
  for (let j = from; j < to; j++) if (verbs.includes(tree.token(j).text.toLowerCase()) && (!among || tree.token(j).upos !== 'VERB')) return j;
  return undefined;
}

/** The names after the verb at `j`, with their roles and descriptions between them. */
function namesAfterVerb(tree: Tree, j: number): number[] {
  return namesFrom(tree, j + 1, 11, (k) => isItemWord(tree, k), j);
}

/**
 * The names of a list that starts at token `from`, past at most `most` words `between` allows
 * before the first name; `opening` is the word the list follows (where `listAround` stops looking
 * back). One token of each name, or nothing.
 */
export function namesFrom(tree: Tree, from: number, most: number, between: (k: number) => boolean, opening: number): number[] {
  const { to } = tree.sentenceRange(from);
  let k = from;
  while (k < to && k - from < most && tree.entityOf[k]?.type !== 'PERSON' && between(k)) k++;
  return tree.entityOf[k]?.type === 'PERSON' ? [k, ...listAround(tree, k, opening)] : [];
}

/** The named people before "among" at token `among`: "Mira Castell and Ivo Rant were among …". */
function namesBeforeAmong(tree: Tree, among: number): number[] {
  let k = among - 1;
  while (k >= 0 && ['AUX', 'ADV'].includes(tree.token(k).upos ?? '')) k--;
  // "X, who was among eight people sentenced": the relative stands for the name before its comma
  if (k > 1 && tree.token(k).text.toLowerCase() === 'who' && tree.token(k - 1).text === ',') k -= 2;
  while (k >= 0 && tree.entityOf[k]?.type !== 'PERSON' && isListWord(tree, k)) k--;
  if (k < 0 || tree.entityOf[k]?.type !== 'PERSON' || k < tree.sentenceRange(among).from) return [];
  // "does not count her among those released", "X was not among them": not of the group (a
  // negation in the same stretch of the sentence; not "Although she had not been charged, X was among…")
  for (let j = among - 1; j >= tree.sentenceRange(among).from && j >= among - 8; j--) {
    const w = tree.token(j).text.toLowerCase();
    if ([',', ';', 'but', 'and', 'although', 'though'].includes(w)) break;
    if (['not', "n't", 'never'].includes(w)) return [];
  }
  return [k, ...listAround(tree, k, among)];
}

/**
 * "Kemal Vostra was among 30 prisoners released under an amnesty", "A and B were among the 12
 * activists freed": the event befalls a group that the names before "among" belong to. The group
 * is a plural noun, with only its determiners, numbers and adjectives between it and "among".
 */
function amongGroup(tree: Tree, head: number): number[] {
  const t = tree.token(head);
  if (tree.entityOf[head]?.type === 'PERSON' && tree.entityOf[head]!.mentions.some((m) => m.start === t.start)) return [];
  if (t.xpos !== 'NNS' && t.xpos !== 'NNPS') return [];
  const among = amongBefore(tree, head);
  return among === undefined ? [] : namesBeforeAmong(tree, among);
}

/** Words that end a list of people: a clause begins, or the list's words become someone's. */
const CLAUSE_START = new Set(['VERB', 'AUX', 'SCONJ']);
/** Prepositions that may stand in a list item's description: "Ilse Varga of Karsland", "paralegal for Karapatan", "A in Kesh; B in Orla". */
const ITEM_PREPOSITIONS = new Set(['of', 'for', 'from', 'with', 'at', 'in']);
/** Conjunctions and list marks. */
const SEPARATORS = new Set([',', ';', 'and', '&']);
/** Pronouns that introduce a list item's relation: "A and her husband B". */
const POSSESSIVES = new Set(['her', 'his', 'their', 'its']);

/** The first and last token of the name that holds token `i`. */
export function nameSpan(tree: Tree, i: number): [number, number] {
  const e = tree.entityOf[i];
  let first = i;
  let last = i;
  while (e && tree.entityOf[first - 1] === e) first--;
  while (e && tree.entityOf[last + 1] === e) last++;
  return [first, last];
}

/**
 * A short lower-case word inside an organisation's or place's name, whatever the tagger made of
 * it: "Frente de Liberación", "Bank ng Bayan" (the names of a list's descriptions are often in
 * another language). Both its neighbours are capitalised words of no person's name.
 */
function nameParticle(tree: Tree, j: number): boolean {
  const t = tree.token(j);
  const prev = tree.doc.tokens[j - 1];
  const next = tree.doc.tokens[j + 1];
  const named = (k: number) => /^\p{Lu}/u.test(tree.token(k).text) && tree.token(k).upos === 'PROPN';
  return /^\p{Ll}{1,3}$/u.test(t.text) && prev !== undefined && next !== undefined && named(j - 1) && named(j + 1);
}

/** A word of a role before a name: a noun, an adjective or a hyphen ("former researcher", "Velmora-based blogger"). */
export function isRoleWord(tree: Tree, k: number): boolean {
  return ['NOUN', 'ADJ'].includes(tree.token(k).upos ?? '') || tree.token(k).xpos === 'HYPH';
}

/** Where someone stands in a photograph: "A, left, and B". */
const CAPTION_PLACES = new Set(['left', 'right', 'centre', 'center', 'pictured', 'above', 'below', 'top', 'bottom']);

/**
 * Whether token `j` may stand between the names of a list: a list mark, an age ("A, 27, and B"),
 * a word of a role or its description ("rights lawyer", "vice president of the union", "Dr."),
 * an organisation's or place's name, a possessive ("her husband"), brackets and quotes, a
 * preposition of a description ("of", "for", "from": a name right after one is whose, not an item).
 */
function isItemWord(tree: Tree, j: number): boolean {
  const t = tree.token(j);
  const w = t.text.toLowerCase();
  if (SEPARATORS.has(w) || /^[():"“”'‘’]$/.test(t.text)) return true;
  // a hyphen inside a word: "vice-chair", "writer-translator"
  const prev = tree.doc.tokens[j - 1];
  const next = tree.doc.tokens[j + 1];
  if (t.text === '-' && prev?.end === t.start && next?.start === t.end) return true;
  if (tree.entityOf[j] && tree.entityOf[j]!.type !== 'PERSON') return true;
  if (nameParticle(tree, j)) return true;
  // "A on 12 May and B on 3 June": when each was taken is part of the item
  if (tree.inTimex(j) || (t.upos === 'ADP' && tree.inTimex(j + 1))) return true;
  // a photograph's ", left," between the names of its caption
  if (CAPTION_PLACES.has(w) && prev?.text === ',' && next?.text === ',') return true;
  if (t.upos === 'PRON') return POSSESSIVES.has(w) && t.xpos === 'PRP$';
  if (t.upos === 'ADP') return ITEM_PREPOSITIONS.has(w);
  // "A, the party's secretary-general, and B": a possessive inside a description, of no person
  if (t.upos === 'PART' && /^['’]s?$/.test(t.text) && prev !== undefined && ['NOUN', 'PROPN'].includes(prev.upos ?? '') && tree.entityOf[j - 1]?.type !== 'PERSON') return true;
  if (t.upos === 'PART' || t.upos === 'PUNCT') return false;
  // "aid workers", "rights defender Tatiana Brolo" with the noun read as a verb
  // "famed publisher A": a participle before a role word the tagger took for a name
  const roleNext = tree.token(j + 1)?.upos === 'NOUN' || (t.xpos === 'VBN' && /^\p{Ll}/u.test(tree.token(j + 1)?.text ?? ''));
  // "Velmora-based blogger A": a participle glued by a hyphen to the word before is a modifier
  if (t.upos === 'VERB' && prev?.text === '-' && prev.end === t.start && /^\p{Ll}/u.test(t.text)) return true;
  if (t.upos === 'VERB') return /^\p{Ll}/u.test(t.text) && ((t.xpos !== 'VBD' && roleNext) || (['VBP', 'VB'].includes(t.xpos ?? '') && tree.entityOf[j + 1]?.type === 'PERSON'));
  if (CLAUSE_START.has(t.upos ?? '')) return false;
  // "A, an internationally known poet, and B": a degree adverb of the description's adjective
  if (t.upos === 'ADV') return /^\p{Ll}+ly$/u.test(t.text) && next !== undefined && isItemWord(tree, j + 1) && ['ADJ', 'VERB'].includes(tree.token(j + 1).upos ?? '');
  return ['NOUN', 'ADJ', 'DET', 'NUM', 'PROPN', 'CCONJ', 'X', 'SYM'].includes(t.upos ?? '');
}

/**
 * The named people listed with the person at token `head`, read from the words rather than the
 * parse, which often hangs a long list wrongly: "A, B, C, and D – were also arrested", "arrested
 * reporter A, 27, and photographer B, 23", "A, rights lawyer B, and blogger C were convicted",
 * "abducted A and her husband B, and their colleagues C and D". The list runs from the name both
 * ways while only list words stand between names, never across the trigger; it needs a
 * conjunction or a semicolon between its first and last names (commas alone are as often
 * appositions, unless `commasSuffice`: after "namely" or "including" they list the members),
 * and a name followed by "'s" or by a verb is no item ("A, B's lawyer", "arrested A
 * and B fled"). Returns one token of each other person.
 */
export function listAround(tree: Tree, head: number | undefined, trigger: number, commasSuffice = false): number[] {
  if (head === undefined || tree.entityOf[head]?.type !== 'PERSON') return [];
  const { from, to } = tree.sentenceRange(head);
  const [first, last] = nameSpan(tree, head);
  const lo = trigger < first ? trigger + 1 : from;
  const hi = trigger > last ? trigger : to;
  const found: [number, number][] = [[first, last]];
  // "and B fled", "B's lawyer", "a spokesman, B, said": the name begins or speaks a clause of its own
  const followedBadly = (end: number): boolean => {
    const verb = (k: number) => k < to && k !== trigger && k < hi && ['VERB', 'AUX'].includes(tree.token(k).upos ?? '') && tree.token(k).xpos !== 'VBN' && tree.token(k).xpos !== 'VBG';
    const next = end + 1 < to ? tree.token(end + 1) : undefined;
    // "A and B have been arrested", "activists, including A and B, were arrested": the list's own
    // auxiliaries (after the comma or dash that closes it) before the trigger end it well
    if (trigger > end && Array.from({ length: trigger - end - 1 }, (_, k) => end + 1 + k).every((k) => ['AUX', 'ADV', 'PUNCT'].includes(tree.token(k).upos ?? ''))) return false;
    return next !== undefined && (next.upos === 'PART' || verb(end + 1) || (next.text === ',' && verb(end + 2)));
  };
  /** "the lawyer of B": a name after an item's preposition is whose, and no item. */
  const owned = (start: number): boolean => ITEM_PREPOSITIONS.has(tree.token(start - 1)?.text.toLowerCase() ?? '');
  // rightwards
  for (let j = last + 1, steps = 0; j < hi && steps < 80; j++, steps++) {
    if (tree.entityOf[j]?.type === 'PERSON') {
      const span = nameSpan(tree, j);
      if (followedBadly(span[1])) break;
      if (!owned(span[0])) found.push(span);
      j = span[1];
    } else if (tree.token(j).upos === 'ADP' && ITEM_PREPOSITIONS.has(tree.token(j).text.toLowerCase())) continue;
    else if (!isItemWord(tree, j)) break;
  }
  // leftwards
  for (let j = first - 1, steps = 0; j >= lo && steps < 80; j--, steps++) {
    if (tree.entityOf[j]?.type === 'PERSON') {
      const span = nameSpan(tree, j);
      if (tree.token(span[1] + 1)?.upos === 'PART') break;
      if (!owned(span[0])) found.unshift(span);
      j = span[0];
    } else if (!isItemWord(tree, j)) break;
  }
  if (found.length < 2) return [];
  const a = found[0]![1];
  const b = found[found.length - 1]![0];
  let joined = false;
  for (let j = a + 1; j < b; j++) if (['and', '&', ';'].includes(tree.token(j).text.toLowerCase())) joined = true;
  if (!joined && !commasSuffice) return [];
  const own = tree.entityOf[head];
  return found.map(([s]) => s).filter((s) => tree.entityOf[s] !== own);
}

/** A quotation mark that may open between the words of a marker: identified "as A, B …". */
const OPENING_QUOTE = /^["“'‘]$/;

/** Singular nouns for a group of people: "a group of 10 students, among whom was A", "the crew, including A". */
const COLLECTIVES = new Set(['group', 'crew', 'delegation', 'team', 'contingent']);

/** Words after which a list names the members of a group: "writers, including A and B". */
const MEMBER_MARKERS = [['including'], ['such', 'as'], ['namely'], ['among', 'them'], ['among', 'whom'], ['identified', 'as'], ['named', 'as'], ['notably'], ['most', 'recently'], ['the', 'latest', 'being']];

/**
 * The named members of a group the event befalls: "at least 11 writers are serving life sentences,
 * including blogger A and economist B", "nine workers who were identified as A, B and C",
 * "dozens of activists, such as publisher A, have been arrested". The group is a plural noun, a
 * number or "those"; the members follow a marker after it in the same sentence.
 */
export function groupMembers(tree: Tree, head: number | undefined): number[] {
  if (head === undefined || tree.entityOf[head]) return [];
  const t = tree.token(head);
  // "the detained, including A": "the" before a participle with no noun after it is its people
  const participleNoun = t.text.toLowerCase() === 'the' && head + 1 < tree.doc.tokens.length && isParticiple(tree, head + 1) && !['NOUN', 'PROPN'].includes(tree.token(head + 2)?.upos ?? '');
  const group = t.xpos === 'NNS' || t.xpos === 'NNPS' || t.upos === 'NUM' || ['those', 'they', 'them'].includes(t.text.toLowerCase()) || tree.kids(head, 'nummod').length > 0 || participleNoun || COLLECTIVES.has(tree.lemma(head).toLowerCase());
  if (!group) return [];
  // "to Belsat journalists A and B": names in apposition to the group are its members
  const named = tree.kids(head, 'appos').find((k) => k > head && tree.entityOf[k]?.type === 'PERSON') ?? (tree.token(head).upos === 'NOUN' && tree.entityOf[head + 1]?.type === 'PERSON' ? head + 1 : undefined);
  if (named !== undefined) return [named, ...coordinatedPersons(tree, named), ...listAround(tree, named, head)];
  const { to } = tree.sentenceRange(head);
  const words = (j: number) => tree.token(j).text.toLowerCase();
  const matchAt = (j: number, m: readonly string[]): number | undefined => {
    let k = j;
    for (const w of m) {
      // a quotation may open inside a marker: identified "as A, B …"
      if (k > j && OPENING_QUOTE.test(words(k))) k++;
      if (words(k) !== w) return undefined;
      k++;
    }
    return k;
  };
  for (let j = head + 1; j < to; j++) {
    const after = MEMBER_MARKERS.map((m) => matchAt(j, m)).find((k) => k !== undefined);
    if (after === undefined) continue;
    let k = after;
    // "among whom were A and B"
    if (['were', 'was', 'are', 'is'].includes(words(k))) k++;
    // "including two journalists, A and B": a comma after a counted group inside the group goes on to its names
    // …and "including a teacher, A,": a comma after one member's role goes on to the name
    const subgroup = (c: number) =>
      words(c) === ',' && c > after && ((tree.token(c - 1).xpos === 'NNS' && tree.kids(c - 1, 'nummod').length > 0) || (tree.token(c - 1).xpos === 'NN' && ['a', 'an'].includes(words(c - 2))));
    while (k < to && k - j < 8 && tree.entityOf[k]?.type !== 'PERSON' && isItemWord(tree, k) && (!SEPARATORS.has(words(k)) || subgroup(k))) k++;
    if (tree.entityOf[k]?.type !== 'PERSON') return [];
    // after "namely", "including": a comma list is the members, not appositions; a group that is
    // a subject ends its list at its verb ("reporters such as A and B have been arrested")
    const verb = /^nsubj/.test(t.deprel ?? '') && tree.head(head) > k ? tree.head(head) : undefined;
    return [k, ...listAround(tree, k, verb ?? j, true)];
  }
  return [];
}

/** Words that may open the telling of a group's members: "They are …", "These included …". */
const MEMBER_SUBJECTS = new Set(['they', 'these', 'those']);
const MEMBER_VERBS = new Set(['are', 'were', 'is', 'was', 'include', 'included', 'includes']);
const COUNT_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'some', 'several', 'many', 'most', 'all']);

/** Whether the target's head is a group no name stands for: a plural noun or a number ("seven individuals", "four staff members", "several lawyers", "the victims"). */
export function isUnnamedGroup(tree: Tree, head: number): boolean {
  const t = tree.token(head);
  // "the two Canadians": a plural demonym is a group, not a name
  if (tree.entityOf[head] && !(tree.entityOf[head]!.type === 'MISC' && t.xpos === 'NNPS')) return false;
  return t.xpos === 'NNS' || t.upos === 'NUM' || tree.kids(head, 'nummod').length > 0;
}

/**
 * Where a telling of members opens at token `j`, the token after its verb: "They are …", "These
 * included …", "Among them were …", "One of them is …", "One of the suspects included …", "The
 * slain victims were …" (a plural noun the sentence's subject, only words of a noun phrase before
 * it). Returns undefined when nothing at `j` opens one.
 */
function memberOpening(tree: Tree, j: number, to: number): number | undefined {
  const w = (k: number) => (k < to ? tree.token(k).text.toLowerCase() : '');
  const verbAt = (k: number) => {
    // "were identified as", "have been named as"
    let v = k;
    while (['have', 'has', 'had', 'been', 'were', 'was', 'are', 'is'].includes(w(v)) && v - k < 3) v++;
    // a quotation may open before "as": identified "as A of Karsland, B …"
    const as = OPENING_QUOTE.test(w(v + 1)) ? v + 2 : v + 1;
    if (v > k && ['identified', 'named'].includes(w(v)) && w(as) === 'as') return as + 1;
    return MEMBER_VERBS.has(w(k)) ? k + 1 : undefined;
  };

  if (MEMBER_SUBJECTS.has(w(j))) return verbAt(j + 1);
  // "This includes A and B": the group as one whole, only with "include" ("This was confirmed by A" names no member)
  if (w(j) === 'this' && /^include[sd]?$/.test(w(j + 1))) return j + 2;
  if (w(j) === 'among' && ['them', 'these', 'those', 'whom'].includes(w(j + 1))) return verbAt(j + 2);
  let k = j;
  // "one of them", "two of the suspects"
  if (COUNT_WORDS.has(w(k)) && w(k + 1) === 'of') k += 2;
  if (['them', 'these', 'those'].includes(w(k))) return verbAt(k + 1);
  // "the slain victims were": determiners, adjectives and participles before a plural noun
  let n = k;
  const npWord = (x: number) => ['DET', 'ADJ', 'NUM'].includes(tree.token(x).upos ?? '') || tree.token(x).xpos === 'VBN';
  while (n < to && n - k < 5 && npWord(n)) n++;
  if (n > j && n < to && tree.token(n).xpos === 'NNS' && !tree.entityOf[n]) return verbAt(n + 1);
  // "the four kidnapped were identified as …": a count with a participle for its noun
  if (n > j + 1 && tree.token(j).upos === 'DET' && tree.token(j + 1).upos === 'NUM') return verbAt(/^VB[DN]$/.test(tree.token(n).xpos ?? '') ? n + 1 : n);
  return undefined;
}

/**
 * The named members of a group told after it, where the parse cannot tie them to it: in the next
 * sentence ("police detained four staff members of the paper. They are A, B and C." "… detained
 * several lawyers. These included the lawyer D."), or later in its own after a dash or semicolon
 * ("seven people were arrested — one of the suspects included journalist E"), or right after a
 * colon ("four journalists were arrested: A, B, C and D"), or ending its sentence as many as it
 * counts ("the two held for a year, A and B."), or opening the next sentence that puts them among
 * it ("Farm leader A was among them") or names as many as it counts. The group is a plural noun or
 * a number the event befalls; the names follow the opening's verb, with only a list's words before
 * the first. Returns one token of each name.
 */
export function membersToldAfter(tree: Tree, head: number | undefined, trigger: number): number[] {
  if (head === undefined || !isUnnamedGroup(tree, head)) return [];
  const here = tree.sentenceRange(head);
  // "Four journalists were arrested on Monday: A, B, C and D": the names right after a colon
  // and a list set off by dashes right after the group: "the deaths of four hostages -- A, B and C --"
  for (let j = Math.max(head, trigger) + 1; j < here.to; j++) {
    if (tree.token(j).text !== ':' && !(j === head + 1 && /^(?:—|–|--)$/.test(tree.token(j).text))) continue;
    const listed = namesFrom(tree, j + 1, 5, (k) => isListWord(tree, k), j);
    if (listed.length) return listed;
    break;
  }
  // "the two Norlanders held in Velmora for a year, A and B.": a counted group's names as many as its count, ending the sentence after a comma
  const count = tree.kids(head, 'nummod').map((n) => numberAt(tree, n)).find((n) => n !== undefined);
  const end = here.to - 1;
  if (count !== undefined && count > 1 && /^[.!?]$/.test(tree.token(end).text)) {
    for (let j = end - 1; j > Math.max(head, trigger); j--) {
      if (tree.token(j).text !== ',') continue;
      const listed = namesFrom(tree, j + 1, 1, () => false, j);
      const last = listed.length ? Math.max(...listed) : -1;
      let after = last;
      while (after >= 0 && tree.entityOf[after + 1] === tree.entityOf[last]) after++;
      if (listed.length === count && after === end - 1) return listed;
      break;
    }
  }
  const starts: number[] = [];
  // in its own sentence: after a dash or semicolon past the trigger and the group
  for (let j = Math.max(head, trigger) + 1; j < here.to; j++) if (/^[—–;-]$/.test(tree.token(j).text)) starts.push(j + 1);
  // the next sentence's opening
  if (here.to < tree.doc.tokens.length) starts.push(here.to);
  for (const s of starts) {
    const { to } = tree.sentenceRange(s);
    const after = memberOpening(tree, s, to);
    if (after === undefined) continue;
    // only a list's words before the first name, and no preposition: "Those are the methods of commander A" names no member
    const listed = namesFrom(tree, after, 10, (k) => isItemWord(tree, k) && tree.token(k).upos !== 'ADP', after - 1);
    if (listed.length) return listed;
  }
  // the next sentence opens with names: "Farm leader A was among them", or as many as the group counts
  if (here.to >= tree.doc.tokens.length) return [];
  const opening = openingNames(tree, here.to);
  if (!opening.names.length) return [];
  const { to } = tree.sentenceRange(here.to);
  if (amongTheGroup(tree, opening.after, to)) return opening.names;
  return count !== undefined && count > 1 && asManyAsCounted(tree, opening, to, count) ? opening.names : [];
}

/** The subject list that opens the sentence at `start`: the names (roles only before the first), and the token after the last. */
function openingNames(tree: Tree, start: number): { names: number[]; after: number } {
  const { to } = tree.sentenceRange(start);
  const names: number[] = [];
  let k = start;
  while (k < to && (tree.entityOf[k]?.type === 'PERSON' || isItemWord(tree, k))) {
    if (beginsPerson(tree, k)) names.push(k);
    k = tree.entityOf[k]?.type === 'PERSON' ? nameSpan(tree, k)[1] + 1 : k + 1;
  }
  const rolesFirst = names.length > 0 && Array.from({ length: names[0]! - start }, (_, n) => start + n).every((n) => isRoleWord(tree, n));
  return rolesFirst && tree.entityOf[k - 1]?.type === 'PERSON' ? { names, after: k } : { names: [], after: k };
}

/**
 * "Nine farmers were killed in the raids. Farm leader A was among them.": after the names that open
 * the next sentence (ending at `after`), it puts them among the group ("among them", "among those",
 * "among the victims").
 */
function amongTheGroup(tree: Tree, after: number, to: number): boolean {
  const w = (k: number) => (k < to ? tree.token(k).text.toLowerCase() : '');
  let k = after;
  if (!['was', 'were', 'is', 'are'].includes(w(k))) return false;
  k++;
  while (['also', 'reportedly', 'allegedly', 'said', 'to', 'be'].includes(w(k))) k++;
  // "… was one of them": one of the group as "among them" is
  if (w(k) === 'one' && w(k + 1) === 'of') return ['them', 'those', 'these'].includes(w(k + 2)) && /^[.!?]?$/.test(w(k + 3));
  if (w(k) !== 'among') return false;
  const group = w(k + 1) === 'the' ? w(k + 2) : w(k + 1);
  return ['them', 'those', 'these', 'victims', 'dead', 'detainees'].includes(group);
}

/**
 * "Three reporters were detained. Reporter A, B and cameraman C are still held.": the names that
 * open the next sentence are as many people as the group counts, the subject of the verb right
 * after them.
 */
function asManyAsCounted(tree: Tree, opening: { names: number[]; after: number }, to: number, count: number): boolean {
  const { names, after } = opening;
  const verbNext = after < to && ['VERB', 'AUX'].includes(tree.token(after).upos ?? '');
  const people = new Set(names.map((n) => tree.entityOf[n]));
  return verbNext && people.size === count && names.length === count;
}

/**
 * "…were also arrested at their homes, as was A, the leader's assistant": the same event befalls
 * the person after "as was" (were, had been, is) later in the trigger's sentence. Only a name right
 * after the auxiliaries, with at most a role's words between ("as was journalist B"); "as was
 * reported by C" names no one it befell.
 */
export function asWasToo(tree: Tree, trigger: number): number[] {
  const { to } = tree.sentenceRange(trigger);
  const w = (k: number) => tree.token(k).text.toLowerCase();
  for (let j = trigger + 1; j + 2 < to; j++) {
    if (w(j) !== ',' || w(j + 1) !== 'as' || tree.token(j + 2).upos !== 'AUX') continue;
    let k = j + 2;
    while (k < to && tree.token(k).upos === 'AUX') k++;
    if (w(k) === 'also') k++;
    const start = k;
    while (k < to && k - start < 4 && tree.entityOf[k]?.type !== 'PERSON' && ['DET', 'ADJ', 'NOUN'].includes(tree.token(k).upos ?? '')) k++;
    if (tree.entityOf[k]?.type !== 'PERSON') return [];
    return [k, ...listAround(tree, k, j + 1)];
  }
  return [];
}

/**
 * "…leading to the arrest of A and the following:" and then one line per person ("B", "C,
 * council member", "D, spokesperson"): when the trigger's sentence ends in a colon after "the
 * following" (or "as follows"), each following line that opens with a person's name is one more
 * target, until a line that does not. Returns one token of each name.
 */
export function followingLines(tree: Tree, trigger: number): number[] {
  const { to } = tree.sentenceRange(trigger);
  const w = (k: number) => tree.token(k).text.toLowerCase();
  const last = to - 1;
  if (last <= trigger || w(last) !== ':' || !((w(last - 1) === 'following' && w(last - 2) === 'the') || (w(last - 1) === 'follows' && w(last - 2) === 'as'))) return [];
  const out: number[] = [];
  for (let start = to, n = 0; start < tree.doc.tokens.length && n < 30; n++) {
    const line = tree.sentenceRange(start);
    // a line of the list is a name and what they are, not a sentence of its own ("Moll was arrested with …")
    const verb = Array.from({ length: line.to - start }, (_, k) => start + k).some((k) => ['VERB', 'AUX'].includes(tree.token(k).upos ?? ''));
    if (tree.entityOf[start]?.type !== 'PERSON' || verb || line.to - start > 14) break;
    out.push(start);
    start = line.to;
  }
  return out;
}

/** Whether an "of" stands between a noun and a name after it with no comma after the "of": "the son of activist A". */
function ofBefore(tree: Tree, head: number, name: number): boolean {
  let of = false;
  for (let k = head + 1; k < name; k++) {
    if (tree.token(k).text === ',') of = false;
    else if (tree.token(k).text.toLowerCase() === 'of') of = true;
  }
  return of;
}
