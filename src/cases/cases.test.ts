import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CaseView } from './alerts.js';
import { evaluateRules, isBackfill, readTime } from './alerts.js';
import { decide, scoreMatch } from './match.js';
import { compareNames, jaroWinkler, normalizeName } from './names.js';
import type { TimelineEntry } from './status.js';
import { deriveStatus, tellsNewRound, tellsRepeat } from './status.js';
import { joinsRound } from '../extractors/events/rounds.js';
import { bestDate, compareDates, conflictingDates, fit } from './timeline.js';
import { caseCountry, dominantCountry, sentenceCountries } from './country.js';
import type { ExtractionDocument } from '../text/types.js';

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

describe('person matching does not merge strangers', () => {
  const decision = (a: string, b: string, context: string[] = []) => decide(scoreMatch({ names: [a], country: 'VLM', context }, { names: [b], country: 'VLM', context }).score);
  const company = ['karsvik herald', 'velmora dockworkers union', 'karsvik'];
  test('one shared family or given name is never enough, whatever company they keep', () => {
    assert.equal(decision('Zhang Zhan', 'Zhang Jialong', company), 'new');
    assert.equal(decision('Hamse Abdi Ahmed', 'Abdifatah Mohamed Abdi', company), 'new');
    assert.equal(decision('bin Salman', 'Abdifatah', company), 'new');
    assert.equal(decision('Jialong', 'Zhang Jialong', company), 'new', 'a Chinese name alone is its family name, written first');
    assert.equal(decision('Oska Brandt', 'Oska Velde', company), 'new');
  });
  test('honorifics, particles, diacritics and name order', () => {
    assert.equal(decision('Mr Jalingo', 'Agba Jalingo'), 'review', 'the family name alone: an analyst decides');
    assert.equal(decision('Mr Jalingo', 'Agba Jalingo', company), 'same', 'and company kept decides it');
    assert.equal(decision('Zhang', 'Zhang Jialong'), 'review');
    assert.equal(decision('Loujain al-Hathloul', 'Loujain Alhathloul'), 'same');
    assert.equal(decision('Loujain el-Hathloul', 'Loujain al Hathloul'), 'same');
    assert.equal(decision('Jørán Łukasz', 'Joran Lukasz'), 'same');
    assert.equal(decision('Jialong Zhang', 'Zhang Jialong'), 'same');
    assert.equal(normalizeName('Łukasz Øster Straße'), 'lukasz oster strasse');
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

const held = (place: string): NonNullable<TimelineEntry['heldAt']> => ({ place, reportId: 'r1', eventId: 'e1', start: 10, end: 10 + place.length });

// ONTOLOGY "Case status" as revised by issue #34: an arrest with no place is `detained` (place not
// stated), not `whereabouts_unknown`; a deportation nobody has located is `deported`.
describe('status', () => {
  test('no events: at large', () => assert.equal(deriveStatus([]).status, 'at_large'));
  test('a disappearance told through someone and not yet accepted leaves the status, and the reason says it waits', () => {
    const d = deriveStatus([entry('a', 'DISAPPEARANCE', '2026-11-16', { modality: 'reported' })]);
    assert.equal(d.status, 'at_large');
    assert.match(d.reason, /disappearance reported through someone, not yet accepted/);
    // must not match: a threat told through someone sets no status and is not waited on
    assert.equal(deriveStatus([entry('b', 'THREAT', '2026-11-16', { modality: 'reported' })]).reason, 'no report of detention, disappearance or release');
  });
  test('an arrest is detention, with where the report says the person is held, else "place not stated"', () => {
    const placed = deriveStatus([entry('a', 'ARREST', '2026-11-16', { place: 'Velmora', heldAt: held('the central police station of Karsvik') })]);
    assert.deepEqual([placed.status, placed.heldAt?.place, placed.heldAt?.reportId], ['detained', 'the central police station of Karsvik', 'r1']);
    const bare = deriveStatus([entry('a', 'ARREST', '2026-11-16')]);
    assert.equal(bare.status, 'detained');
    assert.match(bare.reason, /place not stated/);
    assert.equal(bare.heldAt, null);
  });
  test("the reason gives an undated fact the day it was reported, never as its date", () => {
    const r = deriveStatus([entry('a', 'ARREST', '2026-11-16'), entry('c', 'CHARGE', null, { toldAt: '2026-11-18T09:00:00Z' })]);
    assert.equal(r.status, 'detained');
    assert.match(r.reason, /^arrest on 2026-11-16; charged \(charge reported 2026-11-18, undated\)/);
    assert.doesNotMatch(r.reason, /charge on 2026-11-18/);
  });
  test('charged or sentenced after going into exile, with no arrest since, is still in exile (in absentia)', () => {
    const charged = deriveStatus([entry('x', 'ASYLUM_REQUEST', '2024-10'), entry('c', 'CHARGE', '2025-01')]);
    assert.equal(charged.status, 'in_exile');
    assert.match(charged.reason, /^asylum_request on 2024-10; charged \(charge on 2025-01\)/);
    assert.equal(deriveStatus([entry('x', 'ASYLUM_REQUEST', '2024-10'), entry('v', 'CONVICTION', '2025-02')]).status, 'in_exile');
    // must not hold: arrested after coming back, or charged before leaving
    assert.equal(deriveStatus([entry('x', 'ASYLUM_REQUEST', '2024-10'), entry('a', 'ARREST', '2025-01'), entry('c', 'CHARGE', '2025-02')]).status, 'detained');
    assert.equal(deriveStatus([entry('c', 'CHARGE', '2024-01'), entry('x', 'ASYLUM_REQUEST', '2024-10')]).status, 'in_exile');
    assert.equal(deriveStatus([entry('c', 'CHARGE', '2025-01')]).status, 'charged');
  });
  test('whereabouts unknown only from a disappearance, an abduction or a report that says so', () => {
    assert.equal(deriveStatus([entry('d', 'DISAPPEARANCE', '2026-11-16')]).status, 'whereabouts_unknown');
    assert.equal(deriveStatus([entry('b', 'ABDUCTION', '2026-11-16')]).status, 'whereabouts_unknown');
    const incommunicado = deriveStatus([entry('a', 'ARREST', '2026-11-16', { whereaboutsUnknown: true })]);
    assert.equal(incommunicado.status, 'whereabouts_unknown');
    assert.match(incommunicado.reason, /whereabouts are not known/);
  });
  test('an abduction a report places ("abducted and taken to the central police station") is a detention there', () => {
    const placed = deriveStatus([entry('b', 'ABDUCTION', '2026-11-16', { heldAt: held('the central police station of Karsvik') })]);
    assert.deepEqual([placed.status, placed.heldAt?.place], ['detained', 'the central police station of Karsvik']);
    // must not match: a place named but the whereabouts said unknown, or no place at all
    assert.equal(deriveStatus([entry('b', 'ABDUCTION', '2026-11-16', { heldAt: held('Karsvik'), whereaboutsUnknown: true })]).status, 'whereabouts_unknown');
    assert.equal(deriveStatus([entry('d', 'DISAPPEARANCE', '2026-11-16')]).status, 'whereabouts_unknown');
  });
  test('an abduction and an arrest told undated together: seized, then jailed, is a detention', () => {
    const undated = (id: string, type: TimelineEntry['type']): TimelineEntry => entry(id, type, null);
    assert.equal(deriveStatus([undated('j', 'ARREST'), undated('b', 'ABDUCTION')]).status, 'detained');
    // must not match: one who vanishes from custody is gone, whatever order the report tells it in
    assert.equal(deriveStatus([undated('d', 'DISAPPEARANCE'), undated('a', 'ARREST')]).status, 'whereabouts_unknown');
  });
  test('deported and lost the same day: the disappearance comes after the deportation, whatever order the report tells them in', () => {
    assert.equal(deriveStatus([entry('l', 'DISAPPEARANCE', null), entry('d', 'DEPORTATION', '2026-11-16')]).status, 'whereabouts_unknown');
    assert.equal(deriveStatus([entry('d', 'DEPORTATION', '2026-11-16'), entry('l', 'DISAPPEARANCE', '2026-11-16')]).status, 'whereabouts_unknown');
    // must not match: a deportation dated after the disappearance, and a release refused told with a deportation
    assert.equal(deriveStatus([entry('l', 'DISAPPEARANCE', '2026-11-10'), entry('d', 'DEPORTATION', '2026-11-16')]).status, 'deported');
    assert.equal(deriveStatus([entry('b', 'RELEASE', '2026-11-16', { modality: 'negated' }), entry('d', 'DEPORTATION', '2026-11-16')]).status, 'deported');
  });
  test('a release refused (bail denied, "yet to be released") is custody: detained, and a conviction stays', () => {
    const charged = deriveStatus([entry('c', 'CHARGE', '2026-11-10'), entry('b', 'RELEASE', '2026-11-12', { modality: 'negated' })]);
    assert.deepEqual([charged.status, charged.eventId], ['detained', 'b']);
    assert.match(charged.reason, /release refused/);
    const convicted = deriveStatus([entry('v', 'CONVICTION', '2026-11-10'), entry('b', 'RELEASE', '2026-11-12', { modality: 'negated' })]);
    assert.equal(convicted.status, 'convicted');
    // must not match: a release called for is not custody, nor is a refusal before a real release
    assert.equal(deriveStatus([entry('h', 'RELEASE', '2026-11-12', { modality: 'hypothetical' })]).status, 'at_large');
    assert.equal(deriveStatus([entry('b', 'RELEASE', '2026-11-12', { modality: 'negated' }), entry('r', 'RELEASE', '2026-11-15')]).status, 'released');
    // an undated refusal told after a dated grant ("granted her bail on Friday … hasn't been granted bail", quoted from before)
    assert.equal(deriveStatus([entry('a', 'ARREST', null), entry('r', 'RELEASE', '2026-11-15'), entry('b', 'RELEASE', null, { modality: 'negated' })]).status, 'released');
  });
  test('the newest status-setting fact wins; threats and denied charges do not move it', () => {
    const s = deriveStatus([
      entry('a', 'ARREST', '2026-11-16', { place: 'Karsvik' }),
      entry('r', 'RELEASE', '2026-11-18'),
      entry('t', 'THREAT', '2026-11-19'),
      entry('c', 'CHARGE', '2026-11-19', { modality: 'negated' }),
    ]);
    assert.deepEqual([s.status, s.eventId, s.since, s.heldAt], ['released', 'r', '2026-11-18', null]);
  });
  test('a call for release releases nobody; a reported release only once an analyst accepts it', () => {
    const arrest = entry('a', 'ARREST', '2026-11-16', { heldAt: held('Karsvik prison') });
    assert.equal(deriveStatus([arrest, entry('r', 'RELEASE', null, { modality: 'hypothetical' })]).status, 'detained');
    assert.equal(deriveStatus([arrest, entry('r', 'RELEASE', null, { modality: 'future' })]).status, 'detained');
    assert.equal(deriveStatus([arrest, entry('r', 'RELEASE', '2026-11-18', { modality: 'reported' })]).status, 'detained');
    assert.equal(deriveStatus([arrest, entry('r', 'RELEASE', '2026-11-18', { modality: 'reported', accepted: true })]).status, 'released');
  });
  test('held-at holds through the episode (a charge after the arrest) and ends with a release', () => {
    const s = deriveStatus([entry('a', 'ARREST', '2026-11-10', { heldAt: held('Orvane remand centre') }), entry('c', 'CHARGE', '2026-11-12')]);
    assert.deepEqual([s.status, s.eventId, s.heldAt?.place, s.episode], ['detained', 'a', 'Orvane remand centre', 'a'], 'charged while held is detained');
    assert.match(s.reason, /charged \(charge on 2026-11-12\)/);
    const again = deriveStatus([entry('a', 'ARREST', '2026-11-10', { heldAt: held('Orvane remand centre') }), entry('r', 'RELEASE', '2026-11-12'), entry('b', 'ARREST', '2026-11-20')]);
    assert.deepEqual([again.status, again.heldAt, again.episode], ['detained', null, 'b'], 'a new arrest is a new episode');
  });
  test('an episode keeps its name when a later report tells an earlier step of it', () => {
    // an undated disappearance on file first, then "abducted on the 20th": the abduction sorts first
    const gone = entry('d', 'DISAPPEARANCE', null, { toldAt: '2026-11-20', recordedAt: '2026-11-20T09:00:00.000Z' });
    const taken = entry('b', 'ABDUCTION', '2026-11-20', { toldAt: '2026-11-22', recordedAt: '2026-11-22T10:00:00.000Z' });
    const s = deriveStatus([gone, taken]);
    assert.deepEqual([s.status, s.episode], ['whereabouts_unknown', 'd'], 'named by the opener on file first');
    // told together by one report: named by time, as before (the abduction before the disappearance)
    const together = deriveStatus([{ ...gone, recordedAt: '2026-11-22T10:00:00.000Z' }, taken]);
    assert.equal(together.episode, 'b');
    assert.equal(deriveStatus([entry('d', 'DISAPPEARANCE', null), entry('b', 'ABDUCTION', '2026-11-20')]).episode, 'b', 'no recording times: by time alone');
    // an arrest on file before everything else, but before a release: not of this episode
    const round = deriveStatus([entry('a', 'ARREST', '2026-11-10', { recordedAt: '2026-11-10T00:00:00.000Z' }), entry('r', 'RELEASE', '2026-11-12', { recordedAt: '2026-11-21T00:00:00.000Z' }), { ...gone, date: { value: '2026-11-16', precision: 'day' } }]);
    assert.equal(round.episode, 'd', 'the episode is the one since the release, whatever was recorded before it');
    // a custody refused release is an opener too; a charge is not
    const refused = deriveStatus([entry('c', 'CHARGE', '2026-11-01', { recordedAt: '2026-11-01T00:00:00.000Z' }), entry('a', 'ARREST', '2026-10-30', { recordedAt: '2026-11-05T00:00:00.000Z' }), entry('k', 'RELEASE', '2026-11-03', { modality: 'negated', recordedAt: '2026-11-02T00:00:00.000Z' })]);
    assert.equal(refused.episode, 'k');
  });
  test('a killing is final: an abduction a report tells without a date does not bring the person back', () => {
    const s = deriveStatus([entry('k', 'KILLING', '2026-10-02'), entry('b', 'ABDUCTION', null), entry('a', 'ARREST', null, { toldAt: '2026-11-25' })]);
    assert.deepEqual([s.status, s.eventId], ['killed', 'k']);
    assert.equal(deriveStatus([entry('b', 'ABDUCTION', '2026-11-01'), entry('k', 'KILLING', null, { modality: 'reported' })]).status, 'whereabouts_unknown', 'a killing only claimed moves nothing');
  });
  test('a release after a conviction frees; an appeal heard or a new charge while held leaves the person convicted', () => {
    assert.equal(deriveStatus([entry('c', 'CONVICTION', '2025-06-01'), entry('r', 'RELEASE', '2026-11-12')]).status, 'released');
    const appealed = deriveStatus([entry('a', 'ARREST', '2025-01-10'), entry('c', 'CONVICTION', '2025-06-01'), entry('t', 'TRIAL', '2026-11-12'), entry('h', 'CHARGE', '2026-11-14')]);
    assert.deepEqual([appealed.status, appealed.eventId], ['convicted', 'c']);
    assert.equal(deriveStatus([entry('h', 'CHARGE', '2026-11-01'), entry('a', 'ARREST', null)]).status, 'detained', 'an undated arrest with a charge: held and charged');
    assert.equal(deriveStatus([entry('c', 'CONVICTION', '2025-06-01'), entry('a', 'ARREST', null)]).status, 'convicted', 'an undated arrest does not undo the conviction');
    assert.equal(deriveStatus([entry('c', 'CONVICTION', '2025-06-01'), entry('r', 'RELEASE', '2026-01-01'), entry('a', 'ARREST', '2026-11-12')]).status, 'detained', 'once freed, a new arrest starts again');
  });
  test('charged and not known to be held is `charged`; charged while held is `detained`, set by the arrest', () => {
    assert.equal(deriveStatus([entry('h', 'CHARGE', '2026-11-01')]).status, 'charged');
    assert.equal(deriveStatus([entry('t', 'TRIAL', '2026-11-01'), entry('h', 'CHARGE', '2026-11-02')]).status, 'charged');
    const held = deriveStatus([entry('a', 'ARREST', '2026-10-20'), entry('h', 'CHARGE', '2026-11-01'), entry('t', 'TRIAL', '2026-11-05')]);
    assert.deepEqual([held.status, held.eventId], ['detained', 'a']);
    // a release between them: the charge stands alone
    assert.equal(deriveStatus([entry('a', 'ARREST', '2026-10-20'), entry('r', 'RELEASE', '2026-10-22'), entry('h', 'CHARGE', '2026-11-01')]).status, 'charged');
  });
  test('an arrest dated after a conviction is a new detention; one in the same stretch is not', () => {
    // sentenced in 2017, arrested again in 2021: the old conviction is not the status
    const again = deriveStatus([entry('c', 'CONVICTION', '2017'), entry('a', 'ARREST', '2021-10-29'), entry('h', 'CHARGE', '2021-11-09')]);
    assert.deepEqual([again.status, again.eventId], ['detained', 'a']);
    assert.equal(deriveStatus([entry('c', 'CONVICTION', '2021-10-03'), entry('a', 'ARREST', '2021-10-11')]).status, 'detained');
    // arrested, then convicted: convicted; an arrest the same month as the conviction does not undo it
    assert.equal(deriveStatus([entry('a', 'ARREST', '2021-02-01'), entry('c', 'CONVICTION', '2021-12-06')]).status, 'convicted');
    assert.equal(deriveStatus([entry('c', 'CONVICTION', '2021-10'), entry('a', 'ARREST', '2021-10-11')]).status, 'convicted');
  });
  test('undated steps of one report sort with its newest dated one, in the order of a life', () => {
    // "freed in March; he had been sentenced to three years": the sentence is background, not news
    assert.equal(deriveStatus([entry('r', 'RELEASE', '2026-03'), entry('c', 'CONVICTION', null)]).status, 'released');
    // "sentenced in 2021; released after a pardon": the undated release is the news
    assert.equal(deriveStatus([entry('c', 'CONVICTION', '2021'), entry('r', 'RELEASE', null)]).status, 'released');
    // an undated arrest told by a later report is newer than the earlier report's release
    assert.equal(deriveStatus([entry('r', 'RELEASE', '2026-03', { toldAt: '2026-03-05' }), entry('a', 'ARREST', null, { toldAt: '2026-11-20' })]).status, 'detained');
  });
  test('a re-arrest told undated comes after the release its report tells; a plain undated arrest does not', () => {
    // "acquitted and freed in March; later rearrested at his shop"
    assert.equal(deriveStatus([entry('r', 'RELEASE', '2026-03'), entry('a', 'ARREST', null, { repeat: true })]).status, 'detained');
    // "rearrested in March" presupposes a release before it: the undated release its report tells is that one
    assert.equal(deriveStatus([entry('a', 'ARREST', '2026-03', { repeat: true }), entry('r', 'RELEASE', null)]).status, 'detained');
    // "a court ordered his release on Tuesday, but he remains in detention"
    assert.equal(deriveStatus([entry('r', 'RELEASE', '2026-11-17'), entry('a', 'ARREST', '2026-11-17', { repeat: true })]).status, 'detained');
    // must not match: "freed in March after the arrest" tells the arrest as background
    assert.equal(deriveStatus([entry('r', 'RELEASE', '2026-03'), entry('a', 'ARREST', null)]).status, 'released');
  });
  test('tried after an arrest told with "nobody knows where": a court has seen the person, who is detained; charged only, still nobody knows where', () => {
    const lost = entry('a', 'ARREST', '2026-11-02', { whereaboutsUnknown: true });
    assert.equal(deriveStatus([lost, entry('h', 'CHARGE', '2026-11-04'), entry('t', 'TRIAL', '2026-11-04')]).status, 'detained');
    assert.equal(deriveStatus([lost, entry('t', 'TRIAL', '2026-11-04')]).status, 'detained');
    // "charged with subversion; her family has not been told where she is held"
    assert.equal(deriveStatus([lost, entry('h', 'CHARGE', null)]).status, 'whereabouts_unknown');
    // must not match: with nothing after it, the arrest still says nobody knows where
    assert.equal(deriveStatus([lost]).status, 'whereabouts_unknown');
    // must not match: a hearing before this arrest showed the person to no court since
    assert.equal(deriveStatus([entry('t', 'TRIAL', '2026-10-01'), lost, entry('h', 'CHARGE', '2026-11-04')]).status, 'whereabouts_unknown');
  });
  test('which words tell a repeat, or custody going on now', () => {
    for (const t of ['rearrested', 're-arrested', 'Rearrest', 'arrested again', 'again detained', 're-detained', 'remains in detention', 'still being held', 'house arrest']) assert.ok(tellsRepeat(t), t);
    for (const t of ['released', 'arrested', 'detention', 'remanded', 'reported missing', 'rejected', 'remained in custody', 'background']) assert.ok(!tellsRepeat(t), t);
    assert.ok(tellsRepeat('back in prison'));
    // a new round of custody, which never joins a first arrest on the timeline; custody going on is no new round
    for (const t of ['rearrested', 'arrested again', 'back in a cell', 'back behind bars', 're-incarcerated']) assert.ok(tellsNewRound(t), t);
    for (const t of ['remains in detention', 'still being held', 'arrested', 'background check', 'feedback']) assert.ok(!tellsNewRound(t), t);
  });
  test('an undated step sorts with the dated ones its own report tells, even ones first told by an older report', () => {
    // report B retells the December arrest (first told by report A) and calls it an abduction, undated;
    // report C tells the release in March: the abduction is that arrest, not news after the release
    const arrest = entry('a', 'ARREST', '2025-12-10', { toldAt: '2025-12-10', reportIds: ['A', 'B'] });
    const abduction = entry('b', 'ABDUCTION', null, { toldAt: '2026-12-10', reportIds: ['B'] });
    const release = entry('r', 'RELEASE', '2026-03', { toldAt: '2027-03-09', reportIds: ['C'] });
    assert.equal(deriveStatus([arrest, abduction, release]).status, 'released');
    assert.equal(deriveStatus([arrest, abduction]).status, 'detained', 'seized, then held: the arrest is the newer step of the two');
    // must not: an undated arrest told by a report with no dated step is still its own news
    const rearrest = entry('n', 'ARREST', null, { toldAt: '2027-05-01', reportIds: ['D'] });
    assert.equal(deriveStatus([arrest, release, rearrest]).status, 'detained');
  });
  test('an extradition tied with an undated trial and conviction comes before them; a deportation tied with a conviction after it', () => {
    const extradited = entry('x', 'EXTRADITION', '2004', { date: { value: '2004', precision: 'year' }, reportIds: ['R'] });
    const convicted = entry('c', 'CONVICTION', null, { reportIds: ['R'] });
    assert.equal(deriveStatus([extradited, convicted]).status, 'convicted');
    const deported = entry('d', 'DEPORTATION', '2004', { date: { value: '2004', precision: 'year' }, reportIds: ['R'] });
    assert.equal(deriveStatus([deported, convicted]).status, 'deported');
  });
  test('charged or tried after an extradition: held by the state that received the person, detained', () => {
    const s = deriveStatus([entry('a', 'ARREST', '2024-11'), entry('x', 'EXTRADITION', '2025-03'), entry('c', 'CHARGE', null, { reportIds: ['R'] }), entry('t', 'TRIAL', null, { reportIds: ['R'] })]);
    assert.deepEqual([s.status, s.eventId], ['detained', 'x']);
    assert.equal(deriveStatus([entry('x', 'EXTRADITION', '2025-03'), entry('t', 'TRIAL', '2025-05')]).status, 'detained');
    // must not match: an extradition alone is still told as a handover; a release after it frees
    assert.equal(deriveStatus([entry('x', 'EXTRADITION', '2025-03')]).status, 'deported');
    assert.equal(deriveStatus([entry('x', 'EXTRADITION', '2025-03'), entry('c', 'CHARGE', '2025-04'), entry('r', 'RELEASE', '2025-05')]).status, 'released');
  });
  test('"has not been freed and his whereabouts remain unknown": a refusal told with a disappearance leaves the whereabouts unknown', () => {
    const arrest = entry('a', 'ARREST', '2026-11-10', { reportIds: ['R'] });
    const notFreed = entry('n', 'RELEASE', null, { modality: 'negated', reportIds: ['R'] });
    const lost = entry('l', 'DISAPPEARANCE', null, { reportIds: ['R'] });
    assert.equal(deriveStatus([arrest, notFreed, lost]).status, 'whereabouts_unknown');
    assert.equal(deriveStatus([arrest, lost, notFreed]).status, 'whereabouts_unknown');
    // must not match: a refusal dated after the disappearance (a court has seen the person), or no disappearance
    assert.equal(deriveStatus([arrest, entry('l2', 'DISAPPEARANCE', '2026-11-11'), entry('n2', 'RELEASE', '2026-11-20', { modality: 'negated' })]).status, 'detained');
    assert.equal(deriveStatus([arrest, notFreed]).status, 'detained');
  });
  test('lost, then brought before a court: held by those who brought them, detained', () => {
    const lost = entry('l', 'DISAPPEARANCE', '2026-10-01');
    const heard = deriveStatus([lost, entry('c', 'CHARGE', '2026-11-14'), entry('t', 'TRIAL', '2026-11-14')]);
    assert.deepEqual([heard.status, heard.eventId], ['detained', 'l']);
    assert.equal(deriveStatus([entry('b', 'ABDUCTION', '2026-10-01'), entry('t', 'TRIAL', '2026-11-14')]).status, 'detained');
    // must not match: charged with no hearing (read out to a file: still lost), or lost again after the hearing
    const charged = deriveStatus([lost, entry('c', 'CHARGE', '2026-11-14')]);
    assert.deepEqual([charged.status, charged.eventId], ['whereabouts_unknown', 'l']);
    assert.match(charged.reason, /charged \(charge on 2026-11-14\)/);
    assert.equal(deriveStatus([entry('t', 'TRIAL', '2026-09-14'), lost]).status, 'whereabouts_unknown');
  });
  test('a deportation is `deported`, not unknown', () => {
    const s = deriveStatus([entry('a', 'ARREST', '2026-11-10', { place: 'Karsvik' }), entry('d', 'DEPORTATION', '2026-11-12')]);
    assert.equal(s.status, 'deported');
  });
  test('a telling joins a case event only in the same round: a re-arrest joins a re-arrest, a house arrest a house arrest', () => {
    assert.ok(joinsRound('arrested', ['detained', 'arrest']));
    assert.ok(joinsRound('rearrested', ['arrested', 'arrested again']));
    assert.ok(joinsRound('house arrest', ['house arrest', 'detained']));
    // must not join: a new round to the first custody, a house arrest to a cell's, or a cell's to a house arrest
    assert.ok(!joinsRound('rearrested', ['arrested']));
    assert.ok(!joinsRound('house arrest', ['arrested', 'detention']));
    assert.ok(!joinsRound('arrested', ['house arrest']));
  });
  test('a house arrest told with a release comes after it: released from a cell into custody at home', () => {
    // "the judge released him from prison and placed him under house arrest", undated
    const release = entry('r', 'RELEASE', null, { reportIds: ['R'] });
    const home = entry('h', 'ARREST', null, { reportIds: ['R'], repeat: tellsRepeat('house arrest'), heldAt: held('house arrest') });
    assert.equal(deriveStatus([entry('a', 'ARREST', '2025-02-24', { reportIds: ['R'] }), release, home]).status, 'detained');
    // must not hold: a house arrest dated before the release is over
    assert.equal(deriveStatus([{ ...home, date: { value: '2024-01', precision: 'month' } }, { ...release, date: { value: '2025-03', precision: 'month' } }]).status, 'released');
  });
  test('an undated step sorts with the newest date its report tells as happened, not with a hearing to come', () => {
    // "detained on Monday and released on 15 April; she is to appear in court on 30 April": the arrest is undated
    const arrest = entry('a', 'ARREST', null, { reportIds: ['R'] });
    const release = entry('r', 'RELEASE', '2025-04-15', { reportIds: ['R'] });
    const hearing = entry('t', 'TRIAL', '2025-04-30', { modality: 'future', reportIds: ['R'] });
    assert.equal(deriveStatus([arrest, release, hearing]).status, 'released');
    // must still hold: a hearing that took place dates the report's undated arrest after the release
    assert.equal(deriveStatus([arrest, release, { ...hearing, modality: 'asserted' }]).status, 'detained');
  });
});

describe('alert rules', () => {
  const view = (over: Partial<CaseView> = {}): CaseView => ({
    personId: 'p1',
    name: 'Joran Aldemir',
    country: 'VLM',
    status: { status: 'whereabouts_unknown', eventId: 'd', since: '2026-11-16', reason: 'disappearance', episode: 'd' },
    entries: [{ ...entry('d', 'DISAPPEARANCE', '2026-11-16'), destinationCountry: null, reportIds: ['r1'], readAt: '2026-11-16T08:00:00Z' }],
    lastNewsAt: '2026-11-16T08:00:00Z',
    ...over,
  });
  test('no confirmation for N hours, counted from when the report was read; the alert names its rule', () => {
    const rule = { kind: 'whereabouts_unknown' as const, hours: 48 };
    assert.equal(evaluateRules(view(), [rule], new Date('2026-11-18T07:00:00Z')).length, 0);
    const [a] = evaluateRules(view(), [rule], new Date('2026-11-18T12:00:00Z'));
    assert.deepEqual([a?.kind, a?.eventIds, a?.reportIds, a?.episode, a?.urgent], ['whereabouts_unknown', ['d'], ['r1'], 'd', true]);
    assert.match(a!.message, /^Rule "no confirmation of whereabouts for 48 h": Joran Aldemir/);
    assert.match(a!.message, /52 hours without confirmation since the report was read/);
  });
  test('an old event read today counts from today; a backfill raises nothing urgent', () => {
    const rule = { kind: 'whereabouts_unknown' as const, hours: 24 };
    const old = view({ status: { status: 'detained', eventId: 'a', since: '2013-05-02', reason: 'arrest', episode: 'a' }, entries: [{ ...entry('a', 'ARREST', '2013-05-02'), destinationCountry: null, reportIds: ['r9'], readAt: '2026-11-20T09:00:00Z' }] });
    assert.equal(evaluateRules(old, [rule], new Date('2026-11-20T12:00:00Z')).length, 0, 'three hours since it was read');
    const backfill = view({ ...old, entries: [{ ...old.entries[0]!, backfill: true }] });
    assert.equal(evaluateRules(backfill, [rule, { kind: 'no_news', days: 1 }], new Date('2026-12-20T12:00:00Z')).length, 0);
    const [news] = evaluateRules(backfill, [{ kind: 'new_event', types: ['ARREST'] }], new Date('2026-11-20T12:00:00Z'), new Set(['a']));
    assert.equal(news?.urgent, false);
  });
  test('a backfilled event older than what set the status is no step of the current episode: its alert is kept apart', () => {
    const now = { status: 'killed' as const, eventId: 'k', since: '2026-12-03', reason: 'killing', episode: 'd' };
    const entries = [
      { ...entry('d', 'DISAPPEARANCE', '2026-11-28'), destinationCountry: null, reportIds: ['r1'], readAt: '2026-11-29T09:00:00Z' },
      { ...entry('k', 'KILLING', '2026-12-03'), destinationCountry: null, reportIds: ['r2'], readAt: '2026-12-04T09:00:00Z' },
      { ...entry('s', 'ARREST', '2026-09-01'), destinationCountry: null, reportIds: ['r3'], readAt: '2026-12-05T09:00:00Z', backfill: true },
    ];
    const rule = { kind: 'new_event' as const, types: ['ARREST' as const, 'KILLING' as const] };
    const [old] = evaluateRules(view({ status: now, entries }), [rule], new Date('2026-12-05T10:00:00Z'), new Set(['s']));
    assert.deepEqual([old?.eventIds, old?.episode, old?.urgent], [['s'], null, false]);
    // a fresh event of the episode stays in it
    const [fresh] = evaluateRules(view({ status: now, entries }), [rule], new Date('2026-12-05T10:00:00Z'), new Set(['k']));
    assert.equal(fresh?.episode, 'd');
  });
  test('a person placed by a report, or confirmed by an analyst, raises no whereabouts alert', () => {
    const rule = { kind: 'whereabouts_unknown' as const, hours: 24 };
    const placed = view({ status: { status: 'detained', eventId: 'a', since: '2026-11-16', reason: 'arrest', episode: 'a', heldAt: held('Karsvik prison') }, entries: [{ ...entry('a', 'ARREST', '2026-11-16'), destinationCountry: null, reportIds: ['r1'], readAt: '2026-11-16T08:00:00Z' }] });
    assert.equal(evaluateRules(placed, [rule], new Date('2026-11-20T12:00:00Z')).length, 0);
    const confirmed = view({ lastConfirmedAt: '2026-11-20T10:00:00Z' });
    assert.equal(evaluateRules(confirmed, [rule], new Date('2026-11-20T12:00:00Z')).length, 0);
  });
  test('released: no time alert at all', () => {
    const free = view({ status: { status: 'released', eventId: 'r', since: '2026-11-18', reason: 'release', episode: null }, entries: [{ ...entry('r', 'RELEASE', '2026-11-18'), destinationCountry: null, reportIds: ['r1'], readAt: '2026-11-18T08:00:00Z' }] });
    assert.equal(evaluateRules(free, [{ kind: 'whereabouts_unknown', hours: 1 }, { kind: 'no_news', days: 1 }, { kind: 'proof_of_life', hours: 1 }], new Date('2026-12-30T00:00:00Z')).length, 0);
  });
  test('deported to the country the person fled', () => {
    const v = view({ entries: [{ ...entry('x', 'DEPORTATION', '2026-11-12'), destinationCountry: 'VLM', reportIds: ['r2'] }] });
    assert.equal(evaluateRules(v, [{ kind: 'returned_to_fled_country' }], new Date('2026-11-20T00:00:00Z')).length, 1);
    assert.equal(evaluateRules({ ...v, country: 'KRS' }, [{ kind: 'returned_to_fled_country' }], new Date('2026-11-20T00:00:00Z')).length, 0);
  });
  test('a new charge only when it is new; no news for N days while held, counted from when the news was read', () => {
    const v = view({ entries: [{ ...entry('c', 'CHARGE', '2026-11-12'), destinationCountry: null, reportIds: ['r3'] }] });
    assert.equal(evaluateRules(v, [{ kind: 'new_event', types: ['CHARGE'] }], new Date('2026-11-20T00:00:00Z'), new Set()).length, 0);
    assert.equal(evaluateRules(v, [{ kind: 'new_event', types: ['CHARGE'] }], new Date('2026-11-20T00:00:00Z'), new Set(['c'])).length, 1);
    assert.equal(evaluateRules(view(), [{ kind: 'no_news', days: 7 }], new Date('2026-11-30T00:00:00Z')).length, 1);
    assert.equal(evaluateRules(view(), [{ kind: 'no_news', days: 7 }], new Date('2026-11-20T00:00:00Z')).length, 0);
  });
});

describe('backfill and read time', () => {
  test('a report is news from the later of publication and reading; a month old on arrival is a backfill', () => {
    assert.equal(readTime('2013-05-02', '2026-11-20T09:00:00Z'), '2026-11-20T09:00:00Z');
    assert.equal(readTime('2026-11-20T10:00:00Z', '2026-11-20T09:00:00Z'), '2026-11-20T10:00:00Z');
    assert.equal(isBackfill('2013-05-02', '2026-11-20T09:00:00Z'), true);
    assert.equal(isBackfill('2026-11-01', '2026-11-20T09:00:00Z'), false);
    assert.equal(isBackfill(null, '2026-11-20T09:00:00Z'), false);
  });
});

describe('the country of a sentence', () => {
  // sentence 0 names Velmora twice, sentence 1 Velmora and Karsland, sentence 2 a person only
  const text = 'Velmora jailed him in Velmora. Karsland and Velmora met. Ines Varga spoke.';
  const at = (w: string, from = 0) => ({ start: text.indexOf(w, from), end: text.indexOf(w, from) + w.length, text: w });
  const doc = {
    published: null, text, offsets: 'utf16', tokens: [], timexes: [], quotes: [], events: [],
    sentences: [{ start: 0, end: 30 }, { start: 31, end: 56 }, { start: 57, end: text.length }],
    entities: [
      { id: 'e1', type: 'LOC', name: 'Velmora', country: 'VLM', mentions: [at('Velmora'), at('Velmora', 10), at('Velmora', 40)] },
      { id: 'e2', type: 'LOC', name: 'Karsland', country: 'KRS', mentions: [at('Karsland')] },
      { id: 'e3', type: 'PERSON', name: 'Ines Varga', country: 'VLM', mentions: [at('Ines Varga')] },
    ],
  } as unknown as ExtractionDocument;
  test('is the one country its places name, else none; a person\'s nationality is not a place', () => {
    const of = sentenceCountries(doc);
    assert.deepEqual([of(0), of(1), of(2)], ['VLM', null, null]);
  });
  test('a demonym before a person\'s name or a word for a victim tells who someone is, not where it happened', () => {
    const t = 'Police in Karsland held jailed Velmoran poet Ines Varga and Ostria-based writer Ada Moll. Two Velmoran journalists and three Velmorans were shot in Karsland. Velmoran officials detained Teo Brand.';
    const at = (w: string, from = 0) => ({ start: t.indexOf(w, from), end: t.indexOf(w, from) + w.length, text: w });
    const d = {
      published: null, text: t, offsets: 'utf16', tokens: [], timexes: [], quotes: [], events: [],
      sentences: [{ start: 0, end: t.indexOf(' Two') }, { start: t.indexOf('Two'), end: t.indexOf(' Velmoran off') }, { start: t.indexOf('Velmoran off'), end: t.length }],
      entities: [
        { id: 'e1', type: 'LOC', name: 'Karsland', country: 'KRS', mentions: [at('Karsland'), at('Karsland', 20)] },
        { id: 'e2', type: 'MISC', name: 'Velmoran', country: 'VLM', mentions: [at('Velmoran'), at('Velmoran journalists'), at('Velmoran off')].map((m) => ({ ...m, end: m.start + 8 })).concat([at('Velmorans')]) },
        { id: 'e3', type: 'PERSON', name: 'Ines Varga', mentions: [at('Ines Varga')] },
        { id: 'e4', type: 'PERSON', name: 'Teo Brand', mentions: [at('Teo Brand')] },
        { id: 'e5', type: 'LOC', name: 'Ostria', country: 'OST', mentions: [at('Ostria')] },
      ],
    } as unknown as ExtractionDocument;
    const of = sentenceCountries(d);
    assert.deepEqual([of(0), of(1), of(2)], ['KRS', 'KRS', 'VLM']);
  });
  test('a dateline\'s place is where the report was filed, not where its events happened', () => {
    const t = 'Ostria City, June 15, 2022 — Karsland must free Ines Varga, a watchdog said.\nOSTRIA CITY (Wire) - Police detained Teo Brand.\nOstria City police detained Ada Moll in a raid.';
    const at = (w: string, from = 0) => ({ start: t.indexOf(w, from), end: t.indexOf(w, from) + w.length, text: w });
    const d = {
      published: null, text: t, offsets: 'utf16', tokens: [], timexes: [], quotes: [], events: [],
      sentences: [{ start: 0, end: t.indexOf('\nOSTRIA') }, { start: t.indexOf('OSTRIA'), end: t.indexOf('\nOstria City police') }, { start: t.indexOf('Ostria City police'), end: t.length }],
      entities: [
        { id: 'e1', type: 'LOC', name: 'Ostria City', country: 'OST', mentions: [at('Ostria City'), at('OSTRIA CITY'), at('Ostria City police')].map((m) => ({ ...m, end: m.start + 11 })) },
        { id: 'e2', type: 'LOC', name: 'Karsland', country: 'KRS', mentions: [at('Karsland')] },
      ],
    } as unknown as ExtractionDocument;
    const of = sentenceCountries(d);
    // must not match: a place opening a paragraph with no dash after it is a place like any other
    assert.deepEqual([of(0), of(1), of(2)], ['KRS', null, 'OST']);
  });
  test('whose money is behind a channel ("an Ostrian-backed channel") is not where anything happened', () => {
    const t = 'The two reporters, who work for an Ostrian-backed channel, were convicted. Ostrian police detained them.';
    const at = (w: string, from = 0) => ({ start: t.indexOf(w, from), end: t.indexOf(w, from) + w.length, text: w });
    const d = {
      published: null, text: t, offsets: 'utf16', tokens: [], timexes: [], quotes: [], events: [],
      sentences: [{ start: 0, end: t.indexOf(' Ostrian police') }, { start: t.indexOf('Ostrian police'), end: t.length }],
      entities: [{ id: 'e1', type: 'MISC', name: 'Ostrian', country: 'OST', mentions: [at('Ostrian'), at('Ostrian police')].map((m) => ({ ...m, end: m.start + 7 })) }],
    } as unknown as ExtractionDocument;
    const of = sentenceCountries(d);
    // must not match: the same demonym leading the police still places its sentence
    assert.deepEqual([of(0), of(1)], [null, 'OST']);
  });
});

test('a sentence\'s country: a citizen or two men of a country are people, not a place (a country\'s citizen too); a possessive is no person', () => {
  const t = 'A Velmoran citizen was jailed in Karsland. Two Velmoran men were shot. Velmoran women\'s rights groups said a poet was held. Ada Moll, a Karsland citizen, was arrested.';
  const at = (w: string, from = 0) => ({ start: t.indexOf(w, from), end: t.indexOf(w, from) + 8, text: 'Velmoran' });
  const d = {
    published: null, text: t, offsets: 'utf16', tokens: [], timexes: [], quotes: [], events: [],
    sentences: [{ start: 0, end: t.indexOf(' Two') }, { start: t.indexOf('Two'), end: t.indexOf(' Velmoran women') }, { start: t.indexOf('Velmoran women'), end: t.indexOf(' Ada') }, { start: t.indexOf('Ada'), end: t.length }],
    entities: [
      { id: 'e1', type: 'LOC', name: 'Karsland', country: 'KRS', mentions: [{ start: t.indexOf('Karsland'), end: t.indexOf('Karsland') + 8, text: 'Karsland' }, { start: t.indexOf('Karsland c'), end: t.indexOf('Karsland c') + 8, text: 'Karsland' }] },
      { id: 'e2', type: 'MISC', name: 'Velmoran', country: 'VLM', mentions: [at('Velmoran citizen'), at('Velmoran men'), at('Velmoran women')] },
    ],
  } as unknown as ExtractionDocument;
  const of = sentenceCountries(d);
  assert.deepEqual([of(0), of(1), of(2), of(3)], ['KRS', null, 'VLM', null]);
});

test('a place dealt with ("a row with Drell") is a government, not where the event happened; "in Drell" is', () => {
  const t = 'Ada Moll was released after a row with Drell. Ivo Rant was held in Drell.';
  const at = (from: number) => ({ start: t.indexOf('Drell', from), end: t.indexOf('Drell', from) + 5, text: 'Drell' });
  const d = {
    published: null, text: t, offsets: 'utf16', tokens: [], timexes: [], quotes: [], events: [],
    sentences: [{ start: 0, end: t.indexOf(' Ivo') }, { start: t.indexOf('Ivo'), end: t.length }],
    entities: [{ id: 'e1', type: 'LOC', name: 'Drell', country: 'DRL', mentions: [at(0), at(t.indexOf('Ivo'))] }],
  } as unknown as ExtractionDocument;
  const of = sentenceCountries(d);
  assert.deepEqual([of(0), of(1)], [null, 'DRL']);
});

test('a sentence\'s place that is the place of someone else\'s event does not place the event asked about', () => {
  const t = 'Ivo Rant, killed in Drell, was a friend of the slain poet Ada Moll.';
  const drell = { start: t.indexOf('Drell'), end: t.indexOf('Drell') + 5, text: 'Drell' };
  const d = {
    published: null, text: t, offsets: 'utf16', tokens: [], timexes: [], quotes: [], sentences: [{ start: 0, end: t.length }],
    events: [{ id: 'v1', type: 'KILLING', sentence: 0, place: { entity: 'e1', ...drell }, target: { entity: 'e2', text: 'Ivo Rant' } }],
    entities: [
      { id: 'e1', type: 'LOC', name: 'Drell', country: 'DRL', mentions: [drell] },
      { id: 'e2', type: 'PERSON', name: 'Ivo Rant', mentions: [{ start: 0, end: 8, text: 'Ivo Rant' }] },
      { id: 'e3', type: 'PERSON', name: 'Ada Moll', mentions: [{ start: t.indexOf('Ada'), end: t.indexOf('Ada') + 8, text: 'Ada Moll' }] },
    ],
  } as unknown as ExtractionDocument;
  const of = sentenceCountries(d);
  assert.equal(of(0, { target: { entity: 'e3' } }), null);
  // must not match: the place of the person's own event, or asked with no event, still places it
  assert.equal(of(0, { target: { entity: 'e2' } }), 'DRL');
  assert.equal(of(0), 'DRL');
});

test('the country a report is about leaves out where a watchdog is based', () => {
  const t = 'A Ostria-based watchdog said the writer died in custody. Ostria-based groups protested.';
  const at = (w: string, from = 0) => ({ start: t.indexOf(w, from), end: t.indexOf(w, from) + w.length, text: w });
  const doc = (extra: object[]) =>
    ({ published: null, text: t, offsets: 'utf16', tokens: [], timexes: [], quotes: [], events: [], sentences: [{ start: 0, end: t.length }], entities: [{ id: 'e1', type: 'LOC', name: 'Ostria', country: 'OST', mentions: [at('Ostria'), at('Ostria', 10)] }, ...extra] }) as unknown as ExtractionDocument;
  assert.equal(dominantCountry(doc([])), null);
  assert.equal(dominantCountry(doc([{ id: 'e2', type: 'LOC', name: 'Karsland', country: 'KRS', mentions: [at('writer')] }])), 'KRS');
});

describe('case country', () => {
  test('the refuge an asylum request names is not where the case happens', () => {
    const events = [
      { type: 'CHARGE', modality: 'asserted', country: null },
      { type: 'ASYLUM_REQUEST', modality: 'asserted', country: 'KRS' },
    ];
    assert.deepEqual(caseCountry(events, { nationality: 'VLM', reports: null }), { code: 'VLM', basis: 'nationality' });
    // must not match: other events keep their place
    assert.equal(caseCountry([...events, { type: 'ARREST', modality: 'asserted', country: 'VLM' }], { nationality: null, reports: null }).code, 'VLM');
  });
  test('where the person was held or harmed beats where charges against them come from; with neither, the charges place it', () => {
    const held = [
      { type: 'CHARGE', modality: 'asserted', country: 'KRS' },
      { type: 'ACCUSATION', modality: 'asserted', country: 'KRS' },
      { type: 'ARREST', modality: 'asserted', country: 'VLM' },
    ];
    assert.equal(caseCountry(held, { nationality: null, reports: null }).code, 'VLM');
    // must not match: only charges told, they place the case
    assert.equal(caseCountry(held.slice(0, 2), { nationality: 'VLM', reports: null }).code, 'KRS');
  });
});
