import type { Component } from '../../pipeline/component.js';
import type { Doc, Token } from '../../text/doc.js';
import { APOSTROPHES, DASHES, PREFIX_CHARS, SUFFIX_CHARS, TERMINALS, isAlnum, isDigit, isLetter, isSpace } from './chars.js';
import { ABBREVIATIONS, HYPHEN_PREFIXES, SPLIT_WORDS } from './lexicon.js';

/**
 * A rule-based tokenizer for news, after spaCy's: split on whitespace, then peel prefixes and
 * suffixes off each chunk, keeping whole what must stay whole (abbreviations, URLs, numbers),
 * then split infixes (dashes, ellipses, "and/or"). Conventions follow UD English EWT, which our evaluation scores against:
 * "don't" is do|n't (fused), "Bush's" is Bush + 's, "15-year" is 15 - year, "e-mail" stays whole.
 *
 * Linear time: each chunk is peeled from both ends without copying, and chunks longer than
 * LONG_CHUNK (no word is that long; a 1 MB run of punctuation is an attack, not a word) are cut
 * into letter runs and single marks by one regex pass.
 */

const LONG_CHUNK = 300;

const URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*[\p{L}\p{N}/#=&%+~_-]$/iu;
const EMAIL = /^[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
const HANDLE = /^[@#][\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*$/u;
const DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|gov|edu|int|info|io|co|uk|kh|th|mil)$/iu;
const NUMBER = /^[+-]?\d+(?:[.,:/-]\d+)*(?:st|nd|rd|th|s)?$/i;
const ACRONYM = /^(?:\p{L}{1,2}\.){2,}$/u; // U.N., U.S., Ph.D., a.m.
const INITIAL = /^\p{Lu}\.$/u; // J. Smith
const EMOTICON = /^(?:[:;=8][-o^']?[)(\][dDpP/\\|]+|<3|\^_\^|[)(][-o^']?[:;=])$/;
const ELIDED = /^['’](?:\d0s|em|cause|til|tis|twas|n|s|m|d|ll|re|ve)$/i;
const LONG_PIECES = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export interface TokenizerConfig {
  /** Split "don't" into do|n't and "cannot" into can|not as UD does (default true). */
  splitContractions?: boolean;
}

type Emit = (start: number, end: number, fused: boolean) => void;

export function tokenize(text: string, config: TokenizerConfig = {}): Token[] {
  const split = config.splitContractions ?? true;
  const tokens: Token[] = [];
  const emit: Emit = (start, end, fused) => {
    if (end <= start) return;
    const ws = text.charCodeAt(end);
    tokens.push({ i: tokens.length, start, end, text: text.slice(start, end), spaceAfter: end < text.length && isSpace(ws), fused });
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const s = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    if (i > s) tokenizeChunk(text, s, i, split, emit);
  }
  return tokens;
}

function tokenizeChunk(text: string, start: number, end: number, split: boolean, emit: Emit): void {
  if (end - start > LONG_CHUNK && !URL.test(text.slice(start, end))) {
    for (const m of text.slice(start, end).matchAll(LONG_PIECES)) emit(start + m.index, start + m.index + m[0].length, false);
    return;
  }
  const suffixes: [number, number, boolean][] = [];
  let s = start;
  let e = end;
  while (s < e) {
    const word = text.slice(s, e);
    if (isWhole(word)) {
      emit(s, e, false);
      s = e;
      break;
    }
    const p = prefixLength(text, s, e, word);
    if (p > 0) {
      emit(s, s + p, false);
      s += p;
      continue;
    }
    const suffix = split ? contraction(text, s, e, word) : null;
    if (suffix) {
      suffixes.push(suffix);
      e = suffix[0];
      continue;
    }
    const q = suffixLength(text, s, e);
    if (q > 0) {
      suffixes.push([e - q, e, false]);
      e -= q;
      continue;
    }
    splitInfixes(text, s, e, split, emit);
    s = e;
    break;
  }
  for (let k = suffixes.length - 1; k >= 0; k--) emit(...suffixes[k]!);
}

/** Chunks that are one token as they stand. */
function isWhole(word: string): boolean {
  if (word.length === 1) return true;
  const last = word[word.length - 1]!;
  if (last === '.') {
    const bare = word.slice(0, -1).toLowerCase();
    return ABBREVIATIONS.has(bare) || ACRONYM.test(word) || INITIAL.test(word);
  }
  const first = word[0]!;
  if (isDigit(first) || first === '+' || first === '-') return NUMBER.test(word);
  if (first === '@' || first === '#') return HANDLE.test(word);
  if (first === "'" || first === '’') return ELIDED.test(word);
  if (!isAlnum(last)) return EMOTICON.test(word) || URL.test(word);
  return URL.test(word) || EMAIL.test(word) || DOMAIN.test(word);
}

function prefixLength(text: string, s: number, e: number, word: string): number {
  const ch = text[s]!;
  if (ch === '.' && word.startsWith('...')) return runLength(text, s, e, TERMINALS);
  if (text[s + 1] === ch && !isAlnum(ch)) return repeatLength(text, s, e, ch); // "---", "<<", "$$$"
  if ((ch === '#' || ch === '@') && isLetter(text[s + 1])) return 0; // a hashtag or handle, once its suffixes are off
  if (PREFIX_CHARS.has(ch) || DASHES.has(ch) || ch === '…') return 1;
  if (ch === '-' && !isDigit(text[s + 1])) return 1;
  return 0;
}

function suffixLength(text: string, s: number, e: number): number {
  const ch = text[e - 1]!;
  if (TERMINALS.has(ch)) {
    // "U.S.!" keeps its abbreviation; "end..." loses the whole run of marks as one token.
    let k = e - 1;
    while (k > s && TERMINALS.has(text[k - 1]!)) k--;
    return k === s ? 0 : e - k;
  }
  if (text[e - 2] === ch && !isAlnum(ch)) {
    let k = e - 1;
    while (k > s && text[k - 1] === ch) k--;
    return k === s ? 0 : e - k;
  }
  if (SUFFIX_CHARS.has(ch) || DASHES.has(ch) || ch === '-') return 1;
  return 0;
}

/** Length of the run of `ch` starting at `s` (no Set allocated per call: this is the hot path). */
function repeatLength(text: string, s: number, e: number, ch: string): number {
  let k = s;
  while (k < e && text[k] === ch) k++;
  return k - s;
}

function runLength(text: string, s: number, e: number, chars: Set<string>): number {
  let k = s;
  while (k < e && chars.has(text[k]!)) k++;
  return k - s;
}

/**
 * "don't" → n't, "I'm" → 'm, "Bush's" → 's: each a word of its own, fused with its host into one
 * written token, as recent UD English annotates clitics written without a space. Returns the suffix span.
 */
function contraction(text: string, s: number, e: number, word: string): [number, number, boolean] | null {
  const len = e - s;
  if (len < 3) return null;
  const lower = word.toLowerCase();
  const a = lower.length;
  if (a > 3 && lower[a - 3] === 'n' && APOSTROPHES.has(lower[a - 2]!) && lower[a - 1] === 't' && isLetter(lower[a - 4])) return [e - 3, e, true];
  const apo = lower.lastIndexOf("'") > lower.lastIndexOf('’') ? lower.lastIndexOf("'") : lower.lastIndexOf('’');
  if (apo <= 0 || !isLetter(lower[apo - 1])) return null;
  const tail = lower.slice(apo + 1);
  if (tail === 's' || tail === 'm' || tail === 'd' || tail === 'll' || tail === 're' || tail === 've') return [s + apo, e, true];
  return null;
}

/** Splits what is left of a chunk at dashes, ellipses, letter-hyphen-letter and letter-comma-letter. */
function splitInfixes(text: string, s: number, e: number, split: boolean, emit: Emit): void {
  let from = s;
  let k = s;
  while (k < e) {
    const ch = text[k]!;
    let cut = 0;
    if (DASHES.has(ch) || ch === '…') cut = 1;
    else if (ch === '.' && text[k + 1] === '.' && k > from) cut = runLength(text, k, e, TERMINALS);
    else if (ch === '-' && text[k + 1] === '-') cut = repeatLength(text, k, e, '-');
    else if (ch === '-' && isLetter(text[k - 1]) && isAlnum(text[k + 1]) && !HYPHEN_PREFIXES.has(text.slice(from, k).toLowerCase())) cut = 1;
    else if (ch === '-' && isDigit(text[k - 1]) && isLetter(text[k + 1])) cut = 1;
    else if ((ch === ',' || ch === '/') && isLetter(text[k - 1]) && isLetter(text[k + 1])) cut = 1;
    else if ((ch === '?' || ch === '!') && isLetter(text[k - 1]) && isLetter(text[k + 1])) cut = 1;
    else if (ch === '.' && runsOn(text, from, k, k)) cut = 1;
    else if (CLOSING_MARKS.has(ch) && text[k + 1] === '.' && runsOn(text, from, k, k + 1)) {
      // "… of the state”.Arno Petz": the closing mark and the period are tokens of their own
      emitWord(text, from, k, split, emit);
      emit(k, k + 1, false);
      emit(k + 1, k + 2, false);
      k += 2;
      from = k;
      continue;
    }
    if (cut > 0) {
      emitWord(text, from, k, split, emit);
      emit(k, k + cut, false);
      k += cut;
      from = k;
    } else {
      k++;
    }
  }
  emitWord(text, from, e, split, emit);
}

/** Marks that close a quotation or an aside, which may stand between a sentence's last word and its period. */
const CLOSING_MARKS = new Set(['”', '’', '"', ')']);

/**
 * A sentence run on without its space: "added to the album.That way", "of the state”.Then" (web
 * text). Only a lower-case word of three letters or more (from `from` to `wordEnd`), the period at
 * `period` (right after the word, or after a closing mark) and a capitalised word after it, so
 * "Node.js", "ASP.NET" and "e.g." stay whole.
 */
function runsOn(text: string, from: number, wordEnd: number, period: number): boolean {
  if (wordEnd - from < 3 || !/^\p{Ll}\p{Ll}$/u.test(text.slice(wordEnd - 2, wordEnd)) || !/^\p{Lu}\p{Ll}$/u.test(text.slice(period + 1, period + 3))) return false;
  for (let j = from; j < wordEnd; j++) if (!isLetter(text[j])) return false;
  return true;
}

function emitWord(text: string, s: number, e: number, split: boolean, emit: Emit): void {
  const at = split && e - s >= 5 ? SPLIT_WORDS[text.slice(s, e).toLowerCase()] : undefined;
  if (at !== undefined) {
    emit(s, s + at, false);
    emit(s + at, e, true);
  } else {
    emit(s, e, false);
  }
}

export function createTokenizer(config: TokenizerConfig = {}): Component {
  return {
    name: 'tokenizer',
    requires: [],
    assigns: ['tokens'],
    process(doc: Doc): Doc {
      doc.tokens = tokenize(doc.text, config);
      return doc;
    },
  };
}
