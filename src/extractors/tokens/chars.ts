/** Character classes the tokenizer asks about, by UTF-16 code unit, without allocating. */

const LETTER = /\p{L}|\p{M}/u;
const LETTER_OR_DIGIT = /\p{L}|\p{M}|\p{N}/u;

export function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return c >= 48 && c <= 57;
}

export function isAlnum(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(ch);
}

export function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && isLetter(ch) && ch !== ch.toLowerCase();
}

export function isLower(ch: string | undefined): boolean {
  return ch !== undefined && isLetter(ch) && ch !== ch.toUpperCase();
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 12 || code === 11 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff || code === 0x1680 || code === 0x85;
}

/** Opening punctuation split off the front of a word. */
export const PREFIX_CHARS = new Set([...'"\'“‘«‹([{<$£€¥#*¿¡„‚`~']);
/** Closing punctuation split off the end of a word (periods are handled apart). */
export const SUFFIX_CHARS = new Set([...'"\'”’»›)]}>,;:%*`']);
/** Dashes that always stand alone: em dash, en dash, horizontal bar, minus. */
export const DASHES = new Set([...'—–―−']);
/** Sentence-final marks; a run of them ("?!", "...") is one token. */
export const TERMINALS = new Set([...'.!?…']);
export const APOSTROPHES = new Set(["'", '’']);
