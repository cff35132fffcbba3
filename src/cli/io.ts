import { readFileSync } from 'node:fs';
import type { ReportReader } from '../ingest/process.js';

/**
 * Where a command writes and what it reads from its surroundings. `vigil` gives it the process's
 * own (standard streams, environment, the real clock); tests give it buffers, their own
 * environment and a fixed clock, and call the commands in the test's process.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, read whole when a command is given `-`. */
  stdin(): Buffer;
  env: Readonly<Record<string, string | undefined>>;
  /** The clock the database's rows are stamped with; the real one when absent. */
  now?: () => Date;
  /**
   * How `ingest` reads the reports it stored: when absent, in a worker thread with a time and
   * memory budget (as `vigil serve` does). Tests give an in-process reader, so the models load
   * once per test process instead of once per command.
   */
  reader?: ReportReader;
  /** Standard error is a terminal a person reads: errors are written as a sentence there, as a JSON line for scripts elsewhere. */
  errIsTerminal?: boolean;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  stdin: () => readFileSync(0),
  env: process.env,
  get errIsTerminal() {
    return process.stderr.isTTY === true;
  },
};

/** Writes one line to the command's standard output. */
export const say = (io: CliIo, line: string): void => io.out(`${line}\n`);
/** Writes one line to the command's standard error. */
export const warn = (io: CliIo, line: string): void => io.err(`${line}\n`);
