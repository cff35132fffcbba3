import type { Split } from '../../corpora/locate.js';
import type { TaskResult } from '../report.js';

export interface TaskContext {
  split: Split;
  /** A folder laid out like ../shared/data (or like the corpus folder itself). */
  dataDir: string | undefined;
  /** Progress lines go to stderr so stdout stays the table. */
  progress(message: string): void;
  /** The first N items only (`--limit`), for tasks that read a long feed. */
  limit?: number;
  /** Where the case-gold files are (`--gold`), when not in data/case-gold/. */
  gold?: string;
  /** Only the reports that have case gold (`--gold-only`), for tasks that score against it. */
  goldOnly?: boolean;
  /** Settings for the component under test, as JSON (`--policy`: the case policy's thresholds). */
  policy?: string;
  /** Which reports a feed reads (`--corpus`): HRDsAttack with unrelated news (the default), or our invented reports. */
  corpus?: 'hrdsattack' | 'invented';
}

/** The outcome of a task: its scores, or a one-line reason it could not run. */
export type TaskOutcome = { result: TaskResult } | { skipped: string };

export interface EvalTask {
  name: string;
  description: string;
  /** The issue that builds the component this task scores, when it is not built yet. */
  pending?: string;
  run(ctx: TaskContext): TaskOutcome | Promise<TaskOutcome>;
}
