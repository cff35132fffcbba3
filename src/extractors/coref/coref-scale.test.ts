import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';
import { demonymBeforeName } from './index.js';

// Invented people and places: a long report where each paragraph names someone new, so a pronoun
// must find the person of its own paragraph among hundreds known so far.
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vu', 'dor', 'el', 'phi', 'sun'];
const family = (i: number): string => `${SYLLABLES[i % 10]!.toUpperCase()[0]}${SYLLABLES[i % 10]!.slice(1)}${SYLLABLES[Math.floor(i / 10) % 10]}${SYLLABLES[Math.floor(i / 100) % 10]}vek`;
const GIVEN = [
  ['Ana', 'She'],
  ['Tomas', 'He'],
] as const;

test('in a report naming hundreds of people, each paragraph\'s pronoun is the person that paragraph names', () => {
  const people = Array.from({ length: 240 }, (_, i) => ({ name: `${GIVEN[i % 2]![0]} ${family(i)}`, pronoun: GIVEN[i % 2]![1] }));
  const text = people.map((p) => `Police detained journalist ${p.name} in Drell on Monday. ${p.pronoun} was released on Friday.`).join('\n\n');
  const doc = createDefaultPipeline('coref').run(new Doc(text, { published: '2024-05-01' }));
  let checked = 0;
  let at = 0;
  for (const p of people) {
    const named = text.indexOf(p.name, at);
    const pronoun = text.indexOf(`. ${p.pronoun} was`, named) + 2;
    at = pronoun;
    const who = doc.entities.find((e) => e.mentions.some((m) => m.start === named));
    assert.ok(who, `${p.name} is a person`);
    if (!doc.entities.some((e) => e.mentions.some((m) => m.start === pronoun))) continue;
    assert.ok(who.mentions.some((m) => m.kind === 'pronoun' && m.start === pronoun), `"${p.pronoun}" after ${p.name} is ${p.name}`);
    // must not match: anybody else, such as the person of the paragraph before
    assert.equal(doc.entities.filter((e) => e.mentions.some((m) => m.start === pronoun)).length, 1);
    checked++;
  }
  assert.ok(checked >= 200, `${checked} pronouns resolved`);
});

test('a demonym right before the nouns that lead a name: found from the name\'s own token, none when no token starts there', () => {
  const text = 'Writers such as Kenyan historian Ivo Rant and Velmoran poet Ada Moll spoke.';
  const doc = createDefaultPipeline('tagger').run(new Doc(text, {}));
  assert.equal(demonymBeforeName(doc, text.indexOf('Ivo')), 'KEN');
  // must not match: an invented demonym, an offset inside a token, an offset in a space
  assert.equal(demonymBeforeName(doc, text.indexOf('Ada')), undefined);
  assert.equal(demonymBeforeName(doc, text.indexOf('Ivo') + 1), undefined);
  assert.equal(demonymBeforeName(doc, text.indexOf('Ivo') - 1), undefined);
});
