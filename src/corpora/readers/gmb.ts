import type { ConllSentence } from './conll.js';

/**
 * GMB's NER CSV (`Sentence #,Word,POS,Tag`, latin-1): a token a line, "Sentence: N" on the first
 * line of each sentence, a quoted word where it holds a comma. Tags are IOB2 with lower-case types
 * ("B-per"); a line without one reads as O. One document.
 */
export function readGmb(content: string): ConllSentence[] {
  const out: ConllSentence[] = [];
  let cur: ConllSentence = { tokens: [], tags: [], doc: 0 };
  for (const line of content.split('\n').slice(1)) {
    if (line.startsWith('Sentence:') && cur.tokens.length > 0) {
      out.push(cur);
      cur = { tokens: [], tags: [], doc: 0 };
    }
    const m = /^(?:Sentence: \d+)?,("(?:[^"]|"")*"|[^,]*),(?:[^,]*,(\S+))?/.exec(line);
    if (!m) continue;
    cur.tokens.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!);
    cur.tags.push(m[2] ?? 'O');
  }
  if (cur.tokens.length > 0) out.push(cur);
  return out;
}
