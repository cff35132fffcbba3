import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3-multiple-ciphers';
import type { DatabaseConnection, Driver, LogEvent, SqliteDialectConfig, Transaction } from 'kysely';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, SqliteDriver } from 'kysely';
import { VigilError } from '../core/errors.js';
import type { Engine } from './engine.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

/** A database handle: the query layer, which engine it is, and the clock its rows are stamped with. */
export interface Store {
  db: Db;
  engine: Engine;
  /** Where the data is, for messages: a file path or a PostgreSQL URL without its password. */
  location: string;
  now(): Date;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `postgres://…`, or a SQLite file path (`sqlite:` prefix optional). */
  url: string;
  /** For tests: a fixed or stepped clock. */
  now?: () => Date;
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
  /**
   * SQLite only: a file holding the encryption key (SQLCipher format, through
   * better-sqlite3-multiple-ciphers). It must live outside the data directory, so a copy of
   * the data alone is unreadable.
   */
  keyFile?: string;
  /**
   * SQLite only: the pages kept in memory, in MB (default 64). A one-shot bulk ingest gives
   * less: it writes one report after another and reads little back, and the cache fills with
   * the whole of a small archive (64 MB resident after 3,000 reports).
   */
  cacheMb?: number;
  /**
   * PostgreSQL only: the most connections this process's pool opens (default 10). `vigil serve
   * --workers N` gives each process its share of one total, so N processes do not open N × 10.
   */
  poolMax?: number;
  /** For the scale bench: each query's SQL, parameters and duration. */
  onQuery?: (sql: string, parameters: readonly unknown[], ms: number) => void;
}

/** Creates the file 0600, or narrows an existing one to it. */
function ownerOnly(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}

/**
 * Write transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE), waiting up to
 * the busy timeout: a transaction that read first and tried to write later would fail at once
 * with "database is locked" when another process (a second server, `vigil ingest`) was writing.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

/**
 * The connection with its prepared statements kept, the most recently used STATEMENTS of them by
 * SQL text: kysely's driver prepares every query anew, a fifth of a case page's time. A statement
 * is reused only after the previous use returned (one query at a time per connection), and
 * SQLite prepares it again by itself after a schema change.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDialectConfig['database'] {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (statement) cache.delete(text);
      else statement = sqlite.prepare(text);
      cache.set(text, statement);
      if (cache.size > STATEMENTS) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

const STATEMENTS = 500;

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

function unlock(sqlite: SQLite.Database, file: string, keyFile: string): void {
  const dataDir = path.dirname(path.resolve(file));
  const keyPath = path.resolve(keyFile);
  if (file === ':memory:' || keyPath.startsWith(`${dataDir}${path.sep}`)) throw new VigilError('invalid_input', `the key file must not be inside the data directory (${dataDir}): a copy of the data would carry its key`);
  let key: string;
  try {
    key = readFileSync(keyPath, 'utf8').trim();
    // The key is as secret as the data: owner-only, like the database file.
    if ((statSync(keyPath).mode & 0o077) !== 0) chmodSync(keyPath, 0o600);
  } catch {
    throw new VigilError('file_not_found', `cannot read the database key file ${keyPath}`);
  }
  if (key.length < 16) throw new VigilError('invalid_input', `the key in ${keyPath} is too short (16 characters at least; e.g. \`openssl rand -base64 32\`)`);
  sqlite.pragma(`cipher='sqlcipher'`);
  sqlite.key(Buffer.from(key));
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    sqlite.close();
    throw new VigilError('unauthorized', `cannot open ${file}: wrong key, or the file is not an encrypted Vigil database`);
  }
}

export async function openStore(options: OpenOptions): Promise<Store> {
  const now = options.now ?? (() => new Date());
  let store: Store;
  const onQuery = options.onQuery;
  const log = onQuery ? { log: (e: LogEvent): void => void (e.level === 'query' && onQuery(e.query.sql, e.query.parameters, e.queryDurationMillis)) } : {};
  if (/^postgres(ql)?:\/\//.test(options.url)) {
    // Loaded only for a PostgreSQL URL: a SQLite process never needs the driver.
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolMax ?? 10 });
    // An idle client's error (the server restarting) must not crash the process.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...log });
    store = { db, engine: 'postgres', location: redact(options.url), now, close: () => db.destroy() };
  } else {
    const file = options.url.replace(/^sqlite:/, '');
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // The data holds password hashes, second-factor secrets and the signing key: owner-only (0600).
    // SQLite gives its -wal and -shm files the database file's permissions.
    if (file !== ':memory:') ownerOnly(file);
    const sqlite = new SQLite(file);
    if (options.keyFile) unlock(sqlite, file, options.keyFile);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // Another process (a second worker) holding the write lock is waited for, not failed on.
    sqlite.pragma('busy_timeout = 60000');
    // 64 MB of pages kept (SQLite's default is 2 MB): a large archive's indexes over random ids
    // are read and written all over, and each miss is a system call and a page decoded again.
    sqlite.pragma(`cache_size = -${Math.round((options.cacheMb ?? 64) * 1024)}`);
    // Indexes for a query's sorts and temporary tables in memory, not in files beside the database.
    sqlite.pragma('temp_store = MEMORY');
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }), ...log });
    store = { db, engine: 'sqlite', location: file, now, close: () => db.destroy() };
  }
  if (options.migrate !== false) await migrate(store);
  return store;
}

/** Applies every migration not yet applied; Kysely records them in its own table and locks while it runs. */
export async function migrate(store: Store): Promise<string[]> {
  const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => MIGRATIONS(store.engine) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new VigilError('internal', `migrating ${store.location} failed: ${(error as Error).message}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export function isoNow(store: Store): string {
  return store.now().toISOString();
}
