import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity, VigilEvent } from '../../text/types.js';
import { namedInText, readTargets, sameNameForm } from './targets.js';

// Invented names: the matching the targets task uses between gold victims and entities.
test('name forms: case, hyphens and a family name alone match; a particle or a different name does not', () => {
  assert.ok(sameNameForm('Yusuf Al-Barani', 'Yusuf al Barani'));
  assert.ok(sameNameForm('Makurdi', 'Ilorin Makurdi'));
  assert.ok(!sameNameForm('Al', 'Yusuf Al-Barani'));
  assert.ok(!sameNameForm('Ilorin Makurdi', 'Ilorin Makoro'));
  assert.ok(namedInText('Ilorin Makurdi', 'police said ilorin makurdi was held'));
  assert.ok(!namedInText('Ilorin Mak', 'police said ilorin makurdi was held'));
});

test('a victim is found as a person and as a target; a person target who is no victim lowers precision', () => {
  const person = (id: string, name: string, type: Entity['type'] = 'PERSON'): Entity => ({ id, type, name, mentions: [{ start: 0, end: name.length, text: name }] });
  const entities = [person('e1', 'Ilorin Makurdi'), person('e2', 'Tomas Vell'), person('e3', 'Lina Orsk', 'LOC')];
  const event = (target: string): VigilEvent => ({ id: 'v', type: 'ARREST', trigger: { start: 0, end: 1, text: 'x' }, target: { entity: target, text: '' }, agent: null, principal: null, place: null, origin: null, destination: null, date: null, modality: 'asserted', sentence: 0, confidence: 1 });
  const text = 'Ilorin Makurdi and Lina Orsk were arrested; Tomas Vell too.';
  const r = readTargets(entities, [event('e1'), event('e2')], text, ['Ilorin Makurdi', 'Lina Orsk', 'Absent Person']);
  assert.deepEqual(r.victims.map((v) => [v.name, v.asPerson, v.asTarget, v.readAs]), [['Ilorin Makurdi', true, true, []], ['Lina Orsk', false, false, ['LOC']]]);
  assert.deepEqual(r.personTargets.map((t) => t.victim), [true, false]);
});
