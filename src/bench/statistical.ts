import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createDefaultPipeline } from '../extractors/default.js';
import { Doc } from '../text/doc.js';

/**
 * The statistical pipeline (tokens → POS → parse → NER) measured alone, in a fresh process, as
 * the targets are stated: model load time, words per second, and peak memory. Peak RSS is a
 * whole-process figure, so the main bench (GeoNames' cities, a 1 MB article, a database and a
 * server) cannot give it for these four stages; a child that loads nothing else can.
 */

export interface StatisticalFigures {
  loadMs: number;
  wordsPerSecond: number;
  peakRssMb: number;
  /** Resident memory once the models are loaded, before any text. */
  loadedRssMb: number;
}

function measure(texts: string[], rounds: number): StatisticalFigures {
  const t0 = performance.now();
  const pipeline = createDefaultPipeline('ner');
  const loadMs = performance.now() - t0;
  const loadedRssMb = process.memoryUsage().rss / 1e6;
  const words = texts.reduce((n, t) => n + (t.match(/\S+/g)?.length ?? 0), 0);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const text of texts) pipeline.run(new Doc(text));
    best = Math.min(best, performance.now() - start);
  }
  return { loadMs, wordsPerSecond: words / (best / 1000), peakRssMb: process.resourceUsage().maxRSS / 1024, loadedRssMb };
}

/** Runs `measure` in a child process on the texts (passed through stdin) and returns its figures. */
export function statisticalBench(texts: string[], rounds: number): StatisticalFigures | { error: string } {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), String(rounds)], {
    input: JSON.stringify(texts),
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) return { error: `the measuring process failed (${child.status ?? child.signal}): ${child.stderr.trim().split('\n').slice(-3).join(' ')}` };
  return JSON.parse(child.stdout) as StatisticalFigures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const texts = JSON.parse(Buffer.concat(chunks).toString('utf8')) as string[];
  process.stdout.write(JSON.stringify(measure(texts, Number(process.argv[2] ?? 3))));
}
