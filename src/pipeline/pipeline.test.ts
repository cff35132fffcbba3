import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VigilError } from '../core/errors.js';
import { createSentencizer, createTokenizer } from '../extractors/tokens/index.js';
import { Doc } from '../text/doc.js';
import type { Component } from './component.js';
import { registry } from './registry.js';
import { Pipeline } from './runner.js';
import { Trace } from './trace.js';

test('a pipeline whose component needs a layer nobody assigns is refused when built', () => {
  assert.throws(
    () => new Pipeline([createSentencizer(), createTokenizer()]),
    (err: unknown) => err instanceof VigilError && err.code === 'pipeline_order' && /sentencizer" requires tokens/.test(err.message),
  );
  assert.doesNotThrow(() => new Pipeline([createSentencizer()], { given: ['tokens'] }));
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
  const p = new Pipeline([createTokenizer(), broken]);
  assert.throws(() => p.run(new Doc('Ana Velsmoor was detained.')), (err: unknown) => err instanceof VigilError && err.code === 'component_output' && /broken/.test(err.message));
});

test('a trace is recorded only when asked for', () => {
  const p = new Pipeline([registry.create('tokenizer', {}), registry.create('sentencizer', {})]);
  const doc = p.run(new Doc('One sentence here. And a second one.'));
  assert.equal(doc.sentences.length, 2);
  const trace = new Trace();
  p.run(new Doc('One sentence here. And a second one.'), trace);
  assert.deepEqual(trace.entries.map((e) => [e.component, e.counts]), [
    ['tokenizer', { tokens: 9 }],
    ['sentencizer', { sentences: 2 }],
  ]);
  assert.match(trace.format(), /sentencizer/);
});

test('the registry refuses unknown components with the names it knows', () => {
  assert.throws(() => registry.create('nonexistent' as 'tokenizer', {}), /no component "nonexistent"; known: .*tokenizer/);
});
