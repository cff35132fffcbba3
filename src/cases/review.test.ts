import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AlertRule, CaseEntry, CaseView } from './alerts.js';
import { evaluateRules, nextReviewAt } from './alerts.js';

// When the scheduler must look at a case again (issue #36): the first instant after `now` at
// which a time rule could newly fire, as a pure function of the case and the rules. Invented case.
const READ = '2026-11-16T08:00:00.000Z';
const H = 3_600_000;
const at = (hours: number) => new Date(Date.parse(READ) + hours * H);
const iso = (hours: number, ms = 0) => new Date(Date.parse(READ) + hours * H + ms).toISOString();

const disappearance: CaseEntry = { id: 'd', type: 'DISAPPEARANCE', modality: 'asserted', date: { value: '2026-11-15', precision: 'day' }, toldAt: '2026-11-16', place: null, destinationCountry: null, reportIds: ['r1'], readAt: READ };
const view = (over: Partial<CaseView> = {}): CaseView => ({
  personId: 'p1',
  name: 'Ilse Varenko',
  country: 'VLM',
  status: { status: 'whereabouts_unknown', eventId: 'd', since: '2026-11-15', reason: 'disappearance', episode: 'd' },
  entries: [disappearance],
  lastNewsAt: READ,
  ...over,
});
const unknown24: AlertRule = { kind: 'whereabouts_unknown', hours: 24 };
const noNews7: AlertRule = { kind: 'no_news', days: 7 };
const proof48: AlertRule = { kind: 'proof_of_life', hours: 48 };

