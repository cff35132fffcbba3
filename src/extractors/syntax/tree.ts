import { sentenceOfToken, tokenIndexAfter } from '../../text/align.js';
import type { Doc, Token } from '../../text/doc.js';
import type { Entity } from '../../text/types.js';

/**
 * The dependency tree as the components after the parser read it (events, coreference, quotes):
 * children lists, noun-phrase spans, case markers and subjects, including the subject a clause shares with the clause it hangs on ("Mony was detained
 * while attempting to seek asylum": Mony seeks).
 */
const DIRECTIONS = new Set(['to', 'into', 'from']);

/** Verbs of saying, learning and knowing: a clause hung on one is what it tells, not a conjunct of it. */
const TELLING = new Set(['say', 'tell', 'learn', 'report', 'add', 'announce', 'state', 'confirm', 'claim', 'explain', 'note', 'write', 'believe', 'know', 'hear', 'reveal', 'allege', 'understand', 'find', 'show', 'indicate', 'suggest', 'insist', 'deny', 'recall']);
/** Words that open a sentence for the group told before it: "Both were freed", "All were charged", "Each was fined". */
const GROUP_OPENERS = new Set(['both', 'all', 'each']);
/** How many tokens back a verb looks for the ", who" of a relative clause that opened the sentence. */
const RELATIVE_LOOKBACK = 40;
/** Pronouns that stand for people as a subject. */
const PERSONAL_SUBJECTS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'who']);
/** Pronouns that stress a subject rather than name one: "has himself been barred". */
const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'itself']);
/** Titles before a surname that a parser may take for a subject of their own: "Ms Sobol". */
export const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'ms', 'mrs', 'miss', 'dr', 'mx']);
/** How far back a second relative clause ("… and who was detained") looks for the first one's "who". */
const RELATIVE_REACH = 25;
/** Relative pronouns that open a clause about the person named before them. */
export const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'whom', 'whose']);
/** Words that open an indirect question, after which "and who" asks rather than relates. */
const QUESTION_WORDS = new Set(['why', 'how', 'what', 'when', 'where', 'whether', 'if']);

/** Words that negate the clause or noun they attach to: "not known", "no charges", "without trial". */
export const NEGATORS = new Set(['not', 'never', "n't", 'no', 'without', 'none']);

/** Lengths of time a parser may take for a verb's object: "released a fortnight later". */
const DURATION_NOUNS = new Set(['minute', 'hour', 'day', 'week', 'fortnight', 'month', 'year', 'decade']);
/** Participles spelled as their base form, which a tagger may read as one after "and": "put", "set", "cut", "hit", "let", "shut". */
const IRREGULAR_PARTICIPLE_FORMS = new Set(['put', 'set', 'cut', 'hit', 'let', 'shut']);
/** Verbs whose object takes a participle of what is to be done to it: "ordered him held", "wanted them detained". */
const SMALL_CLAUSE_ORDERS = new Set(['order', 'want']);

export class Tree {
  readonly children: number[][];
  /** Per token: inside a timex; the entity whose mention holds it (computed once, read often). */
  private readonly timexToken: boolean[];
  readonly entityOf: (Entity | undefined)[];

  constructor(readonly doc: Doc) {
    this.children = doc.tokens.map(() => []);
    doc.tokens.forEach((t, i) => {
      if (t.head !== undefined && t.head >= 0) this.children[t.head]!.push(i);
    });
    this.timexToken = doc.tokens.map(() => false);
    for (const x of doc.timexes) this.mark(x, (i) => (this.timexToken[i] = true));
    this.entityOf = doc.tokens.map(() => undefined);
    // names only: pronouns and descriptions (the coref layer) are read through the mentions themselves
    for (const e of doc.entities) for (const m of e.mentions) if ((m.kind ?? 'name') === 'name') this.mark(m, (i) => (this.entityOf[i] ??= e));
  }

  private mark(span: { start: number; end: number }, set: (i: number) => void): void {
    for (let i = tokenIndexAfter(this.doc.tokens, span.start); i < this.doc.tokens.length && this.doc.tokens[i]!.end <= span.end; i++) {
      if (this.doc.tokens[i]!.start >= span.start) set(i);
    }
  }

  /** The token is part of a date ("Friday" misparsed as a subject is no participant). */
  inTimex(i: number): boolean {
    return this.timexToken[i] ?? false;
  }

  token(i: number): Token {
    return this.doc.tokens[i]!;
  }

  lemma(i: number): string {
    const t = this.doc.tokens[i]!;
    return (t.lemma ?? t.text).toLowerCase();
  }

  head(i: number): number {
    return this.doc.tokens[i]?.head ?? -1;
  }

  /** Whether `k` is a participle clause describing the noun `h` ("the reporter named in the indictment"). */
  describingParticiple(k: number, h: number): boolean {
    const t = this.doc.tokens[k];
    return t !== undefined && this.head(k) === h && t.upos === 'VERB' && /^VB[NG]$/.test(t.xpos ?? '') && (t.deprel ?? '').startsWith('acl');
  }

