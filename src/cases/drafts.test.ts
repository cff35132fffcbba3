import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDraft, type DraftInput } from './drafts.js';

const source = { reportId: 'r1', title: 'Union calls for release', url: null, published: '2026-12-01', start: 10, end: 17, excerpt: 'release', speaker: null, trigger: 'release' };
const input = (timeline: DraftInput['timeline']): DraftInput => ({
  name: 'Mara Velin',
  country: null,
  titles: ['journalist'],
  aliases: ['Mara Velin'],
  status: { status: 'detained', reason: 'arrest', since: '2026-11-30' },
  timeline,
  whereabouts: { state: 'suspected', place: null, confirmedAt: null, confirmedBy: null, sourceKind: null, unconfirmedDays: null, lastProofOfLife: null, basis: 'timeline', held: true },
  statements: [],
  outreach: [],
});
const factsOf = (kind: 'appeal' | 'brief', timeline: DraftInput['timeline']) =>
  buildDraft(kind, input(timeline), '2026-12-06').sections.flatMap((s) => s.paragraphs).filter((p) => p.cites.length > 0).map((p) => p.text);

test('a draft tells a call for release as a call, never as a release; a release told as done stays one', () => {
  for (const kind of ['appeal', 'brief'] as const) {
    const asked = factsOf(kind, [
      { type: 'ARREST', modality: 'asserted', date: '2026-11-30', place: 'Orsk-Dal', agent: 'police', sources: [source] },
      { type: 'RELEASE', modality: 'hypothetical', date: null, place: null, agent: 'the government', sources: [source] },
      { type: 'CONVICTION', modality: 'hypothetical', date: null, place: null, agent: null, sources: [source] },
    ]);
    assert.ok(asked.some((t) => /was arrested in Orsk-Dal by police/.test(t)), asked.join(' / '));
    assert.ok(!asked.some((t) => /was released|was convicted/.test(t)), asked.join(' / '));
    assert.ok(asked.some((t) => /Mara Velin's release was called for, sought or offered on conditions/.test(t)), asked.join(' / '));
    assert.ok(asked.some((t) => /Mara Velin faced a possible conviction or sentence/.test(t)), asked.join(' / '));
    // the agent of a call ("by the government") is whom it asks, not who freed her
    assert.ok(!asked.some((t) => /release.*by the government/.test(t)), asked.join(' / '));
  }
  const done = factsOf('appeal', [{ type: 'RELEASE', modality: 'asserted', date: '2026-12-02', place: null, agent: null, sources: [source] }]);
  assert.deepEqual(done, ['On 2026-12-02, Mara Velin was released.']);
  const other = factsOf('appeal', [{ type: 'KILLING', modality: 'hypothetical', date: null, place: null, agent: null, sources: [source] }]);
  assert.match(other[0]!, /faced the threat or risk of killing \(not reported as done\)/);
});

test('a draft says a released person is not held, not that their whereabouts are unknown', () => {
  const free = { ...input([]), status: { status: 'released', reason: 'release', since: '2026-12-02' }, whereabouts: { ...input([]).whereabouts, state: 'unknown' as const, held: false } };
  const text = buildDraft('appeal', free, '2026-12-06').sections.flatMap((s) => s.paragraphs).map((p) => p.text).join(' ');
  assert.match(text, /No report says Mara Velin is held: the case status is released/);
  assert.doesNotMatch(text, /whereabouts is on file; they are unknown/);
  assert.doesNotMatch(text, /is held without charge/, 'the concerns do not say a free person is held');
  const held = buildDraft('appeal', input([]), '2026-12-06').sections.flatMap((s) => s.paragraphs).map((p) => p.text).join(' ');
  assert.match(held, /No confirmation of Mara Velin's whereabouts is on file; they are suspected/);
  assert.match(held, /is held without charge/);
});
