import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { Pipeline } from '../../pipeline/runner.js';
import { registry } from '../../pipeline/registry.js';
import '../tokens/index.js';
import { loadNerModel, Recognizer } from './index.js';
import { allowed, labelsToSpans, NER_LABELS, spansToLabels } from './labels.js';
import { nerWords } from './ner-words.js';
import { documentAggregates, UNANIMOUS } from './aggregate.js';
import { tokenize } from '../tokens/index.js';

test('BILOU labels round-trip through spans, and ill-formed sequences are not allowed', () => {
  const spans = [
    { start: 0, end: 2, type: 'PER' as const },
    { start: 3, end: 4, type: 'LOC' as const },
  ];
  assert.deepEqual(labelsToSpans(spansToLabels(spans, 5)), spans);
  const L = (s: string): number => NER_LABELS.indexOf(s);
  assert.equal(allowed(L('B-PER'), L('L-PER'), false), true);
  assert.equal(allowed(L('B-PER'), L('L-ORG'), false), false);
  assert.equal(allowed(L('O'), L('I-PER'), false), false);
  assert.equal(allowed(-1, L('B-LOC'), true), false, 'an entity cannot begin on the last token');
});

const pipeline = new Pipeline([registry.create('tokenizer', {}), registry.create('sentencizer', {}), registry.create('ner', {})]);

