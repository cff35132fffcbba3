import { irregularBase } from './lemmatizer.js';
import type { TaggedWord } from './tagger-model.js';

/**
 * Headlines drop their auxiliaries and tell in the present: "Court jails journalist X", "Police
 * detain activist X". The tagger, trained on running text, reads such a verb as a noun of a
 * compound ("Court jails"), the parse then has no verb, and the event goes unread. In a sentence
 * with no finite verb, a word that is one of these verbs' present forms, after a noun and before
 * the words of an object, is the verb.
 */
const HEADLINE_VERBS = new Set([
  'arrest', 'detain', 'jail', 'imprison', 'free', 'release', 'sentence', 'charge', 'deport', 'expel', 'kill', 'abduct',
  'kidnap', 'convict', 'summon', 'torture', 'threaten', 'attack', 'assault', 'beat', 'seize', 'acquit', 'pardon', 'indict',
  'extradite', 'shoot', 'stab', 'murder', 'execute', 'hang', 'ban', 'bar', 'raid', 'hold', 'question', 'interrogate',
]);
/** Tags of a finite verb: a sentence with one has its verb. */
export const FINITE: ReadonlySet<string> = new Set(['VBZ', 'VBP', 'VBD', 'MD']);
/** Words an object may start with: "journalist X", "the reporter", "two activists", "X". */
const OBJECT_START = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON']);

/** The base form of a present-tense word, if it is one of the verbs: "jails" → "jail", "frees" → "free". */
function presentOf(word: string): { lemma: string; xpos: 'VBZ' | 'VBP' } | undefined {
  const w = word.toLowerCase();
  if (HEADLINE_VERBS.has(w)) return { lemma: w, xpos: 'VBP' };
  for (const base of [w.slice(0, -1), w.slice(0, -2)]) if (w.endsWith('s') && HEADLINE_VERBS.has(base)) return { lemma: base, xpos: 'VBZ' };
  return undefined;
}

/** The tags of one sentence, with a headline's verb read as the verb. */
export function headlineVerbs(words: readonly string[], tags: readonly TaggedWord[]): TaggedWord[] {
  // a sentence with a finite verb has its verb, but a verb joined to one may still be read as a noun ("gunmen shot and killed X")
  const finite = tags.some((t) => FINITE.has(t.xpos));
  const out = [...tags];
  for (let i = 1; i + 1 < words.length; i++) {
    const tag = tags[i]!;
    if (tag.upos !== 'NOUN' && tag.upos !== 'VERB') continue;
    const before = tags[i - 1]!;
    const after = tags[i + 1]!;
    // "frees jailed reporter X": a participle may open the object
    const opens = OBJECT_START.has(after.upos) || (after.upos === 'VERB' && ['VBN', 'VBG'].includes(after.xpos));
    // "Police beat and detained X": a verb joined to another that takes the object, in its tense
    const joined = after.upos === 'CCONJ' && tags[i + 2]?.upos === 'VERB' && ['VBD', 'VBN'].includes(tags[i + 2]!.xpos) && OBJECT_START.has(tags[i + 3]?.upos ?? '');
    // an irregular past of these verbs a tagger reads as a noun when joined to another verb: "gunmen shot and killed X"
    const base = joined ? irregularBase(words[i]!) : undefined;
    const past = base !== undefined && HEADLINE_VERBS.has(base) ? base : undefined;
    const verb = presentOf(words[i]!) ?? (past ? { lemma: past, xpos: 'VBD' as const } : undefined);
    if (!verb || !['NOUN', 'PROPN'].includes(before.upos) || !(opens || joined) || (finite && !joined)) continue;
    // "Police detain …" but not "Two police raids …": a number (or a quantifier such as "some")
    // before the noun makes the word the noun's plural; "The court jails X" keeps its article
    if (i >= 2 && ['DET', 'NUM'].includes(tags[i - 2]!.upos) && before.upos === 'NOUN' && tags[i - 2]!.xpos !== 'DT') continue;
    if (joined) {
      // the past of these verbs that reads like their present ("beat", "hit", "shot" is no present)
      out[i] = { ...tag, upos: 'VERB', xpos: 'VBD', lemma: verb.lemma };
      out[i + 2] = { ...tags[i + 2]!, xpos: 'VBD' };
      break;
    }
    out[i] = { ...tag, upos: 'VERB', xpos: verb.xpos, lemma: verb.lemma };
    break;
  }
  return out;
}
