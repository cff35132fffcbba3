import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Extractor } from '../articles/extract.js';
import { filesUnder, locate, sharedDataDir } from '../corpora/locate.js';
import { tagSpans } from '../corpora/readers/conll.js';
import { readConllDocs } from '../models/train-ner.js';
import { Doc } from '../text/doc.js';

/**
 * `npm run compare`: Vigil beside compromise and wink-nlp (dev dependencies, installed for this
 * comparison only), measured in one run on the same text, printed as the README's markdown
 * table. Speed: words/s over news text with each library's entity extraction. Accuracy: recall
 * of CoNLL-2003 dev PERSON names (exact string, sentence by sentence), the one entity type all
 * three claim to find.
 */
const require = createRequire(import.meta.url);

interface System {
  name: string;
  people(text: string): string[];
  run(text: string): void;
}

function systems(): System[] {
  const extractor = new Extractor();
  const vigilPeople = (text: string): string[] =>
    extractor.pipeline
      .run(new Doc(text))
      .entities.filter((e) => e.type === 'PERSON')
      .flatMap((e) => e.mentions.map((m) => m.text));
  const nlp = require('compromise') as (t: string) => { people(): { out(f: 'array'): string[] } };
  const winkNLP = require('wink-nlp') as (m: unknown) => {
    readDoc(t: string): { entities(): { out(): string[] }; tokens(): { out(): string[] } };
  };
  const wink = winkNLP(require('wink-eng-lite-web-model'));
  return [
    { name: 'Vigil (whole pipeline: tokens, POS, parse, NER, places, dates, coref, quotes, events)', people: vigilPeople, run: (t) => void vigilPeople(t) },
    { name: 'compromise', people: (t) => nlp(t).people().out('array').map((p) => p.replace(/[.,;:]+$/, '')), run: (t) => void nlp(t).people().out('array') },
    { name: 'wink-nlp (lite web model)', people: () => [], run: (t) => void wink.readDoc(t).entities().out() },
  ];
}

function main(): void {
  const shared = path.dirname(sharedDataDir());
  const texts = filesUnder(path.join(shared, 'data', 'polnear'), '.txt').slice(0, 200).map((f) => readFileSync(f, 'utf8'));
  const loc = locate('conll2003', 'dev');
  if (texts.length === 0 || !loc.path) {
    console.log('compare: needs ../shared/data/polnear and conll2003 dev');
    return;
  }
  const words = texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);
  const sentences = readConllDocs('dev').flat();
  const rows: string[] = [];
  for (const s of systems()) {
    process.stderr.write(`${s.name}…\n`);
    s.run(texts[0]!);
    const t0 = performance.now();
    for (const t of texts) s.run(t);
    const wps = words / ((performance.now() - t0) / 1000);
    let found = 0;
    let gold = 0;
    for (const sent of sentences) {
      const names = tagSpans(sent.tags)
        .filter((x) => x.type === 'PER')
        .map((x) => sent.tokens.slice(x.start, x.end).join(' '));
      if (names.length === 0) continue;
      const got = new Set(s.people(sent.tokens.join(' ')));
      gold += names.length;
      found += names.filter((n) => got.has(n)).length;
    }
    const recall = s.name.startsWith('wink') ? 'no person type' : `${((100 * found) / gold).toFixed(1)}`;
    rows.push(`| ${s.name} | ${Math.round(wps).toLocaleString('en')} | ${recall} |`);
  }
  console.log(`Measured here in one run: ${texts.length} PolNeAR news texts (${words.toLocaleString('en')} words) for speed, one core; CoNLL-2003 dev (${sentences.length} sentences) for PERSON recall.\n`);
  console.log('| System | words/s | PERSON recall (CoNLL dev) |');
  console.log('|---|---:|---:|');
  rows.forEach((r) => console.log(r));
}

main();
