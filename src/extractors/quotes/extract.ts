import { tokenIndexAfter } from '../../text/align.js';
import type { Doc } from '../../text/doc.js';
import type { Quote, TextSpan } from '../../text/types.js';
import { Tree } from '../events/tree.js';
import type { CueLexicon } from './cues.js';
import { cueRange, isCueVerb, prepositionCueAt } from './cues.js';
import { quotedSpans } from './marks.js';
import type { QuotedSpan } from './marks.js';
import { MentionIndex, speakerFields, speakerHead, speakerRange } from './speaker.js';
import type { SpeakerFields } from './speaker.js';

/**
 * Quotes in three passes, each for one shape of attribution:
 * 1. direct — a quoted stretch and the cue beside it, after (“…,” said Elena Reyvik) or before
 *    (He added: “…”); a stretch with no cue of its own continues the quote before it when it
 *    follows in the same or the next paragraph (the second paragraph of a long quotation);
 * 2. indirect — a cue verb and its clause ("told reporters that there were no charges"), mixed
 *    when the clause holds a quoted fragment (said Reyvik "committed a crime");
 * 3. "according to X, …" — the rest of the sentence is X's.
 * Quoted stretches that nobody is said to say and that are short are titles or scare quotes, not quotes.
 */

interface Built extends Quote {
  /** Tokens the quote covers, for the passes after it. */
  first: number;
  last: number;
}

const MIN_UNATTRIBUTED_WORDS = 6;

export function extractQuotes(doc: Doc, cues: CueLexicon): Quote[] {
  if (doc.tokens.length === 0) return [];
  const tree = new Tree(doc);
  const mentions = new MentionIndex(doc);
  const stretches = quotedSpans(doc.text);
  const stretchOf = doc.tokens.map(() => -1);
  stretches.forEach((q, k) => {
    for (let i = tokenIndexAfter(doc.tokens, q.start); i < doc.tokens.length && doc.tokens[i]!.end <= q.end; i++) {
      if (doc.tokens[i]!.start >= q.start) stretchOf[i] = k;
    }
  });
  const quoted = (i: number) => (stretchOf[i] ?? -1) >= 0;
  const direct = directQuotes(tree, cues, mentions, stretches, stretchOf);
  const indirect = indirectQuotes(tree, cues, mentions, quoted);
  const according = accordingQuotes(tree, cues, mentions, quoted);
  const clauses = [...indirect, ...according];
  // a quoted fragment inside a reported clause is part of that (mixed) quote, not a quote of its own
  const kept = direct.filter((d) => !clauses.some((c) => c.start <= d.start && d.end <= c.end && c.kind === 'mixed'));
  return [...kept, ...clauses].sort((a, b) => a.start - b.start).map(({ first: _f, last: _l, ...q }) => q);
}

function tokensOf(tree: Tree, q: QuotedSpan): { first: number; last: number } | undefined {
  const tokens = tree.doc.tokens;
  let first = tokenIndexAfter(tokens, q.start);
  while (first < tokens.length && tokens[first]!.start < q.start) first++;
  let last = first - 1;
  while (last + 1 < tokens.length && tokens[last + 1]!.end <= q.end) last++;
  return last >= first ? { first, last } : undefined;
}

/** A cue verb in the quote's own sentences, outside any quotation: after the closing mark first, then before the opening one. */
function cueOf(tree: Tree, cues: CueLexicon, first: number, last: number, quoted: (i: number) => boolean): number | undefined {
  const after = tree.sentenceRange(last);
  for (let i = last + 1; i < Math.min(after.to, last + 8) && !quoted(i); i++) if (isCueVerb(tree, cues, i)) return i;
  const before = tree.sentenceRange(first);
  for (let i = first - 1; i >= Math.max(before.from, first - 12) && !quoted(i); i--) if (isCueVerb(tree, cues, i)) return i;
  return undefined;
}

