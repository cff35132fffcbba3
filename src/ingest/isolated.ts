import { Worker as Thread } from 'node:worker_threads';
import type { Article } from '../articles/article.js';
import type { ErrorCode } from '../core/errors.js';
import { VigilError } from '../core/errors.js';
import type { ExtractionDocument } from '../text/types.js';

/** What one report may cost: wall time once the models are loaded, and the thread's heap. */
export interface ExtractBudget {
  ms: number;
  memoryMb: number;
}

/** `VIGIL_EXTRACT_SECONDS` (default 120) and `VIGIL_EXTRACT_MB` (default 1536). */
export function budgetFromEnv(env = process.env): ExtractBudget {
  return { ms: Number(env.VIGIL_EXTRACT_SECONDS ?? 120) * 1000, memoryMb: Number(env.VIGIL_EXTRACT_MB ?? 1536) };
}

/**
 * The thread's space for new objects. V8's default for a heap this size is about 48 MB, all of it
 * touched, so resident, between collections; a report's objects are short-lived, and a third of
 * that reads them at the same speed (measured on 500 reports: same CPU time, 30–50 MB less resident).
 */
export const YOUNG_GENERATION_MB = 16;

/** An extraction stopped for its budget: retried once (the machine may have been busy), then the report fails. */
export function isOverBudget(err: unknown): boolean {
  return err instanceof VigilError && err.details?.overBudget === true;
}

interface Reply {
  id?: number;
  ready?: boolean;
  doc?: ExtractionDocument;
  error?: { code: ErrorCode; message: string };
}

/**
 * The pipeline in a worker thread, so one hostile report cannot stop the server: the API's
 * event loop stays free while a report is read, and a report over its time or memory budget
 * ends the thread (a new one starts for the next report) and fails with a clear error.
 */
export class IsolatedExtractor {
  private thread: Thread | null = null;
  private ready: Promise<void> | null = null;
  private next = 0;

  constructor(readonly budget: ExtractBudget = budgetFromEnv()) {}

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    // Built (dist/, JavaScript): the thread's module itself; from the sources: an entry that registers tsx first.
    const entry = import.meta.url.endsWith('.js') ? './extract-thread.js' : './extract-thread.mjs';
    const thread = new Thread(new URL(entry, import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    this.thread = thread;
    this.ready = new Promise((resolve, reject) => {
      const onReady = (m: Reply) => m.ready && (thread.off('message', onReady), thread.off('error', reject), thread.unref(), resolve());
      thread.on('message', onReady);
      thread.once('error', reject);
      thread.once('exit', (code) => reject(new VigilError('internal', `the extraction thread ended while loading its models (exit code ${code})`)));
    });
    this.ready.catch(() => this.stop());
    return this.ready;
  }

  private stop(): void {
    void this.thread?.terminate();
    this.thread = null;
    this.ready = null;
  }

  async extract(article: Article): Promise<ExtractionDocument> {
    await this.start();
    const thread = this.thread!;
    // Held open only while a report is read: an idle thread does not keep a command from exiting.
    thread.ref();
    const id = ++this.next;
    const kb = Math.round(article.text.length / 1024);
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        thread.unref();
        thread.off('message', onMessage);
        thread.off('error', onError);
        thread.off('exit', onExit);
      };
      const over = (what: string) => new VigilError('unavailable', `extraction went over its ${what} for this report (${kb} KB) and was stopped`, { overBudget: true });
      const timer = setTimeout(() => (done(), this.stop(), reject(over(`time budget of ${this.budget.ms / 1000} s`))), this.budget.ms);
      const onMessage = (m: Reply) => {
        if (m.id !== id) return;
        done();
        if (m.error) reject(new VigilError(m.error.code, m.error.message));
        else resolve(m.doc!);
      };
      const onError = (err: Error & { code?: string }) => {
        done();
        this.stop();
        reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? over(`memory budget of ${this.budget.memoryMb} MB`) : new VigilError('internal', `the extraction thread failed: ${err.message}`));
      };
      const onExit = () => (done(), this.stop(), reject(over(`memory budget of ${this.budget.memoryMb} MB`)));
      thread.on('message', onMessage);
      thread.once('error', onError);
      thread.once('exit', onExit);
      thread.postMessage({ id, article });
    });
  }

  async close(): Promise<void> {
    const t = this.thread;
    this.thread = null;
    this.ready = null;
    await t?.terminate();
  }
}
