import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { corpusNameWords } from './corpus-names.js';

test('names annotated in the corpora give given and family names; titles, particles and words written in lower case do not', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-names-'));
  mkdirSync(path.join(dir, 'conll2003'));
  writeFileSync(
    path.join(dir, 'conll2003', 'eng.train.iob2.txt'),
    ['-DOCSTART- -X- -X- O', '', 'Velmar NNP B-NP B-PER', 'Oskirov NNP I-NP I-PER', 'spoke VBD B-VP O', 'to TO B-PP O', 'General NNP B-NP B-PER', 'Tarn NNP I-NP I-PER', 'the DT B-NP O', 'general NN I-NP O', '.', ''].join('\n'),
  );
  mkdirSync(path.join(dir, 'gmb-ner-voa'));
  writeFileSync(
    path.join(dir, 'gmb-ner-voa', 'ner_dataset.truncated.csv'),
    // an invented stand-in in GMB's layout: a header line, "Sentence: N" opening each sentence
    ['header', 'Sentence: 7,President,NNP,B-per', ',Ismo,NNP,I-per', ',Drabek,NNP,I-per', ',greeted,VBD,O', ',Mr.,NNP,B-per', ',Vantu,NNP,I-per', ',Abu,NNP,B-per', ',Selm,NNP,I-per', ',our,PRP$,O', ',president,NN,O'].join('\n'),
  );
  const words = corpusNameWords(dir);
  assert.ok(words.given.has('Velmar') && words.family.has('Oskirov'));
  assert.ok(words.given.has('Ismo') && words.family.has('Drabek'), 'the title before a silver span is left out');
  // must not match: a title the corpus also writes in lower case, a title with a stop, a particle
  for (const w of ['General', 'President', 'Mr.', 'Abu']) assert.ok(!words.given.has(w), w);
  assert.ok(!words.family.has('Vantu'), 'one name after a title says nothing of given or family');
});
