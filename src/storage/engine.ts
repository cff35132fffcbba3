import type { Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

/** The two storage engines: SQLite embedded (the default, one file), PostgreSQL for teams. */
export type Engine = 'sqlite' | 'postgres';

/** Which engine a query handle (a store's, or a transaction's) talks to. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const engineOf = (db: Kysely<any>): Engine => (db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');
