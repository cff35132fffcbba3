import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Extractor } from '../articles/extract.js';
import { VigilError } from '../core/errors.js';
import { seededRandom } from '../core/random.js';

/**
 * `npm run fuzz -- --inputs N --seconds S [--seed K] [--timeout-ms T] [--out DIR]`: mutated
 * real-shaped reports (the invented fixtures under test/fixtures) and pathological inputs (runs of
 * quote marks, brackets, full stops, one-line megabytes, built-in property names, odd Unicode)
 * through the whole pipeline. Prints crashes (any exception but a typed refusal of the input),
 * timeouts (one input over T ms of CPU time, which other jobs on the machine do not inflate) and
 * the worst CPU ms per KB; each crash is saved under DIR.
 * Never part of the test run: timings depend on the machine.
 */

const HOSTILE = ['"', '“', '”', "'", '(', ')', '[', ']', '.', '. ', '…', '—', '-', ',', ';', ':', '\n', '\n\n', ' ', '\t', '\u00a0', '\u200b', '\u202e', '\ufeff', '\ud800', '\udc00', '😀', 'é', 'Ω', '<', '>', '&', '$', '%', '0', '9', 'A', 'z', 'Mr.', 'Dr.', 'U.S.', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'said', 'arrested', 'Monday', '2026', 'http://x.example/', 'O\'Brien', 'al-Hassan'];

function seeds(root: string): string[] {
  const dir = path.join(root, 'test/fixtures');
  const out: string[] = [];
  for (const f of readdirSync(dir, { recursive: true }).map(String)) if (f.endsWith('.txt')) out.push(readFileSync(path.join(dir, f), 'utf8'));
  return out;
}

/** Pathological shapes at a size: what made components quadratic or crash before. */
const PATHOLOGICAL: ((n: number, pick: <T>(xs: T[]) => T) => string)[] = [
  (n) => '"'.repeat(n),
  (n) => '('.repeat(n),
  (n) => ')'.repeat(n),
  (n) => '.'.repeat(n),
  (n) => '. '.repeat(n >> 1),
  (n) => '“'.repeat(n),
  (n) => 'a '.repeat(n >> 1),
  (n) => 'A'.repeat(n),
  (n) => 'Mr. '.repeat(n >> 2),
  (n) => '"He said" '.repeat(n / 10),
  (n) => 'Police arrested Joran Aldemir on Monday, his wife said. '.repeat(n / 56),
  (n, pick) => Array.from({ length: n >> 3 }, () => pick(HOSTILE)).join(''),
  (n) => `${'( "'.repeat(n / 6)}${'" )'.repeat(n / 6)}`,
  (n) => '\n'.repeat(n),
  (n) => 'constructor __proto__ toString hasOwnProperty '.repeat(n / 46),
];

function mutate(text: string, r: () => number, pick: <T>(xs: T[]) => T): string {
  let t = text;
  const edits = 1 + Math.floor(r() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(r() * (t.length + 1));
    const len = Math.floor(r() * 40);
    switch (Math.floor(r() * 6)) {
      case 0: t = t.slice(0, at) + pick(HOSTILE).repeat(1 + Math.floor(r() * (r() < 0.1 ? 2000 : 5))) + t.slice(at); break;
      case 1: t = t.slice(0, at) + t.slice(at + len); break;
      case 2: t = t.slice(0, at) + t.slice(at, at + len).repeat(2 + Math.floor(r() * 20)) + t.slice(at); break;
      case 3: t = t.slice(0, at) + t.slice(at, at + len).toUpperCase() + t.slice(at + len); break;
      case 4: t = t.replace(/\n/g, r() < 0.5 ? ' ' : '\n\n'); break;
      default: t = t.slice(at) + t.slice(0, at);
    }
  }
  return t;
}

