import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';
import { demandedInList } from './demand-list.js';

test('an item of a list a request introduces is asked for, however many items and blank lines come between', () => {
  const text = 'The union calls on the authorities to:\n- release Ivo Sarn immediately;\n\n- drop all charges against Pell Odrin.';
  assert.equal(demandedInList(text, text.indexOf('release')), true);
  assert.equal(demandedInList(text, text.indexOf('drop')), true);
  // must not match: the lead-in itself, a list under a heading that asks nothing, a line with no bullet
  assert.equal(demandedInList(text, text.indexOf('calls')), false);
  const timeline = 'What happened:\n- police released Ivo Sarn on 3 May;\n- he was arrested again on 9 May.';
  assert.equal(demandedInList(timeline, timeline.indexOf('released')), false);
  const prose = 'The union calls on the authorities to act:\nPolice released Ivo Sarn on Monday.';
  assert.equal(demandedInList(prose, prose.indexOf('released')), false);
});

test('a release in a list of demands is no release; one in a list of what happened is', () => {
  const pipeline = createDefaultPipeline();
  const modalities = (text: string) => pipeline.run(new Doc(text, { published: '2024-05-01' })).events.filter((v) => v.type === 'RELEASE').map((v) => v.modality);
  assert.deepEqual(modalities('Police in Kesh detained the journalist Ivo Sarn on Monday.\n\nThe union calls on:\n- the authorities to release Ivo Sarn without conditions and to drop any charges against him;\n- the police to stop harassing reporters.'), ['hypothetical', 'hypothetical']);
  assert.deepEqual(modalities('Police in Kesh detained the journalist Ivo Sarn in March.\n\nWhat happened since:\n- police released Ivo Sarn on 3 May.'), ['asserted']);
});
