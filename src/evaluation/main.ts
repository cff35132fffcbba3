import path from 'node:path';
import { parseArgs } from 'node:util';
import { SPLITS } from '../corpora/locate.js';
import type { Split } from '../corpora/locate.js';
import { printResult, writeResult } from './report.js';
import { TASKS, findTask } from './tasks/index.js';

const USAGE = `usage: npm run eval -- <task> [--split train|dev|test] [--data DIR] [--out DIR] [--limit N] [--gold DIR] [--policy JSON]
tasks:
${TASKS.map((t) => `  ${t.name.padEnd(11)} ${t.description}${t.pending ? ' (not built yet)' : ''}`).join('\n')}`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { split: { type: 'string', default: 'dev' }, data: { type: 'string' }, out: { type: 'string', default: 'results' }, limit: { type: 'string' }, gold: { type: 'string' }, policy: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const split = values.split as Split;
  if (!SPLITS.includes(split)) {
    console.error(`unknown split "${values.split}"; use ${SPLITS.join(', ')}`);
    return 2;
  }
  for (const name of positionals) {
    const task = findTask(name);
    if (!task) {
      console.error(`unknown task "${name}"\n${USAGE}`);
      return 2;
    }
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
      console.error(`--limit takes a positive whole number, not "${values.limit}"`);
      return 2;
    }
    const outcome = await task.run({
      split,
      dataDir: values.data ? path.resolve(values.data) : undefined,
      progress: (m) => console.error(`[${name}] ${m}`),
      ...(limit ? { limit } : {}),
      ...(values.gold ? { gold: path.resolve(values.gold) } : {}),
      ...(values.policy ? { policy: values.policy } : {}),
    });
    if ('skipped' in outcome) {
      console.log(`${name}: skipped — ${outcome.skipped}`);
      continue;
    }
    printResult(outcome.result);
    console.log(`\nwritten to ${writeResult(outcome.result, values.out!)}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`eval failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
