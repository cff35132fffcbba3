import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { filesUnder, sharedDataDir } from '../corpora/locate.js';
import { readHrdsAttack } from '../corpora/readers/hrdsattack.js';
import { formatTable } from '../evaluation/report.js';
import type { Row } from '../evaluation/report.js';

/**
 * `npm run bench -- ingest [--jsonl FILE] [--sizes 250,500,1000] [--db-dir DIR]`: `vigil ingest
 * --jsonl` on the first N lines of a batch, each size in a fresh process and a fresh SQLite file,
 * and what it cost: reports per minute (wall, import and extraction), CPU seconds (all threads)
 * and peak resident memory (the process's, extraction thread included), read from /proc. Memory that grows with N
 * is the thing to look for: a bounded ingest holds about the same at 250 reports as at 3,000.
 * Without --jsonl the batch is built in a temporary folder from the real reports in ../shared/data
 * (HRDsAttack train and dev, PolNeAR), never in the project.
 */

const VIGIL = fileURLToPath(new URL('../../bin/vigil.js', import.meta.url));

interface Figures {
  code: number;
  wallS: number;
  cpuS: number;
  peakRssMb: number;
}

async function buildBatch(file: string): Promise<number> {
  const data = sharedDataDir();
  const out = createWriteStream(file);
  let n = 0;
  const write = (rec: Record<string, string>) => (n++, out.write(`${JSON.stringify(rec)}\n`));
  for (const split of ['train', 'dev']) {
    let json: string;
    try {
      json = readFileSync(path.join(data, 'hrdsattack', `${split}.json`), 'utf8');
    } catch {
      continue;
    }
    for (const a of readHrdsAttack(json)) write({ text: a.paragraphs.join('\n\n'), published: a.published.slice(0, 10) });
  }
  for (const f of filesUnder(path.join(data, 'polnear'), '.txt')) if (/\/text\//.test(f)) write({ text: readFileSync(f, 'utf8') });
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return n;
}

function firstLines(file: string, n: number, to: string): number {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).slice(0, n);
  writeFileSync(to, `${lines.join('\n')}\n`);
  return lines.length;
}

/** VmHWM (peak resident) in MB and user + system CPU seconds of a running process, from /proc (Linux). */
function procFigures(pid: number): { peakRssMb: number; cpuS: number } | undefined {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    // an exiting process (a zombie) has no memory lines: keep the last reading
    if (!hwm) return undefined;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // fields 14 and 15 of stat (utime, stime), in clock ticks: 100 a second on Linux
    return { peakRssMb: Number(hwm[1]) / 1024, cpuS: (Number(stat[11]) + Number(stat[12])) / 100 };
  } catch {
    return undefined;
  }
}

/** `vigil ingest --jsonl` in a process of its own, watched from /proc until it ends (its peak is a high-water mark). */
async function measure(jsonl: string, db: string): Promise<Figures | { error: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [VIGIL, 'ingest', '--jsonl', jsonl, '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
  let tail = '';
  child.stderr.on('data', (d: Buffer) => (tail = (tail + d.toString('utf8')).slice(-2000)));
  let last: ReturnType<typeof procFigures>;
  const timer = setInterval(() => (last = procFigures(child.pid!) ?? last), 200);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
  clearInterval(timer);
  if (!last) return { error: `no figures from /proc (not Linux?), exit ${code}: ${tail.trim().split('\n').slice(-2).join(' ')}` };
  // exit 1 is a batch with refused lines (a page with no article text): still a measurement
  if (code > 1) return { error: `vigil ingest failed (${code}): ${tail.trim().split('\n').slice(-3).join(' ')}` };
  return { code, wallS: (performance.now() - started) / 1000, ...last };
}

export async function ingestBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { jsonl: { type: 'string' }, sizes: { type: 'string', default: '250,500,1000' }, 'db-dir': { type: 'string' } } });
  const tmp = mkdtempSync(path.join(values['db-dir'] ?? os.tmpdir(), 'vigil-ingest-bench-'));
  try {
    let source = values.jsonl;
    if (!source) {
      source = path.join(tmp, 'batch.jsonl');
      const n = await buildBatch(source);
      if (!n) throw new Error(`no reports found under ${sharedDataDir()}; pass --jsonl FILE`);
      process.stderr.write(`ingest bench: ${n} reports from HRDsAttack and PolNeAR\n`);
    }
    const rows: Row[] = [];
    for (const size of values.sizes.split(',').map(Number)) {
      const batch = path.join(tmp, `first-${size}.jsonl`);
      const n = firstLines(source, size, batch);
      process.stderr.write(`ingesting ${n} reports…\n`);
      const f = await measure(batch, path.join(tmp, `db-${size}`, 'vigil.db'));
      if ('error' in f) {
        console.log(`${n} reports: ${f.error}`);
        continue;
      }
      rows.push({ name: `${n} reports`, values: { 'reports/min': Math.round((n / f.wallS) * 60).toLocaleString('en'), 'CPU s': f.cpuS.toFixed(1), 'peak RSS MB': f.peakRssMb.toFixed(0) } });
    }
    console.log(`\n${formatTable('vigil ingest --jsonl on SQLite, a fresh process per size (wall time on a shared machine varies; CPU and memory less)', ['reports/min', 'CPU s', 'peak RSS MB'], rows)}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
