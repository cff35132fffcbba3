import { tokenAt, tokenIndexAfter } from '../../text/align.js';
import type { Entity, Role } from '../../text/types.js';
import { nameMentions } from '../../text/types.js';
import { OWN_BODY, PERSON_PRONOUNS, PRONOUN_GENDER, loadRoleNouns } from '../coref/lexicon.js';
import { singularNounsJoined } from '../coref/resolve.js';
import { calledBy } from '../coref/titles.js';
import { loadNames } from '../learn/names.js';
import type { Lexicon } from './lexicon.js';
import { RELATIVE_PRONOUNS, type Tree } from '../syntax/tree.js';
import { RELATIONAL } from '../syntax/spoken-for.js';
import { nameSpan } from './coordination.js';

/** First-person pronouns a quotation's speaker says of themselves (or of a group they are in). */
const FIRST_PERSON = new Set(['i', 'me', 'we', 'us']);

/**
 * A role's head token → the role: the words of its phrase and the document entity they name.
 * A name points to its entity directly. A pronoun ("he was handed over") points to the person
 * most in view: mentioned in the last three sentences, as a subject or object, most often and
 * most recently. A description of a person ("the union leader", "the head of a …
 * dockworkers' union") points to the report's most-mentioned person — in a report about one detained
 * activist, that is who "the activist" is. Both are guesses and say so by lowering confidence.
 */


/** How many tokens after a description the name coreference tied it to may stand, for an apposition. */
const APPOSED_REACH = 25;

/** How many words a participle clause between a description and its apposed name may take: "the reporter named in the indictment, A,". */
const PARTICIPLE_REACH = 12;

export interface Linked {
  role: Role;
  /** The entity was inferred (pronoun or description), not named. */
  inferred: boolean;
}

interface MentionRef {
  entity: Entity;
  start: number;
  end: number;
  sentence: number;
}

export class EntityLinker {
  private readonly mentions: MentionRef[];
  private readonly salient: Entity | undefined;
  /** The sentence where the salient person is first named. */
  private readonly salientFrom: number;
  /** Pronouns the coreference layer resolved, by their start offset. */
  private readonly resolvedPronouns = new Map<number, Entity>();
  /** Descriptions the coreference layer tied to a person ("the activist" → the person called an activist before). */
  private readonly descriptions: { entity: Entity; start: number; end: number }[] = [];

  constructor(
    private readonly tree: Tree,
    private readonly lexicon: Lexicon,
  ) {
    const doc = tree.doc;
    // names only: coreference's descriptions are taken only where they are sure (a title of the
    // person's, a lawyer's client, a lede named next), and otherwise guessed this linker's own way
    this.mentions = doc.entities
      .flatMap((e) => nameMentions(e).map((m) => ({ entity: e, start: m.start, end: m.end, sentence: doc.sentenceAt(m.start) })))
      .sort((a, b) => a.start - b.start);
    for (const e of doc.entities) {
      for (const m of e.mentions) {
        if (m.kind === 'pronoun') this.resolvedPronouns.set(m.start, e);
        else if (m.kind === 'description' && e.type === 'PERSON') this.descriptions.push({ entity: e, start: m.start, end: m.end });
      }
    }
    const persons = doc.entities.filter((e) => e.type === 'PERSON').map((e) => ({ e, named: nameMentions(e) })).filter((p) => p.named.length > 0);
    this.salient = persons.sort((a, b) => b.named.length - a.named.length || a.named[0]!.start - b.named[0]!.start)[0]?.e;
    this.salientFrom = this.mentions.find((m) => m.entity === this.salient)?.sentence ?? Infinity;
  }

  /**
   * The named person who speaks the quoted words that hold offset `at`, when there is one. A mixed
   * quote's words outside its quotation marks are the reporter's: "A said he had been warned that
   * taking 'such cases' …" tells of A in the third person, so "he" there is no one else than A.
   */
  private quoteSpeakerAt(at: number): Entity | undefined {
    const doc = this.tree.doc;
    const q = doc.quotes.find((x) => x.kind !== 'indirect' && x.start <= at && at < x.end);
    if (q?.kind === 'mixed' && !insideMarks(doc.text, q.start, at)) return undefined;
    // (`speaker` is a named entity by the format's contract; `speakerEntity` may be someone unnamed)
    const e = q?.speaker ? doc.entities.find((x) => x.id === q.speaker) : undefined;
    return e?.type === 'PERSON' ? e : undefined;
  }

