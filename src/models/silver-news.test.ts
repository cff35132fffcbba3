import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { EwtTags, readSilverNews } from './silver-news.js';

const KNOWN = new Set(['NNP', 'NN', 'NNS', 'VBD', 'VBN', 'IN', 'TO', 'DT', 'CD', '.', ',', '``', "''", ':']);

test('silver news: prose sentences with their Penn tags; tables, headlines and tags EWT never uses are left out', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'silver-'));
  mkdirSync(path.join(dir, 'conll2003'));
  const rows = (s: string) => s.split(' ').map((wt) => `${wt.split('/')[0]} ${wt.split('/')[1]} O O`).join('\n');
  writeFileSync(
    path.join(dir, 'conll2003', 'eng.train.iob2.txt'),
    [
      '-DOCSTART- -X- -X- O',
      rows('Police/NNS detained/VBD the/DT editor/NN in/IN Dorvik/NNP ./.'),
      rows('Varn/NNP 3/CD 1/CD 0/CD 2/CD 7/CD'),
      rows('POLICE/NNP DETAIN/VBD EDITOR/NN IN/IN DORVIK/NNP TODAY/NN'),
      rows('Guards/NNS sent/VBD the/DT editor/NN to/TO prison/NN ,/, said/VBD ``/`` a/DT hat/SYM'),
    ].join('\n\n'),
  );
  const s = readSilverNews(KNOWN, dir);
  assert.deepEqual(s.map((x) => x.words[0]), ['Police']);
  assert.deepEqual(s[0]!.xpos, ['NNS', 'VBD', 'DT', 'NN', 'IN', 'NNP', '.']);
});

test('silver news: a function word takes the EWT labeller\'s tag, an open-class word keeps its silver XPOS', () => {
  const ewt = new EwtTags([{ words: ['Guards', 'said', 'her', 'to', 'prison'], upos: ['NOUN', 'VERB', 'PRON', 'ADP', 'NOUN'], xpos: ['NNS', 'VBD', 'PRP', 'IN', 'NN'], lemmas: [], heads: [], deprels: [] }]);
  // CoNLL writes every "to" TO; EWT writes a preposition IN
  assert.deepEqual(ewt.tag('to', 'TO', { upos: 'ADP', xpos: 'IN' }), { upos: 'ADP', xpos: 'IN' });
  // the labeller's "-ed" after a subject was a participle; the news tag says finite
  assert.deepEqual(ewt.tag('detained', 'VBD', { upos: 'VERB', xpos: 'VBN' }), { upos: 'VERB', xpos: 'VBD' });
  // and "activist" before a name, which web text taught it to read as a preposition, is a noun
  assert.deepEqual(ewt.tag('activist', 'NN', { upos: 'ADP', xpos: 'IN' }), { upos: 'NOUN', xpos: 'NN' });
});
