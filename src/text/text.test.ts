import assert from 'node:assert/strict';
import { test } from 'node:test';
import { charSpanToTokens, tokenAt, tokensToCharSpan } from './align.js';
import { Doc } from './doc.js';
import { fromExtraction, toExtraction } from './serialize.js';

/** Words and single marks: enough of a tokenizer for these tests, without importing a higher layer. */
function docOf(text: string): Doc {
  const doc = new Doc(text, { published: '2026-12-04' });
  doc.tokens = [...text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]+/gu)].map((m, i) => {
    const start = m.index;
    const end = start + m[0].length;
    return { i, start, end, text: m[0], spaceAfter: /\s/.test(text[end] ?? ''), fused: false };
  });
  doc.assigned.add('tokens');
  return doc;
}

test('offsets are UTF-16 code units: an emoji before a name shifts it by two', () => {
  const doc = docOf('😀 Ana Velsmoor');
  assert.deepEqual(doc.tokens.map((t) => [t.start, t.end]), [[0, 2], [3, 6], [7, 15]]);
  assert.equal(doc.slice(3, 6), 'Ana');
});

test('char span → tokens: strict, expand and contract', () => {
  const doc = docOf('Police arrested Ana Velsmoor yesterday.');
  // "Ana Velsmoor" exactly
  assert.deepEqual(charSpanToTokens(doc, 16, 28, 'strict'), { first: 2, end: 4 });
  // "na Velsm": not on boundaries
  assert.equal(charSpanToTokens(doc, 17, 25, 'strict'), null);
  assert.deepEqual(charSpanToTokens(doc, 17, 25, 'expand'), { first: 2, end: 4 });
  assert.equal(charSpanToTokens(doc, 17, 25, 'contract'), null);
  assert.deepEqual(charSpanToTokens(doc, 15, 29, 'contract'), { first: 2, end: 4 });
  assert.deepEqual(tokensToCharSpan(doc, { first: 2, end: 4 }), { start: 16, end: 28 });
  assert.equal(tokenAt(doc, 15), -1);
  assert.equal(tokenAt(doc, 20), 3);
});

test('an extraction document survives a round trip through JSON', () => {
  const doc = docOf('Ana Velsmoor was arrested on Tuesday.');
  doc.sentences = [{ start: 0, end: 37, tokenStart: 0, tokenEnd: doc.tokens.length }];
  doc.assigned.add('sentences');
  doc.entities = [{ id: 'e1', type: 'PERSON', name: 'Ana Velsmoor', mentions: [doc.span(0, 12)] }];
  doc.timexes = [{ ...doc.span(29, 36), type: 'DATE', value: '2026-12-01' }];
  doc.events = [
    {
      id: 'v1',
      type: 'ARREST',
      trigger: doc.span(17, 25),
      target: { entity: 'e1', text: 'Ana Velsmoor' },
      agent: null,
      principal: null,
      place: null,
      origin: null,
      destination: null,
      date: { value: '2026-12-01', precision: 'day' },
      modality: 'asserted',
      sentence: 0,
      confidence: 0.8,
    },
  ];
  for (const l of ['entities', 'timexes', 'quotes', 'events'] as const) doc.assigned.add(l);
  const json = JSON.parse(JSON.stringify(toExtraction(doc)));
  assert.equal(json.offsets, 'utf16');
  const back = fromExtraction(json);
  assert.deepEqual(toExtraction(back), json);
  assert.equal(back.tokens[3]!.text, 'arrested');
});

test('fromExtraction refuses spans that do not slice back to their text', () => {
  const base = { text: 'Ana Velsmoor', published: null, sentences: [], tokens: [], timexes: [], quotes: [], events: [] };
  assert.throws(
    () => fromExtraction({ ...base, entities: [{ id: 'e1', type: 'PERSON', name: 'Ana', mentions: [{ start: 0, end: 4, text: 'Ana' }] }] }),
    (err: Error & { code?: string }) => err.code === 'invalid_input' && /differs from the text/.test(err.message),
  );
  assert.throws(() => fromExtraction({ ...base, entities: [{ id: 'e1', type: 'PERSON', name: 'Ana', mentions: [{ start: 5, end: 99, text: 'x' }] }] }), /outside the text/);
  assert.throws(() => fromExtraction({ ...base, events: [{ id: 'v1' }] }), /malformed|not one of/);
  assert.throws(() => fromExtraction('not an object'), /JSON object/);
});
