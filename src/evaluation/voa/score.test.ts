import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyCounts, prf, scoreSentence, type GoldRecord, type SystemRecord } from './score.js';

// An invented sentence's gold: "Police arrested Ilse Varga(2-4) and Pol Varan(5-7) ; Varga was later freed"
const gold: GoldRecord[] = [
  { type: 'ARREST', modality: 'asserted', trigger: 1, target: [2, 4], at_risk: true },
  { type: 'ARREST', modality: 'asserted', trigger: 1, target: [5, 7], at_risk: false },
  { type: 'RELEASE', modality: 'asserted', trigger: 11, target: [3, 4], at_risk: true },
];

test('a person found with the right type and modality counts once per person, type and modality', () => {
  const c = emptyCounts();
  const sys: SystemRecord[] = [
    { type: 'ARREST', modality: 'asserted', spans: [[2, 4]] },
    { type: 'ARREST', modality: 'asserted', spans: [[2, 4]] },
    { type: 'RELEASE', modality: 'hypothetical', spans: [[3, 4], [2, 4]] },
  ];
  scoreSentence(gold, sys, c);
  // two gold people (Varga's two records share her), one found
  assert.deepEqual(c.person, { gold: 2, sys: 1, hit: 1 });
  assert.deepEqual(c.typed, { gold: 3, sys: 2, hit: 2 });
  assert.deepEqual(c.modal, { gold: 3, sys: 2, hit: 1 });
  assert.deepEqual(c.atRisk, { gold: 1, hit: 1 });
});

test('someone the gold gives no event is an extra; a sentence with no gold scores only what was read', () => {
  const c = emptyCounts();
  scoreSentence([], [{ type: 'KILLING', modality: 'asserted', spans: [[0, 2]] }], c);
  assert.deepEqual(c.person, { gold: 0, sys: 1, hit: 0 });
  assert.equal(prf(c.person).p, 0);
  scoreSentence(gold, [{ type: 'ARREST', modality: 'asserted', spans: [[9, 10]] }], c);
  assert.deepEqual(c.person, { gold: 2, sys: 2, hit: 0 });
  assert.deepEqual(c.atRisk, { gold: 1, hit: 0 });
});
