import { DATE_NAMES } from '../dates/lexicon.js';
import { FINITE } from './headline-verbs.js';
import type { TaggedWord } from './tagger-model.js';
import { irregularBase } from './lemmatizer.js';

/**
 * A sentence of running text has a finite verb; the tagger, trained on web text, may leave a news
 * sentence with none. "Police detained activist X", "Security forces attacked prominent lawyer X"
 * are read as reduced relatives ("police [who were] detained"), and the parse makes the person the
 * agent of a passive: when a sentence has no finite verb, its first verb is a past participle right
 * after a noun, and the words of an object follow, that verb is the past tense. A plural noun right
 * after a name, which training also saw as a verb and which is followed by what may follow a verb,
 * is the name's verb in the present ("Ana Lopez lives in exile"). And in any sentence, a word the
 * tagger read as a preposition before a name, which its training never saw as one ("arrested
 * activist X"), is a noun; and a capitalised first word read as a verb before a noun, never seen
 * as one, is the noun's modifier ("Plainclothes officers detained X").
 */

/** Words an object may start with; a number or a date after the participle is a headline's ("Activist jailed five years", "Editor detained Monday"). */
const OBJECT_START = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON']);
/** Prepositions too rare in the tagger's training to have a class there; "-ing" words ("including") are left alone too. */
const RARE_PREPOSITIONS = new Set(['amid', 'amidst', 'alongside', 'versus', 'beside', 'beneath', 'unlike', 'atop', 'underneath', 'amongst', 'notwithstanding', 'excluding', 'barring', 'save', 'vs', 'circa', 'minus', 'plus', 'unto', 'till', 'pro']);
/** Participles news uses as adjectives before a place or a body: "neighbouring Kyrgyzstan", "the ruling party". */
const ADJECTIVAL_PARTICIPLES = new Set(['neighbouring', 'neighboring', 'ruling', 'outgoing', 'incoming', 'ongoing', 'opposing', 'governing', 'surrounding', 'remaining', 'existing', 'presiding', 'reigning']);
/** Words that open a date without being a month's or a day's name. */
const DATE_OPENERS = new Set(['today', 'yesterday', 'last', 'this', 'next']);
const isDateWord = (w: string): boolean => DATE_NAMES.has(w.toLowerCase()) || DATE_OPENERS.has(w.toLowerCase());

/** "at X", "upon the reporter": what a shot or a volley is aimed at, a name or a noun phrase, at word `k`. */
function aimedAtName(words: readonly string[], tags: readonly TaggedWord[], k: number): boolean {
  return /^(?:at|upon)$/i.test(words[k] ?? '') && ['PROPN', 'DET'].includes(tags[k + 1]?.upos ?? '');
}

/**
 * "Police picked up Dar, 33, …, two days after his photographs were published": in a sentence
 * with a finite verb further on, a participle among its first words, after only the words of a
 * subject and before a name or a personal pronoun (past its particle), is the sentence's verb in
 * the past: a reduced relative ("journalists arrested last year were …") has no object.
 */
const NAMING = new Set(['named', 'called', 'dubbed', 'nicknamed', 'titled', 'entitled', 'known', 'christened', 'renamed']);
/** Participles with two objects, whose reduced relative keeps one: "Journalists granted UNHCR protection were deported". */
const DITRANSITIVE = new Set(['granted', 'given', 'offered', 'denied', 'awarded', 'shown', 'handed', 'sent', 'told', 'promised', 'allowed', 'refused', 'issued', 'paid', 'lent', 'assigned']);

/**
 * Whether the finite verb after the object at `o` is the subject's own, right after the object's
 * words with no comma or "and" before it ("Journalists granted protection were deported"), as a
 * reduced relative's subject has it; not a verb joined on after a comma ("The magistrate granted X
 * bail of $20, ordered him to report").
 */
function subjectsVerbFollows(words: readonly string[], tags: readonly TaggedWord[], o: number): boolean {
  for (let k = o; k < words.length; k++) {
    if (words[k] === ',' || words[k] === ';' || words[k]!.toLowerCase() === 'and') return false;
    if (FINITE.has(tags[k]!.xpos) || tags[k]!.upos === 'AUX') return true;
  }
  return false;
}

