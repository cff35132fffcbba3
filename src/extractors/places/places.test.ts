import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countryByCode, countryByDemonym, countryByName, resolvePlace } from './index.js';

test('countries by the names news uses, also where the ISO list has moved on ("Turkey" for Türkiye)', () => {
  for (const [name, code] of [
    ['Turkey', 'TUR'],
    ['Türkiye', 'TUR'],
    ['U.S.', 'USA'],
    ['Britain', 'GBR'],
    ['Burma', 'MMR'],
    ["Cambodia's", 'KHM'],
    ['Eswatini', 'SWZ'],
    ['Swaziland', 'SWZ'],
  ]) {
    assert.equal(countryByName(name!)?.cca3, code, name);
  }
  assert.equal(countryByName('Atlantis'), undefined);
  // a short name is taken only when no other country claims it: "China" stays the People's Republic
  assert.equal(countryByName('China')?.cca3, 'CHN');
});

test('demonyms and codes', () => {
  assert.equal(countryByDemonym('Thai')?.cca3, 'THA');
  assert.equal(countryByDemonym('Cambodians')?.cca3, 'KHM');
  assert.equal(countryByCode('KH')?.cca3, 'KHM');
  assert.deepEqual(resolvePlace('Turkey'), { country: 'TUR' });
});
