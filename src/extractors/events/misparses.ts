import type { Tree } from '../syntax/tree.js';

/**
 * Repairs of parses that swap or lose an event's roles, each read from the words around the
 * trigger where the parser goes wrong in a known way (a verb read as a participle on the noun
 * before it, an object lost, a clause hung on a preposition). Each gives the head token the parse
 * should have given, or undefined when its pattern is not there; rolesOf decides what it is.
 */

/** "detained Joran Aldemir" when the parser lost the object: a proper noun right after the verb. */
export function nameRightAfter(tree: Tree, i: number): number | undefined {
  const next = i + 1;
  const { to } = tree.sentenceRange(i);
  if (next >= to || tree.token(next).upos !== 'PROPN' || tree.inTimex(next)) return undefined;
  let last = next;
  while (tree.head(last + 1) === last && tree.token(last + 1).deprel === 'flat') last++;
  // "abducted ANHRI staff lawyer Amro Imad": an organisation's name, role words, then the person
  const org = tree.entityOf[next];
  if (org && org.type !== 'PERSON') {
    let k = next;
    while (k < to && tree.entityOf[k] === org) k++;
    const person = tree.personAfterRoleWords(k, 4);
    if (person !== undefined) return person;
  }
  return tree.token(next).head === last ? last : next;
}

/**
 * "Four journalists and their driver were arrested", parsed as the noun "journalists" with a
 * clause "their driver were arrested" conjoined to it: a verb conjoined to a noun that heads its
 * sentence, whose subject comes right after the "and" between them, is said of both nouns. The
 * first noun, which stands for the list, or undefined.
 */
export function splitSubject(tree: Tree, i: number): number | undefined {
  const h = tree.head(i);
  if (tree.token(i).deprel !== 'conj' || h < 0 || tree.token(h).deprel !== 'root' || !['NOUN', 'PROPN', 'NUM'].includes(tree.token(h).upos ?? '')) return undefined;
  const subj = tree.kids(i, 'nsubj', 'nsubj:pass')[0];
  if (subj === undefined || subj < h || subj > i) return undefined;
  const first = tree.phrase(subj).first;
  const and = first - 1;
  if (and <= h || !['and', 'or'].includes(tree.token(and).text.toLowerCase())) return undefined;
  // nothing but the first noun's own words stands before the "and"
  for (let k = h + 1; k < and; k++) if (['VERB', 'AUX', 'PUNCT'].includes(tree.token(k).upos ?? '')) return undefined;
  return h;
}

/** Words that may stand in a time phrase beside its date: "since late last year", "earlier this month". */
const TIME_PHRASE_TAGS = new Set(['ADP', 'ADV', 'DET', 'ADJ']);

/**
 * "the executions since late last year of three dissidents", with the "of" hung on the date: an
 * "of" right after a time phrase that follows the noun trigger is the trigger's. The "of" phrase's
 * head, or undefined.
 */
export function ofAfterTime(tree: Tree, i: number): number | undefined {
  const { to } = tree.sentenceRange(i);
  let dated = false;
  for (let j = i + 1; j < to && j - i <= 7; j++) {
    if (tree.inTimex(j)) dated = true;
    else if (tree.lemma(j) === 'of' && tree.token(j).deprel === 'case') return dated && tree.head(j) > j ? tree.head(j) : undefined;
    else if (!TIME_PHRASE_TAGS.has(tree.token(j).upos ?? '')) return undefined;
  }
  return undefined;
}

/**
 * "operatives of the force abducted and beat X" parsed with "abducted" as a participle on "force"
 * (a force that was abducted): a participle with no auxiliary and no object of its own, joined to
 * a verb that has one, shares it, and the noun it hangs on is the one who acted.
 */
