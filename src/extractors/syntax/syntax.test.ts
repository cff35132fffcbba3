import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import { Pipeline } from '../../pipeline/runner.js';
import { registry } from '../../pipeline/registry.js';
import '../tokens/index.js';
import './index.js';
import { LEFT, MOVES, ParseState, RIGHT, SHIFT } from './arc-hybrid.js';
import { learnLemmaRules, lemmatize } from './lemmatizer.js';
import { repairLabels } from './parser-model.js';
import { loadParserModel, loadPosModel } from './index.js';
import { Parser } from './parser.js';
import { Tagger } from './tagger.js';

// "Guards took the editor away": took is the root; Guards ← took; the ← editor ← took; away ← took.
const WORDS = ['Guards', 'took', 'the', 'editor', 'away'];
const HEADS = [1, -1, 3, 1, 1];

test('following the dynamic oracle rebuilds a projective tree exactly', () => {
  const n = WORDS.length;
  const gold = Int32Array.from(HEADS, (h) => (h < 0 ? n : h));
  const st = new ParseState(n);
  while (!st.done) {
    const free = [SHIFT, LEFT, RIGHT].filter((m) => st.legal(m) && st.cost(m, gold) === 0);
    assert.ok(free.length > 0, 'a projective tree always has a zero-cost move');
    st.apply(free[0]!);
  }
  assert.deepEqual([...st.heads], HEADS);
});

test('a wrong move costs the gold arcs it makes unreachable', () => {
  const n = WORDS.length;
  const gold = Int32Array.from(HEADS, (h) => (h < 0 ? n : h));
  const st = new ParseState(n);
  st.apply(SHIFT); // stack: ROOT Guards; buffer: took …
  // RIGHT would attach Guards to ROOT, losing Guards ← took.
  assert.equal(st.cost(RIGHT, gold), 1);
  assert.equal(st.cost(LEFT, gold), 0);
  // RIGHT onto ROOT is illegal while words remain: a sentence has one root.
  assert.equal(st.legal(RIGHT), false);
  assert.equal(MOVES, 3);
});

test('lemma rules learnt from examples apply to unseen words', () => {
  const rules = learnLemmaRules([
    { words: ['denied', 'carried', 'was', 'arrested', 'cities'], xpos: ['VBD', 'VBD', 'VBD', 'VBD', 'NNS'], lemmas: ['deny', 'carry', 'be', 'arrest', 'city'] },
    { words: ['tried', 'detained', 'parties'], xpos: ['VBD', 'VBD', 'NNS'], lemmas: ['try', 'detain', 'party'] },
    { words: ['walked', 'called', 'opened'], xpos: ['VBD', 'VBD', 'VBD'], lemmas: ['walk', 'call', 'open'] },
  ]);
  assert.equal(lemmatize(rules, 'was', 'VBD'), 'be');
  assert.equal(lemmatize(rules, 'buried', 'VBD'), 'bury');
  assert.equal(lemmatize(rules, 'jailed', 'VBD'), 'jail');
  assert.equal(lemmatize(rules, 'Bangkok', 'NNP'), 'Bangkok');
});

test('irregular past forms the training never showed take their base from WordNet, whatever past or present tag they get', () => {
  const rules = learnLemmaRules([{ words: ['got', 'walked'], xpos: ['VBD', 'VBD'], lemmas: ['get', 'walk'] }]);
  // the suffix rule learnt from "got" would make "shet" of "shot"
  assert.equal(lemmatize(rules, 'shot', 'VBD'), 'shoot');
  assert.equal(lemmatize(rules, 'fled', 'VBN'), 'flee');
  assert.equal(lemmatize(rules, 'slain', 'VBN'), 'slay');
  assert.equal(lemmatize(rules, 'shot', 'VBP'), 'shoot', '"police shot X" read as present');
  assert.equal(lemmatize(rules, 'lay', 'VBP'), 'lay', 'a base form stays itself under a present tag');
  assert.equal(lemmatize(rules, 'lay', 'VBD'), 'lie');
  assert.equal(lemmatize(rules, 'got', 'VBD'), 'get', 'what training saw comes first');
});

const pipeline = new Pipeline(['tokenizer', 'sentencizer', 'tagger', 'parser'].map((n) => registry.create(n as 'tagger', {})));

function analyse(text: string): Doc {
  return pipeline.run(new Doc(text));
}

const find = (doc: Doc, text: string) => doc.tokens.find((t) => t.text === text)!;

test('the shipped tagger and parser read who did what to whom in an active sentence', () => {
  const doc = analyse('Soldiers arrested the journalist on Monday.');
  assert.equal(find(doc, 'arrested').upos, 'VERB');
  assert.equal(find(doc, 'arrested').lemma, 'arrest');
  assert.equal(find(doc, 'arrested').deprel, 'root');
  const verb = find(doc, 'arrested').i;
  assert.equal(find(doc, 'Soldiers').head, verb);
  assert.equal(find(doc, 'Soldiers').deprel, 'nsubj');
  assert.equal(find(doc, 'journalist').head, verb);
  assert.equal(find(doc, 'journalist').deprel, 'obj');
});

