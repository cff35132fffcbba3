import type { Entity, Mention } from '../../text/types.js';
import { nameMentions } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';
import type { Gender, RoleNouns } from './lexicon.js';
import { genderOfWord, PRONOUN_GENDER } from './lexicon.js';
import { addTitle, calledBy, orgOfTitle, titleOfNoun } from './titles.js';
import { fitsRole } from '../events/plural.js';

/** Nouns for several people at once, which "he" or "she" never stands for. */
/** Verbs of one who orders what befalls another: "ordered his detention", "extended her custody". */
/** Verbs of someone's custody going on, in the passive: "was taken to prison", "was transferred to". */
const HELD_ONWARD = new Set(['take', 'transfer', 'move', 'send', 'hold', 'keep', 'transport', 'drive', 'lock', 'place', 'put']);
/** Verbs whose object is put in custody by their subject: "A judge remanded her", "Police arrested him". */
const PUTTING_IN_CUSTODY = new Set(['remand', 'arrest', 'detain', 'jail', 'imprison', 'sentence', 'seize', 'abduct', 'kidnap']);
/** Words naming who acts for a court or an office, right before their name. */
const OFFICE_BEFORE_NAME = new Set(['judge', 'justice', 'magistrate', 'prosecutor', 'president', 'chairman', 'chairwoman', 'chief']);
const ORDERING = new Set(['order', 'authorise', 'authorize', 'approve', 'sanction', 'extend', 'sign', 'issue', 'renew', 'replace', 'revoke', 'commute', 'quash', 'overturn', 'uphold']);
const COLLECTIVES = new Set(['family']);

/**
 * Pronouns and descriptions → people, read once in text order with a small discourse model
 * (who was mentioned when, as what, and their gender when the text shows it):
 * - "he"/"she": the person in the last two sentences who agrees in gender (one known to agree
 *   before one whose gender is unknown), a subject preferred, then the nearer, then the person
 *   the report is about; gender is learnt from titles, honorifics and the pronouns already
 *   resolved; the subject of "said" after a quotation is whoever spoke last;
 * - "his wife", "Reyvik's lawyer": a person defined by a relation — a new unnamed entity with
 *   `relation` {wife, of: Reyvik}, unless a name stands in apposition ("Reyvik's lawyer, Mira Castell");
 * - "a U.N. official stationed in Geneva" as a subject: a new unnamed person, so that "the official"
 *   and "she" can point to them later;
 * - "the spokesman": the person who holds that title; "the activist": the person the report is about.
 */

interface Known {
  entity: Entity;
  /** Its place among the people known: loops over them read them in this order, the first of equals winning. */
  order: number;
  gender?: Gender;
  /** Sentence of the latest mention, and whether that mention was a subject. */
  sentence: number;
  subject: boolean;
  count: number;
  /** Head nouns it was described by ("official"). */
  nouns: Set<string>;
  /** That latest subject mention spoke ("X said …"): a source, not who the next sentence is about. */
  spoke?: boolean;
  /** Known by a plural description ("his colleagues"): never "he" or "she". */
  plural?: boolean;
}

const WINDOW = 2;
const CLIENT = new Set(['client']);
const LAWYERS = new Set(['lawyer', 'attorney']);

export class Resolver {
  private readonly known = new Map<Entity, Known>();
  /**
   * The people known by the sentence of their latest mention, and the first known with each id:
   * a pronoun reads those of its last two sentences, not everybody named so far (a scan of every
   * person per pronoun made coreference quadratic in a long report's people).
   */
  private readonly bySentence = new Map<number, Set<Known>>();
  private readonly byId = new Map<string, Known>();
  private readonly created: Entity[] = [];
  private readonly main: Entity | undefined;
  /** The entity each resolved pronoun token refers to. */
  private readonly at = new Map<number, Entity>();
  /** Per sentence, the paragraph it starts in; counted when first asked. */
  private paragraphs: number[] | undefined;
  /** Who last said something: "“…,” he said" after a spokesman's quote is the spokesman again. */
  private lastSpeaker: Known | undefined;
  /** A lede describes its person once: "a journalist … to interview an activist" are two people. */
  private ledeTold = false;

  constructor(
    private readonly tree: Tree,
    private readonly nouns: RoleNouns,
    genders: Map<Entity, Gender>,
    private readonly speech: Set<string>,
  ) {
    for (const [e, g] of genders) this.note(e, -99, false, g);
    const persons = tree.doc.entities.filter((e) => e.type === 'PERSON');
    this.main = persons.reduce<Entity | undefined>((best, e) => (!best || e.mentions.length > best.mentions.length ? e : best), undefined);
  }

  /** Entities made for people the report never names. */
  get unnamed(): Entity[] {
    return this.created;
  }

  private note(entity: Entity, sentence: number, subject: boolean, gender?: Gender, noun?: string): Known {
    let k = this.known.get(entity);
    if (!k) {
      k = { entity, order: this.known.size, sentence, subject, count: 0, nouns: new Set() };
      this.known.set(entity, k);
      if (!this.byId.has(entity.id)) this.byId.set(entity.id, k);
      this.file(k);
    }
    if (sentence >= k.sentence) {
      // the subject once in a sentence is its subject: "his son Arash, 19, was detained" names him
      // twice, the description as the subject and the name beside it
      const wasSubject = sentence === k.sentence && k.subject;
      if (sentence > k.sentence) {
        this.bySentence.get(k.sentence)!.delete(k);
        k.sentence = sentence;
        this.file(k);
      }
      k.subject = subject || wasSubject;
    }
    k.count++;
    if (gender && !k.gender) k.gender = gender;
    if (noun) k.nouns.add(noun);
    return k;
  }

