import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Entity, EventType, ExtractionDocument, PersonRisk, VigilEvent } from '../text/types.js';
import { cleanPersonName } from '../extractors/risk/clean-name.js';
import type { PersonDecision, PolicyInput } from './policy.js';
import { decideCases, decisionScore, DEFAULT_POLICY } from './policy.js';

/** A report written for these tests (invented people and places), with its entities, events and risk reading built by hand. */
const TEXT =
  'Journalist Talia Vorn was arrested in Keshet on Monday. Governor Brannic Osk ordered the arrest. ' +
  'Police also detained Dray Kell, a robbery suspect. The Ostrel Harriers were charged by the league. ' +
  'Vorn works for the Keshet Free Press Union.';

function span(text: string, from = 0): { start: number; end: number; text: string } {
  const start = TEXT.indexOf(text, from);
  assert.ok(start >= 0, `"${text}" is in the test report`);
  return { start, end: start + text.length, text };
}

function entity(id: string, type: Entity['type'], name: string, extra: Partial<Entity> = {}): Entity {
  const at = TEXT.indexOf(name);
  return { id, type, name, mentions: at >= 0 ? [{ ...span(name), kind: 'name' }] : [{ start: 0, end: 1, text: 'J', kind: 'name' }], ...extra };
}

function event(id: string, type: EventType, trigger: string, target: string | null, modality: VigilEvent['modality'] = 'asserted'): VigilEvent {
  return { id, type, trigger: span(trigger), target: target ? { entity: target, text: target } : null, agent: null, principal: null, place: null, origin: null, destination: null, date: null, modality, sentence: 0, confidence: 0.9 };
}

const ENTITIES: Entity[] = [
  entity('T1', 'PERSON', 'Talia Vorn', { affiliations: [{ title: 'reporter', org: 'Keshet Free Press Union' }] }),
  entity('T2', 'PERSON', 'Brannic Osk', { titles: ['Governor'] }),
  entity('T3', 'PERSON', 'Dray Kell'),
  entity('T4', 'ORG', 'Ostrel Harriers'),
];
const EVENTS: VigilEvent[] = [event('E1', 'ARREST', 'arrested', 'T1'), event('E2', 'ARREST', 'detained', 'T3'), event('E3', 'CHARGE', 'charged', 'T4'), event('E4', 'ACCUSATION', 'ordered', 'T2')];

function risk(entity: string, score: number, extra: Partial<PersonRisk> = {}): PersonRisk {
  return { entity, score, kinds: score >= 0.5 ? ['journalist'] : [], none: score < 0.5 ? 'other' : null, evidence: [], ...extra };
}

function doc(over: Partial<ExtractionDocument> = {}): ExtractionDocument {
  return { published: '2026-11-20', text: TEXT, offsets: 'utf16', sentences: [], tokens: [], entities: ENTITIES, timexes: [], quotes: [], events: EVENTS, ...over };
}

const READING = {
  relevance: { score: 0.9, reasons: [{ ...span('arrested'), why: 'an arrest of a journalist' }] },
  persons: [
    risk('T1', 0.93, { evidence: [{ ...span('Journalist'), why: 'title' }] }),
    risk('T2', 0.04, { none: 'official', evidence: [{ ...span('Governor'), why: 'official title' }] }),
    risk('T3', 0.08, { none: 'ordinary_suspect', evidence: [{ ...span('robbery suspect'), why: 'suspect' }] }),
  ],
};

const by = (ds: PersonDecision[], name: string): PersonDecision => {
  const d = ds.find((x) => x.written === name);
  assert.ok(d, `a decision for ${name}`);
  return d;
};
const decide = (input: Partial<PolicyInput> = {}) => decideCases({ doc: doc({ risk: READING }), ...input });

