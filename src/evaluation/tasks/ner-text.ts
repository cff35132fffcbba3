import type { ConllSentence } from '../../corpora/readers/conll.js';
import { tagSpans } from '../../corpora/readers/conll.js';
import { createDefaultPipeline } from '../../extractors/default.js';
import { ENTITY_TYPE } from '../../extractors/entities/index.js';
import { Doc } from '../../text/doc.js';
import { PRFCounter } from '../scorers/prf.js';

/**
 * CoNLL-2003 read the way Vigil reads a report: each document's text rebuilt (a sentence a line,
 * tokens apart by a space), then our own tokenizer, splitter, tagger, parser, recogniser and the
 * entity components after it. The table beside it gives the recogniser CoNLL's own tokens; this
 * one also pays for every place where our tokens are not CoNLL's (we split "Haddad-Lenz"
 * as UD does, CoNLL keeps it whole) and for what the later components change. Scored as
 * conlleval does: a mention counts when its character span and its type are exactly the gold ones.
 */

/** Back from the document's types to CoNLL's. */
const TYPE: Record<string, string> = Object.fromEntries(Object.entries(ENTITY_TYPE).map(([conll, ours]) => [ours, conll]));

/** One document's text and its gold mentions as character spans. */
export function conllText(sentences: readonly ConllSentence[]): { text: string; gold: { start: number; end: number; type: string }[] } {
  let text = '';
  const gold: { start: number; end: number; type: string }[] = [];
  for (const s of sentences) {
    if (text) text += '\n';
    const starts: number[] = [];
    s.tokens.forEach((t, i) => {
      if (i > 0) text += ' ';
      starts.push(text.length);
      text += t;
    });
    for (const g of tagSpans(s.tags)) gold.push({ start: starts[g.start]!, end: starts[g.end - 1]! + s.tokens[g.end - 1]!.length, type: g.type });
  }
  return { text, gold };
}

export function scoreNerThroughPipeline(docs: readonly ConllSentence[][], progress?: (message: string) => void): PRFCounter {
  const pipeline = createDefaultPipeline('entity-date-trim');
  const counter = new PRFCounter();
  docs.forEach((sentences, k) => {
    if (progress && k % 50 === 0) progress(`through the pipeline: document ${k + 1}/${docs.length}`);
    const { text, gold } = conllText(sentences);
    const doc = pipeline.run(new Doc(text));
    const predicted = doc.entities.flatMap((e) =>
      e.mentions.filter((m) => (m.kind ?? 'name') === 'name').map((m) => ({ key: `${m.start}:${m.end}:${TYPE[e.type]}`, label: TYPE[e.type]! })),
    );
    counter.compare(predicted, gold.map((g) => ({ key: `${g.start}:${g.end}:${g.type}`, label: g.type })));
  });
  return counter;
}
