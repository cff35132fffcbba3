/**
 * Failed logins, counted on what the server itself sees (the connection's address, see
 * client.ts), never on a header the client writes:
 * - per address: after `perAddress` failures in the window, that address is refused until the
 *   window passes (one machine cannot guess on);
 * - per account and address: after `freeTries` failures, each further try from that address
 *   waits twice as long as the last (1 s, 2 s, 4 s … at most the window).
 * An account is never locked as such: its owner logging in from their own address is not held
 * up by someone failing from another one.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly perAddress = 20,
    private readonly windowMs = 15 * 60_000,
    private readonly freeTries = 5,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Milliseconds this address must wait before trying this account again (0: go ahead). */
  waitMs(account: string, address: string, now: number): number {
    if (this.recent(`addr|${address}`, now).length >= this.perAddress) return this.windowMs;
    const pair = this.recent(`pair|${account}|${address}`, now);
    if (pair.length < this.freeTries) return 0;
    const delay = Math.min(this.windowMs, 1000 * 2 ** (pair.length - this.freeTries));
    return Math.max(0, pair.at(-1)! + delay - now);
  }

  fail(account: string, address: string, now: number): void {
    for (const key of [`addr|${address}`, `pair|${account}|${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(account: string, address: string): void {
    this.failures.delete(`pair|${account}|${address}`);
  }
}
