import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { jsonlRecords } from './bulk.js';
import type { Line } from './lines.js';
import { readLines } from './lines.js';

/** A stream of the given chunks that counts how many have been pulled from it. */
function chunked(chunks: (string | Buffer)[]): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  const stream = Readable.from(
    (function* () {
      for (const c of chunks) {
        pulled++;
        yield typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
      }
    })(),
    { objectMode: false, highWaterMark: 1 },
  );
  return { stream, pulled: () => pulled };
}

const all = async (lines: AsyncIterable<Line>) => {
  const out: Line[] = [];
  for await (const l of lines) out.push(l);
  return out;
};

test('lines are read as they are asked for: the first comes before the stream is read to its end', async () => {
  const chunks = Array.from({ length: 200 }, (_, i) => `{"text":"Report ${i} about Ilse Varnow."}\n`);
  const src = chunked(chunks);
  const it = readLines(src.stream, 1024)[Symbol.asyncIterator]();
  const first = await it.next();
  assert.deepEqual(first.value, { n: 1, text: '{"text":"Report 0 about Ilse Varnow."}' });
  assert.ok(src.pulled() < 50, `${src.pulled()} of 200 chunks read for the first line`);
  let n = 1;
  while (!(await it.next()).done) n++;
  assert.equal(n, 200);
  assert.equal(src.pulled(), 200);
});

test('lines split across chunks, "\\r\\n", a byte-order mark, empty lines and a last line without "\\n"', async () => {
  const e = Buffer.from('é', 'utf8'); // two bytes, split between two chunks below
  const src = chunked(['\ufeffone\r\ntw', 'o\n\nthr', Buffer.from([e[0]!]), Buffer.concat([Buffer.from([e[1]!]), Buffer.from('e\nlast')])]);
  assert.deepEqual(await all(readLines(src.stream, 100)), [
    { n: 1, text: 'one' },
    { n: 2, text: 'two' },
    { n: 3, text: '' },
    { n: 4, text: 'thrée' },
    { n: 5, text: 'last' },
  ]);
  assert.deepEqual(await all(readLines(chunked(['a\n']).stream, 100)), [{ n: 1, text: 'a' }]);
  assert.deepEqual(await all(readLines(chunked([]).stream, 100)), []);
});

test('a line past the limit is counted and skipped, and the lines after it keep their numbers', async () => {
  const long = 'x'.repeat(40);
  const src = chunked(['short\n', long.slice(0, 15), long.slice(15), '\nafter\n', 'exactly10!\n']);
  assert.deepEqual(await all(readLines(src.stream, 10)), [
    { n: 1, text: 'short' },
    { n: 2, tooLong: 40 },
    { n: 3, text: 'after' },
    { n: 4, text: 'exactly10!' },
  ]);
});

test('JSONL records: a bad line and an over-long one are refused by number, the good ones around them are read', async () => {
  const src = chunked([
    '{"id":"a","text":"Journalist Pell Ostrava was detained in Varnik on Monday."}\n',
    '{"id":"b","text": unquoted}\n',
    `{"id":"c","text":"${'y'.repeat(300)}"}\n`,
    '\n',
    '{"id":"d","text":"Lawyer Mina Koss was released in Varnik on Friday."}',
  ]);
  const got: string[] = [];
  for await (const r of jsonlRecords(src.stream, 200)) {
    try {
      got.push(`${r.n}: ${r.read().id}`);
    } catch (err) {
      got.push(`${r.n}! ${(err as Error).message}`);
    }
  }
  assert.equal(got.length, 4);
  assert.equal(got[0], '1: a');
  assert.match(got[1]!, /^2! line 2: not JSON/);
  assert.match(got[2]!, /^3! line 3: 1 KB, longer than/);
  assert.equal(got[3], '5: d');
});
