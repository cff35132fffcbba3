import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../core/random.js';
import type { Range } from './overlap-index.js';
import { OverlapIndex } from './overlap-index.js';

function randomRanges(n: number, random: () => number, span = 1000): Range[] {
  return Array.from({ length: n }, () => {
    const start = Math.floor(random() * span);
    return { start, end: start + Math.floor(random() * 30) };
  });
}

const overlapsByScan = (ranges: Range[], r: Range): boolean => ranges.some((o) => o.start < r.end && r.start < o.end);
const holdsByScan = (ranges: Range[], r: Range): boolean => ranges.some((o) => o.start >= r.start && o.end <= r.end);

test('the index answers as a scan of every range would', () => {
  const random = seededRandom(7);
  for (let round = 0; round < 20; round++) {
    const ranges = randomRanges(1 + Math.floor(random() * 60), random, 300);
    const index = new OverlapIndex(ranges);
    for (const q of randomRanges(200, random, 330)) {
      assert.equal(index.overlaps(q), overlapsByScan(ranges, q), JSON.stringify({ ranges, q }));
      assert.equal(index.holdsAny(q), holdsByScan(ranges, q), JSON.stringify({ ranges, q }));
    }
  }
});

test('an empty question at an offset asks whether a range runs across it; a turn gives way exactly to a quote crossing its edges', () => {
  const index = new OverlapIndex([{ start: 10, end: 20 }]);
  assert.equal(index.overlaps({ start: 10, end: 10 }), false);
  assert.equal(index.overlaps({ start: 15, end: 15 }), true);
  assert.equal(index.overlaps({ start: 20, end: 20 }), false);
  // quotes.ts keeps a labelled turn unless some quote overlaps it without lying inside it;
  // it asks that as "does a quote run across the turn's start or its end"
  const random = seededRandom(11);
  for (let round = 0; round < 20; round++) {
    const quotes = randomRanges(40, random, 300);
    const across = new OverlapIndex(quotes);
    for (const turn of randomRanges(100, random, 300)) {
      const byScan = quotes.some((o) => o.start < turn.end && turn.start < o.end && !(o.start >= turn.start && o.end <= turn.end));
      const byIndex = across.overlaps({ start: turn.start, end: turn.start }) || across.overlaps({ start: turn.end, end: turn.end });
      assert.equal(byIndex, byScan, JSON.stringify({ quotes, turn }));
    }
  }
});

test('null ranges are left out and overlap nothing', () => {
  const index = new OverlapIndex([null, { start: 0, end: 5 }, undefined]);
  assert.equal(index.size, 1);
  assert.equal(index.overlaps(null), false);
  assert.equal(index.overlaps({ start: 4, end: 9 }), true);
});

test('a question costs a binary search: doubling the ranges adds about one probe, not twice the work', () => {
  const probesPerQuestion = (n: number): number => {
    const random = seededRandom(3);
    const index = new OverlapIndex(randomRanges(n, random, n * 10));
    const questions = randomRanges(500, random, n * 10);
    for (const q of questions) index.overlaps(q);
    return index.probes / questions.length;
  };
  const small = probesPerQuestion(4_000);
  const large = probesPerQuestion(8_000);
  assert.ok(small <= Math.ceil(Math.log2(4_001)), `${small} probes per question over 4,000 ranges`);
  assert.ok(large - small <= 1.01, `${small} → ${large} probes per question when the ranges double`);
});
