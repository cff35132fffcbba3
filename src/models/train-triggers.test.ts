import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDefaultPipeline } from '../extractors/default.js';
import { NONE } from '../extractors/learned-triggers/index.js';
import { Tree } from '../extractors/syntax/tree.js';
import { Doc } from '../text/doc.js';
import { labelledCandidates } from './train-triggers.js';

const pipeline = createDefaultPipeline('quotes');

test('labels: a gold trigger the rules missed is its type; a word the rules took is no candidate; a clause-long gold span labels nothing', () => {
  const text = 'Police arrested the reporter Ivo Sarn on Monday and questioned him for hours. Officers were seen loading the demonstrators into two pick-ups.';
  const doc = pipeline.run(new Doc(text, { published: '2024-03-04' }));
  const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
  const gold = {
    cases: [
      {
        forms: ['Ivo Sarn'],
        kinds: ['journalist'],
        events: [
          { type: 'ARREST', ...at('arrested') },
          { type: 'ARREST', ...at('questioned') },
          { type: 'ARREST', ...at('loading the demonstrators into two pick-ups') },
        ],
      },
    ],
  };
  const examples = labelledCandidates(new Tree(doc), gold, 0, undefined);
  const labelOf = (w: string) => examples.find((e) => e.feats.includes(`f=${w}`))?.label;
  assert.equal(labelOf('questioned'), 'ARREST');
  assert.equal(labelOf('arrested'), undefined, 'the rules’ own trigger is not learned again');
  assert.ok(labelOf('loading') === undefined || labelOf('loading') === NONE, 'which word of a clause is the trigger is not said');
  assert.ok(examples.every((e) => e.report === 0));
});
