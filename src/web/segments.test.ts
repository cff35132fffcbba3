import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segment } from './client/segments.js';

test('overlapping layers become flat runs that keep every offset', () => {
  const text = '"Aldemir was taken," she said.';
  const segs = segment(text.length, [
    { start: 0, end: 20, kind: 'quote', ref: 'q1' },
    { start: 1, end: 8, kind: 'entity', ref: 'e1' },
    { start: 13, end: 18, kind: 'trigger', ref: 'v1' },
  ]);
  assert.equal(segs.map((s) => text.slice(s.start, s.end)).join(''), text, 'the runs put back together are the text');
  const name = segs.find((s) => text.slice(s.start, s.end) === 'Aldemir')!;
  assert.deepEqual(name.marks.map((m) => m.ref).sort(), ['e1', 'q1']);
  const taken = segs.find((s) => text.slice(s.start, s.end) === 'taken')!;
  assert.deepEqual(taken.marks.map((m) => m.ref).sort(), ['q1', 'v1']);
  assert.deepEqual(segs.at(-1)!.marks, [], 'after the quote, nothing');
});

test('marks outside the text or empty are ignored rather than breaking the page', () => {
  const segs = segment(5, [{ start: 3, end: 99, kind: 'entity', ref: 'x' }, { start: 2, end: 2, kind: 'timex', ref: 'y' }]);
  assert.deepEqual(segs, [{ start: 0, end: 5, marks: [] }]);
});
