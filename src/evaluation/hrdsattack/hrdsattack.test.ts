import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HrdArticle, HrdLabels } from '../../corpora/readers/hrdsattack.js';
import { createDefaultPipeline } from '../../extractors/default.js';
import { Doc } from '../../text/doc.js';
import { HrdAdapter } from './adapter.js';
import { articleFeatures } from './features.js';
import { toHrdLabels } from './rules.js';
import { Classifier, Ranker } from '../../extractors/learn/linear.js';
import { CountryNamer } from './country-names.js';
import { ViolationModel } from './violations.js';

test('violation types come from yes/no classifiers and the label sets together: types annotated together are named together', () => {
  // the report's own words only: each type's features are the report's, as for a report Vigil read no events in
  const input = (words: string[]) => ({ doc: words, violation: () => words });
  const examples = [
    ...Array.from({ length: 8 }, () => ({ input: input(['w=charge', 'w=detain']), gold: new Set(['arbitrary detention', 'other']) })),
    ...Array.from({ length: 8 }, () => ({ input: input(['w=shoot']), gold: new Set(['killing']) })),
    ...Array.from({ length: 4 }, () => ({ input: input(['w=detain']), gold: new Set(['arbitrary detention']) })),
  ];
  const model = ViolationModel.fit(examples, { iterations: 100, l2: 0.1 });
  assert.deepEqual(model.types(input(['w=charge', 'w=detain'])).sort(), ['arbitrary detention', 'other']);
  assert.deepEqual(model.types(input(['w=shoot'])), ['killing']);
  const p = model.probabilities(input(['w=shoot']));
  assert.ok(p.get('killing')! > 0.8 && p.get('other')! < 0.2, JSON.stringify([...p]));
});

test('the classifier learns which features point to which label, and falls back on the commoner label', () => {
  const examples = [
    ...Array.from({ length: 6 }, () => ({ feats: ['ag=police', 'state=police'], label: 'state actor' })),
    ...Array.from({ length: 3 }, () => ({ feats: ['ag=gunmen', 'nonstate=gunmen'], label: 'other non-state actors' })),
  ];
  const clf = Classifier.train(examples, { iterations: 100, l2: 0.1 });
  assert.equal(clf.predict(['ag=gunmen']), 'other non-state actors');
  assert.equal(clf.predict(['ag=police']), 'state actor');
  assert.equal(clf.predict([]), 'state actor');
  const p = clf.probabilities(['ag=gunmen']);
  assert.ok(Math.abs([...p.values()].reduce((a, b) => a + b, 0) - 1) < 1e-9);
});

test('the ranker learns that the place of the attack beats the most named country', () => {
  const groups = Array.from({ length: 8 }, (_, i) => ({
    candidates: [
      { value: `A${i}`, feats: ['rank=0', 'n=4'] },
      { value: `B${i}`, feats: ['rank=1', 'n=1', 'evplace'] },
    ],
    gold: (v: string) => v.startsWith('B'),
  }));
  const r = Ranker.train(groups, { iterations: 100, l2: 0.1 });
  assert.equal(r.best([{ value: 'X', feats: ['rank=0', 'n=8'] }, { value: 'Y', feats: ['rank=2', 'evplace'] }])?.value, 'Y');
  assert.equal(r.best([]), undefined);
});

const labels = (over: Partial<HrdLabels>): HrdLabels => ({
  violationTypes: ['arbitrary detention'],
  perpetratorMention: true,
  perpetratorType: 'state actor',
  victims: [{ name: 'Dara Venn', type: ['journalist'], populationType: 'individual', sex: 'woman', ageGroup: 'adult' }],
  country: 'Kenya',
  region: null,
  city: null,
  year: 2021,
  month: 3,
  day: 4,
  ...over,
});

/** A report we wrote, published 2021-03-05, and Vigil's reading of it. */
function report(id: string, title: string, paragraphs: string[], over: Partial<HrdLabels>): { article: HrdArticle; doc: Doc } {
  const article: HrdArticle = { id, title, published: '2021-03-05 10:00:00', paragraphs, html: paragraphs.map((x) => `<p>${x}</p>`).join(' '), labels: labels(over) };
  return { article, doc: createDefaultPipeline().run(new Doc([title, ...paragraphs].join('\n\n'), { published: '2021-03-05' })) };
}

