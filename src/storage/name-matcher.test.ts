import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NameMatcher, matcherFor } from './name-matcher.js';

// Invented names.
const names = [
  { text: 'ilse varmund', shown: 'Case K-7' },
  { text: 'varmund', shown: 'Case K-7' },
  { text: 'józef halloran', shown: '[restricted]' },
];

test('a name anywhere in the letters, or as whole words with accents folded, is found', () => {
  const m = new NameMatcher(names);
  assert.equal(m.has('Police held ILSE VARMUND overnight.'), true);
  assert.equal(m.has('the Varmundsen family'), true, 'letters anywhere, as LIKE found them');
  assert.equal(m.has('Jozef\nHalloran spoke'), true, 'words across a line break, accents folded');
  assert.equal(m.has('Józef-Halloran'), true);
  assert.equal(m.has('Ilse Varmun was not named'), false);
  assert.equal(m.has('Jozef Hallor'), false);
  assert.equal(m.has(''), false);
});

test('scrub replaces the longest name at each place, case-insensitively, and leaves the rest', () => {
  const m = new NameMatcher(names);
  assert.equal(m.scrub('Ilse Varmund and varmund met józef halloran.'), 'Case K-7 and Case K-7 met [restricted].');
  assert.equal(m.scrub('Nobody named here.'), 'Nobody named here.');
  // A text whose lower case changes length takes the slow path and still scrubs.
  assert.equal(m.scrub('İstanbul: Varmund held'), 'İstanbul: Case K-7 held');
});

test('no names: nothing found, the text untouched; one matcher per list', () => {
  const empty = new NameMatcher([]);
  assert.equal(empty.has('Ilse Varmund'), false);
  assert.equal(empty.scrub('Ilse Varmund'), 'Ilse Varmund');
  assert.equal(matcherFor(names), matcherFor(names));
});

test('a thousand names are looked for in one pass, not one pass per name', () => {
  // Many names share prefixes; the answer must be the same as checking each name in turn.
  const many = Array.from({ length: 1000 }, (_, i) => ({ text: `varo${i.toString(36)} quell`, shown: `C${i}` }));
  const m = new NameMatcher(many);
  const text = `${'ordinary words about a river and a road '.repeat(200)} then Varo2s Quell arrived`;
  assert.equal(m.has(text), true);
  assert.equal(m.scrub(text).endsWith('then C100 arrived'), true);
  assert.equal(m.has(text.replace('Varo2s', 'Varozz')), false);
});
