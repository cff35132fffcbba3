import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Extractor } from '../articles/extract.js';
import { filesUnder, sharedDataDir } from '../corpora/locate.js';
import { formatTable } from '../evaluation/report.js';
import type { Row } from '../evaluation/report.js';
import { Doc } from '../text/doc.js';
import { Trace } from '../pipeline/trace.js';
import { scalingTable } from './scaling.js';
import { serviceBench } from './service.js';
import { statisticalBench } from './statistical.js';

/**
 * `npm run bench`: words per second for each pipeline stage and the whole pipeline on one core,
 * model load time and peak memory, on raw text read from a folder (default: ../shared/corpus
 * plus the raw text of the annotated corpora). Never part of the test run: timings flake.
 * `npm run bench -- scaling` measures one article grown to the input limit alone (scaling.ts).
 */

function corpusTexts(dirs: string[], limitBytes: number): { texts: string[]; sources: string[] } {
  const texts: string[] = [];
  const sources: string[] = [];
  let bytes = 0;
  for (const dir of dirs) {
    const files = [...filesUnder(dir, '.txt')].filter((f) => !/SOURCE|README|LICENSE|tag\.txt|iob2|conll/i.test(path.basename(f)));
    if (files.length > 0) sources.push(`${dir} (${files.length} files)`);
    for (const f of files) {
      if (bytes >= limitBytes) break;
      const t = readFileSync(f, 'utf8');
      texts.push(t);
      bytes += t.length;
    }
  }
  return { texts, sources };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: 'string', multiple: true }, mb: { type: 'string', default: '4' }, rounds: { type: 'string', default: '3' }, reports: { type: 'string', default: '100' } } });
  const shared = path.dirname(sharedDataDir());
  const dirs = values.dir ?? [path.join(shared, 'corpus'), path.join(shared, 'data', 'polnear')];
  const { texts, sources } = corpusTexts(dirs, Number(values.mb) * 1024 * 1024);
  if (texts.length === 0) {
    console.log(`bench: no text found under ${dirs.join(', ')}; pass --dir DIR with .txt files`);
    return;
  }
  const t0 = performance.now();
  const extractor = new Extractor();
  const loadMs = performance.now() - t0;
  const words = texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);
  const stageMs = new Map<string, number>();
  let totalMs = Infinity;
  for (let round = 0; round < Number(values.rounds); round++) {
    const perStage = new Map<string, number>();
    const start = performance.now();
    // the runner itself, with a trace for the per-stage times: the bench measures exactly what
    // `vigil extract` runs, layer bookkeeping and output checks included
    for (const text of texts) {
      const trace = new Trace();
      extractor.pipeline.run(new Doc(text), trace);
      for (const e of trace.entries) perStage.set(e.component, (perStage.get(e.component) ?? 0) + e.ms);
    }
    const ms = performance.now() - start;
    process.stderr.write(`round ${round + 1}: ${(words / (ms / 1000)).toFixed(0)} words/s\n`);
    if (ms < totalMs) {
      totalMs = ms;
      perStage.forEach((v, k) => stageMs.set(k, v));
    }
  }
  const rows: Row[] = [...stageMs].map(([name, ms]) => ({ name, values: { 'words/s': Math.round(words / (ms / 1000)).toLocaleString('en'), ms: ms.toFixed(1) } }));
  rows.push({ name: 'whole pipeline', values: { 'words/s': Math.round(words / (totalMs / 1000)).toLocaleString('en'), ms: totalMs.toFixed(1) } });
  console.log(`\nbench: ${texts.length} documents, ${words.toLocaleString('en')} words from ${sources.join(', ')}; best of ${values.rounds} rounds, one core`);
  console.log(`\n${formatTable('Speed per stage', ['words/s', 'ms'], rows)}`);
  console.log(`\npipeline load: ${loadMs.toFixed(1)} ms   peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (this process so far: all models, GeoNames' cities)`);
  process.stderr.write('measuring the statistical pipeline alone in a fresh process…\n');
  const stat = statisticalBench(texts, Number(values.rounds));
  if ('error' in stat) console.log(`\nstatistical pipeline: ${stat.error}`);
  else {
    const row = (name: string, value: string, target: string): Row => ({ name, values: { measured: value, target } });
    const statRows = [
      row('words/s', Math.round(stat.wordsPerSecond).toLocaleString('en'), '≥ 50,000'),
      row('models loaded in', `${stat.loadMs.toFixed(0)} ms`, '≤ 500 ms'),
      row('resident once loaded', `${stat.loadedRssMb.toFixed(0)} MB`, ''),
      row('peak RSS', `${stat.peakRssMb.toFixed(0)} MB`, '≤ 300 MB'),
    ];
    console.log(`\n${formatTable('Statistical pipeline alone (tokens → POS → parse → NER), fresh process, one core', ['measured', 'target'], statRows)}`);
  }
  scalingTable(extractor, ['--max-kb', '1024']);
  await serviceBench(extractor, texts, Number(values.reports));
}

if (process.argv[2] === 'scaling') scalingTable(new Extractor(), process.argv.slice(3));
else if (process.argv[2] === 'scale') await (await import('./scale.js')).scaleBench(process.argv.slice(3));
else if (process.argv[2] === 'ingest') await (await import('./ingest.js')).ingestBench(process.argv.slice(3));
else await main();
