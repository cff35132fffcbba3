import type { Doc, Token } from '../../../text/doc.js';
import type { Parsed } from '../parsed.js';
import { overlaps } from '../parsed.js';

/**
 * Names are not dates: "Russia Today" and "USA Today" are broadcasters, "May" is a person in
 * "Theresa May", "March" is a verb in "March on the capital". A candidate is dropped when it lies
 * inside a named entity the NER found (other than a date-like MISC), when its first word was
 * tagged a verb or modal, or when a capitalised "Today" follows another capitalised name.
 */

function tokenAt(doc: Doc, offset: number): Token | undefined {
  let lo = 0;
  let hi = doc.tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = doc.tokens[mid]!;
    if (t.end <= offset) lo = mid + 1;
    else if (t.start > offset) hi = mid - 1;
    else return t;
  }
  return undefined;
}

const DEICTIC = /^(?:today|tonight|tomorrow|yesterday|this|now|last|next|current|recent|recently|currently|morning|evening|night|early|late)$/i;

function afterOpener(doc: Doc, i: number): boolean {
  const before = doc.tokens[i - 1];
  return before !== undefined && /^[“‘"'`(\[:—–-]+$/.test(before.text);
}

const DATE_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today)/i;

export function dropNames(candidates: Parsed[], doc: Doc): Parsed[] {
  const names = doc.entities.flatMap((e) => (e.type === 'PERSON' || e.type === 'ORG' ? e.mentions : []));
  return candidates.filter((c) => {
    const first = tokenAt(doc, c.start);
    if (first && DATE_WORD.test(first.text)) {
      if (first.xpos === 'MD' || (first.upos === 'VERB' && !/^(?:mar|may)\.?$/i.test(first.text) && first.xpos !== 'NNP')) return false;
    }
    // deictic words are lower case in running text: a capitalised "Today" or "This Week" mid-sentence is a title
    if (first && DEICTIC.test(first.text) && /^\p{Lu}/u.test(first.text) && !isSentenceStart(doc, first.i) && !afterOpener(doc, first.i)) return false;
    // a date with digits is a date even inside a name the NER over-extended ("the Aug. 7 terrorist blasts")
    if (/\d/.test(doc.text.slice(c.start, c.end))) return true;
    return !names.some((n) => overlaps(n, c) && !(c.start <= n.start && c.end >= n.end));
  });
}

function isSentenceStart(doc: Doc, i: number): boolean {
  return doc.sentences.some((s) => s.tokenStart === i);
}
