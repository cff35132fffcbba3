import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { locate } from '../../corpora/locate.js';
import { readCofenet } from '../../corpora/readers/cofenet.js';
import type { BioArticle } from '../../corpora/readers/cofenet.js';
import { createDefaultPipeline } from '../../extractors/default.js';
import { Doc } from '../../text/doc.js';
import type { Quote, TextSpan } from '../../text/types.js';
import { pct } from '../report.js';
import type { Row } from '../report.js';
import { QUOTE_PARTS, QuoteScorer } from '../scorers/quotes.js';
import type { EvalTask } from './task.js';

/**
 * Quotes on PolNeAR with the CofeNet metric (exact-match F1 for source, cue and content per
 * line), the split behind the published figures. Our pipeline reads each article's original text
 * (PolNeAR's text/ folder), not the re-joined tokens, so the parse sees real punctuation; its
 * quotes are then projected onto the dataset's tokens by character offsets. An article whose
 * text is missing is read from its tokens joined by spaces, and the note says how many.
 */

/** One character as the dataset's tokens write it: straight quotes, hyphens for dashes. */
const norm = (c: string): string => (/[“”„"]/.test(c) ? '"' : /[‘’`]/.test(c) ? "'" : /[—–―]/.test(c) ? '-' : c);

const TOKEN_FORMS: Record<string, string> = { '``': '"', "''": '"', '--': '-', '-LRB-': '(', '-RRB-': ')', '-LSB-': '[', '-RSB-': ']', '`': "'" };

/** A dataset token's possible spellings in the text, each as the normalised stream writes it. */
const formsOf = (tok: string): string[] => [...new Set([TOKEN_FORMS[tok] ?? tok, tok])].map((f) => [...f].map(norm).join(''));

/** How many tokens, written together, pin a place in the text down when a token is lost. */
const ANCHOR = 6;

/**
 * Where each dataset token is in the original text: [start, end), or undefined when not found.
 * Both sides are compared without whitespace and with quotes and dashes normalised; a token not
 * at the current position is looked for a little further on, so one odd token loses only itself.
 * Some of the BIO files leave out passages the text keeps (a paragraph of one Breitbart report is
 * not in its tokens, and another gives a passage's lines in another order than its text): when a
 * token is not near, the next few tokens written together are looked for further on, then
 * anywhere, and the alignment goes on from there. Without that every later token was
 * lost, and the few short words ("the", "a") found by chance nearby carried stray labels.
 */
export function alignTokens(text: string, tokens: readonly string[]): ([number, number] | undefined)[] {
  let stream = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    stream += norm(text[i]!);
    at.push(i);
  }
  let pos = 0;
  return tokens.map((tok, k) => {
    // the treebank's '' stands for a double mark, which some texts write as two apostrophes
    const forms = formsOf(tok);
    const form = forms.find((f) => stream.startsWith(f, pos)) ?? forms[0]!;
    let i = stream.startsWith(form, pos) ? pos : stream.indexOf(form, pos);
    if (i < 0 || i - pos > 60) {
      if (tokens.length - k < ANCHOR) return undefined;
      const anchor = tokens.slice(k, k + ANCHOR).map((t) => formsOf(t)[0]!).join('');
      // ahead first; then anywhere, for the files whose lines come in another order than the text's
      const ahead = stream.indexOf(anchor, pos);
      i = ahead >= 0 ? ahead : stream.indexOf(anchor);
      if (i < 0) return undefined;
    }
    pos = i + form.length;
    return [at[i]!, at[pos - 1]! + 1];
  });
}

/** Labels the tokens inside `span`, unless one of them is labelled already (one label a token). */
function label(labels: string[], offsets: ([number, number] | undefined)[], span: TextSpan | null | undefined, part: string): void {
  if (!span) return;
  const inside = offsets.flatMap((o, i) => (o && o[0] >= span.start && o[1] <= span.end ? [i] : []));
  if (inside.length === 0 || inside.some((i) => labels[i] !== 'O')) return;
  inside.forEach((i, k) => (labels[i] = `${k === 0 ? 'B' : 'I'}-${part}`));
}

/**
 * Our quotes as the line's BIO labels. A line has one label per token, so nested attributions
 * flatten as the dataset flattened them: the outer quote's content, source and cue win, and an
 * attribution told inside another's content is not drawn.
 */
export function quotesToBio(quotes: readonly Quote[], offsets: ([number, number] | undefined)[]): string[] {
  const labels = offsets.map(() => 'O');
  const outerFirst = [...quotes].sort((a, b) => b.end - b.start - (a.end - a.start));
  for (const q of outerFirst) {
    const nested = quotes.some((o) => o !== q && o.start <= q.start && q.end <= o.end && o.end - o.start > q.end - q.start);
    if (nested) continue;
    label(labels, offsets, q, 'content');
    label(labels, offsets, q.speakerSpan, 'source');
    label(labels, offsets, q.cue, 'cue');
  }
  return labels;
}

function articleText(article: BioArticle, textDir: string | undefined): { text: string; original: boolean } {
  const file = textDir && path.join(textDir, `${article.id.replace(/_[0-9a-f]{4}$/, '')}.txt`);
  if (file && existsSync(file)) return { text: readFileSync(file, 'utf8'), original: true };
  return { text: article.lines.map((l) => l.tokens.join(' ')).join('\n'), original: false };
}

export const quotesTask: EvalTask = {
  name: 'quotes',
  description: 'PolNeAR speaker/cue/content exact-match F1 (CofeNet metric)',
  run(ctx) {
    const loc = locate('polnear-cofenet-bio', ctx.split, ctx.dataDir);
    if (!loc.path) return { skipped: `PolNeAR (CofeNet BIO) ${ctx.split} not found under ${loc.dir}` };
    const raw = locate('polnear', ctx.split, ctx.dataDir).path;
    const textDir = raw ? path.join(raw, 'text') : undefined;
    const articles = readCofenet(readFileSync(loc.path, 'utf8'));
    const pipeline = createDefaultPipeline();
    const scorer = new QuoteScorer();
    let joined = 0;
    let unaligned = 0;
    let tokens = 0;
    const kinds = new Map<string, number>();
    articles.forEach((article, n) => {
      if (n % 10 === 0) ctx.progress(`article ${n + 1}/${articles.length}`);
      const { text, original } = articleText(article, textDir);
      if (!original) joined++;
      const doc = pipeline.run(new Doc(text));
      for (const q of doc.quotes) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
      const offsets = alignTokens(text, article.lines.flatMap((l) => l.tokens));
      let k = 0;
      for (const line of article.lines) {
        const mine = offsets.slice(k, k + line.tokens.length);
        k += line.tokens.length;
        tokens += mine.length;
        unaligned += mine.filter((o) => !o).length;
        scorer.addLine(line.labels, quotesToBio(doc.quotes, mine));
      }
    });
    const row = (name: string): Row => ({
      name,
      values: Object.fromEntries(QUOTE_PARTS.flatMap((p) => [[`${p} P`, pct(scorer.score(p).precision)], [`${p} R`, pct(scorer.score(p).recall)], [`${p} F1`, pct(scorer.score(p).f1)]])),
    });
    const published = (name: string, source: number, cue: number, content: number): Row => ({
      name,
      published: true,
      values: { 'source F1': source, 'cue F1': cue, 'content F1': content },
    });
    const columns = QUOTE_PARTS.flatMap((p) => [`${p} P`, `${p} R`, `${p} F1`]);
    return {
      result: {
        task: 'quotes',
        split: ctx.split,
        corpus: 'PolNeAR (CofeNet sentence-level BIO)',
        data: loc.path,
        tables: [
          {
            title: 'Exact match per component',
            columns,
            rows: [row('Vigil (rules over the parse)'), published('CofeNet, BERT (test split)', 83.2, 75.3, 72.9), published('CoreNLP quote annotator (test split)', 13.9, null as unknown as number, null as unknown as number)],
          },
        ],
        notes: [
          `${articles.length} annotation files; ${joined} read from joined tokens (original text missing); ${unaligned} of ${tokens} tokens could not be placed in the original text`,
          `quotes found: ${[...kinds].map(([k, v]) => `${k} ${v}`).join(', ')}`,
          'PolNeAR counts every attribution (polls that "show", beliefs, "according to"), not only speech; target on dev: the published test figures',
        ],
      },
    };
  },
};
