/**
 * The denied names looked for in every string an answer carries. A loop over the names for each
 * string (lower-casing the string once per name) cost names × strings × length: with a thousand
 * restricted cases, seconds per page. Compiled once per `Denied`, a matcher finds every name in
 * one pass over the text: names are keyed by their first three letters, as one number (no string
 * made per position), words by their first word.
 */

export interface DeniedName {
  /** Lower case, trimmed. */
  text: string;
  /** What a non-member sees instead. */
  shown: string;
}

/** Lower case, accents folded, words apart by one space: how the word index sees a text. */
const foldWords = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');

/**
 * The words of `foldWords(s)`, read in one pass over the text with no regular expression over all
 * of it: a search checks a thousand reports, and the split by Unicode classes was two thirds of
 * the time it took to tell whether a report names a denied person. NFKD then dropping the marks
 * is the same letter by letter (decomposition is per letter, and reordering moves marks only), so
 * each letter outside ASCII is folded once and remembered; lower case is taken over the whole
 * text, as before (it depends on the letters around, as a Greek final sigma does).
 */
function foldedWords(s: string): string[] {
  const folded = s.replace(/[\u0080-\uffff]+/g, (run) => {
    let out = '';
    for (const ch of run) out += foldLetter(ch);
    return out;
  }).toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < folded.length; ) {
    const c = folded.charCodeAt(i);
    let size = 1;
    let inWord: boolean;
    if (c < 128) inWord = ASCII_WORD[c] === 1;
    else {
      const cp = folded.codePointAt(i)!;
      if (cp > 0xffff) size = 2;
      inWord = isWordPoint(cp);
    }
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(folded.slice(start, i));
      start = -1;
    }
    i += size;
  }
  if (start >= 0) words.push(folded.slice(start));
  return words;
}

const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (/[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 0));
const folds = new Map<string, string>();
const wordPoints = new Map<number, boolean>();

function foldLetter(ch: string): string {
  let f = folds.get(ch);
  if (f === undefined) folds.set(ch, (f = ch.normalize('NFKD').replace(/\p{M}/gu, '')));
  return f;
}

function isWordPoint(cp: number): boolean {
  let w = wordPoints.get(cp);
  if (w === undefined) wordPoints.set(cp, (w = /^[\p{L}\p{N}]$/u.test(String.fromCodePoint(cp))));
  return w;
}

/**
 * A 16-bit digest of KEY UTF-16 units: a table of the digests names begin with (64 KB per list of
 * names, a few hundred of its 65,536 places set) rules out most places before a map lookup.
 */
const digest = (s: string, at: number): number => (((s.charCodeAt(at) * 31 + s.charCodeAt(at + 1)) | 0) * 31 + s.charCodeAt(at + 2)) & 0xffff;

const KEY = 3;

/** The first KEY UTF-16 units from `at` as one number (3 × 16 bits fit a double exactly); -1 past the end. */
function keyAt(s: string, at: number): number {
  if (at + KEY > s.length) return -1;
  return (s.charCodeAt(at) * 65536 + s.charCodeAt(at + 1)) * 65536 + s.charCodeAt(at + 2);
}

export class NameMatcher {
  /** Names by their first KEY characters, longest first within a key. */
  private readonly byPrefix = new Map<number, DeniedName[]>();
  /** Names shorter than KEY (none from `deniedFor`, which drops them): checked one by one. */
  private readonly short: DeniedName[] = [];
  /** Folded names as word lists (with the name they fold), by their first word. */
  private readonly byFirstWord = new Map<string, { words: string[]; text: string }[]>();
  /** The `digest`s of the first KEY letters of the names of KEY letters or more. */
  private readonly starts = new Uint8Array(1 << 16);

  constructor(names: readonly DeniedName[]) {
    for (const n of [...names].sort((a, b) => b.text.length - a.text.length)) {
      if (!n.text) continue;
      if (n.text.length < KEY) this.short.push(n);
      else {
        const k = keyAt(n.text, 0);
        this.starts[digest(n.text, 0)] = 1;
        const list = this.byPrefix.get(k) ?? [];
        list.push(n);
        this.byPrefix.set(k, list);
      }
      const words = foldWords(n.text).split(' ').filter(Boolean);
      if (!words.length) continue;
      const list = this.byFirstWord.get(words[0]!) ?? [];
      list.push({ words, text: n.text });
      this.byFirstWord.set(words[0]!, list);
    }
  }