export function raisedObject(tree: Tree, i: number): number | undefined {
  if (tree.token(i).deprel !== 'acl' || tree.kids(i, 'aux', 'aux:pass', 'obj', 'nsubj', 'nsubj:pass').length) return undefined;
  const objectOf = (c: number): number | undefined => tree.kids(c, 'obj')[0] ?? tree.nameComplement(c);
  const other = tree.kids(i, 'conj').find((c) => c > i && tree.token(c).upos === 'VERB' && objectOf(c) !== undefined && !tree.kids(c, 'aux:pass', 'nsubj', 'nsubj:pass').length);
  if (other !== undefined) return objectOf(other);
  // "Authorities arrested and tortured X", parsed with "tortured" the sentence's verb and the noun
  // its subject: the verb right after "and" whose subject is the participle's noun
  const and = i + 1;
  const verb = and + 1;
  const { to } = tree.sentenceRange(i);
  if (verb >= to || tree.token(and).text.toLowerCase() !== 'and' || tree.token(verb).upos !== 'VERB' || tree.token(verb).xpos !== 'VBD') return undefined;
  return tree.kids(verb, 'nsubj').includes(tree.head(i)) && !tree.kids(verb, 'aux:pass').length ? objectOf(verb) : undefined;
}

/**
 * "the activist and critic of President Alek Varn was arrested", parsed as if "of" marked a clause
 * "Alek Varn was arrested" hung on "critic": a preposition marks no finite clause, so the parse is
 * wrong, and the one arrested is the noun phrase before "of" (its first conjunct), not the name after.
 */
export function misparsedOf(tree: Tree, i: number): number | undefined {
  if (tree.token(i).deprel !== 'acl' || !tree.kids(i, 'mark').some((m) => tree.lemma(m) === 'of')) return undefined;
  let n = tree.head(i);
  while (n >= 0 && tree.token(n).deprel === 'conj' && tree.token(tree.head(n)).upos === 'NOUN') n = tree.head(n);
  return n >= 0 && ['NOUN', 'PROPN'].includes(tree.token(n).upos ?? '') ? n : undefined;
}

/**
 * "the assassination of A shocked the country", "the bodies of A and B were found", parsed as if
 * "of" marked a clause "A shocked the country" hung on the noun: the same misparse seen from the
 * noun, whose "of" phrase is that clause's subject. Its head, or undefined.
 */
export function ofReadAsClause(tree: Tree, n: number): number | undefined {
  const clause = tree.kids(n, 'acl', 'advcl').find((c) => c > n && tree.kids(c, 'mark').some((m) => tree.lemma(m) === 'of' && m === n + 1));
  return clause !== undefined ? tree.kids(clause, 'nsubj', 'nsubj:pass').find((s) => s > n && s < clause) : undefined;
}

/**
 * "Security agents abducted A", parsed as agents of an abducted A: a verb in the past read as the
 * modifier of the name after it, right after a bare noun phrase that is not part of that name's
 * phrase ("the abducted A" has its article there), is that phrase's verb; the phrase is its agent.
 */
export function verbReadAsModifier(tree: Tree, i: number): number | undefined {
  const h = tree.head(i);
  if (tree.token(i).deprel !== 'amod' || h <= i || tree.token(h).upos !== 'PROPN' || !/ed$/i.test(tree.token(i).text) || i === 0) return undefined;
  const before = i - 1;
  if (!['NOUN', 'PROPN'].includes(tree.token(before).upos ?? '') || tree.head(before) === h) return undefined;
  return before;
}

/**
 * "… before releasing all four the same day", parsed with "all four" as the subject of
 * "releasing": a gerund that an "after", "before" or "while" hangs on a clause takes its subject
 * from that clause, so a nominal after it that the parse made its subject is its object. That
 * nominal, or undefined.
 */
export function objectReadAsSubject(tree: Tree, i: number): number | undefined {
  if (tree.token(i).xpos !== 'VBG' || tree.token(i).deprel !== 'advcl' || tree.kids(i, 'obj').length) return undefined;
  if (!tree.kids(i, 'mark').some((m) => GERUND_MARKS.has(tree.lemma(m)))) return undefined;
  const subjects = tree.kids(i, 'nsubj');
  return subjects.length === 1 && subjects[0]! > i ? subjects[0] : undefined;
}

/** Subordinators before a gerund whose subject is the clause's: "before releasing", "after beating". */
const GERUND_MARKS = new Set(['before', 'after', 'while', 'when', 'without', 'by', 'upon', 'since']);

/**
 * "Ana Lopez, detained since 2019, was transferred": a participle set off by a comma right after
 * a person's name, with no object of its own, tells what befell that person; the tagger may read
 * it as a past tense ("detained" VBD) and the parser make the name its subject. The head of the
 * name, or undefined when the pattern is not there.
 */
