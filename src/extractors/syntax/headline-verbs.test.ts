import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headlineVerbs } from './headline-verbs.js';

const tag = (upos: string, xpos: string, lemma: string) => ({ upos, xpos, lemma });
const N = (w: string) => tag('NOUN', w.endsWith('s') ? 'NNS' : 'NN', w);
const P = (w: string) => tag('PROPN', 'NNP', w);

test('a headline with no finite verb: its present-tense event verb after a noun, before an object, is the verb', () => {
  const words = ['Court', 'jails', 'journalist', 'Arno', 'Petz'];
  const out = headlineVerbs(words, [N('court'), N('jails'), N('journalist'), P('Arno'), P('Petz')]);
  assert.deepEqual(out[1], { upos: 'VERB', xpos: 'VBZ', lemma: 'jail' });
  const detain = headlineVerbs(['Police', 'detain', 'activist'], [N('police'), N('detain'), N('activist')]);
  assert.equal(detain[1]!.xpos, 'VBP');
});

test('must not match: a sentence with a finite verb, a noun after a number or before "of", a word that is no such verb', () => {
  const finite = [N('police'), N('arrests'), tag('VERB', 'VBD', 'rise'), N('sharply')];
  assert.deepEqual(headlineVerbs(['Police', 'arrests', 'rose', 'sharply'], finite), finite);
  const of = [N('police'), N('arrests'), tag('ADP', 'IN', 'of'), N('journalists')];
  assert.deepEqual(headlineVerbs(['Police', 'arrests', 'of', 'journalists'], of), of);
  const counted = [tag('NUM', 'CD', 'two'), N('police'), N('raids'), N('overnight')];
  assert.deepEqual(headlineVerbs(['Two', 'police', 'raids', 'overnight'], counted), counted);
  const other = [N('court'), N('rules'), N('journalist')];
  assert.deepEqual(headlineVerbs(['Court', 'rules', 'journalist'], other), other);
});

test('a verb joined by "and" to a past verb that takes the object is a past verb too: "Police beat and detained X"', () => {
  const words = ['Police', 'beat', 'and', 'detained', 'organiser', 'Arno', 'Petz'];
  const out = headlineVerbs(words, [N('police'), N('beat'), tag('CCONJ', 'CC', 'and'), tag('VERB', 'VBN', 'detain'), N('organiser'), P('Arno'), P('Petz')]);
  assert.deepEqual(out[1], { upos: 'VERB', xpos: 'VBD', lemma: 'beat' });
  assert.equal(out[3]!.xpos, 'VBD');
  // must not match: a noun joined to a noun ("police beat and traffic duty")
  const nouns = [N('police'), N('beat'), tag('CCONJ', 'CC', 'and'), N('traffic'), N('duty')];
  assert.deepEqual(headlineVerbs(['Police', 'beat', 'and', 'traffic', 'duty'], nouns), nouns);
});

test('a past that reads like a noun, joined to a verb in a sentence that has one, is that verb\'s tense too: "gunmen shot and killed X"', () => {
  const words = ['Unknown', 'gunmen', 'shot', 'and', 'killed', 'the', 'blogger'];
  const tags = [tag('ADJ', 'JJ', 'unknown'), tag('NOUN', 'NNS', 'gunman'), tag('NOUN', 'NN', 'shot'), tag('CCONJ', 'CC', 'and'), tag('VERB', 'VBD', 'kill'), tag('DET', 'DT', 'the'), tag('NOUN', 'NN', 'blogger')];
  assert.deepEqual(headlineVerbs(words, tags)[2], { upos: 'VERB', xpos: 'VBD', lemma: 'shoot' });
  // must not match: a noun "shot" not joined to a verb, in a sentence with one
  const noun = [tag('DET', 'DT', 'the'), tag('NOUN', 'NN', 'shot'), tag('VERB', 'VBD', 'hit'), tag('DET', 'DT', 'the'), tag('NOUN', 'NN', 'wall')];
  assert.deepEqual(headlineVerbs(['The', 'shot', 'hit', 'the', 'wall'], noun), noun);
});
