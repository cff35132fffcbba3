import { asVigilError } from '../core/errors.js';
import { dueFeeds } from '../storage/feeds.js';
import { enqueue } from '../storage/jobs.js';
import type { Store } from '../storage/store.js';
import { refreshCase } from './track.js';

/** Statuses whose alerts depend on the passing of time (no news, unknown for N hours). */
const WATCHED = ['whereabouts_unknown', 'detained'];

/**
 * One scheduler pass: due feeds are queued for polling (one job per feed at a time), and every
 * watched case is re-evaluated so that "unknown for more than 24 hours" fires when the 24 hours
 * are up, not when the next report happens to arrive.
 */
export async function schedulerTick(store: Store): Promise<{ feeds: number; cases: number; alerts: number }> {
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
  return { feeds, cases: people.length, alerts };
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