describe('the case policy', () => {
  test('a journalist at risk who is the target of an arrest: a case opens by itself, with the evidence', () => {
    const d = by(decide(), 'Talia Vorn');
    assert.equal(d.outcome, 'open');
    assert.deepEqual(d.kinds, ['journalist']);
    assert.deepEqual(d.events, ['E1']);
    assert.ok(d.evidence.some((e) => TEXT.slice(e.start, e.end) === 'arrested'), 'the trigger is evidence');
    assert.ok(d.evidence.some((e) => TEXT.slice(e.start, e.end) === 'Journalist'), "the risk reading's words are evidence");
    assert.match(d.reasons.join(' '), /journalist and the target of arrest/);
  });

  test('an official, an ordinary suspect and an organisation get no case', () => {
    const ds = decide();
    assert.equal(by(ds, 'Brannic Osk').outcome, 'none');
    assert.match(by(ds, 'Brannic Osk').reasons[0]!, /official/);
    assert.equal(by(ds, 'Dray Kell').outcome, 'none');
    assert.equal(by(ds, 'Ostrel Harriers').outcome, 'none');
    assert.match(by(ds, 'Ostrel Harriers').reasons[0]!, /organisation, a team/);
  });

  test('a perpetrator named only as the agent of an event is not even considered', () => {
    const agentOnly = doc({ risk: READING, events: [{ ...EVENTS[0]!, agent: { entity: 'T2', text: 'Brannic Osk' } }] });
    const ds = decideCases({ doc: agentOnly });
    assert.deepEqual(ds.map((d) => d.written), ['Talia Vorn']);
  });

  test('an organisation is never a case, whatever its reading and even in the old policy', () => {
    const d = decideCases({ doc: doc({ risk: { ...READING, persons: [...READING.persons, risk('T4', 0.99)] } }), settings: { mode: 'everyone' } });
    assert.equal(by(d, 'Ostrel Harriers').outcome, 'none');
    assert.equal(by(d, 'Brannic Osk').outcome, 'open', 'the old policy opens a case for everyone else an event befalls');
  });

  test('borderline: between the triage floor and the case threshold goes to triage', () => {
    const ds = decide({ doc: doc({ risk: { ...READING, persons: [risk('T1', 0.4, { kinds: ['journalist'] })] } }) });
    const d = by(ds, 'Talia Vorn');
    assert.equal(d.outcome, 'triage');
    assert.match(d.reasons[0]!, /borderline/);
  });

  test('a report that is not about an attack lowers the score: a person at risk there is triaged, not opened', () => {
    const low = doc({ risk: { ...READING, relevance: { score: 0.05, reasons: [] } } });
    const d = by(decideCases({ doc: low }), 'Talia Vorn');
    assert.equal(d.decisionScore, decisionScore(0.93, 0.05, DEFAULT_POLICY));
    assert.equal(d.outcome, 'triage');
  });

  test('read as at risk on their own, in a report read as about something else: triaged, never dropped unseen', () => {
    // the shipped policy's shape: the report's relevance weighs fully, a floor just under the threshold
    const settings = { mode: 'risk' as const, caseThreshold: 0.76, triageFloor: 0.73, relevanceWeight: 1 };
    const low = doc({ risk: { ...READING, relevance: { score: 0.3, reasons: [] } } });
    const d = by(decideCases({ doc: low, settings }), 'Talia Vorn');
    assert.ok(d.decisionScore! < 0.73);
    assert.equal(d.outcome, 'triage');
    assert.match(d.reasons.join(' '), /reads as about something else/);
    // not someone the scores read as not at risk, nor a person nothing befell
    assert.equal(by(decideCases({ doc: low, settings }), 'Dray Kell').outcome, 'none');
    const unharmed = doc({ risk: { ...READING, relevance: { score: 0.3, reasons: [] } }, events: [event('E2', 'ARREST', 'detained', 'T3')] });
    assert.notEqual(decideCases({ doc: unharmed, settings }).find((x) => x.written === 'Talia Vorn')?.outcome, 'triage');
  });

  test('at risk but every event negated: triage, not a case', () => {
    const negated = doc({ risk: READING, events: [event('E1', 'ARREST', 'arrested', 'T1', 'negated')] });
    assert.equal(by(decideCases({ doc: negated }), 'Talia Vorn').outcome, 'triage');
    // …but a release refused ("is yet to be freed") tells that she is held
    const stillHeld = by(decideCases({ doc: doc({ risk: READING, events: [event('E1', 'RELEASE', 'arrested', 'T1', 'negated')] }) }), 'Talia Vorn');
    assert.equal(stillHeld.outcome, 'open');
    assert.match(stillHeld.reasons.join(' '), /release refused/);
    // …unless the report denies the arrest too: there was nothing to be freed from
    const neverHeld = by(decideCases({ doc: doc({ risk: READING, events: [event('E1', 'RELEASE', 'arrested', 'T1', 'negated'), event('E2', 'ARREST', 'arrested', 'T1', 'negated')] }) }), 'Talia Vorn');
    assert.equal(neverHeld.outcome, 'triage');
  });

  test('no risk reading (an extraction read before the risk model): targeted people go to triage, never a silent case', () => {
    const ds = decideCases({ doc: doc() });
    for (const name of ['Talia Vorn', 'Brannic Osk', 'Dray Kell']) assert.equal(by(ds, name).outcome, 'triage', name);
    assert.equal(by(ds, 'Ostrel Harriers').outcome, 'none');
  });

  test('someone who may have a case (a family name alone matched) goes to triage, never straight to it; a case the scores open stays open', () => {
    const mayBe = new Map([['T3', 'person-kellner'], ['T1', 'person-vornova']]);
    const kell = by(decide({ mayBeOnFile: mayBe }), 'Dray Kell');
    assert.equal(kell.outcome, 'triage');
    assert.match(kell.reasons.join(' '), /may be someone who has a case/);
    assert.doesNotMatch(kell.reasons.join(' '), /Kellner|person-kellner/, 'the case is not named in a stored reason');
    assert.equal(kell.personId, null, 'not attached: an analyst decides');
    assert.equal(by(decide({ mayBeOnFile: mayBe }), 'Talia Vorn').outcome, 'open');
    // must not match: nothing on file, or only a denial befalls them
    assert.equal(by(decide(), 'Dray Kell').outcome, 'none');
    const denied = decideCases({ doc: doc({ risk: READING, events: [event('E2', 'ARREST', 'detained', 'T3', 'negated')] }), mayBeOnFile: mayBe });
    assert.equal(by(denied, 'Dray Kell').outcome, 'none');
    // the scores' "not at risk" is replaced, not left beside "may be someone who has a case"
    assert.doesNotMatch(kell.reasons.join(' '), /not at risk/);
  });

  test('a bare name the scores would open ("Ms Vorn" after a case for someone Vorn, or anyone named once) is held in triage, not opened as a second case "Vorn"', () => {
    const bare = doc({ risk: READING, entities: [entity('T1', 'PERSON', 'Vorn'), ...ENTITIES.slice(1)] });
    const mayBe = new Map([['T1', 'person-vornova']]);
    const held = by(decideCases({ doc: bare, mayBeOnFile: mayBe }), 'Vorn');
    assert.equal(held.outcome, 'triage');
    assert.match(held.reasons.join(' '), /may be someone who has a case/);
    assert.doesNotMatch(held.reasons.join(' '), /the target of arrest/, 'the opening reason is replaced');
    // nothing on file like it: a bare name is still no case on the scores alone (nor a hint of one,
    // were it like a restricted case's name), but an analyst decides who it is
    const alone = by(decideCases({ doc: bare }), 'Vorn');
    assert.equal(alone.outcome, 'triage');
    assert.match(alone.reasons.join(' '), /named by one name only/);
    assert.doesNotMatch(alone.reasons.join(' '), /case/);
    // must not match: a full name the scores open stays open
    assert.equal(by(decideCases({ doc: doc({ risk: READING, entities: [entity('T1', 'PERSON', 'Ilse Vorn'), ...ENTITIES.slice(1)] }) }), 'Ilse Vorn').outcome, 'open');
  });

  test('a watched name attaches whatever the scores', () => {
    const ds = decide({ watch: [{ kind: 'person', name: 'Dray Kell' }] });
    const d = by(ds, 'Dray Kell');
    assert.equal(d.outcome, 'attach');
    assert.equal(d.watched, 'Dray Kell');
  });

  test('a watched person read as a place or an organisation still attaches; an unwatched organisation never does', () => {
    const misread = doc({ risk: READING, entities: [...ENTITIES.slice(0, 3), entity('T4', 'ORG', 'Ostrel Harriers')] });
    assert.equal(by(decideCases({ doc: misread, watch: [{ kind: 'person', name: 'Ostrel Harriers' }] }), 'Ostrel Harriers').outcome, 'attach');
    assert.equal(by(decideCases({ doc: misread, onFile: new Map([['T4', 'p-9']]) }), 'Ostrel Harriers').outcome, 'attach');
    assert.equal(by(decideCases({ doc: misread, watch: [{ kind: 'person', name: 'Ostrel' }] }), 'Ostrel Harriers').outcome, 'none');
  });

  test('a watched organisation attaches the people the report says work for it', () => {
    const lowRisk = doc({ risk: { ...READING, persons: [risk('T1', 0.1)] } });
    const d = by(decideCases({ doc: lowRisk, watch: [{ kind: 'organisation', name: 'Keshet Free Press Union' }] }), 'Talia Vorn');
    assert.equal(d.outcome, 'attach');
    assert.match(d.reasons[0]!, /works for/);
  });

  test('a watched organisation the extraction names by entity id attaches the people who work for it', () => {
    const union = entity('O1', 'ORG', 'Keshet Free Press Union');
    const byId = doc({ risk: { ...READING, persons: [risk('T1', 0.1)] }, entities: [{ ...ENTITIES[0]!, affiliations: [{ title: 'reporter', org: 'O1' }] }, union] });
    assert.equal(by(decideCases({ doc: byId, watch: [{ kind: 'organisation', name: 'Keshet Free Press Union' }] }), 'Talia Vorn').outcome, 'attach');
    assert.equal(by(decideCases({ doc: byId, watch: [{ kind: 'organisation', name: 'Ostrel Harriers' }] }), 'Talia Vorn').outcome, 'none');
  });

  test('someone who already has a case gets every new event', () => {
    const d = by(decide({ onFile: new Map([['T3', 'person-1']]) }), 'Dray Kell');
    assert.equal(d.outcome, 'attach');
    assert.equal(d.personId, 'person-1');
  });

  test("an analyst's remembered decision wins: not a case beats a high score, open beats a low one", () => {
    const ds = decide({ decisions: [{ normalized: 'talia vorn', decision: 'not_a_case' }, { normalized: 'dray kell', decision: 'open' }] });
    assert.equal(by(ds, 'Talia Vorn').outcome, 'none');
    assert.equal(by(ds, 'Dray Kell').outcome, 'open');
  });

  test('thresholds come from the settings', () => {
    assert.equal(by(decide({ settings: { caseThreshold: 0.95 } }), 'Talia Vorn').outcome, 'triage');
    assert.equal(by(decide({ settings: { triageFloor: 0.01, caseThreshold: 0.02 } }), 'Dray Kell').outcome, 'open');
  });

  test('a name glued by page markup is cleaned; a name of markup is refused', () => {
    const glued = entity('T1', 'PERSON', 'Talia VornTalia');
    const d = by(decideCases({ doc: doc({ risk: READING, entities: [glued] }) }), 'Talia VornTalia');
    assert.equal(d.name, 'Talia Vorn');
    assert.equal(d.outcome, 'open');
    const junk = entity('T1', 'PERSON', 'Share on Twitter | Talia Vorn');
    assert.equal(by(decideCases({ doc: doc({ risk: READING, entities: [junk] }) }), junk.name).outcome, 'none');
  });
});

