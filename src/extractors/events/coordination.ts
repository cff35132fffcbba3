import { tokenIndexAfter } from '../../text/align.js';
import type { Tree } from '../syntax/tree.js';

/**
 * The other people an event befalls when its target is a list: "Police detained Tendai Moyo and
 * Nyasha Dube", "abducted the activists Farai Ncube and Tatenda Sibanda", "arrested Peter
 * Magombeyi, Obert Masaraure and Samantha Kureya". Each person becomes a case of their own, so
 * the event is told once per person. Only named people count: "Moyo and his lawyer" stays one
 * event about Moyo, with the lawyer in the role's text.
 */
export function coordinatedPersons(tree: Tree, head: number | undefined): number[] {
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
  // "A and B's lawyer", "A, President B's critic": B is whose, not who
  const possessor = (i: number): boolean => {
    const span = nameTokens(i);
    const next = span[span.length - 1]! + 1;
    return next < tree.doc.tokens.length && tree.token(next).upos === 'PART' && /^['’]s?$/.test(tree.token(next).text);
  };
  const take = (c: number): boolean => {
    if (!isPerson(c) || seen.has(entity(c)) || possessor(c)) return false;
    seen.add(entity(c));
    out.push(c);
    return true;
  };
  // a comma list the parser read as appositions of the first name, "Moyo, Rufaro Chikowore and …"
  // and through a role between two names: "A, a paralegal, and B" hangs B on "paralegal"
  const visit = (i: number, depth: number): void => {
    for (const t of nameTokens(i)) {
      for (const c of tree.kids(t, 'conj', 'appos')) if ((take(c) || !isPerson(c)) && depth < 12) visit(c, depth + 1);
    }
  };
  // "Two aid workers, A and B, were slain" read with A as a second subject beside the noun: the
  // persons among the target's fellow subjects (or objects) are its list
  const rel = tree.token(head).deprel ?? '';
  const up = tree.head(head);
  if (up >= 0 && /^(nsubj|obj)/.test(rel)) for (const c of tree.kids(up, rel)) if (c !== head && take(c)) visit(c, 0);
  // "Among those arrested were A, a paralegal, and B": the names are what "those" is
  if (!isPerson(head) && rel === 'nsubj' && up >= 0 && tree.kids(up, 'cop').length > 0 && take(up)) visit(up, 0);
  if (isPerson(head)) visit(head, 0);
  else {
    // "the activists Farai Ncube and Tatenda Sibanda": the names stand in apposition to the noun
    for (const a of tree.kids(head, 'appos')) if (take(a)) visit(a, 0);
    for (const c of tree.kids(head, 'conj')) if (take(c)) visit(c, 0);
    // "seven defenders, namely: A, B and C", "journalists including A and B"
    for (const k of tree.kids(head, 'advmod', 'nmod')) {
      const marker = tree.lemma(k) === 'namely' ? k : ['including', 'like', 'as'].includes(tree.caseOf(k) ?? '') ? k : undefined;
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
    if (!marked.includes('with') || !(marked.includes('along') || before === 'together' || before === 'along')) continue;
    if (tree.entityOf[c]?.type === 'PERSON') out.push(c);
    out.push(...coordinatedPersons(tree, c));
  }
  return out;
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
 * however the parser hung the clause. Returns one token of each name.
 */
export function amongThose(tree: Tree, target: number | undefined, trigger: number): number[] {
  // "those who were arrested": the relative pronoun stands for "those"
  const word = (i: number) => tree.token(i).text.toLowerCase();
  const head = target !== undefined && ['who', 'that'].includes(word(target)) ? target - 1 : target;
  if (head === undefined || head < 1 || word(head) !== 'those' || word(head - 1) !== 'among') return [];
  const { to } = tree.sentenceRange(head);
  let j = trigger + 1;
  while (j < to && !(['are', 'were', 'was', 'is', 'include', 'included'].includes(word(j)) && tree.token(j).upos !== 'VERB')) j++;
  const out: number[] = [];
  for (j++; j < to && (tree.entityOf[j]?.type === 'PERSON' || isListWord(tree, j)); j++) if (beginsPerson(tree, j)) out.push(j);
  return out;
}