function directQuotes(tree: Tree, cues: CueLexicon, mentions: MentionIndex, stretches: QuotedSpan[], stretchOf: number[]): Built[] {
  const doc = tree.doc;
  const out: Built[] = [];
  const quoted = (i: number) => (stretchOf[i] ?? -1) >= 0;
  let previous: { speaker: SpeakerFields; end: number } | undefined;
  for (const q of stretches) {
    const range = tokensOf(tree, q);
    if (!range) continue;
    const span = doc.span(q.start, q.end);
    const verb = cueOf(tree, cues, range.first, range.last, quoted);
    let speaker: SpeakerFields | undefined;
    let cue: TextSpan | null = null;
    if (verb !== undefined) {
      const c = cueRange(tree, cues, verb);
      cue = doc.span(doc.tokens[c.first]!.start, doc.tokens[c.last]!.end);
      const head = speakerHead(tree, verb, quoted);
      if (head !== undefined) {
        const r = speakerRange(tree, head, (i) => quoted(i) || (i >= c.first && i <= c.last));
        speaker = speakerFields(tree, mentions, head, r.first, r.last);
      }
    } else if (previous && continues(doc.text, previous.end, q.start)) {
      // the next paragraph of the same speaker's quotation
      speaker = { ...previous.speaker, speakerSpan: null };
    }
    const words = span.text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    if (!speaker && !cue && words < MIN_UNATTRIBUTED_WORDS) continue;
    const fields = speaker ?? { speaker: null, speakerText: null, speakerSpan: null, speakerEntity: null };
    out.push({ ...span, kind: 'direct', ...fields, cue, first: range.first, last: range.last });
    previous = speaker ? { speaker, end: q.end } : undefined;
  }
  return out;
}

/** Between two quotations there is at most their attribution: no other sentence of the reporter's own. */
function continues(text: string, end: number, start: number): boolean {
  const between = text.slice(end, start);
  const paragraphs = between.split(/\n\s*/).length - 1;
  return paragraphs <= 1 && !/[.!?]["”]?\s+\p{Lu}[^]*[.!?]/u.test(between.replace(/^[^.!?]*[.!?]/u, ''));
}

/** The clause a cue verb reports: its complement clause, whole and contiguous, without the final stop. */
function clauseOf(tree: Tree, verb: number): { first: number; last: number } | undefined {
  const c = tree.kids(verb, 'ccomp').find((k) => k > verb);
  if (c === undefined) return undefined;
  const r = speakerRange(tree, c, (i) => i === verb);
  return r.first > verb ? r : undefined;
}

function indirectQuotes(tree: Tree, cues: CueLexicon, mentions: MentionIndex, quoted: (i: number) => boolean): Built[] {
  const doc = tree.doc;
  const out: Built[] = [];
  for (let v = 0; v < doc.tokens.length; v++) {
    if (quoted(v) || !isCueVerb(tree, cues, v, true)) continue;
    const clause = clauseOf(tree, v);
    if (!clause) continue;
    // a quoted fragment that ends the clause ends with its closing mark: said Reyvik "committed a crime"
    while (clause.last + 1 < doc.tokens.length && quoted(clause.last + 1) && /^["”'»]+$/.test(tree.token(clause.last + 1).text)) clause.last++;
    const inQuote = (i: number) => quoted(i) && !/^["“”„«»`']+$/.test(tree.token(i).text);
    const tokens = Array.from({ length: clause.last - clause.first + 1 }, (_, k) => clause.first + k);
    const words = tokens.filter((i) => tree.token(i).upos !== 'PUNCT');
    // the whole clause is a quotation: the direct pass has it
    if (words.every(inQuote)) continue;
    const kind = words.some(inQuote) ? 'mixed' : 'indirect';
    const c = cueRange(tree, cues, v);
    const head = speakerHead(tree, v, (i) => i >= clause.first && i <= clause.last);
    const speaker = head === undefined ? undefined : speakerFields(tree, mentions, head, ...rangeOf(tree, head, c, clause));
    const start = doc.tokens[clause.first]!.start;
    const end = doc.tokens[clause.last]!.end;
    out.push({
      ...doc.span(start, end),
      kind,
      ...(speaker ?? { speaker: null, speakerText: null, speakerSpan: null, speakerEntity: null }),
      cue: doc.span(doc.tokens[c.first]!.start, doc.tokens[c.last]!.end),
      first: clause.first,
      last: clause.last,
    });
  }
  return out;
}

function rangeOf(tree: Tree, head: number, cue: { first: number; last: number }, clause: { first: number; last: number }): [number, number] {
  const r = speakerRange(tree, head, (i) => (i >= cue.first && i <= cue.last) || (i >= clause.first && i <= clause.last));
  return [r.first, r.last];
}

/** "According to a U.N. official based in Geneva, the union leader was moved": the rest of the sentence is the official's. */
function accordingQuotes(tree: Tree, cues: CueLexicon, mentions: MentionIndex, quoted: (i: number) => boolean): Built[] {
  const doc = tree.doc;
  const out: Built[] = [];
  for (let i = 0; i < doc.tokens.length; i++) {
    const n = quoted(i) ? 0 : prepositionCueAt(tree, cues, i);
    if (n === 0) continue;
    const { from, to } = tree.sentenceRange(i);
    // the source runs to the next comma (or the sentence end)
    let sourceLast = i + n;
    while (sourceLast + 1 < to && !/^[,;:—–]$/.test(tree.token(sourceLast + 1).text)) sourceLast++;
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
    if (first >= to || last < first || sourceLast < i + n) {
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