  /** Children of `i` whose relation starts with one of `rels` ("obl" matches "obl:agent"). */
  kids(i: number, ...rels: string[]): number[] {
    return this.children[i]!.filter((c) => {
      const r = this.doc.tokens[c]!.deprel ?? '';
      return rels.length === 0 || rels.some((x) => r === x || r.startsWith(`${x}:`));
    });
  }

  /** The preposition or case marker of a nominal: "in" for "in Bangkok", "'s" for "Cambodia's". */
  caseOf(i: number): string | undefined {
    const c = this.kids(i, 'case')[0];
    return c === undefined ? undefined : this.lemma(c);
  }

  sentenceRange(i: number): { from: number; to: number } {
    const s = this.doc.sentences[sentenceOfToken(this.doc, i)];
    return s ? { from: s.tokenStart, to: s.tokenEnd } : { from: 0, to: this.doc.tokens.length };
  }

  isPassive(i: number): boolean {
    if (this.kids(i, 'aux:pass', 'obl:agent').length > 0) return true;
    // a passive subject with no passive auxiliary and an object is the parser's slip: "Police arrested X"
    // and so is one with no object of its own joined to a verb that has one: "Police detained and beat X"
    if (this.kids(i, 'nsubj:pass').length > 0) return this.kids(i, 'obj').length === 0 && !this.sharesLaterObject(i) && this.bothObject(i) === undefined;
    const t = this.token(i);
    // a participle after "be" the parser labelled a plain auxiliary: "was on Monday charged"
    if (t.xpos === 'VBN' && this.kids(i, 'aux').some((a) => this.lemma(a) === 'be') && this.kids(i, 'obj').length === 0) return true;
    // "was arrested … and charged with sedition": a bare participle conjoined shares the passive;
    // not the voice of an active verb whose object comes after both ("police targeted and arrested
    // five defenders", "targeted" read as a participle with the object on it)
    const head = this.head(i);
    const nextObject = (o: number) => o > i && this.doc.tokens.slice(i + 1, o).every((x) => x.upos !== 'PUNCT');
    const activeHead = head >= 0 && this.kids(head, 'obj').some(nextObject) && !this.isPassive(head);
    // "they have kidnapped and jailed X": a participle joined to a perfect with no passive
    // auxiliary shares its "have", and a name right after it is its object read as a complement
    const perfectHead = head >= 0 && this.kids(head, 'aux').some((a) => this.lemma(a) === 'have') && !this.kids(head, 'aux:pass').length;
    if (t.deprel === 'conj' && t.xpos === 'VBN' && this.kids(i, 'aux', 'obj', 'nsubj').length === 0 && !activeHead && !perfectHead && this.nameComplement(i) === undefined) return true;
    // the same with the form read as a past tense and a length of time taken for its object: "was
    // detained incognito and released a fortnight later"; or, for a participle that looks like its
    // base form, read as one: "were questioned for hours and then put back on the plane"
    if (t.deprel === 'conj' && (t.xpos === 'VBD' || (t.xpos === 'VB' && IRREGULAR_PARTICIPLE_FORMS.has(t.text.toLowerCase()))) && head >= 0 && this.kids(head, 'aux:pass').length > 0 && this.kids(i, 'aux', 'nsubj').length === 0 && this.kids(i, 'obj').every((o) => DURATION_NOUNS.has(this.lemma(o)) || this.inTimex(o))) return true;
    // "ordered A held in custody", "ordered him detained": an order's small clause is passive, its subject whom it befalls
    if (['VBN', 'VBD'].includes(t.xpos ?? '') && /^(ccomp|xcomp)$/.test(t.deprel ?? '') && head >= 0 && SMALL_CLAUSE_ORDERS.has(this.lemma(head)) && this.kids(i, 'aux', 'obj').length === 0 && i > head + 1) return true;
    // a reduced adverbial clause: "faces 15 years in prison if convicted", "once released, he left"
    if (t.xpos === 'VBN' && (t.deprel ?? '').startsWith('advcl') && this.kids(i, 'mark').length > 0 && this.kids(i, 'aux', 'obj', 'nsubj', 'nsubj:pass').length === 0) return true;
    // a reduced relative: "a journalist detained by police"; not a clause the parser hung under its
    // own subject, which keeps its object: "Police arrested Tendai Moyo" read as "police [who were] arrested"
    if (t.xpos === 'VBN' && (t.deprel === 'acl' || t.deprel === 'amod') && this.kids(i, 'aux', 'obj', 'iobj', 'xcomp').length === 0 && this.bothObject(i) === undefined) return true;
    return this.headlinePassive(i);
  }