test('features of a written report: the country of the attack, its year, and the victim’s words', () => {
  const { article, doc } = report('t1', 'Journalist detained in Nairobi', ['Police in Nairobi detained the journalist Dara Venn on Thursday, her editor said.', 'The French embassy in Paris said it was following the case.'], {});
  const f = articleFeatures(doc, article);
  const kenya = f.countries.find((c) => c.value === 'KEN');
  assert.ok(kenya, 'Nairobi stands for Kenya');
  assert.ok(kenya.feats.includes('intitle'));
  assert.ok(f.countries.some((c) => c.value === null), 'there is always a "no country" candidate');
  assert.ok(f.years.some((y) => y.value === 2021 && y.feats.includes('pub')));
  // "on Thursday" in a report of Friday 2021-03-05 is March 4th, and the detention's date
  const march = f.dates.find((d) => d.value.year === 2021 && d.value.month === 3);
  assert.equal(march?.value.day, 4);
  assert.ok(march?.feats.includes('ev=arbitrary detention'));
  assert.ok(f.cities.some((c) => c.value === 'Nairobi' && c.feats.includes('intitle')));
  assert.ok(f.victim('Dara Venn').some((x) => x === 'ctx=journalist' || x === 'title=journalist'));
  assert.ok(f.doc.some((x) => x.startsWith('evkind=ARREST')));
  const detention = f.violation('arbitrary detention');
  assert.ok(detention.includes('intitle') && detention.includes('rule') && detention.includes('cuetitle'), 'the headline tells the detention');
  assert.ok(f.violation('killing').includes('n=0') && !f.violation('killing').includes('rule'));

  // an adapter fit on reports like this one answers like them
  const adapter = HrdAdapter.fit([{ labels: article.labels, features: f }, { labels: article.labels, features: f }], { iterations: 50, l2: 0.1 });
  const p = adapter.predict(f, (code) => (code === 'KEN' ? 'Kenya' : code));
  assert.deepEqual(p.violationTypes, ['arbitrary detention']);
  assert.equal(p.country, 'Kenya');
  assert.equal(p.year, 2021);
  assert.equal(p.month, 3);
  assert.equal(p.city, 'Nairobi');
  assert.equal(p.perpetratorType, 'state actor');
  assert.deepEqual(p.victimAttributes.get('Dara Venn')?.type, ['journalist']);
});

test('each day the report dates is a candidate for the day column, the detention’s own day marked', () => {
  const { article, doc } = report('t4', 'Activist detained in Nairobi', ['Police detained the activist Ode Marsh on February 2.', 'He appeared in court on February 9 and again on February 16, his lawyer said on February 16.'], {});
  const f = articleFeatures(doc, article);
  const days = (d: number) => f.days.filter((c) => c.value.year === 2021 && c.value.month === 2 && c.value.day === d);
  // one candidate per day, however often it is told
  assert.equal(days(16).length, 1);
  assert.ok(days(16)[0]!.feats.includes('n=2'));
  // the detention's day is a candidate of its own, beside the later days of the same month
  assert.ok(days(2)[0]?.feats.includes('ev=arbitrary detention'));
  assert.ok(days(2)[0]!.feats.includes('evfirst'));
  assert.equal(days(9).length, 1);
  assert.ok(f.days.some((c) => c.value.day === 5 && c.feats.includes('pub')), 'the publication day is one');
  // the day is ranked on its own, not taken from the month: fit on a report its annotator dated
  // by the first hearing, the adapter answers the 9th, a day told once
  const adapter = HrdAdapter.fit([{ labels: labels({ year: 2021, month: 2, day: 9 }), features: f }], { iterations: 50, l2: 0.1 });
  assert.equal(adapter.predict(f, (code) => code).day, 9);
});

test('in a report about a killing, the men charged with it are not its victims', () => {
  const { article, doc } = report('t2', 'Two men charged over killing of reporter', ['Gunmen shot dead the reporter Dara Venn in Nairobi in January.', 'Police on Thursday charged Omari Kessler and Juma Tindo with the murder.'], { violationTypes: ['killing'] });
  const p = toHrdLabels(doc, article, (code) => code);
  assert.deepEqual(p.victimNames, ['Dara Venn']);
});

