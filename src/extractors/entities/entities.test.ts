import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { Pipeline } from '../../pipeline/runner.js';
import { registry } from '../../pipeline/registry.js';
import '../tokens/index.js';
import './index.js';
import { allowed, labelsToSpans, NER_LABELS, spansToLabels } from './labels.js';
import { nerWords } from './ner-words.js';
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
    ['Police in Karsvik detained Tendai Moyo and Farai Ncube on Tuesday.', ['Tendai Moyo', 'Farai Ncube']],
    ['Adebisi Okonjo was taken from her home in Ibadan, her sister said.', ['Adebisi Okonjo']],
    ['Soldiers seized Mthunzi Bhembe outside the union office in Durban.', ['Mthunzi Bhembe']],
  ];
  assertPeople(cases);
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