test('a news lede: the verb after its subject is the root and the person after a role noun its object', () => {
  // the shipped tagger reads "detained" as a participle and "activist" as a preposition here
  for (const [text, verb, name] of [
    ['Police detained activist Marta Quell on Monday.', 'detained', 'Quell'],
    ['The police arrested blogger Ilse Varn in 2012.', 'arrested', 'Varn'],
    ['Police in Dorvik arrested journalist Oren Pask.', 'arrested', 'Pask'],
  ] as const) {
    const doc = analyse(text);
    assert.equal(find(doc, verb).xpos, 'VBD', text);
    assert.equal(find(doc, verb).deprel, 'root', text);
    // up from the family name through the name's own words to the verb
    let k = find(doc, name).i;
    for (let up = 0; up < 2 && doc.tokens[k]!.head !== find(doc, verb).i; up++) k = doc.tokens[k]!.head!;
    assert.equal(doc.tokens[k]!.head, find(doc, verb).i, `${text}: ${name} hangs on the verb`);
    assert.equal(doc.tokens[k]!.deprel, 'obj', text);
  }
});

test('a word in lower case with no proper noun beside it is a common noun; a plural noun after a name that can be a verb is its verb', () => {
  const doc = analyse('Marta Quell lives in exile in Dorvik.');
  assert.equal(find(doc, 'lives').xpos, 'VBZ');
  assert.equal(find(doc, 'lives').lemma, 'live');
  assert.equal(find(doc, 'exile').upos, 'NOUN');
});

test('the passive agent is obl:agent of the verb', () => {
  const doc = analyse('The organizer was detained by border police.');
  const verb = find(doc, 'detained');
  assert.equal(verb.xpos, 'VBN');
  assert.equal(find(doc, 'organizer').deprel, 'nsubj:pass');
  assert.equal(find(doc, 'police').head, verb.i);
  assert.equal(find(doc, 'police').deprel, 'obl:agent');
});

test('heads stay inside their own sentence', () => {
  const doc = analyse('He was released. His lawyer said so.');
  for (const t of doc.tokens) {
    if (t.head! < 0) continue;
    assert.equal(doc.sentenceAt(doc.tokens[t.head!]!.start), doc.sentenceAt(t.start));
  }
  assert.equal(doc.tokens.filter((t) => t.head === -1).length, 2);
});

test('a noun right before the noun that heads it is its modifier, not its subject, unless the head has a copula', () => {
  // union ← leader: the labeller's "nsubj" becomes "compound"; with a copula the subject stays
  const heads = Int32Array.from([1, 3, 3, -1]);
  assert.deepEqual(repairLabels(heads, ['nsubj', 'nsubj:pass', 'aux:pass', 'root'], ['NN', 'NN', 'VBD', 'VBN']), ['compound', 'nsubj:pass', 'aux:pass', 'root']);
  assert.deepEqual(repairLabels(Int32Array.from([1, -1, 1]), ['nsubj', 'root', 'cop'], ['NNP', 'NN', 'VBZ']), ['nsubj', 'root', 'cop']);
  // "held at Vesk police station", the preposition hung inside the noun phrase: an oblique, not an object
  const misparsed = Int32Array.from([-1, 2, 4, 4, 0]);
  assert.deepEqual(repairLabels(misparsed, ['root', 'case', 'obl', 'compound', 'obj'], ['VBN', 'IN', 'NNP', 'NN', 'NN']), ['root', 'case', 'obl', 'compound', 'obl']);
  assert.equal(misparsed[1], 4, 'the preposition marks the oblique itself');
  // "On Sunday night his son Arash was detained": the description hung on the time is the verb's subject
  const words = ['On', 'Sunday', 'night', 'his', 'son', 'Arash', 'was', 'detained'];
  const timed = Int32Array.from([2, 2, 7, 4, 2, 4, 7, -1]);
  assert.deepEqual(
    repairLabels(timed, ['case', 'compound', 'obl', 'nmod:poss', 'appos', 'appos', 'aux:pass', 'root'], ['IN', 'NNP', 'NN', 'PRP$', 'NN', 'NNP', 'VBD', 'VBN'], words),
    ['case', 'compound', 'obl', 'nmod:poss', 'nsubj:pass', 'appos', 'aux:pass', 'root'],
  );
  assert.equal(timed[4], 7);
  // must not match: a verb that has its subject ("On Sunday night, the day of the vote, police detained him")
  const voted = ['On', 'Sunday', 'night', 'the', 'day', 'police', 'detained', 'him'];
  assert.deepEqual(
    repairLabels(Int32Array.from([2, 2, 6, 4, 2, 6, -1, 6]), ['case', 'compound', 'obl', 'det', 'appos', 'nsubj', 'root', 'obj'], ['IN', 'NNP', 'NN', 'DT', 'NN', 'NN', 'VBD', 'PRP'], voted),
    ['case', 'compound', 'obl', 'det', 'appos', 'nsubj', 'root', 'obj'],
  );
  // …while an object after its verb stays one, a count marked by a preposition included ("killed at least two activists")
  assert.deepEqual(repairLabels(Int32Array.from([-1, 2, 0]), ['root', 'det', 'obj'], ['VBD', 'DT', 'NN']), ['root', 'det', 'obj']);
  const counted = Int32Array.from([-1, 2, 3, 4, 0]);
  assert.deepEqual(repairLabels(counted, ['root', 'case', 'advmod', 'nummod', 'obj'], ['VBD', 'IN', 'JJS', 'CD', 'NNS']), ['root', 'case', 'advmod', 'nummod', 'obj']);
  assert.equal(counted[1], 2);
  // …while a superlative place is still a place: "held at the nearest police station"
  assert.deepEqual(repairLabels(Int32Array.from([-1, 5, 5, 5, 5, 0]), ['root', 'case', 'det', 'amod', 'compound', 'obj'], ['VBN', 'IN', 'DT', 'JJS', 'NN', 'NN']), ['root', 'case', 'det', 'amod', 'compound', 'obl']);
});

