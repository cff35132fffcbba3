import assert from 'node:assert/strict';
import { test } from 'node:test';
import { has, lacks, read, told } from './told-test-helpers.js';

// Sentences written for these tests (issue #34: releases the report does not tell, statuses), in
// shapes found in our invented train reports; every person, body and place is invented.

/** The event of `type` for `who`, if any. */
const eventOf = (text: string, type: string, who: string) => {
  const doc = read(text);
  return doc.events.find((v) => v.type === type && (doc.entities.find((e) => e.id === v.target?.entity)?.name ?? v.target?.text) === who);
};

test('a release that comes back every day is a routine inside custody, not freedom', () => {
  lacks('For 15 of his years in prison, Ivo Sarn was held in solitary confinement, released from a cell the size of a wardrobe for one hour a day.', 'RELEASE');
  lacks('Mara Velk was released from her cell each morning to work in the kitchen.', 'RELEASE');
  // must still match: a day as a date, or a release after a while
  has('Mara Velk was released a day later.', 'RELEASE', 'Mara Velk');
  has('Ivo Sarn was released on Monday after three days in a cell.', 'RELEASE', 'Ivo Sarn');
  has('Another student, Pol Arno, was freed on police bond on Monday and told to report to the station every week.', 'RELEASE', 'Pol Arno');
  has('Pol Arno was freed on bail by a court on Monday, but must report to the police every week.', 'RELEASE', 'Pol Arno');
});

test('"jailed X, a …, for N months": the term past an aside on the person makes it a sentence', () => {
  has('The same court in March jailed Ivo Sarn, a teacher who wrote pamphlets against the mayor, for 18 months on a similar charge.', 'CONVICTION', 'Ivo Sarn');
  has('Mara Velk, a nurse who was dismissed in 2020 and jailed in 2022 for four years for joining a rally, is ill.', 'CONVICTION', 'Mara Velk');
  // must not match: a span of another verb of its own, or no term at all
  has('Ivo Sarn was jailed after a strike that lasted for three weeks.', 'ARREST', 'Ivo Sarn');
  assert.ok(!told('Ivo Sarn was jailed after a strike that lasted for three weeks.').some(([t]) => t === 'CONVICTION'));
  has('Police jailed Ivo Sarn, who had fasted for 12 days, on Monday.', 'ARREST', 'Ivo Sarn');
});

test('a custody span that ran out on the day of a removal the report tells anywhere ended in the removal, not in a release', () => {
  const text = 'Deported from Norland, the activist Ivo Sarn vanished after landing in Brenn on 9 May. Sarn was detained in Velmora on 1 May and held for eight days at a removal centre.';
  lacks(text, 'RELEASE');
  has(text, 'DEPORTATION', 'Ivo Sarn');
  // must still match: a removal on another day leaves the span a release
  has('Ivo Sarn was detained in Velmora on 1 May and held for eight days at a police station. He was deported on 20 May.', 'RELEASE', 'Ivo Sarn');
});

test('"unable to find out where he is held", "neither … have acknowledged holding her": nobody knows where', () => {
  assert.ok(eventOf('The teacher Ivo Sarn was detained on 3 May. His wife has been unable to find out where he is being held.', 'ARREST', 'Ivo Sarn')?.whereaboutsUnknown);
  assert.ok(eventOf('Soldiers took Mara Velk from her house in March. Neither the garrison nor the local police have acknowledged holding her.', 'ARREST', 'Mara Velk')?.whereaboutsUnknown);
  // must not match: not finding out where something else happens
  assert.ok(!eventOf('Ivo Sarn was detained on 3 May. His lawyer was unable to find out where the hearing would take place.', 'ARREST', 'Ivo Sarn')?.whereaboutsUnknown);
  assert.ok(!eventOf('Soldiers took Mara Velk from her house in March. The garrison has acknowledged holding her.', 'ARREST', 'Mara Velk')?.whereaboutsUnknown);
});

test('"turned down his release" refuses it, as "refused" does', () => {
  has('The parole board has turned down his release three times, in 2015, 2018 and 2023.', 'RELEASE', 'his', 'negated');
  // must still match: a refusal of something else beside a release
  has('Ivo Sarn turned down an offer and was released.', 'RELEASE', 'Ivo Sarn');
});

test('a release the freed person tells is news relayed; a custody they tell of themselves stays their account', () => {
  has('Ivo Sarn was released on Tuesday evening without charge, but police kept his passport, he said.', 'RELEASE', 'Ivo Sarn');
  // must not match: what befell them in custody, told by themselves
  has('Mara Velk was detained at the airport for a night, she said.', 'ARREST', 'Mara Velk', 'reported');
});

test('"jailed for two days after …", days past the partner words, is no term', () => {
  assert.ok(!told('Ivo Sarn, who says he was jailed for two days after officers knocked at his flat, is charged with assault.').some(([t]) => t === 'CONVICTION'));
  // must still match: months or years
  has('Mara Velk, a clerk, was jailed for 30 months once she admitted theft at a hearing in Tarsk.', 'CONVICTION', 'Mara Velk');
});

test('a release read onto its own speaker is no telling of their own release', () => {
  assert.ok(!told('The defence lawyer Pol A. Arno, not a relative, said the judge ordered four more Norlanders, each given a life term over the abduction, also freed.').some(([t, m, w]) => t === 'RELEASE' && m === 'asserted' && w === 'Pol A. Arno'));
});
