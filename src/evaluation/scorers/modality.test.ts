import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CaseGold } from '../../corpora/readers/case-gold.js';
import type { Entity, VigilEvent } from '../../text/types.js';
import { ModalityScorer, caseEntities, constantAnswer, samePlace } from './modality.js';

// An invented report and its invented gold: two journalists, a call for one's release, an arrest
// with the place each is held.
const text = 'Police arrested Ilse Varga and Pol Varan. Rights groups called for the release of Varga. Varan was freed. Varga is held at Brenn Central Prison.';
const at = (word: string, from = 0) => {
  const start = text.indexOf(word, from);
  return { start, end: start + word.length, text: word };
};

const entities: Entity[] = [
  { id: 'e1', type: 'PERSON', name: 'Ilse Varga', mentions: [at('Ilse Varga'), at('Varga', 60)] },
  { id: 'e2', type: 'PERSON', name: 'Pol Varan', mentions: [at('Pol Varan'), at('Varan was')] },
];

function event(type: VigilEvent['type'], trigger: string, modality: VigilEvent['modality'], target: string | null, extra: Partial<VigilEvent> = {}): VigilEvent {
  return { id: trigger, type, trigger: at(trigger), target: target ? { entity: target, text: target } : null, agent: null, principal: null, place: null, origin: null, destination: null, date: null, modality, sentence: 0, confidence: 0.9, ...extra };
}

const gold: CaseGold = {
  corpus: 'hrdsattack', split: 'dev', index: 0, published: '2021-01-01', not_cases: [],
  cases: [
    { name: 'Ilse Varga|Varga', at_risk: ['journalist'], country: null, status: 'detained', held_at: 'Brenn Central Prison',
      events: [{ type: 'ARREST', modality: 'asserted', date: null, agent: 'Police', place: null, ...at('arrested') }, { type: 'RELEASE', modality: 'hypothetical', date: null, agent: null, place: null, ...at('release') }] },
    { name: 'Pol Varan|Varan', at_risk: ['journalist'], country: null, status: 'released', held_at: null,
      events: [{ type: 'RELEASE', modality: 'asserted', date: null, agent: null, place: null, ...at('freed') }] },
  ],
};

test('modality against case gold: matched by trigger overlap, confusion, false releases, held_at found', () => {
  const scorer = new ModalityScorer();
  scorer.add(gold, {
    text,
    entities,
    events: [
      event('ARREST', 'arrested', 'asserted', 'e1', { heldAt: { entity: null, ...at('Brenn Central Prison') } }),
      event('ARREST', 'arrested', 'asserted', 'e2'),
      // the call read as a release that happened: wrong modality, and a false release
      event('RELEASE', 'release', 'asserted', 'e1'),
      event('RELEASE', 'freed', 'asserted', 'e2'),
    ],
  });
  const s = scorer.score();
  assert.deepEqual([s.goldEvents, s.matched, s.sameType, s.modalityRight], [3, 3, 3, 2]);
  assert.equal(s.confusion.hypothetical?.asserted, 1);
  assert.deepEqual([s.factualReleases, s.falseReleases], [2, 1]);
  assert.deepEqual([s.heldAtGold, s.heldAtFound, s.heldAtSpurious], [1, 1, 0]);
  assert.equal(constantAnswer(s, 'asserted'), 2 / 3);
});

test('places match by their words, names by their forms', () => {
  assert.ok(samePlace('Central Police Station, Tarnholm Bay', 'the Central Police Station in Tarnholm Bay'));
  assert.ok(samePlace('Evin prison', 'Evin'));
  assert.ok(!samePlace('Evin prison', 'Brenn Central Prison in Reyvik'));
  assert.deepEqual([...caseEntities(gold.cases[0]!, entities)], ['e1']);
});
