import { randomUUID } from 'node:crypto';
import type { FeedsTable } from './schema.js';
import { engineOf } from './engine.js';
import type { Db, Tx } from './store.js';

export async function addFeed(tx: Db, at: string, url: string, intervalMinutes: number): Promise<{ feed: FeedsTable; duplicate: boolean }> {
  const existing = await tx.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
  if (existing) return { feed: existing, duplicate: true };
  const feed: FeedsTable = { id: randomUUID(), url, title: null, etag: null, last_modified: null, interval_minutes: intervalMinutes, next_poll_at: at, failures: 0, last_error: null, last_polled_at: null, created_at: at };
  await tx.insertInto('feeds').values(feed).execute();
  return { feed, duplicate: false };
}

export async function getFeed(db: Db, id: string): Promise<FeedsTable | undefined> {
  return db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listFeeds(db: Db): Promise<FeedsTable[]> {
  return db.selectFrom('feeds').selectAll().orderBy('created_at').execute();
}

/**
 * The feeds due at `at`, locked until the caller's transaction ends, for the scheduler to queue
 * their polls in it. On PostgreSQL a feed another scheduler is queueing right now is left out
 * (`FOR UPDATE SKIP LOCKED`), so two never insert the same poll job at once (the second would
 * fail on the live key's unique index, and its pass with it); once that one commits, its job is
 * live and `enqueue` finds it. A poll stores the feed's next time (`feedPolled`, `feedFailed`)
 * before its job is marked done, so a feed locked here either still has its job live or is no
 * longer due: it is never polled twice for one due time. On SQLite the transaction holds the
 * write lock (BEGIN IMMEDIATE): one scheduler after the other.
 */
export async function lockDueFeeds(tx: Tx, at: string): Promise<FeedsTable[]> {
  const pg = engineOf(tx) === 'postgres';
  return tx.selectFrom('feeds').selectAll().where('next_poll_at', '<=', at).orderBy('id').$if(pg, (q) => q.forUpdate().skipLocked()).execute();
}

/** After a good poll: the validators for the next conditional GET, and the regular interval again. */
export async function feedPolled(db: Db, now: Date, id: string, v: { etag: string | null; lastModified: string | null; title?: string | null }, intervalMinutes: number): Promise<void> {
  await db
    .updateTable('feeds')
    .set({ etag: v.etag, last_modified: v.lastModified, ...(v.title ? { title: v.title } : {}), failures: 0, last_error: null, last_polled_at: now.toISOString(), next_poll_at: new Date(now.getTime() + intervalMinutes * 60_000).toISOString() })
    .where('id', '=', id)
    .execute();
}

/** After a failed poll: back off, doubling the wait each time up to a day, and keep the reason. */
export async function feedFailed(db: Db, now: Date, feed: FeedsTable, error: string): Promise<string> {
  const failures = feed.failures + 1;
  const waitMinutes = Math.min(24 * 60, feed.interval_minutes * 2 ** failures);
  const next = new Date(now.getTime() + waitMinutes * 60_000).toISOString();
  await db.updateTable('feeds').set({ failures, last_error: error.slice(0, 1000), last_polled_at: now.toISOString(), next_poll_at: next }).where('id', '=', feed.id).execute();
  return next;
}

/** Whether an item was already taken in, by its GUID in this feed or by its URL from anywhere. */
export async function seenItem(db: Db, feedId: string, guid: string | null, url: string | null): Promise<boolean> {
  const byGuid = guid ? await db.selectFrom('reports').select('id').where('feed_id', '=', feedId).where('guid', '=', guid).executeTakeFirst() : undefined;
  if (byGuid) return true;
  return !!(url && (await db.selectFrom('reports').select('id').where('url', '=', url).executeTakeFirst()));
}
