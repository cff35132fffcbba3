import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interruptedSubject, type Parsed } from './interrupted-subject.js';

// Parses written by hand in the shape the parser gives (invented names): [word, upos, xpos, head, deprel].
type Row = [string, string, string, number, string];
const parsed = (rows: Row[]): Parsed => ({ words: rows.map((r) => r[0]), upos: rows.map((r) => r[1]), xpos: rows.map((r) => r[2]), heads: rows.map((r) => r[3]), deprels: rows.map((r) => r[4]) });

const lostSubject: Row[] = [
  ['Farid', 'PROPN', 'NNP', -1, 'root'],
  ['Nouri', 'PROPN', 'NNP', 0, 'flat'],
  [',', 'PUNCT', ',', 4, 'punct'],
  ['a', 'DET', 'DT', 4, 'det'],
  ['lawyer', 'NOUN', 'NN', 0, 'appos'],
  [',', 'PUNCT', ',', 10, 'punct'],
  ['has', 'AUX', 'VBZ', 10, 'aux'],
  ['been', 'AUX', 'VBN', 10, 'cop'],
  ['in', 'ADP', 'IN', 10, 'case'],
  ['pretrial', 'ADJ', 'JJ', 10, 'amod'],
  ['detention', 'NOUN', 'NN', 0, 'nmod'],
  ['.', 'PUNCT', '.', 0, 'punct'],
];

test('a name set off by a description heads the parse: the predicate heads it again, the name its subject', () => {
  const p = parsed(lostSubject);
  assert.equal(interruptedSubject(p), true);
  assert.equal(p.heads[10], -1);
  assert.equal(p.deprels[10], 'root');
  assert.equal(p.heads[0], 10);
  assert.equal(p.deprels[0], 'nsubj');
  // the description stays the name's; the final mark moves to the predicate
  assert.equal(p.heads[4], 0);
  assert.equal(p.heads[11], 10);
});

test('a passive predicate makes the name its passive subject', () => {
  const rows: Row[] = [
    ['Mira', 'PROPN', 'NNP', -1, 'root'],
    ['Santos', 'PROPN', 'NNP', 0, 'flat'],
    [',', 'PUNCT', ',', 3, 'punct'],
    ['41', 'NUM', 'CD', 0, 'amod'],
    [',', 'PUNCT', ',', 6, 'punct'],
    ['was', 'AUX', 'VBD', 6, 'aux:pass'],
    ['abducted', 'VERB', 'VBN', 0, 'acl'],
  ];
  const p = parsed(rows);
  assert.equal(interruptedSubject(p), true);
  assert.equal(p.deprels[0], 'nsubj:pass');
  assert.equal(p.heads[6], -1);
});

test('must not change: a parse with its subject, a name not opening the sentence, no interruption', () => {
  const right: Row[] = lostSubject.map((r, i) => (i === 0 ? ['Farid', 'PROPN', 'NNP', 10, 'nsubj'] : i === 10 ? ['detention', 'NOUN', 'NN', -1, 'root'] : r));
  assert.equal(interruptedSubject(parsed(right)), false);
  const late: Row[] = [['Then', 'ADV', 'RB', 1, 'advmod'], ...lostSubject.map(([w, u, x, h, d]): Row => [w, u, x, h < 0 ? -1 : h + 1, d])];
  late[1] = ['Farid', 'PROPN', 'NNP', -1, 'root'];
  assert.equal(interruptedSubject(parsed(late)), false);
  const noComma: Row[] = [
    ['Farid', 'PROPN', 'NNP', -1, 'root'],
    ['Nouri', 'PROPN', 'NNP', 0, 'flat'],
    ['has', 'AUX', 'VBZ', 3, 'aux'],
    ['detention', 'NOUN', 'NN', 0, 'nmod'],
  ];
  assert.equal(interruptedSubject(parsed(noComma)), false);
});

test('a hyphenated given name whose last piece the tagger read as a noun is still the name', () => {
  const rows: Row[] = [
    ['Chow', 'PROPN', 'NNP', 3, 'nsubj'],
    ['Hang', 'PROPN', 'NNP', 3, 'compound'],
    ['-', 'PUNCT', 'HYPH', 1, 'punct'],
    ['tung', 'NOUN', 'NN', -1, 'root'],
    [',', 'PUNCT', ',', 5, 'punct'],
    ['38', 'NUM', 'CD', 3, 'conj'],
    [',', 'PUNCT', ',', 7, 'punct'],
    ['received', 'VERB', 'VBD', 5, 'acl:relcl'],
    ['sentence', 'NOUN', 'NN', 7, 'obj'],
  ];
  const p = parsed(rows);
  assert.equal(interruptedSubject(p), true);
  assert.equal(p.heads[7], -1);
  assert.equal(p.heads[3], 7);
});