  /** "Altermidya Network correspondent Frenchie Cumpo": the person named right after the role words that follow an organisation. */
  private personAfterRole(last: number): Entity | undefined {
    const person = this.tree.personAfterRoleWords(last + 1, 3);
    return person === undefined ? undefined : this.tree.entityOf[person];
  }

  /**
   * "the assassination of Kremlin-backed Chechen President X": a place or body joined by a hyphen
   * to a participle ("-backed", "-led", "-based") modifies the words after it; the person they end
   * with, past capitalised titles and adjectives, is the one named. The last token of the name.
   */
  private personAfterCompound(head: number): number | undefined {
    const tree = this.tree;
    const { to } = tree.sentenceRange(head);
    if (!tree.entityOf[head]) return undefined;
    const k = nameSpan(tree, head)[1];
    if (tree.token(k + 1)?.text !== '-' || !/^\p{Ll}+(?:ed|en|based)$/u.test(tree.token(k + 2)?.text ?? '')) return undefined;
    let j = k + 3;
    while (j < to && j - k < 9 && tree.entityOf[j]?.type !== 'PERSON' && ['PROPN', 'ADJ', 'NOUN'].includes(tree.token(j).upos ?? '') && /^\p{Lu}/u.test(tree.token(j).text)) j++;
    if (tree.entityOf[j]?.type !== 'PERSON') return undefined;
    const end = nameSpan(tree, j)[1];
    // (not "President A's chief of staff": whose, not who)
    return /^['’]s?$/.test(tree.token(end + 1)?.text ?? '') ? undefined : end;
  }

  /** The person the coreference layer tied the description headed by `head` to. */
  private describedAt(head: number): Entity | undefined {
    const at = this.tree.doc.tokens[head]!.start;
    return this.descriptions.find((d) => d.start <= at && at < d.end)?.entity;
  }

  /** The named person the coreference layer tied the description headed by `head` to ("his client", a lede's "a blogger"). */
  private namedDescribed(head: number): Entity | undefined {
    const e = this.describedAt(head);
    return e?.type === 'PERSON' && nameMentions(e).length > 0 ? e : undefined;
  }

  /**
   * The person the coreference layer tied the singular description headed by `head` to, when it
   * names them later in the same sentence, close by: an apposition the parse hung elsewhere ("A
   * cameraman who works with Lugo, José Piñango, 28, was also detained", with the name read as
   * Lugo's). A name in another sentence is a guess this linker makes its own way.
   */
  private namedInSentence(head: number): Entity | undefined {
    const tree = this.tree;
    if (tree.token(head).upos !== 'NOUN' || tree.token(head).xpos === 'NNS') return undefined;
    // "the lawyer who represents the poet, Ivo Sarn,": someone defined through another may be named for that other
    // (not "The friend who lived with her, Nilofar Amiri,": no one else is named before the name)
    if (tree.kids(head, 'nmod:poss').length > 0) return undefined;
    const e = this.namedDescribed(head);
    if (RELATIONAL.has(tree.lemma(head)) && (!e || this.namedBetween(head, e))) return undefined;
    const at = tree.doc.tokens[head]!.start;
    const { to } = tree.sentenceRange(head);
    const until = tree.doc.tokens[Math.min(to, head + APPOSED_REACH) - 1]!.end;
    // a name that a verb follows is a clause's subject, not an apposition: "arrested the lawyer, Ilse Varn said"
    const subjectOfVerb = (end: number): boolean => ['VERB', 'AUX', 'PART'].includes(tree.doc.tokens[tokenIndexAfter(tree.doc.tokens, end)]?.upos ?? '');
    return e && nameMentions(e).some((m) => m.start > at && m.start < until && !subjectOfVerb(m.end)) ? e : undefined;
  }

  /** Whether someone other than `e` may be who description `head` is defined through: named between them, or a noun the name may be set off after. */
  private namedBetween(head: number, e: Entity): boolean {
    const doc = this.tree.doc;
    const at = doc.tokens[head]!.start;
    const name = nameMentions(e).find((m) => m.start > at);
    if (!name) return true;
    let k = head + 1;
    for (; k < doc.tokens.length && doc.tokens[k]!.start < name.start; k++) {
      const other = this.tree.entityOf[k];
      if (other && other !== e && other.type !== 'LOC') return true;
    }
    // the name set off right after a pronoun ("who lived with her, Nilofar Amiri"), not after a noun
    // it could be the apposition of ("who represents the poet, Ivo Sarn")
    const before = doc.tokens[k - 1]?.text === ',' ? doc.tokens[k - 2] : undefined;
    return before?.upos !== 'PRON';
  }

  /** The person the coreference layer tied description `head` to, when one of the description's nouns ends a title of theirs. */
  private titledDescription(head: number): Entity | undefined {
    const e = this.describedAt(head);
    return e && calledBy(e, [this.tree.lemma(head), ...singularNounsJoined(this.tree, head)]) ? e : undefined;
  }

  private entityAt(first: number, last: number, head: number): Entity | undefined {
    const inHead = this.tree.entityOf[head];
    // a head outside the phrase is a dateline cut off it ("KARSVIK — Police in Karsvik")
    if (inHead) return head >= first && head <= last ? inHead : undefined;
    // a name fused to the head ("union leader Tomas Reyvik" parsed with leader as head), not any
    // name inside the phrase ("the activist to Velmora" is not Velmora)
    for (const c of this.tree.kids(head, 'compound', 'flat', 'appos')) {
      const e = this.tree.entityOf[c];
      if (e && e.type !== 'LOC' && c >= first && c <= last) return e;
    }
    return undefined;
  }

  /** Index of the first mention for which `before` is false (mentions are in text order). */
  private lowerBound(before: (m: MentionRef) => boolean): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(this.mentions[mid]!)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private personWithin(start: number, end: number, atEnd = false): Entity | undefined {
    for (let i = this.lowerBound((m) => m.start < start); i < this.mentions.length && this.mentions[i]!.start < end; i++) {
      const m = this.mentions[i]!;
      // at the end, a name after a preposition is whose, not who: "the lawyer of Ivo Sarn"
      if (m.entity.type === 'PERSON' && m.end <= end && (!atEnd || (m.end === end && !this.afterPreposition(m.start)))) return m.entity;
    }
    return undefined;
  }

  /**
   * Whether the phrase names the person through a relation before them: "the son of (activist) X",
   * "two relatives of X" (the parser may make the name the phrase's head and the relation its modifier).
   */
  private namedThrough(first: number, last: number, person: Entity): boolean {
    const tree = this.tree;
    // (not past a comma: "the spokesman of the party, Ivo Rant," is Ivo Rant)
    let through = false;
    for (let k = first; k <= last; k++) {
      if (tree.entityOf[k] === person) return through;
      if (tree.token(k).text === ',') through = false;
      else if (RELATIONAL.has(tree.lemma(k).toLowerCase()) && tree.token(k + 1)?.text.toLowerCase() === 'of') through = true;
    }
    return false;
  }

  private afterPreposition(start: number): boolean {
    const doc = this.tree.doc;
    const k = tokenAt(doc, start) - 1;
    return k >= 0 && doc.tokens[k]!.upos === 'ADP';
  }

  /** The nearest organisation named before `start` whose name ends in `word` ("Karsvik authorities" for "authorities"). */
  private bodyBefore(start: number, word: string): MentionRef | undefined {
    for (let i = this.lowerBound((m) => m.start < start) - 1, seen = 0; i >= 0 && seen < 500; i--, seen++) {
      const m = this.mentions[i]!;
      if (m.entity.type === 'ORG' && m.entity.name.toLowerCase().endsWith(word)) return m;
    }
    return undefined;
  }

  private antecedent(pronoun: number): Entity | undefined {
    const doc = this.tree.doc;
    const at = doc.tokens[pronoun]!.start;
    const sentence = doc.sentenceAt(at);
    const scores = new Map<Entity, number>();
    // "she" is not the man named beside her, when his given name says he is one
    const gender = PRONOUN_GENDER[doc.tokens[pronoun]!.text.toLowerCase()];
    const names = loadNames();
    const agrees = (e: Entity) => !gender || (names.gender(e.name.split(/\s+/)[0] ?? '') ?? gender) === gender;
    // only the last three sentences count: start there, not at the top of a long report
    for (let i = this.lowerBound((m) => m.sentence < sentence - 3); i < this.mentions.length; i++) {
      const m = this.mentions[i]!;
      if (m.start >= at) break;
      if (m.entity.type !== 'PERSON' || sentence - m.sentence > 3 || !agrees(m.entity)) continue;
      const distance = sentence - m.sentence;
      scores.set(m.entity, (scores.get(m.entity) ?? 0) + 1 + 1 / (1 + distance) + (m.start > at - 400 ? 0.1 : 0));
    }
    let best: Entity | undefined;
    let top = 0;
    for (const [e, s] of scores) if (s > top) [best, top] = [e, s];
    return best ?? (this.salient && agrees(this.salient) ? this.salient : undefined);
  }

  /**
   * The last token of a name that stands for the role noun at `head` (its phrase ending at
   * `last`): after it come only more role words ("and activist"), at most one comma, then the
   * name, which no verb follows ("the journalist, Ilse Varga said" is Varga speaking).
   */
  private nameAfterRole(head: number, last: number): number | undefined {
    const tree = this.tree;
    const t = tree.token(head);
    const roles = loadRoleNouns().titles;
    const isRole = (j: number) => roles.has(tree.lemma(j)) || this.lexicon.personNouns.has(tree.lemma(j));
    if (t.upos !== 'NOUN' || t.xpos === 'NNS' || !isRole(head) || RELATIONAL.has(tree.lemma(head))) return undefined;
    const { to } = tree.sentenceRange(head);
    let j = last + 1;
    let commas = 0;
    // "(jailed blogger) A": a description in brackets that opened a few words before the role, right before the name
    let bracket = false;
    for (let k = head - 1; k >= Math.max(tree.sentenceRange(head).from, head - 4) && !bracket; k--) {
      if (tree.token(k).text === ')') break;
      bracket = tree.token(k).text === '(';
    }
    while (j < to && j - last <= 6 && tree.entityOf[j]?.type !== 'PERSON') {
      const w = tree.token(j);
      if (w.text === ')' && bracket && tree.entityOf[j + 1]?.type === 'PERSON') {
        j++;
        break;
      }
      if (w.text === ',') commas++;
      else if (!(w.upos === 'CCONJ' || ((w.upos === 'NOUN' || w.upos === 'ADJ') && /^\p{Ll}/u.test(w.text)))) return undefined;
      if (commas > 1) return undefined;
      j++;
    }
    const e = tree.entityOf[j];
    if (e?.type !== 'PERSON' || tree.entityOf[j - 1] === e) return undefined;
    let end = j;
    while (tree.entityOf[end + 1] === e) end++;
    const next = end + 1 < to ? tree.token(end + 1) : undefined;
    if (next && (next.upos === 'VERB' || next.upos === 'PART')) return undefined;
    return end;
  }

  /**
   * "Orla's brother, the teacher and housing campaigner Wen Dai, is held", "arrested the lawyer,
   * Wen Dai, on Monday": a singular noun followed by a description that ends in a person's name,
   * or by the name alone, between commas, is that person. Returns the last token of the name.
   */
  private namedApposition(head: number, last: number): number | undefined {
    const tree = this.tree;
    const t = tree.token(head);
    const { to } = tree.sentenceRange(head);
    // "the third reporter named in the indictment, Selin Avar,": past a participle that describes the
    // noun, up to the first comma (the parse may hang the name on the participle's own noun)
    if (tree.describingParticiple(last + 1, head)) {
      let k = last + 1;
      while (k + 1 < to && k - last < PARTICIPLE_REACH && tree.token(k + 1).text !== ',') k++;
      last = k;
    }
    // "the cameraman of the private channel Tele Varsk, Herve Balek,": a name the phrase ends with
    // (an outlet's, an organisation's, a place's) may be left outside it by the parse
    // (and "a former fighter with the Dravin Front, Marek Solt,": the organisation behind a preposition)
    let comma = last + 1;
    if (tree.token(comma)?.upos === 'ADP' && /^(?:with|of|from|for|at)$/.test(tree.token(comma)!.text)) {
      let k = comma + 1;
      if (tree.token(k)?.upos === 'DET') k++;
      const body = tree.entityOf[k];
      if (body && body.type !== 'PERSON') comma = k;
    }
    while (comma < to && comma - last <= 8 && tree.entityOf[comma] && tree.entityOf[comma]!.type !== 'PERSON') comma++;
    // "one of the strike organisers, Tomas Varga,": one of a kind, set off by its name
    const oneOf = t.text.toLowerCase() === 'one' && tree.token(head + 1)?.text.toLowerCase() === 'of';
    // (its kind read from the words up to the comma, however the parse hung them: "one of the most wanted rebel commanders,")
    if (oneOf && tree.token(comma)?.text !== ',') {
      let k = head + 2;
      // (a kind's words only: not past a verb of its own, a relative pronoun, a date or a place's preposition: "one of the suspects on Monday, A, a spokesman, said")
      const clause = (j: number) => ['VBZ', 'VBP', 'MD'].includes(tree.token(j).xpos ?? '') || RELATIVE_PRONOUNS.has(tree.token(j).text.toLowerCase()) || tree.inTimex(j) || (tree.token(j).upos === 'ADP' && tree.token(j).text.toLowerCase() !== 'of');
      while (k < to && k - head <= 10 && tree.token(k).text !== ',' && tree.entityOf[k]?.type !== 'PERSON' && !clause(k)) k++;
      if (tree.token(k)?.text === ',') comma = k;
    }
    if (!((t.upos === 'NOUN' && t.xpos !== 'NNS') || oneOf) || tree.token(comma)?.text !== ',') return undefined;
    last = comma - 1;
    // read from the words, the parse of such a stretch is often wrong: ", the … campaigner Wen Dai,"
    let j = last + 2;
    const describing = (n: number) => ['DET', 'NOUN', 'ADJ', 'CCONJ'].includes(tree.token(n).upos ?? '') && /^\p{Ll}/u.test(tree.token(n).text);
    while (j < to && j - last < 12 && !tree.entityOf[j] && describing(j)) j++;
    const e = tree.entityOf[j];
    if (e?.type !== 'PERSON') return undefined;
    let end = j;
    while (tree.entityOf[end + 1] === e) end++;
    // a bare name right after the comma ("arrested the lawyer, Mira Castell, on Monday") must close
    // with a comma of its own, or the sentence: "the lawyer, Mira Castell said" is a speaker
    // (nor a name a verb of speech comes back to: "arrested one of the protesters, A, the group's leader, said")
    if (j === last + 2) return (end + 1 >= to || tree.token(end + 1).text === ',' || (end + 2 >= to && /^[.!]$/.test(tree.token(end + 1).text))) && !speaksLater(tree, this.lexicon.speech, end, to) ? end : undefined;
    return end + 1 >= to || /^[,.;]$/.test(tree.token(end + 1).text) ? end : undefined;
  }

  /**
   * "the suspect, identified as Jonas Mertz", "a journalist named Ivo Sarn", "an activist called
   * A": the person a description's "identified/named as", or its participle "named"/"called", names
   * (not "a lawyer named in the report", "named by the court").
   */
  private identifiedAs(head: number): Entity | undefined {
    const tree = this.tree;
    if (tree.token(head).upos !== 'NOUN') return undefined;
    for (const acl of tree.kids(head, 'acl')) {
      if (!['identify', 'name', 'call'].includes(tree.lemma(acl))) continue;
      const naming = tree.lemma(acl) !== 'identify' && tree.token(acl).xpos === 'VBN';
      const as = tree.kids(acl, 'obl', 'xcomp', 'obj').find((c) => tree.entityOf[c]?.type === 'PERSON' && (tree.caseOf(c) === 'as' || (naming && tree.caseOf(c) === undefined)));
      if (as !== undefined) return tree.entityOf[as];
    }
    return undefined;
  }

  link(head: number, asTarget = false, trigger?: number): Linked {
    const tree = this.tree;
    const doc = tree.doc;
    let { first, last } = tree.phrase(head);
    // "A tribunal jailed three clerks …" parsed as a tribunal [that] jailed: the court's phrase holds the
    // whole clause; the role stops at its own event's trigger
    // …and before the words of the trigger's own clause: "the critic of | President Varn was arrested",
    // misparsed as a clause hung on "critic", is the critic
    if (trigger !== undefined && trigger !== head && first <= trigger && trigger <= last) {
      const clause = tree.phrase(trigger).first;
      if (head < trigger) last = (clause > head ? clause : trigger) - 1;
      else first = trigger + 1;
    }
    // "Joseph Lelei, whose arrest sparked protests, was charged": the relative clause is about the
    // person, not part of the words that name them
    if (trigger !== undefined && head < trigger) {
      for (let k = head + 1; k < last; k++) {
        if (tree.token(k).text === ',' && RELATIVE_PRONOUNS.has(tree.token(k + 1).text.toLowerCase())) {
          last = k - 1;
          break;
        }
      }
    }
    // dates the parser folded into a name: "Norland Wednesday deported" is Norland
    const inTimex = (i: number) => tree.inTimex(i);
    while (first < last && inTimex(last)) last--;
    while (first < last && inTimex(first)) first++;
    while (first < last && ['ADP', 'DET', 'PUNCT', 'CCONJ'].includes(doc.tokens[last]!.upos ?? '')) last--;
    // a dateline the parser took into the subject: "KARSVIK — Police in Karsvik" is the police
    for (let i = first + 1; i < Math.min(last, first + 6); i++) {
      if (/^[—–-]+$/.test(doc.tokens[i]!.text) && doc.tokens.slice(first, i).every((t) => t.text === t.text.toUpperCase())) first = i + 1;
    }
    // "the activist Mara Teller": the name in apposition belongs in the role's words
    for (const c of tree.kids(head, 'appos', 'flat', 'compound')) {
      if (c === last + 1 && tree.token(c).upos === 'PROPN' && !inTimex(c)) last = tree.phrase(c).last;
    }
    // "lawyer Mira Castell" parsed as two subjects of one verb: the name next to the noun is its apposition
    const next = doc.tokens[last + 1];
    if (asTarget && next && !tree.entityOf[head] && tree.entityOf[last + 1]?.type === 'PERSON' && next.head === doc.tokens[head]!.head) {
      last = tree.phrase(last + 1).last;
    }
    // titles joined by "and" before a name, split by the parser at the "and": "Deputy Prime Minister
    // and Minister of Justice Ilse Varga told" is Ilse Varga, up to the verb the phrase depends on
    const governor = tree.head(head);
    const titleWord = (j: number) => ['PROPN', 'ADJ'].includes(doc.tokens[j]!.upos ?? '') || ['of', 'and'].includes(doc.tokens[j]!.text);
    if (!tree.entityOf[head] && governor > last + 1 && doc.tokens[last + 1]!.text === 'and') {
      let j = last + 1;
      while (j < governor && titleWord(j)) j++;
      if (j === governor && doc.tokens[governor - 1]!.upos === 'PROPN') last = governor - 1;
    }
    // a name the parser cut ("Ho Sik | - wan"): the role takes the whole name
    const of = tree.entityOf;
    while (of[last] && of[last + 1] === of[last]) last++;
    while (first > 0 && of[first] && of[first - 1] === of[first]) first--;
    // "well-known poet and organiser Timo Esk, was detained", "a journalist and activist, Ilse
    // Varga": a role whose name follows it after more role words or a comma is that person
    // "the murder of investigative reporter Dana Corvel" with the name hung elsewhere: a singular
    // role right before a name is that person
    if (asTarget && !of[head] && of[last + 1]?.type === 'PERSON' && tree.token(head).upos === 'NOUN' && tree.token(head).xpos !== 'NNS' && this.lexicon.personNouns.has(tree.lemma(head))) {
      const name = of[last + 1];
      while (of[last + 1] === name) last++;
    }
    const after = asTarget && !of[head] && of[last + 1]?.type !== 'PERSON' ? (this.nameAfterRole(head, last) ?? this.namedApposition(head, last)) : undefined;
    if (after !== undefined) last = after;
    const start = doc.tokens[first]!.start;
    const end = doc.tokens[last]!.end;
    const text = doc.text.slice(start, end);
    let named = this.entityAt(first, last, head) ?? (inTimex(head) ? this.entityAt(first, last, last) : undefined) ?? (asTarget ? this.identifiedAs(head) : undefined);
    // A target is a person when the phrase names one, whatever the parser made its head:
    // "Velmoran activist Joran Aldemir" parsed with the demonym as head is still Aldemir.
    // With no name at the head, a name that ends the phrase is its apposition ("lawyer Mira Castell");
    // one inside it is not ("Castell's lawyer").
    if (asTarget && named && named.type !== 'PERSON') {
      const compound = this.personAfterCompound(head);
      if (compound !== undefined) return { role: { entity: tree.entityOf[compound]!.id, text: doc.text.slice(start, doc.tokens[compound]!.end), start, end: doc.tokens[compound]!.end }, inferred: false };
      named = this.personWithin(start, end) ?? this.personAfterRole(last) ?? named;
    }
    else if (asTarget && !named) named = this.personWithin(start, end, true);
    if (asTarget && !named) named = this.namedInSentence(head);
    // "the brother of journalist Lara Venn", "two relatives of X": a relation named through the person is someone else,
    // however the parser hung the name (often as the relation's apposition)
    if (asTarget && named && this.namedThrough(first, last, named)) named = undefined;
    // "Sami Rook, a student editor whom masked men seized": the description stands beside its name
    const beside = tree.token(head).deprel === 'appos' ? tree.entityOf[tree.head(head)] : undefined;
    if (asTarget && !named && beside?.type === 'PERSON' && tree.token(head).xpos !== 'NNS') named = beside;
    // the same read from the words where the parse hung the description elsewhere: "… defended
    // Mina Zhen, a blogger sentenced to three years" — a role right after "Name,"
    // (not "Mina Zhen, whose brother is held": someone defined through the name is someone else)
    const definedThrough = tree.kids(head, 'nmod:poss').length > 0 || RELATIONAL.has(tree.lemma(head));
    // (past an age set off by commas: "Camila Tovar, 20, a sociology student, was detained")
    // (and past the other roles joined to it, which the parse may hang on the last: "Daw Ni, a teacher
    // and union leader, to three years" with "leader" the head and "a teacher" its conjunct)
    let lead = first;
    for (const c of tree.kids(head, 'conj')) if (c < lead) lead = Math.min(lead, tree.phrase(c).first);
    const nameEnd = tree.beforeAge(lead) ?? lead - 2;
    if (asTarget && !named && !definedThrough && nameEnd >= 0 && doc.tokens[lead - 1]!.text === ',' && of[nameEnd]?.type === 'PERSON' && tree.token(head).upos === 'NOUN' && tree.token(head).xpos !== 'NNS' && this.lexicon.personNouns.has(tree.lemma(head))) named = of[nameEnd];
    if (named) return { role: { entity: named.id, text, start, end }, inferred: false };
    const lemma = tree.lemma(head);
    // "his client" after "Zalan's lawyer": the coreference layer found the lawyer's client, a person named in the report
    if (asTarget && lemma === 'client') {
      const client = this.namedDescribed(head);
      if (client) return { role: { entity: client.id, text, start, end }, inferred: true };
    }
    const word = doc.tokens[head]!.text.toLowerCase();
    // '"I was beaten in March," Varnam said': in a direct quotation, I is its speaker; and so is "we"
    // that something befell ('"We were arrested at the border," said Varnam'), the speaker among them
    if (asTarget && FIRST_PERSON.has(word)) {
      const speaker = this.quoteSpeakerAt(doc.tokens[head]!.start);
      if (speaker) return { role: { entity: speaker.id, text, start, end }, inferred: true };
    }
    if (PERSON_PRONOUNS.has(word) || PERSON_PRONOUNS.has(lemma)) {
      // the coreference layer weighs gender and who can be whom; without its answer, the person in view
      const e = this.resolvedPronouns.get(doc.tokens[head]!.start) ?? this.antecedent(head);
      // '"We arrested him," said the police chief, Orin Tesk': "him" in a quotation is not who speaks it
      const speaker = asTarget ? this.quoteSpeakerAt(doc.tokens[head]!.start) : undefined;
      return { role: { entity: e && e !== speaker ? e.id : null, text, start, end }, inferred: true };
    }
    // "the activist" is someone in view; "his wife" is someone else, defined through him
    // "the two journalists", "the suspects" are several people: none of them is the one in view
    // ("our president", "its treasurer": a body's own officer, as definite as "the")
    const ownBody = tree.kids(head, 'nmod:poss').some((k) => OWN_BODY.has(tree.token(k).text.toLowerCase()));
    const definite = ownBody || doc.tokens.slice(first, head).some((d) => d.text.toLowerCase() === 'the');
    const plural = tree.token(head).xpos === 'NNS' || tree.kids(head, 'nummod').length > 0;
    // a definite description points back, or to the name the next sentence gives (a lede's "the
    // president of a union" named just after); "the mayor" told long before the person is someone else
    const salientBefore = this.salient && this.salientFrom <= doc.sentenceAt(start) + 1;
    // "the gang's leader" is someone the gang defines, not the person in view
    const possessed = tree.kids(head, 'nmod:poss').length > 0 && !ownBody;
    const described = (this.lexicon.personNouns.has(lemma) && !RELATIONAL.has(lemma) && tree.token(head).upos === 'NOUN') || tree.isAgeOnly(head);
    if (asTarget && definite && !plural && !possessed && described) {
      // someone the report called so before ("Velmoran journalist Ilse Varga" … "the activist and
      // journalist") is that person, even when someone else is named more often
      const titled = this.titledDescription(head);
      if (titled) return { role: { entity: titled.id, text, start, end }, inferred: true };
      // (a body's own officer is only the one the coreference layer found titled so: "our union",
      // "our General Secretary" are not whoever is in view)
      if (salientBefore && !ownBody) return { role: { entity: this.salient!.id, text, start, end }, inferred: true };
    }
    // a lede's "A Kenyan blogger who has been held incommunicado …", named in the next sentences: the
    // coreference layer tied it to the report's main person
    const indefinite = doc.tokens.slice(first, head).some((d) => ['a', 'an'].includes(d.text.toLowerCase()));
    if (asTarget && indefinite && !plural && doc.sentenceAt(start) <= 1) {
      const lede = this.namedDescribed(head);
      if (lede) return { role: { entity: lede.id, text, start, end }, inferred: true };
    }
    // "authorities" after "Velmoran authorities": the body named before
    if (this.lexicon.agentNouns.has(lemma)) {
      const body = this.bodyBefore(start, word);
      if (body) return { role: { entity: body.entity.id, text, start, end }, inferred: true };
    }
    return { role: { entity: null, text, start, end }, inferred: false };
  }
}

/** "A, the group's leader, said": the name ending at `end`, a description between commas, then a verb of speech (`speech`) — A speaks (not "A, on Monday, the group said"). */
function speaksLater(tree: Tree, speech: ReadonlySet<string>, end: number, to: number): boolean {
  if (tree.token(end + 1)?.text !== ',') return false;
  let k = end + 2;
  const describing = (j: number) => ['DET', 'ADJ', 'NOUN', 'PROPN', 'PART', 'NUM'].includes(tree.token(j).upos ?? '') || ['of', "'s", '’s'].includes(tree.token(j).text.toLowerCase());
  while (k < to && k - end <= 10 && tree.token(k).text !== ',' && describing(k)) k++;
  if (k === end + 2 || tree.token(k)?.text !== ',' || tree.inTimex(end + 2)) return false;
  return k + 1 < to && speech.has(tree.lemma(k + 1));
}

/** Whether offset `at` lies inside quotation marks opened after `from` (an odd number of marks between them). */
function insideMarks(text: string, from: number, at: number): boolean {
  return (text.slice(from, at).match(/["“”«»]/g)?.length ?? 0) % 2 === 1;
}
