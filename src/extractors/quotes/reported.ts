import type { Tree } from '../syntax/tree.js';
import type { CueLexicon } from './cues.js';
import { cueRange, isCueVerb, prepositionCueAt } from './cues.js';
import type { Built, MentionIndex } from './speaker.js';
import { speakerFields, speakerRange, verbSpeaker } from './speaker.js';

/**
 * Reported speech without quotation marks (or with some: mixed):
 * - a cue verb and its complement clause: "told reporters that there were no charges";
 * - a clause the attribution follows: "Its first ad could start this week, said Brian Baker";
 * - "according to X, …": the rest of the sentence is X's.
 */

/** The clause a cue verb reports: its complement clause, whole and contiguous, without the final stop. */
function clauseOf(tree: Tree, verb: number): { first: number; last: number } | undefined {
  const c = tree.kids(verb, 'ccomp').find((k) => k > verb) ?? thatClauseOnDate(tree, verb);
  if (c === undefined) return undefined;
  const r = speakerRange(tree, c, (i) => i === verb);
  return r.first > verb ? r : undefined;
}

/**
 * "The Interior Ministry said on Thursday that Oduya had committed a crime": the parser takes the
 * that-clause for a relative clause on the date. A clause opening with "that" on a date the cue
 * verb governs is what the verb reports.
 */
function thatClauseOnDate(tree: Tree, verb: number): number | undefined {
  for (const o of tree.kids(verb, 'obl', 'obl:tmod', 'obl:unmarked')) {
    if (!tree.inTimex(o)) continue;
    const rel = tree.kids(o, 'acl:relcl').find((k) => k > o);
    if (rel !== undefined && tree.lemma(o + 1) === 'that' && speakerRange(tree, rel, (i) => i === verb).first === o + 1) return rel;
  }
  return undefined;
}

const MIN_CLAUSE_WORDS = 3;

/**
 * The clause an attribution follows: "Its first ad could start this week, said Brian Baker";
 * "Large sections of the city are divided by race, other studies have shown." The cue verb has
 * no clause of its own after it, and a comma or dash parts it (with its subject) from what it reports.
 */
function clauseBefore(tree: Tree, cues: CueLexicon, verb: number, quoted: (i: number) => boolean): { first: number; last: number } | undefined {
  if (!isCueVerb(tree, cues, verb) || tree.kids(verb, 'ccomp', 'xcomp').some((k) => k > verb)) return undefined;
  const { from } = tree.sentenceRange(verb);
  let edge = cueRange(tree, cues, verb).first;
  const subject = tree.kids(verb, 'nsubj').find((k) => k < verb);
  if (subject !== undefined) edge = Math.min(edge, speakerRange(tree, subject, (i) => i === verb).first);
  const comma = edge - 1;
  if (comma <= from || !/^[,—–-]+$/.test(tree.token(comma).text)) return undefined;
  let first = from;
  // not the reporter's dateline ("KARSVIK —") or a conjunction opening the sentence
  for (let i = from + 1; i < Math.min(comma, from + 5); i++) {
    const before = tree.doc.tokens.slice(from, i);
    if (/^[—–-]+$/.test(tree.token(i).text) && before.every((t) => t.text === t.text.toUpperCase())) first = i + 1;
  }
  while (first < comma && (tree.token(first).upos === 'CCONJ' || tree.token(first).upos === 'PUNCT')) first++;
  const last = comma - 1;
  const words = [];
  for (let i = first; i <= last; i++) if (tree.token(i).upos !== 'PUNCT') words.push(i);
  // a quotation is the direct pass's
  if (words.length < MIN_CLAUSE_WORDS || words.every(quoted)) return undefined;
  return { first, last };
}

