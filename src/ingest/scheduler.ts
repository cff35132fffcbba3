import { HELD_STATUSES } from '../cases/status.js';
import { asVigilError } from '../core/errors.js';
import { listRules } from '../storage/alerts.js';
import { dueFeeds } from '../storage/feeds.js';
import { enqueue } from '../storage/jobs.js';
import type { Store } from '../storage/store.js';
import { refreshCase } from './track.js';

/** Statuses whose alerts depend on the passing of time (no news, no confirmation for N hours). */
const WATCHED = [...HELD_STATUSES];

const DAY = 86_400_000;

/**
 * Once the day (UTC) is over, one digest job per rule whose e-mail channel asks for a daily
 * digest, listing that day's alerts. Keyed by rule and day, ever: a second tick the same day,
 * or after the job ran, queues nothing.
 */
export async function queueDigests(store: Store, at: string): Promise<number> {
  const day = new Date(Date.parse(at) - DAY).toISOString().slice(0, 10);
  let queued = 0;
  for (const rule of await listRules(store.db)) {
    if (!rule.enabled || rule.channels.digest !== 'daily' || !rule.channels.email?.length) continue;
    const key = `digest:${rule.id}:${day}`;
    const done = await store.db.selectFrom('jobs').select('id').where('key', '=', key).executeTakeFirst();
    if (done) continue;
    await store.db.transaction().execute((tx) => enqueue(tx, at, { kind: 'deliver.digest', payload: { ruleId: rule.id, day }, key, maxAttempts: 8 }));
    queued++;
  }
  return queued;
}

/**
 * One scheduler pass: due feeds are queued for polling (one job per feed at a time), and every
 * watched case is re-evaluated so that "no confirmation for more than 24 hours" fires when the 24
 * hours are up, not when the next report happens to arrive; yesterday's digests are queued.
 */
export async function schedulerTick(store: Store): Promise<{ feeds: number; cases: number; alerts: number; digests: number }> {
  const at = store.now().toISOString();
  let feeds = 0;
  for (const f of await dueFeeds(store.db, at)) {
    const job = await store.db.transaction().execute((tx) => enqueue(tx, at, { kind: 'feed.poll', payload: { feedId: f.id }, key: `feed:${f.id}`, maxAttempts: 1 }));
    if (!job.duplicate) feeds++;
  }
  const people = await store.db.selectFrom('persons').select('id').where('merged_into', 'is', null).where('status', 'in', WATCHED).execute();
  let alerts = 0;
  for (const p of people) {
    alerts += (await store.db.transaction().execute((tx) => refreshCase(tx, at, 'system:scheduler', p.id, new Set(), null))).length;
  }
  const digests = await queueDigests(store, at);
  return { feeds, cases: people.length, alerts, digests };
}

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly everyMs = 60_000,
    private readonly log: (m: string) => void = () => undefined,
  ) {}

  start(): void {
    const tick = () =>
      schedulerTick(this.store)
        .catch((err) => this.log(`scheduler: ${asVigilError(err).message}`))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.everyMs);
        });
    this.timer = setTimeout(tick, 0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
