import { runCases, runExport } from './cases.js';
import { runExtract } from './extract.js';
import { runIngest } from './ingest.js';
import { runServe } from './serve.js';
import { runShare } from './share.js';
import { runUsers } from './users.js';

/** Every `vigil` command by name (kept apart from main.ts so tests can reach them without running it). */
export const COMMANDS: Record<string, (argv: string[]) => number | Promise<number>> = {
  serve: runServe,
  users: runUsers,
  ingest: runIngest,
  cases: runCases,
  export: runExport,
  extract: runExtract,
  share: runShare,
};
