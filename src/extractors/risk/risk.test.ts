import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Doc } from '../../text/doc.js';
import { fromExtraction, toExtraction } from '../../text/serialize.js';
import type { PersonRisk } from '../../text/types.js';
import { createDefaultPipeline } from '../default.js';
import { RISK_MODEL, RiskModel, riskThresholds } from './index.js';

// Every report here is invented (people, places, papers), and none is among the invented
// training reports of data/risk/hard-cases.jsonl.
const pipeline = createDefaultPipeline();
const read = (text: string) => pipeline.run(new Doc(text, { published: '2025-02-14' }));
const thresholds = riskThresholds();

function person(doc: Doc, name: string): PersonRisk {
  const e = doc.entities.find((x) => x.type === 'PERSON' && x.name === name);
  assert.ok(e, `no person ${name} among ${doc.entities.map((x) => `${x.type}:${x.name}`).join(', ')}`);
  const p = doc.risk?.persons.find((x) => x.entity === e.id);
  assert.ok(p, `${name} has no risk assessment`);
  return p;
}

function evidenceSlices(doc: Doc): void {
  const all = [...(doc.risk?.relevance.reasons ?? []), ...(doc.risk?.persons.flatMap((p) => p.evidence) ?? [])];
  for (const e of all) assert.equal(doc.text.slice(e.start, e.end), e.text, `evidence ${JSON.stringify(e)} does not slice to its text`);
}

const JOURNALIST = `Journalist Petra Holm detained in Varnsby

Police in Varnsby detained the journalist Petra Holm on Thursday after she published an investigation into land seizures by a local developer, her newspaper, the Varnsby Ledger, said. Holm was taken to a police station and has not been charged. Press freedom groups demanded her release.`;

const UNION = `Union leader taken from his home in Corrales

Armed men seized Emilio Sandoval, the general secretary of the sugar workers' union in Corrales, from his home on Tuesday night, his wife said. Sandoval had organised a strike at the Santa Inés mill. Labour rights groups fear for his life and called on the authorities to find him.`;

const ROBBERY = `Suspect held after jewellery shop robbery in Grenholm

Police in Grenholm arrested a robbery suspect, Nils Ekdahl, 31, on Tuesday after a jewellery shop on the high street was robbed at knifepoint. Ekdahl was held at the central police station and will appear before magistrates on Friday, a police spokesman said.`;

const GOVERNOR = `Four reporters freed after appeal in Ostmark

Four reporters from the Ostmark Gazette were freed on Monday after an appeals court overturned their convictions. Governor Viktor Hallan, who jailed the reporters last spring after they wrote about his budget, said he respected the court. Hallan is seeking a second term.`;

const TENNIS = `Okafor battles past Lindgren in Melvane

Chidi Okafor beat Sven Lindgren 6-4, 3-6, 7-5 on Wednesday to reach the semi-finals of the Melvane Open. Lindgren, the second seed, said he had been assaulted by the heat and the noise of the crowd. Okafor will next face the tennis player Marco Benn.`;

const PRESIDENT = `President accused of hiding the cost of a dam

Opposition deputies accused President Lorenz Haber on Thursday of hiding the true cost of a dam on the Eller river. Haber denied the accusation in a televised address and said the project would be finished on time.`;

const FOOTBALL = `Rovington beat Calder to go top

Rovington beat Calder 3-1 on Saturday to go top of the league. Striker Jamie Walsh scored twice before half-time, and the goalkeeper Tom Ridley saved a penalty. The manager, Alan Pike, praised his players.`;

test('a journalist detained: at risk, a journalist, with the word "journalist" in the evidence', () => {
  const doc = read(JOURNALIST);
  const holm = person(doc, 'Petra Holm');
  assert.ok(holm.score >= thresholds.case, `score ${holm.score} below the case threshold ${thresholds.case}`);
  assert.ok(holm.kinds.includes('journalist'), `kinds ${holm.kinds.join(', ')}`);
  assert.equal(holm.none, null);
  assert.ok(
    holm.evidence.some((e) => /journalist/i.test(e.text)),
    `evidence ${JSON.stringify(holm.evidence)}`,
  );
  evidenceSlices(doc);
});

