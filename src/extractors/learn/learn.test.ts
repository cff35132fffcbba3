import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { feat1, feat2, hashString } from './hash.js';
import { IntMap } from './int-map.js';
import { Gazetteer } from './gazetteer.js';
import { wordShape } from './lexical.js';
import { readModelFile, tableArrays, tableFrom, writeModelFile } from './model-file.js';
import { AveragedPerceptron } from './perceptron.js';
import { argmax } from './weights.js';

test('IntMap keeps every key through growth, and misses say -1', () => {
  const m = new IntMap(4);
  for (let i = 1; i <= 5000; i++) m.set(hashString(`k${i}`), i);
  assert.equal(m.size, 5000);
  for (let i = 1; i <= 5000; i++) assert.equal(m.get(hashString(`k${i}`)), i);
  assert.equal(m.get(hashString('absent')), -1);
  assert.throws(() => m.set(0, 1), /non-zero/);
});

test('features from different templates or values differ, and are never 0', () => {
  const a = hashString('detained');
  assert.notEqual(feat1(1, a), feat1(2, a));
  assert.notEqual(feat2(1, a, 5), feat2(1, 5, a));
  for (let i = 0; i < 1000; i++) assert.notEqual(feat1(i, i), 0);
});

test('word shapes cut runs at four', () => {
  assert.equal(wordShape('Bangkok'), 'Xxxxx');
  assert.equal(wordShape('2018-12-07'), 'dddd-dd-dd');
  assert.equal(wordShape('U.N.'), 'X.X.');
});

test('the averaged perceptron learns a separable problem, and its saved weights decide the same', () => {
  // Class = which of three marker features is present; a noise feature is on for every instance.
  const model = new AveragedPerceptron(3);
  const instances = [0, 1, 2].map((c) => Uint32Array.of(feat1(9, c), feat1(10, 0)));
  const scores = new Float32Array(3);
  for (let epoch = 0; epoch < 5; epoch++) {
    for (let c = 0; c < 3; c++) {
      scores.fill(0);
      model.score(instances[c]!, 2, scores);
      model.update(c, argmax(scores, 3), instances[c]!, 2);
      model.tick();
    }
  }
  const table = model.finalize();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'vigil-model-')), 'toy.bin.gz');
  writeModelFile(file, { header: { kind: 'toy', classes: 3 }, arrays: tableArrays('w', table) });
  const loaded = readModelFile(file);
  assert.equal(loaded.header.kind, 'toy');
  const reloaded = tableFrom(loaded, 'w', 3);
  for (let c = 0; c < 3; c++) {
    scores.fill(0);
    reloaded.score(instances[c]!, 2, scores);
    assert.equal(argmax(scores, 3), c);
  }
  assert.throws(() => readModelFile(path.join(path.dirname(file), 'missing.bin.gz')), /cannot read model/);
});

test('the gazetteer takes the longest match and respects case', () => {
  const g = new Gazetteer([
    { kind: 'city', country: 'KHM', words: ['Phnom', 'Penh'] },
    { kind: 'country', country: 'KHM', words: ['Cambodia'] },
    { kind: 'city', country: 'FRA', words: ['Nice'] },
  ]);
  const words = ['From', 'Phnom', 'Penh', 'to', 'Cambodia', "'s", 'nice', 'coast'];
  assert.deepEqual(
    g.match(words).map((m) => [m.start, m.end, m.entry.country]),
    [
      [1, 3, 'KHM'],
      [4, 5, 'KHM'],
    ],
  );
});
