import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenAt } from '../../text/align.js';
import { Doc } from '../../text/doc.js';
import type { VigilEvent } from '../../text/types.js';
import { createDefaultPipeline } from '../default.js';
import { CustodyEvents } from './custody-index.js';

// Invented sentences; events laid by hand on their verbs, so each lookup's answer is known.
const text = 'Ada Moll was arrested. Ivo Rant was detained. Liva Somm was held. Teo Vance was jailed. Ada Moll was charged.';
const doc = createDefaultPipeline('sentencizer').run(new Doc(text, {}));

function event(verb: string, target: string, from = 0): VigilEvent {
  const start = text.indexOf(verb, from);
  return { id: '', type: 'ARREST', trigger: doc.span(start, start + verb.length), target: { entity: target, text: target }, agent: null, principal: null, place: null, origin: null, destination: null, date: null, modality: 'asserted', sentence: doc.sentenceAt(start), confidence: 0.5 };
}
const tokensOf = (v: VigilEvent) => [tokenAt(doc, v.trigger.start)];
const made = () => [event('arrested', 'e1'), event('detained', 'e2'), event('held', 'e3'), event('jailed', 'e4'), event('charged', 'e1')];
const verbs = (vs: readonly VigilEvent[]) => vs.map((v) => v.trigger.text);

test('custody lookups: by trigger token, by sentence, the last about a person, and those told a few sentences before', () => {
  const events = made();
  const index = new CustodyEvents(doc, events, tokensOf);
  assert.deepEqual(verbs(index.withTriggerOn([tokenAt(doc, text.indexOf('held')), tokenAt(doc, text.indexOf('arrested')), 0])), ['arrested', 'held']);
  assert.deepEqual(verbs(index.inSentence(1)), ['detained']);
  assert.deepEqual(verbs(index.inSentence(9)), []);
  assert.equal(index.lastAbout('e1', () => true)?.trigger.text, 'charged');
  assert.equal(index.lastAbout('e1', (v) => v.trigger.start < doc.sentences[4]!.start)?.trigger.text, 'arrested');
  assert.equal(index.lastAbout('e9', () => true), undefined);
  // told before sentence 3 within one sentence of it: sentence 2 only (sentence 3 starts at the offset)
  assert.deepEqual(verbs(index.toldBefore(doc.sentences[3]!.start, 3, 1)), ['held']);
  // before an offset inside sentence 3, within two: sentences 1 to 3
  assert.deepEqual(verbs(index.toldBefore(doc.sentences[3]!.start + 3, 3, 2)), ['detained', 'held', 'jailed']);
  // an event added later is found in its place
  index.add(event('arrested', 'e2'));
  assert.equal(events.length, 6);
  assert.equal(index.lastAbout('e2', () => true), events[5]);
  assert.deepEqual(verbs(index.inSentence(0)), ['arrested', 'arrested']);
});

test('custody lookups in the events\' order, not the text\'s; every event when an event\'s sentence is not its trigger\'s', () => {
  const events = made().reverse();
  const index = new CustodyEvents(doc, events, tokensOf);
  assert.deepEqual(verbs(index.toldBefore(doc.sentences[4]!.start, 4, 3)), ['jailed', 'held', 'detained']);
  assert.equal(index.lastAbout('e1', () => true)?.trigger.text, 'arrested');
  // must not narrow: one event said to be in a sentence its trigger is not in
  const odd = made();
  odd[1]!.sentence = 4;
  const fallback = new CustodyEvents(doc, odd, tokensOf);
  assert.equal(fallback.toldBefore(doc.sentences[1]!.start, 1, 0).length, 5);
});

test('in a report naming many people, where each is held is told of their own arrest, not of someone else\'s', () => {
  const SYL = ['ka', 'lo', 'mi', 'ren', 'tas', 'vu', 'dor', 'el'];
  const word = (i: number): string => `${SYL[i % 8]!.toUpperCase()[0]}${SYL[i % 8]!.slice(1)}${SYL[Math.floor(i / 8) % 8]}${SYL[Math.floor(i / 64) % 8]}`;
  const people = Array.from({ length: 90 }, (_, i) => ({ name: `Ana ${word(i)}vek`, prison: i % 3 === 2 ? null : `${word(i + 7)} prison` }));
  const text = people.map((p) => `Police arrested Ana ${p.name.split(' ')[1]} in Drell on Monday.${p.prison ? ` ${p.name.split(' ')[1]} is being held at ${p.prison}.` : ' Her family was told on Friday.'}`).join('\n\n');
  const full = createDefaultPipeline('events').run(new Doc(text, { published: '2024-05-01' }));
  const names = new Map(full.entities.map((e) => [e.id, e.name]));
  const heldAt = new Map(full.events.filter((v) => v.type === 'ARREST' && v.target?.entity).map((v) => [names.get(v.target!.entity!), v.heldAt?.text ?? null]));
  let checked = 0;
  for (const p of people) {
    if (!heldAt.has(p.name)) continue;
    // must not match: a person whose paragraph tells no prison is held nowhere
    assert.equal(heldAt.get(p.name), p.prison, p.name);
    checked++;
  }
  assert.ok(checked >= 80, `${checked} people arrested`);
});
