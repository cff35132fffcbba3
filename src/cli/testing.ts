import { Extractor } from '../articles/extract.js';
import type { CliIo } from './io.js';
import { run } from './run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Standard input, for `-`. */
  input?: string;
  /** The command's whole environment: nothing of the test process's own leaks in. */
  env?: Record<string, string>;
  /** The database's clock; the real one when absent. */
  now?: () => Date;
}

// One extractor for every command a test process runs: the models load once, on the first report.
let extractor: Extractor | undefined;
const reader = { extract: (article: Parameters<Extractor['extract']>[0]) => (extractor ??= new Extractor()).extract(article) };

/**
 * Runs `vigil ARGS` in the test's own process, as bin/vigil.js would in its own: the same entry
 * (`run`), its output captured, its exit code returned. `ingest` reads reports in this process
 * rather than in a worker thread (the thread and its budget are tested in src/ingest).
 */
export async function vigil(args: string[], options: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    stdin: () => Buffer.from(options.input ?? ''),
    env: { ...options.env },
    ...(options.now ? { now: options.now } : {}),
    reader,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
