/**
 * CoNLL-2012-style coreference brackets as GUM writes them: one token a line (`index<TAB>word<TAB>coref`),
 * a coref cell such as `(person-7`, `person-7)`, `(person-8(person-7)` or `_`, where the part
 * before the first hyphen is the entity type and the number its cluster. Documents open with
 * `# begin document NAME`; sentences are separated by blank lines.
 */

export interface CorefMention {
  cluster: string;
  type: string;
  /** Token range [start, end) in the document. */
  start: number;
  end: number;
}

export interface CorefDoc {
  name: string;
  sentences: string[][];
  mentions: CorefMention[];
}

export function readConllCoref(text: string): CorefDoc[] {
  const docs: CorefDoc[] = [];
  let doc: CorefDoc | undefined;
  let sentence: string[] = [];
  let t = 0;
  const open = new Map<string, number[]>();
  const flush = () => {
    if (doc && sentence.length) doc.sentences.push(sentence);
    sentence = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const begin = /^#\s*begin document\s+(.+)$/.exec(line);
    if (begin) {
      flush();
      doc = { name: begin[1]!.trim(), sentences: [], mentions: [] };
      docs.push(doc);
      t = 0;
      open.clear();
      continue;
    }
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      flush();
      continue;
    }
    if (!doc) continue;
    const [, word, cell] = line.split('\t');
    sentence.push(word ?? '');
    for (const m of (cell ?? '_').matchAll(/\(([^()]+?)\)|\(([^()]+)|([^()]+?)\)/g)) {
      const whole = m[1];
      const opening = m[2];
      const closing = m[3];
      const key = (s: string) => s.split('-').slice(0, 2).join('-');
      if (whole) doc.mentions.push({ cluster: key(whole), type: whole.split('-')[0]!, start: t, end: t + 1 });
      else if (opening) open.set(key(opening), [...(open.get(key(opening)) ?? []), t]);
      else if (closing) {
        const stack = open.get(key(closing));
        const start = stack?.pop();
        if (start !== undefined) doc.mentions.push({ cluster: key(closing), type: closing.split('-')[0]!, start, end: t + 1 });
      }
    }
    t++;
  }
  flush();
  return docs;
}
