import { tokenIndexAfter } from '../../text/align.js';
import type { TextSpan } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';
import type { CueLexicon } from './cues.js';
import { cueRange, isCueVerb } from './cues.js';
import type { QuotedSpan } from './marks.js';
import type { Built, MentionIndex, SpeakerFields } from './speaker.js';
import { NO_SPEAKER, speakerFields, speakerHead, speakerPhrase } from './speaker.js';

/**
 * Direct quotes: each quoted stretch with the cue beside it — after the closing mark
 * (“…,” said Elena Reyvik) or before the opening one (He added: “…”). A stretch with no cue of
 * its own continues the quote before it when it follows in the same or the next paragraph.
 * A short stretch nobody is said to say, or one a preposition governs (on “Face the Nation”),
 * is a title or a scare quote.
 */

const MIN_UNATTRIBUTED_WORDS = 6;
const MIN_WORDS = 4;
/** Words before an opening mark that make the quotation a name: on “Face the Nation”, a film titled “…”. */
const NAMING = new Set(['titled', 'entitled', 'called', 'dubbed', 'named', "'s", '’s']);

function isTitle(tree: Tree, mark: number): boolean {
  const before = tree.doc.tokens[mark - 1];
  return before !== undefined && (before.upos === 'ADP' || NAMING.has(before.text.toLowerCase()));
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
  for (let i = last + 1; i < Math.min(after.to, last + 30) && !quoted(i); i++) if (isCueVerb(tree, cues, i)) return i;
  const before = tree.sentenceRange(first);
  for (let i = first - 1; i >= Math.max(before.from, first - 12) && !quoted(i); i--) if (isCueVerb(tree, cues, i)) return i;
  return undefined;
}

export function directQuotes(tree: Tree, cues: CueLexicon, mentions: MentionIndex, stretches: QuotedSpan[], stretchOf: number[]): Built[] {
  const doc = tree.doc;
  const out: Built[] = [];
  const quoted = (i: number) => (stretchOf[i] ?? -1) >= 0;
  let previous: { speaker: SpeakerFields; end: number } | undefined;
  for (const q of stretches) {
    const range = tokensOf(tree, q);
    if (!range) continue;
    const span = doc.span(q.start, q.end);
    const words = span.text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    if (isTitle(tree, range.first)) continue;
    const verb = cueOf(tree, cues, range.first, range.last, quoted);
    // a word or two in marks is a scare quote, part of someone's clause at most, unless the
    // attribution stands right beside it: “I would,” Melanie said.
    const beside = verb !== undefined && (verb > range.last ? verb - range.last <= 4 : range.first - verb <= 3);
    if (words < MIN_WORDS && !beside) continue;
    let speaker: SpeakerFields | undefined;
    let cue: TextSpan | null = null;
    if (verb !== undefined) {
      const c = cueRange(tree, cues, verb);
      cue = doc.span(doc.tokens[c.first]!.start, doc.tokens[c.last]!.end);
      const head = speakerHead(tree, verb, quoted);
      if (head !== undefined) {
        const r = speakerPhrase(tree, verb, head, (i) => quoted(i) || (i >= c.first && i <= c.last));
        speaker = speakerFields(tree, mentions, head, r.first, r.last);
      }
    } else if (previous && continues(doc.text, previous.end, q.start)) {
      // the next paragraph of the same speaker's quotation
      speaker = { ...previous.speaker, speakerSpan: null };
    }
    if (!speaker && !cue && words < MIN_UNATTRIBUTED_WORDS) continue;
    const fields = speaker ?? NO_SPEAKER;
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
