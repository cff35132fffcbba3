import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import type { Offsets } from '../../text/types.js';
import { locate } from './features.js';

// Invented text: where a title said beside a name stands, among its other occurrences.
const filler = (n: number): string => 'x'.repeat(n);
const text = `journalist ${filler(600)} Ada Moll, a journalist, ${filler(50)} the journalist Ivo Rant ${filler(300)} journalist ${filler(10)} Liva Somm, a jo journalistjournalist`;
const doc = new Doc(text, {});
const at = (name: string): Offsets => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length });

/** The occurrence nearest a naming, the first on a tie, within 200 characters: every occurrence against every naming. */
function everyOccurrence(phrase: string, near: readonly Offsets[]): Offsets | undefined {
  let best: Offsets | undefined;
  let gap = Infinity;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
    for (const m of near) {
      const d = Math.min(Math.abs(i - m.end), Math.abs(m.start - (i + phrase.length)));
      if (d < gap) [best, gap] = [{ start: i, end: i + phrase.length }, d];
    }
  }
  return gap < 200 ? best : undefined;
}

test('a phrase said beside a name is its occurrence nearest a naming, searched around the namings only', () => {
  const after = text.indexOf('journalist', at('Ada Moll').end);
  assert.deepEqual(locate(doc, 'journalist', [at('Ada Moll')]), { start: after, end: after + 'journalist'.length });
  const before = text.indexOf('journalist Ivo');
  assert.deepEqual(locate(doc, 'journalist', [at('Ivo Rant')]), { start: before, end: before + 'journalist'.length });
  // must not match: no occurrence within 200 characters, an empty phrase, no naming
  assert.equal(locate(doc, 'journalist', [{ start: 300, end: 308 }]), undefined);
  assert.equal(locate(doc, '', [at('Ada Moll')]), undefined);
  assert.equal(locate(doc, 'journalist', []), undefined);
  // the same answer as reading every occurrence, for namings anywhere and phrases that overlap themselves
  for (const phrase of ['journalist', 'jo', 'a', 'x', 'xx', ', a ', 'journalistjournalist']) {
    for (let s = 0; s < text.length; s += 37) {
      const near = [{ start: s, end: s + 8 }, at('Liva Somm')];
      assert.deepEqual(locate(doc, phrase, near), everyOccurrence(phrase, near), `${phrase} near ${s}`);
      assert.deepEqual(locate(doc, phrase, near.slice(0, 1)), everyOccurrence(phrase, near.slice(0, 1)), `${phrase} near ${s} alone`);
    }
  }
});
