import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';
import { lineWork } from './list-line.js';

// Invented sentences. A list line's start is looked for a bounded way back from each event, so a
// long report written on one line is read in linear time.
test('looking for a list line\'s start reads at most a bounded stretch before each event, however long the line', () => {
  lineWork.chars = 0;
  lineWork.calls = 0;
  const text = 'Police arrested the journalist Ada Moll in Drell on Monday. '.repeat(400);
  createDefaultPipeline().run(new Doc(text, { published: '2024-05-01' }));
  assert.ok(lineWork.calls >= 400, `${lineWork.calls} triggers`);
  // each trigger reads at most 2,000 characters back, not the whole line before it (24,000 characters here)
  assert.ok(lineWork.chars <= 2000 * lineWork.calls, `${lineWork.chars} characters for ${lineWork.calls} triggers`);
});

test('a list line gives its person what its first sentence tells with no one named; a later sentence of the line has its own subject', () => {
  const doc = createDefaultPipeline().run(
    new Doc('Those freed:\n\n- Vera Nolen, 71, a novelist sentenced in 2022, was moved from Karst Prison to her home on 9 January. She has been placed under house arrest. The union does not count her among those released.\n', { published: '2024-05-01' }),
  );
  const vera = doc.entities.find((e) => e.name === 'Vera Nolen')!;
  const of = (type: string) => doc.events.filter((v) => v.type === type && v.target?.entity === vera.id).map((v) => v.modality);
  assert.deepEqual(of('CONVICTION'), ['asserted']);
  // must not match: the count the union keeps, told in the line's third sentence
  assert.deepEqual(of('RELEASE'), []);
});
