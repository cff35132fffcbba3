import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';
import { personFeatures } from './features.js';

// Invented people and places: who an event befalls with says something of who one is.
const pipeline = createDefaultPipeline('learned-targets');
const featsOf = (text: string, name: string): string[] => {
  const doc = pipeline.run(new Doc(text, { published: '2025-02-14' }));
  const e = doc.entities.find((x) => x.type === 'PERSON' && x.name === name);
  assert.ok(e, `no person ${name} among ${doc.entities.map((x) => `${x.type}:${x.name}`).join(', ')}`);
  return personFeatures(doc, e, { score: 0.9 }).map((f) => f.name);
};

test('arrested with someone described as a journalist: the co-target-at-risk feature', () => {
  assert.ok(featsOf('Police arrested the journalist Amara Bello and Tunde Okafor in Lagos on Monday.', 'Tunde Okafor').includes('co-target-at-risk'));
});

test('arrested with a governor, or alone: no co-target-at-risk (must not match)', () => {
  assert.ok(!featsOf('Police arrested Governor Brannic Osk and Tunde Okafor in Lagos on Monday.', 'Tunde Okafor').includes('co-target-at-risk'));
  assert.ok(!featsOf('Police arrested the journalist Amara Bello in Lagos on Monday.', 'Amara Bello').includes('co-target-at-risk'));
});