describe('when a case is due for review', () => {
  test('a rule that fires after 24 h makes the case due at the first millisecond past 24 h, and not a millisecond before', () => {
    const due = nextReviewAt(view(), [unknown24], at(1));
    assert.equal(due, iso(24, 1));
    assert.equal(evaluateRules(view(), [unknown24], new Date(Date.parse(due!) - 1)).length, 0, 'nothing at exactly 24 h');
    assert.equal(evaluateRules(view(), [unknown24], new Date(due!)).length, 1, 'fires at the due instant');
  });

  test('strictly after now: asked at the due instant itself, the rule is firing now and nothing else is due', () => {
    assert.equal(nextReviewAt(view(), [unknown24], new Date(iso(24, 1))), null);
    // a millisecond before, it is still ahead
    assert.equal(nextReviewAt(view(), [unknown24], new Date(iso(24))), iso(24, 1));
  });

  test('must not: a rule that has fired for this episode keeps nothing due; the next rule still does', () => {
    assert.equal(nextReviewAt(view(), [unknown24], at(25)), null, 'the whereabouts alert is raised at hour 25, once per episode');
    assert.equal(nextReviewAt(view(), [unknown24, noNews7], at(25)), iso(7 * 24, 1), 'no news for 7 days is still ahead');
    assert.equal(nextReviewAt(view(), [unknown24, noNews7], at(7 * 24 + 1)), null, 'both fired');
  });

  test('must not: a released case, a backfill and a person a report places are never due for the rule that cannot fire', () => {
    const released = view({ status: { status: 'released', eventId: 'r', since: '2026-11-17', reason: 'release', episode: null }, entries: [disappearance, { ...disappearance, id: 'r', type: 'RELEASE', readAt: iso(20) }] });
    assert.equal(nextReviewAt(released, [unknown24, noNews7, proof48], at(1)), null);
    const backfill = view({ entries: [{ ...disappearance, backfill: true }] });
    assert.equal(nextReviewAt(backfill, [unknown24, noNews7, proof48], at(1)), null);
    const placed = view({ status: { status: 'detained', eventId: 'd', since: '2026-11-15', reason: 'arrest', episode: 'd', heldAt: { place: 'Orvane prison', reportId: 'r1', eventId: 'e1', start: 0, end: 13 } } });
    assert.equal(nextReviewAt(placed, [unknown24], at(1)), null, 'placed by a report: no "no confirmation" alert');
    assert.equal(nextReviewAt(placed, [unknown24, noNews7], at(1)), iso(7 * 24, 1), 'still held: no news can still fire');
  });

  test('must not: rules that do not depend on the time keep nothing due', () => {
    assert.equal(nextReviewAt(view(), [{ kind: 'new_event', types: ['CHARGE'] }, { kind: 'returned_to_fled_country' }], at(1)), null);
    assert.equal(nextReviewAt(view(), [], at(1)), null);
  });

  test("an analyst's confirmation of the whereabouts pushes the rule later, from the confirmation", () => {
    const confirmed = view({ lastConfirmedAt: iso(10) });
    assert.equal(nextReviewAt(confirmed, [unknown24], at(11)), iso(34, 1));
    // a confirmation after the rule fired does not open the episode's alert again
    assert.equal(nextReviewAt(view({ lastConfirmedAt: iso(30) }), [unknown24], at(31)), iso(54, 1), 'due again: the same key, which raiseAlert keeps once');
  });

  test('a new proof of life starts a new clock (a new alert key); an old one changes nothing', () => {
    assert.equal(nextReviewAt(view(), [proof48], at(1)), iso(48, 1), 'counted from the report when there is no contact');
    assert.equal(nextReviewAt(view(), [proof48], at(49)), null, 'fired');
    assert.equal(nextReviewAt(view({ lastProofOfLife: iso(60) }), [proof48], at(61)), iso(108, 1));
    assert.equal(nextReviewAt(view({ lastProofOfLife: iso(-10) }), [proof48], at(1)), iso(48, 1), 'a contact before the report was read');
  });

  test("an analyst's held status with no event behind it: only proof of life can fire, from the last contact", () => {
    const analyst = view({ status: { status: 'detained', eventId: null, since: null, reason: 'set by an analyst', episode: null }, lastProofOfLife: iso(2) });
    assert.equal(nextReviewAt(analyst, [unknown24, noNews7, proof48], at(3)), iso(50, 1));
  });

  test('two rules whose alerts share a key count by the first to run out', () => {
    const unknown48: AlertRule = { kind: 'whereabouts_unknown', hours: 48 };
    assert.equal(nextReviewAt(view(), [unknown48, unknown24], at(1)), iso(24, 1));
    assert.equal(nextReviewAt(view(), [unknown48, unknown24], at(30)), null, 'the 48 h rule would find the key taken');
  });

  test('fractional hours and days are due at the first millisecond the rule agrees has passed', () => {
    for (const rule of [{ kind: 'whereabouts_unknown', hours: 0.1 }, { kind: 'proof_of_life', hours: 1 / 3 }, { kind: 'no_news', days: 0.7 }] as AlertRule[]) {
      const due = Date.parse(nextReviewAt(view(), [rule], at(0))!);
      assert.equal(evaluateRules(view(), [rule], new Date(due - 1)).length, 0, JSON.stringify(rule));
      assert.equal(evaluateRules(view(), [rule], new Date(due)).length, 1, JSON.stringify(rule));
    }
  });

  // The two functions agree: before the due instant no alert key appears that was not raised at
  // `now`, at it one does; with nothing due, none appears in the next twenty years.
  test('agrees with evaluateRules over many invented cases and rule sets', () => {
    let seed = 36;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const keys = (v: CaseView, rules: AlertRule[], ms: number) => new Set(evaluateRules(v, rules, new Date(ms)).map((a) => a.key));
    for (let i = 0; i < 400; i++) {
      const rules: AlertRule[] = [];
      for (let k = 0; k < 1 + Math.floor(rand() * 4); k++) {
        rules.push(pick<AlertRule>([{ kind: 'whereabouts_unknown', hours: 1 + Math.floor(rand() * 96) }, { kind: 'proof_of_life', hours: 1 + rand() * 96 }, { kind: 'no_news', days: 1 + Math.floor(rand() * 10) }, { kind: 'returned_to_fled_country' }]));
      }
      const v = view({
        status: { ...view().status, status: pick(['whereabouts_unknown', 'detained', 'charged', 'released', 'at_large'] as const) },
        entries: [{ ...disappearance, backfill: rand() < 0.1 }],
        lastNewsAt: iso(Math.floor(rand() * 48)),
        lastConfirmedAt: rand() < 0.3 ? iso(Math.floor(rand() * 100)) : null,
        lastProofOfLife: rand() < 0.3 ? iso(Math.floor(rand() * 100)) : null,
      });
      const now = Date.parse(READ) + Math.floor(rand() * 300 * H);
      const before = keys(v, rules, now);
      const due = nextReviewAt(v, rules, new Date(now));
      const news = (ms: number) => [...keys(v, rules, ms)].filter((k) => !before.has(k));
      if (due === null) {
        assert.deepEqual(news(now + 20 * 365 * 24 * H), [], JSON.stringify({ v, rules, now }));
        continue;
      }
      assert.ok(Date.parse(due) > now, 'strictly after now');
      assert.deepEqual(news(Date.parse(due) - 1), [], JSON.stringify({ v, rules, now, due }));
      assert.notDeepEqual(news(Date.parse(due)), [], JSON.stringify({ v, rules, now, due }));
    }
  });
});
