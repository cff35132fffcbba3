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
