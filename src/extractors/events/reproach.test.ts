import { test } from 'node:test';
import { has, lacks } from './told-test-helpers.js';

// Sentences written for this test; every person and body is invented.

test('"should never have been arrested" reproaches what happened; it denies nothing', () => {
  has('The lawyer Ana Quenet said the charge against Efrem Sola should never have been brought.', 'CHARGE', 'Efrem Sola', 'reported');
  has('Efrem Sola should not have been detained at all, the union said.', 'ARREST', 'Efrem Sola', 'reported');
  // must not match: a plain denial, and what would not have happened had things gone otherwise
  has('The police said Efrem Sola was never arrested.', 'ARREST', 'Efrem Sola', 'negated');
  lacks('Efrem Sola would not have been arrested had he stayed home.', 'ARREST', 'reported');
  lacks('Efrem Sola would not have been arrested had he stayed home.', 'ARREST', 'asserted');
});
