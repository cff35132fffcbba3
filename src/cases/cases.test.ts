import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CaseView } from './alerts.js';
import { evaluateRules } from './alerts.js';
import { decide, scoreMatch } from './match.js';
import { compareNames, jaroWinkler, normalizeName } from './names.js';
import type { TimelineEntry } from './status.js';
import { deriveStatus } from './status.js';
import { bestDate, compareDates, conflictingDates, fit } from './timeline.js';

describe('names', () => {
  test('normalised without case, diacritics or punctuation; other scripts kept', () => {
    assert.equal(normalizeName('  Jörán  Al-Demir. '), 'joran al demir');
    assert.equal(normalizeName('Рат Ротт'), 'рат ротт');
  });
  test('Jaro-Winkler on the textbook pairs', () => {
    assert.equal(jaroWinkler('martha', 'marhta').toFixed(4), '0.9611');
    assert.equal(jaroWinkler('dixon', 'dicksonx').toFixed(4), '0.8133');
    assert.equal(jaroWinkler('abc', 'xyz'), 0);
  });
  test('a one-letter transliteration costs little; a shared family name alone is not a match', () => {
    assert.ok(compareNames('Rath Rott Mony', 'Rath Rott Muny').score > 0.9);
    assert.ok(compareNames('Rath Rott Mony', 'Rath Sokha').score < 0.6);
    assert.deepEqual(compareNames('Drost', 'Pavel Drost'), { score: 0.5, subset: true });
    assert.ok(compareNames('Aldemir Joran', 'Joran Aldemir').score === 1, 'token order does not matter');
  });
});

describe('person matching', () => {
  test('same name and country: linked without asking', () => {
    const m = scoreMatch({ names: ['Joran Aldemir'], country: 'VLM' }, { names: ['Joran Aldemir'], country: 'VLM' });
    assert.equal(decide(m.score), 'same');
  });
  test('a partial name goes to review, a different country lowers the score', () => {
    assert.equal(decide(scoreMatch({ names: ['Pavel Drost'] }, { names: ['Pavel Ilyich Drost'] }).score), 'review');
    const two = scoreMatch({ names: ['Ahmed Hassan'], country: 'EGY' }, { names: ['Ahmed Hassan'], country: 'SDN' });
    assert.equal(decide(two.score), 'review');
    assert.ok(two.reasons.some((r) => r.includes('different countries')));
  });
  test('company kept raises a near match over the line', () => {
    const alone = scoreMatch({ names: ['Edda Rusk'] }, { names: ['Eda Rusk'] });
    const withContext = scoreMatch({ names: ['Edda Rusk'], context: ['karsvik herald', 'karsvik'] }, { names: ['Eda Rusk'], context: ['karsvik herald', 'karsvik'] });
    assert.ok(withContext.score > alone.score);
  });
});

describe('timeline tellings', () => {
  const arrest = (value: string | null, precision: 'day' | 'month' = 'day') => ({ type: 'ARREST' as const, modality: 'asserted' as const, date: value ? { value, precision } : null, country: null });
  test('dates agree at the coarser precision, conflict within three days, differ beyond', () => {
    assert.equal(compareDates({ value: '2026-11', precision: 'month' }, { value: '2026-11-16', precision: 'day' }), 'agree');
    assert.equal(compareDates({ value: '2026-11-16', precision: 'day' }, { value: '2026-11-17', precision: 'day' }), 'conflict');
    assert.equal(compareDates({ value: '2026-11-16', precision: 'day' }, { value: '2026-10-02', precision: 'day' }), 'differ');
  });
  test('a telling joins the event it retells; an exact date beats a conflicting one', () => {
    assert.ok(fit(arrest('2026-11-16'), [arrest('2026-11-16')]).score > fit(arrest('2026-11-16'), [arrest('2026-11-17')]).score);
    assert.equal(fit(arrest('2026-11-16'), [arrest('2026-11-17')]).conflict, true);
    assert.equal(fit(arrest('2026-11-16'), [arrest('2025-01-02')]).score, 0);
    assert.equal(fit({ ...arrest(null), modality: 'negated' }, [arrest(null)]).score, 0, 'a denied arrest is not the arrest');
    assert.equal(fit({ ...arrest(null), country: 'THA' }, [{ ...arrest(null), country: 'KHM' }]).score, 0);
  });
  test('the shown date is the finest, most told one; distinct days are listed as a conflict', () => {
    assert.deepEqual(bestDate([{ value: '2026-11', precision: 'month' }, { value: '2026-11-16', precision: 'day' }, null]), { value: '2026-11-16', precision: 'day' });
    assert.deepEqual(conflictingDates([{ value: '2026-11-16', precision: 'day' }, { value: '2026-11-17', precision: 'day' }]), ['2026-11-16', '2026-11-17']);
  });
});