export function commaParticiple(tree: Tree, i: number, personNouns: ReadonlySet<string> = new Set()): number | undefined {
  const { from, to } = tree.sentenceRange(i);
  if (i - 2 < from || tree.token(i - 1).text !== ',' || !['VBD', 'VBN'].includes(tree.token(i).xpos ?? '')) return undefined;
  if (tree.kids(i, 'obj', 'iobj', 'ccomp').length) return undefined;
  // "…, beat her and …": an object right after the verb makes it the name's own act
  const next = i + 1 < to ? tree.token(i + 1) : undefined;
  if (next && ['PROPN', 'DET', 'PRON', 'NOUN', 'NUM'].includes(next.upos ?? '') && !tree.inTimex(i + 1)) return undefined;
  const named = tree.personNameEndingAt(i - 2);
  if (named === undefined) return describedBefore(tree, i - 2, from, personNouns);
  // "Journalist A, sentenced in the same case as B, walked out", "A, who was tried with B, walked
  // out": a name that ends a phrase set off after an earlier name lends the verb to that name
  const opened = phraseAfterName(tree, i - 2, from, (k) => tree.token(k).text === ',', true);
  return opened === undefined ? named : (tree.personNameEndingAt(opened - 1) ?? named);
}

/**
 * "A, a reporter for a weekly in Kelm, held since June": the name (past an age) before a
 * description set off by commas that ends at token `n` — opening with a lower-case article,
 * adjective or noun, and holding no clause of its own. The name's token, or undefined.
 */
function describedBefore(tree: Tree, n: number, from: number, personNouns: ReadonlySet<string>): number | undefined {
  for (let k = n; k > from && n - k <= PHRASE_REACH; k--) {
    const t = tree.token(k);
    const finite = t.upos === 'AUX' || (t.upos === 'VERB' && ['VBD', 'VBZ', 'VBP', 'VBN', 'VBG'].includes(t.xpos ?? ''));
    if (finite || tree.entityOf[k]?.type === 'PERSON' || /^(?:that|which|who|whom|whose|;)$/i.test(t.text)) return undefined;
    if (t.text !== ',') continue;
    const opener = tree.token(k + 1);
    if (!/^\p{Ll}/u.test(opener.text) || !['DET', 'ADJ', 'NOUN'].includes(opener.upos ?? '')) return undefined;
    // (what someone is, not a thing of theirs: "the office of A, a room in the port, held by the union")
    let noun = k + 1;
    while (noun < n && tree.token(noun).upos !== 'NOUN') noun++;
    while (noun < n && tree.token(noun + 1).upos === 'NOUN') noun++;
    if (!personNouns.has(tree.lemma(noun))) return undefined;
    const name = tree.beforeAge(k + 1) ?? k - 1;
    if (tree.entityOf[name]?.type !== 'PERSON') return undefined;
    let first = name;
    while (first > from && tree.entityOf[first - 1] === tree.entityOf[name]) first--;
    return tree.token(first - 1)?.upos === 'ADP' ? undefined : tree.personNameEndingAt(name);
  }
  return undefined;
}

/** How far before its last word a phrase set off after a name may open. */
const PHRASE_REACH = 16;

/**
 * "A, sentenced in the same case as B": the separator (a comma, or whatever `separates` says) that
 * opens the phrase ending at token `n`, when the phrase opens with a participle (the tagger may read
 * it as a past tense) or, with `relative`, "who", and a person's name ends right before the separator.
 */
export function phraseAfterName(tree: Tree, n: number, from: number, separates: (k: number) => boolean, relative = false): number | undefined {
  let m = n - 1;
  while (m > from && n - m <= PHRASE_REACH && !separates(m)) m--;
  if (m <= from || !separates(m)) return undefined;
  const opener = tree.token(m + 1);
  const opens = (opener.upos === 'VERB' && ['VBN', 'VBD', 'VBG'].includes(opener.xpos ?? '')) || (relative && ['who', 'whom'].includes(opener.text.toLowerCase()));
  return opens && tree.entityOf[m - 1]?.type === 'PERSON' ? m : undefined;
}

/** Tags a word that describes a person before their name may carry: "human rights lawyer", "prominent journalist". */
const DESCRIBING = new Set(['NOUN', 'ADJ']);
/** What may stand before a participle that opens a noun phrase: nothing, an article, a preposition, a mark, a conjunction. */
const OPENING = new Set(['DET', 'ADP', 'PUNCT', 'CCONJ', 'SCONJ']);

