import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Doc } from '../../text/doc.js';
import type { Quote } from '../../text/types.js';
import { createDefaultPipeline } from '../default.js';
import { quotedSpans } from './marks.js';
import { colonInCue, marksInContent } from './refine.js';

// Articles here are our own inventions (test/fixtures/articles/reyvik-quotes.txt).
const pipeline = createDefaultPipeline();
const run = (text: string): Doc => pipeline.run(new Doc(text, { published: '2026-11-25' }));
const fixture = readFileSync(new URL('../../../test/fixtures/articles/reyvik-quotes.txt', import.meta.url), 'utf8');

test('quotation marks pair across paragraphs the way news writes long quotes', () => {
  const text = '“We have heard nothing.\n\n“Nobody answers the phone.”\n\nHe left. "Straight marks," she said.';
  const spans = quotedSpans(text).map((q) => text.slice(q.start, q.end));
  assert.deepEqual(spans, ['“We have heard nothing.\n\n“Nobody answers the phone.”', '"Straight marks,"']);
  // a mark never closed ends at its paragraph, not at the end of the article
  const open = '“This never closes.\n\nThe next paragraph is the reporter’s.';
  assert.deepEqual(quotedSpans(open).map((q) => [open.slice(q.start, q.end), q.closed]), [['“This never closes.', false]]);
});

test('direct, indirect, mixed and according-to quotes each get their cue and speaker', () => {
  const doc = run(fixture);
  const find = (pred: (q: Quote) => boolean): Quote => {
    const q = doc.quotes.find(pred);
    assert.ok(q, JSON.stringify(doc.quotes.map((x) => [x.kind, x.text, x.speakerText])));
    return q;
  };
  const name = (id: string | null | undefined) => doc.entities.find((e) => e.id === id)?.name;
  for (const q of doc.quotes) {
    assert.equal(doc.text.slice(q.start, q.end), q.text);
    if (q.cue) assert.equal(doc.text.slice(q.cue.start, q.cue.end), q.cue.text);
    if (q.speakerSpan) assert.equal(doc.text.slice(q.speakerSpan.start, q.speakerSpan.end), q.speakerSpan.text);
  }

  const wife = find((q) => q.text.startsWith('“They took him'));
  assert.deepEqual([wife.kind, wife.cue?.text, name(wife.speaker)], ['direct', 'said', 'Elena Reyvik']);
  // the next paragraphs of her quotation, with no cue of their own, are still hers
  const more = find((q) => q.text.startsWith('“We have heard nothing'));
  assert.ok(more.text.endsWith('at the station.”'));
  assert.equal(name(more.speaker), 'Elena Reyvik');

  const minister = find((q) => q.text.startsWith('that there were no charges'));
  assert.deepEqual([minister.kind, minister.cue?.text, name(minister.speaker)], ['indirect', 'told', 'Dario Fenn']);

  const spokesman = find((q) => q.kind === 'mixed');
  assert.equal(spokesman.text, 'Reyvik "committed a crime against the state"');
  // the apposition's closing comma is part of the source, as PolNeAR marks sources
  assert.equal(spokesman.speakerSpan?.text, 'Ivo Marek, a spokesman for the Interior Ministry,');
  assert.equal(name(spokesman.speaker), 'Ivo Marek');
  // the fragment in marks belongs to the mixed quote, not a quote of its own
  assert.equal(doc.quotes.filter((q) => q.text.includes('committed a crime')).length, 1);

  // an unnamed speaker: null entity, the words that name her, and her entity through coreference
  const official = find((q) => q.cue?.text === 'According to');
  assert.deepEqual([official.speaker, official.speakerText], [null, 'a U.N. official stationed in Geneva']);
  const added = find((q) => q.cue?.text === 'added');
  assert.deepEqual([added.speaker, added.speakerSpan?.text, added.speakerText, added.speakerEntity], [null, 'She', 'a U.N. official stationed in Geneva', official.speakerEntity]);

  const lawyer = find((q) => q.text === '"This is a disappearance,"');
  assert.deepEqual([lawyer.speakerSpan?.text, name(lawyer.speaker)], ['she', 'Mira Castell']);
});

test('titles and scare quotes in marks are not quotes', () => {
  const doc = run('On “Evening Report,” the minister spoke about the “reforms” again. The film titled “Night Falls Over the Harbour Town” was banned.');
  assert.deepEqual(doc.quotes, []);
});

test('the colon after a cue verb is part of the cue, as PolNeAR marks cues', () => {
  const added = run('The lawyer Mira Castell added: “We will appeal the ruling.”').quotes.find((x) => x.text.includes('appeal'));
  assert.equal(added?.cue?.text, 'added:');
  // a colon that does not open the quote stays out: the quote came first
  const after = run('“We will appeal,” Mira Castell said: the court had not heard her client.').quotes.find((x) => x.text.includes('appeal'));
  assert.equal(after?.cue?.text, 'said');
});

