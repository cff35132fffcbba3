import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import type { EntityType } from '../../text/types.js';
import { createDefaultPipeline } from '../default.js';
import { loadGazetteer } from '../learn/gazetteer.js';
import { harmedPersons } from './harmed-persons.js';

// The recogniser's mistakes are not reproducible on demand, so each test reads an invented report
// and then types a name as the recogniser sometimes does, before the component runs.
const pipeline = createDefaultPipeline('events');
const gazetteer = loadGazetteer();

function typeAfter(text: string, name: string, as: EntityType, extra: Partial<{ country: string }> = {}): EntityType | undefined {
  const doc = pipeline.run(new Doc(text, { published: '2024-05-01' }));
  const e = doc.entities.find((x) => x.name === name);
  assert.ok(e, `${name} not among ${doc.entities.map((x) => x.name).join(', ')}`);
  Object.assign(e, { type: as, ...extra });
  return harmedPersons(doc, gazetteer).entities.find((x) => x.name === name)?.type;
}

test('a name read as an organisation or a place that an arrest, a torture or a killing befalls is a person', () => {
  assert.equal(typeAfter('Soldiers detained the writer Kabiru Tenwa at his home in Ostra on Monday.', 'Kabiru Tenwa', 'ORG'), 'PERSON');
  assert.equal(typeAfter('The trade unionist Amara Velisso was killed by gunmen outside her office in Dravik.', 'Amara Velisso', 'LOC'), 'PERSON');
});

test('must not match: a charge or a conviction (companies face them), a place with a country, one word, a negated arrest', () => {
  assert.equal(typeAfter('Prosecutors charged Orvan Holdings with fraud in Ostra on Monday.', 'Orvan Holdings', 'ORG'), 'ORG');
  assert.equal(typeAfter('Soldiers detained the writer Kabiru Tenwa at his home in Ostra on Monday.', 'Kabiru Tenwa', 'LOC', { country: 'NGA' }), 'LOC');
  assert.equal(typeAfter('Police arrested Tenwa in Ostra on Monday.', 'Tenwa', 'ORG'), 'ORG');
  assert.equal(typeAfter('Police denied that they had arrested Kabiru Tenwa in Ostra.', 'Kabiru Tenwa', 'ORG'), 'ORG');
  // a people's name and a common noun: what the event befell, but no one
  assert.equal(typeAfter('Police in Ostra arrested the Sri Lankan on Monday.', 'Sri Lankan', 'MISC'), 'MISC');
  assert.equal(typeAfter('Iranian Authorities were detained by the rebels in Ostra.', 'Iranian Authorities', 'ORG'), 'ORG');
});

test('a family name alone that an arrest befalls joins the full name it ends, and both are a person', () => {
  const doc = pipeline.run(new Doc('The blogger Fenwa Ostrakova posts about corruption in Ostra. Police detained Ostrakova on Monday.', { published: '2024-05-01' }));
  // as the recogniser sometimes leaves them: the full name and the family name alone, two organisations
  const e1 = doc.entities.find((e) => e.name === 'Fenwa Ostrakova')!;
  const alone = e1.mentions.filter((m) => m.text === 'Ostrakova');
  assert.equal(alone.length, 1);
  e1.type = 'ORG';
  e1.mentions = e1.mentions.filter((m) => m.text !== 'Ostrakova');
  doc.entities.push({ id: 'e99', type: 'ORG', name: 'Ostrakova', mentions: alone });
  for (const v of doc.events) if (v.target?.entity === e1.id) v.target = { ...v.target, entity: 'e99' };
  const { entities, events } = harmedPersons(doc, gazetteer);
  const full = entities.find((e) => e.name === 'Fenwa Ostrakova')!;
  assert.equal(full.type, 'PERSON');
  assert.ok(!entities.some((e) => e.name === 'Ostrakova'), 'the family name alone is no entity of its own');
  const arrest = events.find((v) => v.type === 'ARREST')!;
  assert.equal(arrest.target?.entity, full.id);
  assert.ok(full.mentions.some((m) => m.text === 'Ostrakova'));
});

test('a sentence to prison, death or lashes befalls a person (a company is fined); a conviction alone does not say so', () => {
  assert.equal(typeAfter('A court in Ostra sentenced Kabiru Tenwa to six years in prison on Monday.', 'Kabiru Tenwa', 'ORG'), 'PERSON');
  // must not match: a conviction with no custodial term
  assert.equal(typeAfter('A court in Ostra convicted Orvan Holdings of fraud and fined it on Monday.', 'Orvan Holdings', 'ORG'), 'ORG');
});

