import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';

// Invented people: a move into custody ("taken to Karst prison") is no new arrest of someone whose
// custody was told before, asked of the events told of that person among many people's.
test('"taken to prison" after an arrest is the same custody, for each person of a long report; without one it is an arrest', () => {
  const SYL = ['ka', 'lo', 'mi', 'ren', 'tas', 'vu'];
  const name = (i: number) => `Ivo ${SYL[i % 6]!.toUpperCase()[0]}${SYL[i % 6]!.slice(1)}${SYL[Math.floor(i / 6) % 6]}vek`;
  const text = Array.from({ length: 36 }, (_, i) => (i % 2 === 0 ? `Police arrested ${name(i)} on Monday. ${name(i)} was taken to Karst prison on Friday.` : `${name(i)} was taken to Karst prison on Friday.`)).join('\n\n');
  const doc = createDefaultPipeline('events').run(new Doc(text, { published: '2024-05-01' }));
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  for (let i = 0; i < 36; i++) {
    const arrests = doc.events.filter((v) => v.type === 'ARREST' && names.get(v.target?.entity ?? '') === name(i)).map((v) => v.trigger.text);
    // must not match: the move of someone arrested before is no arrest of its own
    assert.deepEqual(arrests, i % 2 === 0 ? ['arrested'] : ['taken to Karst prison'], name(i));
  }
});
