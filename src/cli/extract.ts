import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LIMITS } from '../articles/article.js';
import type { Article } from '../articles/article.js';
import { articleFromBytes, readArticleFile } from '../articles/read.js';
import type { ReadOptions } from '../articles/read.js';
import { articleFromJsonLine } from '../articles/jsonl.js';
import { Extractor } from '../articles/extract.js';
import { VigilError, asVigilError } from '../core/errors.js';
import { Trace } from '../pipeline/trace.js';
import type { CliIo } from './io.js';
import { processIo, say } from './io.js';
import { formatPretty, printError } from './output.js';
import { EXTRACT_USAGE } from './usage.js';

export { EXTRACT_USAGE };

const ARTICLE_FILE = /\.(?:txt|text|md|html?|xhtml)$/i;

function expandInputs(inputs: string[]): string[] {
  return inputs.flatMap((input) => {
    if (input === '-') return [input];
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      return [input]; // reported as file_not_found when read
    }
    if (!isDir) return [input];
    return readdirSync(input, { recursive: true })
      .map((f) => path.join(input, String(f)))
      .filter((f) => ARTICLE_FILE.test(f) && statSync(f).isFile())
      .sort();
  });
}

/** `vigil extract`: returns the exit code. */
export function runExtract(argv: string[], io: CliIo = processIo): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      published: { type: 'string' },
      format: { type: 'string', default: 'json' },
      jsonl: { type: 'boolean', default: false },
      html: { type: 'boolean' },
      trace: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    say(io, EXTRACT_USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new VigilError('usage', `no input given\n${EXTRACT_USAGE}`);
  if (values.format !== 'json' && values.format !== 'pretty') throw new VigilError('usage', `--format must be json or pretty, not "${values.format}"`);
  const options: ReadOptions = { ...(values.published !== undefined ? { published: values.published } : {}), ...(values.html ? { html: true } : {}) };
  // Made on the first readable input: a bad file or an empty input is reported without loading the models.
  let extractor: Extractor | undefined;
  const files = expandInputs(positionals);
  // JSON Lines whenever more than one document can come out: several inputs, a folder, or --jsonl.
  const batch = values.jsonl || positionals.length > 1 || files.length !== 1 || files[0] !== positionals[0];
  let failures = 0;
  const emit = (read: (warnings: string[]) => Article, id: string | undefined): void => {
    const warnings: string[] = [];
    try {
      const trace = values.trace ? new Trace() : undefined;
      const article = read(warnings);
      const doc = (extractor ??= new Extractor()).extract(article, trace);
      for (const w of warnings) io.err(`${JSON.stringify({ ...(id ? { id } : {}), warning: w })}\n`);
      if (trace) io.err(`${trace.format()}\n`);
      if (values.format === 'pretty') io.out(`${formatPretty(doc)}\n\n`);
      else io.out(`${JSON.stringify(doc)}\n`);
    } catch (err) {
      failures++;
      const e = asVigilError(err);
      printError(e, id ? { id } : {}, io);
      if (!batch) throw new HandledError();
    }
  };
  try {
    if (values.jsonl) {
      for (const file of files) {
        const bytes = file === '-' ? io.stdin() : readInput(file);
        const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
        text.split(/\r?\n/).forEach((line, k) => {
          if (line.trim()) emit((w) => articleFromJsonLine(line, k + 1, w), `${file === '-' ? 'stdin' : path.basename(file)}:${k + 1}`);
        });
      }
    } else {
      for (const file of files) {
        if (file === '-') emit((w) => articleFromBytes(io.stdin(), 'standard input', options, w), batch ? 'stdin' : undefined);
        else emit((w) => readArticleFile(file, options, w), batch ? path.basename(file) : undefined);
      }
    }
  } catch (err) {
    if (err instanceof HandledError) return 1;
    throw err;
  }
  return failures > 0 ? 1 : 0;
}

class HandledError extends Error {}

function readInput(file: string): Buffer {
  try {
    const size = statSync(file).size;
    if (size > LIMITS.htmlBytes * 50) throw new VigilError('input_too_large', `${file} is too large for one batch`);
    return readFileSync(file);
  } catch (err) {
    if (err instanceof VigilError) throw err;
    throw new VigilError('file_not_found', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
