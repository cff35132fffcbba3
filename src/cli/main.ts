// The `vigil` command's entry: the process's own streams, environment and clock.
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2));
