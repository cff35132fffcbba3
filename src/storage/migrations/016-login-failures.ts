import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/**
 * Failed logins, in the database rather than in a server process's memory: with `vigil serve
 * --workers N` each process kept its own count, and a guesser whose connections were spread over
 * the processes had N times the tries. A failed attempt is two rows, one under its address's key
 * and one under its account-and-address key (`LoginLimiter`), each key a SHA-256 digest (an
 * e-mail typed wrong, or a password typed in its place, is not kept as written). Rows older than
 * the limiter's window are deleted at the next attempt.
 */
export function loginFailures(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`CREATE TABLE login_failures (
        key text NOT NULL,
        attempt text NOT NULL,
        at text NOT NULL
      )`.execute(db);
      await sql`CREATE INDEX login_failures_key ON login_failures (key, at)`.execute(db);
      await sql`CREATE INDEX login_failures_attempt ON login_failures (attempt)`.execute(db);
      await sql`CREATE INDEX login_failures_at ON login_failures (at)`.execute(db);
    },
  };
}
