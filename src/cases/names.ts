import anyAscii from 'any-ascii';
import { NAME_PARTICLES } from '../text/name-particles.js';

/**
 * Person names compared across reports: "Rath Rott Mony" in one outlet is "Rath Rott Muny" in
 * another, and "Pavel Drost" may lose or gain a diacritic. Comparison is token by token (name
 * order differs across cultures, so tokens are aligned, not read left to right) with
 * Jaro-Winkler similarity per token.
 */

/** Lower case, no diacritics, no punctuation; non-Latin scripts are kept as they are. */
export function normalizeName(name: string): string {
  return name
    // Latin letters NFKD leaves whole ("ø", "ł", "ß", "đ") read as any-ascii spells them.
    .replace(/[\u00c0-\u024f\u1e00-\u1eff]/gu, (ch) => (/[\u00c0-\u024f\u1e00-\u1eff]/u.test(ch.normalize('NFKD').replace(/[\u0300-\u036f]/gu, '')) ? anyAscii(ch) : ch))
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

/** Words before a name that are not the name ("Mr Jalingo", "Dr. Rusk"). */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'madam', 'madame', 'mme', 'mlle', 'monsieur', 'sheikh', 'shaikh', 'hon', 'rev', 'fr', 'sr', 'jr']);
/**
 * Family names written first (Chinese and Korean): a lone name in such a report is the family
 * name, the first token. Vietnamese and Khmer names also put the family name first, but their
 * bearers are called by the given name, the last token, as Western names are by the family name.
 */
const FAMILY_FIRST = new Set(
  ('zhang wang li liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao jin fan fang shi tan liao zou xiong qiu qin jia xia fu gu hou meng long wan duan qian tang yin ' +
    'kim lee park choi jung jeong kang cho yoon yun jang lim im oh seo shin kwon hwang ahn an yoo ryu hong jeon ko moon mun yang son bae baek heo nam noh')
    .split(' ')
    .filter(Boolean),
);

/** The tokens names are compared on: no honorific, no particle (unless nothing else is left). */
export function matchTokens(name: string): string[] {
  const all = nameTokens(name);
  const core = all.filter((t) => !HONORIFICS.has(t) && !NAME_PARTICLES.has(t));
  return core.length ? core : all.filter((t) => !HONORIFICS.has(t));
}

/** The token a person is called by alone ("Mr Jalingo", "Zhang"): the family name, first for Chinese and Korean names, else last. */
export function calledBy(tokens: string[]): string | undefined {
  if (tokens.length >= 2 && tokens.length <= 3 && FAMILY_FIRST.has(tokens[0]!) && !FAMILY_FIRST.has(tokens[tokens.length - 1]!)) return tokens[0];
  return tokens[tokens.length - 1];
}

/** Similarity of two tokens: "alhathloul" and "hathloul" are one name with its article joined or dropped. */
function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const bare = (t: string) => (t.length > 5 ? t.replace(/^(al|el|ul)/, '') : t);
  if (bare(a) === bare(b)) return 0.98;
  // An initial matches any token it begins ("P. Drost").
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 0.9 : 0;
  return jaroWinkler(a, b);
}

/** A token counts as found in the other name at this similarity or above. */
const SAME_TOKEN = 0.9;
/** Below this a token has no counterpart in the other name: another person's name, not a respelling. */
const UNLIKE_TOKEN = 0.75;

export interface NameMatch {
  score: number;
  /** Every token of the shorter name found in the longer one ("Drost" in "Pavel Drost"). */
  subset: boolean;
  /**
   * The names name two people: two or more tokens each but only one in common ("Zhang Zhan" /
   * "Zhang Jialong"), or a lone name that is not the one the other is called by. No company
   * kept or shared country makes them one.
   */
  distinct?: boolean;
}

/**
 * Similarity of two full names. Each token of the shorter name takes its best unused partner
 * in the longer; the sum is divided by the longer name's length, so a shared family name alone
 * ("Rath Sokha" against "Rath Rott Mony") scores low while a one-letter transliteration
 * difference ("Mony"/"Muny") costs little. One shared name is never enough: two names of two
 * or more tokens need two in common; a lone name must be the one the other is called by.
 */
export function compareNames(a: string, b: string): NameMatch {
  const ta = matchTokens(a);
  const tb = matchTokens(b);
  if (!ta.length || !tb.length) return { score: 0, subset: false };
  if (ta.join(' ') === tb.join(' ')) return ta.length === 1 ? { score: 0.75, subset: true } : { score: 1, subset: true };
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (short.length === 1) {
    const s = tokenSimilarity(short[0]!, calledBy(long)!);
    return s >= SAME_TOKEN ? { score: s / long.length, subset: true } : { score: Math.min(0.3, s / long.length), subset: false, distinct: true };
  }
  const used = new Set<number>();
  let sum = 0;
  let found = 0;
  let alien = false;
  for (const token of short) {
    let best = 0;
    let bestAt = -1;
    long.forEach((other, k) => {
      if (used.has(k)) return;
      const s = tokenSimilarity(token, other);
      if (s > best) [best, bestAt] = [s, k];
    });
    if (bestAt >= 0) used.add(bestAt);
    if (best >= SAME_TOKEN) found++;
    // A name the other has nothing like: "Orla" against "Ilse" beside a shared "Van Doorn".
    if (best < UNLIKE_TOKEN) alien = true;
    sum += best;
  }
  if (found < 2 || alien) return { score: Math.min(0.45, sum / long.length), subset: false, distinct: true };
  return { score: sum / long.length, subset: found === short.length && short.length < long.length };
}
