import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sameName, shownCountry } from './score.js';

test('a case is scored on the country it shows: where its events happen, else the nationality', () => {
  assert.equal(shownCountry({ case_country: 'KHM', country: 'THA' }), 'KHM');
  assert.equal(shownCountry({ case_country: null, country: 'THA' }), 'THA');
  assert.equal(shownCountry({ case_country: null, country: null }), null);
});

test('names of one person match across forms; different people do not', () => {
  assert.ok(sameName('Ilse Maren', 'Maren'));
  assert.ok(sameName('Teo Vance', 'Teo Vanse'));
  assert.ok(!sameName('Ilse Maren', 'Teo Vance'));
});
