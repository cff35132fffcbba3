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
  const text = 'Police detained Lina al-Qasrin on Monday. Qasrin was freed. Omar Al-Tibar was charged. Tibar denied it.';
  // the name standing alone, not inside a longer one ("Qasrin" of "al-Qasrin")
  const at = (name: string) => {
    const start = text.search(new RegExp(`(?<![\\p{L}-])${name}(?![\\p{L}-])`, 'u'));
    return { start, end: start + name.length, text: name };
  };
  const doc = sentences.run(new Doc(text, {}));
  doc.entities = ['Lina al-Qasrin', 'Qasrin', 'Omar Al-Tibar', 'Tibar'].map((n) => ({ id: '', type: 'PERSON' as const, name: n, mentions: [at(n)] }));
  const merged = mergeAliases(doc);
  assert.deepEqual(
    merged.map((e) => [e.name, e.mentions.length]),
    [
      ['Lina al-Qasrin', 2],
      ['Omar Al-Tibar', 2],
    ],
  );
  // "Alqasrin" is another word, not the name without its article
  const otherText = 'Lina al-Qasrin spoke. Alqasrin left.';
  const other = sentences.run(new Doc(otherText, {}));
  const span = (name: string) => ({ start: otherText.indexOf(name), end: otherText.indexOf(name) + name.length, text: name });
  other.entities = ['Lina al-Qasrin', 'Alqasrin'].map((n) => ({ id: '', type: 'PERSON' as const, name: n, mentions: [span(n)] }));
  assert.equal(mergeAliases(other).length, 2);
});
