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

test('a list line gives its person what it tells with no one named, in a later sentence too; a group that sentence names is others', () => {
  const doc = createDefaultPipeline().run(
    new Doc('Those freed:\n\n- Vera Nolen, 71, a novelist sentenced in 2022, was moved from Karst Prison to her home on 9 January. She has been placed under house arrest. The union does not count her among those released.\n', { published: '2024-05-01' }),
  );
  const vera = doc.entities.find((e) => e.name === 'Vera Nolen')!;
  const of = (type: string) => doc.events.filter((v) => v.type === type && v.target?.entity === vera.id).map((v) => v.modality);
  assert.deepEqual(of('CONVICTION'), ['asserted']);
  // a later sentence of the line with no subject of its own is still about her
  const held = createDefaultPipeline().run(new Doc('Defendants:\n- Vera Nolen, 38, editor-in-chief. Held since November 2023 in the Karst pretrial detention centre.\n', { published: '2024-05-01' }));
  const nolen = held.entities.find((e) => e.name === 'Vera Nolen')!;
  assert.ok(held.events.some((v) => v.type === 'ARREST' && v.target?.entity === nolen.id), JSON.stringify(held.events.map((v) => [v.type, v.target?.text])));
  // …and one whose subject is "she", whatever the clauses inside it
  const bailed = createDefaultPipeline().run(new Doc('Detained:\n- Vera Nolen, 21, a student, was arrested on 7 August. She was released on bail on Sunday after her family paid a surety.\n- Ivo Sarn, 23, was last seen on 9 August.\n', { published: '2024-08-14' }));
  const vera2 = bailed.entities.find((e) => e.name === 'Vera Nolen')!;
  assert.ok(bailed.events.some((v) => v.type === 'RELEASE' && v.target?.entity === vera2.id), JSON.stringify(bailed.events.map((v) => [v.type, v.target?.text, v.target?.entity])));
  // must not match: the count the union keeps, told in the line's third sentence
  assert.deepEqual(of('RELEASE'), []);
});

test('a later sentence of a list line that names someone else (a relative, a count, a description) tells of them, not of the line\'s person', () => {
  for (const line of ['His brother was arrested in May.', 'His wife, a teacher, was also detained and later released.', 'Several of his colleagues were questioned and one was beaten.']) {
    const doc = createDefaultPipeline().run(new Doc(`Those held:\n- Ivo Sarn, 38, editor. ${line}\n`, { published: '2024-05-01' }));
    const ivo = doc.entities.find((e) => e.name === 'Ivo Sarn')!;
    assert.deepEqual(doc.events.filter((v) => v.target?.entity === ivo.id && v.trigger.start > doc.text.indexOf('editor')).map((v) => v.type), [], line);
  }
});
