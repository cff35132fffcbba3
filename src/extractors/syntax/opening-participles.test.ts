import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openingParticiples } from './opening-participles.js';

const tag = (upos: string, xpos: string, lemma: string) => ({ upos, xpos, lemma });
const P = (w: string) => tag('PROPN', 'NNP', w);
const N = (w: string) => tag('NOUN', 'NN', w);

test('a capitalised participle opening the sentence before role words and a name is an adjective; role words read as a name are nouns', () => {
  const out = openingParticiples(['Jailed', 'blogger', 'Ruth', 'Omari', 'was', 'moved'], [P('Jailed'), P('blogger'), P('Ruth'), P('Omari'), tag('AUX', 'VBD', 'be'), tag('VERB', 'VBN', 'move')]);
  assert.deepEqual(out[0], { upos: 'ADJ', xpos: 'JJ', lemma: 'jailed' });
  assert.deepEqual(out[1], { upos: 'NOUN', xpos: 'NN', lemma: 'blogger' });
  assert.deepEqual(out[2], P('Ruth'));
  // an irregular participle, after an opening quote, read as the verb
  const slain = openingParticiples(['“', 'Slain', 'journalist', 'Pedro', 'Amaral'], [tag('PUNCT', '``', '“'), tag('VERB', 'VBN', 'slay'), N('journalist'), P('Pedro'), P('Amaral')]);
  assert.equal(slain[1]!.xpos, 'JJ');
});

test('must not match: a name ending in -ed before a verb, a participle before a preposition, a lower-case word, role words with no name after', () => {
  const name = [P('Mohammed'), tag('VERB', 'VBD', 'say')];
  assert.deepEqual(openingParticiples(['Mohammed', 'said'], name), name);
  const fronted = [tag('VERB', 'VBN', 'arrest'), tag('ADP', 'IN', 'in'), P('March')];
  assert.deepEqual(openingParticiples(['Arrested', 'in', 'March'], fronted), fronted);
  const noName = [tag('VERB', 'VBN', 'detain'), N('journalist'), tag('AUX', 'VBD', 'be'), tag('VERB', 'VBN', 'free')];
  assert.deepEqual(openingParticiples(['Detained', 'journalist', 'was', 'freed'], noName), noName);
  const later = [tag('DET', 'DT', 'the'), tag('VERB', 'VBN', 'jail'), N('blogger'), P('Ruth')];
  assert.deepEqual(openingParticiples(['The', 'jailed', 'blogger', 'Ruth'], later), later);
});

test('a capitalised -ed word read as a name, opening a clause that a preposition goes on with and a comma ends, is the participle', () => {
  const words = ['Jailed', 'for', 'three', 'years', ',', 'blogger', 'Sami', 'Ali', 'was', 'freed'];
  const tags = [P('Jailed'), tag('ADP', 'IN', 'for'), tag('NUM', 'CD', 'three'), tag('NOUN', 'NNS', 'year'), tag('PUNCT', ',', ','), N('blogger'), P('Sami'), P('Ali'), tag('AUX', 'VBD', 'be'), tag('VERB', 'VBN', 'free')];
  assert.deepEqual(openingParticiples(words, tags)[0], { upos: 'VERB', xpos: 'VBN', lemma: 'jailed' });
  // a name in -en before a preposition, or no comma to close the clause, is left alone
  const helen = [P('Helen'), tag('ADP', 'IN', 'in'), P('Paris'), tag('PUNCT', ',', ','), tag('PRON', 'PRP', 'she')];
  assert.deepEqual(openingParticiples(['Helen', 'in', 'Paris', ',', 'she'], helen), helen);
  const open = [P('Ahmed'), tag('ADP', 'IN', 'in'), P('Cairo'), tag('VERB', 'VBD', 'say')];
  assert.deepEqual(openingParticiples(['Ahmed', 'in', 'Cairo', 'said'], open), open);
});
