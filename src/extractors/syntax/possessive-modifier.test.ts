import assert from 'node:assert/strict';
import { test } from 'node:test';
import { possessiveModifier } from './possessive-modifier.js';

test('a possessor the parse made the object, with the role in apposition to it, gives the role its place', () => {
  // Police detained women 's rights activist Ana Ruiz .
  const p = {
    words: ['Police', 'detained', 'women', "'s", 'rights', 'activist', 'Ana', 'Ruiz', '.'],
    upos: ['NOUN', 'VERB', 'NOUN', 'PART', 'NOUN', 'NOUN', 'PROPN', 'PROPN', 'PUNCT'],
    xpos: ['NNS', 'VBD', 'NNS', 'POS', 'NNS', 'NN', 'NNP', 'NNP', '.'],
    heads: [1, -1, 1, 2, 5, 2, 5, 6, 1],
    deprels: ['nsubj', 'root', 'obj', 'case', 'compound', 'appos', 'appos', 'flat', 'punct'],
  };
  assert.equal(possessiveModifier(p), true);
  assert.deepEqual([p.heads[5], p.deprels[5]], [1, 'obj']);
  assert.deepEqual([p.heads[2], p.deprels[2]], [4, 'nmod:poss']);
  assert.equal(p.heads[6], 5);
});

test('must not match: a possessive already a modifier, a possessor with no role set beside it', () => {
  const kept = {
    words: ['The', 'women', "'s", 'march', 'ended', '.'],
    upos: ['DET', 'NOUN', 'PART', 'NOUN', 'VERB', 'PUNCT'],
    xpos: ['DT', 'NNS', 'POS', 'NN', 'VBD', '.'],
    heads: [1, 3, 1, 4, -1, 4],
    deprels: ['det', 'nmod:poss', 'case', 'nsubj', 'root', 'punct'],
  };
  assert.equal(possessiveModifier(kept), false);
  const plain = {
    words: ['Police', 'met', 'women', "'s", 'groups', '.'],
    upos: ['NOUN', 'VERB', 'NOUN', 'PART', 'NOUN', 'PUNCT'],
    xpos: ['NNS', 'VBD', 'NNS', 'POS', 'NNS', '.'],
    heads: [1, -1, 1, 2, 2, 1],
    deprels: ['nsubj', 'root', 'obj', 'case', 'dep', 'punct'],
  };
  assert.equal(possessiveModifier(plain), false);
});
