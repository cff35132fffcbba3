import assert from 'node:assert/strict';
import { test } from 'node:test';
import { finiteVerbs } from './finite-verbs.js';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';

const tag = (upos: string, xpos: string, lemma: string) => ({ upos, xpos, lemma });
const N = (w: string) => tag('NOUN', w.endsWith('s') ? 'NNS' : 'NN', w);
const P = (w: string) => tag('PROPN', 'NNP', w);
const VBN = (w: string) => tag('VERB', 'VBN', w);
const IN = (w: string) => tag('ADP', 'IN', w);
// what the tagger's training saw as prepositions
const usedAs = (w: string, upos: string) => upos === 'ADP' && ['in', 'on', 'by', 'of', 'to'].includes(w.toLowerCase());

test('no finite verb: the first verb, a participle after a noun and before an object, is the past tense', () => {
  const out = finiteVerbs(['Security', 'forces', 'arrested', 'the', 'editor'], [N('security'), N('forces'), VBN('arrest'), tag('DET', 'DT', 'the'), N('editor')], usedAs);
  assert.deepEqual(out[2], { upos: 'VERB', xpos: 'VBD', lemma: 'arrest' });
});

test('a word read as a preposition before a name, never one in training, is a noun', () => {
  const out = finiteVerbs(['Police', 'detained', 'activist', 'Mira', 'Tesk'], [N('police'), VBN('detain'), IN('activist'), P('Mira'), P('Tesk')], usedAs);
  assert.equal(out[1]!.xpos, 'VBD');
  assert.deepEqual(out[2], { upos: 'NOUN', xpos: 'NN', lemma: 'activist' });
});

test('must not match: a finite verb elsewhere, a headline participle before a place, a number or a date, a preposition the tagger knows or a rare one', () => {
  const finite = [N('activists'), VBN('detain'), IN('in'), P('Dorvik'), tag('AUX', 'VBD', 'be'), VBN('release')];
  assert.deepEqual(finiteVerbs(['Activists', 'detained', 'in', 'Dorvik', 'were', 'released'], finite, usedAs), finite);
  const headline = [N('journalist'), VBN('arrest'), IN('in'), P('Dorvik')];
  assert.deepEqual(finiteVerbs(['Journalist', 'arrested', 'in', 'Dorvik'], headline, usedAs), headline);
  const years = [N('activist'), VBN('jail'), tag('NUM', 'CD', 'five'), N('years')];
  assert.deepEqual(finiteVerbs(['Activist', 'jailed', 'five', 'years'], years, usedAs), years);
  const monday = [N('editor'), VBN('detain'), P('Monday')];
  assert.deepEqual(finiteVerbs(['Editor', 'detained', 'Monday'], monday, usedAs), monday);
  const known = [tag('PRON', 'PRP', 'she'), tag('VERB', 'VBD', 'march'), IN('by'), P('Mira')];
  assert.deepEqual(finiteVerbs(['She', 'marched', 'by', 'Mira'], known, usedAs), known);
  const rare = [tag('PRON', 'PRP', 'she'), tag('VERB', 'VBD', 'march'), IN('alongside'), P('Mira')];
  assert.deepEqual(finiteVerbs(['She', 'marched', 'alongside', 'Mira'], rare, usedAs), rare);
  const relative = [N('those'), VBN('detain'), tag('PRON', 'WP', 'who'), tag('VERB', 'VBG', 'protest')];
  assert.deepEqual(finiteVerbs(['Those', 'detained', 'who', 'protesting'], relative, usedAs), relative);
});

test('a plural noun right after a name, seen as a verb in training, is its verb; not after a common noun, nor before a noun', () => {
  const usedAsVerb = (w: string, upos: string) => upos === 'VERB' && w === 'lives';
  const out = finiteVerbs(['Mira', 'Tesk', 'lives', 'in', 'Dorvik'], [P('Mira'), P('Tesk'), N('lives'), IN('in'), P('Dorvik')], usedAsVerb);
  assert.deepEqual(out[2], { upos: 'VERB', xpos: 'VBZ', lemma: 'live' });
  const common = [N('their'), N('lives'), IN('in'), P('Dorvik')];
  assert.deepEqual(finiteVerbs(['their', 'lives', 'in', 'Dorvik'], common, usedAsVerb), common);
  const noun = [P('Mira'), N('lives'), N('matter')];
  assert.deepEqual(finiteVerbs(['Mira', 'lives', 'matter'], noun, usedAsVerb), noun);
});

