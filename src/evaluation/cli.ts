import path from 'node:path';
import { parseArgs } from 'node:util';
import { SPLITS } from '../corpora/locate.js';
import type { Split } from '../corpora/locate.js';
import { printResult, writeResult } from './report.js';
import { TASKS, findTask } from './tasks/index.js';

const USAGE = `usage: npm run eval -- <task> [--split train|dev|test] [--data DIR] [--out DIR] [--limit N] [--gold DIR] [--gold-only] [--policy JSON] [--corpus hrdsattack|invented]
tasks:
${TASKS.map((t) => `  ${t.name.padEnd(11)} ${t.description}${t.pending ? ' (not built yet)' : ''}`).join('\n')}`;

/** Where `npm run eval` writes: one line at a time, results on `out` and progress on `err`. */
export interface EvalIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: EvalIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** `npm run eval -- ARGS`: returns the exit code. Tests call it in their own process. */
export async function runEval(argv: string[], io: EvalIo = consoleIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { split: { type: 'string', default: 'dev' }, data: { type: 'string' }, out: { type: 'string', default: 'results' }, limit: { type: 'string' }, gold: { type: 'string' }, 'gold-only': { type: 'boolean' }, policy: { type: 'string' }, corpus: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length === 0) {
    io.out(USAGE);
    return values.help ? 0 : 2;
  }
  const split = values.split as Split;
  if (!SPLITS.includes(split)) {
    io.err(`unknown split "${values.split}"; use ${SPLITS.join(', ')}`);
    return 2;
  }
  for (const name of positionals) {
    const task = findTask(name);
    if (!task) {
      io.err(`unknown task "${name}"\n${USAGE}`);
      return 2;
    }
    if (values.corpus !== undefined && values.corpus !== 'hrdsattack' && values.corpus !== 'invented') {
      io.err(`--corpus takes hrdsattack or invented, not "${values.corpus}"`);
      return 2;
    }
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
      io.err(`--limit takes a positive whole number, not "${values.limit}"`);
      return 2;
    }
    const outcome = await task.run({
      split,
      dataDir: values.data ? path.resolve(values.data) : undefined,
      progress: (m) => io.err(`[${name}] ${m}`),
      ...(limit ? { limit } : {}),
      ...(values.gold ? { gold: path.resolve(values.gold) } : {}),
      ...(values.policy ? { policy: values.policy } : {}),
      ...(values['gold-only'] ? { goldOnly: true } : {}),
      ...(values.corpus ? { corpus: values.corpus as 'hrdsattack' | 'invented' } : {}),
    });
    if ('skipped' in outcome) {
      io.out(`${name}: skipped — ${outcome.skipped}`);
      continue;
    }
    printResult(outcome.result, io.out);
    io.out(`\nwritten to ${writeResult(outcome.result, values.out!)}`);
  }
  return 0;
}

