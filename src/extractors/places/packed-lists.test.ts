import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PackedLists } from './packed-lists.js';

const lists = (pairs: [string, number][], order?: (a: number, b: number) => number) => PackedLists.build({ keys: pairs.map((p) => p[0]), values: pairs.map((p) => p[1]) }, order);

test('a key finds the values added under it, in the order added, repeats kept', () => {
  const p = lists([['drell', 3], ['varna', 1], ['drell', 0], ['drell', 3]]);
  assert.equal(p.size, 2);
  assert.deepEqual([...p.get('drell')!], [3, 0, 3]);
  assert.deepEqual([...p.get('varna')!], [1]);
  // must not match: another key, one that is a prefix or an extension of a stored key, the empty key
  for (const missing of ['drel', 'drella', 'Drell', 'varnadrell', '']) assert.equal(p.get(missing), undefined, missing);
});

test('an order sorts each list, and the keys come back whole in the order first added', () => {
  const population = [10, 500, 500, 30];
  const p = lists([['ḩamāh', 0], ['ḩamāh', 2], ['ḩamāh', 1], ['ḩamāh', 3], ['kyiv', 3]], (a, b) => population[b]! - population[a]! || a - b);
  assert.deepEqual([...p.get('ḩamāh')!], [1, 2, 3, 0]);
  assert.deepEqual([...p.entries()].map(([k, v]) => [k, [...v]]), [['ḩamāh', [1, 2, 3, 0]], ['kyiv', [3]]]);
});

test('many keys, colliding in the hash table, each find their own list and nothing else', () => {
  const pairs: [string, number][] = [];
  for (let i = 0; i < 20_000; i++) pairs.push([`town ${i.toString(36)}`, i], [`town ${i.toString(36)}`, i + 1]);
  const p = lists(pairs);
  assert.equal(p.size, 20_000);
  for (let i = 0; i < 20_000; i += 7) assert.deepEqual([...p.get(`town ${i.toString(36)}`)!], [i, i + 1]);
  assert.equal(p.get('town -1'), undefined);
  assert.equal(p.get(`town ${(20_000).toString(36)}`), undefined);
});

test('an empty map finds nothing', () => {
  assert.equal(lists([]).get('drell'), undefined);
  assert.equal(lists([]).size, 0);
});
