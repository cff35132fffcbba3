import { VigilError, asVigilError } from '../core/errors.js';
import type { CliIo } from './io.js';
import { processIo, say } from './io.js';
import { COMMANDS } from './commands.js';
import { printError } from './output.js';
import { CASES_USAGE, EXPORT_USAGE, EXTRACT_USAGE, INGEST_USAGE, SERVE_USAGE, SHARE_USAGE, USERS_USAGE, WATCH_USAGE } from './usage.js';

export const USAGE = `vigil — reads news reports about people at risk and keeps watch over their cases

commands:
  serve     run the API and the background worker (SQLite by default, nothing to set up)
  users     create accounts (the first admin)
  ingest    store reports (files, URLs, feeds, JSONL/CSV) and update the cases
  cases     list cases, or show one with its timeline
  watch     names and organisations whose every event makes a case; the triage queue
  export    every case as JSON, CSV or PLOVER-style JSON; a case's HTML dossier
  extract   read reports (text, HTML, JSON Lines) and print what was found in them
  share     signed, redacted case bundles for partner organisations, and importing theirs

${SERVE_USAGE}

${USERS_USAGE}

${INGEST_USAGE}

${CASES_USAGE}

${WATCH_USAGE}

${EXPORT_USAGE}

${EXTRACT_USAGE}

${SHARE_USAGE}`;


/**
 * Runs one `vigil` command with the given surroundings and returns its exit code; errors come out
 * as one JSON line on `io.err`, never as a stack trace. bin/vigil.js runs it with the process's
 * own; tests run it in their process with buffers.
 */
export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      say(io, USAGE);
      return command ? 0 : 2;
    }
    const runCommand = COMMANDS[command];
    if (!runCommand) throw new VigilError('usage', `unknown command "${command}"; try: ${Object.keys(COMMANDS).join(', ')}`);
    return await runCommand(rest, io);
  } catch (err) {
    const e = asVigilError(err);
    // Option-parsing errors from node:util are usage errors, not crashes.
    const code = (err as { code?: string }).code;
    const parse = typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
    // JSON asked for is JSON, at a terminal too
    const json = argv.includes('--json') || argv.includes('--format=json') || argv.some((a, i) => a === '--format' && argv[i + 1] === 'json');
    printError(parse ? new VigilError('usage', e.message) : e, {}, json ? { ...io, errIsTerminal: false } : io);
    return e.code === 'usage' || parse ? 2 : 1;
  }
}
