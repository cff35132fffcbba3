import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';
import { Tree } from '../syntax/tree.js';
import { contrastBetween } from './still-held.js';

// Invented sentences: a release contradicted later in its sentence, among many people's releases.
const pipeline = createDefaultPipeline();

test('a release its sentence then denies is not done, for each person of a long report, and only for them', () => {
  const SYL = ['ka', 'lo', 'mi', 'ren', 'tas', 'vu'];
  const name = (i: number) => `Ana ${SYL[i % 6]!.toUpperCase()[0]}${SYL[i % 6]!.slice(1)}${SYL[Math.floor(i / 6) % 6]}vek`;
  const text = Array.from({ length: 36 }, (_, i) =>
    i % 2 === 0 ? `Police arrested ${name(i)} on Monday. A judge ordered the release of ${name(i)}, but she remains in custody.` : `Police arrested ${name(i)} on Monday. ${name(i)} was released on Friday.`,
  ).join('\n\n');
  const doc = pipeline.run(new Doc(text, { published: '2024-05-01' }));
  const names = new Map(doc.entities.map((e) => [e.id, e.name]));
  const releases = doc.events.filter((v) => v.type === 'RELEASE' && v.target?.entity);
  assert.ok(releases.length >= 30, `${releases.length} releases`);
  for (const v of releases) {
    const i = Array.from({ length: 36 }, (_, k) => name(k)).indexOf(names.get(v.target!.entity!)!);
    // must not match: a release nobody contradicts stays done
    assert.equal(v.modality, i % 2 === 0 ? 'negated' : 'asserted', names.get(v.target!.entity!));
  }
});

test('a contrast word wholly between two offsets, found among the tokens there only', () => {
  const text = 'A judge ordered her release, but she remains in custody. However, Ivo Rant was freed.';
  const doc = createDefaultPipeline('tagger').run(new Doc(text, {}));
  const tree = new Tree(doc);
  const but = text.indexOf('but');
  assert.equal(contrastBetween(tree, but, but + 3), true);
  assert.equal(contrastBetween(tree, 0, text.indexOf('she')), true);
  assert.equal(contrastBetween(tree, text.indexOf('However'), text.length), true);
  // must not match: a contrast word cut by either offset, or outside them
  assert.equal(contrastBetween(tree, but + 1, text.indexOf('custody')), false);
  assert.equal(contrastBetween(tree, but, but + 2), false);
  assert.equal(contrastBetween(tree, text.indexOf('she'), text.indexOf('However')), false);
});
