import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import type { Entity } from '../../text/types.js';
import { createDefaultPipeline } from '../default.js';
import { aliasWork, mergeAliases } from './aliases.js';

// Invented names, made up from syllables: every given name different, seven family names shared
// among everybody; each person named in full and then by family name.
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vu', 'dor', 'el', 'phi', 'sun'];
const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
const syllables = (i: number, n: number): string => Array.from({ length: n }, (_, k) => SYLLABLES[Math.floor(i / 10 ** k) % 10]!).join('');
const nameOf = (i: number): [string, string] => [cap(syllables(i, 4)), cap(`${syllables(i % 7, 1)}dovek`)];
const sentences = createDefaultPipeline('sentencizer');

function report(people: number): Doc {
  let text = '';
  const entities: Entity[] = [];
  const mention = (name: string): { start: number; end: number; text: string } => {
    const start = text.length;
    text += name;
    return { start, end: text.length, text: name };
  };
  for (let i = 0; i < people; i++) {
    const [given, family] = nameOf(i);
    text += 'Police detained ';
    const full = mention(`${given} ${family}`);
    text += ' on Monday. Later ';
    const short = mention(family);
    text += ' was freed. ';
    entities.push({ id: '', type: 'PERSON', name: full.text, mentions: [full] }, { id: '', type: 'PERSON', name: short.text, mentions: [short] });
  }
  const doc = sentences.run(new Doc(text, {}));
  doc.entities = entities;
  return doc;
}

test('a surname joins its one full name, and finding it reads a few names, not every person in the report', () => {
  const visits = (people: number): { work: number; merged: Entity[] } => {
    aliasWork.visits = 0;
    const merged = mergeAliases(report(people));
    return { work: aliasWork.visits, merged };
  };
  const small = visits(400);
  const large = visits(800);
  // a family name alone joins the first person the report gave it to
  assert.equal(small.merged.length, 400);
  assert.equal(large.merged.length, 800);
  // a scan of every person per name would be 4 times the work when the people double
  assert.ok(large.work <= 2.2 * small.work, `${small.work} → ${large.work} names read when the people double`);
});

test('a family name joins its full name whether or not it is written with the Arabic article', () => {
  const text = 'Police detained Lina al-Hadlo on Monday. Hadlo was freed. Omar Al-Fadi was charged. Fadi denied it.';
  const at = (name: string) => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, text: name };
  };
  const doc = sentences.run(new Doc(text, {}));
  doc.entities = ['Lina al-Hadlo', 'Hadlo', 'Omar Al-Fadi', 'Fadi'].map((n) => ({ id: '', type: 'PERSON' as const, name: n, mentions: [at(n)] }));
  const merged = mergeAliases(doc);
  assert.deepEqual(
    merged.map((e) => [e.name, e.mentions.length]),
    [
      ['Lina al-Hadlo', 2],
      ['Omar Al-Fadi', 2],
    ],
  );
  // "Alhadlo" or "Dalo" is another word, not the name without its article
  const other = sentences.run(new Doc('Lina al-Hadlo spoke. Alhadlo left.', {}));
  other.entities = [
    { id: '', type: 'PERSON', name: 'Lina al-Hadlo', mentions: [{ start: 0, end: 13, text: 'Lina al-Hadlo' }] },
    { id: '', type: 'PERSON', name: 'Alhadlo', mentions: [{ start: 21, end: 28, text: 'Alhadlo' }] },
  ];
  assert.equal(mergeAliases(other).length, 2);
});
