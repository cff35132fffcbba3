import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Parsed } from './interrupted-subject.js';
import { roleNameSubject } from './role-name-subject.js';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';

// Parses written by hand in the shape the parser gives (invented names): [word, upos, xpos, head, deprel].
type Row = [string, string, string, number, string];
const parsed = (rows: Row[]): Parsed => ({ words: rows.map((r) => r[0]), upos: rows.map((r) => r[1]), xpos: rows.map((r) => r[2]), heads: rows.map((r) => r[3]), deprels: rows.map((r) => r[4]) });

// "Land rights activist Mira Tesk is in detention." with the role noun the head and the name a compound of the state
const lostSubject: Row[] = [
  ['Land', 'NOUN', 'NN', 1, 'compound'],
  ['rights', 'NOUN', 'NNS', 2, 'compound'],
  ['activist', 'NOUN', 'NN', -1, 'root'],
  ['Mira', 'PROPN', 'NNP', 4, 'compound'],
  ['Tesk', 'PROPN', 'NNP', 7, 'compound'],
  ['is', 'AUX', 'VBZ', 7, 'cop'],
  ['in', 'ADP', 'IN', 7, 'case'],
  ['detention', 'NOUN', 'NN', 2, 'acl'],
  ['.', 'PUNCT', '.', 2, 'punct'],
];

test('role words, a name and a copula with the role noun the head: the predicate heads it again, the role noun its subject, the name the noun\'s', () => {
  const p = parsed(lostSubject);
  assert.equal(roleNameSubject(p), true);
  assert.equal(p.heads[7], -1);
  assert.equal(p.deprels[7], 'root');
  assert.deepEqual([p.heads[2], p.deprels[2]], [7, 'nsubj']);
  assert.deepEqual([p.heads[4], p.deprels[4]], [2, 'flat']);
  assert.equal(p.heads[3], 4, 'the name\'s other words stay on it');
  assert.equal(p.heads[8], 7, 'the stop is the predicate\'s');
});

test('the same clause before a verb of saying hangs on that verb', () => {
  const rows: Row[] = [
    ['Union', 'NOUN', 'NN', 1, 'compound'],
    ['leader', 'NOUN', 'NN', 10, 'nsubj'],
    ['Mira', 'PROPN', 'NNP', 3, 'compound'],
    ['Tesk', 'PROPN', 'NNP', 6, 'compound'],
    ['is', 'AUX', 'VBZ', 6, 'cop'],
    ['in', 'ADP', 'IN', 6, 'case'],
    ['custody', 'NOUN', 'NN', 1, 'acl'],
    [',', 'PUNCT', ',', 10, 'punct'],
    ['her', 'PRON', 'PRP$', 9, 'nmod:poss'],
    ['colleagues', 'NOUN', 'NNS', 10, 'nsubj'],
    ['said', 'VERB', 'VBD', -1, 'root'],
    ['.', 'PUNCT', '.', 10, 'punct'],
  ];
  const p = parsed(rows);
  assert.equal(roleNameSubject(p), true);
  assert.deepEqual([p.heads[6], p.deprels[6]], [10, 'ccomp']);
  assert.deepEqual([p.heads[1], p.deprels[1]], [6, 'nsubj']);
});

test('must not match: a parse with its subject, a name no auxiliary follows, words before the name that are no role', () => {
  const good: Row[] = [
    ['Journalist', 'NOUN', 'NN', 5, 'nsubj'],
    ['Mira', 'PROPN', 'NNP', 2, 'compound'],
    ['Tesk', 'PROPN', 'NNP', 0, 'flat'],
    ['is', 'AUX', 'VBZ', 5, 'cop'],
    ['in', 'ADP', 'IN', 5, 'case'],
    ['custody', 'NOUN', 'NN', -1, 'root'],
  ];
  assert.equal(roleNameSubject(parsed(good)), false);
  const noVerb: Row[] = [
    ['Union', 'NOUN', 'NN', 1, 'compound'],
    ['leader', 'NOUN', 'NN', -1, 'root'],
    ['Mira', 'PROPN', 'NNP', 3, 'compound'],
    ['Tesk', 'PROPN', 'NNP', 1, 'appos'],
    ['in', 'ADP', 'IN', 5, 'case'],
    ['custody', 'NOUN', 'NN', 1, 'nmod'],
  ];
  assert.equal(roleNameSubject(parsed(noVerb)), false);
  const notRole: Row[] = [
    ['On', 'ADP', 'IN', 1, 'case'],
    ['Monday', 'PROPN', 'NNP', 5, 'obl'],
    ['Mira', 'PROPN', 'NNP', 3, 'compound'],
    ['Tesk', 'PROPN', 'NNP', 5, 'nsubj'],
    ['was', 'AUX', 'VBD', 5, 'cop'],
    ['free', 'ADJ', 'JJ', -1, 'root'],
  ];
  assert.equal(roleNameSubject(parsed(notRole)), false);
});

test('through the pipeline: the person named after several role words is the one in custody', () => {
  const pipeline = createDefaultPipeline();
  for (const text of ['Land rights activist Mira Tesk is in detention.', 'Union leader Ivo Sarn Lanz is still in custody in Ostra, his colleagues said.']) {
    const doc = pipeline.run(new Doc(text, { published: '2024-05-01' }));
    const names = doc.events.filter((v) => v.type === 'ARREST' && v.target?.entity).map((v) => doc.entities.find((e) => e.id === v.target!.entity)!.name);
    assert.equal(names.length, 1, text);
    assert.match(names[0]!, /^(Mira Tesk|Ivo Sarn Lanz)$/, text);
  }
});
