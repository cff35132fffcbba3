import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HrdLabels } from '../../corpora/readers/hrdsattack.js';
import { HrdScorer, askedAbout } from './hrdsattack.js';
import type { HrdPrediction } from './hrdsattack.js';

const gold = (over: Partial<HrdLabels> = {}): HrdLabels => ({
  violationTypes: ['arbitrary detention'],
  perpetratorMention: true,
  perpetratorType: 'state actor',
  victims: [{ name: 'Dara Venn', type: ['journalist', 'insufficient information'], populationType: 'individual', sex: 'woman', ageGroup: 'adult' }],
  country: 'Kenya',
  region: null,
  city: 'N/A',
  year: 2021,
  month: null,
  day: 4,
  ...over,
});

const answer = (over: Partial<HrdPrediction> = {}): HrdPrediction => ({
  ...gold(),
  victimNames: ['Venn', 'Dara Venn'],
  victimAttributes: new Map([['Dara Venn', { type: ['journalist'], populationType: 'individual', sex: 'woman', ageGroup: 'adult' }]]),
  city: null,
  ...over,
});

test('as in the paper’s evaluation code, an article with no gold value is wrong whatever the answer', () => {
  const paper = new HrdScorer();
  const lenient = new HrdScorer({ noneMatches: true });
  for (const s of [paper, lenient]) s.add(gold(), answer());
  const p = paper.score();
  const l = lenient.score();
  // region and month are None in gold, city is "N/A" (None after the code's normalisation)
  assert.equal(p.region, 0);
  assert.equal(p.month, 0);
  assert.equal(p.city, 0);
  assert.equal(l.region, 1);
  assert.equal(l.month, 1);
  assert.equal(l.city, 1);
  for (const s of [p, l]) {
    assert.equal(s.country, 1);
    assert.equal(s.year, 1);
    assert.equal(s.day, 1);
  }
});

test('victim types are compared as the annotated set, "insufficient information" included', () => {
  const s = new HrdScorer();
  s.add(gold(), answer());
  assert.equal(s.score().victimType, 0);
  const both = new HrdScorer();
  both.add(gold(), answer({ victimAttributes: new Map([['Dara Venn', { type: ['insufficient information', 'journalist'], populationType: 'individual', sex: 'woman', ageGroup: 'adult' }]]) }));
  assert.equal(both.score().victimType, 1);
  // no predicted type reads as "insufficient information"; an empty gold set matches nothing
  const none = new HrdScorer();
  none.add(gold({ victims: [{ name: 'Dara Venn', type: ['insufficient information'], populationType: null, sex: null, ageGroup: null }] }), answer({ victimAttributes: new Map([['Dara Venn', { type: [], populationType: null, sex: null, ageGroup: null }]]) }));
  none.add(gold({ victims: [{ name: 'Dara Venn', type: [], populationType: null, sex: null, ageGroup: null }] }), answer({ victimAttributes: new Map([['Dara Venn', { type: [], populationType: null, sex: null, ageGroup: null }]]) }));
  assert.equal(none.score().victimType, 0.5);
});

test('a predicted name inside a later one counts once for the hits, but every prediction counts for precision', () => {
  const s = new HrdScorer();
  s.add(gold(), answer());
  const r = s.score();
  // two names predicted, one distinct and exact: P = 1/2, R = 1/1
  assert.ok(Math.abs(r.victimExactF1! - 2 / 3) < 1e-9);
});

test('an empty violation prediction is read as "unknown"; "unknown" beside other gold types is dropped', () => {
  const s = new HrdScorer();
  s.add(gold({ violationTypes: ['unknown'] }), answer({ violationTypes: [] }));
  s.add(gold({ violationTypes: ['killing', 'unknown'] }), answer({ violationTypes: ['killing'] }));
  assert.equal(s.score().violationF1, 1);
});

test('victim attributes count only for the gold victims the system read, as the paper asks T5 only about names in its input', () => {
  const venn = { type: ['journalist'], populationType: 'individual', sex: 'woman', ageGroup: 'adult' };
  const two = gold({
    victims: [
      { name: 'Dara Venn', type: ['journalist'], populationType: 'individual', sex: 'woman', ageGroup: 'adult' },
      { name: 'Ode Marsh', type: ['trade unionist'], populationType: 'individual', sex: 'man', ageGroup: 'adult' },
    ],
  });
  const predicted = answer({ victimAttributes: new Map([['Dara Venn', venn], ['Ode Marsh', venn]]) });
  const all = new HrdScorer();
  all.add(two, predicted);
  assert.equal(all.score().victimType, 0.5);
  // Ode Marsh is named only after the part read: not asked about, not counted
  const read = new HrdScorer();
  read.add(two, askedAbout(predicted, 'Police detained the journalist Dara Venn on Thursday.'));
  assert.equal(read.score().victimType, 1);
  // verbatim, as Python's `in`: "Ode Marsh’s" holds the name, "Ode  Marsh" does not
  assert.deepEqual([...askedAbout(predicted, 'Dara Venn and Ode Marsh’s union').victimAttributes.keys()], ['Dara Venn', 'Ode Marsh']);
  assert.deepEqual([...askedAbout(predicted, 'Dara Venn and Ode  Marsh').victimAttributes.keys()], ['Dara Venn']);
});
