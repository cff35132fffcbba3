// A second `vigil serve` for the tests, in a worker thread: its own Store on the database at
// `url`, its clock stopped at `at`, one scheduler pass or one worker's drain, started when the
// test says go (so two start together), its result posted back. A thread, not a second Store in
// the test's own thread: SQLite's driver waits for a lock synchronously, so a connection waiting
// for another's write lock in the same thread would wait out its whole busy timeout (the other
// cannot commit meanwhile), where two processes, or two threads, just take turns.
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../storage/store.js';
import { webhookHandler } from './deliver.js';
import { schedulerTick } from './scheduler.js';
import { Worker } from './worker.js';

export interface ThreadTask {
  url: string;
  at: string;
  /** 'tick': one `schedulerTick`; 'drain': a job worker runs every job ready, recording what it delivers. */
  task: 'tick' | 'drain';
}

/** What a drain delivered: the alerts whose webhooks it sent, the digests (rule and day) and feeds (ids) whose jobs it ran. */
export interface Drained {
  webhooks: string[];
  digests: string[];
  polls: string[];
}

export type ThreadResult = Awaited<ReturnType<typeof schedulerTick>> | Drained;

async function drain(store: Awaited<ReturnType<typeof openStore>>): Promise<Drained> {
  const done: Drained = { webhooks: [], digests: [], polls: [] };
  const fetchImpl = (async (_url: string | URL | Request, init?: RequestInit) => {
    done.webhooks.push((JSON.parse(String(init?.body)) as { alert: { id: string } }).alert.id);
    return new Response(null, { status: 204 });
  }) as typeof fetch;
  const worker = new Worker(store, {
    'deliver.webhook': webhookHandler({ baseUrl: 'http://vigil.test', fetchImpl }),
    'deliver.digest': async (job) => void done.digests.push(`${String(job.payload.ruleId)} ${String(job.payload.day)}`),
    'feed.poll': async (job) => void done.polls.push(String(job.payload.feedId)),
  });
  await worker.drain();
  return done;
}

const port = parentPort;
if (port) {
  const { url, at, task } = workerData as ThreadTask;
  const store = await openStore({ url, migrate: false, now: () => new Date(at) });
  try {
    port.postMessage({ ready: true });
    await once(port, 'message');
    const result: ThreadResult = task === 'tick' ? await schedulerTick(store) : await drain(store);
    port.postMessage({ result });
  } catch (err) {
    port.postMessage({ error: err instanceof Error ? err.message : String(err) });
  } finally {
    await store.close();
    port.close();
  }
}
