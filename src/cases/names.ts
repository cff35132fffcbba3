/**
 * Person names compared across reports: "Rath Rott Mony" in one outlet is "Rath Rott Muny" in
 * another, and "Pavel Drost" may lose or gain a diacritic. Comparison is token by token (name
 * order differs across cultures, so tokens are aligned, not read left to right) with
 * Jaro-Winkler similarity per token.
 */

/** Lower case, no diacritics, no punctuation; non-Latin scripts are kept as they are. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    // Only the diacritics of Latin, Greek and Cyrillic, and Arabic's optional vowel marks: the vowel
    // signs of Khmer, Thai or Devanagari are letters of the name, not decoration.
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .replace(/[\s-]+/g, ' ')
    .trim();
}

export function nameTokens(name: string): string[] {
  const n = normalizeName(name);
  return n ? n.split(' ') : [];
}

/** Jaro-Winkler similarity in [0, 1] (Winkler's prefix scale 0.1, prefix up to 4). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(b.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

export interface NameMatch {
  score: number;
  /** Every token of the shorter name found in the longer one ("Drost" in "Pavel Drost"). */
  subset: boolean;
}

/**
 * Similarity of two full names. Each token of the shorter name takes its best unused partner
 * in the longer; the sum is divided by the longer name's length, so a shared family name alone
 * ("Rath Sokha" against "Rath Rott Mony") scores low while a one-letter transliteration
 * difference ("Mony"/"Muny") costs little.
 */
export function compareNames(a: string, b: string): NameMatch {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (!ta.length || !tb.length) return { score: 0, subset: false };
  if (ta.join(' ') === tb.join(' ')) return { score: 1, subset: true };
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const used = new Set<number>();
  let sum = 0;
  let allFound = true;
  for (const token of short) {
    let best = 0;
    let bestAt = -1;
    long.forEach((other, k) => {
      if (used.has(k)) return;
      // An initial matches any token it begins ("P. Drost").
      const s = token.length === 1 && other.startsWith(token) ? 0.9 : jaroWinkler(token, other);
      if (s > best) [best, bestAt] = [s, k];
    });
    if (bestAt >= 0) used.add(bestAt);
    if (best < 0.9) allFound = false;
    sum += best;
  }
  return { score: sum / long.length, subset: allFound && short.length < long.length };
}
