import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { feat1, feat2, hashString } from './hash.js';
import { IntMap } from './int-map.js';
import { Gazetteer } from './gazetteer.js';
import { LexemeCache, wordShape } from './lexical.js';
import { WordSums } from './word-sums.js';
import { readModelFile, tableArrays, tableFrom, writeModelFile } from './model-file.js';
import { AveragedPerceptron } from './perceptron.js';
import { argmax, WeightTable } from './weights.js';

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

test('a weight table saves its rows in slot order and loads back to the same scores, dense or sparse', () => {
  for (const nClasses of [3, 9]) {
    const rows = 3000;
    const keys = Uint32Array.from({ length: rows }, (_, r) => feat1(7, r));
    const offsets = Uint32Array.from({ length: rows + 1 }, (_, r) => 2 * r);
    const classes = Uint16Array.from({ length: 2 * rows }, (_, e) => (e * 5 + (e >> 1)) % nClasses);
    const weights = Float32Array.from({ length: 2 * rows }, (_, e) => ((e % 13) - 6) / 4 || 0.5);
    const table = new WeightTable(nClasses, { keys, offsets, classes, weights });
    const saved = table.toArrays();
    assert.equal(saved.keys.length, rows);
    // slot order: home slots rise through the file except where a probe ran on or wrapped round
    const home = (k: number) => (k ^ (k >>> 15)) & (8192 - 1);
    let falls = 0;
    for (let r = 1; r < rows; r++) if (home(saved.keys[r]!) < home(saved.keys[r - 1]!)) falls++;
    assert.ok(falls < rows / 10, `${falls} rows out of slot order`); // in random order, half would be
    assert.notDeepEqual([...saved.keys], [...keys]);
    const reloaded = new WeightTable(nClasses, saved);
    const a = new Float32Array(nClasses);
    const b = new Float32Array(nClasses);
    let scored = 0;
    for (let r = 0; r < rows; r += 7) {
      const feats = Uint32Array.of(keys[r]!, keys[(r * 31) % rows]!, feat1(8, r));
      a.fill(0);
      b.fill(0);
      table.score(feats, 3, a);
      reloaded.score(feats, 3, b);
      assert.deepEqual([...b], [...a]);
      if (a.some((x) => x !== 0)) scored++;
    }
    assert.ok(scored > 300);
  }
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

test('word sums are computed once per type, stay put within a sentence, and start again past capacity', () => {
  const sums = new WordSums(2, 3);
  const lexemes = new LexemeCache();
  let computed = 0;
  const fill = (v: number) => (out: Float32Array) => {
    computed++;
    out[0] = v;
    out[1] = -v;
  };
  const words = ['a', 'b', 'c', 'd', 'e'].map((w) => lexemes.get(w));
  const at = words.map((w, k) => sums.offsetOf(w, fill(k + 1)));
  assert.equal(computed, 5); // past capacity within one sentence: every offset still good
  words.forEach((_, k) => assert.deepEqual([...sums.data.subarray(at[k]!, at[k]! + 2)], [k + 1, -(k + 1)]));
  assert.equal(sums.offsetOf(words[0]!, fill(99)), at[0]);
  assert.equal(computed, 5);
  sums.bound(); // a new sentence: past capacity, so everything is forgotten
  const again = sums.offsetOf(words[0]!, fill(7));
  assert.equal(computed, 6);
  assert.deepEqual([...sums.data.subarray(again, again + 2)], [7, -7]);
});

test('the lexeme cache is bounded: a stream of new words cannot grow it past two generations', () => {
  const lexemes = new LexemeCache(undefined, undefined, 100);
  const said = lexemes.get('said');
  for (let i = 0; i < 5000; i++) {
    lexemes.get(`Velmorić${i}`);
    if (i % 50 === 0) assert.equal(lexemes.get('said'), said); // a common word keeps its lexeme (word sums key on it)
  }
  assert.ok(lexemes.size <= 200, `holds ${lexemes.size} word forms`);
  assert.deepEqual(lexemes.get('Velmorić0'), new LexemeCache().get('Velmorić0')); // a forgotten word is built again, the same
});