test('someone held for a killing is its suspect; a reporter tried in the same report stays a victim', () => {
  const { article, doc } = report(
    't3',
    'Suspect held over killing of editor',
    ['Gunmen shot dead the editor Dara Venn in Nairobi in January.', 'Police arrested Omari Kessler on Monday in connection with the murder.', 'In a separate case the reporter Lina Obote was sentenced to two years in prison.'],
    { violationTypes: ['killing'] },
  );
  const p = toHrdLabels(doc, article, (code) => code);
  assert.ok(p.victimNames.includes('Dara Venn'), JSON.stringify(p.victimNames));
  assert.ok(!p.victimNames.includes('Omari Kessler'), 'held for the murder: a suspect');
  assert.ok(p.victimNames.includes('Lina Obote'), 'a reporter sentenced is a victim, whatever else the report tells');
});

test('men sentenced together, one of whom the report says was tortured, are co-defendants and victims, not suspects; someone released had been held', () => {
  const { article, doc } = report(
    't4',
    'Court sentences four men to death',
    ['A court in Karsvik sentenced four men, Akram Velo, Hadi Arno, Samir Tolo and Rami Desh, to death on Monday.', 'Akram Velo was tortured in prison, his brother said.', 'Separately, the blogger Nuri Kalt was freed on Friday.'],
    { violationTypes: ['arbitrary detention', 'torture'] },
  );
  const p = toHrdLabels(doc, article, (code) => code);
  for (const name of ['Akram Velo', 'Hadi Arno', 'Samir Tolo', 'Rami Desh', 'Nuri Kalt']) assert.ok(p.victimNames.includes(name), `${name}: ${JSON.stringify(p.victimNames)}`);
  // the body's sentence (the headline's "Court sentences …" is a conviction of its own, by "Court")
  const sentence = doc.events.find((v) => v.type === 'CONVICTION' && v.sentence > 0);
  assert.equal(sentence?.agent?.text, 'A court in Karsvik', 'the agent stops where its event begins');
  assert.equal(doc.events.find((v) => v.type === 'CONVICTION' && v.sentence === 0)?.agent?.text, 'Court');
});

test('a country is written as the annotators wrote it, preferring the report’s own word', () => {
  const a = (country: string): HrdArticle => ({ id: country, title: '', published: '2021-03-05', paragraphs: [], html: '', labels: labels({ country }) });
  const namer = CountryNamer.learn([a('USA'), a('USA'), a('United States'), a('Kenya')]);
  assert.equal(namer.usual('USA'), 'USA');
  assert.equal(namer.name('USA', 'Police in Ohio said the United States would appeal.'), 'United States');
  assert.equal(namer.name('USA', 'Police in Ohio said the U.S. would appeal.'), 'USA');
  // a spelling the annotators never used, when it is the report's only one
  assert.equal(namer.name('MMR', 'The junta in Burma detained her.'), 'Burma');
  assert.equal(namer.name('MMR', 'The junta detained her.'), 'Myanmar');
  assert.equal(CountryNamer.code('Yemeni'), 'YEM');
});

test('a role word that introduces or sums up a list of names reaches every name in it', () => {
  const { article, doc } = report(
    't3',
    'Reporters held in Kisumu',
    ['Police detained three journalists — Amani Oduya, Peter Langat, and Rose Wekesa — on Thursday.', 'Halima Bore, 27, and Noor Kibet, 31, two lawyers for the union, were also held.', 'The governor, Samuel Otieno, said the arrests were lawful.'],
    {},
  );
  const f = articleFeatures(doc, article);
  assert.ok(f.victim('Rose Wekesa').includes('listbefore=journalist'), 'three names after "journalists —"');
  assert.ok(f.victim('Halima Bore').includes('listafter=defender'), 'two names before ", two lawyers"');
  assert.ok(!f.victim('Samuel Otieno').some((x) => x.startsWith('list')), 'a governor heads no list of defenders');
  assert.ok(f.victim('Rose Wekesa').includes('doc=journalist:3'), 'the report says reporters or journalists three times, headline included');
  assert.ok(f.victim('Halima Bore').includes('nearw=lawyer'));
});