test('one word that an arrest befalls joins the person the recogniser read by that same word elsewhere', () => {
  const doc = pipeline.run(new Doc('The writer Velantar spoke in Ostra. Police detained Velantar on Monday.', { published: '2024-05-01' }));
  // as the recogniser sometimes leaves them: the word a person once, an organisation where the arrest befalls it
  const arrest = doc.events.find((v) => v.type === 'ARREST')!;
  const all = doc.entities.filter((e) => e.mentions.some((m) => m.text === 'Velantar'));
  const mentions = all.flatMap((e) => e.mentions).filter((m) => m.text === 'Velantar').sort((a, b) => a.start - b.start);
  doc.entities = doc.entities.filter((e) => !all.includes(e));
  doc.entities.push({ id: 'e98', type: 'PERSON', name: 'Velantar', mentions: [mentions[0]!] }, { id: 'e99', type: 'ORG', name: 'Velantar', mentions: [mentions[1]!] });
  arrest.target = { ...arrest.target!, entity: 'e99' };
  const { entities, events } = harmedPersons(doc, gazetteer);
  assert.ok(!entities.some((e) => e.id === 'e99'), 'the organisation reading is gone');
  assert.equal(events.find((v) => v.type === 'ARREST')!.target?.entity, 'e98');
  // must not match: with no person of that word, one word stays what it was
  assert.equal(typeAfter('Police arrested Tenwa in Ostra on Monday.', 'Tenwa', 'ORG'), 'ORG');
});

test('a name the recogniser began with a conjunction ("Although Voss") is no full name a family name joins', () => {
  const doc = pipeline.run(new Doc('Although Voskarin wrote the poem, police detained Voskarin on Monday.', { published: '2024-05-01' }));
  const arrest = doc.events.find((v) => v.type === 'ARREST')!;
  const word = doc.entities.flatMap((e) => e.mentions).filter((m) => m.text.endsWith('Voskarin')).sort((a, b) => a.start - b.start);
  doc.entities = doc.entities.filter((e) => !e.mentions.some((m) => m.text.endsWith('Voskarin')));
  const first = { start: word[0]!.start - 'Although '.length, end: word[0]!.end, text: 'Although Voskarin' };
  doc.entities.push({ id: 'e98', type: 'ORG', name: 'Although Voskarin', mentions: [first] }, { id: 'e99', type: 'ORG', name: 'Voskarin', mentions: [word[1]!] });
  arrest.target = { ...arrest.target!, entity: 'e99' };
  const { entities } = harmedPersons(doc, gazetteer);
  assert.equal(entities.find((e) => e.id === 'e98')?.type, 'ORG');
});

test('a family name alone read as a person of its own joins the full name this step makes a person', () => {
  const doc = pipeline.run(new Doc('Soldiers detained the writer Kabiru Tenwa in Ostra. The year Tenwa was killed, the town rose.', { published: '2024-05-01' }));
  const full = doc.entities.find((e) => e.name === 'Kabiru Tenwa')!;
  const alone = full.mentions.filter((m) => m.text === 'Tenwa');
  full.type = 'ORG';
  full.mentions = full.mentions.filter((m) => m.text !== 'Tenwa');
  doc.entities.push({ id: 'e99', type: 'PERSON', name: 'Tenwa', mentions: alone });
  const killing = doc.events.find((v) => v.type === 'KILLING')!;
  killing.target = { ...killing.target!, entity: 'e99' };
  const { entities, events } = harmedPersons(doc, gazetteer);
  assert.equal(entities.find((e) => e.id === full.id)?.type, 'PERSON');
  assert.equal(events.find((v) => v.type === 'KILLING')!.target?.entity, full.id);
  // must not match: a full name that was a person already is left as coreference left it
  const kept = pipeline.run(new Doc('Soldiers detained the writer Kabiru Tenwa in Ostra. The year Tenwa was killed, the town rose.', { published: '2024-05-01' }));
  const k = kept.entities.find((e) => e.name === 'Kabiru Tenwa')!;
  const kAlone = k.mentions.filter((m) => m.text === 'Tenwa');
  k.mentions = k.mentions.filter((m) => m.text !== 'Tenwa');
  kept.entities.push({ id: 'e99', type: 'PERSON', name: 'Tenwa', mentions: kAlone });
  const kk = kept.events.find((v) => v.type === 'KILLING')!;
  kk.target = { ...kk.target!, entity: 'e99' };
  assert.equal(harmedPersons(kept, gazetteer).events.find((v) => v.type === 'KILLING')!.target?.entity, 'e99');
});
