import { createRequire } from 'node:module';

/**
 * Lemmas from the word and its PTB tag: words seen in training with an irregular lemma are looked
 * up ("was"/VBD → "be", "children"/NNS → "child"); the rest take the edit learnt for the longest
 * matching suffix under their tag ("-ied"/VBD → strip 3, add "y": "denied" → "deny").
 */
export interface LemmaRules {
  /** "lower\txpos" → lemma, where the suffix rules get it wrong. */
  exceptions: Record<string, string>;
  /** xpos → suffix → "strip:add". */
  rules: Record<string, Record<string, string>>;
}

const MAX_SUFFIX = 4;

/**
 * WordNet's irregular verb forms ("shot" → "shoot", "fled" → "flee", "slain" → "slay"), as
 * wink-lexicon ships them. EWT's training split never shows many past forms that reports of
 * attacks are made of; the suffix rules then guess ("shot" → "shet") and the trigger is lost.
 */
const IRREGULAR_VERBS = createRequire(import.meta.url)('wink-lexicon/src/wn-verb-exceptions.js') as Record<string, string | undefined>;
const INFLECTED_VERB = new Set(['VBD', 'VBN', 'VBG']);
/**
 * Forms that are also a verb's base ("lay" ← "laid", "saw" ← "sawn"): only a past tag makes them
 * past. WordNet's doubled-consonant entries ("shotted", "bitting") make no base of "shot" or "bit".
 */
const BASES = new Set(
  Object.entries(IRREGULAR_VERBS)
    .filter(([form, lemma]) => lemma && form !== `${lemma}${lemma.slice(-1)}ed` && form !== `${lemma}${lemma.slice(-1)}ing`)
    .map(([, lemma]) => lemma!),
);
const PRESENT_VERB = new Set(['VB', 'VBP']);

/** The base of an irregular past form that is no base itself ("upheld" → "uphold"), if it is one. */
export function irregularBase(word: string): string | undefined {
  const lower = word.toLowerCase();
  return Object.hasOwn(IRREGULAR_VERBS, lower) && !BASES.has(lower) ? IRREGULAR_VERBS[lower] : undefined;
}

function caseFor(word: string, xpos: string): string {
  return xpos === 'NNP' || xpos === 'NNPS' ? word : word.toLowerCase();
}

function edit(from: string, to: string): string {
  let k = 0;
  while (k < from.length && k < to.length && from[k] === to[k]) k++;
  return `${from.length - k}:${to.slice(k)}`;
}

function applyEdit(word: string, e: string): string {
  const colon = e.indexOf(':');
  const strip = Number(e.slice(0, colon));
  return word.slice(0, word.length - strip) + e.slice(colon + 1);
}

function byRules(rules: LemmaRules['rules'], word: string, xpos: string): string | undefined {
  const table = Object.hasOwn(rules, xpos) ? rules[xpos] : undefined;
  if (!table) return undefined;
  for (let k = Math.min(MAX_SUFFIX, word.length - 1); k >= 0; k--) {
    const suffix = word.slice(word.length - k);
    const e = Object.hasOwn(table, suffix) ? table[suffix] : undefined;
    if (e !== undefined) return applyEdit(word, e);
  }
  return undefined;
}

export function lemmatize(rules: LemmaRules, word: string, xpos: string): string {
  const w = caseFor(word, xpos);
  // "Police shot the activist" tagged present: "shot" is no verb's base, so it is still "shoot"
  const lower = w.toLowerCase();
  const irregular = (INFLECTED_VERB.has(xpos) || (PRESENT_VERB.has(xpos) && !BASES.has(lower))) && Object.hasOwn(IRREGULAR_VERBS, lower) ? IRREGULAR_VERBS[lower] : undefined;
  const key = `${lower}\t${xpos}`;
  const known = (Object.hasOwn(rules.exceptions, key) ? rules.exceptions[key] : undefined) ?? irregular;
  if (known !== undefined) return known;
  const guessed = byRules(rules.rules, w, xpos);
  return guessed !== undefined && INFLECTED_VERB.has(xpos) ? withSilentE(guessed) : (guessed ?? w);
}

let wordNet: ReadonlySet<string> | undefined;
/** WordNet's words, read on the first guessed verb form (a tenth of a second). */
const wordNetWords = (): ReadonlySet<string> => (wordNet ??= new Set(Object.keys(createRequire(import.meta.url)('wink-lexicon/src/wn-words.js') as Record<string, unknown>)));

/**
 * A suffix rule's verb base, mended by WordNet where it is no word and its silent "e" would make
 * one: "revoked" → "revok" → "revoke" (so "revoked her bail" reads as the refusal it is), and
 * the other way round, "rented" → "rente" → "rent".
 */
function withSilentE(base: string): string {
  if (!/^[a-z]+$/.test(base)) return base;
  const words = wordNetWords();
  if (words.has(base)) return base;
  if (words.has(`${base}e`)) return `${base}e`;
  if (base.endsWith('e') && words.has(base.slice(0, -1))) return base.slice(0, -1);
  return base;
}

/** Learns the rules and exceptions from (word, xpos, lemma) triples. */
export function learnLemmaRules(sentences: readonly { words: string[]; xpos: string[]; lemmas: string[] }[]): LemmaRules {
  const counts = new Map<string, Map<string, Map<string, number>>>();
  const seen = new Map<string, Map<string, number>>();
  const samples = new Map<string, string>();
  for (const s of sentences) {
    s.words.forEach((word, i) => {
      const xpos = s.xpos[i]!;
      const lemma = s.lemmas[i]!;
      if (lemma === '_') return;
      const w = caseFor(word, xpos);
      const key = `${w.toLowerCase()}\t${xpos}`;
      const byLemma = seen.get(key) ?? new Map<string, number>();
      byLemma.set(lemma, (byLemma.get(lemma) ?? 0) + 1);
      seen.set(key, byLemma);
      samples.set(key, w);
      const e = edit(w, lemma);
      const table = counts.get(xpos) ?? new Map<string, Map<string, number>>();
      counts.set(xpos, table);
      for (let k = 0; k <= Math.min(MAX_SUFFIX, w.length - 1); k++) {
        const suffix = w.slice(w.length - k);
        const edits = table.get(suffix) ?? new Map<string, number>();
        edits.set(e, (edits.get(e) ?? 0) + 1);
        table.set(suffix, edits);
      }
    });
  }
  const rules: LemmaRules['rules'] = {};
  for (const [xpos, table] of counts) {
    const out: Record<string, string> = {};
    const suffixes = [...table.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    for (const suffix of suffixes) {
      const [bestEdit] = [...table.get(suffix)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
      // A longer suffix is kept only where it says something its fallback does not.
      let fallback: string | undefined;
      for (let j = 1; j <= suffix.length && fallback === undefined; j++) fallback = out[suffix.slice(j)];
      if (suffix.length === 0 || fallback !== bestEdit) out[suffix] = bestEdit;
    }
    rules[xpos] = out;
  }
  const exceptions: Record<string, string> = {};
  for (const [key, byLemma] of seen) {
    const [lemma] = [...byLemma].sort((a, b) => b[1] - a[1])[0]!;
    const xpos = key.slice(key.indexOf('\t') + 1);
    if (byRules(rules, samples.get(key)!, xpos) !== lemma) exceptions[key] = lemma;
  }
  return { exceptions, rules };
}
