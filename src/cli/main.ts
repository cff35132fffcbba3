import { VigilError, asVigilError } from '../core/errors.js';
import { COMMANDS } from './commands.js';
import { printError } from './output.js';
import { CASES_USAGE, EXPORT_USAGE, EXTRACT_USAGE, INGEST_USAGE, SERVE_USAGE, SHARE_USAGE, USERS_USAGE } from './usage.js';

const USAGE = `vigil — reads news reports about people at risk and keeps watch over their cases

commands:
  serve     run the API and the background worker (SQLite by default, nothing to set up)
  users     create accounts (the first admin)
  ingest    store reports (files, URLs, feeds, JSONL/CSV) and update the cases
  cases     list cases, or show one with its timeline
  export    every case as JSON, CSV or PLOVER-style JSON; a case's HTML dossier
  extract   read reports (text, HTML, JSON Lines) and print what was found in them
  share     signed, redacted case bundles for partner organisations, and importing theirs

${SERVE_USAGE}

${USERS_USAGE}

${INGEST_USAGE}

${CASES_USAGE}

${EXPORT_USAGE}

${EXTRACT_USAGE}

${SHARE_USAGE}`;


async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) throw new VigilError('usage', `unknown command "${command}"; try: ${Object.keys(COMMANDS).join(', ')}`);
  return run(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  const e = asVigilError(err);
  // Option-parsing errors from node:util are usage errors, not crashes.
  const code = (err as { code?: string }).code;
  printError(typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS') ? new VigilError('usage', e.message) : e);
  process.exitCode = e.code === 'usage' || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) ? 2 : 1;
}
