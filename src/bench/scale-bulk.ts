import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
import type { Store, Tx } from '../storage/store.js';
import type { Batch, BatchTable, BatchWriter } from './scale-multiply.js';
import { BATCH_TABLES, batchRows, insertFts, rowsPerInsert } from './scale-multiply.js';

/**
 * The writer of a one-off build of a large scale database: the same rows as `RowsWriter`, written
 * the way a bulk load is. Before the build (`begin`) the secondary indexes of the tables it fills
 * are dropped (primary keys, unique constraints, triggers and foreign keys stay), and built again
 * once at the end (`end`), in one sort each instead of a random insert per row into a B-tree that
 * no longer fits in memory (what slowed the row-by-row build from 860 reports/s to 125 at half a
 * million). SQLite: journal in memory and `synchronous = OFF` during the build only, a 3 GB page
 * cache; multi-row INSERTs of a fixed number of rows, so the store's statement cache prepares
 * each once. PostgreSQL: one `INSERT … SELECT FROM unnest($1::type[], …)` per table and batch (no
 * limit on bound parameters), `synchronous_commit = off` per transaction, in two stages (the
 * reports in two transactions side by side, then the rest: `BatchWriter.stages`), indexes built with
 * 1 GB of `maintenance_work_mem`. The dropped indexes' definitions are kept in a file beside the
 * temporary directory until they are built again, so a build stopped part way gets them back at
 * the next `begin` or `restore`.
 */
export class BulkWriter implements BatchWriter {
  private columns = new Map<string, { name: string; type: string }[]>();
  private pragmas: { journal: string; synchronous: number; cache: number } | undefined;

  constructor(private readonly store: Store) {}

  private get stateFile(): string {
    return path.join(os.tmpdir(), `vigil-scale-indexes-${createHash('sha256').update(this.store.location).digest('hex').slice(0, 16)}.json`);
  }

  /** Indexes a stopped build left dropped, built again (nothing when there are none). */
  async restore(log: (s: string) => void = () => undefined): Promise<void> {
    if (!existsSync(this.stateFile)) return;
    const defs = JSON.parse(readFileSync(this.stateFile, 'utf8')) as { name: string; sql: string }[];
    await this.build(defs, log);
    rmSync(this.stateFile);
  }

