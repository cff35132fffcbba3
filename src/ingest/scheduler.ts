import { VigilError, asVigilError } from '../core/errors.js';
import { listRules } from '../storage/alerts.js';
import { engineOf } from '../storage/engine.js';
import { lockDueFeeds } from '../storage/feeds.js';
import { enqueue } from '../storage/jobs.js';
import { claimDueCases, stillClaimed } from '../storage/review.js';
import type { Store, Tx } from '../storage/store.js';
import { refreshCase } from './track.js';

const DAY = 86_400_000;

/**
 * Once the day (UTC) is over, one digest job per rule whose e-mail channel asks for a daily
 * digest, listing that day's alerts. Keyed by rule and day, ever: a second tick the same day,
 * or after the job ran, queues nothing, whichever process it runs in (`queueDigest`).
 */
export async function queueDigests(store: Store, at: string): Promise<number> {
  const day = new Date(Date.parse(at) - DAY).toISOString().slice(0, 10);
  let queued = 0;
  for (const rule of await listRules(store.db)) {
    if (!rule.enabled || rule.channels.digest !== 'daily' || !rule.channels.email?.length) continue;
    if (await store.db.transaction().execute((tx) => queueDigest(tx, at, rule.id, day))) queued++;
  }
  return queued;
}

/**
 * Queues rule `ruleId`'s digest of `day` unless it was ever queued, in the caller's transaction.
 * The check and the insert are one step for every scheduler on the database: on PostgreSQL the
 * rule's row is locked first, and a rule another scheduler holds is left to it (`SKIP LOCKED`:
 * it queues the digest, or its transaction fails and a later pass does); on SQLite the
 * transaction holds the write lock from its start. The jobs' unique key alone would not do: it
 * holds only while a job is queued or running, so a digest already sent could be queued again.
 */
export async function queueDigest(tx: Tx, at: string, ruleId: string, day: string): Promise<boolean> {
  const rule = await tx.selectFrom('alert_rules').select('id').where('id', '=', ruleId).$if(engineOf(tx) === 'postgres', (q) => q.forUpdate().skipLocked()).executeTakeFirst();
  if (!rule) return false;
  const key = `digest:${ruleId}:${day}`;
  if (await tx.selectFrom('jobs').select('id').where('key', '=', key).executeTakeFirst()) return false;
  await enqueue(tx, at, { kind: 'deliver.digest', payload: { ruleId, day }, key, maxAttempts: 8 });
  return true;
}

/**
 * The most cases one pass evaluates. Each is a transaction of its own (the case's timeline, its
 * reports' times, its confirmations, the rules): at 50,000 reports about 1.3 ms on SQLite and 5 ms
 * on PostgreSQL, so a pass of 500 took 0.6–1.0 s and 2.4–3.6 s (the bench's --scheduler). In
 * `vigil serve`'s one process a pass takes turns with the server on one event loop, on SQLite it
 * holds the one write lock a case at a time, and a pass longer than the minute between passes
 * (every watched case: 66 s and 145 s there, 475 s at 100,000 reports) is what stalled the server
 * (issue #36). In the steady state far fewer fall due in a minute (a case is due when
 * one of its time rules runs out: once per episode, per news, per proof of life); a backlog (an
 * upgrade, a rule added: every watched case due at once) is worked through by passes that follow
 * each other closely (`Scheduler`), the longest due first.
 */
export const SCHEDULER_BATCH = 500;

/**
 * How long a pass's claim on its due cases lasts (`claimDueCases`): no other scheduler on the
 * database takes them before then. Far longer than a pass (seconds, above), so a claim runs out
 * only when its process died or was stopped mid-batch (the cases it had not evaluated are then
 * due again, at most this late) or a case's evaluation failed: such a case keeps its claim, and is
 * tried again when it runs out rather than first on every pass (it would hold up those due after it).
 */
export const CLAIM_MS = 10 * 60_000;

