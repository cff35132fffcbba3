import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';
import { createEvents } from '../events/index.js';
import { findTriggers } from '../events/triggers.js';
import { loadLexicon } from '../events/lexicon.js';
import { Classifier } from '../learn/linear.js';
import { Tree } from '../syntax/tree.js';
import { NONE, TriggerModel, isCandidate, triggerFeatures } from './index.js';

const upToQuotes = createDefaultPipeline('quotes');
const read = (text: string) => upToQuotes.run(new Doc(text, { published: '2024-03-04' }));
const tokenOf = (doc: Doc, word: string) => doc.tokens.findIndex((t) => t.text === word);

test('features: a candidate’s particle and preposition are read with its lemma ("hauled in", "pushed to the ground")', () => {
  const doc = read('Officers hauled in the reporter Ivo Sarn for questioning. A guard pushed her to the ground.');
  const tree = new Tree(doc);
  const hauled = triggerFeatures(tree, tokenOf(doc, 'hauled'), undefined);
  assert.ok(hauled.includes('l=haul'), hauled.join(' '));
  assert.ok(hauled.includes('lw+1=haul_in'), hauled.join(' '));
  const questioned = triggerFeatures(tree, tokenOf(doc, 'questioning'), undefined);
  assert.ok(questioned.includes('l=questioning') || questioned.includes('l=question'), questioned.join(' '));
  const pushed = triggerFeatures(tree, tokenOf(doc, 'pushed'), undefined);
  assert.ok(pushed.includes('lpp=push+to') && pushed.includes('pp=to:ground'), pushed.join(' '));
});

test('candidates: content words outside names; a name’s word never is one', () => {
  const doc = read('Justice Ojukwu adjourned the hearing.');
  const tree = new Tree(doc);
  assert.ok(!isCandidate(tree, tokenOf(doc, 'Ojukwu')));
  assert.ok(!isCandidate(tree, tokenOf(doc, 'the')));
  assert.ok(isCandidate(tree, tokenOf(doc, 'hearing')));
});

/** A toy model that reads "questioned" as an arrest and nothing else as an event. */
function toyModel(threshold = 0.5): TriggerModel {
  const clf = Classifier.train(
    [
      { feats: ['f=questioned'], label: 'ARREST' },
      { feats: ['l=catch'], label: NONE },
      { feats: ['l=net'], label: NONE },
      { feats: ['l=go'], label: NONE },
    ],
    { iterations: 200, l2: 0.01 },
  );
  return new TriggerModel(clf, threshold, ['ARREST']);
}

test('spot: the words the rules took are never read again, and a type the model may not add is not added', () => {
  const doc = read('Police arrested the journalist Ivo Sarn and questioned his editor Lena Brask.');
  const tree = new Tree(doc);
  const ruled = findTriggers(tree, loadLexicon());
  const spotted = toyModel().spot(tree, ruled, undefined);
  assert.deepEqual(spotted.map((s) => doc.tokens[s.token]!.text), ['questioned']);
  assert.ok(!spotted.some((s) => ruled.some((r) => r.token === s.token)));
  assert.deepEqual(new TriggerModel(toyModel().clf, 0.5, ['THREAT']).spot(tree, ruled, undefined), [], 'ARREST is not among the types this one may add');
  assert.deepEqual(toyModel(0.9999).spot(tree, ruled, undefined), [], 'nothing below the threshold');
});

test('the events component: a spotted word is an event only when it befalls a person, with the rules’ roles and modality', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-triggers-'));
  try {
    const file = path.join(dir, 'triggers.bin.gz');
    toyModel().save(file);
    const withModel = createEvents({ model: file });
    const rulesOnly = createEvents({ model: '' });
    const run = (c: ReturnType<typeof createEvents>, text: string) => c.process(read(text)).events;
    const person = 'On Monday officers questioned the reporter Ivo Sarn in Velmora.';
    const added = run(withModel, person).filter((v) => v.trigger.text.startsWith('questioned'));
    assert.equal(added.length, 1);
    assert.equal(added[0]!.type, 'ARREST');
    assert.equal(added[0]!.target?.text.includes('Ivo Sarn'), true, JSON.stringify(added[0]!.target));
    assert.equal(added[0]!.modality, 'asserted');
    assert.equal(run(rulesOnly, person).filter((v) => v.trigger.text.startsWith('questioned')).length, 0, 'no model, no such event');
    // must not match: what is questioned is no one
    assert.equal(run(withModel, 'Auditors questioned the figures on Monday.').length, 0);
    // the rules' modality holds for it: a denial is no arrest
    const denied = run(withModel, 'Police never questioned the reporter Ivo Sarn, the ministry said.').filter((v) => v.type === 'ARREST');
    assert.ok(denied.every((v) => v.modality !== 'asserted'), JSON.stringify(denied.map((v) => v.modality)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
