/**
 * CoNLL-2003-style column files (CoNLL-2003, wikigold, re3d): a token a line, the NER tag in the
 * last column, blank lines between sentences, `-DOCSTART-` between documents. IOB1 and IOB2
 * tags both decode to the same spans, as conlleval reads them.
 */

export interface ConllSentence {
  tokens: string[];
  tags: string[];
  /** Index of the document the sentence belongs to. */
  doc: number;
  /** Part-of-speech tags (Penn Treebank) where the file has them: CoNLL-2003's second of four columns, GMB's POS column. */
  pos?: string[];
}

export interface TagSpan {
  start: number;
  end: number;
  type: string;
}

export function readConll(content: string): ConllSentence[] {
  const out: ConllSentence[] = [];
  let doc = 0;
  let cur: ConllSentence = { tokens: [], tags: [], doc };
  const flush = (): void => {
    if (cur.tokens.length > 0) out.push(cur);
    cur = { tokens: [], tags: [], doc };
  };
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flush();
      doc++;
      cur.doc = doc;
      continue;
    }
    cur.tokens.push(cols[0]!);
    cur.tags.push(cols.length > 1 ? cols[cols.length - 1]! : 'O');
    // CoNLL-2003 writes word, POS, chunk, NER; two- and three-column files carry no POS
    if (cols.length >= 4) (cur.pos ??= []).push(cols[1]!);
  }
  flush();
  return out;
}

/** Spans [start, end) of tokens from IOB1 or IOB2 tags, conlleval's way: a chunk ends at O, at B-, or at a change of type. */
export function tagSpans(tags: readonly string[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let open: TagSpan | null = null;
  tags.forEach((tag, i) => {
    const [prefix, type] = tag === 'O' || !tag.includes('-') ? ['O', ''] : [tag.slice(0, tag.indexOf('-')), tag.slice(tag.indexOf('-') + 1)];
    const starts = prefix === 'B' || prefix === 'S' || (prefix !== 'O' && (!open || open.type !== type));
    if (open && (prefix === 'O' || starts)) {
      open.end = i;
      spans.push(open);
      open = null;
    }
    if (prefix !== 'O' && starts) open = { start: i, end: i + 1, type };
    if (open && (prefix === 'E' || prefix === 'S')) {
      open.end = i + 1;
      spans.push(open);
      open = null;
    }
  });
  if (open) {
    (open as TagSpan).end = tags.length;
    spans.push(open);
  }
  return spans;
}
