import type { ConllSentence } from './conll.js';

const unquote = (field: string): string => (field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);

/**
 * GMB's NER CSV (`Sentence #,Word,POS,Tag`, latin-1): a token a line, "Sentence: N" on the first
 * line of each sentence, a quoted word where it holds a comma. Tags are IOB2 with lower-case types
 * ("B-per"); a line without one reads as O; the POS column is kept (Penn Treebank tags, silver). One document.
 */
export function readGmb(content: string): ConllSentence[] {
  const out: ConllSentence[] = [];
  let cur: ConllSentence = { tokens: [], tags: [], doc: 0 };
  for (const line of content.split('\n').slice(1)) {
    if (line.startsWith('Sentence:') && cur.tokens.length > 0) {
      out.push(cur);
      cur = { tokens: [], tags: [], doc: 0 };
    }
    // the word and the POS are quoted where they hold a comma or a quote (`,",",",",O`)
    const m = /^(?:Sentence: \d+)?,("(?:[^"]|"")*"|[^,]*),(?:("(?:[^"]|"")*"|[^,]*),(\S+))?/.exec(line);
    if (!m) continue;
    cur.tokens.push(unquote(m[1]!));
    cur.tags.push(m[3] ?? 'O');
    (cur.pos ??= []).push(unquote(m[2] ?? ''));
  }
  if (cur.tokens.length > 0) out.push(cur);
  return out;
}

/** Words written against the word before them ("Peru 's", "did n't", "3 %", "end ."). */
const CLOSES = /^(?:[,.;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|'|\.\.\.)$/;
/** Words written against the word after them. */
const OPENS = /^[([{$]$/;

/**
 * A sentence's tokens written back as news text ("Peru's hard-line ruler, Mr. Fujimori"), with
 * each token's offset in it: the pipeline reads written text, and a scorer maps its spans back
 * to the corpus's tokens. A straight double quote opens and closes by turns.
 */
export function detokenize(tokens: readonly string[]): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  let quoteOpen = false;
  let glueNext = false;
  for (const t of tokens) {
    const isQuote = t === '"';
    const closing = isQuote ? quoteOpen : CLOSES.test(t);
    if (text && !closing && !glueNext) text += ' ';
    starts.push(text.length);
    text += t;
    glueNext = OPENS.test(t) || (isQuote && !quoteOpen);
    if (isQuote) quoteOpen = !quoteOpen;
  }
  return { text, starts };
}
