import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';
import { Classifier } from '../learn/linear.js';
import { NO, TargetModel, YES, targetPairs } from './index.js';

const pipeline = createDefaultPipeline('events');
const read = (text: string) => pipeline.run(new Doc(text, { published: '2024-03-04' }));

test('pairs: every named person in an event’s sentence who is neither its target nor its agent, at each of its triggers', () => {
  const doc = read('Police arrested the journalist Ilse Maren on Monday, and Governor Pell Okonjo praised the officers while the editor Teo Vance watched.');
  const pairs = targetPairs(doc);
  const arrest = doc.events.find((v) => v.type === 'ARREST')!;
  assert.ok(arrest.target?.entity, 'the rules find the arrest’s target');
  const names = pairs.filter((p) => p.event === arrest).map((p) => p.entity.name);
  assert.ok(!names.includes(arrest.target!.text.replace(/^the journalist /, '')), 'the target is no candidate');
  assert.ok(names.includes('Teo Vance') && names.includes('Pell Okonjo'), names.join(', '));
  for (const p of pairs) assert.ok(p.feats.some((f) => f.startsWith('path=')) && p.feats.includes(`type=${p.event.type}`));
});

test('the model adds a target as an event of its own and never removes one', () => {
  const doc = read('Police arrested the journalist Ilse Maren on Monday, and Governor Pell Okonjo praised the officers while the editor Teo Vance watched.');
  // a toy model: a person after "editor" is a target, anyone else is not
  const clf = Classifier.train(
    [
      { feats: ['prev=editor'], label: YES },
      { feats: ['prev=governor'], label: NO },
      { feats: ['prev=PROPN'], label: NO },
    ],
    { iterations: 200, l2: 0.01 },
  );
  const before = doc.events.length;
  const events = new TargetModel(clf, 0.5).apply(doc);
  const added = events.slice(before);
  assert.deepEqual(
    added.map((v) => [v.type, v.target?.text]),
    [['ARREST', 'Teo Vance']],
  );
  assert.deepEqual(events.slice(0, before), doc.events, 'the rules’ events stay as they were');
  assert.equal(new Set(events.map((v) => v.id)).size, events.length, 'ids stay unique');
});
