import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Article } from '../articles/article.js';
import { LIMITS } from '../articles/article.js';
import { articleFromJsonLine } from '../articles/jsonl.js';
import { articleFromString } from '../articles/read.js';
import { VigilError, asVigilError } from '../core/errors.js';
import type { Store } from '../storage/store.js';
import { readLines } from './lines.js';
import { submitArticle } from './submit.js';

export interface BulkProgress {
  read: number;
  added: number;
  duplicates: number;
  failed: { record: number; message: string }[];
}

/** A CSV row with a `text`, `html` or `body` column, and optionally `published`, `title`, `url`, `id`. */
export function articleFromCsvRecord(rec: Record<string, string>, n: number): Article {
  const body = rec.text ?? rec.body ?? rec.html;
  if (!body?.trim()) throw new VigilError('invalid_input', `row ${n}: needs a "text", "body" or "html" column with content`);
  const a = articleFromString(body, `row ${n}`, { html: rec.html !== undefined && rec.text === undefined, ...(rec.published ? { published: rec.published } : {}), ...(rec.url ? { url: rec.url } : {}), ...(rec.id ? { id: rec.id } : {}) });
  return rec.title ? { ...a, title: rec.title } : a;
}

/**
 * The longest JSONL line read: a saved page at its limit, written as a JSON string (escapes
 * lengthen it). A longer line is refused by number without being held in memory.
 */
export const MAX_LINE_BYTES = 2 * LIMITS.htmlBytes;

/** A JSONL file's records, one line at a time (see readLines). */
export async function* jsonlRecords(input: Readable | AsyncIterable<Buffer | string>, maxBytes = MAX_LINE_BYTES): AsyncGenerator<{ n: number; read: () => Article }> {
  for await (const line of readLines(input, maxBytes)) {
    if ('tooLong' in line) {
      const { n, tooLong } = line;
      yield { n, read: () => { throw new VigilError('input_too_large', `line ${n}: ${Math.ceil(tooLong / 1024)} KB, longer than the ${Math.round(maxBytes / 1048576)} MB a line may be; skipped`, { line: n }); } };
    } else if (line.text.trim()) {
      const { n, text } = line;
      yield { n, read: () => articleFromJsonLine(text, n) };
    }
  }
}

async function* records(file: string, format: 'jsonl' | 'csv'): AsyncGenerator<{ n: number; read: () => Article }> {
  if (format === 'jsonl') {
    yield* jsonlRecords(createReadStream(file));
    return;
  }
  let n = 0;
  // Loaded here: only a CSV import needs the parser.
  const { parse } = await import('csv-parse');
  for await (const rec of createReadStream(file).pipe(parse({ columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), bom: true, relax_column_count: true, skip_empty_lines: true }))) {
    n++;
    yield { n, read: () => articleFromCsvRecord(rec as Record<string, string>, n) };
  }
}

/**
 * Imports a JSON Lines or CSV file a record at a time (a large file is streamed, not loaded):
 * each good record is stored and queued; a bad one is reported by number and the rest go on.
 */
export async function importFile(store: Store, file: string, format: 'jsonl' | 'csv', actor: string, onProgress: (p: BulkProgress) => void = () => undefined): Promise<BulkProgress> {
  const p: BulkProgress = { read: 0, added: 0, duplicates: 0, failed: [] };
  try {
    for await (const r of records(file, format)) {
      p.read++;
      try {
        const s = await submitArticle(store, r.read(), { source: 'import', actor });
        if (s.duplicate) p.duplicates++;
        else p.added++;
      } catch (err) {
        p.failed.push({ record: r.n, message: asVigilError(err).message });
      }
      if (p.read % 25 === 0) onProgress(p);
    }
  } catch (err) {
    const e = asVigilError(err);
    throw new VigilError(e.code === 'internal' ? 'invalid_input' : e.code, `${file}: ${e.message} (after ${p.read} records; those are kept)`);
  }
  onProgress(p);
  return p;
}
