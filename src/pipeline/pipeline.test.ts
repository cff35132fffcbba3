import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VigilError } from '../core/errors.js';
import { Doc } from '../text/doc.js';
import type { Component } from './component.js';
import { Registry } from './registry.js';
import { Pipeline } from './runner.js';
import { Trace } from './trace.js';

/** Stand-ins for the real extractors, which live in a higher layer. */
const whitespaceTokenizer: Component = {
  name: 'ws-tokens',
  requires: [],
  assigns: ['tokens'],
  process(doc) {
    doc.tokens = [...doc.text.matchAll(/\S+/g)].map((m, i) => ({ i, start: m.index, end: m.index + m[0].length, text: m[0], spaceAfter: true, fused: false }));
    return doc;
  },
};
const oneSentence: Component = {
  name: 'one-sentence',
  requires: ['tokens'],
  assigns: ['sentences'],
  process(doc) {
    const last = doc.tokens[doc.tokens.length - 1];
    doc.sentences = last ? [{ start: doc.tokens[0]!.start, end: last.end, tokenStart: 0, tokenEnd: doc.tokens.length }] : [];
    return doc;
  },
};

test('a pipeline whose component needs a layer nobody assigns is refused when built', () => {
  assert.throws(
    () => new Pipeline([oneSentence, whitespaceTokenizer]),
    (err: unknown) => err instanceof VigilError && err.code === 'pipeline_order' && /one-sentence" requires tokens/.test(err.message),
  );
  assert.doesNotThrow(() => new Pipeline([oneSentence], { given: ['tokens'] }));
});

test("the runner checks each component's output", () => {
  const broken: Component = {
    name: 'broken',
    requires: ['tokens'],
    assigns: ['entities'],
    process(doc) {
      doc.entities = [{ id: 'e1', type: 'PERSON', name: 'x', mentions: [{ start: 0, end: 500, text: 'x' }] }];
      return doc;
    },
  };
  const p = new Pipeline([whitespaceTokenizer, broken]);
  assert.throws(() => p.run(new Doc('Ana Velsmoor was detained.')), (err: unknown) => err instanceof VigilError && err.code === 'component_output' && /broken/.test(err.message));
});

test('a trace is recorded only when asked for', () => {
  const p = new Pipeline([whitespaceTokenizer, oneSentence]);
  const doc = p.run(new Doc('One sentence here.'));
  assert.equal(doc.sentences.length, 1);
  assert.deepEqual([...doc.assigned], ['tokens', 'sentences']);
  const trace = new Trace();
  p.run(new Doc('One sentence here. And a second one.'), trace);
  assert.deepEqual(trace.entries.map((e) => [e.component, e.counts]), [
    ['ws-tokens', { tokens: 7 }],
    ['one-sentence', { sentences: 1 }],
  ]);
  assert.match(trace.format(), /one-sentence/);
});

test('the registry builds by name and refuses unknown components with the names it knows', () => {
  const registry = new Registry();
  registry.register('tokenizer', () => ({ ...whitespaceTokenizer, name: 'tokenizer' }));
  assert.equal(registry.create('tokenizer', {}).name, 'tokenizer');
  assert.throws(() => registry.register('tokenizer', () => whitespaceTokenizer), /registered twice/);
  assert.throws(() => registry.create('nonexistent' as 'tokenizer', {}), /no component "nonexistent"; known: tokenizer/);
});
