/**
 * A news dateline ("ORVANE —", "PHNOM PENH, Cambodia (Reuters) —") is not part of the sentence it
 * heads, but a parser trained on UD EWT has rarely seen one and lets it pull the sentence apart:
 * "ORVANE — Police detained Sana Oduya …, her colleagues said" came out with the police as the
 * one detained. The parser component parses the dateline and the sentence separately, and the
 * sentence-boundary model never splits inside one (trained on web text, it once cut "ORVANE —" off).
 */
const DASH = /^(—|–|--|-)$/;
const CAPS = /^\p{Lu}[\p{Lu}\p{M}.'’-]*$/u;

/** Index of the dash that ends a dateline at the head of these words, or -1. */
export function datelineDash(words: readonly string[]): number {
  const limit = Math.min(words.length - 2, 10);
  if (!CAPS.test(words[0] ?? '') || (words[0] ?? '').length < 2) return -1;
  let parens = 0;
  for (let i = 1; i <= limit; i++) {
    const w = words[i]!;
    if (DASH.test(w)) return i;
    if (w === '(') parens++;
    else if (w === ')') parens--;
    // inside the place: more capitals, a comma, a country or agency in title case ("Cambodia",
    // "(Reuters)"), and the wire's date ("DUBAI, Oct 3 (Reuters) -")
    else if (w !== ',' && !/^\d{1,4}$/.test(w) && !(parens > 0 || /^\p{Lu}/u.test(w))) return -1;
  }
  return -1;
}
