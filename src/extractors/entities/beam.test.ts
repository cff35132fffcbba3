import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Gazetteer } from '../learn/gazetteer.js';
import { feat1 } from '../learn/hash.js';
import { LexemeCache } from '../learn/lexical.js';
import { NameList, SURNAME } from '../learn/names.js';
import type { Scorer } from '../syntax/tagger.js';
import { NER_LABELS } from './labels.js';
import { Recognizer } from './recognizer.js';

const L = (s: string): number => NER_LABELS.indexOf(s);

/**
 * A scorer written by hand for a two-token sentence: token 0 looks like the start of an
 * organisation (B-ORG 5) more than a person (U-PER 4), but an organisation ending on token 1
 * costs 10, while O there earns 3. Greedy decoding takes B-ORG and must then end it (-5 in all);
 * the best sequence is U-PER O (7). Observation calls start with the bias feature; history calls
 * start with the previous label's feature.
 */
function trapScorer(): Scorer {
  const bias = feat1(0, 0);
  const prevIs = (label: number): number => feat1(20, label + 2);
  let token = 0;
  return {
    nClasses: NER_LABELS.length,
    score(feats, _n, out) {
      if (feats[0] === bias) {
        const i = token++;
        if (i === 0) {
          out[L('B-ORG')]! += 5;
          out[L('U-PER')]! += 4;
        } else out[L('O')]! += 3;
        return;
      }
      if (feats[0] === prevIs(L('B-ORG'))) out[L('L-ORG')]! -= 10;
    },
  };
}

function decode(width: number, gold?: number[]) {
  const rec = new Recognizer(trapScorer(), new LexemeCache(), new Gazetteer([]), new NameList(new Map()), width);
  const words = ['Halden', 'said'];
  return rec.decode(rec.context(words, new Map()), words.length, gold);
}

test('a beam takes back a start that greedy decoding must carry to its end', () => {
  assert.deepEqual(decode(1).labels, [L('B-ORG'), L('L-ORG')]);
  assert.deepEqual(decode(4).labels, [L('U-PER'), L('O')]);
});

test('in training the decoder says where the gold sequence fell out of the beam', () => {
  const gold = [L('U-PER'), L('O')];
  assert.deepEqual(decode(1, gold), { labels: [L('B-ORG')], diverged: 0 }, 'early update at the first token');
  assert.deepEqual(decode(4, gold), { labels: gold, diverged: -1 });
  const wrong = [L('B-ORG'), L('L-ORG')];
  assert.equal(decode(4, wrong).diverged, 1, 'the gold stayed in the beam but did not come out on top');
});

test('the shipped person-name lists know given and family names beyond English ones', async () => {
  const { loadNames } = await import('../learn/names.js');
  const names = loadNames();
  assert.ok(names.size > 10_000);
  for (const w of ['Adebisi', 'Nguyen', 'Mthunzi']) assert.notEqual(names.flags(w), 0, w);
  assert.equal(names.flags('Nguyen') & SURNAME, SURNAME);
  assert.equal(names.flags('the'), 0);
});