  /**
   * Whether the verb `i`, with no auxiliary, is followed by "and" and a verb joined to it that has
   * an object and neither a subject nor a passive auxiliary of its own: "detained and beat X".
   */
  private sharesLaterObject(i: number): boolean {
    if (this.kids(i, 'aux', 'aux:pass').length) return false;
    const and = i + 1;
    if (and >= this.sentenceRange(i).to || this.token(and).text.toLowerCase() !== 'and') return false;
    const next = and + 1;
    return this.head(next) === i && this.token(next).deprel === 'conj' && this.token(next).upos === 'VERB' && (this.kids(next, 'obj').length > 0 || this.nameComplement(next) !== undefined) && !this.kids(next, 'nsubj', 'nsubj:pass', 'aux:pass').length;
  }

  /**
   * "arrested both Ivo Rant and his son", parsed with the first item a conjunct of the verb (the
   * "both" read as joining the verb to it): a nominal conjunct right after the verb that carries
   * "both" or "either" is the verb's object. Its head, or undefined.
   */
  bothObject(i: number): number | undefined {
    return this.kids(i, 'conj').find((k) => k > i && ['NOUN', 'PROPN', 'PRON'].includes(this.token(k).upos ?? '') && this.kids(k, 'cc:preconj').some((c) => c === i + 1 && ['both', 'either'].includes(this.lemma(c))));
  }

  /**
   * "jailed Ivo Rant", parsed with the name a complement of the verb (as if "jailed [as] Ivo
   * Rant"): a proper noun complement that starts right after the verb is its object. Its head, or
   * undefined.
   */
  nameComplement(i: number): number | undefined {
    return this.kids(i, 'xcomp').find((k) => this.token(k).upos === 'PROPN' && this.phrase(k).first === i + 1 && !this.kids(k, 'cop', 'case').length);
  }

