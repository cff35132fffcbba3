import { tokenIndexAfter } from '../../text/align.js';
import type { Doc } from '../../text/doc.js';
import { OverlapIndex } from '../../text/overlap-index.js';
import type { Quote } from '../../text/types.js';
import { Tree } from '../syntax/tree.js';
import type { TokenContext } from './attribution-features.js';
import { ruleParts, tokenContext } from './attribution-features.js';
import type { AttributionModel } from './attributions.js';
import { attributionModel, quotesFromLabels, tagAttributions } from './attributions.js';
import type { CueLexicon } from './cues.js';
import { callQuotes, namingQuotes } from './calls.js';
import { directQuotes } from './direct.js';
import { quotedSpans } from './marks.js';
import type { QuotedSpan } from './marks.js';
import { colonInCue, marksInContent } from './refine.js';
import { accordingQuotes, reportedQuotes } from './reported.js';
import { layoutQuotes } from './signed.js';
import { MentionIndex } from './speaker.js';

/**
 * Quotes in five passes, each for one shape of attribution:
 * 1. direct — a quoted stretch and the cue beside it, after (“…,” said Elena Reyvik) or before
 *    (He added: “…”); a stretch with no cue of its own continues the quote before it when it
 *    follows in the same or the next paragraph (the second paragraph of a long quotation);
 * 2. indirect — a cue verb and its clause ("told reporters that there were no charges"), mixed
 *    when the clause holds a quoted fragment (said Reyvik "committed a crime");
 * 3. "according to X, …" — the rest of the sentence is X's;
 * 4. calls and namings: "called for the release of X", "called on Y to free him", "called the
 *    verdict a travesty" (calls.ts);
 * 5. by layout: a quotation signed with a dash and a name, a transcript's "NAME: words" (signed.ts).
 * Quoted stretches that nobody is said to say and that are short are titles or scare quotes, not quotes.
 * Then the trained attribution tagger (attributions.ts) adds what the rules missed.
 */


interface RuleResult {
  quotes: Quote[];
  tree: Tree;
  mentions: MentionIndex;
  quoted: (i: number) => boolean;
  /** The text's quoted stretches, for the refiners. */
  stretches: QuotedSpan[];
}

function ruleQuotes(doc: Doc, cues: CueLexicon): RuleResult {
  const tree = new Tree(doc);
  const mentions = new MentionIndex(doc);
  const stretches = quotedSpans(doc.text);
  const stretchOf = doc.tokens.map(() => -1);
  stretches.forEach((q, k) => {
    for (let i = tokenIndexAfter(doc.tokens, q.start); i < doc.tokens.length && doc.tokens[i]!.end <= q.end; i++) {
      if (doc.tokens[i]!.start >= q.start) stretchOf[i] = k;
    }
  });
  const quoted = (i: number) => (stretchOf[i] ?? -1) >= 0;
  const layout = layoutQuotes(tree, mentions, directQuotes(tree, cues, mentions, stretches, stretchOf));
  const labelled = layout.labelled;
  // a quotation that opens with a turn's label is that turn: “LINDQVIST: We were never asked.”
  const labelCues = new OverlapIndex(labelled.map((l) => l.cue));
  const direct = layout.direct.filter((d) => d.cue || !labelCues.holdsAny(d));
  // the offset where the quotation holding token i opens (-1 outside quotations)
  const openedAt = (i: number) => stretches[stretchOf[i] ?? -1]?.start ?? -1;
  const indirect = reportedQuotes(tree, cues, mentions, quoted, openedAt);
  const according = accordingQuotes(tree, cues, mentions, quoted);
  const clauses = [...indirect, ...according, ...callQuotes(tree, mentions, quoted), ...namingQuotes(tree, mentions, quoted)];
  // a statement reported inside a turn stays, nested in it, as in a quotation; one that overlaps
  // it without lying inside it runs across its start or its end, and the turn gives way
  const others = new OverlapIndex([...direct, ...clauses]);
  const across = (offset: number) => others.overlaps({ start: offset, end: offset });
  const turns = labelled.filter((l) => !across(l.start) && !across(l.end));
  // a quoted fragment inside a reported clause is part of that (mixed) quote, not a quote of its own
  // (one sweep in text order: a long report has thousands of each)
  const mixed = clauses.filter((c) => c.kind === 'mixed').sort((a, b) => a.start - b.start);
  let k = 0;
  let reach = -1;
  const kept = direct.filter((d) => {
    while (k < mixed.length && mixed[k]!.start <= d.start) reach = Math.max(reach, mixed[k++]!.end);
    return reach < d.end;
  });
  const quotes = [...kept, ...clauses, ...turns].sort((a, b) => a.start - b.start).map(({ first: _f, last: _l, ...q }): Quote => q);
  return { quotes, tree, mentions, quoted, stretches };
}

/** What the attribution tagger reads: the parse and each token's context, the rules' quotes included. */
export function attributionInputs(doc: Doc, cues: CueLexicon): { tree: Tree; ctx: TokenContext; rules: RuleResult } {
  const rules = ruleQuotes(doc, cues);
  return { tree: rules.tree, ctx: tokenContext(rules.tree, cues, rules.quoted, ruleParts(doc, rules.quotes)), rules };
}

export function extractQuotes(doc: Doc, cues: CueLexicon, model: AttributionModel | null = attributionModel()): Quote[] {
  if (doc.tokens.length === 0) return [];
  const refined = (quotes: Quote[], stretches: readonly QuotedSpan[]) => quotes.map((q) => marksInContent(doc, colonInCue(doc, q), stretches));
  if (!model) {
    const rules = ruleQuotes(doc, cues);
    return refined(rules.quotes, rules.stretches);
  }
  const { tree, ctx, rules } = attributionInputs(doc, cues);
  const learned = quotesFromLabels(tree, rules.mentions, tagAttributions(tree, ctx, model.scorer, model.beam));
  // the rules' quote stands where one overlaps a learned quote or their cues overlap (indexed:
  // a long report has thousands of rule quotes to check each learned one against)
  const ruleSpans = new OverlapIndex(rules.quotes);
  const ruleCues = new OverlapIndex(rules.quotes.map((r) => r.cue));
  const added = learned.filter((l) => !ruleSpans.overlaps(l) && !ruleCues.overlaps(l.cue));
  return refined([...rules.quotes, ...added].sort((a, b) => a.start - b.start), rules.stretches);
}
