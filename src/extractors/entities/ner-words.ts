import type { Token } from '../../text/doc.js';

/**
 * The words the recogniser reads, which are not always our tokens. The tokenizer follows UD EWT
 * and splits a hyphenated word ("Zaghari - Ratcliffe") so that the tagger and parser see what
 * they were trained on; the recogniser was trained on CoNLL-2003, which keeps it whole. Fed the
 * pieces, it found "Nazanin Zaghari" and a place "Ratcliffe", "Samira" and an organisation
 * "Khalil" for "Samira al-Khalil", and "Lam Cheuk" for "Lam Cheuk-ting". So the pieces of a
 * hyphenated word are joined again here, and each label is spread back over its tokens.
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
  'based', 'born', 'bred', 'run', 'led', 'held', 'made', 'style', 'era', 'wide', 'like', 'friendly', 'free',
  'speaking', 'language', 'owned', 'backed', 'controlled', 'funded', 'linked', 'affiliated', 'allied',
  'occupied', 'dominated', 'bound', 'related', 'registered', 'listed', 'aligned', 'leaning', 'oriented',
  'centric', 'area', 'region', 'border', 'level', 'wing',
]);

/** Whether `left - right` written without spaces is one word of a name. */
function joins(left: string, right: string): boolean {
  if (!WORDLIKE.test(left) || !WORDLIKE.test(right)) return false;
  if (/^\p{Lu}/u.test(right)) return true; // "Zaghari-Ratcliffe", "Jean-Claude", "al-Khalil"
  // "Cheuk-ting", "Man-kei": a capitalised name with a lower-case second syllable
  return /^\p{Lu}/u.test(left) && /^\p{Ll}+$/u.test(right) && !COMBINING.has(right) && !/ed$/.test(right);
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