export function reportedQuotes(tree: Tree, cues: CueLexicon, mentions: MentionIndex, quoted: (i: number) => boolean, openedAt: (i: number) => number): Built[] {
  const doc = tree.doc;
  const out: Built[] = [];
  for (let v = 0; v < doc.tokens.length; v++) {
    if (quoted(v) || !isCueVerb(tree, cues, v, true)) continue;
    const clause = clauseOf(tree, v) ?? clauseBefore(tree, cues, v, quoted);
    if (!clause) continue;
    // a quoted fragment that ends the clause ends with its closing mark: said Reyvik "committed a crime"
    // (its own closing mark: the quotation opened inside the clause, not a new one opening after it)
    const closing = (i: number) => i < doc.tokens.length && openedAt(i) >= doc.tokens[clause.first]!.start && openedAt(i) < doc.tokens[i]!.start && /^["”'»]+$/.test(tree.token(i).text);
    while (closing(clause.last + 1) || (/^[.!?]$/.test(doc.tokens[clause.last + 1]?.text ?? '') && closing(clause.last + 2))) clause.last++;
    const inQuote = (i: number) => quoted(i) && !/^["“”„«»`']+$/.test(tree.token(i).text);
    const tokens = Array.from({ length: clause.last - clause.first + 1 }, (_, k) => clause.first + k);
    const words = tokens.filter((i) => tree.token(i).upos !== 'PUNCT');
    // the whole clause is a quotation: the direct pass has it
    if (words.every(inQuote)) continue;
    const kind = words.some(inQuote) ? 'mixed' : 'indirect';
    const c = cueRange(tree, cues, v);
    const start = doc.tokens[clause.first]!.start;
    const end = doc.tokens[clause.last]!.end;
    out.push({
      ...doc.span(start, end),
      kind,
      ...verbSpeaker(tree, mentions, v, c, clause),
      cue: doc.span(doc.tokens[c.first]!.start, doc.tokens[c.last]!.end),
      first: clause.first,
      last: clause.last,
    });
  }
  return out;
}

/** "According to a U.N. official stationed in Geneva, the union leader was moved": the rest of the sentence is the official's. */
export function accordingQuotes(tree: Tree, cues: CueLexicon, mentions: MentionIndex, quoted: (i: number) => boolean): Built[] {
  const doc = tree.doc;
  const out: Built[] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    const n = quoted(i) ? 0 : prepositionCueAt(tree, cues, i);
    if (n === 0) continue;
    const { from, to } = tree.sentenceRange(i);
    // the source runs to the next comma (or the sentence end)
    let sourceLast = i + n;
    while (sourceLast + 1 < to && !/^[,;:—–]$/.test(tree.token(sourceLast + 1).text)) sourceLast++;
    // "…, according to the poll." — the sentence's stop is not the source's
    while (sourceLast > i + n && /^[.!?]+$/.test(tree.token(sourceLast).text)) sourceLast--;
    let first: number;
    let last: number;
    if (i === from || tree.token(i - 1).upos === 'CCONJ') {
      first = sourceLast + 2;
      last = to - 1;
    } else {
      first = from;
      last = i - 1;
    }
    while (last > first && tree.token(last).upos === 'PUNCT') last--;
    while (first < last && tree.token(first).upos === 'PUNCT') first++;
    // ("according to" as the sentence's last words has no source to point to)
    if (first >= to || last < first || sourceLast < i + n || i + n >= to) {
      i += n - 1;
      continue;
    }
    const sourceTokens = Array.from({ length: sourceLast - (i + n) + 1 }, (_, k) => i + n + k);
    const head = sourceTokens.find((t) => tree.head(t) < i + n || tree.head(t) > sourceLast) ?? sourceTokens[0]!;
    const speaker = speakerFields(tree, mentions, head, i + n, sourceLast);
    out.push({
      ...doc.span(doc.tokens[first]!.start, doc.tokens[last]!.end),
      kind: 'indirect',
      ...speaker,
      cue: doc.span(doc.tokens[i]!.start, doc.tokens[i + n - 1]!.end),
      first,
      last,
    });
    i += n - 1;
  }
  return out;
}