describe('clean person names', () => {
  test('glue and repetition are undone; real names with inner capitals are kept', () => {
    assert.deepEqual(cleanPersonName('Ilsa MarrowIlsa'), { ok: true, name: 'Ilsa Marrow', changed: true });
    assert.deepEqual(cleanPersonName('Ilsa Marrow Ilsa Marrow'), { ok: true, name: 'Ilsa Marrow', changed: true });
    assert.deepEqual(cleanPersonName('Corin DeVasto'), { ok: true, name: 'Corin DeVasto', changed: false });
    assert.deepEqual(cleanPersonName('Abdel Al-Varin'), { ok: true, name: 'Abdel Al-Varin', changed: false });
    assert.deepEqual(cleanPersonName('Li Li'), { ok: true, name: 'Li Li', changed: false });
    // a Burmese name repeats its first syllable; that is not the name starting over
    assert.deepEqual(cleanPersonName('Thet Thet Naing'), { ok: true, name: 'Thet Thet Naing', changed: false });
    assert.deepEqual(cleanPersonName('Thet Thet NaingThet'), { ok: true, name: 'Thet Thet Naing', changed: true });
    assert.deepEqual(cleanPersonName('Mara Velin Velin'), { ok: true, name: 'Mara Velin', changed: true });
    assert.deepEqual(cleanPersonName('Ivo Sarn Sarn Ivo'), { ok: true, name: 'Ivo Sarn', changed: true });
    assert.equal(cleanPersonName('the suspect').ok, false);
    assert.equal(cleanPersonName('Talia Vorn 2026').ok, false);
    // days, laws, organisations and peoples the recogniser took for a person
    for (const notAPerson of ['Human Rights Day', 'Digital Security Act', 'Kesh Workers Union', 'Palestinians', 'Kenyans', 'Four Kenyans', 'The Orvek', 'Daily Tarsk', 'Velm Sugar Factory', 'Orsk Teachers College', 'Islamic State', 'Morva Times', 'Kestrel Courier', 'Brenn Herald', 'Tarsk Monitor']) assert.equal(cleanPersonName(notAPerson).ok, false, notAPerson);
    for (const person of ['Mara Day', 'Tomas Law', 'Ivo Law Tenn', 'Dana Watchman', 'Agnes Rights', 'Anna Daily', 'Thea Radios', 'Ana Stateman', 'An Min-seo', 'A Lin', 'Luiza Thais']) assert.equal(cleanPersonName(person).ok, true, person);
  });
});
