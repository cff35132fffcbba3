import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity, ExtractionDocument } from '../text/types.js';
import { gradeClaim } from './grading.js';

// Invented people and bodies. An affiliation names its organisation by entity id, as the
// coreference writes it: the grade reads the organisation's name, not the id.
const TEXT = 'Lio Brand, a member of the Interior Ministry, and Sefa Orun, a coordinator with the Vestapan Rights Network, spoke.';
const span = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length, text: s });
const ent = (id: string, type: Entity['type'], name: string, extra: Partial<Entity> = {}): Entity => ({ id, type, name, mentions: [{ ...span(name), kind: 'name' }], ...extra });
const doc: ExtractionDocument = {
  published: '2025-01-01',
  text: TEXT,
  offsets: 'utf16',
  sentences: [{ start: 0, end: TEXT.length }],
  tokens: [],
  entities: [
    ent('e1', 'PERSON', 'Lio Brand', { affiliations: [{ title: 'member', org: 'e3' }] }),
    ent('e2', 'PERSON', 'Sefa Orun', { affiliations: [{ title: 'coordinator', org: 'e4' }] }),
    ent('e3', 'ORG', 'Interior Ministry'),
    ent('e4', 'ORG', 'Vestapan Rights Network'),
  ],
  timexes: [],
  quotes: [],
  events: [],
};

test("a speaker's organisation, named by entity id, grades the claim: a ministry is official, a rights network an NGO", () => {
  assert.equal(gradeClaim(doc, { entity: 'e1', text: 'Lio Brand' }, 'it happened').kind, 'official');
  assert.equal(gradeClaim(doc, { entity: 'e2', text: 'Sefa Orun' }, 'it happened').kind, 'ngo');
});
