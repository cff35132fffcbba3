import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AlertCandidate, CaseView } from './alerts.js';
import { decideAlert, escalates, evaluateRules } from './alerts.js';

// Where a new alert candidate goes, given the person's alert of the same episode (README "It raises
// alerts a desk can live with"): one open alert per person per episode, nothing that should page
// buried in it, and an episode the desk acknowledged left alone unless the news is worse.
type C = Pick<AlertCandidate, 'kind' | 'urgent' | 'status'>;
const news = (over: Partial<C> = {}): C => ({ kind: 'new_event', urgent: true, status: 'whereabouts_unknown', ...over });
const timed = (kind: C['kind'] = 'whereabouts_unknown'): C => ({ kind, urgent: true, status: 'detained' });
const unread = (status: C['status'] = 'detained') => ({ acknowledged: false, status: status ?? null });
const acked = (status: C['status'] = 'detained') => ({ acknowledged: true, status: status ?? null });

describe('where an alert candidate goes', () => {
  test('no alert of the episode: a new alert', () => {
    assert.deepEqual(decideAlert(news(), null), { action: 'raise' });
    assert.deepEqual(decideAlert(news({ urgent: false }), null), { action: 'raise' }, 'a backfill is listed all the same');
  });

  test('an open alert takes every candidate; an urgent one is told as new (a clock that ran out is never buried)', () => {
    for (const kind of ['whereabouts_unknown', 'proof_of_life', 'no_news'] as const) assert.deepEqual(decideAlert(timed(kind), unread()), { action: 'fold', notify: true }, kind);
    assert.deepEqual(decideAlert(news(), unread('whereabouts_unknown')), { action: 'fold', notify: true }, 'news of the same status, unread: still told');
    assert.deepEqual(decideAlert(news({ urgent: false }), unread()), { action: 'fold', notify: false }, 'a backfill folds quietly');
  });

  test('acknowledged: a time rule that runs out since, or a return to the country fled, is a new alert', () => {
    for (const kind of ['whereabouts_unknown', 'proof_of_life', 'no_news'] as const) assert.deepEqual(decideAlert(timed(kind), acked('whereabouts_unknown')), { action: 'raise' }, kind);
    assert.deepEqual(decideAlert(news({ kind: 'returned_to_fled_country', status: 'deported' }), acked('detained')), { action: 'raise' });
  });

  test('acknowledged: a repeated or lesser fact is attached; a worse status is a new alert', () => {
    // an abduction told after the disappearance the desk acknowledged: still missing
    assert.deepEqual(decideAlert(news({ status: 'whereabouts_unknown' }), acked('whereabouts_unknown')), { action: 'attach' });
    // found in custody: good news, attached
    assert.deepEqual(decideAlert(news({ status: 'detained' }), acked('whereabouts_unknown')), { action: 'attach' });
    // a charge while held: the case stays detained
    assert.deepEqual(decideAlert(news({ status: 'detained' }), acked('detained')), { action: 'attach' });
    // held, then nobody knows where: paged
    assert.deepEqual(decideAlert(news({ status: 'whereabouts_unknown' }), acked('detained')), { action: 'raise' });
    // sentenced: further down the law's road, paged
    assert.deepEqual(decideAlert(news({ status: 'convicted' }), acked('detained')), { action: 'raise' });
    assert.deepEqual(decideAlert(news({ status: 'convicted' }), acked('whereabouts_unknown')), { action: 'raise' }, 'seen by a court and sentenced: worse on the law, whatever the whereabouts');
    // a backfill never opens a new alert over an acknowledged one
    assert.deepEqual(decideAlert(news({ status: 'whereabouts_unknown', urgent: false }), acked('detained')), { action: 'attach' });
    assert.deepEqual(decideAlert({ ...timed(), urgent: false }, acked('detained')), { action: 'attach' });
  });

  test('a status not known on either side is raised as before, not buried', () => {
    assert.deepEqual(decideAlert(news({ status: 'whereabouts_unknown' }), acked(null)), { action: 'raise' }, 'an alert stored before statuses were kept');
    assert.deepEqual(decideAlert({ kind: 'new_event', urgent: true }, acked('detained')), { action: 'raise' }, 'a caller that gives no status');
  });

  test('worse news, status by status', () => {
    assert.equal(escalates('detained', 'whereabouts_unknown'), true);
    assert.equal(escalates('deported', 'whereabouts_unknown'), true);
    assert.equal(escalates('whereabouts_unknown', 'killed'), true);
    assert.equal(escalates('detained', 'convicted'), true);
    assert.equal(escalates('charged', 'detained'), true, 'charged and free, then held');
    assert.equal(escalates('whereabouts_unknown', 'whereabouts_unknown'), false);
    assert.equal(escalates('whereabouts_unknown', 'detained'), false);
    assert.equal(escalates('convicted', 'detained'), false);
    assert.equal(escalates('detained', 'deported'), false, 'a deportation pages by its own rule when it returns the person to the country fled');
    assert.equal(escalates('detained', 'released'), false);
  });

  test('every candidate the rules raise says the status it was raised under', () => {
    const view: CaseView = {
      personId: 'p1',
      name: 'Invented Person',
      country: 'VLM',
      status: { status: 'whereabouts_unknown', eventId: 'd', since: '2026-11-16', reason: 'disappearance', episode: 'd' },
      entries: [{ id: 'd', type: 'DISAPPEARANCE', modality: 'asserted', date: { value: '2026-11-16', precision: 'day' }, toldAt: '2026-11-16', place: null, destinationCountry: null, reportIds: ['r1'], readAt: '2026-11-16T08:00:00Z' }],
      lastNewsAt: '2026-11-16T08:00:00Z',
    };
    const out = evaluateRules(view, [{ kind: 'whereabouts_unknown', hours: 24 }, { kind: 'new_event', types: ['DISAPPEARANCE'] }, { kind: 'proof_of_life', hours: 1 }], new Date('2026-11-18T08:00:00Z'), new Set(['d']));
    assert.deepEqual(
      out.map((c) => [c.kind, c.status]),
      [
        ['whereabouts_unknown', 'whereabouts_unknown'],
        ['new_event', 'whereabouts_unknown'],
        ['proof_of_life', 'whereabouts_unknown'],
      ],
    );
  });
});
