import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Extractor } from './extract.js';

// The names of Object.prototype's properties are words a report may hold; a word table that is a
// plain object would answer them with a function ("constructor" made every report fail).
const WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

test('words that name JavaScript built-ins are words: every component reads them', () => {
  const extractor = new Extractor();
  for (const w of WORDS) {
    for (const form of [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]) {
      const text = `${form} Reported\n\nKARSVIK — Police arrested ${form} Joran Aldemir on ${form} Monday, his ${form} wife said. "${form}," she said. He was held by the ${form} police in ${form} for ${form} days, in the ${form} of 2020.`;
      const doc = extractor.extract({ text, format: 'text', published: '2026-11-17' } as never);
      // (underscores split a word as the treebank does: only the others must come out whole)
      if (!form.includes('_')) assert.ok(doc.tokens.some((t) => doc.text.slice(t.start, t.end) === form), `"${form}" is one token`);
      assert.ok(doc.entities.some((e) => /Aldemir/.test(e.name)), `${form}: ${JSON.stringify(doc.entities.map((e) => e.name))}`);
    }
  }
});

test('found by the fuzzer: a report that ends in "according to" reads without a crash', () => {
  const doc = new Extractor().extract({ text: 'Joran Aldemir was arrested on Monday by Karsvik police, according to', format: 'text', published: '2026-11-18' });
  assert.ok(doc.entities.some((e) => e.name === 'Joran Aldemir'));
});
