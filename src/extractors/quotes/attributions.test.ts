import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';
import { attributionModel, isQuotedTitle } from './attributions.js';
import { loadCues } from './cues.js';
import { extractQuotes } from './extract.js';

// Sentences are our own inventions.
const pipeline = createDefaultPipeline();
const quotes = (text: string, learned: boolean) => {
  const doc = pipeline.run(new Doc(text, { published: '2026-11-25' }));
  return extractQuotes(doc, loadCues(), learned ? attributionModel() : null).map((q) => [q.text, q.cue?.text, q.speakerText]);
};

test('the trained attribution tagger ships and loads', () => {
  const model = attributionModel();
  assert.ok(model, 'models/quotes.bin.gz is missing: run `npm run train -- quotes`');
  assert.equal(model.header.kind, 'attributions');
});

test('the tagger adds attributions the rules miss, with the speaker’s whole phrase', () => {
  const text = 'Rights groups described the charges against Mara Teller as an attempt to silence the press.';
  assert.deepEqual(quotes(text, false), []);
  assert.deepEqual(quotes(text, true), [['the charges against Mara Teller as an attempt to silence the press', 'described', 'Rights groups']]);
});

test('where the rules found a quote, theirs stands', () => {
  const text = '“We will appeal,” said Ivo Marek, a lawyer for the family. Police declined to comment.';
  const rules = quotes(text, false);
  assert.equal(rules.length, 1);
  assert.deepEqual(quotes(text, true).slice(0, 1), rules);
});

test('topics and titles with nobody to say them are not statements', () => {
  assert.deepEqual(quotes('On “Evening Report,” the minister spoke about the “reforms” again.', true), []);
  assert.deepEqual(quotes('The film titled “Night Falls Over the Harbour Town” was banned.', true), []);
});

test('a quoted name in title case is a title, a quoted sentence is not', () => {
  assert.equal(isQuotedTitle('“Night Falls Over the Harbour Town”'), true);
  assert.equal(isQuotedTitle('"Evening Report,"'), true);
  assert.equal(isQuotedTitle('“We will appeal the ruling,”'), false);
  assert.equal(isQuotedTitle('the charges against Mara Teller'), false);
});