function openingActive(words: readonly string[], out: TaggedWord[], usedAs: (word: string, upos: string) => boolean): TaggedWord[] {
  const i = out.findIndex((t) => t.upos === 'VERB' || t.upos === 'AUX');
  // ("The magistrate granted X bail", with the subject read as an adjective training never saw it as)
  const nounRead = i >= 1 && out[i - 1]!.upos === 'ADJ' && !usedAs(words[i - 1]!, 'ADJ') && /^\p{Ll}/u.test(words[i - 1]!);
  if (i < 1 || i > 3 || out[i]!.xpos !== 'VBN' || !out.slice(0, i).every((t) => ['NOUN', 'PROPN', 'ADJ', 'DET'].includes(t.upos)) || !(['NOUN', 'PROPN'].includes(out[i - 1]!.upos) || nounRead)) return out;
  const o = out[i + 1]?.xpos === 'RP' ? i + 2 : i + 1;
  const next = out[o];
  // "A journalist named Vera Lind was arrested": a name given is the participle's, whatever follows
  if (!next || !(next.upos === 'PROPN' || ['PRP', 'PRP$'].includes(next.xpos)) || isDateWord(words[o]!) || NAMING.has(words[i]!.toLowerCase())) return out;
  if (DITRANSITIVE.has(words[i]!.toLowerCase()) && subjectsVerbFollows(words, out, o)) return out;
  const fixed = [...out];
  fixed[i] = { ...out[i]!, xpos: 'VBD' };
  if (nounRead) fixed[i - 1] = { upos: 'NOUN', xpos: 'NN', lemma: words[i - 1]!.toLowerCase() };
  return fixed;
}

/**
 * The tags of one sentence with its participle read as the finite verb. `usedAs(word, upos)` says
 * whether the tagger's training saw the word with that UPOS (a word it never saw is no preposition:
 * prepositions are few and frequent).
 */