/**
 * "Jailed blogger Ruth Omari was moved", "Detained rights defender X appeared in court", "said
 * imprisoned lawyer X had been denied care": a participle that opens a noun phrase, then up to
 * four words of what the person is (ending on a lower-case noun), then their name. The parse of such
 * a phrase hangs the participle on any of the role words, or makes it the verb of the sentence; the
 * person it befalls is the named one. Opening the phrase means nothing before it but an article,
 * a preposition, a mark, a conjunction or a verb of speech ("said jailed editor X") — not "police
 * arrested journalist X", whose agent the parse has right. The first token of the name, or undefined.
 */
export function describedName(tree: Tree, i: number, speech: ReadonlySet<string>): number | undefined {
  const { from, to } = tree.sentenceRange(i);
  const t = tree.token(i);
  if (!(t.upos === 'ADJ' || ['VBN', 'JJ'].includes(t.xpos ?? ''))) return undefined;
  if (i > from) {
    const before = tree.token(i - 1);
    const opens = OPENING.has(before.upos ?? '') || (before.upos === 'VERB' && speech.has(tree.lemma(i - 1)));
    if (!opens) return undefined;
  }
  // the description ends at its last lower-case word; a people's or a faith's name may stand among
  // its words ("Jailed Uyghur scholar X"), and a title between it and the name ("priest Father X")
  const lower = (j: number) => DESCRIBING.has(tree.token(j).upos ?? '') && /^\p{Ll}/u.test(tree.token(j).text);
  const capital = (j: number) => tree.entityOf[j]?.type !== 'PERSON' && ['ADJ', 'PROPN', 'NOUN'].includes(tree.token(j).upos ?? '') && /^\p{Lu}\p{Ll}+$/u.test(tree.token(j).text);
  let last = -1;
  for (let j = i + 1; j < to && j - i <= 4 && (lower(j) || capital(j)); j++) if (lower(j)) last = j;
  if (last < 0 || tree.token(last).upos !== 'NOUN') return undefined;
  for (const k of [last + 1, last + 2]) {
    if (k >= to) return undefined;
    if (tree.entityOf[k]?.type === 'PERSON') return k;
    if (!capital(k)) return undefined;
  }
  return undefined;
}

/** Marks a sentence may open with before its first word. */
const OPENERS = /^[‘’'"“”([]$/;

/**
 * "Arrested in March, activist Ana Berg was charged on Friday", "Detained since January, lawyer X
 * began a hunger strike": a participle opening the sentence, whose clause ends at a comma, is said
 * of the main clause's subject — the person named right after the comma (past an article and the
 * words of their role), followed by the main clause's verb. The name's first token, or undefined.
 */
export function frontedParticipleSubject(tree: Tree, i: number): number | undefined {
  const { from, to } = tree.sentenceRange(i);
  let first = from;
  while (first < i && OPENERS.test(tree.token(first).text)) first++;
  if (first !== i || !['VBN', 'JJ'].includes(tree.token(i).xpos ?? '')) return undefined;
  let comma = i + 1;
  while (comma < Math.min(to, i + 12) && tree.token(comma).text !== ',') comma++;
  if (comma >= to || tree.token(comma).text !== ',') return undefined;
  let k = comma + 1;
  if (k < to && tree.token(k).upos === 'DET') k++;
  // the role's words, which the tagger may read as adjectives ("activist/JJ")
  let name = k;
  while (name < Math.min(to, k + 4) && tree.entityOf[name] === undefined && ['NOUN', 'ADJ'].includes(tree.token(name).upos ?? '') && /^\p{Ll}/u.test(tree.token(name).text)) name++;
  if (name >= to || tree.entityOf[name]?.type !== 'PERSON') return undefined;
  let end = name;
  while (end + 1 < to && tree.entityOf[end + 1] === tree.entityOf[name]) end++;
  const verb = tree.token(end + 1);
  const finite = verb !== undefined && (verb.upos === 'AUX' || (verb.upos === 'VERB' && ['VBD', 'VBZ', 'VBP'].includes(verb.xpos ?? '')));
  return end + 1 < to && finite ? name : undefined;
}
