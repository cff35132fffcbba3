import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { LIMITS } from '../articles/article.js';
import type { Extractor } from '../articles/extract.js';
import { articleFromString } from '../articles/read.js';
import { filesUnder, sharedDataDir } from '../corpora/locate.js';
import { articleText, readHrdsAttack } from '../corpora/readers/hrdsattack.js';
import { formatTable } from '../evaluation/report.js';
import type { Row } from '../evaluation/report.js';
import { Trace } from '../pipeline/trace.js';
import { Doc } from '../text/doc.js';
import { toExtraction } from '../text/serialize.js';
import { longReport } from './long-report.js';

/**
 * `npm run bench -- scaling [--max-kb 5120] [--sizes 10,100,1024] [--source invented|corpus]`:
 * one article grown from 10 KB to the input limit (5 MB), each size through the whole pipeline
 * with a trace (the best of five up to 100 KB, once above), then serialised as `vigil extract` does. Time per KB should stay flat:
 * a step whose µs/KB grows with the size is super-linear. `invented` (default) is made from
 * templates naming thousands of distinct invented people; `corpus` is the train reports of
 * HRDsAttack and PolNeAR read from ../shared/data and joined into one text.
 */

const DEFAULT_SIZES_KB = [10, 100, 1024, 2048, 5120];

/** Train reports of ../shared/data joined by blank lines, in order, each that still fits under `bytes`. */
function corpusReport(bytes: number): string {
  const data = sharedDataDir();
  const parts: string[] = [];
  const hrds = path.join(data, 'hrdsattack', 'train.json');
  if (existsSync(hrds)) parts.push(...readHrdsAttack(readFileSync(hrds, 'utf8')).map(articleText));
  const polnear = path.join(data, 'polnear', 'train', 'text');
  if (existsSync(polnear)) parts.push(...filesUnder(polnear, '.txt').map((f) => readFileSync(f, 'utf8').trim()));
  let text = '';
  let size = 0;
  for (const part of parts) {
    const n = Buffer.byteLength(part, 'utf8') + 2;
    if (size + n > bytes) continue;
    text += (text ? '\n\n' : '') + part;
    size += n;
  }
  return text;
}

interface Measured {
  kb: number;
  ms: number;
  stages: Map<string, number>;
}

function measure(extractor: Extractor, text: string): { ms: number; stages: Map<string, number> } {
  const article = articleFromString(text, 'scaling article', { html: false });
  const trace = new Trace();
  const start = performance.now();
  const doc = extractor.pipeline.run(new Doc(article.text), trace);
  const s = performance.now();
  JSON.stringify(toExtraction(doc));
  const stages = new Map(trace.entries.map((e) => [e.component, e.ms]));
  stages.set('serialise', performance.now() - s);
  return { ms: performance.now() - start, stages };
}

const perKb = (ms: number, kb: number): string => ((ms * 1000) / kb).toFixed(0);

export function scalingTable(extractor: Extractor, argv: string[] = []): void {
  const { values } = parseArgs({
    args: argv,
    options: { 'max-kb': { type: 'string' }, sizes: { type: 'string' }, source: { type: 'string', default: 'invented' }, seed: { type: 'string', default: '1' } },
  });
  const limitKb = LIMITS.textBytes / 1024;
  const maxKb = Math.min(Number(values['max-kb'] ?? limitKb), limitKb);
  const sizes = (values.sizes ? values.sizes.split(',').map(Number) : DEFAULT_SIZES_KB).filter((kb) => kb > 0 && kb <= maxKb);
  const make = values.source === 'corpus' ? (bytes: number) => corpusReport(bytes) : (bytes: number) => longReport(bytes, Number(values.seed));
  // a first article loads the lazy lexicons and warms the JIT, so 10 KB is not charged for them
  measure(extractor, make(64 * 1024));
  const measured: Measured[] = [];
  for (const kb of sizes) {
    const text = make(kb * 1024);
    const realKb = Buffer.byteLength(text, 'utf8') / 1024;
    if (realKb < kb * 0.9) {
      process.stderr.write(`scaling: the ${values.source} source gives only ${realKb.toFixed(0)} KB; stopping before ${kb} KB\n`);
      break;
    }
    process.stderr.write(`scaling: ${kb} KB (${values.source})…\n`);
    // small sizes take the best of a few runs (a shared machine's noise is larger than they are)
    const runs = Array.from({ length: kb <= 100 ? 5 : 1 }, () => measure(extractor, text));
    const { ms, stages } = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    measured.push({ kb: realKb, ms, stages });
    process.stderr.write(`scaling: ${kb} KB in ${(ms / 1000).toFixed(1)} s\n`);
  }
  const label = (m: Measured): string => (m.kb >= 1024 ? `${(m.kb / 1024).toFixed(1)} MB` : `${m.kb.toFixed(0)} KB`);
  const rows: Row[] = measured.map((m) => ({ name: `${label(m)} article`, values: { ms: m.ms.toFixed(0), 'µs/KB': perKb(m.ms, m.kb) } }));
  console.log(`\n${formatTable(`Scaling with article size, ${values.source} text (µs/KB should stay flat)`, ['ms', 'µs/KB'], rows)}`);
  if (measured.length === 0) return;
  const columns = measured.map(label);
  const stageRows: Row[] = [...measured[0]!.stages.keys()].map((stage) => ({
    name: stage,
    values: Object.fromEntries(measured.map((m) => [label(m), perKb(m.stages.get(stage) ?? 0, m.kb)])),
  }));
  console.log(`\n${formatTable('µs/KB per component (the runner\'s output checks included; serialise is the extraction document as JSON)', columns, stageRows)}`);
}