  /** The longest name starting at `at` in `lower`, if any. */
  private nameAt(lower: string, at: number): DeniedName | undefined {
    const list = this.byPrefix.get(keyAt(lower, at));
    if (list) for (const n of list) if (lower.startsWith(n.text, at)) return n;
    for (const n of this.short) if (lower.startsWith(n.text, at)) return n;
    return undefined;
  }

  /** A name as letters anywhere (what `LIKE` finds) or as whole words with accents folded (what the word index finds). */
  has(text: string): boolean {
    if (!this.byPrefix.size && !this.short.length) return false;
    const lower = text.toLowerCase();
    const short = this.short.length > 0;
    const starts = this.starts;
    // `digest(lower, i)`, rolled along the text.
    let a = lower.charCodeAt(0);
    let b = lower.charCodeAt(1);
    for (let i = 0; i < lower.length; i++) {
      const c = lower.charCodeAt(i + 2);
      if ((short || starts[(((a * 31 + b) | 0) * 31 + c) & 0xffff]) && this.nameAt(lower, i)) return true;
      a = b;
      b = c;
    }
    const words = foldedWords(text);
    for (let i = 0; i < words.length; i++) {
      for (const name of this.byFirstWord.get(words[i]!) ?? []) if (name.words.every((w, j) => words[i + j] === w)) return true;
    }
    return false;
  }

  /**
   * Every name the text holds, in either sense of `has` (not only the longest at a place): a
   * stored verdict says which restricted people a report names, and a user may be denied the
   * shorter name's person and not the longer's. `has(text)` is `found(text).size > 0`.
   */
  found(text: string): Set<string> {
    const out = new Set<string>();
    if (!this.byPrefix.size && !this.short.length) return out;
    const lower = text.toLowerCase();
    const starts = this.starts;
    let a = lower.charCodeAt(0);
    let b = lower.charCodeAt(1);
    for (let i = 0; i < lower.length; i++) {
      const c = lower.charCodeAt(i + 2);
      if (starts[(((a * 31 + b) | 0) * 31 + c) & 0xffff]) {
        const list = this.byPrefix.get(keyAt(lower, i));
        if (list) for (const n of list) if (lower.startsWith(n.text, i)) out.add(n.text);
      }
      for (const n of this.short) if (lower.startsWith(n.text, i)) out.add(n.text);
      a = b;
      b = c;
    }
    const words = foldedWords(text);
    for (let i = 0; i < words.length; i++) {
      for (const name of this.byFirstWord.get(words[i]!) ?? []) if (name.words.every((w, j) => words[i + j] === w)) out.add(name.text);
    }
    return out;
  }

  /** Every name (case-insensitive, the longest where two start at one place) replaced by what a non-member sees. */
  scrub(text: string): string {
    if (!this.byPrefix.size && !this.short.length) return text;
    let lower = text.toLowerCase();
    // Lower-casing changed a length ('İ' is two letters in lower case): lower-case letter by
    // letter, keeping any letter that would change length, so offsets in `lower` are offsets in `text`.
    if (lower.length !== text.length) lower = Array.from(text, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join('');
    let out = '';
    let from = 0;
    const short = this.short.length > 0;
    const starts = this.starts;
    for (let i = 0; i < lower.length; ) {
      // The table of first letters rules out most places before a map lookup, as in `has`.
      const n = short || starts[digest(lower, i)] ? this.nameAt(lower, i) : undefined;
      if (!n) {
        i++;
        continue;
      }
      out += text.slice(from, i) + n.shown;
      i += n.text.length;
      from = i;
    }
    return from === 0 ? text : out + text.slice(from);
  }
}

const compiled = new WeakMap<readonly DeniedName[], NameMatcher>();

/** The matcher for a list of names, compiled once per list (one per request's `Denied`). */
export function matcherFor(names: readonly DeniedName[]): NameMatcher {
  let m = compiled.get(names);
  if (!m) compiled.set(names, (m = new NameMatcher(names)));
  return m;
}
