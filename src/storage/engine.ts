/** The two storage engines: SQLite embedded (the default, one file), PostgreSQL for teams. */
export type Engine = 'sqlite' | 'postgres';