  async begin(log: (s: string) => void = () => undefined): Promise<void> {
    await this.restore(log);
    const db = this.store.db;
    const tables = [...BATCH_TABLES];
    let defs: { name: string; sql: string }[];
    if (this.store.engine === 'sqlite') {
      const row = async (q: string) => Object.values((await db.executeQuery(CompiledQuery.raw(q))).rows[0] as Record<string, unknown>)[0];
      this.pragmas = { journal: String(await row('PRAGMA journal_mode')), synchronous: Number(await row('PRAGMA synchronous')), cache: Number(await row('PRAGMA cache_size')) };
      defs = (await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${sql.join(tables)})`.execute(db)).rows;
      // Memory journal: a transaction can still roll back; a crash during the build may leave the file unusable (a one-off build, made again).
      await sql`PRAGMA journal_mode = MEMORY`.execute(db);
      await sql`PRAGMA synchronous = OFF`.execute(db);
      await sql`PRAGMA cache_size = -3000000`.execute(db);
    } else {
      defs = (
        await sql<{ name: string; sql: string }>`SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN (${sql.join(tables)})
          AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace)`.execute(db)
      ).rows;
      for (const t of tables) {
        const cols = await sql<{ name: string; type: string }>`SELECT column_name AS name, udt_name AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${t} AND is_generated = 'NEVER' ORDER BY ordinal_position`.execute(db);
        this.columns.set(t, cols.rows);
      }
    }
    writeFileSync(this.stateFile, JSON.stringify(defs));
    for (const d of defs) await db.executeQuery(CompiledQuery.raw(`DROP INDEX IF EXISTS "${d.name}"`));
    log(`  bulk build: ${defs.length} secondary indexes dropped until the end`);
  }

  get stages(): BatchWriter['stages'] {
    if (this.store.engine !== 'postgres') return undefined;
    return {
      lanes: 2,
      reports: async (tx, b) => {
        await sql`SET LOCAL synchronous_commit = off`.execute(tx);
        for (const [table, rows] of batchRows(b).filter(([t]) => t === 'reports' || t === 'report_name_checks')) await this.insertPostgres(tx, table, rows);
      },
      rest: async (tx, b) => {
        await sql`SET LOCAL synchronous_commit = off`.execute(tx);
        for (const [table, rows] of batchRows(b).filter(([t]) => t !== 'reports' && t !== 'report_name_checks')) await this.insertPostgres(tx, table, rows);
      },
    };
  }

  async flush(tx: Tx, b: Batch): Promise<void> {
    if (this.store.engine === 'sqlite') {
      for (const [table, rows] of batchRows(b)) await this.insertSqlite(tx, table, rows);
      await insertFts(tx, b);
      return;
    }
    await sql`SET LOCAL synchronous_commit = off`.execute(tx);
    for (const [table, rows] of batchRows(b)) await this.insertPostgres(tx, table, rows);
  }

  /** Multi-row INSERTs of a fixed size (and one remainder): a few statement texts, each prepared once. */
  private async insertSqlite(tx: Tx, table: BatchTable, rows: object[]): Promise<void> {
    if (!rows.length) return;
    const cols = Object.keys(rows[0]!);
    const size = Math.min(rowsPerInsert(rows), 500);
    const one = `(${cols.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += size) {
      const chunk = rows.slice(i, i + size) as Record<string, unknown>[];
      const text = `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES ${Array.from({ length: chunk.length }, () => one).join(', ')}`;
      await tx.executeQuery(CompiledQuery.raw(text, chunk.flatMap((r) => cols.map((c) => r[c] ?? null))));
    }
  }

  /** One INSERT per table: each column bound as one array, unnested back into rows. */
  private async insertPostgres(tx: Tx, table: BatchTable, rows: object[]): Promise<void> {
    if (!rows.length) return;
    const present = new Set(Object.keys(rows[0]!));
    const cols = this.columns.get(table)!.filter((c) => present.has(c.name));
    const text = `INSERT INTO "${table}" (${cols.map((c) => `"${c.name}"`).join(', ')}) SELECT * FROM unnest(${cols.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`;
    const params = cols.map((c) => (rows as Record<string, unknown>[]).map((r) => r[c.name] ?? null));
    await tx.executeQuery(CompiledQuery.raw(text, params));
  }

  /** The indexes built again, and SQLite's settings as they were. */
  async end(log: (s: string) => void = () => undefined): Promise<void> {
    if (existsSync(this.stateFile)) {
      await this.build(JSON.parse(readFileSync(this.stateFile, 'utf8')) as { name: string; sql: string }[], log);
      rmSync(this.stateFile);
    }
    if (this.store.engine === 'sqlite' && this.pragmas) {
      await this.store.db.executeQuery(CompiledQuery.raw(`PRAGMA cache_size = ${this.pragmas.cache}`));
      await this.store.db.executeQuery(CompiledQuery.raw(`PRAGMA synchronous = ${this.pragmas.synchronous}`));
      await this.store.db.executeQuery(CompiledQuery.raw(`PRAGMA journal_mode = ${this.pragmas.journal}`));
      this.pragmas = undefined;
    }
  }

  private async build(defs: { name: string; sql: string }[], log: (s: string) => void): Promise<void> {
    for (const d of defs) {
      const t = Date.now();
      const text = d.sql.replace(/^CREATE (UNIQUE )?INDEX /i, (m) => `${m}IF NOT EXISTS `);
      await this.store.db.transaction().execute(async (tx) => {
        if (this.store.engine === 'postgres') await sql`SET LOCAL maintenance_work_mem = '1GB'`.execute(tx);
        await tx.executeQuery(CompiledQuery.raw(text));
      });
      log(`  index ${d.name} built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  }
}