test('a union leader abducted: worth a look at least, a trade unionist, and the report is relevant', () => {
  const doc = read(UNION);
  const sandoval = person(doc, 'Emilio Sandoval');
  // named twice in a three-sentence report: the model has seen victims named many times, so he
  // reaches the triage band, not always the case threshold
  assert.ok(sandoval.score >= thresholds.triage, `score ${sandoval.score}`);
  assert.ok(sandoval.kinds.includes('trade_unionist'), `kinds ${sandoval.kinds.join(', ')}`);
  assert.ok(doc.risk!.relevance.score >= thresholds.relevance, `relevance ${doc.risk!.relevance.score}`);
  assert.ok(doc.risk!.relevance.reasons.length > 0);
  evidenceSlices(doc);
});

test('a robbery suspect held is not at risk: an ordinary suspect', () => {
  const doc = read(ROBBERY);
  const ekdahl = person(doc, 'Nils Ekdahl');
  assert.ok(ekdahl.score < thresholds.case, `score ${ekdahl.score} reaches the case threshold ${thresholds.case}`);
  assert.equal(ekdahl.none, 'ordinary_suspect');
  assert.deepEqual(ekdahl.kinds, []);
  assert.ok(doc.risk!.relevance.score < thresholds.relevance, `relevance ${doc.risk!.relevance.score}`);
  evidenceSlices(doc);
});

test('a governor who jailed reporters is not at risk', () => {
  const doc = read(GOVERNOR);
  const hallan = person(doc, 'Viktor Hallan');
  assert.ok(hallan.score < thresholds.case, `score ${hallan.score}`);
  assert.ok(hallan.none === 'official' || hallan.none === 'perpetrator', `none ${hallan.none}`);
});

test('a tennis player "assaulted" in a match is not at risk: an athlete', () => {
  const doc = read(TENNIS);
  for (const name of ['Sven Lindgren', 'Chidi Okafor']) assert.ok(person(doc, name).score < thresholds.case, `${name} ${person(doc, name).score}`);
  assert.equal(person(doc, 'Sven Lindgren').none, 'athlete');
  assert.ok(doc.risk!.relevance.score < thresholds.relevance);
});

test('a president accused is not at risk', () => {
  const doc = read(PRESIDENT);
  const haber = person(doc, 'Lorenz Haber');
  assert.ok(haber.score < thresholds.case, `score ${haber.score}`);
  assert.notEqual(haber.none, null);
});

test('a football report is not about an attack on anyone at risk, and no one in it is at risk', () => {
  const doc = read(FOOTBALL);
  assert.ok(doc.risk!.relevance.score < thresholds.relevance, `relevance ${doc.risk!.relevance.score}`);
  assert.ok(doc.risk!.relevance.score < read(UNION).risk!.relevance.score);
  for (const p of doc.risk!.persons) assert.ok(p.score < thresholds.case, `${p.entity} ${p.score}`);
});

test('must not match: organisations, places and unnamed people get no assessment', () => {
  const doc = read(JOURNALIST);
  const assessed = new Set(doc.risk!.persons.map((p) => p.entity));
  for (const e of doc.entities) if (e.type !== 'PERSON' || !e.mentions.some((m) => (m.kind ?? 'name') === 'name')) assert.ok(!assessed.has(e.id), `${e.type} ${e.name} was assessed`);
});

test('the risk reading survives the extraction JSON, and a bad one is refused', () => {
  const doc = read(UNION);
  const back = fromExtraction(JSON.parse(JSON.stringify(toExtraction(doc))));
  assert.deepEqual(back.risk, doc.risk);
  const json = toExtraction(doc);
  json.risk!.persons[0]!.evidence.push({ start: 0, end: 5, text: 'wrong', why: 'x' });
  assert.throws(() => fromExtraction(JSON.parse(JSON.stringify(json))), /evidence/);
});

test('the model file round-trips: a saved and reloaded model reads a report the same', () => {
  const model = RiskModel.load(RISK_MODEL);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'vigil-risk-')), 'risk.bin.gz');
  model.save(file);
  const again = RiskModel.load(file);
  const doc = read(JOURNALIST);
  assert.deepEqual(again.read(doc), model.read(doc));
  assert.deepEqual(again.thresholds, model.thresholds);
});

