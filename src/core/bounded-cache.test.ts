import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoundedCache } from './bounded-cache.js';

const counting = () => {
  let made = 0;
  return { make: (k: string) => (made++, { k }), made: () => made };
};

test('a bounded cache computes a value once and hands back the same one', () => {
  const cache = new BoundedCache<string, { k: string }>(4);
  const c = counting();
  const first = cache.get('a', c.make);
  assert.equal(cache.get('a', c.make), first);
  assert.equal(c.made(), 1);
  assert.equal(cache.size, 1);
});

test('a bounded cache never holds more than two generations, however many keys pass through', () => {
  const cache = new BoundedCache<string, { k: string }>(3);
  const c = counting();
  for (let i = 0; i < 1000; i++) {
    cache.get(`w${i}`, c.make);
    assert.ok(cache.size <= 6, `size ${cache.size} after ${i + 1} keys`);
  }
  assert.equal(c.made(), 1000);
  // the oldest keys are gone: asked again, they are computed again
  assert.equal(cache.has('w0'), false);
  cache.get('w0', c.make);
  assert.equal(c.made(), 1001);
});

test('a key used while the cache turns over stays, with the same value', () => {
  const cache = new BoundedCache<string, { k: string }>(2);
  const c = counting();
  const the = cache.get('the', c.make);
  for (let i = 0; i < 50; i++) {
    cache.get(`rare${i}`, c.make);
    // "the" is met again between every two rare words: it is carried forward, never recomputed
    assert.equal(cache.get('the', c.make), the);
  }
  assert.equal(c.made(), 51);
});

test('a bounded cache keeps undefined and other falsy values as values', () => {
  const cache = new BoundedCache<string, number | undefined>(2);
  let made = 0;
  const make = () => (made++, undefined);
  cache.get('x', make);
  cache.get('x', make);
  assert.equal(made, 1);
});

test('a bounded cache needs room for one entry', () => {
  assert.throws(() => new BoundedCache(0), RangeError);
});
