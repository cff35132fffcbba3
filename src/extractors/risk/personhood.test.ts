import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import type { Entity, Mention } from '../../text/types.js';
import { createDefaultPipeline } from '../default.js';
import { loadClusters } from '../learn/clusters.js';
import { personFeatures, personhood } from './features.js';

// Invented people and places.
const pipeline = createDefaultPipeline();
const read = (text: string) => pipeline.run(new Doc(text, { published: '2025-02-14' }));

/** The personhood features of a made-up entity with the given name and mentions. */
function features(name: string, mentions: Mention[] = []): Map<string, { start: number; end: number } | undefined> {
  const out = new Map<string, { start: number; end: number } | undefined>();
  const e: Entity = { id: 'x', type: 'PERSON', name, mentions: [{ start: 0, end: name.length, text: name }, ...mentions] };
  personhood(e, (f, at) => out.set(f, at));
  return out;
}
const clustersOf = (f: Map<string, unknown>, where: string) => [...f.keys()].filter((k) => k.startsWith(`cluster-${where}=`));

test('a person the report calls "he" has the feature, at the pronoun; one referred to by "it" has not', () => {
  const text = 'Police detained the teacher Arvo Kessling in Tarnow on Monday. Kessling said he had done nothing wrong.';
  const doc = read(text);
  const e = doc.entities.find((x) => x.type === 'PERSON' && x.name === 'Arvo Kessling');
  assert.ok(e, doc.entities.map((x) => `${x.type}:${x.name}`).join(', '));
  const f = personFeatures(doc, e, { score: 0.9 }).find((x) => x.name === 'personal-pronoun');
  assert.ok(f?.at, 'no personal-pronoun feature with offsets');
  assert.equal(text.slice(f.at.start, f.at.end), 'he');
  assert.ok(!features('Tarnow Mill', [{ start: 20, end: 22, text: 'it', kind: 'pronoun' }]).has('personal-pronoun'));
});

test('name words are looked up as the tagger does, past titles, particles, hyphens and curly quotes', { skip: !loadClusters() && 'no word clusters built' }, () => {
  // a one-word name is one look-up, not a first and a last word counted twice
  const one = features('Kessling');
  assert.equal(clustersOf(one, 'first').length, 0);
  assert.ok(clustersOf(one, 'last').length > 0);
  // "Dr." the recogniser kept inside the name is not the first name
  assert.deepEqual(clustersOf(features('Dr. Peter Kessling'), 'first'), clustersOf(features('Peter Kessling'), 'first'));
  // a curly apostrophe is the straight one the training text wrote
  assert.deepEqual(clustersOf(features('Peter O’Brien'), 'last'), clustersOf(features("Peter O'Brien"), 'last'));
  // a particle is not the family name, and a hyphenated name is read by a part the clusters know
  assert.deepEqual(clustersOf(features('Peter al-Johnson'), 'last'), clustersOf(features('Peter Johnson'), 'last'));
  assert.deepEqual(clustersOf(features('Peter Johnson-Zqxwv'), 'last'), clustersOf(features('Peter Johnson'), 'last'));
  // a word the clusters never saw says so, once
  assert.deepEqual(clustersOf(features('Zqxwv Vbnmk'), 'last'), ['cluster-last=none']);
});

test('the clusters tell a common noun ending a name from a family name', { skip: !loadClusters() && 'no word clusters built' }, () => {
  assert.notDeepEqual(clustersOf(features('Human Rights Day'), 'last'), clustersOf(features('Ada Johnson'), 'last'));
  assert.notDeepEqual(clustersOf(features('Sugarcane Factory'), 'last'), clustersOf(features('Ada Johnson'), 'last'));
});

test('a title the recogniser kept inside a name is read as a title: "Ex-Dictator" names an official', () => {
  const text = 'Ex-Dictator Orvan Marsk fled to Tessaly in 2019, and Magistrate Anil Devkota was shot on Friday.';
  const doc = read(text);
  const entity = (name: string): Entity => {
    const start = text.indexOf(name);
    return { id: name, type: 'PERSON', name, mentions: [{ start, end: start + name.length, text: name }] };
  };
  const titles = (name: string) => personFeatures(doc, entity(name), { score: 0.5 }).filter((f) => /^(title|kind-title)=/.test(f.name)).map((f) => f.name).sort();
  assert.deepEqual(titles('Ex-Dictator Orvan Marsk'), ['kind-title=official', 'title=dictator']);
  assert.deepEqual(titles('Magistrate Anil Devkota'), ['kind-title=official', 'title=magistrate']);
  // a name that opens with a name has no title in it
  assert.deepEqual(titles('Orvan Marsk'), []);
  // nor is a name's last word, nor one the report calls them by alone: "Blogger Sani Guard … Guard said"
  const guard = 'Blogger Sani Guard was detained by soldiers on Monday. Guard had criticised the army.';
  const gdoc = read(guard);
  const sani = gdoc.entities.find((x) => x.type === 'PERSON' && /Guard/.test(x.name));
  assert.ok(sani, gdoc.entities.map((x) => x.name).join(', '));
  assert.ok(!personFeatures(gdoc, sani, { score: 0.5 }).some((f) => f.name === 'kind-title=security_force' && f.at && gdoc.text.slice(f.at.start, f.at.end) === 'Guard'));
  const mayor: Entity = { id: 'm', type: 'PERSON', name: 'Mayor Oren', mentions: [{ start: 0, end: 10, text: 'Mayor Oren' }, { start: 20, end: 25, text: 'Mayor' }] };
  assert.ok(!personFeatures(read('Mayor Oren was held. Mayor said so.'), mayor, { score: 0.5 }).some((f) => f.name === 'title=mayor'));
});
