import { readFileSync } from 'node:fs';
import { splitSentences, tokenize } from '../../extractors/tokens/index.js';
import { Doc } from '../../text/doc.js';
import { filesUnder, gumDocsInSplit, locate } from '../../corpora/locate.js';
import type { ConlluDocument, Span } from '../../corpora/readers/conllu.js';
import { conlluDocuments, readConllu } from '../../corpora/readers/conllu.js';
import type { Row } from '../report.js';
import { pct } from '../report.js';
import { PRFCounter } from '../scorers/prf.js';
import type { EvalTask, TaskContext, TaskOutcome } from './task.js';

/**
 * Tokens, words and sentence boundaries against UD EWT and GUM news, scored as the CoNLL 2018
 * shared task does: a unit is right when its character span is exactly the gold one.
 * The raw text is rebuilt as UD's raw files have it (paragraphs apart by a blank line).
 */

const spanKeys = (spans: Span[], label: string): { key: string; label: string }[] => spans.map((s) => ({ key: `${s.start}:${s.end}`, label }));

/** Our written tokens: a fused token ("n't") is part of the one before it. */
function writtenTokens(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const t of doc.tokens) {
    const last = out[out.length - 1];
    if (t.fused && last) last.end = t.end;
    else out.push({ start: t.start, end: t.end });
  }
  return out;
}

export function scoreSegmentation(docs: ConlluDocument[]): { counter: PRFCounter; errors: string[] } {
  const counter = new PRFCounter();
  const errors: string[] = [];
  for (const gold of docs) {
    const doc = new Doc(gold.text);
    doc.tokens = tokenize(gold.text);
    doc.sentences = splitSentences(doc);
    counter.compare(spanKeys(writtenTokens(doc), 'tokens'), spanKeys(gold.tokens, 'tokens'));
    counter.compare(spanKeys(doc.tokens, 'words'), spanKeys(gold.words, 'words'));
    const predicted = spanKeys(doc.sentences, 'sentences');
    counter.compare(predicted, spanKeys(gold.sentences, 'sentences'));
    if (errors.length < 40) {
      const goldEnds = new Set(gold.sentences.map((s) => s.end));
      const ourEnds = new Set(doc.sentences.map((s) => s.end));
      for (const e of ourEnds) if (!goldEnds.has(e) && errors.length < 40) errors.push(`split wrongly: …${gold.text.slice(Math.max(0, e - 40), e)}|${gold.text.slice(e, e + 30)}…`);
      for (const e of goldEnds) if (!ourEnds.has(e) && errors.length < 40) errors.push(`missed:       …${gold.text.slice(Math.max(0, e - 40), e)}|${gold.text.slice(e, e + 30)}…`);
    }
  }
  return { counter, errors };
}

function rowsFor(name: string, counter: PRFCounter): Row[] {
  return ['tokens', 'words', 'sentences'].map((label) => {
    const s = counter.score(label);
    return { name: `${name} ${label}`, values: { P: pct(s.precision), R: pct(s.recall), F1: pct(s.f1), gold: String(s.tp + s.fn) } };
  });
}

export const sentencesTask: EvalTask = {
  name: 'sentences',
  description: 'tokenizer and sentence splitter: token, word and sentence-boundary F1 on UD EWT and GUM news',
  run(ctx: TaskContext): TaskOutcome {
    const ewt = locate('ud-ewt', ctx.split, ctx.dataDir);
    const gum = locate('gum-news', ctx.split, ctx.dataDir);
    if (!ewt.path && !gum.path) return { skipped: `no UD EWT or GUM data for split ${ctx.split} under ${ewt.dir} or ${gum.dir}` };
    const rows: Row[] = [];
    const notes: string[] = [];
    const data: string[] = [];
    const verbose = process.env.VIGIL_EVAL_ERRORS === '1';
    if (ewt.path) {
      ctx.progress(`reading ${ewt.path}`);
      const { counter, errors } = scoreSegmentation(conlluDocuments(readConllu(readFileSync(ewt.path, 'utf8')), 'ewt'));
      rows.push(...rowsFor('EWT', counter));
      data.push(ewt.path);
      if (verbose) errors.forEach((e) => console.error(e));
    } else notes.push(`UD EWT ${ctx.split} not found under ${ewt.dir}`);
    if (gum.path) {
      const files = filesUnder(gum.path, '.conllu').filter((f) => gumDocsInSplit(f, ctx.split));
      ctx.progress(`reading ${files.length} GUM news documents`);
      const docs = files.flatMap((f) => conlluDocuments(readConllu(readFileSync(f, 'utf8')), f));
      const { counter } = scoreSegmentation(docs);
      rows.push(...rowsFor(`GUM news (${files.length} docs)`, counter));
      data.push(gum.path);
    } else notes.push(`GUM news not found under ${gum.dir}`);
    notes.push('targets on EWT dev: tokens F1 ≥ 99.0, sentences F1 ≥ 95.0');
    return {
      result: {
        task: 'sentences',
        split: ctx.split,
        corpus: 'UD English EWT + GUM news',
        data: data.join(', '),
        tables: [{ title: 'Segmentation (exact character spans)', columns: ['P', 'R', 'F1', 'gold'], rows }],
        notes,
      },
    };
  },
};
