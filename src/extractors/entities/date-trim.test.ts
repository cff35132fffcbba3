import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { trimDatesFromEntities } from './date-trim.js';

function docWith(text: string, entities: [string, string][], dates: string[]): Doc {
  const doc = new Doc(text);
  const at = (s: string): { start: number; end: number; text: string } => doc.span(text.indexOf(s), text.indexOf(s) + s.length);
  doc.entities = entities.map(([type, s], i) => ({ id: `e${i + 1}`, type: type as 'PERSON', name: s, mentions: [at(s)] }));
  doc.timexes = dates.map((s) => ({ ...at(s), type: 'DATE' as const, value: 'X' }));
  return doc;
}

test('a name that ran into a date is cut back to the name and regrouped with its other mentions', () => {
  const doc = docWith('Bush spoke. President Bush on Tuesday said the blockade would hold.', [['PERSON', 'Bush'], ['PERSON', 'Bush on Tuesday']], ['Tuesday']);
  const entities = trimDatesFromEntities(doc);
  assert.deepEqual(entities.map((e) => [e.id, e.type, e.name, e.mentions.map((m) => m.start)]), [['e1', 'PERSON', 'Bush', [0, 22]]]);
  for (const m of entities[0]!.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text);
});

test('a mention that is only a date and a function word goes; names without dates stay as they are', () => {
  const doc = docWith('Also Friday, the World Court Friday rejected the appeal of Maria Okonkwo.', [['PERSON', 'Also Friday'], ['ORG', 'World Court Friday'], ['PERSON', 'Maria Okonkwo']], []);
  // both "Friday"s are dates
  doc.timexes = [doc.span(5, 11), doc.span(29, 35)].map((s) => ({ ...s, type: 'DATE' as const, value: 'X' }));
  assert.deepEqual([doc.timexes[0]!.text, doc.timexes[1]!.text], ['Friday', 'Friday']);
  const entities = trimDatesFromEntities(doc);
  assert.deepEqual(entities.map((e) => [e.type, e.name]), [['ORG', 'World Court'], ['PERSON', 'Maria Okonkwo']]);
});

test('a title the recogniser took into a person’s name is left out of it; an organisation’s name and a lone title are not touched', () => {
  const doc = docWith('Mr Tarvel Osk was held. Sen. Ilse Varga said Osk must go free. Mr Smith Co. Ltd. sued. Dr', [
    ['PERSON', 'Mr Tarvel Osk'],
    ['PERSON', 'Sen. Ilse Varga'],
    ['ORG', 'Mr Smith Co. Ltd.'],
    ['PERSON', 'Dr'],
  ], []);
  const entities = trimDatesFromEntities(doc);
  assert.deepEqual(entities.map((e) => [e.type, e.name, e.mentions.map((m) => m.text)]), [
    ['PERSON', 'Tarvel Osk', ['Tarvel Osk']],
    ['PERSON', 'Ilse Varga', ['Ilse Varga']],
    ['ORG', 'Mr Smith Co. Ltd.', ['Mr Smith Co. Ltd.']],
    ['PERSON', 'Dr', ['Dr']],
  ]);
});
