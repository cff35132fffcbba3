import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { boundaryModel } from './boundary.js';
import { ruleSentences, splitSentences } from './sentencizer.js';
import { tokenize } from './tokenizer.js';

function split(text: string, by: 'model' | 'rules'): string[] {
  const doc = new Doc(text);
  doc.tokens = tokenize(text);
  return (by === 'model' ? splitSentences(doc) : ruleSentences(doc)).map((s) => text.slice(s.start, s.end));
}

test('the trained boundary model ships and loads', () => {
  const model = boundaryModel();
  assert.ok(model, 'models/sentences.bin.gz is missing: run `npm run train -- sentences`');
  assert.equal(model.header.kind, 'sentences');
});

test('an e-mail header with no punctuation is split where the rules see one sentence', () => {
  const text = 'Mira Santos 03/14/2002 09:45 AM Could you send me the draft before noon?';
  assert.deepEqual(split(text, 'rules'), [text]);
  assert.deepEqual(split(text, 'model'), ['Mira Santos', '03/14/2002 09:45 AM', 'Could you send me the draft before noon?']);
});

test('a signature line between sentences is a sentence of its own', () => {
  const text = 'Please call me if you have questions. Tomas Lind tomas.lind@example.org We moved the meeting to Room 4.';
  assert.deepEqual(split(text, 'model'), ['Please call me if you have questions.', 'Tomas Lind tomas.lind@example.org', 'We moved the meeting to Room 4.']);
});

test('news sentences come out as the rules cut them, offsets intact', () => {
  const text = 'ORVANE — Police detained Sana Oduya on Dec. 7, her husband said. “They took him at night.” The U.N. office in Orvane said it was “deeply concerned.” Mr. Oduya has not been charged.';
  const model = split(text, 'model');
  assert.deepEqual(model, split(text, 'rules'));
  assert.equal(model.length, 4);
});

test('a dateline stays with its sentence whatever the model thinks of the dash', () => {
  const text = 'Ministry says detained reporter broke the law\n\nPORT SELIM — The Interior Ministry said on Thursday that she had committed a crime.';
  assert.deepEqual(split(text, 'model'), ['Ministry says detained reporter broke the law', 'PORT SELIM — The Interior Ministry said on Thursday that she had committed a crime.']);
});
