import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import type { Entity } from '../../text/types.js';
import { createDefaultPipeline } from '../default.js';
import { personhood } from './features.js';

// Invented people and places.
const pipeline = createDefaultPipeline();
const read = (text: string) => pipeline.run(new Doc(text, { published: '2025-02-14' }));

function entity(doc: Doc, name: string): Entity {
  const e = doc.entities.find((x) => x.name === name);
  assert.ok(e, `no entity ${name} among ${doc.entities.map((x) => `${x.type}:${x.name}`).join(', ')}`);
  return e;
}
const names = (e: Entity) => e.mentions.filter((m) => (m.kind ?? 'name') === 'name');

test('a person addressed as "Mr" and referred to as "he" shows it; a place name read as a person is a place', () => {
  const doc = read('Police detained the teacher Arvo Kessling in Tarnow on Monday. Mr Kessling said he had done nothing wrong.');
  const p = entity(doc, 'Arvo Kessling');
  const f = personhood(doc, p, names(p));
  assert.ok(f.includes('addressed'), f.join(' '));
  assert.ok(f.includes('personal-pronoun'), f.join(' '));
  assert.ok(!f.includes('name-is-place'), f.join(' '));
  const fake: Entity = { id: 'x', type: 'PERSON', name: 'Manila', mentions: [{ start: 0, end: 6, text: 'Manila' }] };
  assert.ok(personhood(new Doc('Manila is large.'), fake, fake.mentions).includes('name-is-place'));
});

test('the first and last words of a name carry their word clusters, coarse to fine', () => {
  const doc = new Doc('Human Rights Day was marked.');
  const e: Entity = { id: 'x', type: 'PERSON', name: 'Human Rights Day', mentions: [{ start: 0, end: 16, text: 'Human Rights Day' }] };
  const f = personhood(doc, e, e.mentions);
  const last = f.filter((x) => x.startsWith('cluster-last='));
  assert.ok(last.length >= 2, f.join(' '));
  // each deeper cluster extends the shallower one
  for (let i = 1; i < last.length; i++) assert.ok(last[i]!.startsWith(last[i - 1]!), last.join(' '));
  const unknown: Entity = { id: 'y', type: 'PERSON', name: 'Zqxwv Vbnmk', mentions: [{ start: 0, end: 11, text: 'Zqxwv Vbnmk' }] };
  assert.deepEqual(personhood(new Doc('Zqxwv Vbnmk spoke.'), unknown, unknown.mentions).filter((x) => x.startsWith('cluster-')), ['cluster-first=none', 'cluster-last=none']);
});
