import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { BIND_LIMIT, rowsPerInsert } from './scale-multiply.js';

const row = (columns: number, from = 0) => Object.fromEntries(Array.from({ length: columns }, (_, i) => [`c${from + i}`, i]));

test('a chunk of rows binds no more variables than SQLite allows, counting every column any row has', () => {
  for (const columns of [2, 7, 17, 26, 40]) {
    const rows = Array.from({ length: 5000 }, () => row(columns));
    const size = rowsPerInsert(rows);
    assert.ok(size * columns <= BIND_LIMIT, `${columns} columns: ${size} rows bind ${size * columns}`);
    assert.ok(size * (columns + 1) > BIND_LIMIT, 'and no smaller than it need be');
  }
  // Two rows with different keys: the INSERT binds the union of their columns.
  assert.equal(rowsPerInsert([row(10), row(10, 5)]), Math.floor(BIND_LIMIT / 15));
});

test('the limit holds on the SQLite this project ships: a multi-row INSERT of BIND_LIMIT variables runs, one past SQLite\'s does not', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (a, b)');
  const insert = (rows: number) => db.prepare(`INSERT INTO t (a, b) VALUES ${Array.from({ length: rows }, () => '(?, ?)').join(', ')}`).run(...Array.from({ length: rows * 2 }, (_, i) => i));
  assert.equal(insert(rowsPerInsert([{ a: 1, b: 2 }])).changes, BIND_LIMIT / 2);
  assert.throws(() => insert(16_384), /too many SQL variables/);
  db.close();
});