test('two apostrophes open and close a quote where an archive writes double marks so; an apostrophe inside a word does not', () => {
  const text = "''We will appeal,'' said Mira Castell. The union's leaders' lawyers agreed.";
  assert.deepEqual(quotedSpans(text).map((q) => text.slice(q.start, q.end)), ["''We will appeal,''"]);
  const q = run(text).quotes.find((x) => x.text.includes('appeal'));
  assert.deepEqual([q?.kind, q?.text, q?.cue?.text], ['direct', "''We will appeal,''", 'said']);
});

test('quotation marks at a reported clause’s edges join its content, with the comma inside them', () => {
  const doc = new Doc('“The court has no case,” the lawyer said, and left.');
  const inner = doc.span(1, 22);
  const quote: Quote = { ...inner, kind: 'indirect', cue: doc.span(37, 41), speaker: null, speakerText: 'the lawyer', speakerSpan: doc.span(25, 35), speakerEntity: null };
  const stretches = quotedSpans(doc.text);
  assert.equal(marksInContent(doc, quote, stretches).text, '“The court has no case,”');
  // a quotation that reaches past the content stays out of it
  const part = { ...quote, ...doc.span(1, 10) };
  assert.equal(marksInContent(doc, part, stretches).text, 'The court');
});

test('a source that ends its sentence leaves the sentence’s stop out: “…, according to the union.”', () => {
  const q = run('The detention of Ode Marsh was unlawful, according to the union.').quotes.find((x) => x.cue?.text === 'according to');
  assert.deepEqual([q?.text, q?.speakerSpan?.text], ['The detention of Ode Marsh was unlawful', 'the union']);
});

test('a speaker’s title and the name after it are one speaker: “…,” said Rep. Gale Butterfield', () => {
  const doc = run('“We will fight the ruling,” said Rep. Gale Butterfield, a Democrat.');
  const q = doc.quotes.find((x) => x.text.includes('fight'));
  assert.ok(q, JSON.stringify(doc.quotes));
  assert.ok(q.speakerSpan?.text.startsWith('Rep. Gale Butterfield'), JSON.stringify(q));
  assert.equal(doc.entities.find((e) => e.id === q.speaker)?.name, 'Gale Butterfield');
});

test('"…," said the group\'s chair, A: a possessive before the speaker\'s noun, the name in apposition is the speaker', () => {
  const doc = run('"This is a plain attempt to frighten a lawyer out of his work," said the collective\'s chair, Nadia Voss.');
  const q = doc.quotes.find((x) => x.text.includes('frighten'));
  assert.ok(q, JSON.stringify(doc.quotes));
  assert.equal(doc.entities.find((e) => e.id === q.speaker)?.name, 'Nadia Voss');
  // must not match: a possessive further on, past the name right after the cue
  const named = run('"We will appeal the ruling," said Ivo Rant after the court\'s decision.');
  assert.equal(named.entities.find((e) => e.id === named.quotes[0]?.speaker)?.name, 'Ivo Rant');
});

test('the family of a person named speaks for them and is not them; a dateline hung on the subject is no part of the speaker', () => {
  const doc = run('TARSK, Velmora — The family of environmental activist Omar Selk say they have not heard from him since Wednesday.');
  const q = doc.quotes.find((x) => x.text.includes('not heard'));
  assert.ok(q, JSON.stringify(doc.quotes));
  assert.equal(q.speaker, null, 'the family, unnamed');
  assert.ok(q.speakerSpan?.text.startsWith('The family'), q.speakerSpan?.text);
  const missing = doc.events.find((e) => e.target?.entity === doc.entities.find((x) => x.name === 'Omar Selk')?.id);
  if (missing) assert.notEqual(missing.speaker?.entity, missing.target?.entity, 'his family\'s account is not his own');
  // must not match: the person named speaking for themself
  const own = run('Environmental activist Omar Selk said he had been followed for weeks.');
  assert.equal(own.entities.find((e) => e.id === own.quotes[0]?.speaker)?.name, 'Omar Selk');
});

