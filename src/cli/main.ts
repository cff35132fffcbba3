import { VigilError, asVigilError } from '../core/errors.js';
import { EXTRACT_USAGE, runExtract } from './extract.js';
import { printError } from './output.js';

const USAGE = `vigil — reads news reports about people at risk and keeps watch over their cases

commands:
  extract   read reports (text, HTML, JSON Lines) and print what was found in them

${EXTRACT_USAGE}`;

const COMMANDS: Record<string, (argv: string[]) => number> = { extract: runExtract };

function main(argv: string[]): number {
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
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  const e = asVigilError(err);
  // Option-parsing errors from node:util are usage errors, not crashes.
  const code = (err as { code?: string }).code;
  printError(typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS') ? new VigilError('usage', e.message) : e);
  process.exitCode = e.code === 'usage' || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) ? 2 : 1;
}