  private file(k: Known): void {
    const list = this.bySentence.get(k.sentence);
    if (list) list.add(k);
    else this.bySentence.set(k.sentence, new Set([k]));
  }

  /** The people last mentioned from `WINDOW` sentences before `sentence` to it, in the order they became known. */
  private inView(sentence: number): Known[] {
    const out: Known[] = [];
    for (let s = sentence - WINDOW; s <= sentence; s++) out.push(...(this.bySentence.get(s) ?? []));
    return out.sort((a, b) => a.order - b.order);
  }

  private isSubject(i: number): boolean {
    return /^nsubj/.test(this.tree.token(i).deprel ?? '');
  }

  /**
   * The token is the subject of a verb of saying ("he said") that nobody else's words hold: in
   * "She told the radio that an aid worker assured her that…", she speaks and the aid worker is
   * only quoted, so the next "she said" is still hers.
   */
  private speaks(i: number): boolean {
    const tree = this.tree;
    const h = tree.head(i);
    // "she was charged", "he was told": a verb of saying in the passive has its speaker elsewhere
    if (this.isSubject(i)) return h >= 0 && this.tree.token(i).deprel !== 'nsubj:pass' && this.speech.has(tree.lemma(h)) && !this.reported(h);
    // a name the parse hung elsewhere before a subjectless "said" ("On Monday, Ivo Marek, a spokesman …, said")
    const { to } = tree.sentenceRange(i);
    for (let v = i + 1; v < Math.min(to, i + 20); v++) {
      if (tree.entityOf[v]?.type === 'PERSON' && tree.entityOf[v] !== tree.entityOf[i]) return false;
      if (tree.token(v).upos === 'VERB') return this.speech.has(tree.lemma(v)) && tree.kids(v, 'nsubj').length === 0 && tree.kids(v, 'aux:pass').length === 0 && !this.reported(v);
    }
    return false;
  }

  /** Verb `v` stands in what another verb of saying reports (its clause hangs below one). */
  private reported(v: number): boolean {
    const tree = this.tree;
    let k = v;
    for (let hops = 0; hops < 8; hops++) {
      const up = tree.head(k);
      if (up < 0) return false;
      if (/^(ccomp|xcomp|advcl|acl)/.test(tree.token(k).deprel ?? '') && this.speech.has(tree.lemma(up))) return true;
      k = up;
    }
    return false;
  }

  /**
   * A name in apposition within the subject's phrase: "Another defender, Arno Belin, was arrested",
   * and "Velmora Watch's representative in Tarsk province, Arno Belin, was arrested" parsed with the
   * name beside "province".
   */
  private apposedToSubject(h: number): boolean {
    const tree = this.tree;
    if (tree.token(h).deprel !== 'appos') return false;
    let n = tree.head(h);
    for (let hops = 0; n >= 0 && hops < 3; hops++) {
      // "The lawyers we hired, first Mr Gao and then Ms Shi, went …": one of a plural subject's members is not who it is
      if (this.isSubject(n)) return tree.token(n).xpos !== 'NNS';
      if (!/^nmod/.test(tree.token(n).deprel ?? '') || tree.entityOf[n]?.type === 'PERSON') return false;
      n = tree.head(n);
    }
    return false;
  }

  /** A name mention, as read. */
  name(entity: Entity, head: number): void {
    if (entity.type !== 'PERSON') return;
    // "Interior Minister Pell Dravik told reporters": the parse makes "Interior" the subject and
    // hangs the name on it; the name speaks through the title it is flat with
    let h = head;
    for (let n = 0; n < 6 && /^(flat|compound)/.test(this.tree.token(h).deprel ?? '') && this.tree.head(h) >= 0 && this.sentenceOf(this.tree.head(h)) === this.sentenceOf(head); n++) h = this.tree.head(h);
    // "Minister of Justice Pol Varan told": the parse hangs the name on the title as its nmod
    const titleBefore = (t: number, of: number) => t >= 0 && t < of && this.nouns.titles.has(this.tree.lemma(t).toLowerCase());
    if (/^(nmod|appos)/.test(this.tree.token(h).deprel ?? '') && titleBefore(this.tree.head(h), h)) {
      h = this.tree.head(h);
      // "Deputy Premier and Minister of …": the first title of the pair is the subject
      while (this.tree.token(h).deprel === 'conj' && titleBefore(this.tree.head(h), h)) h = this.tree.head(h);
    }
    // "Another defender, Arno Belin, was arrested": a name in apposition to the subject is the subject
    const subject = this.isSubject(head) || this.isSubject(h) || this.apposedToSubject(h);
    const k = this.note(entity, this.sentenceOf(head), subject);
    k.spoke = this.speaks(h);
    if (k.spoke) this.lastSpeaker = k;
  }

  /** The paragraph (text between blank lines) that sentence `s` starts in. */
  private paragraphOf(s: number): number {
    if (!this.paragraphs) {
      // one pass over the sentences, in order, counting the blank lines before each
      const doc = this.tree.doc;
      this.paragraphs = [];
      let p = 0;
      let at = doc.text.indexOf('\n\n');
      for (const sentence of doc.sentences) {
        while (at >= 0 && at < sentence.start) {
          p++;
          at = doc.text.indexOf('\n\n', at + 2);
        }
        this.paragraphs.push(p);
      }
    }
    return this.paragraphs[s] ?? 0;
  }

