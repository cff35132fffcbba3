import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';

// Sentences written for these tests; the people, places and organisations are invented.
const pipeline = createDefaultPipeline('person-cues');

/** The type of each mention with exactly these words, in text order. */
const typesOf = (text: string, name: string): string[] =>
  pipeline
    .run(new Doc(text))
    .entities.flatMap((e) => e.mentions.filter((m) => m.text === name).map((m) => ({ at: m.start, type: e.type })))
    .sort((a, b) => a.at - b.at)
    .map((m) => m.type);

test('a name an arrest befalls is a person, and so is its family name alone, but not after "in"', () => {
  const text = 'Ilorin Makurdi, who runs a small radio station, was arrested in August. Makurdi has been charged with treason. Police later flew him to Makurdi.';
  assert.deepEqual(typesOf(text, 'Ilorin Makurdi'), ['PERSON']);
  const short = typesOf(text, 'Makurdi');
  assert.equal(short[0], 'PERSON', JSON.stringify(short));
  assert.notEqual(short[1], 'PERSON', JSON.stringify(short));
});

test('one-word names between people in a list are people', () => {
  const text = 'Police arrested nine workers identified as Kamal Sarif, Abdul Hamid, Idrees, Bilal, Aimal, Farooq, and Kamal Oster.';
  for (const name of ['Idrees', 'Bilal', 'Aimal', 'Farooq']) assert.deepEqual(typesOf(text, name), ['PERSON'], name);
});

test('places and companies stay what they were: a raided town, a list of towns, a company charged', () => {
  const before = createDefaultPipeline('ner');
  for (const text of [
    'Police raided Karsvik and arrested 20 people on Monday.',
    'Talks were held in Karsvik, Velmora and Port Selim last week.',
    'Velcor Holdings was charged with fraud on Friday.',
    'Soldiers detained Anton Brel in Velmora, officials said.',
  ]) {
    const layer = (p: typeof pipeline) => p.run(new Doc(text)).entities.map((e) => [e.type, e.name]);
    assert.deepEqual(layer(pipeline), layer(before), text);
  }
});
