import assert from 'node:assert/strict';
import { test } from 'node:test';
import { has, told } from './told-test-helpers.js';

// Sentences written for these tests, in shapes of English that recur where a person at risk of our
// train reports had no event told of them; every person, body and place is invented.

/** No event of `type` befalls `who` (another may: the sentence's real target). */
const notOf = (text: string, type: string, who: string): void => assert.ok(!told(text).some(([t, , w]) => t === type && w === who), `no ${type} of ${who} in: ${text}\n${JSON.stringify(told(text))}`);

test('in a mixed quote, a pronoun outside its quotation marks is the reporter\'s, and may be the speaker', () => {
  has('The lawyer Petra Halvik said she had been warned by a court clerk that defending "people like that" could cost her the licence.', 'THREAT', 'Petra Halvik', 'reported');
  // must not match: inside the speaker's own words, "him" is someone else
  notOf('"The police beat him for hours," Petra Halvik said.', 'ASSAULT', 'Petra Halvik');
});
