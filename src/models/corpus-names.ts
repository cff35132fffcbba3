import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { locate, sharedDataDir } from '../corpora/locate.js';
import { readConll, tagSpans } from '../corpora/readers/conll.js';
import { readGmb } from '../corpora/readers/gmb.js';
import { NAME_PARTICLES } from '../text/name-particles.js';

/** Given and family names, as corpusNameWords finds them. */
export interface NameWords {
  given: Set<string>;
  family: Set<string>;
}

/** Person names (as word lists) from every corpus present under `dataDir`, and the words those corpora write in lower case. */
function annotatedNames(dataDir: string): { names: string[][]; lower: Set<string> } {
  const names: string[][] = [];
  const lower = new Set<string>();
  const conll = locate('conll2003', 'train', dataDir).path;
  const gmb = path.join(dataDir, 'gmb-ner-voa', 'ner_dataset.truncated.csv');
  const sentences = [...(conll ? readConll(readFileSync(conll, 'utf8')) : []), ...(existsSync(gmb) ? readGmb(readFileSync(gmb, 'latin1')) : [])];
  for (const s of sentences) {
    for (const t of s.tokens) if (/^\p{Ll}/u.test(t)) lower.add(t);
    // CoNLL types people PER, GMB per
    for (const span of tagSpans(s.tags)) if (span.type.toUpperCase() === 'PER') names.push(s.tokens.slice(span.start, span.end));
  }
  return { names, lower };
}

/** A word that can be part of a name: capitalised letters, an apostrophe or a hyphen inside ("O'Brien", "Al-Sadhan"). */
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*\p{L}$/u;

/** Words that open Arabic names without being one ("Abu Bakr", "Abdel Fattah" keeps "Abdel"). */
const PREFIXES = new Set(['abu', 'umm', 'ould']);

/**
 * Given and family names as annotated people are named in the training corpora: CoNLL-2003
 * train's PER spans (Reuters 1996) and GMB's (Voice of America, silver). Faker's locales miss many
 * names the news brings to a monitor; a person annotated "Tariq Aziz" says that "Tariq" is a given
 * name and "Aziz" a family name. Not HRDsAttack's victims nor our case gold: the risk model reads
 * whether a name is listed, and a list made of its own training victims would teach it that a
 * listed name is a victim's. The first word of a name of two words or more is a given name, the
 * last a family name; titles the silver spans carry ("President", "Mr.") are left out, as is any
 * word the corpora also write in lower case ("general", "prime").
 */
export function corpusNameWords(dataDir = sharedDataDir()): NameWords {
  const { names, lower } = annotatedNames(dataDir);
  const out: NameWords = { given: new Set(), family: new Set() };
  const isParticle = (w: string) => NAME_PARTICLES.has(w.toLowerCase()) || PREFIXES.has(w.toLowerCase());
  // not a particle ("Al", "Abu"), a headline's capitals ("SALAH") or a word written in lower case too
  const isName = (w: string) => NAME_WORD.test(w) && w !== w.toUpperCase() && !lower.has(w.toLowerCase()) && !isParticle(w);
  for (const raw of names) {
    // titles lead silver spans ("President Mahmoud Abbas", "Mr. Bush"): from the first word that is a name
    const first = raw.findIndex(isName);
    if (first < 0) continue;
    const words = raw.slice(first).filter((w) => !/\.$/.test(w));
    if (words.length < 2 || !words.every((w) => isName(w) || isParticle(w))) continue;
    if (isName(words[0]!)) out.given.add(words[0]!);
    if (isName(words.at(-1)!)) out.family.add(words.at(-1)!);
  }
  return out;
}
