import { randomUUID } from 'node:crypto';
import { VigilError, asVigilError } from '../core/errors.js';
import type { ClaimedJob } from '../storage/jobs.js';
import { checkReportNames } from '../storage/access.js';
import { claimJob, completeJob, failJob } from '../storage/jobs.js';
import type { Store, Tx } from '../storage/store.js';

export interface JobContext {
  store: Store;
  workerId: string;
  /** Marks the job done inside the transaction that writes its results. */
  complete(tx: Tx): Promise<void>;
}

export type JobHandler = (job: ClaimedJob, ctx: JobContext) => Promise<void>;

export interface WorkerOptions {
  id?: string;
  /** How long a claimed job is ours before another worker may take it over. */
  leaseMs?: number;
  pollMs?: number;
  log?: (message: string) => void;
}

/** A permanent failure: retrying cannot help (an empty report, an unreadable page). */
export function isPermanent(err: unknown): boolean {
  return err instanceof VigilError && err.httpStatus >= 400 && err.httpStatus < 500 && err.code !== 'job_lost' && err.code !== 'rate_limited';
}

/** Reports checked for restricted names between two polls for jobs (a few tens of milliseconds of work). */
const NAME_CHECK_BATCH = 500;

/** Runs queued jobs in this process, one at a time (extraction is CPU work; a second worker is a second process). */
export class Worker {
  readonly id: string;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly log: (message: string) => void;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly store: Store,
    private readonly handlers: Record<string, JobHandler>,
    options: WorkerOptions = {},
  ) {
    this.id = options.id ?? `worker:${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.pollMs = options.pollMs ?? 1000;
    this.log = options.log ?? (() => undefined);
  }

  /** Claims and runs one job; false when none was ready. */
  async runOnce(): Promise<boolean> {
    const job = await claimJob(this.store.db, this.store.engine, this.id, this.store.now(), this.leaseMs, Object.keys(this.handlers));
    if (!job) return false;
    const handler = this.handlers[job.kind]!;
    let completed = false;
    const ctx: JobContext = {
      store: this.store,
      workerId: this.id,
      complete: async (tx) => {
        await completeJob(tx, job.id, this.id, this.store.now().toISOString());
        completed = true;
      },
    };
    try {
      await handler(job, ctx);
      if (!completed) await this.store.db.transaction().execute((tx) => ctx.complete(tx));
    } catch (err) {
      const e = asVigilError(err);
      if (e.code === 'job_lost') {
        this.log(`${job.kind} ${job.id}: lease lost to another worker; nothing written`);
        return true;
      }
      const permanent = isPermanent(err);
      const outcome = await failJob(this.store.db, permanent ? { ...job, attempts: job.maxAttempts } : job, this.id, this.store.now(), `${e.code}: ${e.message}`);
      this.log(`${job.kind} ${job.id} failed (${outcome}, attempt ${job.attempts}/${job.maxAttempts}): ${e.message}`);
    }
    return true;
  }

  /** Runs jobs until none is ready; returns how many ran. */
  async drain(limit = Infinity): Promise<number> {
    let n = 0;
    while (n < limit && (await this.runOnce())) n++;
    return n;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    let more = false;
    const tick = () => {
      this.running = this.drain()
        .catch((err) => this.log(`worker: ${asVigilError(err).message}`))
        // Between jobs, a batch of reports' verdicts on the restricted names brought up to date
        // (checkReportNames): the next batch at once while some are left, else at the next poll.
        .then(async () => (more = !this.stopped && (await checkReportNames(this.store.db, NAME_CHECK_BATCH)) > 0))
        .catch((err) => {
          more = false;
          this.log(`worker: ${asVigilError(err).message}`);
        })
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, more ? 0 : this.pollMs);
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
