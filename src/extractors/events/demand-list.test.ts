import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { createDefaultPipeline } from '../default.js';
import { demandedInList } from './demand-list.js';

test('an item of a list a request introduces is asked for, however many items and blank lines come between', () => {
  const text = 'The union calls on the authorities to:\n- release Ivo Sarn immediately;\n\n- drop all charges against Pell Odrin.';
  assert.equal(demandedInList(text, text.indexOf('release')), true);
  assert.equal(demandedInList(text, text.indexOf('drop')), true);
  // must not match: the lead-in itself, a list under a heading that asks nothing, a line with no bullet
  assert.equal(demandedInList(text, text.indexOf('calls')), false);
  const timeline = 'What happened:\n- police released Ivo Sarn on 3 May;\n- he was arrested again on 9 May.';
  assert.equal(demandedInList(timeline, timeline.indexOf('released')), false);
  const prose = 'The union calls on the authorities to act:\nPolice released Ivo Sarn on Monday.';
  assert.equal(demandedInList(prose, prose.indexOf('released')), false);
  const urging = 'TAKE ACTION: Write to the minister, urging him to:\n- Quash the conviction of Ivo Sarn and release him immediately;\n- Disclose where Pell Odrin is held.';
  assert.equal(demandedInList(urging, urging.indexOf('release')), true);
  // a request earlier in the paragraph is not the lead-in's
  const detainees = 'Students gathered to demand the return of classmates. Five of them remain in custody:\n- Ivo Sarn, 21, held at Drell police station';
  assert.equal(demandedInList(detainees, detainees.indexOf('held')), false);
});

test('a release in a list of demands is no release; one in a list of what happened is', () => {
  const pipeline = createDefaultPipeline();
  const modalities = (text: string) => pipeline.run(new Doc(text, { published: '2024-05-01' })).events.filter((v) => v.type === 'RELEASE').map((v) => v.modality);
  assert.deepEqual(modalities('Police in Kesh detained the journalist Ivo Sarn on Monday.\n\nThe union calls on:\n- the authorities to release Ivo Sarn without conditions and to drop any charges against him;\n- the police to stop harassing reporters.'), ['hypothetical', 'hypothetical']);
  assert.deepEqual(modalities('Police in Kesh detained the journalist Ivo Sarn in March.\n\nWhat happened since:\n- police released Ivo Sarn on 3 May.'), ['asserted']);
});

test('an infinitive after a request in its sentence is asked for, however the parser hung it; a preposition "to" or a request in another sentence is not', () => {
  const pipeline = createDefaultPipeline();
  const releases = (text: string) => pipeline.run(new Doc(text, { published: '2024-05-01' })).events.filter((v) => v.type === 'RELEASE' && v.target?.entity).map((v) => v.modality);
  assert.deepEqual(releases('The Monitor calls on the authorities to disclose the whereabouts of Ivo Sarn and to release him immediately.'), ['hypothetical']);
  // a base form joined to the infinitive, with "calls" read as a noun
  assert.deepEqual(releases('The Monitor will continue to follow both trials and calls on the authorities to drop the charges and release Sheikh Adel Nouri and Dr. Hessa Kanaan.'), ['hypothetical', 'hypothetical']);
  // a base form a comma joins to the infinitive, with "Watch calls" read as a verb and its object
  assert.deepEqual(releases('Nakhla Rights Watch calls on the authorities to quash the conviction, release Ivo Sarn immediately, and lift the travel ban on his brother.'), ['hypothetical']);
  // must not match: "released to house arrest", a release told in the next sentence, a past tense joined to an infinitive
  assert.deepEqual(releases('The union urged the court to hear the case, and Ivo Sarn was released on Monday.'), ['asserted']);
  assert.deepEqual(releases('The court agreed to hear the case and released Ivo Sarn on bail.'), ['asserted']);
  assert.deepEqual(releases('The union asked the court to hear the case of Ivo Sarn, who was released to house arrest in May.'), ['asserted']);
  assert.deepEqual(releases('The union called on the police to investigate. The reporter Ivo Sarn was released on Monday.'), ['asserted']);
});

test('a release joined to medical care is a discharge from hospital; one joined to questioning is from custody', () => {
  const pipeline = createDefaultPipeline();
  const releases = (text: string) => pipeline.run(new Doc(text, { published: '2024-05-01' })).events.filter((v) => v.type === 'RELEASE').length;
  assert.equal(releases('Police beat the reporter Nour Moussa; Moussa was treated for a cut lip and released the same night.'), 0);
  assert.equal(releases('The reporter Nour Moussa was questioned and released the same night.'), 1);
});

test('a release a request verb governs through its object and coordination is asked for; a harm it names happened', () => {
  const pipeline = createDefaultPipeline();
  const of = (text: string, type: string) => pipeline.run(new Doc(text, { published: '2024-05-01' })).events.filter((v) => v.type === type && v.target?.entity).map((v) => v.modality);
  assert.deepEqual(of('Police arrested the activist Madu Deva. The group demanded a judicial inquiry and the immediate release of Madu Deva.', 'RELEASE'), ['hypothetical']);
  // must not match: a release a court ordered, the killing an inquiry is demanded into
  assert.deepEqual(of('The court ordered the release of the journalist Ivo Sarn.', 'RELEASE'), ['asserted']);
  assert.deepEqual(of('The union demanded justice for the killing of the journalist Ivo Sarn.', 'KILLING'), ['asserted']);
});

test('a numbered paragraph that asks, or a heading in capitals that asks, introduces a list of demands', () => {
  const numbered = '4. The company denied the charges.\n\n5. Therefore, the Assembly resolves and demands:\n- the immediate release of our president Ivo Sarn;\n- an end to the harassment.';
  assert.equal(demandedInList(numbered, numbered.indexOf('release')), true);
  const heading = 'The district police chief declined to comment.\n\nTHE NETWORK CALLS ON\n\n- the authorities to drop the charge against Ivo Sarn and release him at once;';
  assert.equal(demandedInList(heading, heading.indexOf('release')), true);
  // must not match: a numbered paragraph or a heading that asks nothing, a numbered item that is no lead-in
  const told = '3. The following were freed on Monday:\n- Ivo Sarn, released on bail.';
  assert.equal(demandedInList(told, told.indexOf('released')), false);
  const caps = 'DETAINED JOURNALISTS\n- Ivo Sarn, released on bail on 3 May.';
  assert.equal(demandedInList(caps, caps.indexOf('released')), false);
  const items = 'The union calls on the authorities to act.\n1. Police released Ivo Sarn on 3 May.\n2. He was arrested again on 9 May.';
  assert.equal(demandedInList(items, items.indexOf('released')), false);
  // a heading whose asking word is no request ("APPEAL COURT"); an item ending in a colon keeps the lead-in above it
  const rulings = 'APPEAL COURT RULINGS THIS WEEK\n\n- The journalist Ivo Sarn was released on bail on 3 May.';
  assert.equal(demandedInList(rulings, rulings.indexOf('released')), false);
  const nested = 'The Network calls on the authorities to:\n- take these steps at once:\n- drop the charges and release the journalist Ivo Sarn;';
  assert.equal(demandedInList(nested, nested.indexOf('release the')), true);
});
