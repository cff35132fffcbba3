import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bootstrap } from './bootstrap.js';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

test('documents that all agree leave no room: the interval is the score itself', () => {
  const ci = bootstrap([1, 1, 1, 1], (s) => ({ acc: mean(s) }));
  assert.deepEqual(ci.acc, { low: 1, high: 1 });
});

test('the interval holds the score and narrows as documents are added', () => {
  const half = (n: number) => Array.from({ length: n }, (_, i) => i % 2);
  const small = bootstrap(half(20), (s) => ({ acc: mean(s) })).acc!;
  const large = bootstrap(half(400), (s) => ({ acc: mean(s) })).acc!;
  assert.ok(small.low < 0.5 && small.high > 0.5);
  assert.ok(large.low < 0.5 && large.high > 0.5);
  assert.ok(large.high - large.low < small.high - small.low);
  // about ±2 standard errors: √(0.25/400) = 0.025
  assert.ok(Math.abs(large.high - large.low - 0.1) < 0.03, JSON.stringify(large));
});

test('the same seed prints the same interval; no documents, no interval', () => {
  const docs = [0, 1, 1, 0, 1, 0, 0, 1, 1, 1];
  assert.deepEqual(bootstrap(docs, (s) => ({ acc: mean(s) })), bootstrap(docs, (s) => ({ acc: mean(s) })));
  assert.deepEqual(bootstrap([], (s) => ({ acc: mean(s) })), {});
});
