import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { locate, sharedDataDir } from '../corpora/locate.js';
import { readConll, type ConllSentence } from '../corpora/readers/conll.js';
import { readGmb } from '../corpora/readers/gmb.js';
import type { TreeSentence } from './ewt.js';

/**
 * News sentences with silver Penn Treebank tags, for the tagger: CoNLL-2003 train (Reuters,
 * tagged by a memory-based tagger) and GMB (Voice of America, tagged by C&C). UD EWT is web text
 * (reviews, mail, forums) and holds few news ledes, so a tagger trained on it alone reads "Police
 * detained activist X" as a reduced relative ("detained" VBN) with "activist" a preposition.
 * Only prose is kept: Reuters' sports tables and upper-case headlines teach nothing about the
 * sentences a monitor reads. Neither corpus gives UPOS; `withUpos` chooses it the way EWT writes
 * it.
 */
export interface SilverSentence {
  words: string[];
  xpos: string[];
}

/** Penn tags as these corpora spell them → as UD EWT does; a tag EWT never uses drops the sentence. */
function ewtXpos(tag: string, word: string, quoteOpen: boolean): string {
  if (tag === '"' || (tag === '``' && word === '"')) return quoteOpen ? "''" : '``';
  if (tag === '(' || tag === 'LRB') return '-LRB-';
  if (tag === ')' || tag === 'RRB') return '-RRB-';
  if (tag === ';') return ':';
  if (tag === 'NN|SYM') return 'NN';
  return tag;
}

/** A sentence of running prose: long enough, with a verb, not a table row or a capitalised headline. */
function isProse(words: readonly string[], xpos: readonly string[]): boolean {
  if (words.length < 6 || words.length > 80) return false;
  if (!xpos.some((t) => t.startsWith('VB'))) return false;
  const numbers = xpos.filter((t) => t === 'CD').length;
  if (numbers > words.length / 4) return false;
  const letters = words.filter((w) => /\p{L}/u.test(w));
  return letters.filter((w) => w.length > 1 && w === w.toUpperCase()).length <= letters.length / 3;
}

function silver(sentences: readonly ConllSentence[], known: ReadonlySet<string>): SilverSentence[] {
  const out: SilverSentence[] = [];
  for (const s of sentences) {
    if (!s.pos || s.pos.length !== s.tokens.length) continue;
    let open = false;
    const xpos = s.tokens.map((w, i) => {
      const t = ewtXpos(s.pos![i]!, w, open);
      if (t === '``' || t === "''") open = t === '``';
      return t;
    });
    if (xpos.some((t) => !known.has(t)) || !isProse(s.tokens, xpos)) continue;
    out.push({ words: s.tokens.slice(), xpos });
  }
  return out;
}

/** CoNLL-2003 train and GMB where present under the data folder; none is an empty list. */
export function readSilverNews(known: ReadonlySet<string>, dataDir?: string): SilverSentence[] {
  const conll = locate('conll2003', 'train', dataDir).path;
  const gmb = path.join(dataDir ?? sharedDataDir(), 'gmb-ner-voa', 'ner_dataset.truncated.csv');
  return [...(conll ? silver(readConll(readFileSync(conll, 'utf8')), known) : []), ...(existsSync(gmb) ? silver(readGmb(readFileSync(gmb, 'latin1')), known) : [])];
}

/**
 * Tags of function words and punctuation, where the Penn conventions of these corpora and EWT's
 * differ: "to" is always TO in CoNLL (EWT: IN before a noun), ";" and "--" are ":" (EWT: ","),
 * "about 30" is IN (EWT: RB). For these the EWT-trained labeller's tag stands; the silver tags
 * teach the open classes, where the news differs from web text.
 */
const CLOSED = new Set(['TO', 'IN', 'RP', 'DT', 'PDT', 'WDT', 'WP', 'WP$', 'WRB', 'PRP', 'PRP$', 'CC', 'MD', 'EX', 'POS', '``', "''", ',', ':', '.', '-LRB-', '-RRB-', 'HYPH', '$', '#']);

/** How often each UPOS goes with an XPOS in EWT, for a word and overall. */
export class EwtTags {
  private readonly byWord = new Map<string, Map<string, number>>();
  private readonly byTag = new Map<string, Map<string, number>>();

  constructor(gold: readonly TreeSentence[]) {
    const add = (m: Map<string, Map<string, number>>, k: string, u: string) => {
      const c = m.get(k) ?? m.set(k, new Map()).get(k)!;
      c.set(u, (c.get(u) ?? 0) + 1);
    };
    for (const s of gold)
      s.words.forEach((w, i) => {
        add(this.byWord, `${w.toLowerCase()} ${s.xpos[i]}`, s.upos[i]!);
        add(this.byTag, s.xpos[i]!, s.upos[i]!);
      });
  }

  /**
   * A silver word's tag as EWT would write it: a function word's or a mark's as the labeller
   * (trained on EWT alone) reads it; an open-class word keeps its silver XPOS, with the
   * labeller's UPOS when it agrees on the XPOS (it has seen the context), else what EWT gives
   * this word with this XPOS most often, else what it gives the XPOS.
   */
  tag(word: string, xpos: string, predicted: { upos: string; xpos: string }): { upos: string; xpos: string } {
    if (CLOSED.has(xpos) || predicted.xpos === xpos) return predicted;
    const top = (m?: Map<string, number>) => (m ? [...m].sort((a, b) => b[1] - a[1])[0]?.[0] : undefined);
    return { upos: top(this.byWord.get(`${word.toLowerCase()} ${xpos}`)) ?? top(this.byTag.get(xpos)) ?? 'X', xpos };
  }
}