export function finiteVerbs(words: readonly string[], tags: readonly TaggedWord[], usedAs: (word: string, upos: string) => boolean): TaggedWord[] {
  const out = [...tags];
  // "arrested journalist X": a word read as a preposition before a name, which is never one, is a noun
  for (let k = 1; k + 1 < words.length; k++) {
    const w = words[k]!;
    if (tags[k]!.upos !== 'ADP' || tags[k + 1]!.upos !== 'PROPN' || !/^\p{Ll}{3,}$/u.test(w) || w.endsWith('ing') || RARE_PREPOSITIONS.has(w) || usedAs(w, 'ADP')) continue;
    out[k] = { upos: 'NOUN', xpos: 'NN', lemma: w };
  }
  // "In neighbouring Kyrgyzstan", "the ruling party": a participle that is an adjective of place
  // or standing, after a preposition or a determiner and before a noun or a name, is an adjective
  for (let k = 1; k + 1 < words.length; k++) {
    if (out[k]!.xpos !== 'VBG' || !ADJECTIVAL_PARTICIPLES.has(words[k]!.toLowerCase())) continue;
    if (!['ADP', 'DET', 'SCONJ'].includes(out[k - 1]!.upos) || !['NOUN', 'PROPN', 'ADJ'].includes(out[k + 1]!.upos) || isDateWord(words[k + 1]!)) continue;
    out[k] = { upos: 'ADJ', xpos: 'JJ', lemma: words[k]!.toLowerCase() };
  }
  // "Student activist X is in custody": a word read as a past tense that training never saw as a
  // verb and that has no past tense's form (no -ed, no irregular past) is a noun
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (out[k]!.xpos !== 'VBD' || !/^\p{Ll}{3,}$/u.test(w) || /(?:ed|en)$/.test(w) || irregularBase(w) !== undefined || usedAs(w, 'VERB')) continue;
    out[k] = { upos: 'NOUN', xpos: 'NN', lemma: w };
  }
  // "X has since fled to Lithuania": "since" between a form of "have" and a participle has no
  // object; it is an adverb, and the participle the clause's verb (not a clause hung on "since")
  for (let k = 1; k + 1 < words.length; k++) {
    if (words[k]!.toLowerCase() !== 'since' || out[k + 1]!.xpos !== 'VBN' || !/^(?:has|have|had|'s|'ve|'d)$/i.test(words[k - 1]!)) continue;
    out[k] = { upos: 'ADV', xpos: 'RB', lemma: 'since' };
    out[k - 1] = { upos: 'AUX', xpos: out[k - 1]!.xpos, lemma: 'have' };
  }
  // "X was himself shot and wounded": a past form after a form of "be" and a reflexive is the passive's participle, not a noun
  for (let k = 2; k < words.length; k++) {
    const w = words[k]!;
    if (!/^(?:himself|herself|themselves|itself)$/i.test(words[k - 1]!) || !/^(?:was|were|is|are|been|being)$/i.test(words[k - 2]!) || out[k]!.upos === 'VERB') continue;
    const base = irregularBase(w.toLowerCase());
    if (!(base !== undefined || /^\p{Ll}+ed$/u.test(w)) || !usedAs(w, 'VERB')) continue;
    out[k] = { upos: 'VERB', xpos: 'VBN', lemma: base ?? w.toLowerCase().replace(/ed$/, '') };
  }
  // "Plainclothes officers detained X": a capitalised first word read as a verb in the present, right
  // before a noun, which training never saw as a verb, is the noun's modifier (its -s is no verb's)
  const first = words[0] ?? '';
  if (tags[0]?.xpos === 'VBZ' && /^\p{Lu}\p{Ll}+s$/u.test(first) && tags[1]?.upos === 'NOUN' && !usedAs(first, 'VERB') && !usedAs(first.toLowerCase(), 'VERB')) {
    out[0] = { upos: 'ADJ', xpos: 'JJ', lemma: first.toLowerCase() };
  }
  if (out.some((t) => FINITE.has(t.xpos))) return openingActive(words, out, usedAs);
  // "Ana Lopez lives in exile": a plural noun right after a name, which training also saw as a verb, is the name's verb
  for (let k = 1; k + 1 < words.length; k++) {
    if (out[k]!.xpos !== 'NNS' || out[k - 1]!.upos !== 'PROPN' || !usedAs(words[k]!, 'VERB') || !/^\p{Ll}+s$/u.test(words[k]!)) continue;
    if (!['ADP', 'DET', 'ADV', 'PRON', 'ADJ', 'PART'].includes(out[k + 1]!.upos)) continue;
    // the noun's lemma is the noun's ("lives" → "life"): the verb's is the word less its ending
    out[k] = { upos: 'VERB', xpos: 'VBZ', lemma: words[k]!.replace(/(?<=(?:ss|x|z|ch|sh))es$|s$/, '') };
    return out;
  }
  // "Gunmen shot Hernan Ortiz", "Police shot X": a past tense read as a noun between its subject
  // and a name, in a sentence with no finite verb, is the verb
  for (let k = 1; k + 1 < words.length && k <= 3; k++) {
    const base = irregularBase(words[k]!.toLowerCase());
    const past = base !== undefined || /^\p{Ll}+ed$/u.test(words[k]!);
    if (out[k]!.upos !== 'NOUN' || !past || !usedAs(words[k]!, 'VERB') || !['NOUN', 'ADJ', 'PROPN'].includes(out[k - 1]!.upos) || !(out[k + 1]!.upos === 'PROPN' || aimedAtName(words, out, k + 1))) continue;
    out[k] = { upos: 'VERB', xpos: 'VBD', lemma: base ?? words[k]!.toLowerCase().replace(/ed$/, '') };
    if (out[k - 1]!.upos === 'ADJ' && k === 1) out[0] = { upos: 'NOUN', xpos: /s$/.test(words[0]!) || /men$/.test(words[0]!) ? 'NNS' : 'NN', lemma: words[0]!.toLowerCase() };
    return out;
  }
  // "A Zimbabwean magistrate on Thursday acquitted freelance journalist X": in a sentence with no
  // finite verb, before any verb, a past form read as an adjective (and never one in training), after a noun or a
  // day and before the words of an object, is the past tense
  {
    const firstVerb = out.findIndex((t) => t.upos === 'VERB' || t.upos === 'AUX');
    for (let k = 1; k + 1 < (firstVerb < 0 ? words.length : firstVerb); k++) {
      const w = words[k]!;
      // (seen as a verb in training, or never seen as an adjective: the tag of an unseen word is a guess)
      if (out[k]!.upos !== 'ADJ' || !/^\p{Ll}+ed$/u.test(w) || !(usedAs(w, 'VERB') || !usedAs(w, 'ADJ'))) continue;
      if (!['NOUN', 'PROPN'].includes(out[k - 1]!.upos) || !OBJECT_START.has(out[k + 1]!.upos)) continue;
      out[k] = { upos: 'VERB', xpos: 'VBD', lemma: irregularBase(w) ?? w.replace(/ed$/, '') };
      return out;
    }
  }
  const i = out.findIndex((t) => t.upos === 'VERB' || t.upos === 'AUX');
  // "A magistrate denied X bail": the subject may have been read as an adjective of what follows
  // (a word the tagger's training never saw as one)
  const nounRead = i >= 1 && out[i - 1]!.upos === 'ADJ' && !usedAs(words[i - 1]!, 'ADJ') && /^\p{Ll}/u.test(words[i - 1]!);
  if (i < 1 || i + 1 >= words.length || out[i]!.xpos !== 'VBN' || !(['NOUN', 'PROPN'].includes(out[i - 1]!.upos) || nounRead)) return out;
  // past its particle: "Police picked up Dar", "Soldiers took away the reporter"
  const o = out[i + 1]!.xpos === 'RP' && i + 2 < words.length ? i + 2 : i + 1;
  const next = out[o]!;
  if (!(OBJECT_START.has(next.upos) || aimedAtName(words, out, o)) || isDateWord(words[o]!)) return out;
  // "who", "which", "that" after the participle open a relative clause, not its object
  if (next.upos === 'PRON' && !['PRP', 'PRP$'].includes(next.xpos)) return out;
  out[i] = { ...out[i]!, xpos: 'VBD' };
  if (nounRead) out[i - 1] = { upos: 'NOUN', xpos: 'NN', lemma: words[i - 1]!.toLowerCase() };
  return out;
}
