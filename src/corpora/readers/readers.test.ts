import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readConll, tagSpans } from './conll.js';
import { detokenize, readGmb } from './gmb.js';
import { conlluDocuments, readConllu } from './conllu.js';
import { datePart, readHrdsAttack } from './hrdsattack.js';
import { readBrat } from './polnear.js';
import { readTimeml } from './timeml.js';
import { readWikiEvents } from './wikievents.js';

// Every fixture below is written for these tests, in each corpus's format, about invented people.

test('CoNLL columns: documents, sentences and IOB1/IOB2 spans as conlleval reads them', () => {
  const text = '-DOCSTART- -X- -X- O\n\nAna NNP B-NP B-PER\nVelsmoor NNP I-NP I-PER\nleft VBD B-VP O\nNorvia NNP B-NP B-LOC\n\n-DOCSTART- -X- -X- O\n\nOmerov NNP B-NP I-PER\n';
  const s = readConll(text);
  assert.equal(s.length, 2);
  assert.deepEqual(s[0]!.tokens, ['Ana', 'Velsmoor', 'left', 'Norvia']);
  assert.deepEqual([s[0]!.doc, s[1]!.doc], [1, 2]);
  assert.deepEqual(tagSpans(s[0]!.tags), [{ start: 0, end: 2, type: 'PER' }, { start: 3, end: 4, type: 'LOC' }]);
  // IOB1: I- opens a chunk; a change of type closes one; B- splits two adjacent chunks of one type
  assert.deepEqual(tagSpans(['I-PER', 'I-PER', 'I-ORG', 'B-ORG', 'O']), [
    { start: 0, end: 2, type: 'PER' },
    { start: 2, end: 3, type: 'ORG' },
    { start: 3, end: 4, type: 'ORG' },
  ]);
});

test('CoNLL-U: multiword tokens, paragraphs and the rebuilt raw text', () => {
  const conllu = [
    '# newdoc id = d1',
    '# newpar',
    '# text = Ana didn\'t go.',
    '1\tAna\tAna\tPROPN\tNNP\t_\t3\tnsubj\t_\t_',
    '2-3\tdidn\'t\t_\t_\t_\t_\t_\t_\t_\t_',
    '2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_',
    '3\tn\'t\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_',
    '4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No',
    '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
    '',
    '# text = She stayed.',
    '1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_',
    '2\tstayed\tstay\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No',
    '3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_',
    '',
    '# newpar',
    '# text = Why?',
    '1\tWhy\twhy\tADV\tWRB\t_\t0\troot\t_\tSpaceAfter=No',
    '2\t?\t?\tPUNCT\t.\t_\t1\tpunct\t_\t_',
    '',
  ].join('\n');
  const sentences = readConllu(conllu);
  assert.equal(sentences[0]!.tokens.length, 4);
  assert.equal(sentences[0]!.words.length, 5);
  const [doc] = conlluDocuments(sentences);
  assert.equal(doc!.text, "Ana didn't go. She stayed.\n\nWhy?");
  const slice = (s: { start: number; end: number }) => doc!.text.slice(s.start, s.end);
  assert.deepEqual(doc!.tokens.map(slice), ['Ana', "didn't", 'go', '.', 'She', 'stayed', '.', 'Why', '?']);
  assert.deepEqual(doc!.words.slice(0, 4).map(slice), ['Ana', 'did', "n't", 'go']);
  assert.deepEqual(doc!.sentences.map(slice), ["Ana didn't go.", 'She stayed.', 'Why?']);
});

test('TimeML: tags removed, TIMEX3 spans in the plain text, the creation time read', () => {
  const xml = `<?xml version="1.0" ?>\n<TimeML><DOCID>NV001</DOCID>\n<DCT><TIMEX3 tid="t0" type="DATE" value="2026-12-04" functionInDocument="CREATION_TIME">20261204</TIMEX3></DCT>\n<TEXT>\nPolice <EVENT eid="e1" class="OCCURRENCE">held</EVENT> her <TIMEX3 tid="t1" type="DATE" value="2026-12-01">on Tuesday</TIMEX3> &amp; for <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.\n</TEXT></TimeML>`;
  const doc = readTimeml(xml);
  assert.equal(doc.id, 'NV001');
  assert.equal(doc.dct, '2026-12-04');
  assert.equal(doc.text, '\nPolice held her on Tuesday & for three days.\n');
  assert.deepEqual(doc.timexes.map((t) => [doc.text.slice(t.start, t.end), t.type, t.value]), [
    ['on Tuesday', 'DATE', '2026-12-01'],
    ['three days', 'DURATION', 'P3D'],
  ]);
});

