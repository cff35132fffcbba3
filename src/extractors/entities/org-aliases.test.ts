import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';
import { isAcronymOf } from './org-aliases.js';

// Our own inventions: Karsland, Velmora and everyone in them.
const pipeline = createDefaultPipeline();
const run = (text: string): Doc => pipeline.run(new Doc(text, { published: '2026-11-25' }));
const holding = (doc: Doc, words: string) => doc.entities.filter((e) => e.type !== 'PERSON' && e.mentions.some((m) => m.text.includes(words)));

test('an acronym is the initials of a name, in order, from its first word', () => {
  assert.equal(isAcronymOf('RFK', 'Radio Free Karsland'), true);
  assert.equal(isAcronymOf('KCTU', 'Karsland Congress of Trade Unions'), true);
  assert.equal(isAcronymOf('RT', 'Velmora Today'), false);
  assert.equal(isAcronymOf('K', 'Karsland'), false);
});

test('one organisation, however the report words it', () => {
  const doc = run(
    "Karsland's Interior Ministry said on Monday it had detained the journalist Ilse Varga. " +
      "A spokesman for Karsland's Ministry of Interior declined to comment. " +
      'Varga had worked for Radio Free Karsland (RFK) since 2015. RFK said she was innocent.',
  );
  const ministry = holding(doc, 'Ministry');
  assert.equal(ministry.length, 1, ministry.map((e) => e.name).join(' / '));
  assert.deepEqual(ministry[0]!.mentions.map((m) => m.text.replace("Karsland's ", '')), ['Interior Ministry', 'Ministry of Interior']);
  const radio = holding(doc, 'Radio Free Karsland');
  assert.equal(radio.length, 1);
  assert.deepEqual(radio[0]!.mentions.map((m) => m.text), ['Radio Free Karsland', 'RFK', 'RFK']);
  assert.equal(holding(doc, 'RFK').length, 1);
});

test('two countries’ ministries stay two, one country’s wordings are one', () => {
  const doc = run("Kenya's Interior Ministry and Uganda's Interior Ministry signed the accord on Monday. Kenya's Ministry of Interior said so.");
  const ministries = holding(doc, 'Interior');
  assert.deepEqual(ministries.map((e) => [e.name, e.country, e.mentions.length]).sort(), [
    ["Kenya's Ministry of Interior", 'KEN', 2],
    ["Uganda's Interior Ministry", 'UGA', 1],
  ]);
});

test('a name the recogniser cut short becomes the organisation its acronym abbreviates', () => {
  const doc = run('He helped Velmora Today (VT) film a documentary. VT later removed it.');
  const vt = holding(doc, 'VT');
  assert.equal(vt.length, 1);
  assert.equal(vt[0]!.name, 'Velmora Today');
  assert.equal(vt[0]!.type, 'ORG');
});

test('"Minister of Justice" and the name after it: a person with the whole office as title', () => {
  const doc = run(
    'Police detained the union leader Tomas Reyvik on Monday. Deputy Premier and Minister of Justice Pol Varan told journalists on Tuesday ' +
      'that prosecutors wanted the editor sent back to Velmora. He said the editor had not been indicted.',
  );
  const varan = doc.entities.find((e) => e.name === 'Pol Varan');
  assert.equal(varan?.type, 'PERSON');
  assert.deepEqual(varan?.titles, ['Deputy Premier and Minister of Justice']);
  // the office's domain is no organisation of its own, nor a part of his name
  assert.equal(doc.entities.some((e) => e.name === 'Justice' || e.name.startsWith('Justice ')), false);
  const quote = doc.quotes.find((q) => q.cue?.text === 'told');
  assert.equal(quote?.speaker, varan?.id);
  // and "He said" next is still the minister, not the man the report is about
  const next = doc.quotes.find((q) => q.cue?.text === 'said');
  assert.equal(next?.speakerEntity, varan?.id, next?.speakerText ?? undefined);
});

test('a person inside a quoted title is a piece of the title', () => {
  const doc = run('Ilse Varga helped shoot a documentary shown in June called “Father Sold The House,” which follows families in Karsland.');
  const people = doc.entities.filter((e) => e.type === 'PERSON').map((e) => e.name);
  assert.ok(people.includes('Ilse Varga'));
  assert.equal(people.filter((n) => /Father|Sold|House/.test(n)).length, 0, people.join(', '));
});