const RFA = fileURLToPath(new URL('../../../../shared/corpus/news/rfa-2018-12-12-deportation.txt', import.meta.url));

test('the RFA report: Rath Rott Mony is the one person worth a case (a triage item at least), an activist', { skip: !existsSync(RFA) && 'shared/corpus/news is absent' }, () => {
  const doc = pipeline.run(new Doc(readFileSync(RFA, 'utf8'), { published: '2018-12-12' }));
  const mony = person(doc, 'Rath Rott Mony');
  // the case policy's own floor, chosen out of fold with the model (below it: no case, no triage)
  const floor = thresholds.policy?.triageFloor ?? thresholds.triage;
  assert.ok(mony.score >= floor, `score ${mony.score} below the triage floor ${floor}`);
  for (const other of doc.risk!.persons) if (other !== mony) assert.ok(other.score < floor, `${other.entity} ${other.score}`);
  assert.ok(mony.kinds.length > 0 && !mony.kinds.includes('other'), `kinds ${mony.kinds.join(', ')}`);
  evidenceSlices(doc);
});

test('a charge of a violent crime is a feature of the one charged; a charge of terrorism or spying is not', async () => {
  const { personFeatures } = await import('./features.js');
  const feats = (text: string, name: string) => {
    const doc = read(text);
    const e = doc.entities.find((x) => x.type === 'PERSON' && x.name === name);
    assert.ok(e, `no person ${name} in: ${text}`);
    return personFeatures(doc, e, { score: 0.5 }).map((f) => f.name);
  };
  assert.ok(feats('A court in Varnsby convicted Petra Holm of kidnapping and murdering a shopkeeper.', 'Petra Holm').includes('accused-of-violence'));
  assert.ok(feats('Prosecutors charged Petra Holm with drug trafficking on Monday.', 'Petra Holm').includes('accused-of-violence'));
  // must not match: the charges most often brought against activists and reporters
  assert.ok(!feats('Prosecutors charged the blogger Petra Holm with terrorism and spying on Monday.', 'Petra Holm').includes('accused-of-violence'));
  assert.ok(!feats('Petra Holm was convicted of insulting the president.', 'Petra Holm').includes('accused-of-violence'));
});

test('the shape of a name: words the report writes in lower case, and nothing of which name lists hold it', async () => {
  const { nameShape } = await import('./features.js');
  const lower = new Set(['day', 'the', 'rights']);
  // a name the lists hold and one they do not look alike to the model
  assert.deepEqual(nameShape('Maria Lopez', lower), []);
  assert.deepEqual(nameShape('Ilham Tursunjan', lower), []);
  // "Harvest Day" read as a person: "day" is a word of the report
  assert.ok(nameShape('Harvest Day', lower).includes('name-word-in-lower-case'));
  assert.deepEqual(nameShape('the', lower), ['name-shape=no-capital']);
});

test('how long ago what befell someone happened is a feature of theirs: history is not a case', async () => {
  const { personFeatures } = await import('./features.js');
  const doc = read('A court in Varnsby sentenced the writer Petra Holm to death in 1849 for her pamphlets.');
  const e = doc.entities.find((x) => x.type === 'PERSON' && x.name === 'Petra Holm');
  assert.ok(e);
  const names = personFeatures(doc, e, { score: 0.5 }).map((f) => f.name);
  assert.ok(names.includes('target-years-ago=>50'), names.filter((n) => n.startsWith('target')).join(' '));
});

test("the shipped thresholds are read from the model file's header, the same the loaded model holds", () => {
  assert.deepEqual({ ...riskThresholds() }, { ...RiskModel.load(RISK_MODEL).thresholds });
  assert.ok(riskThresholds().case > 0 && riskThresholds().case < 1, 'a probability');
  const bogus = path.join(mkdtempSync(path.join(tmpdir(), 'vigil-risk-')), 'not-risk.bin.gz');
  assert.throws(() => riskThresholds(bogus), /cannot read model|not a/);
});