test('the tagger tags the same with its per-word weight sums as feature by feature', () => {
  const { tagger } = loadPosModel();
  // the same weights behind a scorer that is no WeightTable: nothing is summed ahead
  const plain = new Tagger(tagger.tags, { nClasses: tagger.scorer.nClasses, score: (f, n, out) => tagger.scorer.score(f, n, out) }, tagger.lexemes);
  const sentences = [
    ['Police', 'in', 'Norvia', 'arrested', 'the', 'union', 'leader', 'Ana', 'K.', 'Velsmoor', 'on', 'Dec.', '3', '.'],
    ['“', 'We', 'don’t', 'know', 'where', 'she', 'is', ',', '”', 'her', 'lawyer', 'told', 'reporters', '.'],
    ['She', 'was', 'beaten', ',', 'then', 'released', 'on', 'bail', 'and', 'will', 'appeal', '.'],
    ['Arrest', 'spread', 'fear'],
    ['Thx'],
  ];
  for (const words of sentences) assert.deepEqual(tagger.tagIndices(words), plain.tagIndices(words), words.join(' '));
  // a sentence tagged later reads the words met before ("Police") from their sums
  assert.deepEqual(tagger.tag(['Police', 'left', '.']).map((t) => t.upos), ['NOUN', 'VERB', 'PUNCT']);
});

test('the parser parses the same with its per-token role sums as feature by feature', () => {
  const { parser } = loadParserModel();
  // the same weights behind a scorer that is no WeightTable: nothing is summed ahead
  const plain = new Parser({ nClasses: parser.scorer.nClasses, score: (f, n, out) => parser.scorer.score(f, n, out) }, parser.lexemes);
  const { tagger } = loadPosModel();
  for (const words of [
    ['Police', 'in', 'Norvia', 'arrested', 'the', 'union', 'leader', 'Ana', 'K.', 'Velsmoor', 'on', 'Dec.', '3', ',', 'her', 'lawyer', 'said', '.'],
    ['She', 'was', 'beaten', ',', 'then', 'released', 'on', 'bail', '.'],
    ['Help'],
  ]) {
    const tags = tagger.tag(words).map((t) => t.xpos);
    assert.deepEqual([...parser.parse(words, tags)], [...plain.parse(words, tags)], words.join(' '));
  }
});

test('a semicolon joins two clauses when each side has a finite verb, and the second one before any relative word', async () => {
  const { clauseSemicolon } = await import('./index.js');
  assert.equal(clauseSemicolon(['It', 'was', 'late', ';', 'she', 'left', '.'], ['PRP', 'VBD', 'JJ', ':', 'PRP', 'VBD', '.']), 3);
  // must not match: a list, a fragment before the semicolon, a semicolon at the end
  assert.equal(clauseSemicolon(['We', 'saw', 'A', ';', 'B', ',', 'who', 'was', 'hurt', '.'], ['PRP', 'VBD', 'NNP', ':', 'NNP', ',', 'WP', 'VBD', 'VBN', '.']), -1);
  assert.equal(clauseSemicolon(['A', 'lawyer', ';', 'she', 'left', '.'], ['DT', 'NN', ':', 'PRP', 'VBD', '.']), -1);
  assert.equal(clauseSemicolon(['She', 'left', ';', '.'], ['PRP', 'VBD', ':', '.']), -1);
});