test('a capitalised first word read as a present-tense verb before a noun, never seen as a verb, modifies the noun', () => {
  const seenAsVerb = (w: string, upos: string) => upos === 'VERB' && ['reports', 'says'].includes(w.toLowerCase());
  const VBZ = (w: string) => tag('VERB', 'VBZ', w);
  const out = finiteVerbs(['Plainclothes', 'officers', 'detained', 'the', 'editor'], [VBZ('plaincloth'), N('officers'), VBN('detain'), tag('DET', 'DT', 'the'), N('editor')], seenAsVerb);
  assert.deepEqual(out.map((t) => t.xpos), ['JJ', 'NNS', 'VBD', 'DT', 'NN']);
  // must not match: a word training saw as a verb, or one with no noun after it
  const says = [VBZ('say'), N('officers')];
  assert.deepEqual(finiteVerbs(['Says', 'officers'], says, seenAsVerb), says);
  const alone = [VBZ('plaincloth'), tag('DET', 'DT', 'the')];
  assert.deepEqual(finiteVerbs(['Plainclothes', 'the'], alone, seenAsVerb), alone);
});

test('a past tense read as a noun between its subject and a name, with no finite verb, is the verb', () => {
  const pipeline = createDefaultPipeline('tagger');
  const tagsOf = (text: string) => pipeline.run(new Doc(text)).tokens.map((t) => `${t.text}/${t.xpos}`);
  assert.ok(tagsOf('Gunmen shot Hernan Ortiz on Monday.').includes('shot/VBD'));
  assert.ok(tagsOf('Police shot Hernan Ortiz on Monday.').includes('shot/VBD'));
  // must not match: a sentence with its verb, a noun before no name
  assert.ok(!tagsOf('The police shot was heard by Hernan Ortiz.').includes('shot/VBD'));
  assert.ok(!tagsOf('A warning shot rang out.').includes('shot/VBD'));
});

test('a subject read as an adjective before a participle, in a sentence with no finite verb, is a noun and the participle the verb', () => {
  const pipeline = createDefaultPipeline('tagger');
  const tagsOf = (text: string) => pipeline.run(new Doc(text)).tokens.map((t) => `${t.text}/${t.upos}`);
  const read = tagsOf('A magistrate denied Samuel Achebe bail.');
  assert.ok(read.includes('magistrate/NOUN') && read.includes('denied/VERB'), read.join(' '));
  // must not match: a real adjective before a participle that has its verb
  assert.ok(tagsOf('The new law was passed on Monday.').includes('new/ADJ'));
});

test('a word read as a past tense that training never saw as a verb and that has no past tense\'s form is a noun', () => {
  const VBD = (w: string) => tag('VERB', 'VBD', w);
  const out = finiteVerbs(['Student', 'activist', 'Mira', 'Tesk', 'is', 'in', 'custody'], [P('Student'), VBD('activist'), P('Mira'), P('Tesk'), tag('AUX', 'VBZ', 'be'), IN('in'), N('custody')], usedAs);
  assert.deepEqual(out[1], { upos: 'NOUN', xpos: 'NN', lemma: 'activist' });
  // must not match: a regular or an irregular past, or a word training saw as a verb
  for (const [w, lemma] of [['detained', 'detain'], ['sought', 'seek'], ['hit', 'hit']] as const) {
    const tags = [N('police'), VBD(lemma), P('Mira'), P('Tesk')];
    assert.deepEqual(finiteVerbs(['Police', w, 'Mira', 'Tesk'], tags, (x, upos) => usedAs(x, upos) || (upos === 'VERB' && x === 'hit')), tags, w);
  }
});
