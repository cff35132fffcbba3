import type { Token } from '../../text/doc.js';

/**
 * The words the recogniser reads, which are not always our tokens. The tokenizer follows UD EWT
 * and splits a hyphenated word ("Haddad - Lenz") so that the tagger and parser see what they
 * were trained on; the recogniser was trained on CoNLL-2003, which keeps it whole. Fed the
 * pieces, it found "Amira Haddad" and a place "Lenz", "Samira" and an organisation "Haddadi"
 * for "Samira al-Haddadi", and "Chan Wing" for "Chan Wing-kei". So the pieces of a hyphenated
 * word are joined again here, and each label is spread back over its tokens.
 *
 * Not joined: a name with a lower-case word that makes it an adjective ("Bangkok-based",
 * "Kremlin-backed", "French-speaking"). CoNLL calls those MISC, and Vigil would lose the place
 * in them; split, "Bangkok" stays a place.
 */

/** One recogniser word: tokens `first..last` (inclusive) and the text they cover. */
export interface NerWord {
  first: number;
  last: number;
  text: string;
}

const HYPHEN = /^[-\u2010\u2011]$/;
const WORDLIKE = /^[\p{L}\p{N}][\p{L}\p{N}.']*$/u;
/** Lower-case words after a hyphen that make the whole an adjective or a kind: not part of a name. */
const COMBINING = new Set([
  'born', 'bred', 'run', 'led', 'held', 'made', 'style', 'type', 'era', 'wide', 'like', 'friendly', 'free',
  'speaking', 'language', 'owned', 'bound', 'leaning', 'centric', 'area', 'region', 'border', 'level', 'wing',
]);

/**
 * Whether a word after a hyphen makes the compound a modifier, not a name: a participle in -ed
 * ("Bangkok-based", "Kremlin-backed") or a combining word ("Tamil-speaking", "US-led"). The
 * person cues read names by the same test.
 */
export function isModifierTail(word: string): boolean {
  return /^\p{Ll}+ed$/u.test(word) || COMBINING.has(word);
}

/** Whether `left - right` written without spaces is one word of a name. */
function joins(left: string, right: string): boolean {
  if (!WORDLIKE.test(left) || !WORDLIKE.test(right)) return false;
  if (/^\p{Lu}/u.test(right)) return true; // "Haddad-Lenz", "Marie-Claude", "al-Haddadi"
  // "Wing-kei", "Jae-won": a capitalised name with a lower-case second syllable
  return /^\p{Lu}/u.test(left) && /^\p{Ll}+$/u.test(right) && !isModifierTail(right);
}

/** The recogniser's words over a sentence's tokens. */
export function nerWords(tokens: readonly Token[]): NerWord[] {
  const out: NerWord[] = [];
  let i = 0;
  while (i < tokens.length) {
    let last = i;
    // join "a - b - c" while each hyphen touches both neighbours
    while (last + 2 < tokens.length) {
      const hyphen = tokens[last + 1]!;
      const next = tokens[last + 2]!;
      const touching = tokens[last]!.end === hyphen.start && hyphen.end === next.start;
      if (!touching || !HYPHEN.test(hyphen.text) || !joins(tokens[last]!.text, next.text)) break;
      last += 2;
    }
    const text = last === i ? tokens[i]!.text : tokens.slice(i, last + 1).map((t) => t.text).join('');
    out.push({ first: i, last, text });
    i = last + 1;
  }
  return out;
}
