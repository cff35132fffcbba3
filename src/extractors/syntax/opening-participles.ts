import { irregularBase } from './lemmatizer.js';
import type { TaggedWord } from './tagger-model.js';

/**
 * A news sentence may open on a participle that describes the person it names: "Jailed blogger
 * X was moved", "Slain journalist X was buried", "Imprisoned editor X has been on hunger strike".
 * The capital makes the tagger read the participle as a name (and the role words after it as part
 * of that name), or as the sentence's verb; the parse then hangs the person nowhere the event can
 * find. Opening a sentence, a capitalised participle (an -ed or -en word, or an irregular past
 * form), then up to four words of a description (in lower case, but for a people's or a faith's
 * name among them), then a capitalised word, is an adjective of the noun phrase; the lower-case
 * words the tagger took for a name are common nouns.
 */

/** Marks a sentence may open with before its first word. */
const OPENERS = /^[‘’'"“”([]$/;
/** What a word of the description may be tagged: its nouns and adjectives ("human rights lawyer", "prominent journalist"). */
const DESCRIBING = new Set(['NOUN', 'PROPN', 'ADJ']);
/** How the participle may have been read: a name, the verb, an adjective. */
const MISREAD = new Set(['NNP', 'VBN', 'VBD', 'JJ']);

function participleShaped(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}{3,}$/u.test(word)) return false;
  return /(?:ed|en)$/.test(word) || irregularBase(word) !== undefined;
}

/** Prepositions a fronted participle's clause goes on with: "Jailed for three years in 2020, X …", "Released on bail, X …". */
const FRONTED_CASES = new Set(['for', 'since', 'on', 'in', 'at', 'by', 'after', 'without', 'over', 'under', 'from']);

/**
 * "Jailed for three years in 2020, blogger X was released", with the capitalised participle read as
 * a name: an -ed word (or an irregular past form, not an -en word: "Helen", "Owen") that opens the
 * sentence, goes on with a preposition, and ends its clause at a comma, is the participle.
 */
function frontedClause(words: readonly string[], tags: readonly TaggedWord[], first: number): boolean {
  const word = words[first]!;
  if (!/ed$/.test(word) && irregularBase(word) === undefined) return false;
  if (tags[first]!.xpos !== 'NNP' || !FRONTED_CASES.has(words[first + 1]?.toLowerCase() ?? '')) return false;
  return words.slice(first + 2, first + 12).includes(',');
}

export function openingParticiples(words: readonly string[], tags: readonly TaggedWord[]): TaggedWord[] {
  let first = 0;
  while (first < words.length && OPENERS.test(words[first]!)) first++;
  const word = words[first];
  if (word !== undefined && participleShaped(word) && frontedClause(words, tags, first)) {
    const out = [...tags];
    out[first] = { upos: 'VERB', xpos: 'VBN', lemma: irregularBase(word) ?? word.toLowerCase() };
    return out;
  }
  if (word === undefined || !participleShaped(word) || !MISREAD.has(tags[first]!.xpos)) return [...tags];
  // the description: lower-case nouns and adjectives, maybe a people's or a faith's name among them
  // ("Jailed Uyghur scholar X", "Abducted Anglican priest Father X"); it ends at its last lower-case word
  const lower = (j: number) => /^\p{Ll}[\p{Ll}-]*$/u.test(words[j]!) && DESCRIBING.has(tags[j]!.upos);
  const capital = (j: number) => /^\p{Lu}\p{Ll}+$/u.test(words[j]!) && DESCRIBING.has(tags[j]!.upos);
  let last = -1;
  for (let j = first + 1; j < words.length && j - first <= 4 && (lower(j) || capital(j)); j++) if (lower(j)) last = j;
  const k = last + 1;
  // the description ends on a name: "Jailed blogger Ruth Omari"; not "Mohammed said", not "Arrested in March, …"
  if (last < 0 || k >= words.length || !/^\p{Lu}/u.test(words[k]!) || tags[k]!.upos !== 'PROPN') return [...tags];
  const out = [...tags];
  out[first] = { upos: 'ADJ', xpos: 'JJ', lemma: word.toLowerCase() };
  for (let j = first + 1; j < k; j++) {
    if (out[j]!.upos !== 'PROPN') continue;
    const plural = out[j]!.xpos === 'NNPS';
    out[j] = { upos: 'NOUN', xpos: plural ? 'NNS' : 'NN', lemma: plural ? words[j]!.replace(/s$/, '') : words[j]! };
  }
  return out;
}
