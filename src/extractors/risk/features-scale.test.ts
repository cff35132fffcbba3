import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import type { Entity, VigilEvent } from '../../text/types.js';
import { personFeatures, riskWork } from './features.js';

// Invented people, each arrested; every pair shares one "arrested" (a list of victims).
function report(people: number): { doc: Doc; persons: Entity[] } {
  let text = '';
  const persons: Entity[] = [];
  const events: VigilEvent[] = [];
  for (let i = 0; i < people; i++) {
    if (i % 2 === 0) text += 'Police arrested ';
    const trigger = { start: text.length - 9, end: text.length - 1, text: 'arrested' };
    const name = `Person${i} Kalvek`;
    const mention = { start: text.length, end: text.length + name.length, text: name };
    text += `${name}${i % 2 === 0 ? ' and ' : '. '}`;
    persons.push({ id: `e${i + 1}`, type: 'PERSON', name, mentions: [mention] });
    const at = i % 2 === 0 ? trigger : events[events.length - 1]!.trigger;
    events.push({ id: `v${i + 1}`, type: 'ARREST', trigger: at, target: { entity: `e${i + 1}`, text: name }, agent: null, principal: null, place: null, origin: null, destination: null, date: null, modality: 'asserted', sentence: i, confidence: 1 });
  }
  const doc = new Doc(text, {});
  doc.entities = persons;
  doc.events = events;
  return { doc, persons };
}

test("a person's features read the events about them, not every event of the report", () => {
  const read = (people: number): number => {
    const { doc, persons } = report(people);
    riskWork.eventsRead = 0;
    for (const e of persons) {
      const names = personFeatures(doc, e, { score: 0.5 }).map((f) => f.name);
      assert.ok(names.includes('target=ARREST') && names.includes('co-target=ARREST'), `${e.name}: ${names.join(' ')}`);
    }
    return riskWork.eventsRead;
  };
  const small = read(300);
  const large = read(600);
  // reading every event for each person would be 4 times the work when the people double
  assert.equal(small, 300);
  assert.equal(large, 600);
});
