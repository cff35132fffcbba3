import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';
import { tokensWithin } from './headline-trim.js';

// Invented words: the tokens a headline name's span holds, found by binary search.
test('the tokens wholly inside a span, none it only touches', () => {
  const text = 'Journalist Ana Kalovek Arrested in Drell';
  const doc = createDefaultPipeline('tokenizer').run(new Doc(text, {}));
  const words = (start: number, end: number) => tokensWithin(doc, { start, end }).map((t) => t.text);
  assert.deepEqual(words(text.indexOf('Ana'), text.indexOf(' Arrested')), ['Ana', 'Kalovek']);
  assert.deepEqual(words(0, text.length), ['Journalist', 'Ana', 'Kalovek', 'Arrested', 'in', 'Drell']);
  // must not match: a token cut by either end, a span in a space
  assert.deepEqual(words(text.indexOf('Ana') + 1, text.indexOf('Arrested') + 3), ['Kalovek']);
  assert.deepEqual(words(text.indexOf(' in'), text.indexOf(' in') + 1), []);
});