/**
 * One scheduler pass: due feeds are queued for polling (one job per feed at a time); the cases due
 * (`persons.review_due_at` come, the first SCHEDULER_BATCH of them) are claimed for CLAIM_MS and
 * evaluated again, each in its own transaction, so that "no confirmation for more than 24 hours"
 * fires when the 24 hours are up, not when the next report happens to arrive; yesterday's digests
 * are queued. `cases` is the number of due cases evaluated: a claimed case another scheduler took
 * over, or whose report's evaluation stored a later time meanwhile, is skipped and not counted.
 *
 * Several processes may run passes against one PostgreSQL database (several `vigil serve`): each
 * feed poll, case evaluation and digest is done by one of them. A pass claims its cases in one
 * short transaction (`claimDueCases`, `FOR UPDATE SKIP LOCKED`), and evaluates each only while
 * the claim is still its own (`stillClaimed`, the row locked for the evaluation's transaction);
 * feeds and digests are queued under a row lock (`lockDueFeeds`, `queueDigest`), and the jobs
 * they queue, and the alert deliveries, are each claimed by one worker (`claimJob`).
 */
export async function schedulerTick(store: Store): Promise<{ feeds: number; cases: number; alerts: number; digests: number }> {
  const at = store.now().toISOString();
  const feeds = await store.db.transaction().execute(async (tx) => {
    let queued = 0;
    for (const f of await lockDueFeeds(tx, at)) {
      const job = await enqueue(tx, at, { kind: 'feed.poll', payload: { feedId: f.id }, key: `feed:${f.id}`, maxAttempts: 1 });
      if (!job.duplicate) queued++;
    }
    return queued;
  });
  const until = new Date(Date.parse(at) + CLAIM_MS).toISOString();
  const claimed = await store.db.transaction().execute((tx) => claimDueCases(tx, at, until, SCHEDULER_BATCH));
  let cases = 0;
  let alerts = 0;
  const failed: unknown[] = [];
  for (const id of claimed) {
    // SQLite's driver answers synchronously: a chain of awaits on it never lets the event loop read
    // a socket, and a whole pass would hold back every request (session 48: nothing answered for
    // the length of one). A turn of the event loop between cases serves what came in meanwhile.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      // refreshCase stores the case's next due time (or none) in the same transaction, ending the claim.
      const raised = await store.db.transaction().execute(async (tx) => ((await stillClaimed(tx, id, until)) ? refreshCase(tx, at, 'system:scheduler', id, new Set(), null) : null));
      if (!raised) continue;
      cases++;
      alerts += raised.length;
    } catch (err) {
      // Rolled back: the case keeps its claim and is due again when it runs out.
      failed.push(err);
    }
  }
  const digests = await queueDigests(store, at);
  // Said once the rest of the pass is done (the Scheduler logs it); the cases are tried again later.
  if (failed.length) throw new VigilError('internal', `${failed.length} of ${claimed.length} due cases could not be evaluated, tried again in ${CLAIM_MS / 60_000} minutes; the first: ${asVigilError(failed[0]).message}`);
  return { feeds, cases, alerts, digests };
}

/**
 * How long after a pass the next one starts: a pass that found a full batch due leaves more due
 * (a backlog), so the next follows after `catchUpMs` rather than the minute — what was due is
 * evaluated within minutes, in batches with the server's requests served between them.
 */
export function nextPassIn(result: { cases: number } | null, everyMs: number, catchUpMs: number): number {
  return result && result.cases >= SCHEDULER_BATCH ? Math.min(catchUpMs, everyMs) : everyMs;
}

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly everyMs = 60_000,
    private readonly log: (m: string) => void = () => undefined,
    private readonly catchUpMs = 2_000,
  ) {}

  start(): void {
    const tick = () =>
      schedulerTick(this.store)
        .catch((err) => (this.log(`scheduler: ${asVigilError(err).message}`), null))
        .then((result) => {
          if (!this.stopped) this.timer = setTimeout(tick, nextPassIn(result, this.everyMs, this.catchUpMs));
        });
    this.timer = setTimeout(tick, 0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