export function main(argv: string[]): void {
  const { values } = parseArgs({ args: argv, options: { inputs: { type: 'string', default: '1000' }, seconds: { type: 'string', default: '300' }, seed: { type: 'string', default: '1' }, 'timeout-ms': { type: 'string', default: '10000' }, out: { type: 'string', default: '.vigil-fuzz' } } });
  const inputs = Number(values.inputs);
  const deadline = performance.now() + Number(values.seconds) * 1000;
  const timeoutMs = Number(values['timeout-ms']);
  const seed = Number(values.seed);
  // a seed that is not a whole number would silently become 0 (and repeat another run)
  if (!Number.isSafeInteger(seed)) throw new VigilError('usage', `--seed must be a whole number, not "${values.seed}"`);
  // the project's seeded generator: a run repeats from its seed
  const r = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const base = seeds(root);
  const extractor = new Extractor();
  // Warm-up: the first report loads what the components load lazily; it is not the inputs' cost.
  for (const text of base) extractor.extract({ text, format: 'text', published: '2026-11-18' });
  let ran = 0;
  let refused = 0;
  let bytes = 0;
  const crashes: { input: number; error: string }[] = [];
  const timeouts: { input: number; kb: number; ms: number; wall: number }[] = [];
  let worst = { msPerKb: 0, kb: 0, ms: 0, input: -1, shape: '' };
  const started = performance.now();
  while (ran < inputs && performance.now() < deadline) {
    const n = ran;
    let text: string;
    let shape: string;
    // One input in 50 is large (up to 100 KB, or a 1 MB single line one in 500); the rest report-sized.
    if (r() < 0.3) {
      const k = Math.floor(r() * PATHOLOGICAL.length);
      const size = n % 500 === 499 ? 1 << 20 : n % 50 === 49 ? 100 * 1024 : 64 + Math.floor(r() * 4096);
      text = PATHOLOGICAL[k]!(size, pick);
      shape = `pathological #${k} (${size} chars)`;
    } else {
      text = mutate(pick(base), r, pick);
      if (n % 500 === 249) text = Array.from({ length: 200 }, () => pick(base).replace(/\s+/g, ' ')).join(' ').slice(0, 1 << 20);
      shape = 'mutated report';
    }
    ran++;
    bytes += text.length;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    try {
      extractor.extract({ text, format: 'text', published: '2026-11-18' });
    } catch (err) {
      if (err instanceof VigilError && err.httpStatus < 500) refused++;
      else {
        crashes.push({ input: n, error: String((err as Error).stack ?? err).split('\n').slice(0, 4).join(' | ') });
        mkdirSync(values.out, { recursive: true });
        writeFileSync(path.join(values.out, `crash-${values.seed}-${n}.txt`), text);
      }
    }
    // CPU time, not wall time: on a shared machine the wall clock measures the other jobs
    const used = process.cpuUsage(cpu0);
    const ms = (used.user + used.system) / 1000;
    const wall = performance.now() - t0;
    const kb = text.length / 1024;
    if (ms > timeoutMs) timeouts.push({ input: n, kb: Math.round(kb), ms: Math.round(ms), wall: Math.round(wall) });
    if (kb >= 1 && ms / kb > worst.msPerKb) worst = { msPerKb: ms / kb, kb: Math.round(kb), ms: Math.round(ms), input: n, shape };
    if (ran % 250 === 0) console.error(`${ran} inputs, ${crashes.length} crashes, ${timeouts.length} timeouts, worst ${worst.msPerKb.toFixed(1)} ms/KB (${worst.shape}, ${worst.kb} KB)`);
  }
  const secs = (performance.now() - started) / 1000;
  console.log(`fuzz: ${ran} inputs (${(bytes / 1048576).toFixed(1)} MB) in ${secs.toFixed(0)} s, seed ${values.seed}`);
  console.log(`crashes: ${crashes.length}${crashes.length ? ` (saved in ${values.out}/)` : ''}`);
  for (const c of crashes.slice(0, 20)) console.log(`  #${c.input}: ${c.error}`);
  console.log(`refused as bad input: ${refused}`);
  console.log(`over ${timeoutMs} ms of CPU: ${timeouts.length}`);
  for (const t of timeouts.slice(0, 20)) console.log(`  #${t.input}: ${t.kb} KB in ${t.ms} ms of CPU (${t.wall} ms of wall time)`);
  console.log(`worst: ${worst.msPerKb.toFixed(1)} ms of CPU per KB (#${worst.input}, ${worst.shape}, ${worst.kb} KB in ${worst.ms} ms)`);
  process.exitCode = crashes.length ? 1 : 0;
}

main(process.argv.slice(2));