const entry = (id: string, type: TimelineEntry['type'], date: string | null, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id,
  type,
  modality: 'asserted',
  date: date ? { value: date, precision: 'day' } : null,
  toldAt: '2026-11-20',
  place: null,
  ...extra,
});

describe('status', () => {
  test('no events: at large', () => assert.equal(deriveStatus([]).status, 'at_large'));
  test('an arrest with a place: detained; without: whereabouts unknown', () => {
    assert.equal(deriveStatus([entry('a', 'ARREST', '2026-11-16', { place: 'Karsvik' })]).status, 'detained');
    assert.equal(deriveStatus([entry('a', 'ARREST', '2026-11-16')]).status, 'whereabouts_unknown');
  });
  test('the newest status-setting event wins; threats and denied charges do not move it', () => {
    const s = deriveStatus([
      entry('a', 'ARREST', '2026-11-16', { place: 'Karsvik' }),
      entry('r', 'RELEASE', '2026-11-18'),
      entry('t', 'THREAT', '2026-11-19'),
      entry('c', 'CHARGE', '2026-11-19', { modality: 'negated' }),
    ]);
    assert.deepEqual([s.status, s.eventId, s.since], ['released', 'r', '2026-11-18']);
  });
  test('a deportation nobody has located since keeps the case at whereabouts unknown', () => {
    const s = deriveStatus([entry('a', 'ARREST', '2026-11-10', { place: 'Karsvik' }), entry('d', 'DEPORTATION', '2026-11-12')]);
    assert.equal(s.status, 'whereabouts_unknown');
    assert.match(s.reason, /no report since/);
  });
});

describe('alert rules', () => {
  const view = (over: Partial<CaseView> = {}): CaseView => ({
    personId: 'p1',
    name: 'Joran Aldemir',
    country: 'VLM',
    status: { status: 'whereabouts_unknown', eventId: 'd', since: '2026-11-16', reason: 'disappearance' },
    entries: [{ ...entry('d', 'DISAPPEARANCE', '2026-11-16'), destinationCountry: null, reportIds: ['r1'] }],
    lastNewsAt: '2026-11-16',
    ...over,
  });
  test('whereabouts unknown longer than N hours, not before', () => {
    const rule = { kind: 'whereabouts_unknown' as const, hours: 48 };
    assert.equal(evaluateRules(view(), [rule], new Date('2026-11-17T12:00:00Z')).length, 0);
    const [a] = evaluateRules(view(), [rule], new Date('2026-11-18T12:00:00Z'));
    assert.deepEqual([a?.kind, a?.eventIds, a?.reportIds], ['whereabouts_unknown', ['d'], ['r1']]);
  });
  test('deported to the country the person fled', () => {
    const v = view({ entries: [{ ...entry('x', 'DEPORTATION', '2026-11-12'), destinationCountry: 'VLM', reportIds: ['r2'] }] });
    assert.equal(evaluateRules(v, [{ kind: 'returned_to_fled_country' }], new Date()).length, 1);
    assert.equal(evaluateRules({ ...v, country: 'KRS' }, [{ kind: 'returned_to_fled_country' }], new Date()).length, 0);
  });
  test('a new charge only when it is new; no news for N days while detained', () => {
    const v = view({ entries: [{ ...entry('c', 'CHARGE', '2026-11-12'), destinationCountry: null, reportIds: ['r3'] }] });
    assert.equal(evaluateRules(v, [{ kind: 'new_event', types: ['CHARGE'] }], new Date(), new Set()).length, 0);
    assert.equal(evaluateRules(v, [{ kind: 'new_event', types: ['CHARGE'] }], new Date(), new Set(['c'])).length, 1);
    assert.equal(evaluateRules(view(), [{ kind: 'no_news', days: 7 }], new Date('2026-11-30T00:00:00Z')).length, 1);
    assert.equal(evaluateRules(view(), [{ kind: 'no_news', days: 7 }], new Date('2026-11-20T00:00:00Z')).length, 0);
  });
});
