import assert from 'node:assert/strict';
import { test } from 'node:test';
import { companionCountries, dominantCountry, eventsCountry, retoldCountry, sentenceCountries } from './country.js';
import type { ExtractionDocument } from '../text/types.js';

/** A report of one sentence per line with the named places given (name → code) and the people's names. */
function report(lines: string[], places: Record<string, string>, people: string[] = []): ExtractionDocument {
  const text = lines.join(' ');
  const sentences = lines.map((l) => ({ start: text.indexOf(l), end: text.indexOf(l) + l.length }));
  const all = (w: string) => [...text.matchAll(new RegExp(`\\b${w}\\b`, 'g'))].map((m) => ({ start: m.index, end: m.index + w.length, text: w }));
  const entities = [
    ...Object.entries(places).map(([name, country], i) => ({ id: `p${i}`, type: 'LOC', name, country, mentions: all(name) })),
    ...people.map((name, i) => ({ id: `n${i}`, type: 'PERSON', name, mentions: all(name) })),
  ];
  return { published: null, text, offsets: 'utf16', tokens: [], timexes: [], quotes: [], events: [], sentences, entities } as unknown as ExtractionDocument;
}

test('where someone was born, raised or comes from does not place what befell them', () => {
  const d = report(
    [
      'Ada Moll, raised in Drell, was kidnapped in Karsland.',
      'Ivo Rant, born and raised in Drell, was shot.',
      'Teo Brand of Drell was abducted.',
      'The poet, originally from Drell, was jailed.',
      'A Drell native, the editor was beaten.',
    ],
    { Drell: 'DRL', Karsland: 'KRS' },
    ['Ada Moll', 'Ivo Rant', 'Teo Brand'],
  );
  const of = sentenceCountries(d);
  assert.deepEqual([0, 1, 2, 3, 4].map((s) => of(s)), ['KRS', null, null, null, null]);
});

test('must not match: a place after a verb\'s "from" or "of" is where it happened', () => {
  const d = report(['Ada Moll was released from a jail in Drell.', 'Ivo Rant fled from Drell after the raid.', 'The police of Drell held Teo Brand.'], { Drell: 'DRL' }, ['Ada Moll', 'Ivo Rant', 'Teo Brand']);
  const of = sentenceCountries(d);
  assert.deepEqual([of(0), of(1), of(2)], ['DRL', 'DRL', 'DRL']);
});

test('a place someone was flown or deported to does not place their arrest; a place of custody they were taken or returned to does', () => {
  const d = report(
    ['Ada Moll was detained at her hotel and put on a flight to Karsland on Friday.', 'Ivo Rant was arrested and deported to Karsland.', 'Teo Brand was arrested and taken to a prison in Karsland.', 'Ada Moll was returned to Karsland prison.'],
    { Karsland: 'KRS' },
    ['Ada Moll', 'Ivo Rant', 'Teo Brand'],
  );
  const of = sentenceCountries(d);
  assert.deepEqual([of(0), of(1)], [null, null]);
  // must not match: custody's places stay where someone is held
  assert.deepEqual([of(2), of(3)], ['KRS', 'KRS']);
});

test('a court\'s seat places the trial, not the kidnapping or killing it judges', () => {
  const d = report(['A man pleaded guilty in a federal court in Drell to the kidnapping of Ada Moll.', 'Ivo Rant was abducted in Drell.'], { Drell: 'DRL' }, ['Ada Moll', 'Ivo Rant']);
  const of = sentenceCountries(d);
  assert.equal(of(0, { type: 'ABDUCTION' }), null);
  // must not match: the trial or conviction itself is where the court sits; a place that is no court's seat still places harm
  assert.equal(of(0, { type: 'CONVICTION' }), 'DRL');
  assert.equal(of(0), 'DRL');
  assert.equal(of(1, { type: 'ABDUCTION' }), 'DRL');
});

