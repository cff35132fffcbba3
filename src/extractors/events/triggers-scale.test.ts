import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';
import { Tree } from '../syntax/tree.js';
import { loadLexicon } from './lexicon.js';
import { findTriggers } from './triggers.js';

// Invented sentences, many in one report: a noun under a verb that already tells its event adds
// none of its own, asked of the triggers found on its head alone.
test('"held in detention" is one arrest, "his detention was condemned" another, in every paragraph of a long report', () => {
  const paragraph = 'Ivo Rant was held in detention in Drell. His detention was condemned by the union.';
  const doc = createDefaultPipeline('coref').run(new Doc(Array.from({ length: 40 }, () => paragraph).join('\n\n'), {}));
  const tree = new Tree(doc);
  const found = findTriggers(tree, loadLexicon()).map((t) => `${doc.tokens[t.token]!.text} ${t.type}`);
  assert.deepEqual(found, Array.from({ length: 40 }, () => ['held ARREST', 'detention ARREST']).flat());
  // must not match: the noun under "held" is never a trigger of its own
  const nouns = findTriggers(tree, loadLexicon()).filter((t) => doc.tokens[t.token]!.text === 'detention');
  assert.ok(nouns.every((t) => tree.lemma(tree.head(t.token)) === 'condemn'));
});
