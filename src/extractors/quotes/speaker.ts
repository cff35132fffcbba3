import { tokenIndexAfter } from '../../text/align.js';
import type { Doc } from '../../text/doc.js';
import type { Entity, Mention, Quote, TextSpan } from '../../text/types.js';
import { isNamed } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';
import { spokenFor } from '../syntax/spoken-for.js';

/**
 * Who speaks: the cue verb's subject, the whole phrase as PolNeAR marks sources ("Ivo Marek,
 * a spokesman for the Interior Ministry,"), and the entity it names. When the
 * parse gives the verb no subject — "…,” said Elena Reyvik." is often read with the name as the
 * object — the nominal right after the verb, or right before it, is the speaker.
 */

const RELATIVE = new Set(['who', 'that', 'which']);
const NOMINAL = new Set(['PROPN', 'PRON', 'NOUN', 'NUM']);

/** Which entity mention covers each token (names first, then pronouns and descriptions). */
export class MentionIndex {
  private readonly at: ({ entity: Entity; mention: Mention } | undefined)[];
  /** Entities with a name among their mentions, found once: a long report's "her lawyer" has thousands of mentions to scan per quote. */
  private readonly named: ReadonlySet<Entity>;

  constructor(private readonly doc: Doc) {
    this.at = doc.tokens.map(() => undefined);
    this.named = new Set(doc.entities.filter(isNamed));
    const all = doc.entities.flatMap((entity) => entity.mentions.map((mention) => ({ entity, mention })));
    // a name wins over a description that contains it ("the activist Mara Teller")
    all.sort((a, b) => rank(a.mention) - rank(b.mention));
    for (const ref of all) {
      for (let i = tokenIndexAfter(doc.tokens, ref.mention.start); i < doc.tokens.length && doc.tokens[i]!.start < ref.mention.end; i++) {
        if (doc.tokens[i]!.start >= ref.mention.start && doc.tokens[i]!.end <= ref.mention.end) this.at[i] ??= ref;
      }
    }
  }

  get(i: number): { entity: Entity; mention: Mention } | undefined {
    return this.at[i];
  }

  isNamed(entity: Entity): boolean {
    return this.named.has(entity);
  }
}

const rank = (m: Mention): number => ((m.kind ?? 'name') === 'name' ? 0 : 1);

