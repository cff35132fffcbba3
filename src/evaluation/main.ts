// `npm run eval`: the process's entry; the command itself is src/evaluation/cli.ts.
import { runEval } from './cli.js';

runEval(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(`eval failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
