import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { VigilError } from '../core/errors.js';
import type { Engine } from './engine.js';
import type { JobsTable } from './schema.js';
import type { Db } from './store.js';

/**
 * A job queue in the database itself, the same on both engines: a worker claims a job with a
 * lease, does the work, and marks it done in the transaction that writes the work's results.
 * A worker killed mid-job leaves a lease that runs out; the job is then claimed again. A worker
 * whose lease ran out cannot commit (its `complete` finds the job no longer its own).
 * On PostgreSQL, workers on several machines share the queue through `FOR UPDATE SKIP LOCKED`.
 */

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  /** Deduplication key: while a job with this key is queued or running, the same job is not queued twice. */
  key?: string;
  maxAttempts?: number;
  runAfter?: string;
}

export async function enqueue(tx: Db, at: string, job: NewJob): Promise<{ id: string; duplicate: boolean }> {
  if (job.key) {
    const live = await tx.selectFrom('jobs').select('id').where('key', '=', job.key).where('state', 'in', ['queued', 'running']).executeTakeFirst();
    if (live) return { id: live.id, duplicate: true };
  }
  const id = randomUUID();
  await tx
    .insertInto('jobs')
    .values({
      id,
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      key: job.key ?? null,
      state: 'queued',
      attempts: 0,
      max_attempts: job.maxAttempts ?? 5,
      run_after: job.runAfter ?? at,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, duplicate: false };
}

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

/** Takes the oldest ready job (or one whose worker's lease ran out) for `workerId`, or null. */
export async function claimJob(db: Db, engine: Engine, workerId: string, now: Date, leaseMs: number, kinds?: string[]): Promise<ClaimedJob | null> {
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const ready = db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'queued'), eb('run_after', '<=', at)]),
        eb.and([eb('state', '=', 'running'), eb('locked_until', '<', at)]),
      ]),
    )
    .$if(!!kinds?.length, (q) => q.where('kind', 'in', kinds!))
    .orderBy('run_after')
    .limit(1)
    .$if(engine === 'postgres', (q) => q.forUpdate().skipLocked());
  const row = await db
    .updateTable('jobs')
    .set({ state: 'running', locked_by: workerId, locked_until: until, attempts: sql`attempts + 1`, updated_at: at })
    .where('id', '=', (eb) => eb.selectFrom(ready.as('r')).select('r.id'))
    // Re-checked on the row itself: of two racing claims, only one still sees it claimable.
    .where((eb) => eb.or([eb('state', '=', 'queued'), eb.and([eb('state', '=', 'running'), eb('locked_until', '<', at)])]))
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  return { id: row.id, kind: row.kind, payload: JSON.parse(row.payload) as Record<string, unknown>, attempts: row.attempts, maxAttempts: row.max_attempts };
}

/** Marks the job done inside the transaction that wrote its results; throws (rolling them back) if the lease was lost. */
export async function completeJob(tx: Db, id: string, workerId: string, at: string): Promise<void> {
  const r = await tx
    .updateTable('jobs')
    .set({ state: 'done', locked_until: null, updated_at: at })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('state', '=', 'running')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new VigilError('job_lost', `job ${id} is no longer held by ${workerId}; its work is rolled back`);
}

/** Backoff before attempt n+1: 10 s, 20 s, 40 s … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
}

/** Records a failure: queued again after a backoff, or `failed` for good after the last attempt. */
export async function failJob(db: Db, job: ClaimedJob, workerId: string, now: Date, error: string): Promise<'retry' | 'failed'> {
  const last = job.attempts >= job.maxAttempts;
  await db
    .updateTable('jobs')
    .set({
      state: last ? 'failed' : 'queued',
      run_after: new Date(now.getTime() + retryDelayMs(job.attempts)).toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: error.slice(0, 2000),
      updated_at: now.toISOString(),
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .execute();
  return last ? 'failed' : 'retry';
}

export async function getJob(db: Db, id: string): Promise<JobsTable | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function jobCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db.selectFrom('jobs').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}
