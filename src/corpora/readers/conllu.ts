/** CoNLL-U (https://universaldependencies.org/format.html), as UD EWT and GUM ship it. */

export interface ConlluWord {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  head: number;
  deprel: string;
  misc: string;
}

/** A written token: one word, or a multiword token ("don't") spanning several words. */
export interface ConlluToken {
  form: string;
  words: ConlluWord[];
  spaceAfter: boolean;
}

export interface ConlluSentence {
  id: string | undefined;
  text: string;
  newdoc: string | undefined;
  newpar: boolean;
  tokens: ConlluToken[];
  words: ConlluWord[];
}

export function readConllu(content: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  for (const block of content.split(/\r?\n\s*\r?\n/)) {
    const lines = block.split(/\r?\n/).filter((l) => l.length > 0);
    if (lines.length === 0) continue;
    const s: ConlluSentence = { id: undefined, text: '', newdoc: undefined, newpar: false, tokens: [], words: [] };
    let mwtEnd = 0;
    let mwt: ConlluToken | null = null;
    for (const line of lines) {
      if (line.startsWith('#')) {
        const m = /^#\s*([^=]+?)\s*=\s?(.*)$/.exec(line);
        const key = m ? m[1] : line.slice(1).trim();
        if (key === 'text' && m) s.text = m[2]!;
        else if (key === 'sent_id' && m) s.id = m[2];
        else if (key === 'newdoc id' || key === 'newdoc') s.newdoc = m ? m[2] : '';
        else if (key?.startsWith('newpar')) s.newpar = true;
        continue;
      }
      const f = line.split('\t');
      if (f.length < 10) throw new Error(`CoNLL-U line with ${f.length} columns: ${line.slice(0, 60)}`);
      const id = f[0]!;
      if (id.includes('.')) continue; // empty nodes of enhanced UD
      const spaceAfter = !/(?:^|\|)SpaceAfter=No(?:\||$)/.test(f[9]!);
      if (id.includes('-')) {
        mwtEnd = Number(id.split('-')[1]);
        mwt = { form: f[1]!, words: [], spaceAfter };
        s.tokens.push(mwt);
        continue;
      }
      const word: ConlluWord = {
        id: Number(id),
        form: f[1]!,
        lemma: f[2]!,
        upos: f[3]!,
        xpos: f[4]!,
        feats: f[5]!,
        head: f[6] === '_' ? -1 : Number(f[6]),
        deprel: f[7]!,
        misc: f[9]!,
      };
      s.words.push(word);
      if (mwt && word.id <= mwtEnd) {
        mwt.words.push(word);
        if (word.id === mwtEnd) mwt = null;
      } else {
        s.tokens.push({ form: word.form, words: [word], spaceAfter });
      }
    }
    if (!s.text) s.text = s.tokens.map((t, i) => t.form + (t.spaceAfter && i < s.tokens.length - 1 ? ' ' : '')).join('');
    sentences.push(s);
  }
  return sentences;
}

export interface Span {
  start: number;
  end: number;
}

/** Raw text rebuilt from a run of sentences, with every gold unit's character span in it. */
export interface ConlluDocument {
  id: string;
  text: string;
  sentences: Span[];
  /** Written tokens (a multiword token is one). */
  tokens: Span[];
  /** Syntactic words; a multiword token's words get their share of its characters when they spell it. */
  words: Span[];
  source: ConlluSentence[];
}

/**
 * Groups sentences into documents (at `# newdoc`) and rebuilds the raw text the way UD's raw
 * files lay it out: paragraphs (`# newpar`) apart by a blank line, sentences of a paragraph
 * joined by a space unless the last token says SpaceAfter=No.
 */
export function conlluDocuments(sentences: ConlluSentence[], fallbackId = 'doc'): ConlluDocument[] {
  const docs: ConlluDocument[] = [];
  let doc: ConlluDocument | null = null;
  for (const s of sentences) {
    if (!doc || s.newdoc !== undefined) {
      doc = { id: s.newdoc || `${fallbackId}-${docs.length + 1}`, text: '', sentences: [], tokens: [], words: [], source: [] };
      docs.push(doc);
    } else {
      const prev = doc.source[doc.source.length - 1];
      const glued = prev && prev.tokens.length > 0 && !prev.tokens[prev.tokens.length - 1]!.spaceAfter;
      doc.text += s.newpar ? '\n\n' : glued ? '' : ' ';
    }
    const base = doc.text.length;
    doc.text += s.text;
    doc.source.push(s);
    doc.sentences.push({ start: base, end: base + s.text.length });
    let at = 0;
    for (const t of s.tokens) {
      let start = s.text.startsWith(t.form, at) ? at : s.text.indexOf(t.form, at);
      if (start < 0) start = at; // a form that differs from the text (rare typo fixes): keep going
      while (start === at && /\s/.test(s.text[start] ?? '')) start = ++at;
      const end = Math.min(start + t.form.length, s.text.length);
      doc.tokens.push({ start: base + start, end: base + end });
      doc.words.push(...wordSpans(t, base + start, base + end));
      at = end;
    }
  }
  return docs;
}

function wordSpans(t: ConlluToken, start: number, end: number): Span[] {
  if (t.words.length <= 1) return [{ start, end }];
  const joined = t.words.map((w) => w.form).join('');
  if (joined.toLowerCase() !== t.form.toLowerCase()) return [{ start, end }];
  let at = start;
  return t.words.map((w) => {
    const span = { start: at, end: at + w.form.length };
    at = span.end;
    return span;
  });
}