test('the shipped recogniser finds people, organisations and places, with offsets into the text', () => {
  const text = 'Maria Okonkwo, a spokeswoman for the United Nations in Geneva, said the union leader had been deported to Cambodia. Okonkwo did not say when.';
  const doc = pipeline.run(new Doc(text));
  const byName = new Map(doc.entities.map((e) => [e.name, e]));
  assert.equal(byName.get('Maria Okonkwo')?.type, 'PERSON');
  assert.equal(byName.get('United Nations')?.type, 'ORG');
  assert.equal(byName.get('Geneva')?.type, 'LOC');
  assert.equal(byName.get('Cambodia')?.type, 'LOC');
  for (const e of doc.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  assert.equal(byName.get('Okonkwo')?.type, 'PERSON', 'the surname alone, later in the document');
});

test('curly apostrophes read like straight ones', () => {
  const doc = pipeline.run(new Doc('Cambodia’s Interior Ministry denied the report.'));
  assert.ok(doc.entities.some((e) => e.name === 'Cambodia' && e.type === 'LOC'));
  assert.ok(!doc.entities.some((e) => e.name.includes('’s')));
});

/** Each sentence's PERSON entities are exactly the names given, in order. */
function assertPeople(cases: [string, string[]][]): void {
  for (const [text, people] of cases) {
    const found = pipeline.run(new Doc(text)).entities.filter((e) => e.type === 'PERSON').map((e) => e.name);
    assert.deepEqual(found, people, text);
  }
}

test('people with Vietnamese, Zimbabwean, Yoruba and Zulu names are people, not organisations', () => {
  // sentences written for this test; the people are invented
  const cases: [string, string[]][] = [
    ['Security forces arrested Nguyen Van Thanh in Hanoi on Friday.', ['Nguyen Van Thanh']],
    ['Adebisi Okonjo was taken from her home in Ibadan, her sister said.', ['Adebisi Okonjo']],
    ['Soldiers seized Mthunzi Bhembe outside the union office in Durban.', ['Mthunzi Bhembe']],
  ];
  assertPeople(cases);
});

test('nine in ten names from Africa and South-East Asia, none of them in the training news, are found whole as people', () => {
  // invented combinations of given names and surnames, in sentences written for this test
  const given = ['Tendai', 'Farai', 'Chipo', 'Kwame', 'Adwoa', 'Thabo', 'Lindiwe', 'Oluwaseun', 'Ngozi', 'Hauwa', 'Somchai', 'Nattaya', 'Dewi', 'Budi', 'Wanjiru', 'Baraka'];
  const surnames = ['Ncube', 'Moyo', 'Mensah', 'Asante', 'Dlamini', 'Adeyemi', 'Okafor', 'Abubakar', 'Wongsawat', 'Srisuk', 'Prasetyo', 'Wijaya', 'Kariuki', 'Odhiambo', 'Chebet', 'Banda'];
  const frames = ['Police in Karsvik detained {A} and {B} on Tuesday.', 'Soldiers arrested {A} at her home, said {B}, a lawyer.', '{A} was released on bail, according to {B}.', 'Masked men abducted {A} and {B} in Velmora.'];
  const missed: string[] = [];
  let total = 0;
  given.forEach((g, k) => {
    const frame = frames[k % frames.length]!;
    const a = `${g} ${surnames[k]!}`;
    const b = `${given[(k + 5) % given.length]!} ${surnames[(k + 9) % surnames.length]!}`;
    const people = new Set(pipeline.run(new Doc(frame.replace('{A}', a).replace('{B}', b))).entities.filter((e) => e.type === 'PERSON').map((e) => e.name));
    for (const name of [a, b]) {
      total++;
      if (!people.has(name)) missed.push(name);
    }
  });
  assert.ok(missed.length <= total / 10, `missed ${missed.length} of ${total}: ${missed.join(', ')}`);
});

test('a hyphenated name is one name: Arabic, Cantonese, Korean and double-barrelled names are not cut at the hyphen', () => {
  assertPeople([
    ['Police detained the blogger Samira al-Haddadi in Karsvik on Friday.', ['Samira al-Haddadi']],
    ['Officers arrested Chan Wing-kei outside the court on Monday.', ['Chan Wing-kei']],
    ['Marie-Claude Ndayisenga-Moreau was released on bail.', ['Marie-Claude Ndayisenga-Moreau']],
    ['Security agents took Park Jae-won from his office in Daegu.', ['Park Jae-won']],
  ]);
});

test('the recogniser reads hyphenated words whole, as CoNLL wrote them, but not "Karsvik-based"', () => {
  const text = 'The Karsvik-based group said Lee Man-ho and Anna-Lena Berg-Olsen, a Velmora-trained lawyer, were freed.';
  const tokens = tokenize(text);
  const words = nerWords(tokens).map((w) => w.text);
  assert.ok(words.includes('Man-ho') && words.includes('Anna-Lena') && words.includes('Berg-Olsen'), words.join(' '));
  assert.ok(words.includes('Karsvik') && words.includes('based'), 'an adjective in -based keeps its place name apart');
  assert.ok(words.includes('trained'), 'a participle after a hyphen is not part of a name');
  // every word covers whole tokens, in order, and its text is the text they cover
  let next = 0;
  for (const w of nerWords(tokens)) {
    assert.equal(w.first, next);
    assert.equal(w.text, text.slice(tokens[w.first]!.start, tokens[w.last]!.end));
    next = w.last + 1;
  }
  assert.equal(next, tokens.length);
});

test('the second reading sees what the first said about a word elsewhere in the document, never about itself', () => {
  const L = (s: string): number => NER_LABELS.indexOf(s);
  const sentences = [
    ['HARLOW', 'WINS', 'APPEAL'],
    ['Judge', 'Ada', 'Harlow', 'ruled', '.'],
    ['Harlow', 'said', 'nothing', '.'],
  ];
  const labels = [
    [L('U-ORG'), L('O'), L('O')],
    [L('O'), L('B-PER'), L('L-PER'), L('O'), L('O')],
    [L('U-PER'), L('O'), L('O'), L('O')],
  ];
  const [headline, body, last] = documentAggregates(sentences, labels);
  // the headline's "HARLOW" is read in the body as a person twice (L-PER, U-PER): a tie goes to the lower label
  assert.equal(headline![0], 1 + Math.min(L('L-PER'), L('U-PER')));
  // the body's "Harlow" sees the headline's ORG and the last sentence's PER: no agreement flag
  assert.ok(body![2]! < UNANIMOUS);
  assert.equal(body![1], 0, '"Ada" occurs nowhere else');
  assert.equal(last![1], 0, 'lower-case words are not aggregated');
  assert.equal(body![0], 0, '"Judge" occurs once');
  const twice = documentAggregates([['Okoro', 'spoke'], ['Okoro', 'left']], [[L('U-PER'), L('O')], [L('U-LOC'), L('O')]]);
  assert.equal(twice[0]![0], 1 + L('U-LOC') + UNANIMOUS, 'its one other occurrence, which agrees with itself');
});

test('a recogniser with a second reading labels the whole document, each sentence with its own words', () => {
  const doc = pipeline.run(new Doc('NKEMELU FREED\n\nPolice in Lagos released Chidi Nkemelu on Monday. Nkemelu thanked his lawyers.'));
  const person = doc.entities.find((e) => e.type === 'PERSON' && e.name === 'Chidi Nkemelu');
  assert.ok(person, 'the full name is a person');
  for (const e of doc.entities) for (const m of e.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text);
});

test('a sentence none of whose words recurs in the report keeps the first reading; one that shares a name is read again', () => {
  const recognizer = loadNerModel();
  assert.ok(recognizer.second, 'the shipped model reads twice');
  const lone = [['Police', 'in', 'Karsvik', 'detained', 'Tendai', 'Moyo', 'on', 'Tuesday', '.']];
  assert.deepEqual(recognizer.labelDocument(lone), recognizer.readDocument(lone, recognizer.scorer));
  const shared = [['Moyo', 'was', 'freed', '.'], ['Police', 'had', 'detained', 'Tendai', 'Moyo', 'in', 'May', '.']];
  const first = recognizer.readDocument(shared, recognizer.scorer);
  const second = recognizer.readDocument(shared, recognizer.second!, documentAggregates(shared, first));
  assert.deepEqual(recognizer.labelDocument(shared), second);
});

test('the recogniser reads the same with its per-word weight sums as feature by feature, in both readings', () => {
  const r = loadNerModel();
  const plain = (s: typeof r.scorer) => ({ nClasses: s.nClasses, score: (f: Uint32Array, n: number, out: Float32Array) => s.score(f, n, out) });
  // the same weights behind scorers that are no WeightTable: nothing is summed ahead
  const unsummed = new Recognizer(plain(r.scorer), r.lexemes, r.gazetteer, r.names, r.beam, r.second && plain(r.second));
  const story = [
    ['POLICE', 'DETAIN', 'UNION', 'LEADER', 'IN', 'NORVIA'],
    ['Police', 'in', 'Norvia', 'detained', 'union', 'leader', 'Ana', 'Velsmoor', 'on', 'Tuesday', ',', 'the', 'Norvian', 'Workers', 'Federation', 'said', '.'],
    ['Velsmoor', "'s", 'lawyer', ',', 'Ivo', 'Marek', ',', 'told', 'Reuters', 'she', 'was', 'taken', 'to', 'Port', 'Aldane', '.'],
  ];
  const labels = r.labelDocument(story);
  assert.deepEqual(labels, unsummed.labelDocument(story));
  assert.ok(labels.flat().some((l) => l !== 0));
});
