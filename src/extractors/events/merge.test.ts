import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventType, Role, VigilEvent } from '../../text/types.js';
import { mergeMentions } from './merge.js';

// Invented tellings: which earlier event each later telling joins, when tellings are filed by target.
let at = 0;
function telling(type: EventType, target: Role | null, extra: Partial<VigilEvent> = {}): VigilEvent {
  at += 10;
  return { id: `t${at}`, type, trigger: { start: at, end: at + 5, text: 'held' }, target, agent: null, principal: null, place: null, origin: null, destination: null, date: null, modality: 'asserted', sentence: at / 10, confidence: 0.5, ...extra };
}
const person = (entity: string, text: string): Role => ({ entity, text });
const words = (text: string): Role => ({ entity: null, text });
const never = () => false;
/** Per kept event, the ids of the tellings it holds (its own first). */
const joined = (kept: VigilEvent[]) => kept.map((v) => [v.trigger.start, ...(v.mentions ?? []).map((m) => m.start)]);

test('a later telling joins the first kept event of its type whose target agrees: the same person, the same words, or none', () => {
  at = 0;
  const events = [
    telling('ARREST', person('e1', 'Ada Moll')), // 10
    telling('ARREST', person('e2', 'Ivo Rant')), // 20
    telling('ARREST', words('two students')), // 30
    telling('ARREST', person('e2', 'Rant')), // 40 → 20
    telling('ARREST', words('Two Students')), // 50 → 30
    telling('ARREST', null), // 60 → 10, the first of its type
    telling('RELEASE', person('e2', 'he')), // 70: another type
    telling('ARREST', person('e3', 'two students')), // 80 → 30: a person's words that match unlinked words
    telling('ARREST', person('e4', 'Liva Somm'), { modality: 'negated' }), // 90: not factual, kept alone
    telling('ARREST', person('e4', 'Liva Somm')), // 100: a negated telling hosts nothing
  ];
  assert.deepEqual(joined(mergeMentions(events, never)), [[10, 60], [20, 40], [30, 50, 80], [70], [90], [100]]);
});

test('a kept event whose target a later telling fills is found under its new target; one told over hosts nothing', () => {
  at = 0;
  const events = [
    telling('ARREST', null), // 10
    telling('ARREST', person('e1', 'Ada Moll')), // 20 → 10, which now targets e1
    telling('ARREST', person('e2', 'Ivo Rant')), // 30: e1's now, so kept
    telling('ARREST', person('e1', 'Moll')), // 40 → 10
    telling('DEPORTATION', words('the reporter')), // 50
    telling('DEPORTATION', person('e3', 'the reporter')), // 60 → 50, now e3's
    telling('DEPORTATION', words('The reporter')), // 70 → 50: the words of e3's telling
    telling('DEPORTATION', person('e5', 'Teo Vance')), // 80
    telling('DEPORTATION', person('e5', 'Vance')), // 90: 80 is told over
  ];
  const over = (v: VigilEvent) => v.trigger.start === 80;
  assert.deepEqual(joined(mergeMentions(events, over)), [[10, 20, 40], [30], [50, 60, 70], [80], [90]]);
});
