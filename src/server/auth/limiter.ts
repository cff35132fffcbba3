import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from '../../storage/store.js';

/**
 * Failed logins, counted on what the server itself sees (the connection's address, see
 * client.ts), never on a header the client writes:
 * - per address: after `perAddress` failures in the window, that address is refused until the
 *   window passes (one machine cannot guess on);
 * - per account and address: after `freeTries` failures, each further try from that address
 *   waits twice as long as the last (1 s, 2 s, 4 s … at most the window).
 * An account is never locked as such: its owner logging in from their own address is not held
 * up by someone failing from another one.
 *
 * The counts are rows of the database (`login_failures`, migration 016), not this process's
 * memory: every server process of `vigil serve --workers N` counts the same failures. An attempt
 * is counted as a failure before its password is checked, in the transaction that found it
 * allowed (SQLite's write lock, or on PostgreSQL a lock on the address), and un-counted if it
 * succeeds: tries sent side by side, to one process or to several, cannot all pass the check
 * before any failure is written.
 */
export class LoginLimiter {
  constructor(
    private readonly perAddress = 20,
    private readonly windowMs = 15 * 60_000,
    private readonly freeTries = 5,
  ) {}

  /**
   * Before checking a password: the milliseconds this address must wait before trying this
   * account again, or (wait 0) the attempt, counted as failed, with its id for `succeed` to take back.
   */
  async attempt(store: Store, account: string, address: string): Promise<{ wait: number; id: string }> {
    const now = store.now().getTime();
    const at = new Date(now).toISOString();
    const addr = digest(`addr|${address}`);
    const pair = digest(`pair|${account}|${address}`);
    const id = randomUUID();
    const wait = await store.db.transaction().execute(async (tx) => {
      // SQLite: the transaction holds the write lock from its start (BEGIN IMMEDIATE, store.ts).
      if (store.engine === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${addr}))`.execute(tx);
      const since = new Date(now - this.windowMs).toISOString();
      await tx.deleteFrom('login_failures').where('at', '<=', since).execute();
      const rows = await tx.selectFrom('login_failures').select(['key', 'at']).where('key', 'in', [addr, pair]).orderBy('at').execute();
      const wait = this.waitMs(rows.filter((r) => r.key === addr).length, rows.filter((r) => r.key === pair).map((r) => Date.parse(r.at)), now);
      if (wait === 0) await tx.insertInto('login_failures').values([{ key: addr, attempt: id, at }, { key: pair, attempt: id, at }]).execute();
      return wait;
    });
    return { wait, id };
  }

  /** The wait, in milliseconds, for this many failures from the address and these of the pair (0: go ahead). */
  private waitMs(fromAddress: number, pair: number[], now: number): number {
    if (fromAddress >= this.perAddress) return this.windowMs;
    if (pair.length < this.freeTries) return 0;
    const delay = Math.min(this.windowMs, 1000 * 2 ** (pair.length - this.freeTries));
    return Math.max(0, pair.at(-1)! + delay - now);
  }

  /**
   * The attempt logged in: it was no failure, and the account's failures from this address are
   * forgotten, in the address's count too (its own tries, the password step before a code among them).
   */
  async succeed(store: Store, attempt: string, account: string, address: string): Promise<void> {
    const pair = digest(`pair|${account}|${address}`);
    await store.db.transaction().execute(async (tx) => {
      const own = (await tx.selectFrom('login_failures').select('attempt').where('key', '=', pair).execute()).map((r) => r.attempt);
      await tx.deleteFrom('login_failures').where('attempt', 'in', [attempt, ...own]).execute();
    });
  }
}

/**
 * The key a failure is stored under: an HMAC with a secret that lives only in memory (made by
 * `vigil serve`'s primary and handed to the processes it forks, or made here), so the table tells
 * no one which address tried which account: a plain digest of an IPv4 address is undone by trying
 * them all. A restart forgets the secret, and with it at most one window's counts.
 */
const SECRET = process.env.VIGIL_LIMITER_KEY ?? randomBytes(32).toString('hex');
const digest = (key: string) => createHmac('sha256', SECRET).update(key).digest('hex');
