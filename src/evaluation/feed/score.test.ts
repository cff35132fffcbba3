import assert from 'node:assert/strict';
import { test } from 'node:test';
import { goldCaseFor, sameName, shownCountry } from './score.js';

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

test('each case is scored against the gold case its names match best, not the first that shares a family name', () => {
  const gold = [{ name: 'Hammal Rind|Rind' }, { name: 'Shahbaz Rind' }];
  const names: Record<string, string[]> = { p1: ['Shahbaz Rind'], p2: ['Hammal Rind', 'Rind'] };
  const of = goldCaseFor(gold, ['p1', 'p2'], (id) => names[id]!);
  assert.equal(of.get('p1')?.name, 'Shahbaz Rind');
  assert.equal(of.get('p2')?.name, 'Hammal Rind|Rind');
  // one gold case is one system case: a second person sharing only the family name gets none
  const lone = goldCaseFor([{ name: 'Hammal Rind|Rind' }], ['p1', 'p2'], (id) => names[id]!);
  assert.equal(lone.get('p2')?.name, 'Hammal Rind|Rind');
  assert.equal(lone.has('p1'), false);
});
