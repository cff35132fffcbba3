import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { Tree } from '../syntax/tree.js';
import { createDefaultPipeline } from '../default.js';
import { ATTRIBUTION_LABELS } from './attribution-features.js';
import { contentWork, quotesFromLabels } from './attributions.js';
import { MentionIndex } from './speaker.js';

const parsed = createDefaultPipeline('parser');

/** One long run-on sentence of invented words, every fourth token tagged as the start of a content and one a source. */
function wordsRead(words: number): number {
  const text = Array.from({ length: words }, (_, i) => ['Dr.', 'Velk', 'said', 'that'][i % 4]).join('');
  const doc = parsed.run(new Doc(text, {}));
  const labels = new Uint8Array(doc.tokens.length);
  labels.forEach((_, i) => (labels[i] = i % 4 === 0 ? ATTRIBUTION_LABELS.indexOf('B-content') : i === 1 ? ATTRIBUTION_LABELS.indexOf('B-source') : 0));
  contentWork.tokensRead = 0;
  quotesFromLabels(new Tree(doc), new MentionIndex(doc), labels);
  return contentWork.tokensRead;
}

test('a content grows over the words that belong to it without reading its words again for each', () => {
  const small = wordsRead(800);
  const large = wordsRead(1600);
  assert.ok(small > 0);
  assert.ok(large <= 2.5 * small, `${small} → ${large} words read when the sentence doubles`);
});
