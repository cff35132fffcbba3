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