test('an event with no place of its own happened where the others it befalls were held or harmed', () => {
  // A was kidnapped in Drell (placed); "A and B were held for months" (one trigger, no place); C was shot in Karsland
  const ev = (id: string, type: string, start: number, who: string, country: string | null, modality = 'asserted') => ({ id, type, modality, trigger: { start }, target: { entity: who }, country });
  const events = [ev('v1', 'ABDUCTION', 0, 'A', 'DRL'), ev('v2', 'ARREST', 50, 'A', null), ev('v3', 'ARREST', 50, 'B', null), ev('v4', 'KILLING', 90, 'C', 'KRS')];
  const of = companionCountries(events, (e) => e.country);
  assert.equal(of(events[2]!), 'DRL');
  // must not match: a person alone, or companions placed in two countries, or placed only by a hypothetical event
  assert.equal(of(events[3]!), null);
  const split = [...events, ev('v5', 'ARREST', 50, 'C', null)];
  assert.equal(companionCountries(split, (e) => e.country)(split[2]!), null);
  const wished = [ev('w1', 'RELEASE', 0, 'A', 'DRL', 'hypothetical'), ev('w2', 'ARREST', 50, 'A', null), ev('w3', 'ARREST', 50, 'B', null)];
  assert.equal(companionCountries(wished, (e) => e.country)(wished[2]!), null);
});

test('a report naming two countries alike is about the one its events take place in', () => {
  const d = report(['Ada Moll was abducted in Drell.', 'Karsland and Drell met in Karsland.'], { Drell: 'DRL', Karsland: 'KRS' }, ['Ada Moll']);
  const drell = d.entities.find((e) => e.name === 'Drell')!;
  const withEvent = (modality: string) =>
    ({ ...d, events: [{ id: 'v1', type: 'ABDUCTION', modality, sentence: 0, trigger: { start: 12, end: 20, text: 'abducted' }, place: { entity: drell.id, ...drell.mentions[0]! }, target: null }] }) as unknown as ExtractionDocument;
  assert.equal(dominantCountry(withEvent('asserted')), 'DRL');
  // must not match: a tie with no event placed, or one placed only in a wish, stays undecided
  assert.equal(dominantCountry(d), null);
  assert.equal(dominantCountry(withEvent('hypothetical')), null);
});

test('where a report\'s harm happens: the country most of its sentences placing someone held or harmed name', () => {
  const ev = (type: string, country: string | null, sentence: number, modality = 'asserted') => ({ type, country, sentence, modality });
  // hostages beheaded in Drell (two people, one sentence), guards captured in Drell; a trial in Karsland is no harm
  const trialAbroad = [ev('KILLING', 'DRL', 2), ev('KILLING', 'DRL', 2), ev('ARREST', 'DRL', 9), ev('TRIAL', 'KRS', 1), ev('CONVICTION', 'KRS', 4), ev('ARREST', 'OST', 12)];
  assert.equal(eventsCountry(trialAbroad), 'DRL');
  assert.equal(eventsCountry(trialAbroad, 2), 'DRL');
  // must not match: a country told in one sentence when two are asked, no majority, a wished or unplaced event
  assert.equal(eventsCountry([ev('KILLING', 'DRL', 3)], 2), null);
  assert.equal(eventsCountry([ev('KILLING', 'DRL', 3), ev('ARREST', 'KRS', 5)]), null);
  assert.equal(eventsCountry([ev('RELEASE', 'DRL', 3, 'hypothetical'), ev('ARREST', null, 5)]), null);
  assert.equal(eventsCountry([ev('CHARGE', 'KRS', 1), ev('ACCUSATION', 'KRS', 2)]), null);
});

