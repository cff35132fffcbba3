import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { splitSentences } from './sentencizer.js';
import { tokenize } from './tokenizer.js';

function sentences(text: string): string[] {
  const doc = new Doc(text);
  doc.tokens = tokenize(text);
  return splitSentences(doc).map((s) => text.slice(s.start, s.end));
}

test('a dateline stays at the head of the first sentence', () => {
  assert.deepEqual(sentences('PORT SELIM — Police arrested Ana Velsmoor on Tuesday. Her lawyer said so.'), [
    'PORT SELIM — Police arrested Ana Velsmoor on Tuesday.',
    'Her lawyer said so.',
  ]);
});

test('abbreviations and initials do not end sentences, but a final "U.S." can', () => {
  assert.deepEqual(sentences('She was detained on Dec. 3 by Gen. Arkwright and J. P. Omerov. Nobody knows why.'), [
    'She was detained on Dec. 3 by Gen. Arkwright and J. P. Omerov.',
    'Nobody knows why.',
  ]);
  assert.deepEqual(sentences('He fled to the U.S. The ministry said nothing.'), ['He fled to the U.S.', 'The ministry said nothing.']);
  assert.deepEqual(sentences('U.S. officials said the U.N. team left at 6 a.m. on Monday.'), ['U.S. officials said the U.N. team left at 6 a.m. on Monday.']);
});

test('closing quotes stay with their sentence; a quote may span sentences', () => {
  assert.deepEqual(sentences('“They didn’t show a warrant. They wouldn’t say where,” Omerov said. “We don’t know.”'), [
    '“They didn’t show a warrant.',
    'They wouldn’t say where,” Omerov said.',
    '“We don’t know.”',
  ]);
  assert.deepEqual(sentences('"Is she safe?" her husband asked. Nobody answered.'), ['"Is she safe?" her husband asked.', 'Nobody answered.']);
});

test('paragraphs and lines: headlines and bylines are sentences of their own', () => {
  assert.deepEqual(sentences('Organizer detained\nBy Mira Soltane\n\nPolice arrested her. She is held.'), [
    'Organizer detained',
    'By Mira Soltane',
    'Police arrested her.',
    'She is held.',
  ]);
});

test('a hard-wrapped paragraph runs on across its line breaks', () => {
  const text = 'Police in Norvia on Tuesday arrested a labor organizer who\nled a strike at the plant, her lawyer said on Wednesday.\n\nShe is held.';
  assert.deepEqual(sentences(text), ['Police in Norvia on Tuesday arrested a labor organizer who\nled a strike at the plant, her lawyer said on Wednesday.', 'She is held.']);
});

test('no text, no sentences; text without a final mark is one sentence', () => {
  assert.deepEqual(sentences(''), []);
  assert.deepEqual(sentences('Reporting by Mira Soltane'), ['Reporting by Mira Soltane']);
});

test('a family name before a hyphenated given name or another name is no sentence of its own', () => {
  assert.deepEqual(sentences('The court ruled on Thursday.\n\nChow Hang-tung, 38, a barrister, received the longest sentence.'), [
    'The court ruled on Thursday.',
    'Chow Hang-tung, 38, a barrister, received the longest sentence.',
  ]);
  // must not match: a sign-off and a greeting the model learnt to break after
  assert.ok(sentences('Please send it today. Thanks, Sean Here you go. The file is attached.').includes('Here you go.'));
});

test('a wire dateline with its date is parsed apart from its sentence', async () => {
  const { datelineDash } = await import('./dateline.js');
  assert.equal(datelineDash(['DUBAI', ',', 'Oct', '3', '(', 'Reuters', ')', '-', 'Authorities', 'in', 'Karsland']), 7);
  // must not match: a sentence opening with a capitalised word and a number
  assert.equal(datelineDash(['NATO', 'sent', '3', 'ships', '-', 'and', 'more']), -1);
});