test('a call is a statement: what is called for, by whom — “called for”, “called on X to …”; a phone call is not', () => {
  const release = run('Amnesty International called for the immediate release of Ode Marsh, saying he was a prisoner of conscience.').quotes.find((x) => x.cue?.text === 'called for');
  assert.deepEqual([release?.text, release?.speakerSpan?.text, release?.kind], ['the immediate release of Ode Marsh', 'Amnesty International', 'indirect']);
  const on = run('Trump called again for President Obama to resign.').quotes.find((x) => x.cue?.text === 'called again for');
  assert.equal(on?.text, 'President Obama to resign');
  // the auxiliaries are the cue's, as for any cue verb
  const has = run('The union has called for a strike on Monday to protest the arrests.').quotes.map((x) => x.cue?.text);
  assert.deepEqual(has, ['has called for']);
  assert.deepEqual(run('She called the police at once.').quotes, []);
});

test('a cue keeps its colon only when the quote opens after it', () => {
  const doc = new Doc('“We will appeal,” Mira Castell said: the court had not heard her client.');
  const said = doc.text.indexOf('said');
  const quote: Quote = { ...doc.span(0, 17), kind: 'direct', cue: doc.span(said, said + 5), speaker: null, speakerText: 'Mira Castell' };
  assert.equal(colonInCue(doc, quote).cue?.text, 'said');
  const opens = new Doc('Mira Castell said: “We will appeal.”');
  const after: Quote = { ...opens.span(19, opens.text.length), kind: 'direct', cue: opens.span(13, 17), speaker: null, speakerText: 'Mira Castell' };
  assert.equal(colonInCue(opens, after).cue?.text, 'said:');
});

test('a speaker quoted inside someone’s statement does not take over the next “she said”', () => {
  const doc = run(
    'Tomas Reyvik may be tortured in custody, his sister said on Friday. She told Radio Karsland on Saturday that an aid worker stationed in Geneva assured her ' +
      'that the transfer had taken place and he was now held by the army, but nobody knows where. ' +
      'She said officials have given the family no answer. “Nobody tells us where he is,” she added.',
  );
  const sister = doc.entities.find((e) => e.name === 'his sister');
  const worker = doc.quotes.find((q) => q.cue?.text === 'assured');
  assert.equal(worker?.speakerText, 'an aid worker stationed in Geneva');
  for (const cue of ['said', 'added']) {
    const q = doc.quotes.filter((x) => x.cue?.text === cue).pop();
    assert.equal(q?.speakerEntity, sister?.id, `${cue}: ${q?.speakerText}`);
  }
});

test('quotations attributed by layout: a signature after a dash, a transcript’s turns, a headline’s label', () => {
  const letters = run('Readers wrote to us about the dam at Velmora.\n\n“We were never asked where our village should go.” ― Tove Lindqvist\n\n“The water took the school and the clinic.” — Aldo Renn, Velmora');
  const said = (d: Doc) => d.quotes.map((q) => [q.text.replace(/^[“"]|[”"]$/g, '').slice(0, 20), q.cue?.text ?? null, q.speakerText]);
  assert.deepEqual(said(letters), [
    ['We were never asked ', '―', 'Tove Lindqvist'],
    ['The water took the s', '—', 'Aldo Renn'],
  ]);

  const transcript = run(
    'Pol Varan spoke to the radio host Ina Holt on Sunday.\n\nHOLT: Where is your brother held tonight?\n\nVARAN: We do not know where he is held, and nobody will tell us.\n\n“HOLT: Have the police charged him with anything?',
  );
  assert.deepEqual(
    transcript.quotes.filter((q) => q.kind === 'direct').map((q) => [q.text.slice(0, 16), q.cue?.text, q.speakerText]),
    [
      ['Where is your br', ':', 'Ina Holt'],
      ['We do not know w', ':', 'Pol Varan'],
      ['Have the police ', ':', 'Ina Holt'],
    ],
  );

  // a country, a newsroom's label and a single unknown label are not speakers
  const labels = run('Karsland: Free the Students Held in Velmora Prison\n\nUPDATE: The students were moved on Monday night.\n\nUPDATE: Their lawyers have not seen them.\n\nMORNING: Crowds gathered outside the prison gates.');
  assert.deepEqual(labels.quotes.map((q) => q.text), []);
});

test('what someone calls a thing is their statement: “called the verdict a travesty”; a name or a phone call is not', () => {
  const doc = run('Ode Marsh called the verdict a travesty of justice. A group called Velmora Watch met on Monday. Later she called the police.');
  assert.deepEqual(
    doc.quotes.filter((q) => q.cue?.text === 'called').map((q) => [q.text, q.speakerText]),
    [['the verdict a travesty of justice', 'Ode Marsh']],
  );
});

test('the medium right after a cue verb is part of the cue: “said in a statement”', () => {
  const doc = run('The Velmora Bar Association said in a statement that Aldo Renn had been moved to a prison in the north. Renn said in the courtroom that he was innocent.');
  assert.deepEqual(
    doc.quotes.map((q) => q.cue?.text),
    ['said in a statement', 'said'],
  );
});
