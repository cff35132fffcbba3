import type { Component } from '../../pipeline/component.js';
import type { Doc, Sentence, Token } from '../../text/doc.js';
import { DASHES, TERMINALS, isLetter, isLower, isUpper } from './chars.js';
import { ABBREVIATIONS, DATE_ABBREVIATIONS, SENTENCE_FINAL_ABBREVIATIONS, TITLE_ABBREVIATIONS } from './lexicon.js';
import type { BoundaryModel } from './boundary.js';
import { boundaryModel, newlinesBetween } from './boundary.js';

/**
 * Sentence boundaries for news, decided token by token in one pass:
 * - a blank line always ends a sentence, and so does a single line break, except inside a
 *   hard-wrapped paragraph (a long line running on into a lower-case one);
 * - sentence-final marks end one when what follows can start one; closing quotes and brackets
 *   stick to the sentence they close (“… him. People must …,” she said → two sentences, UD style);
 * - "Dec. 7", "Mr. Mony", "J. Smith" never end one; "in the U.S. The …" does.
 * A dateline ("BANGKOK —") stays at the head of the first sentence.
 * These are the rules; `splitSentences` hands their verdicts to the trained boundary model
 * (boundary.ts), which overrules them within a line where the corpora taught it better.
 */

const CLOSERS = new Set([...'”’)]}»›"\'']);
const OPENERS = new Set([...'“‘([{«‹"\'¿¡']);
/** Capitalised words that, after an ambiguous abbreviation like "U.S.", signal a new sentence. */
const STARTERS = new Set(
  'the a an he she it they we i you his her its their our this that these those there in on at but and so if when while after before as for yet however meanwhile mr ms mrs dr'.split(' '),
);

/** Wrapped lines are rarely shorter than this; shorter lines before a break are headings or bylines. */
const WRAP_MIN_LINE = 40;

function isTerminalToken(t: Token): boolean {
  for (const ch of t.text) if (!TERMINALS.has(ch)) return false;
  return true;
}

/** What kind of abbreviation a token ending in "." is, if any. */
function abbreviationKind(t: Token): 'title' | 'date' | 'final' | 'initial' | 'other' | null {
  if (t.text.length < 2 || !t.text.endsWith('.')) return null;
  const bare = t.text.slice(0, -1).toLowerCase();
  if (TITLE_ABBREVIATIONS.has(bare)) return 'title';
  if (DATE_ABBREVIATIONS.has(bare)) return 'date';
  if (SENTENCE_FINAL_ABBREVIATIONS.has(bare)) return 'final';
  if (bare.length === 1 && isLetter(bare)) return 'initial';
  if (ABBREVIATIONS.has(bare) || /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(bare)) return 'other';
  return null;
}

/** Whether the line break(s) between two tokens end a sentence. */
function breaksLine(text: string, prev: Token, next: Token): boolean {
  const newlines = newlinesBetween(text, prev, next);
  if (newlines === 0) return false;
  if (newlines > 1) return true;
  // One line break: a hard-wrapped paragraph runs on into a lower-case word after a long line.
  const lineStart = text.lastIndexOf('\n', prev.start) + 1;
  const wrapped = prev.end - lineStart >= WRAP_MIN_LINE && isLower(next.text[0]) && !isTerminalToken(prev);
  return !wrapped;
}

/**
 * Whether `next` can open a sentence after the terminal `mark`. A bare period was split off a word
 * that is no abbreviation, so even a lower-case word after it starts a new sentence (web and chat
 * text: "…small and cute. i knew someone…"); after an ellipsis, or a question closed by a quote
 * ("“Really?” she asked"), lower case runs on.
 */
function canStartSentence(mark: Token, closed: boolean, next: Token): boolean {
  const c = next.text[0]!;
  if (isLower(c)) return !closed && (mark.text === '.' || mark.text === '?' || mark.text === '!');
  if (CLOSERS.has(c) && !OPENERS.has(c)) return false;
  if (c === ',' || c === ';' || c === ':' || c === '%') return false;
  return true;
}

function startsAfterAbbreviation(kind: NonNullable<ReturnType<typeof abbreviationKind>>, next: Token): boolean {
  if (kind === 'title' || kind === 'initial' || kind === 'date') return false;
  const c = next.text[0]!;
  if (!isUpper(c) && !OPENERS.has(c)) return false;
  if (kind === 'other' && OPENERS.has(c)) return true;
  return STARTERS.has(next.text.toLowerCase());
}

/** Sentences by the rules alone. */
export function ruleSentences(doc: Doc): Sentence[] {
  const { tokens, text } = doc;
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number): void => {
    sentences.push({ start: tokens[first]!.start, end: tokens[last]!.end, tokenStart: first, tokenEnd: last + 1 });
    first = last + 1;
  };
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (breaksLine(text, t, next)) {
      close(i);
      continue;
    }
    const abbreviation = isTerminalToken(t) ? null : abbreviationKind(t);
    if (!isTerminalToken(t) && abbreviation === null) continue;
    // closing quotes and brackets written against the mark belong to this sentence
    let j = i;
    while (j + 1 < tokens.length && CLOSERS.has(tokens[j + 1]!.text) && tokens[j + 1]!.start === tokens[j]!.end && !breaksLine(text, tokens[j]!, tokens[j + 1]!)) j++;
    const after = tokens[j + 1];
    if (!after) break;
    if (j > i && breaksLine(text, tokens[j]!, after)) {
      close(j);
      i = j;
      continue;
    }
    const starts = abbreviation ? startsAfterAbbreviation(abbreviation, after) : canStartSentence(t, j > i, after);
    if (starts && !DASHES.has(after.text[0]!)) {
      close(j);
      i = j;
    }
  }
  if (first < tokens.length) close(tokens.length - 1);
  return sentences;
}

/** The rules' verdict per token: 1 where a sentence ends after it. */
export function ruleEnds(doc: Doc): Uint8Array {
  const ends = new Uint8Array(doc.tokens.length);
  for (const s of ruleSentences(doc)) ends[s.tokenEnd - 1] = 1;
  return ends;
}

/** Sentences by the trained model over the rules' verdicts, or by the rules when no model ships. */
export function splitSentences(doc: Doc, model: BoundaryModel | null = boundaryModel()): Sentence[] {
  return model ? model.split(doc, ruleEnds(doc)) : ruleSentences(doc);
}

export function createSentencizer(): Component {
  return {
    name: 'sentencizer',
    requires: ['tokens'],
    assigns: ['sentences'],
    process(doc: Doc): Doc {
      doc.sentences = splitSentences(doc);
      return doc;
    },
  };
}
