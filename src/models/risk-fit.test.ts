import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDefaultPipeline } from '../extractors/default.js';
import { Doc } from '../text/doc.js';
import { outOfFold, personExamples, precisionLowerBound, thresholdForPrecision, thresholdForPrecisionBound, weighted } from './risk-fit.js';
import { aboutAttackOnSomeoneAtRisk, hardCases, withoutHeldOut, type RiskReport } from './risk-corpus.js';

// An invented report: a main victim HRDsAttack would name, a second journalist arrested with her,
// and the governor who ordered it.
const TEXT =
  'Police in Darrow arrest two reporters\n\nPolice in the northern city of Darrow arrested the journalist Ilse Maren and her colleague, the reporter Teo Vance, on Monday. ' +
  'Governor Pell Okonjo ordered the arrests, a spokesman said.';

const pipeline = createDefaultPipeline('events');
const doc = pipeline.run(new Doc(TEXT, { published: '2024-03-04' }));
const report = (over: Partial<RiskReport>): RiskReport => ({ id: 'hrd:x', source: 'hrdsattack', text: TEXT, relevant: true, victims: [{ name: 'Ilse Maren', types: ['journalist'] }], ...over });
const labels = (r: RiskReport) => new Map(personExamples(doc, r, 0, 0.9).map((p) => [p.entity.name, p.atRisk]));

test('HRDsAttack labels: the named victim is at risk; a journalist an attack befalls whom it does not name is left out, not called safe', () => {
  const l = labels(report({}));
  assert.equal(l.get('Ilse Maren'), true);
  assert.equal(l.has('Teo Vance'), false, 'an unnamed fellow victim who sounds at risk is no negative example');
  assert.equal(l.get('Pell Okonjo'), false, 'the governor stays a negative example');
});

test('our case gold decides where it covers a report: its cases are at risk, everyone else is not', () => {
  const gold = { cases: [{ forms: ['Ilse Maren', 'Maren'], kinds: ['journalist'], events: [] }, { forms: ['Teo Vance'], kinds: ['journalist'], events: [] }] };
  const l = labels(report({ gold }));
  assert.equal(l.get('Ilse Maren'), true);
  assert.equal(l.get('Teo Vance'), true);
  assert.equal(l.get('Pell Okonjo'), false);
  const types = personExamples(doc, report({ gold }), 0, 0.9).find((p) => p.entity.name === 'Teo Vance')!.types;
  assert.deepEqual(types, ['journalist']);
});

test('unrelated news: everyone named is a negative example', () => {
  const l = labels(report({ source: 'polnear', relevant: false, victims: [] }));
  assert.ok([...l.values()].every((v) => v === false));
  assert.ok(l.has('Teo Vance'));
});

test('a report is relevant when a victim has a known type or our gold gives it a case; gold without a case does not make it unrelated', () => {
  const untyped = [{ type: ['insufficient information'] }];
  const aCase = { cases: [{ forms: ['Ilse Maren'], kinds: ['other'], events: [] }] };
  assert.equal(aboutAttackOnSomeoneAtRisk(untyped, undefined), false);
  assert.equal(aboutAttackOnSomeoneAtRisk(untyped, aCase), true, 'abducted aid workers HRDsAttack leaves untyped');
  assert.equal(aboutAttackOnSomeoneAtRisk([{ type: ['journalist'] }], { cases: [] }), true, 'three reporters detained, none named');
  assert.equal(aboutAttackOnSomeoneAtRisk([], { cases: [] }), false);
});

test('a training report that repeats a held-out report, whatever its spacing and punctuation, is left out', () => {
  const kept = withoutHeldOut([report({ id: 'hrd:a' }), report({ id: 'hrd:b', text: 'Another report from Darrow.' })], [{ text: TEXT.toUpperCase().replace(/\n\n/, ' \n ') }]);
  assert.deepEqual(kept.map((r) => r.id), ['hrd:b']);
});

test('an invented report may say what its people at risk are; without it they are at risk of no known type', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'vigil-hard-')), 'hard.jsonl');
  const line = (o: object) => JSON.stringify({ id: 'x', text: TEXT, relevant: true, atRisk: ['Ilse Maren'], ...o });
  writeFileSync(file, `${line({ types: ['journalist'] })}\n${line({})}\n`);
  const [typed, untyped] = hardCases(file);
  assert.deepEqual(typed!.victims, [{ name: 'Ilse Maren', types: ['journalist'] }]);
  const types = (r: RiskReport) => personExamples(doc, r, 0, 0.9).find((p) => p.entity.name === 'Ilse Maren')!.types;
  assert.deepEqual(types(typed!), ['journalist']);
  assert.deepEqual(types(untyped!), []);
});

test('the cut for a precision target asks the lower end of its interval to reach it, not the point estimate', () => {
  // 9 of 10 right is 90 % but proves little; 90 of 100 a little more; neither reaches a 90 % lower bound
  assert.ok(precisionLowerBound(9, 10) < 0.7);
  assert.ok(precisionLowerBound(90, 100) < 0.9 && precisionLowerBound(90, 100) > 0.8);
  assert.ok(precisionLowerBound(980, 1000) > 0.97);
  // scores: 20 at 0.9 all right; 10 at 0.6 of which 8 right. The point estimate reaches 90 % at 0.6 (28/30 = 93 %); a lower bound of 85 % only above it (20/20: 0.88; 28/30: 0.81)
  const scores = [...Array(20).fill(0.9), ...Array(10).fill(0.6)];
  const gold = [...Array(20).fill(true), ...Array(8).fill(true), false, false];
  assert.ok(thresholdForPrecision(scores, gold, 0.9).threshold <= 0.6);
  assert.ok(thresholdForPrecisionBound(scores, gold, 0.85).threshold > 0.6);
});

test('a weighted fit counts an example as often as its weight, and out of fold scores each example once', () => {
  const ex = [
    { id: 'a', report: 0 },
    { id: 'b', report: 1 },
  ];
  assert.deepEqual(
    weighted(ex, (e) => (e.report === 0 ? 3 : 1)).map((e) => e.id),
    ['a', 'a', 'a', 'b'],
  );
  assert.deepEqual(weighted(ex).map((e) => e.id), ['a', 'b']);
  // a real report weighing more moves the fit toward it: its feature's score rises
  const feats = (n: string) => [{ name: n, value: 1 }];
  const examples = [...Array.from({ length: 10 }, (_, i) => ({ feats: feats('x'), yes: i < 5, report: i }))];
  const plain = outOfFold(examples, { iterations: 50, l2: 1 });
  const heavy = outOfFold(examples, { iterations: 50, l2: 1 }, 5, (e) => (e.yes ? 4 : 1));
  assert.equal(plain.length, examples.length);
  assert.equal(heavy.length, examples.length);
  assert.ok(heavy[9]! > plain[9]!, `${heavy[9]} > ${plain[9]}`);
});
