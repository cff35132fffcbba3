import type { Readable } from 'node:stream';

/** One line of a bulk file, numbered from 1; `tooLong` (its length in bytes) instead of text past the limit. */
export type Line = { n: number; text: string } | { n: number; tooLong: number };

/**
 * The lines of a stream, read a chunk at a time as they are asked for: a file of any size is never
 * held whole, only the line at hand, and a line longer than `maxBytes` is counted and skipped
 * without being held either (one hostile line cannot take the memory a batch runs in). Pulling
 * from the stream only when the caller asks is the backpressure: nothing is read ahead of the
 * report being stored. Lines end at "\n" ("\r\n" too); a byte-order mark before the first is dropped.
 */
export async function* readLines(input: Readable | AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let held = 0;
  let length = 0;
  let n = 0;
  const line = (): Line => {
    n++;
    const over = length > maxBytes;
    let text = over ? '' : Buffer.concat(parts, held).toString('utf8');
    if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const out: Line = over ? { n, tooLong: length } : { n, text: text.endsWith('\r') ? text.slice(0, -1) : text };
    parts = [];
    held = 0;
    length = 0;
    return out;
  };
  const take = (piece: Buffer) => {
    length += piece.length;
    if (length > maxBytes) {
      parts = [];
      held = 0;
    } else if (piece.length) {
      parts.push(piece);
      held += piece.length;
    }
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let from = 0;
    for (let nl = buf.indexOf(0x0a, from); nl >= 0; nl = buf.indexOf(0x0a, from)) {
      take(buf.subarray(from, nl));
      from = nl + 1;
      yield line();
    }
    // the rest of the chunk begins the next line (a view: it keeps no more than the chunk alive)
    if (from < buf.length) take(buf.subarray(from));
  }
  if (length > 0) yield line();
}
