import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';

// Invented people. A name the recogniser stopped short of is grown to its head, and not left
// inside a hyphenated word.
const pipeline = createDefaultPipeline('entity-aliases');
const persons = (text: string) =>
  pipeline
    .run(new Doc(text, { published: '2025-02-14' }))
    .entities.filter((e) => e.type === 'PERSON')
    .map((e) => e.name);

test('a name grown to an Arabic article takes the hyphenated family name after it', () => {
  assert.ok(persons('A lawyer who represents prisoners, Zainab Mansoor Al-Shuwaikh, was stopped at the airport.').includes('Zainab Mansoor Al-Shuwaikh'));
});

test('a hyphen followed by a lower-case word is not part of the name (must not match)', () => {
  // the name is grown to "Al" and then over "-Shuwaikh", but not over "-trained"
  const names = persons('A lawyer who represents prisoners, Zainab Mansoor Al-Shuwaikh-trained, was stopped at the airport.');
  assert.ok(names.includes('Zainab Mansoor Al-Shuwaikh'), names.join(', '));
  assert.ok(!names.some((n) => /trained/.test(n)), names.join(', '));
});

/** The name of the PERSON entity that has a mention written `words`, if any. */
const personOf = (text: string, words: string): string | undefined =>
  pipeline
    .run(new Doc(text, { published: '2025-02-14' }))
    .entities.find((e) => e.type === 'PERSON' && e.mentions.some((m) => m.text === words))?.name;

test('a lone name spelt a letter or two off a family name the report gives in full is that person', () => {
  const cases: [string, string, string][] = [
    // the variant the recogniser missed
    ['Clinic union leader Osman Dravelli called the strike. Dravellu was seized from his home on Monday.', 'Dravellu', 'Osman Dravelli'],
    ['Clinic union leader Osman Tembakuri called the strike. Tembekuri was seized from his home on Monday.', 'Tembekuri', 'Osman Tembakuri'],
    // the variant read as a place
    ['Editor Ilse Kornbluth was questioned. On Friday, Kornbluht was released by police.', 'Kornbluht', 'Ilse Kornbluth'],
    ['Organiser Pavel Szymankoviak spoke first. Szymankowiak was detained afterwards.', 'Szymankowiak', 'Pavel Szymankoviak'],
  ];
  for (const [text, variant, host] of cases) assert.equal(personOf(text, variant), host, text);
});

test('a near spelling stays its own name when short, ambiguous, gendered, lengthened or too far (must not match)', () => {
  const cases: [string, string][] = [
    // two people share the family name it is near
    ['Ana Rivel and Miguel Rivel founded the union. Rivek was arrested on Monday.', 'Rivek'],
    // short names: "Oda" beside "Odak"
    ['Journalist Selim Odak wrote about it. Oda was detained on Monday.', 'Oda'],
    // the feminine form is a relative, not a misspelling
    ['Journalist Selim Mirzaev wrote about corruption. Mirzaeva was detained on Monday.', 'Mirzaeva'],
    ['Journalist Jerzy Kowalski wrote about corruption. On Monday, Kowalska was detained by police.', 'Kowalska'],
    // a name of its own: the other with a letter added at its end
    ['Journalist Reza Karim wrote about corruption. On Monday, Mr Karimi was detained by police.', 'Karimi'],
    // two letters off a name of fewer than nine letters
    ['Teacher Lena Dravelli spoke. On Monday, Mr Dravolly was arrested by police.', 'Dravolly'],
    // another first letter
    ['Teacher Lena Dravelli spoke. On Monday, Travelli was detained by police.', 'Travelli'],
    // someone else, as the words after the name say: a second man, a relative, a guard
    ['Journalist Omar Halvesen was arrested on Monday. Halvessen, a police officer, was killed in the clashes.', 'Halvessen'],
    ['Activist Rosa Delgardo was detained. Delgarda, a guard, was later released on bail.', 'Delgarda'],
    // a name that acts or speaks, not one something befalls: a first name, an organisation
    ['The journalist Daniel Marinov was arrested on Monday. His wife, Marina, said he was beaten.', 'Marina'],
    ['Journalist Ali Hamadi was detained in Velm. Hamada, the armed group, denied any role.', 'Hamada'],
  ];
  for (const [text, variant] of cases) {
    const got = personOf(text, variant);
    // its own person, or no person at all (an organisation, a place) — never a mention of the full name
    assert.ok(got === variant || got === undefined, `${variant} wrongly joined to ${got} in: ${text}`);
  }
  // a place named after it: "held at Torrezo police station" is no mention of Rui Torreza
  const station = 'Activist Rui Torreza was arrested. He was held at Torrezo police station.';
  assert.notEqual(personOf(station, 'Torrezo'), 'Rui Torreza', station);
  // a month a letter off a family name stays the month
  const month = 'Union leader Ivo Marsh called the strike. He was arrested in March.';
  assert.equal(personOf(month, 'March'), undefined, month);
  // a well-known place a letter off a family name stays the place
  const text = 'Reporter Ines Parin was born in Lagos. She moved to Paris in 2010.';
  assert.equal(personOf(text, 'Paris'), undefined, text);
});