test('PolNeAR brat standoff: spans, discontinuous fragments and attributions', () => {
  const ann = 'T1\tSource 0 6\tOmerov\nT2\tCue 7 11\tsaid\nT3\tContent 12 20;25 30\tshe was held\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n';
  const { spans, attributions } = readBrat(ann);
  assert.equal(spans.size, 3);
  assert.deepEqual(spans.get('T3')!.fragments, [[12, 20], [25, 30]]);
  assert.equal(attributions.length, 1);
  assert.deepEqual([attributions[0]!.source?.text, attributions[0]!.cue?.text, attributions[0]!.content?.id], ['Omerov', 'said', 'T3']);
});

test('HRDsAttack: paragraphs from HTML, labels with normalised date parts', () => {
  const item = {
    sample: { 'Input.GLOBALEVENTID': '42', 'Input.title': 'Organizer held', 'Input.publish_date': '2026-12-04 10:00:00', 'Input.article_interface': '<p>Police held Ana Velsmoor.</p><p>Her lawyer &amp; family protested.</p>' },
    annotations: [
      {
        annotation: {
          perpetrator_mention: true,
          perpetrator_type: 'state security forces',
          violation_types: ['arbitrary detention'],
          year: '2026.0',
          month: 'December',
          date: '1.0',
          city: 'Port Selim',
          region: 'None',
          country: 'Norvia',
          victims: [{ victim_name: 'Ana Velsmoor', victim_type: ['labour rights defender'], victim_population_type: 'individual', victim_sex_type: 'female', victim_age_group: 'adult' }],
        },
      },
    ],
  };
  const [a] = readHrdsAttack(JSON.stringify([item]));
  assert.deepEqual(a!.paragraphs, ['Police held Ana Velsmoor.', 'Her lawyer & family protested.']);
  assert.equal(a!.published, '2026-12-04');
  assert.deepEqual([a!.labels.year, a!.labels.month, a!.labels.day, a!.labels.region, a!.labels.city], [2026, 12, 1, null, 'Port Selim']);
  assert.equal(a!.labels.victims[0]!.name, 'Ana Velsmoor');
  assert.deepEqual([datePart('03'), datePart('Sept'), datePart('nan'), datePart(null)], [3, 9, null, null]);
});

test('WikiEvents: entity and event mentions with their arguments', () => {
  const line = JSON.stringify({
    doc_id: 'nv_1',
    tokens: ['Police', 'arrested', 'Velsmoor', 'in', 'Port', 'Selim'],
    text: 'Police arrested Velsmoor in Port Selim',
    entity_mentions: [{ id: 'nv_1-T1', start: 2, end: 3, entity_type: 'PER', text: 'Velsmoor' }],
    event_mentions: [{ id: 'nv_1-E1', event_type: 'Justice.ArrestJailDetain.Unspecified', trigger: { start: 1, end: 2, text: 'arrested', sent_idx: 0 }, arguments: [{ entity_id: 'nv_1-T1', role: 'Detainee', text: 'Velsmoor' }] }],
  });
  const [d] = readWikiEvents(`${line}\n\n`);
  assert.equal(d!.events[0]!.type, 'Justice.ArrestJailDetain.Unspecified');
  assert.deepEqual(d!.events[0]!.arguments, [{ entityId: 'nv_1-T1', role: 'Detainee', text: 'Velsmoor' }]);
  assert.equal(d!.entities[0]!.text, 'Velsmoor');
});

test('GMB CSV: sentences opened by "Sentence: N", quoted words and tags with a comma or a quote, a missing tag read as O', () => {
  const csv = ['header', 'Sentence: 1,Ismo,NNP,B-per', ',Drabek,NNP,I-per', ',"3,000",CD,O', ',",",",",O', ',"""",``,O', 'Sentence: 2,left,VBD'].join('\n');
  const s = readGmb(csv);
  assert.deepEqual(s.map((x) => x.tokens), [['Ismo', 'Drabek', '3,000', ',', '"'], ['left']]);
  assert.deepEqual(s[0]!.pos, ['NNP', 'NNP', 'CD', ',', '``']);
  assert.deepEqual(s[0]!.tags.slice(3), ['O', 'O']);
  assert.deepEqual(s[1]!.tags, ['O']);
  assert.deepEqual(tagSpans(s[0]!.tags), [{ start: 0, end: 2, type: 'per' }]);
});

test('GMB tokens written back as text: marks and clitics against the word before, quotes by turns, offsets on each token', () => {
  const tokens = ['Mr.', 'Drabek', ',', 'Velsmoor', "'s", 'mayor', ',', 'said', '"', 'we', 'did', "n't", 'know', '"', '(', 'about', '3', '%', ')', '.'];
  const { text, starts } = detokenize(tokens);
  assert.equal(text, 'Mr. Drabek, Velsmoor\'s mayor, said "we didn\'t know" (about 3%).');
  tokens.forEach((t, i) => assert.equal(text.slice(starts[i], starts[i]! + t.length), t));
});