/** The head token of the speaker of cue verb `verb`, or undefined; `blocked` tokens are inside the quotation. */
export function speakerHead(tree: Tree, verb: number, blocked: (i: number) => boolean): number | undefined {
  // of two subjects (a long name the parser split: "Dockworkers Union Treasurer | Lena Osk said"), the nearer
  const subjects = tree.kids(verb, 'nsubj').filter((c) => !blocked(c) && !tree.inTimex(c));
  const subject = subjects.filter((c) => c < verb).pop() ?? subjects[0];
  if (subject !== undefined) {
    if (RELATIVE.has(tree.lemma(subject)) && tree.token(verb).deprel === 'acl:relcl') return tree.head(verb);
    return subject;
  }
  // a verb that shares its subject: "he said, adding that …"
  const shared = tree.subjectOf(verb);
  if (shared !== undefined && !blocked(shared) && shared !== verb) return shared;
  const { from, to } = tree.sentenceRange(verb);
  const nominal = (i: number) => i >= from && i < to && !blocked(i) && NOMINAL.has(tree.token(i).upos ?? '') && !tree.inTimex(i);
  // "said Elena Reyvik": the phrase after the verb, up to its head; a possessive takes words
  // before its noun ("said the collective's chair, Priya Menon")
  for (let i = verb + 1, end = verb + 4; i < Math.min(to, end); i++) {
    if (tree.token(i).upos === 'PUNCT') break;
    if (/^['’]s$/.test(tree.token(i).text)) end = i + 3;
    if (nominal(i)) return climb(tree, i, verb, nominal);
  }
  // "…,” the official said."
  for (let i = verb - 1; i >= Math.max(from, verb - 3); i--) {
    if (tree.token(i).upos === 'PUNCT' || blocked(i)) break;
    if (nominal(i)) return climb(tree, i, verb, nominal);
  }
  // the parse hung the name elsewhere ("On Monday, Ivo Marek, a spokesman …, said"): the
  // last person named before the verb in its sentence, outside the quotation
  for (let i = verb - 1; i >= from; i--) {
    const e = tree.entityOf[i];
    if (!blocked(i) && e?.type === 'PERSON' && tree.entityOf[i + 1] !== e) return i;
  }
  return undefined;
}

/** From a word of a phrase up to the phrase's head, never past the cue. */
function climb(tree: Tree, i: number, verb: number, nominal: (i: number) => boolean): number {
  let n = i;
  for (let k = 0; k < 4; k++) {
    const h = tree.head(n);
    if (h < 0 || h === verb || !nominal(h) || !/^(compound|flat|det|amod|nmod:poss)/.test(tree.token(n).deprel ?? '')) break;
    n = h;
  }
  return n;
}

/** The speaker's phrase, with another subject of the same verb written right before it (a split name). */
export function speakerPhrase(tree: Tree, verb: number, head: number, stop: (i: number) => boolean): { first: number; last: number } {
  const r = speakerRange(tree, head, stop);
  for (const other of tree.kids(verb, 'nsubj').filter((c) => c < head).reverse()) {
    const o = speakerRange(tree, other, stop);
    if (o.last + 1 !== r.first) break;
    r.first = o.first;
  }
  return r;
}

/** The speaker's phrase around `head`: its whole subtree, contiguous, never into the quotation or the cue. */
export function speakerRange(tree: Tree, head: number, stop: (i: number) => boolean): { first: number; last: number } {
  const inside = new Set<number>([head]);
  const stack = [head];
  while (stack.length) {
    for (const c of tree.children[stack.pop()!]!) {
      if (!inside.has(c) && !stop(c)) {
        inside.add(c);
        stack.push(c);
      }
    }
  }
  let first = head;
  let last = head;
  while (inside.has(first - 1) && !stop(first - 1)) first--;
  while (inside.has(last + 1) && !stop(last + 1)) last++;
  while (first < head && tree.token(first).upos === 'PUNCT') first++;
  while (last > head && tree.token(last).upos === 'PUNCT' && !closesBracket(tree, first, last)) last--;
  // an apposition is closed by its comma, and PolNeAR's sources keep it: "Marek, a spokesman for …, said"
  const next = tree.doc.tokens[last + 1];
  if (next?.text === ',' && !stop(last + 1) && tree.doc.tokens.slice(first, last + 1).some((t) => t.text === ',')) last++;
  return { first, last };
}

/** The token at `last` closes a bracket opened inside [first, last]: "Dario Fenn (Interior)". */
function closesBracket(tree: Tree, first: number, last: number): boolean {
  const close = tree.token(last).text;
  const open = close === ')' ? '(' : close === ']' ? '[' : undefined;
  if (!open) return false;
  for (let i = first; i < last; i++) if (tree.token(i).text === open) return true;
  return false;
}

export type SpeakerFields = Pick<Quote, 'speaker' | 'speakerText' | 'speakerSpan' | 'speakerEntity'>;

export const NO_SPEAKER: SpeakerFields = { speaker: null, speakerText: null, speakerSpan: null, speakerEntity: null };

/**
 * The speaker of a cue verb whose cue covers tokens `cue` and whose words are `content`: the
 * verb's subject and the phrase around it (kept out of the cue and the content), or no one.
 */
export function verbSpeaker(tree: Tree, mentions: MentionIndex, verb: number, cue: TokenRange, content: TokenRange): SpeakerFields {
  const inContent = (i: number) => i >= content.first && i <= content.last;
  const head = speakerHead(tree, verb, inContent);
  if (head === undefined) return NO_SPEAKER;
  const r = speakerPhrase(tree, verb, head, (i) => (i >= cue.first && i <= cue.last) || inContent(i));
  return speakerFields(tree, mentions, head, r.first, r.last);
}

/** Tokens first to last, both included. */
export interface TokenRange {
  first: number;
  last: number;
}

/** A quote while it is being built: with the tokens it covers, for the passes after it. */
export interface Built extends Quote {
  first: number;
  last: number;
}

/**
 * The quote's speaker fields for the phrase [first, last] headed by `head`. A name points to its
 * entity; a pronoun or a description to the entity coreference gave it, and `speakerText` then
 * says who that is in words: "his wife" for "she", or the person's name.
 */
export function speakerFields(tree: Tree, mentions: MentionIndex, head: number, first: number, last: number): SpeakerFields {
  const doc = tree.doc;
  [head, last] = titledName(tree, mentions, head, last);
  // "AL-QUSAYR, Jordan — The family of …": a dateline the parse hung on the subject is not the speaker's
  for (let i = head - 1; i > first; i--) {
    if (DASH.has(doc.tokens[i]!.text)) {
      first = i + 1;
      break;
    }
  }
  const span: TextSpan = doc.span(doc.tokens[first]!.start, doc.tokens[last]!.end);
  const entity = entityOfPhrase(tree, mentions, head, first, last);
  if (!entity) return { speaker: null, speakerText: span.text, speakerSpan: span, speakerEntity: null };
  if (mentions.isNamed(entity)) return { speaker: entity.id, speakerText: entity.name, speakerSpan: span, speakerEntity: entity.id };
  return { speaker: null, speakerText: entity.name, speakerSpan: span, speakerEntity: entity.id };
}

/**
 * "said Rep. Gale Butterfield", "said Mr. Holtz-Eakin": the parse may end the speaker at the
 * title and leave the name beside it; a person's name that follows a title's abbreviation
 * directly is the speaker's, so the phrase runs to the name's end and the name heads it.
 */
function titledName(tree: Tree, mentions: MentionIndex, head: number, last: number): [number, number] {
  const t = tree.doc.tokens[last];
  const next = mentions.get(last + 1);
  if (!t || !next || !namesPerson(next) || t.upos !== 'PROPN' || !/^\p{Lu}\p{L}{0,4}\.$/u.test(t.text)) return [head, last];
  let end = last + 1;
  while (end + 1 < tree.doc.tokens.length && tree.doc.tokens[end + 1]!.end <= next.mention.end) end++;
  return [end, end];
}

/** Dashes that close a dateline. */
const DASH = new Set(['—', '–', '--']);

/** A person's name, not a pronoun or a description of them. */
export const namesPerson = (m: { entity: Entity; mention: Mention }): boolean => m.entity.type === 'PERSON' && (m.mention.kind ?? 'name') === 'name';

function entityOfPhrase(tree: Tree, mentions: MentionIndex, head: number, first: number, last: number): Entity | undefined {
  const own = mentions.get(head);
  if (own && (own.mention.kind ?? 'name') === 'name') {
    // (not a relation of the person named: "the family of activist A", "the lawyer for A" speak for A, they are not A)
    if (spokenFor(tree, head)) return undefined;
    if (mentions.isNamed(own.entity)) return own.entity;
  }
  // a name in apposition or fused to the head: "Reyvik's lawyer, Mira Castell"; "Interior Minister Dario Fenn"
  for (const c of tree.kids(head, 'appos', 'flat', 'compound')) {
    const m = mentions.get(c);
    if (m && c >= first && c <= last && namesPerson(m)) return m.entity;
  }
  // a long title the parse headed on one of its own nouns: "Deputy Premier and Minister of Justice
  // Pol Varan told": the phrase ends in the one person's name it holds
  const end = mentions.get(last);
  if (!own && end && namesPerson(end) && !spokenFor(tree, last) && tree.doc.tokens[last]!.end === end.mention.end) {
    const people = new Set<Entity>();
    for (let i = first; i <= last; i++) {
      const m = mentions.get(i);
      if (m?.entity.type === 'PERSON') people.add(m.entity);
    }
    if (people.size === 1) return end.entity;
  }
  return own?.entity;
}