  private sentenceOf(i: number): number {
    return this.tree.doc.sentenceAt(this.tree.token(i).start);
  }

  private mention(entity: Entity, first: number, last: number, kind: Mention['kind']): void {
    const doc = this.tree.doc;
    entity.mentions.push({ ...doc.span(doc.tokens[first]!.start, doc.tokens[last]!.end), kind });
  }

  /** Whether the pronoun at `i` follows a closing quotation mark, past at most a comma: '"…," she said'. */
  private afterQuotation(i: number): boolean {
    const doc = this.tree.doc;
    const before = doc.text.slice(Math.max(0, doc.tokens[i]!.start - 4), doc.tokens[i]!.start);
    return /["”’'],?\s*$/.test(before);
  }

  /** The entity token `k` names, or the one a description or pronoun there was found to stand for. */
  private entityAt(k: number): Entity | undefined {
    return this.tree.entityOf[k] ?? this.at.get(k);
  }

  /** For a subject pronoun in an adverbial clause ("… after he was arrested"), the person subject of the verb the clause hangs on. */
  private adverbialClauseSubject(i: number): Entity | undefined {
    const tree = this.tree;
    const v = tree.head(i);
    let up = v < 0 ? -1 : tree.head(v);
    // "X remains in Owerri Correctional Centre, where he has been held since April": a "where"
    // clause on the place of a verb is said of that verb's subject, as an adverbial clause is
    const where = up >= 0 && tree.kids(v, 'advmod').some((k) => tree.token(k).text.toLowerCase() === 'where');
    if (where && /^acl/.test(tree.token(v).deprel ?? '') && /^(obl|obj)/.test(tree.token(up).deprel ?? '')) {
      up = tree.head(up);
      if (up < 0) return undefined;
    } else if (up < 0 || !(/^advcl/.test(tree.token(v).deprel ?? '') || (where && ['ccomp', 'conj'].includes(tree.token(v).deprel ?? '') && tree.token(up).upos === 'VERB'))) return undefined;
    // (or hung straight on the verb, the place's clause read as its complement: "was summoned to the office, where he was held")
    // (a verb conjoined without a subject of its own shares its head's: "X, …, was taken up …, remains in …")
    const owner = tree.kids(up, 'nsubj', 'nsubj:pass').length === 0 && tree.token(up).deprel === 'conj' ? tree.head(up) : up;
    // (the first subject naming a person: "our board member Mohsen Kaabi" may be parsed as two subjects)
    for (const subject of tree.kids(owner, 'nsubj', 'nsubj:pass').filter((k) => k < i)) {
      const e = this.entityAt(subject);
      if (e?.type === 'PERSON') return e;
    }
    return undefined;
  }

  /**
   * For the subject of a passive of custody ("She was taken to Sarıyer prison"), the person the
   * sentence before put in custody as its object ("A judge remanded her in custody"): the one held
   * goes on, not the one who held them.
   */
  private heldInSentenceBefore(i: number): Entity | undefined {
    const tree = this.tree;
    const v = tree.head(i);
    if (!/^nsubj/.test(tree.token(i).deprel ?? '') || v < 0 || !HELD_ONWARD.has(tree.lemma(v)) || tree.kids(v, 'aux:pass').length === 0) return undefined;
    const before = tree.doc.sentences[this.sentenceOf(i) - 1];
    if (!before) return undefined;
    for (let k = before.tokenStart; k < before.tokenEnd; k++) {
      if (tree.token(k).upos !== 'VERB' || !PUTTING_IN_CUSTODY.has(tree.lemma(k)) || tree.kids(k, 'nsubj').length === 0) continue;
      // (the object or a name in its phrase: "remanded the reporter Derya Aksu")
      for (const o of tree.kids(k, 'obj')) {
        for (const n of [o, ...tree.kids(o, 'appos', 'flat', 'compound')]) {
          const e = this.entityAt(n);
          if (e?.type === 'PERSON') return e;
        }
      }
    }
    return undefined;
  }

  /**
   * For a personal pronoun in a prepositional phrase of a verb ("picked up with her", "spoke to
   * him"), the people the verb's subject names, its appositions and conjuncts included: a person is
   * "herself" there, never "her".
   */
  private obliqueClausemates(i: number): Set<Entity> {
    const tree = this.tree;
    const out = new Set<Entity>();
    if (tree.token(i).deprel !== 'obl' || tree.kids(i, 'case').length === 0) return out;
    const v = tree.head(i);
    for (const subject of v < 0 ? [] : tree.kids(v, 'nsubj', 'nsubj:pass')) {
      for (const k of [subject, ...tree.kids(subject, 'appos', 'conj')]) {
        for (const n of [k, ...tree.kids(k, 'conj')]) {
          const e = this.entityAt(n);
          if (e?.type === 'PERSON') out.add(e);
        }
      }
    }
    return out;
  }

  /** For a possessive on the object of an order ("… replaced his detention"), the people named anywhere in the subject's phrase. */
  private orderersOf(i: number): Set<Entity> {
    const tree = this.tree;
    const out = new Set<Entity>();
    const owner = tree.head(i);
    if (tree.token(i).deprel !== 'nmod:poss' || owner < 0 || tree.token(owner).deprel !== 'obj' || !ORDERING.has(tree.lemma(tree.head(owner)))) return out;
    // read on the words before the verb, with no finite verb or subordinator among them: the parser
    // may lose the subject ("On 14 September, the court, presided by Judge X, replaced his detention")
    const verb = tree.head(owner);
    const { from } = tree.sentenceRange(verb);
    // (only someone named as who acts for the body: "presided by Judge X", "Judge X", not "a complaint against X")
    for (let k = from; k < verb; k++) {
      const t = tree.token(k);
      if (t.upos === 'SCONJ' || ['VBD', 'VBZ', 'VBP'].includes(t.xpos ?? '')) return new Set();
      const e = this.entityAt(k);
      if (e?.type !== 'PERSON' || (this.entityAt(k - 1) === e && k > from)) continue;
      // ("by" a few words before: "headed by his deputy X")
      let j = k - 1;
      while (j > from && k - j < 4 && ['DET', 'PRON', 'NOUN', 'ADJ'].includes(tree.token(j).upos ?? '') && !OFFICE_BEFORE_NAME.has(tree.token(j).text.toLowerCase())) j--;
      const before = j >= from ? tree.token(j).text.toLowerCase() : '';
      if (before === 'by' || OFFICE_BEFORE_NAME.has(before) || (k > from && OFFICE_BEFORE_NAME.has(tree.token(k - 1).text.toLowerCase()))) out.add(e);
    }
    return out;
  }

  /** The entity named as the subject of the verb whose object (or indirect object) token `i` is; for a possessive on the object of an order, the one ordering. */
  private subjectOfObject(i: number): Entity | undefined {
    const tree = this.tree;
    // "the magistrate ordered his detention": whose detention an order is for is not who ordered it
    const owner = tree.head(i);
    if (tree.token(i).deprel === 'nmod:poss' && owner >= 0 && tree.token(owner).deprel === 'obj' && ORDERING.has(tree.lemma(tree.head(owner)))) return this.subjectOfObject(owner);
    if (!/^(obj|iobj)$/.test(tree.token(i).deprel ?? '')) return undefined;
    const v = tree.head(i);
    // (a verb joined on with no subject of its own has its first verb's: "A prosecutor booked X and ordered him held")
    // (joined by "and" only: "walked out of prison after a court convicted her" may be parsed as a conjunct too)
    const joined = tree.token(v).deprel === 'conj' && tree.head(v) >= 0 && tree.head(v) < v && tree.kids(v, 'cc').some((c) => tree.lemma(c) === 'and');
    // (and not a relative's "who", which the parse may have tied to the wrong noun)
    const shared = joined ? tree.kids(tree.head(v), 'nsubj').find((k) => !['PRON', 'DET'].includes(tree.token(k).upos ?? '')) : undefined;
    const subject = tree.kids(v, 'nsubj')[0] ?? shared;
    if (subject !== undefined) return this.entityAt(subject);
    // the parser lost the subject ("On Tuesday, Judge Zhuk of the district court sentenced him",
    // with the name hung on the date): the one person named before the verb, with no verb or
    // subordinate clause there ("After meeting Ali, police arrested him" may be Ali)
    const { from } = tree.sentenceRange(v);
    const named = new Set<Entity>();
    for (let k = from; k < v; k++) {
      if (['VERB', 'AUX', 'SCONJ'].includes(tree.token(k).upos ?? '')) return undefined;
      const e = tree.entityOf[k];
      if (e?.type === 'PERSON') named.add(e);
    }
    return named.size === 1 ? [...named][0] : undefined;
  }

  /** The person a pronoun at token `i` refers to, recorded as its mention. */
  pronoun(i: number): Entity | undefined {
    const gender = PRONOUN_GENDER[this.tree.token(i).text.toLowerCase()];
    const sentence = this.sentenceOf(i);
    let best: Known | undefined;
    let top = -Infinity;
    const main = this.mainPerson();
    const reporter = this.reporterOf(i);
    // a pronoun does not reach back over a paragraph break past someone the paragraph has named:
    // "Another defender, Arno Belin, was arrested … He was released" is Belin, however often the
    // report named its main person before
    const here = this.paragraphOf(sentence);
    const asSubject = this.isSubject(i);
    // "his family … where he is held": a singular pronoun is no collective's
    // "Judge Zhuk sentenced him": an object pronoun is never its own verb's subject (that is "himself")
    const clausemate = this.subjectOfObject(i);
    // "A cousin who helped to identify him": a pronoun inside a description's own words is someone else
    const at = this.tree.token(i);
    const inOwnWords = (k: Known) => k.entity.mentions.some((m) => m.kind === 'description' && m.start <= at.start && at.end <= m.end);
    // "A and B were picked up with her": an oblique pronoun is none of the people its clause's subject names
    const subjects = this.obliqueClausemates(i);
    // "the court, presided by Judge X, replaced his detention": nor anyone named in the subject's own words
    for (const e of this.orderersOf(i)) subjects.add(e);
    const fits = (k: Known) => k.entity !== clausemate && !subjects.has(k.entity) && !inOwnWords(k) && sentence - k.sentence >= 0 && sentence - k.sentence <= WINDOW && !(gender && k.gender && k.gender !== gender) && !(gender && [...k.nouns].some((n) => COLLECTIVES.has(n)));
    // only those in view can fit
    const inView = this.inView(sentence);
    const inParagraph = inView.some((k) => fits(k) && k.sentence >= 0 && this.paragraphOf(k.sentence) === here);
    // "His lawyer said he was beaten", "her family say she was taken": one known only through a
    // person, speaking, tells of that person (gender still decides: "his wife said she was afraid")
    const of = this.relationSpeakerOf(i)?.relation?.of;
    const spokenFor = of ? this.byId.get(of) : undefined;
    // (named in the speaker's own words, "Penn's family", however long ago the report last named them)
    const agrees = (k: Known) => !(gender && k.gender && k.gender !== gender);
    const speaksFor = spokenFor && agrees(spokenFor) && !(gender && reporter?.gender === gender && !spokenFor.gender);
    if (speaksFor) best = spokenFor;
    const clauseOwner = asSubject ? this.adverbialClauseSubject(i) : undefined;
    const heldBefore = asSubject && !clauseOwner ? this.heldInSentenceBefore(i) : undefined;
    // "X was detained at a checkpoint. Her whereabouts are unknown": the owner of the subject goes on with the subject before, as a subject does
    const subjectsOwner = this.tree.token(i).deprel === 'nmod:poss' && this.isSubject(this.tree.head(i));
    if (!speaksFor) for (const k of inView) {
      const distance = sentence - k.sentence;
      if (!fits(k)) continue;
      if (inParagraph && this.paragraphOf(k.sentence) < here) continue;
      // the person the report is about is "he" more often than whoever spoke last
      // a subject pronoun goes on with the subject of the sentence before (unless that one only spoke)
      // (not in an adverbial clause of a verb whose subject is a person: "A, now 24, spent eight
      // months in prison after he was arrested" is A, whoever the sentence before was about)
      // (an owner only when the gender is known to agree: "His wife, …, and a lawyer, X, went … His whereabouts" is not X's)
      // (not the jailer: "A judge remanded her in custody. She was taken to prison" goes on with "her")
      const continued = (asSubject || (subjectsOwner && gender !== undefined && k.gender === gender)) && distance === 1 && k.subject && !k.spoke && !clauseOwner && !heldBefore;
      const score = (WINDOW - distance) * 2 + (k.subject ? 1.5 : 0) + (continued || k.entity === clauseOwner ? 3 : 0) + (k.entity === heldBefore ? 4.5 : 0) + Math.min(k.count, 5) * 0.2 + (k === main ? 1.5 : 0) + (gender && k.gender === gender ? 2 : 0) + (k === reporter ? 3 : 0);
      if (score > top) [best, top] = [k, score];
    }
    // nobody in view: the report's main person, when the gender allows
    // the subject of "said" right after a quotation is the one who spoke before
    const previous = this.lastSpeaker;
    // (not from a paragraph before one that names someone who fits: "Dr. Lulwa …, was suspended after
    // she told a programme"; but '"…," she said' right after a quotation is still its speaker, whoever it names)
    const speakerBefore = previous !== undefined && inParagraph && previous.sentence >= 0 && this.paragraphOf(previous.sentence) < here && !this.afterQuotation(i);
    if (previous && !speakerBefore && this.speaks(i) && sentence - previous.sentence <= WINDOW && !(gender && previous.gender && previous.gender !== gender) && !(gender && previous.plural)) best = previous;
    const fallback = this.mainPerson();
    if (!best && fallback && !(gender && fallback.gender && fallback.gender !== gender)) best = fallback;
    if (!best) return undefined;
    this.mention(best.entity, i, i, 'pronoun');
    this.at.set(i, best.entity);
    const k = this.note(best.entity, sentence, asSubject, gender);
    const spoke = this.speaks(i);
    // "A told reporters that he had been held": the pronoun is inside A's own words, and A's act in
    // the sentence is still the telling (the next sentence's "he" need not go on with A)
    if (asSubject && !(best === reporter && !spoke)) k.spoke = spoke;
    if (spoke) this.lastSpeaker = k;
    return best.entity;
  }

  /**
   * "Penn's family said they had not been told where he was held": one known through a person
   * ("Penn's family", "his lawyer") who speaks, however deep in what they say the pronoun stands.
   */
  private relationSpeakerOf(i: number): Entity | undefined {
    const tree = this.tree;
    let v = tree.head(i);
    for (let hops = 0; v >= 0 && hops < 3; hops++) {
      if (!['ccomp', 'advcl', 'parataxis'].includes((tree.token(v).deprel ?? '').split(':')[0]!)) return undefined;
      const up = tree.head(v);
      if (up < 0) return undefined;
      if (this.speech.has(tree.lemma(up))) {
        const e = tree
          .kids(up, 'nsubj')
          .map((subject) => this.at.get(subject) ?? tree.entityOf[subject])
          .find((x) => x?.relation?.of);
        if (e) return e;
      }
      v = up;
    }
    return undefined;
  }

  /** "Castell said she had not been allowed": the subject of the speech verb whose clause holds the pronoun. */
  private reporterOf(i: number): Known | undefined {
    const tree = this.tree;
    const verb = tree.head(i);
    const speech = verb >= 0 && tree.token(verb).deprel === 'ccomp' ? tree.head(verb) : -1;
    if (speech < 0 || !this.speech.has(tree.lemma(speech))) return undefined;
    // "Senior party leader Ivo Rant claimed …", parsed with both "leader" and the name as subjects: the one that names someone
    // "Party leader and former minister Ivo Rant told …": the name in apposition to the subject's last title
    const apposed = (subject: number) => [subject, ...tree.kids(subject, 'conj')].flatMap((n) => tree.kids(n, 'appos')).map((a) => tree.entityOf[a]).find((x) => x?.type === 'PERSON');
    const e = tree
      .kids(speech, 'nsubj')
      .map((subject) => this.entityAt(subject) ?? apposed(subject))
      .find((x) => x !== undefined);
    return e ? this.known.get(e) : undefined;
  }

  /** The person the report is about: named most often in the whole report (the first named, on a tie). */
  private mainPerson(): Known | undefined {
    return this.main ? this.known.get(this.main) : undefined;
  }

  /** A description headed by noun token `h` over tokens [first, last]; what it refers to is remembered at `h`. */
  description(h: number, first: number, last: number, possessor: Entity | undefined, determiner: string | undefined): void {
    const e = this.describe(h, first, last, possessor, determiner);
    if (!e) return;
    this.at.set(h, e);
    // as with a name: "his lawyer told the network" makes the lawyer a source, not who the next sentence is about
    const k = this.known.get(e);
    if (k && this.tree.token(h).xpos === 'NNS' && !e.mentions.some((m) => (m.kind ?? 'name') === 'name')) k.plural = true;
    if (k && this.isSubject(h)) k.spoke = this.speaks(h);
    if (this.speaks(h)) this.lastSpeaker = k;
  }

  private describe(h: number, first: number, last: number, possessor: Entity | undefined, determiner: string | undefined): Entity | undefined {
    const tree = this.tree;
    const lemma = tree.lemma(h);
    const sentence = this.sentenceOf(h);
    const gender = genderOfWord(this.nouns, lemma);
    // a name in apposition is who the description is: "Reyvik's lawyer, Mira Castell"
    const appos = tree.kids(h, 'appos').find((a) => tree.entityOf[a]?.type === 'PERSON');
    // "a journalist with Ogun Radio, Funke Adeyemi,": the parse hangs the name on the description's last noun
    const late = appos === undefined ? apposedAfter(tree, h, last) : undefined;
    if (late !== undefined) last = late.comma - 1;
    // (an indefinite description only: "A, 29, her husband, and a neighbour" lists three people)
    const before = appos === undefined && late === undefined && (determiner === 'a' || determiner === 'an') && !this.nouns.relational.has(lemma) ? apposedBefore(tree, first, last) : undefined;
    // "a journalist named Vera Lind", "an activist called X": the name the description is given
    // (the parse may hang the name elsewhere: "A journalist named X was arrested" reads X as a second subject)
    const calledAt = appos === undefined && late === undefined && before === undefined ? tree.kids(h, 'acl').find((a) => a === h + 1 && ['name', 'call'].includes(tree.lemma(a)) && tree.entityOf[a + 1]?.type === 'PERSON') : undefined;
    const called = calledAt !== undefined ? tree.entityOf[calledAt + 1] : undefined;
    const named = appos !== undefined ? tree.entityOf[appos] : late !== undefined ? tree.entityOf[late.name] : (before ?? called);
    // "Zalan's lawyer said his client had been released": the client of the lawyer just named is the one they speak for
    if (CLIENT.has(lemma) && !named) {
      const lawyer = this.created.find((e) => e.relation && LAWYERS.has(e.relation.type) && (this.known.get(e)?.sentence ?? -Infinity) >= sentence - 1);
      const of = lawyer?.relation!.of;
      const client = of !== undefined && of !== null ? this.byId.get(of)?.entity : undefined;
      if (client) {
        this.mention(client, first, last, 'description');
        this.note(client, sentence, this.isSubject(h), gender, lemma);
        return client;
      }
    }
    if (this.nouns.relational.has(lemma) && (possessor || named)) {
      let target = named ?? this.created.find((e) => e.relation?.type === lemma && e.relation.of === (possessor?.id ?? null));
      if (!target) {
        target = { id: '', type: 'PERSON', name: tree.doc.text.slice(tree.token(first).start, tree.token(last).end), mentions: [], titles: [] };
        this.created.push(target);
      }
      if (possessor && !target.relation) target.relation = { type: lemma, of: possessor.id };
      if (named) addTitle(target, lemma);
      this.mention(target, first, last, 'description');
      this.note(target, sentence, this.isSubject(h), gender, lemma);
      return target;
    }
    if (named) {
      // "A police spokesman, Ilse Varga": the description is her title
      if (this.nouns.titles.has(lemma)) addTitle(named, titleOfNoun(tree, h));
      // "a cameraman who works with A, B, 28, was detained", "A reporter for Kesh Post, B, 31, was
      // detained": the parse hangs the name elsewhere, so the description is B's mention
      // (not "Police detained a journalist, Ilse Varga said": a name that no comma closes may begin a clause of its own)
      if ((late && (late.relative || setOff(tree, late.name, tree.sentenceRange(h).to))) || before || called) this.mention(named, first, h, 'description');
      this.note(named, sentence, this.isSubject(h), gender, lemma);
      return named;
    }
    if (determiner === "the" || determiner === "this" || determiner === "that") {
      // "the activist, journalist and critic": any of the nouns joined may be the one a person was called
      // "the first women's march", "the journalists": a plural is a group, never one person named before
      const candidate = this.definite([lemma, ...singularNounsJoined(tree, h)]);
      const found = candidate && tree.token(h).xpos === 'NNS' && !candidate.plural ? undefined : candidate;
      if (found) {
        this.mention(found.entity, first, last, 'description');
        this.note(found.entity, sentence, this.isSubject(h), gender, lemma);
        return found.entity;
      }
      // "The founder of the outlet Harbour Lens was jailed on Thursday … Kwok Ka-lok, 39, pleaded
      // guilty": a lede's definite description of someone a passive befalls, named in the next sentences
      const lede = determiner === 'the' && !this.ledeTold && tree.token(h).deprel === 'nsubj:pass' && tree.token(h).xpos === 'NN' ? this.ledePerson(h, sentence, true) : undefined;
      if (lede) {
        this.ledeTold = true;
        addTitle(lede, titleOfNoun(tree, h));
        this.mention(lede, first, last, 'description');
        this.note(lede, sentence, true, gender, lemma);
      }
      return lede;
    }
    // a lede's "A Kenyan blogger who has been held … has been allowed to call his family" or "a jury
    // found a rights activist not guilty", named in the next sentence or the one after as the person
    // the report is about
    const lede = (determiner === 'a' || determiner === 'an') && !this.ledeTold ? this.ledePerson(h, sentence) : undefined;
    if (lede) {
      this.ledeTold = true;
      addTitle(lede, titleOfNoun(tree, h));
      this.mention(lede, first, last, 'description');
      this.note(lede, sentence, this.isSubject(h), gender, lemma);
      return lede;
    }
    if ((determiner === 'a' || determiner === 'an') && this.worthKeeping(h)) {
      const doc = tree.doc;
      const entity: Entity = { id: '', type: 'PERSON', name: doc.text.slice(doc.tokens[first]!.start, doc.tokens[last]!.end), mentions: [], titles: [titleOfNoun(tree, h)] };
      const org = orgOfTitle(tree, h);
      if (org) entity.affiliations = [{ title: entity.titles![0]!, org }];
      this.created.push(entity);
      this.mention(entity, first, last, 'description');
      this.note(entity, sentence, this.isSubject(h), gender, lemma);
      return entity;
    }
    return undefined;
  }

  /**
   * The person a report opens on, when the indefinite subject or object at `h` opens the report (its
   * first three sentences: a headline, and a dateline the splitter may cut off, "TUCSON, Ariz.") as a
   * person at risk is described ("a blogger", "an activist"), among the people first named in the
   * next two sentences and named again later: the first whose title fits the noun ("A journalist
   * was detained while preparing to interview an activist. The club said X, a reporter, …"), else
   * the report's main person, else the first of them with no title at all. Someone described
   * otherwise ("British national Y was sentenced for the murder of reporter Z") is not the lede's.
   */
  private ledePerson(h: number, sentence: number, anyTitle = false): Entity | undefined {
    if (sentence > 2 || !/^(nsubj|obj|iobj)/.test(this.tree.token(h).deprel ?? '') || !(anyTitle || this.nouns.protagonist.has(this.tree.lemma(h))) || !this.nouns.titles.has(this.tree.lemma(h))) return undefined;
    const doc = this.tree.doc;
    const noun = this.tree.lemma(h);
    const named: { entity: Entity; at: number }[] = [];
    for (const e of doc.entities) {
      if (e.type !== 'PERSON') continue;
      const mentions = nameMentions(e);
      if (mentions.length < 2) continue;
      const at = Math.min(...mentions.map((m) => m.start));
      const s = doc.sentenceAt(at);
      if (s > sentence && s <= sentence + 2) named.push({ entity: e, at });
    }
    named.sort((a, b) => a.at - b.at);
    const titled = (e: Entity) => (e.titles?.length ?? 0) > 0;
    const fitting = named.find(({ entity }) => titled(entity) && fitsRole(entity.titles!, noun));
    // (a definite description of any title: its own title's holder, or the name that opens the next sentence, of no one else's title or relation)
    if (anyTitle) {
      const opening = named.find(({ entity, at }) => !titled(entity) && !entity.relation && doc.sentences[doc.sentenceAt(at)]?.start === at && !entity.mentions.some((m) => m.kind === 'description'));
      return (fitting ?? opening)?.entity;
    }
    const main = named.find(({ entity }) => entity === this.main && (!titled(entity) || fitsRole(entity.titles!, noun)));
    return (fitting ?? main ?? named.find(({ entity }) => !titled(entity)))?.entity;
  }

  /** An indefinite person worth keeping: a subject, or the source of "according to". */
  private worthKeeping(h: number): boolean {
    return this.isSubject(h) || this.tree.caseOf(h) === 'accord';
  }

  private definite(lemmas: string[]): Known | undefined {
    const all = [...this.known.values()];
    const byRecency = (a: Known, b: Known) => b.sentence - a.sentence;
    // who holds the title, or was described by the noun before ("a U.N. official" … "the official")
    const holder = all
      .filter((k) => lemmas.some((lemma) => k.nouns.has(lemma)) || calledBy(k.entity, lemmas))
      .sort(byRecency)[0];
    if (holder) return holder;
    if (!this.nouns.protagonist.has(lemmas[0]!)) return undefined;
    return this.mainPerson();
  }
}

/** The singular nouns joined to a singular description's head: "the activist, journalist and critic"; none for "the way journalists and writers". */
export function singularNounsJoined(tree: Tree, h: number): string[] {
  if (tree.token(h).xpos !== 'NN') return [];
  return tree.kids(h, 'conj').filter((c) => tree.token(c).xpos === 'NN').map((c) => tree.lemma(c));
}

/**
 * A name set off by commas after a description whose phrase runs on past its noun ("a journalist
 * with Ogun Radio, (Mrs.) Funke Adeyemi, who …"), which the parse hangs as an apposition of a later
 * noun of the phrase: the name's token and the comma before it. Only a name right after the first
 * comma past the noun, with nothing but the phrase's own nouns and prepositions before that comma.
 */
function apposedAfter(tree: Tree, h: number, last: number): { name: number; comma: number; relative?: true } | undefined {
  // "another of the detained lawmakers, A,": a plural is a group the name is one of, not who the description is
  if (tree.token(h).xpos !== 'NN') return undefined;
  const { to } = tree.sentenceRange(h);
  // an outlet's name that ends the phrase may stand outside its words: "a cameraman for the local channel | Chira TV, Dilan Omer,"
  // (and the words of such a name the recogniser left out of it: "the local channel Chira | TV, Dilan Omer,")
  let end = last;
  const outletWord = (k: number) => (tree.entityOf[k] ? tree.entityOf[k]!.type !== 'PERSON' : tree.token(k).upos === 'PROPN' && k > last && tree.entityOf[k - 1] !== undefined && tree.entityOf[k - 1]!.type !== 'PERSON');
  while (end + 1 < to && outletWord(end + 1)) end++;
  for (let k = h + 1; k <= Math.max(end + 1, h + 8) && k < to; k++) {
    const t = tree.token(k);
    if (t.text === ',') {
      let n = k + 1;
      if (/^(?:mr|mrs|ms|dr|prof)\.?$/i.test(tree.token(n)?.text ?? '')) n++;
      // (however the parse hung a name set off by a comma of its own: "A cameraman for the channel Chira TV, Dilan Omer, said")
      return n <= end + 2 && tree.entityOf[n]?.type === 'PERSON' && (/^(appos|flat|compound|conj)/.test(tree.token(n).deprel ?? '') || setOff(tree, n, to)) ? { name: n, comma: k } : undefined;
    }
    // "A cameraman who works with A, B, 28, was also detained": the name set off after a relative clause
    if (/^(?:who|that)$/i.test(t.text) && k > h) return nameAfterRelative(tree, k, to);
    // "The third reporter named in the indictment, B, was detained": so after a participle that
    // describes the noun (the parse may hang the name on the participle's own noun)
    if (k === h + 1 && tree.describingParticiple(k, h)) return nameAfterRelative(tree, k, to);
    if (!['ADP', 'DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'PART'].includes(t.upos ?? '') || tree.entityOf[k]?.type === 'PERSON') return undefined;
  }
  return undefined;
}

/**
 * The person named just before a description set off by commas after their age, which the parse
 * may hang anywhere: "Camila Ortun, 20, a sociology student, was detained" → Camila Ortun. Only
 * when a comma closes the description and no list goes on after it (not "A, 20, a student and B").
 */
function apposedBefore(tree: Tree, first: number, last: number): Entity | undefined {
  const { to } = tree.sentenceRange(first);
  if (last + 1 >= to || tree.token(last + 1).text !== ',') return undefined;
  // a list goes on after the comma: "Ivo Sarn, 31, a woman who filmed the raid, and two students"
  if (/^(?:and|or)$/i.test(tree.token(last + 2)?.text ?? '')) return undefined;
  const name = tree.beforeAge(first);
  const person = name === undefined ? undefined : tree.entityOf[name];
  return person?.type === 'PERSON' ? person : undefined;
}

/** The last token of the name that starts at `n`, within the sentence ending before `to`. */
function nameEnd(tree: Tree, n: number, to: number): number {
  const person = tree.entityOf[n];
  let end = n;
  while (end + 1 < to && tree.entityOf[end + 1] === person) end++;
  return end;
}

/** Whether the name at `n` is set off by a comma of its own that no list goes on from: "…, Dilan Omer, said". */
function setOff(tree: Tree, n: number, to: number): boolean {
  const end = nameEnd(tree, n, to);
  const next = tree.token(end + 2);
  return tree.token(end + 1)?.text === ',' && next !== undefined && !/^(?:and|or)$/i.test(next.text) && tree.entityOf[end + 2]?.type !== 'PERSON';
}

/** The longest relative clause a description's apposed name may follow. */
const LONGEST_RELATIVE = 12;

/**
 * After "who"/"that" at `k`, the first comma, when a person's name follows it and closes with a
 * comma of its own (or an age set off by commas): "who works with A, B, 28, was detained" → B.
 */
function nameAfterRelative(tree: Tree, k: number, to: number): { name: number; comma: number; relative: true } | undefined {
  for (let j = k + 1; j < Math.min(to, k + LONGEST_RELATIVE); j++) {
    if (tree.token(j).text !== ',') continue;
    let n = j + 1;
    if (/^(?:mr|mrs|ms|dr|prof)\.?$/i.test(tree.token(n)?.text ?? '')) n++;
    if (tree.entityOf[n]?.type !== 'PERSON') return undefined;
    return tree.token(nameEnd(tree, n, to) + 1)?.text === ',' ? { name: n, comma: j, relative: true } : undefined;
  }
  return undefined;
}