  /**
   * Headlines drop the auxiliary: "Journalist detained in Orvane" is "a journalist was detained".
   * A participle with a subject, no auxiliary and no object (nor a name right after it, an object
   * the parse lost), in a sentence with no final stop, reads as passive.
   */
  private headlinePassive(i: number): boolean {
    const t = this.token(i);
    if ((t.xpos !== 'VBN' && t.xpos !== 'VBD') || this.kids(i, 'nsubj').length === 0 || this.kids(i, 'aux', 'obj', 'iobj', 'ccomp').length > 0) return false;
    const { to } = this.sentenceRange(i);
    if (i + 1 < to && this.token(i + 1).upos === 'PROPN' && !this.inTimex(i + 1)) return false;
    return !/^[.!?"”’']$/.test(this.token(to - 1).text);
  }

  /**
   * What "who" stands for when the parser did not hang its clause on the noun: the name or noun
   * right before it, past a comma ("the journalist Ilse Varga, who is facing charges").
   */
  antecedentOf(who: number): number | undefined {
    const { from } = this.sentenceRange(who);
    let j = who - 1;
    if (j >= from && this.token(j).text === ',') j--;
    // "the friend who helped film the videos and who was detained with him": a second relative
    // clause joined to the first is about the same noun, whatever the parse hung it on
    if (j >= from && /^(?:and|but)$/i.test(this.token(j).text)) {
      for (let k = j - 1; k >= Math.max(from, who - RELATIVE_REACH); k--) {
        // "did not know why the men came and who was arrested": a question, not a relative clause
        if (QUESTION_WORDS.has(this.token(k).text.toLowerCase())) return undefined;
        if (!['who', 'whom'].includes(this.token(k).text.toLowerCase())) continue;
        const clause = this.head(k);
        if (clause >= 0 && this.token(clause).deprel === 'acl:relcl') return this.describedPerson(this.head(clause)) ?? this.head(clause);
        return this.antecedentOf(k);
      }
    }
    // past an age set off by commas: "Ilse Varga, 19, who …", "Ilse Varga, 19, whose flat was searched"
    const aged = this.beforeAge(who);
    if (aged !== undefined && this.entityOf[aged]?.type === 'PERSON') return this.personNameEndingAt(aged) ?? aged;
    if (j < from || !['PROPN', 'NOUN'].includes(this.token(j).upos ?? '')) return undefined;
    return this.describedPerson(j) ?? this.memberOfOrg(j) ?? this.personBeforeApposition(j, j === who - 1) ?? j;
  }

  /**
   * "Lira Tosan, former coordinator of Vestapan – Northern Orla Region, who
   * disappeared": a place or an organisation that ends an apposition set off after a name; the
   * relative clause is about the person the apposition describes.
   */
  private personBeforeApposition(j: number, restrictive: boolean): number | undefined {
    const e = this.entityOf[j];
    if (!e || e.type === 'PERSON') return undefined;
    const { from } = this.sentenceRange(j);
    for (let k = j - 1; k > from && j - k <= 15; k--) {
      const w = this.token(k).text;
      if (w === ';' || this.entityOf[k]?.type === 'PERSON') return undefined;
      // (a relative clause with no comma of its own, after a clause inside the apposition, is about that
      // clause's nouns: "A, a founder of a group that documents the cases of B who disappeared"; one set off
      // by a comma goes back to the name: "A, a blogger who wrote about killings in Kaduna, who went missing")
      // (a participle may describe: "the dissolved Bar Association")
      const finite = this.token(k).upos === 'AUX' || (this.token(k).upos === 'VERB' && ['VBD', 'VBZ', 'VBP'].includes(this.token(k).xpos ?? ''));
      if (restrictive && (finite || /^(?:that|which|who|whom|whose)$/i.test(w))) return undefined;
      if (w !== ',') continue;
      // the apposition opens with a role in lower case ("former secretary-general of …", "a lawyer with …")
      const opens = this.token(k + 1);
      if (!/^\p{Ll}/u.test(opens.text) || !['DET', 'ADJ', 'NOUN'].includes(opens.upos ?? '')) return undefined;
      // (past an age set off by commas: "A, 44, a former member of the Bar Association, who died")
      const name = this.beforeAge(k + 1) ?? k - 1;
      return this.entityOf[name]?.type === 'PERSON' ? name : undefined;
    }
    return undefined;
  }

  /**
   * "Ivo Rant of the farmers' union, who disappeared": a name right before "of" and an
   * organisation that ends at `j`; the relative clause is about the person, not the organisation.
   */
  private memberOfOrg(j: number): number | undefined {
    const org = this.entityOf[j];
    if (!org || org.type === 'PERSON') return undefined;
    const { from } = this.sentenceRange(j);
    let k = j;
    while (k > from && this.entityOf[k - 1] === org) k--;
    if (k - 1 > from && this.token(k - 1).text === 'the') k--;
    return k - 2 >= from && this.token(k - 1).text.toLowerCase() === 'of' && this.entityOf[k - 2]?.type === 'PERSON' ? k - 2 : undefined;
  }

  /** Whether the name token `k` belongs to is a possessor: a possessive "'s" (or a bare apostrophe) follows its last word. */
  possessor(k: number): boolean {
    const e = this.entityOf[k];
    let end = k;
    while (e && this.entityOf[end + 1] === e) end++;
    const next = this.doc.tokens[end + 1];
    return next !== undefined && next.upos === 'PART' && /^['’]s?$/.test(next.text);
  }

  /**
   * "Lora Quell, the front's consultant, who disappeared": the named person a description between
   * commas right after the name stands for; a relative clause on the description is about them.
   */
  describedPerson(j: number): number | undefined {
    // "…, National Front of Velmora consultant, who": a noun after a long name may be tagged a present-tense verb
    const noun = this.token(j).upos === 'NOUN' || (this.token(j).upos === 'VERB' && ['VB', 'VBP'].includes(this.token(j).xpos ?? '') && this.token(j + 1)?.text === ',');
    if (!noun || this.entityOf[j]) return undefined;
    const { from } = this.sentenceRange(j);
    for (let k = j - 1; k >= Math.max(from, j - 12); k--) {
      const t = this.token(k);
      if (t.text === ',') return k - 1 >= from && this.entityOf[k - 1]?.type === 'PERSON' ? k - 1 : undefined;
      // (a person the description names as a possessor is not who it stands for: "A, Haider's friend from the tents, who")
      // (a possessive determiner is inside the description, no clause's subject: "A, a member of our union who was shot")
      // (after a preposition only: "A, and her driver who vanished" is someone else)
      const possessive = t.xpos === 'PRP$' && this.token(k - 1)?.upos === 'ADP';
      if ((['VERB', 'AUX', 'PRON', 'SCONJ'].includes(t.upos ?? '') && !possessive) || (this.entityOf[k]?.type === 'PERSON' && !this.possessor(k))) return undefined;
    }
    return undefined;
  }

  /**
   * "ANHRI staff lawyer Amro Imad", "Altermidya Network correspondent Frenchie Cumpo": from token
   * `k`, past one to `most` lower-case nouns (the role), the person named right after; else undefined.
   */
  personAfterRoleWords(k: number, most: number): number | undefined {
    const { to } = this.sentenceRange(k);
    let j = k;
    while (j < to && j - k < most && this.token(j).upos === 'NOUN' && /^\p{Ll}/u.test(this.token(j).text)) j++;
    return j > k && j < to && this.entityOf[j]?.type === 'PERSON' ? j : undefined;
  }

  /**
   * "• Researcher Ada Moll, who was sentenced", parsed with the clause on the title or the bullet:
   * when the noun the clause hangs on names no person, the person named right before "who" is
   * what the clause is about.
   */
  /**
   * "X, a student activist, released in 2023 after serving two years, who was re-arrested": a
   * relative clause the parser hung on a verb (which no relative clause describes) is about the
   * nearest name before it in its sentence.
   */
  private personBeforeVerbHead(h: number, who: number): number | undefined {
    // (set off by a comma: "members of his gang who were killed" is about the noun right before it)
    if (!['VERB', 'AUX'].includes(this.token(h).upos ?? '') || this.token(who - 1)?.text !== ',') return undefined;
    const { from } = this.sentenceRange(who);
    for (let k = who - 1; k >= from; k--) if (this.entityOf[k]?.type === 'PERSON') return k;
    return undefined;
  }

  private namedBefore(h: number, who: number): number | undefined {
    if (this.entityOf[h]?.type === 'PERSON') return undefined;
    const a = this.antecedentOf(who);
    return a !== undefined && this.entityOf[a]?.type === 'PERSON' ? a : undefined;
  }

  /** "Rossi was an Italian graduate who was tortured": the subject a predicate noun describes, the one the relative clause is about. */
  predicatedOf(j: number): number | undefined {
    if (this.token(j).upos !== 'NOUN' || !this.kids(j, 'cop').length) return undefined;
    const subject = this.kids(j, 'nsubj')[0];
    return subject !== undefined && this.entityOf[subject]?.type === 'PERSON' ? subject : undefined;
  }

  /**
   * Whether token `k` is a person's name, or a title the parser hung one on ("Blogger | Pavel Kron",
   * with the title as the subject and the name its flat or compound).
   */
  namesPerson(k: number): boolean {
    return [k, ...this.kids(k, 'flat', 'compound', 'appos')].some((w) => this.entityOf[w]?.type === 'PERSON');
  }

  /** The finite auxiliary a clause opens with right after a comma (", was charged"), if it does. */
  private leadAuxiliary(i: number): number | undefined {
    const aux = this.kids(i, 'aux', 'aux:pass').filter((a) => ['VBD', 'VBZ', 'VBP', 'MD'].includes(this.token(a).xpos ?? ''));
    const first = aux.length ? Math.min(...aux) : -1;
    return first > 1 && this.token(first - 1).text === ',' ? first : undefined;
  }

  /** A verb with a tense of its own: a finite form, or a finite auxiliary ("was held", "has been"). */
  private finite(i: number): boolean {
    const finiteTag = (j: number) => ['VBD', 'VBZ', 'VBP', 'MD'].includes(this.token(j).xpos ?? '');
    return (this.token(i).upos === 'VERB' && finiteTag(i)) || this.kids(i, 'aux', 'aux:pass').some(finiteTag);
  }

  /** "the 27-year-old" standing for a person: an age with no noun after it ("a 27-year-old activist" is the activist). */
  isAgeOnly(i: number): boolean {
    if (this.token(i).text.toLowerCase() !== 'old' || i < 4) return false;
    const words = [i - 4, i - 3, i - 2, i - 1].map((k) => this.token(k).text.toLowerCase());
    if (!/^\d{1,3}$/.test(words[0]!) || words[1] !== '-' || !/^years?$/.test(words[2]!) || words[3] !== '-') return false;
    const next = this.token(i + 1);
    return !next || !['NOUN', 'PROPN', 'ADJ'].includes(next.upos ?? '');
  }

  /** The subject of `i`, its own or the one it shares with the clause it completes. */
  subjectOf(i: number, depth = 0): number | undefined {
    return this.sharedSubject(i, depth) ?? this.nameRightBefore(i) ?? this.nameBeforeRelative(i);
  }

  /**
   * "Pastor X, who led a house church in Karaj, began serving a sentence", parsed with the relative
   * clause as the verb's complement and no subject: a finite verb right after the comma that closes
   * a ", who …," clause on the name that opens the sentence is that person's.
   */
  private nameBeforeRelative(i: number): number | undefined {
    const t = this.token(i);
    if (t.upos !== 'VERB' || !['VBD', 'VBZ', 'VBP'].includes(t.xpos ?? '') || i < 4 || this.token(i - 1).text !== ',') return undefined;
    const { from } = this.sentenceRange(i);
    // (a relative clause of a few dozen words at most: the look-back is bounded whatever the sentence)
    for (let k = i - 2; k > Math.max(from + 1, i - RELATIVE_LOOKBACK); k--) {
      if (this.token(k).text.toLowerCase() !== 'who' || this.token(k - 1).text !== ',') continue;
      const name = this.personNameEndingAt(k - 2);
      if (name === undefined) return undefined;
      let first = k - 2;
      while (first > from && this.entityOf[first - 1] === this.entityOf[k - 2]) first--;
      // the name opens the sentence, after a title or a description at most ("Pastor", "The journalist")
      for (let j = from; j < first; j++) if (!['DET', 'NOUN', 'PROPN', 'ADJ'].includes(this.token(j).upos ?? '')) return undefined;
      return name;
    }
    return undefined;
  }

  /**
   * "… one of the founders of the Velmora Rights League Tomas Reyk died in custody", with the name
   * folded into the phrase before it: a finite verb the parser gave no subject, right after a
   * person's name, is what that person did. The name's token that hangs outside it.
   */
  private nameRightBefore(i: number): number | undefined {
    const t = this.token(i);
    if (t.upos !== 'VERB' || !['VBD', 'VBZ', 'VBP'].includes(t.xpos ?? '') || i === 0) return undefined;
    if (this.sentenceRange(i).from > i - 1) return undefined;
    return this.personNameEndingAt(i - 1);
  }

  /** A person's name ending at `j` set off by a comma before it (", Georgiy Gongadze,"), not one inside a phrase ("in the same case as Ivo Sarn,"). */
  private apposedNameEndingAt(j: number): number | undefined {
    const k = this.personNameEndingAt(j);
    if (k === undefined) return undefined;
    let first = j;
    while (first > 0 && this.entityOf[first - 1] === this.entityOf[j]) first--;
    return first > 0 && this.token(first - 1).text === ',' ? k : undefined;
  }

  /** "Camila Tovar, 20, a sociology student": for a description opening at token `first`, the token before an age set off by commas before it. */
  beforeAge(first: number): number | undefined {
    const { from } = this.sentenceRange(first);
    return first - 4 >= from && this.token(first - 1).text === ',' && this.token(first - 2).upos === 'NUM' && this.token(first - 3).text === ',' ? first - 4 : undefined;
  }

  /** The token of the person's name that ends at `j` which hangs outside the name; undefined when no person's name ends there. */
  personNameEndingAt(j: number): number | undefined {
    const person = this.entityOf[j];
    if (person?.type !== 'PERSON') return undefined;
    let first = j;
    while (first > 0 && this.entityOf[first - 1] === person) first--;
    for (let k = first; k <= j; k++) if (this.head(k) < first || this.head(k) > j) return k;
    return j;
  }

  private sharedSubject(i: number, depth: number): number | undefined {
    const t = this.token(i);
    const h = this.head(i);
    // a relative pronoun stands for the noun its clause modifies; "that" misparsed as a subject is none
    // a date misparsed as the subject hides the name folded into it: "Thailand Wednesday deported"
    let subjects = this.kids(i, 'nsubj:pass', 'nsubj', 'csubj').flatMap((c) => (this.inTimex(c) ? this.kids(c, 'compound').filter((k) => !this.inTimex(k)) : [c]));
    // "Both denied the charges and were released": the group word that opens the sentence, read as a conjunction
    if (subjects.length === 0) subjects = this.kids(i, 'cc:preconj').filter((c) => c === this.sentenceRange(i).from && GROUP_OPENERS.has(this.token(c).text.toLowerCase()));
    // "The lawyer, X, has himself been barred": the reflexive only stresses the subject the parser hung on the auxiliary
    if (subjects.length > 0 && subjects.every((c) => REFLEXIVES.has(this.token(c).text.toLowerCase()))) {
      const lent = this.kids(i, 'aux', 'aux:pass').flatMap((a) => this.kids(a, 'nsubj', 'nsubj:pass'));
      if (lent.length) subjects = lent;
    }
    // the word, not its lemma: "those" lemmatises to "that"
    // "Ms Sobol was removed", with the title and the name read as two subjects: the name
    const title = subjects.find((c) => HONORIFICS.has(this.token(c).text.toLowerCase().replace(/\.$/, '')) && this.entityOf[c + 1]?.type === 'PERSON');
    const own = title !== undefined ? subjects.find((c) => this.entityOf[c] === this.entityOf[title + 1]) ?? title + 1 : this.nominalSubject(subjects.filter((c) => !['that', 'which'].includes(this.token(c).text.toLowerCase())), i);
    // a relative clause hung on a bullet or a title ("• Researcher Ilse Varga, who was sentenced") is about the name before "who"
    if (own !== undefined && ['who', 'whom'].includes(this.lemma(own))) return t.deprel === 'acl:relcl' ? (this.describedPerson(h) ?? this.predicatedOf(h) ?? this.namedBefore(h, own) ?? this.personBeforeVerbHead(h, own) ?? h) : (this.antecedentOf(own) ?? own);
    if (own !== undefined) return own;
    if (h < 0 || depth > 3) return undefined;
    // "she is now in Drell and has applied for asylum": a verb conjoined to a copular predicate shares its subject
    if (t.deprel === 'conj' && this.kids(h, 'cop').length > 0 && this.kids(h, 'nsubj').length > 0) return this.subjectOf(h, depth + 1);
    if (t.deprel === 'conj' && !['VERB', 'AUX'].includes(this.token(h).upos ?? '')) {
      // a verb conjoined to a misparsed head: share the subject of the nearest verb before it
      for (let j = i - 1; j >= this.sentenceRange(i).from; j--) if (this.token(j).upos === 'VERB') return this.subjectOf(j, depth + 1);
    }
    // "He was charged with unlawful assembly although he showed his press card … and was held": a
    // conjunct with a finite auxiliary of its own is a clause of the sentence's finite verb, however
    // the parser hung it on a participle or infinitive in between
    if (t.deprel === 'conj' && this.finite(i) && !this.finite(h)) {
      for (let up = this.head(h), hops = 0; up >= 0 && hops < 6; up = this.head(up), hops++) {
        if (this.finite(up)) return this.subjectOf(up, depth + 1);
      }
    }
    const clauseAfter = t.deprel === 'parataxis' && h < i;
    // "was summoned on 12 October, questioned for six hours and released": a bare participle after a
    // comma, hung on a passive, is the next of its list
    if (clauseAfter && (t.xpos === 'VBN' || t.xpos === 'VBD') && this.token(i - 1).text === ',' && this.kids(i, 'aux', 'aux:pass', 'nsubj', 'nsubj:pass', 'obj').length === 0 && this.kids(h, 'aux:pass').length > 0) return this.subjectOf(h, depth + 1);
    // "X resurfaced before a judge, was charged with …, and was sent to …": a clause set off by a
    // comma with an auxiliary of its own and no subject, hung on the verb before it, is a conjunct
    // (unless a name closes right before the comma: "whose founder, Georgiy Gongadze, was also murdered" is his)
    // (nor is what a verb of saying or learning tells: "the Monitor has learned that another monk, X, 34, was sentenced")
    const lead = clauseAfter && this.token(h).upos === 'VERB' && !TELLING.has(this.lemma(h)) ? this.leadAuxiliary(i) : undefined;
    if (lead !== undefined) {
      // "her brother, Ali Khoso, 24, was arrested": past the age
      const named = this.apposedNameEndingAt(lead - 2) ?? (this.token(lead - 2).upos === 'NUM' && this.token(lead - 3).text === ',' ? this.apposedNameEndingAt(lead - 4) : undefined);
      if (named !== undefined) return named;
      // (a person's or a personal pronoun's: "Pearl's murder took place three years after A, along with B and C, was released" is not the murder's)
      const shared = this.subjectOf(h, depth + 1);
      if (shared !== undefined && (this.namesPerson(shared) || PERSONAL_SUBJECTS.has(this.token(shared).text.toLowerCase()))) return shared;
    }
    if (t.deprel === 'acl' || t.deprel === 'amod') return h; // the noun the participle modifies
    // "two activists, A and B, disappeared" misparsed with the verb hung on the noun before it
    if (t.deprel === 'parataxis' && h < i && ['NOUN', 'PROPN'].includes(this.token(h).upos ?? '') && ['VBD', 'VBZ', 'VBP'].includes(t.xpos ?? '')) return h;
    // "said its editor, X, had been missing since Tuesday": a clause with a finite auxiliary of its own,
    // hung beside the object of the verb before it with no verb between, is that object's (the parser
    // took the clause's subject for the object)
    // (a passive's lost subject is found by the roles, past the apposition)
    if (['parataxis', 'ccomp'].includes(t.deprel ?? '') && h < i && this.kids(i, 'aux').length > 0 && this.kids(i, 'aux:pass').length === 0 && this.finite(i)) {
      const object = this.kids(h, 'obj').find((o) => o < i && ['NOUN', 'PROPN'].includes(this.token(o).upos ?? ''));
      const between = (o: number) => Array.from({ length: i - o - 1 }, (_, k) => o + 1 + k).some((k) => ['VERB', 'AUX'].includes(this.token(k).upos ?? '') && this.head(k) !== i);
      if (object !== undefined && !between(object)) return object;
    }
    // an auxiliary the parser made the head ("the union leader had | committed") lends its subject
    // a participle adjunct shares its subject ("…, saying he had fled"); a clause with auxiliaries of
    // its own does not ("said its chairman, X, had also been detained" misparsed as an adjunct)
    // "before being released": a passive gerund adjunct shares it too
    const auxes = this.kids(i, 'aux', 'aux:pass');
    const participle = t.deprel === 'advcl' && (t.xpos === 'VBG' || t.xpos === 'VBN') && auxes.every((a) => this.token(a).text.toLowerCase() === 'being');
    // "journalists who tried to do such work have vanished", with "have vanished" hung on "do": a
    // complement with a finite auxiliary of its own is the main clause, of the noun the relative clause is about
    const relative = t.deprel === 'xcomp' ? this.relativeAbove(i) : undefined;
    if (relative !== undefined) return relative;
    // "a court ordered him to serve two years": a verb's object, when it has one, is who does its complement
    const controller = t.deprel === 'xcomp' ? this.kids(h, 'obj').find((o) => o < i && ['NOUN', 'PROPN', 'PRON'].includes(this.token(o).upos ?? '')) : undefined;
    if (controller !== undefined) return controller;
    // "was released on Monday, then immediately re-arrested": a bare participle set beside a passive
    // verb before it, with no auxiliary of its own, is that passive's second verb
    const reduced = t.deprel === 'parataxis' && t.xpos === 'VBN' && h < i && auxes.length === 0 && this.token(h).upos === 'VERB' && this.kids(h, 'aux:pass').length > 0;
    if (t.deprel === 'xcomp' || t.deprel === 'conj' || this.token(h).upos === 'AUX' || participle || reduced) {
      return this.subjectOf(h, depth + 1);
    }
    return undefined;
  }

  /**
   * Of a verb's subjects, the one that names: "top news hosts A, B and C lost their posts", with the
   * phrase broken into an adjective, a noun and the names, each read as a subject. The first, unless
   * it is no nominal; then the first person named, else the first nominal.
   */
  private nominalSubject(subjects: number[], verb: number): number | undefined {
    const nominal = (c: number) => ['NOUN', 'PROPN', 'PRON', 'NUM'].includes(this.token(c).upos ?? '');
    // two nominal subjects before one verb is a misparse: "For interviewing Nawaz Sharif, journalist
    // Cyril Ameida was charged" — the one nearest the verb is its subject, the other fronted
    // (set apart by a comma: "A as well as B were arrested" is one subject the parser split)
    const before = subjects.filter((c) => c < verb && nominal(c));
    const [a, b] = [before[0], before[before.length - 1]];
    if (a !== undefined && b !== undefined && a < b && Array.from({ length: b - a - 1 }, (_, k) => a + 1 + k).some((k) => this.token(k).text === ',')) return b;
    // "Opposition figure Marek Zal fled", "a Baloch artist X was attacked", split into the role's
    // words and the name: one phrase, whose head is the name (a role word may be one the lexicon does
    // not know as a person's, or hold another name: "Baloch")
    if (a !== undefined && b !== undefined && a < b && this.token(a).upos === 'NOUN' && this.entityOf[b]?.type === 'PERSON' && this.entityOf[a] === undefined) {
      // the words between are the role's ("rights defender Yusuf Kalem") or the name's own
      const role = (k: number) => this.entityOf[k] === undefined && ['NOUN', 'ADJ'].includes(this.token(k).upos ?? '') && /^\p{Ll}/u.test(this.token(k).text);
      let k = a + 1;
      while (k < b && role(k)) k++;
      if (Array.from({ length: b - k }, (_, j) => k + j).every((j) => this.entityOf[j] === this.entityOf[b])) return b;
    }
    const first = subjects[0];
    if (first === undefined || nominal(first)) return first;
    return subjects.find((c) => this.entityOf[c]?.type === 'PERSON') ?? subjects.find(nominal) ?? first;
  }

  /**
   * The noun a relative clause is about, when the verb `i` has a finite auxiliary of its own ("have
   * vanished") yet hangs as a complement inside that clause: the parser ran the clause on into the
   * main verb. Undefined otherwise.
   */
  private relativeAbove(i: number): number | undefined {
    if (!this.kids(i, 'aux').some((a) => ['VBP', 'VBZ', 'VBD', 'MD'].includes(this.token(a).xpos ?? ''))) return undefined;
    let up = this.head(i);
    for (let hops = 0; up >= 0 && hops < 4 && /^(xcomp|conj)$/.test(this.token(up).deprel ?? ''); hops++) up = this.head(up);
    return up >= 0 && this.token(up).deprel === 'acl:relcl' && up > this.head(up) ? this.head(up) : undefined;
  }

  /** The token range of the noun phrase headed by `i`, without its relative clauses or appositions. */
  phrase(i: number): { first: number; last: number } {
    // the role is the nominal itself: "Thai police", not "by Thai police"; "Cambodia", not "back to Cambodia"
    const skip = new Set(['acl', 'acl:relcl', 'appos', 'conj', 'cc', 'advcl', 'parataxis', 'dep', 'punct', 'list', 'dislocated', 'case', 'mark', 'advmod']);
    let first = i;
    let last = i;
    const stack = [i];
    while (stack.length) {
      const n = stack.pop()!;
      for (const c of this.children[n]!) {
        if (skip.has(this.token(c).deprel ?? '')) continue;
        // "the activist to Cambodia": where a person is sent is not part of who they are
        if (n === i && this.token(c).deprel === 'nmod' && DIRECTIONS.has(this.caseOf(c) ?? '')) continue;
        // a dash or a comma ends a noun phrase: "KARSVIK — Security officers" is a dateline and officers
        if (c < n && this.doc.tokens.slice(c + 1, n).some((x) => x.upos === 'PUNCT' && /^[—–,;:(]$/.test(x.text))) continue;
        first = Math.min(first, c);
        last = Math.max(last, c);
        stack.push(c);
      }
    }
    // a phrase is contiguous: children kept on one side only reach as far as the nearest skipped one
    while (first < i && this.token(first).upos === 'PUNCT') first++;
    while (last > i && this.token(last).upos === 'PUNCT') last--;
    // a hyphenated name is one word however the parse split it: "Police in Orsk-Dal", not "Police in Orsk"
    const tokens = this.doc.tokens;
    const joined = (a: number) => tokens[a + 2] !== undefined && /^[-‐]$/.test(tokens[a + 1]!.text) && tokens[a + 1]!.start === tokens[a]!.end && tokens[a + 2]!.start === tokens[a + 1]!.end && /^\p{L}/u.test(tokens[a + 2]!.text);
    while (joined(last)) last += 2;
    return { first, last };
  }

  /** Ancestors of `i`, nearest first, with the relation by which each was reached. */
  *ancestors(i: number, limit = 8): Generator<{ token: number; via: string }> {
    let n = i;
    for (let k = 0; k < limit; k++) {
      const h = this.head(n);
      if (h < 0) return;
      yield { token: h, via: this.token(n).deprel ?? '' };
      n = h;
    }
  }
}