test('an event told again in the same word takes the one country of the sentences retelling it', () => {
  const d = report(['Ada Moll was kidnapped in 2013.', 'While nursing the wounded in Drell, Ada Moll was kidnapped.', 'Ada Moll is held to put pressure on Karsland.'], { Drell: 'DRL', Karsland: 'KRS' }, ['Ada Moll']);
  const of = retoldCountry(d, sentenceCountries(d));
  const at = (w: string, from = 0) => ({ start: d.text.indexOf(w, from), end: d.text.indexOf(w, from) + w.length, text: w });
  const kidnapped = { type: 'ABDUCTION', sentence: 0, trigger: at('kidnapped'), mentions: [at('kidnapped', 20)] };
  assert.equal(of(kidnapped), 'DRL');
  // must not match: another word merged into the event, a charge or trial, or no retelling
  assert.equal(of({ ...kidnapped, mentions: [at('held')] }), null);
  assert.equal(of({ ...kidnapped, type: 'CHARGE' }), null);
  assert.equal(of({ ...kidnapped, mentions: [] }), null);
});

test('a country\'s union, party or press speaking up for someone is not where their events happen', () => {
  const d = report(["Drell's largest trade union campaigned for the jailed poet Ada Moll.", "Drell's police jailed the poet Ivo Rant."], { Drell: 'DRL' }, ['Ada Moll', 'Ivo Rant']);
  const of = sentenceCountries(d);
  assert.equal(of(0), null);
  // must not match: a country's police or government acts where it rules
  assert.equal(of(1), 'DRL');
});

test('the place of someone else\'s event, told again in another sentence, does not place the event asked about there', () => {
  const d = report(['Ivo Rant was found dead last year.', 'Ivo Rant, who was killed in Drell, was a friend of the slain poet Ada Moll.'], { Drell: 'DRL' }, ['Ivo Rant', 'Ada Moll']);
  const drell = d.entities.find((e) => e.name === 'Drell')!;
  const rant = d.entities.find((e) => e.name === 'Ivo Rant')!;
  const moll = d.entities.find((e) => e.name === 'Ada Moll')!;
  // Ivo Rant's killing is told first in sentence 0; its place comes from the retelling in sentence 1
  const withKilling = { ...d, events: [{ id: 'v1', type: 'KILLING', modality: 'asserted', sentence: 0, trigger: { start: 13, end: 18, text: 'found' }, place: { entity: drell.id, ...drell.mentions[0]! }, target: { entity: rant.id, text: 'Ivo Rant' } }] } as unknown as ExtractionDocument;
  const of = sentenceCountries(withKilling);
  assert.equal(of(1, { target: { entity: moll.id } }), null);
  // must not match: Ivo Rant's own event there is placed
  assert.equal(of(1, { target: { entity: rant.id } }), 'DRL');
});

test('a state condemning, calling for a release or granting asylum speaks of the event; it does not place it', () => {
  const d = report(
    ['Karsland condemned the arrest of the poet Ada Moll.', 'Karsland has called for the release of Ivo Rant, who was detained last week.', 'Karsland granted asylum to Teo Brand after he was jailed.', 'Karsland arrested the poet Ada Moll.', 'Karsland sentenced Ivo Rant to ten years.'],
    { Karsland: 'KRS' },
    ['Ada Moll', 'Ivo Rant', 'Teo Brand'],
  );
  const of = sentenceCountries(d);
  assert.deepEqual([of(0), of(1), of(2)], [null, null, null]);
  // must not match: a state that arrests or sentences acts where it rules
  assert.deepEqual([of(3), of(4)], ['KRS', 'KRS']);
});

test('where someone speaks of an event is not where it happened', () => {
  const d = report(['Speaking in Drell, her husband said Ada Moll had been tortured.', 'At a press conference in Drell, Ivo Rant said he was beaten.', 'Ivo Rant was beaten in Drell.'], { Drell: 'DRL' }, ['Ada Moll', 'Ivo Rant']);
  const of = sentenceCountries(d);
  assert.deepEqual([of(0), of(1)], [null, null]);
  // must not match: the place of the beating itself
  assert.equal(of(2), 'DRL');
});
