import cluster from 'node:cluster';
import type { Worker as ClusterWorker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { Scheduler } from '../ingest/scheduler.js';
import { countUsers } from '../storage/users.js';
import { VigilError } from '../core/errors.js';
import { createWebApp } from '../web/server.js';
import type { CliIo } from './io.js';
import { processIo, say, warn } from './io.js';
import { createWorker, openCliStore } from './runtime.js';
import { SERVE_USAGE } from './usage.js';

export { SERVE_USAGE };

/** `--workers`: a number of server processes from 1 to 64, or `auto` (one per CPU). */
export function workerCount(value: string): number {
  if (value === 'auto') return Math.max(1, os.availableParallelism());
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 64) throw new VigilError('usage', `--workers must be a number from 1 to 64 or "auto", not "${value}"`);
  return n;
}

/**
 * Each process's share of `$VIGIL_DB_POOL` PostgreSQL connections (default 10, what one process
 * always opened at most): one process takes them all; with N server processes, the background
 * process takes 2 and each server process an equal share of the rest, at least 2.
 */
export function poolShares(total: number, workers: number): { jobs: number; server: number } {
  if (workers === 1) return { jobs: total, server: total };
  return { jobs: 2, server: Math.max(2, Math.floor((total - 2) / workers)) };
}

/** Resolves on the first SIGINT or SIGTERM; a second one ends the process at once (a stop that hangs, on a long extraction). */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    let got = false;
    let watch: NodeJS.Timeout | undefined;
    const on = (signal: string) => {
      if (got) process.exit(130);
      got = true;
      clearInterval(watch);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
    // `npx vigil serve` (npm exec) does not pass a SIGTERM on to the server it started: stopping
    // npx left the server running with no parent. Started that way, the server stops as on the
    // signal once its parent is gone (a server started by a supervisor or a shell is left alone).
    const launcher = process.env.npm_command === 'exec' || process.env.VIGIL_SERVE_ROLE ? process.ppid : undefined;
    if (launcher !== undefined) (watch = setInterval(() => process.ppid !== launcher && on('parent gone'), PARENT_CHECK_MS)).unref();
  });
}

/** How often a server started by npx (or by `--workers`' primary) checks that its parent is still there. */
const PARENT_CHECK_MS = 1000;

/** Set by the primary on the processes it forks: which one it is (`jobs`, or a server's number). */
const ROLE_ENV = 'VIGIL_SERVE_ROLE';

/**
 * `vigil serve`: runs until interrupted; closes the server, the worker and the database in order.
 * With `--workers N` (N > 1) it runs as a primary that migrates the database, forks one
 * background process (job worker and scheduler: extraction, feed polls, alert deliveries and
 * digests, the timed re-evaluation of cases; once, whatever N is) and N server processes that
 * share the port, restarts any that dies, and stops them all on SIGTERM.
 */
export async function runServe(argv: string[], io: CliIo = processIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string', default: io.env.PORT ?? '8080' }, host: { type: 'string', default: '127.0.0.1' }, db: { type: 'string' }, workers: { type: 'string', default: io.env.VIGIL_WORKERS ?? '1' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    say(io, SERVE_USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new VigilError('usage', `--port must be a port number, not "${values.port}"`);
  const workers = workerCount(values.workers);
  const poolTotal = Number(io.env.VIGIL_DB_POOL ?? '10');
  if (!Number.isInteger(poolTotal) || poolTotal < 1) throw new VigilError('usage', `$VIGIL_DB_POOL must be a whole number of connections, not "${io.env.VIGIL_DB_POOL}"`);
  const pools = poolShares(poolTotal, workers);
  const opts = { port, host: values.host, db: values.db, workers, pools };
  const role = cluster.isWorker ? io.env[ROLE_ENV] : undefined;
  if (role === 'jobs') return runJobs(opts, io);
  if (role) return runServer(opts, role, io);
  if (workers === 1) return runSingle(opts, io);
  return runPrimary(opts, io);
}

interface ServeOptions {
  port: number;
  host: string;
  db: string | undefined;
  workers: number;
  pools: { jobs: number; server: number };
}

const logTo = (io: CliIo) => (m: string) => warn(io, `[vigil] ${m}`);

/** Says where the server is and, on an empty database, how to create the first admin. */
async function greet(io: CliIo, opts: ServeOptions, store: Awaited<ReturnType<typeof openCliStore>>): Promise<void> {
  if ((await countUsers(store.db)) === 0) {
    say(io, `No accounts yet: open http://${opts.host}:${opts.port} and create the first admin there,`);
    say(io, `  or run: npx vigil users add you@example.org --name "Your Name" --role admin${opts.db ? ` --db ${opts.db}` : ''}`);
  }
}

function running(io: CliIo, host: string, port: number, location: string, engine: string): void {
  const where = `http://${host}:${port}`;
  say(io, `Vigil is running: open ${where} in your browser (API: ${where}/api, OpenAPI: ${where}/api/openapi.json)`);
  say(io, `Data: ${location} (${engine})`);
}

/** One process: the server, the job worker and the scheduler (`--workers 1`, the default). */
async function runSingle(opts: ServeOptions, io: CliIo): Promise<number> {
  const store = await openCliStore(opts.db, io, undefined, { poolMax: opts.pools.server });
  const log = logTo(io);
  const url = `http://${opts.host}:${opts.port}`;
  const jobs = background(store, url, log, io);
  const app = createWebApp({ store, worker: jobs.worker, mail: Boolean(io.env.VIGIL_SMTP_URL) });
  const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info) => running(io, opts.host, info.port, store.location, store.engine));
  await greet(io, opts, store);
  jobs.start();
  await untilSignal();
  log('shutting down');
  jobs.scheduler.stop();
  await new Promise<void>((r) => server.close(() => r()));
  await jobs.worker.stop();
  await store.close();
  return 0;
}

/** The job worker and the scheduler (extraction, feeds, alert deliveries, digests, re-evaluation), made and started together. */
function background(store: Awaited<ReturnType<typeof openCliStore>>, url: string, log: (m: string) => void, io: CliIo) {
  const worker = createWorker(store, url, log, io);
  const scheduler = new Scheduler(store, 60_000, log);
  return {
    worker,
    scheduler,
    start(): void {
      worker.start();
      scheduler.start();
    },
  };
}

/** The background process of `--workers N`: the job worker and the scheduler, and no HTTP server. */
async function runJobs(opts: ServeOptions, io: CliIo): Promise<number> {
  const store = await openCliStore(opts.db, io, undefined, { setUp: false, poolMax: opts.pools.jobs });
  const log = logTo(io);
  const jobs = background(store, `http://${opts.host}:${opts.port}`, log, io);
  jobs.start();
  await untilSignal();
  jobs.scheduler.stop();
  await jobs.worker.stop();
  await store.close();
  process.disconnect?.();
  return 0;
}

/**
 * A server process of `--workers N`: the web app and the API on the shared port, nothing in the
 * background. A submitted report waits for the background process's next poll for jobs (a
 * second at most). With `$VIGIL_WORKER_HEADER=1` (the tests) each response says which server
 * process answered (`x-vigil-worker`); never otherwise, as it tells anyone how the server runs.
 */
async function runServer(opts: ServeOptions, slot: string, io: CliIo): Promise<number> {
  const store = await openCliStore(opts.db, io, undefined, { setUp: false, poolMax: opts.pools.server });
  const app = createWebApp({ store, mail: Boolean(io.env.VIGIL_SMTP_URL) });
  // The socket goes through with the request (`env`): without it every client is "local" to the
  // login limiter and a trusted proxy's TLS is not seen.
  const tell = io.env.VIGIL_WORKER_HEADER === '1';
  const fetch = async (req: Request, env: unknown): Promise<Response> => {
    const res = await app.fetch(req, env as never);
    if (!tell) return res;
    try {
      res.headers.set('x-vigil-worker', slot);
    } catch {
      // a response whose headers cannot change goes as it is
    }
    return res;
  };
  const server = serve({ fetch, port: opts.port, hostname: opts.host });
  server.on('error', (err) => {
    logTo(io)(`server ${slot}: ${(err as NodeJS.ErrnoException).code ?? err.message}`);
    process.exit(1);
  });
  await untilSignal();
  await new Promise<void>((r) => server.close(() => r()));
  await store.close();
  process.disconnect?.();
  return 0;
}

/*
 * What a server process keeps in memory, checked for `--workers N` (each process has its own):
 * - the login limiter: in the database (`login_failures`, limiter.ts), counted before the password
 *   is checked; a second-factor step is taken by a conditional update (auth/routes.ts);
 * - each user's denied list and the restricted names (storage/access.ts): reused only while the
 *   `access_generation` counter, moved by triggers and read on every request, stands, so another
 *   process's change is seen at the next request;
 * - a report's verdict on a list of restricted names (access.ts `textVerdicts`): keyed by the
 *   report and a digest of the names; a report's title and text are never rewritten;
 * - the name matchers, letter folds and word tables (name-matcher.ts): derived from their inputs;
 * - PostgreSQL's word shares (search.ts): only choose a plan, read again every ten minutes;
 * - when a token's use was last written (storage/users.ts): each process writes `last_used_at` at
 *   most once a resolution, N at most;
 * - prepared statements (store.ts), the client bundle, the dummy password hash: per process by
 *   nature. Sessions, lockdown, settings and jobs are read from the database on every use.
 */

/** How long a process must have run for its next death to count as the first again. */
const STEADY_MS = 60_000;
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 30_000;
/** How long a process is given to stop after SIGTERM before it is killed. */
const STOP_GRACE_MS = 30_000;

/**
 * The primary of `--workers N`: migrates the database and checks it once, then forks the
 * background process and N server processes and watches them. A process that dies is started
 * again after a wait that doubles with each death in a row (0.5 s, 1 s, 2 s … at most 30 s; back
 * to 0.5 s once one has run a minute). A server that dies before any server listened (the port
 * taken) stops the whole: starting it again would fail the same way.
 */
async function runPrimary(opts: ServeOptions, io: CliIo): Promise<number> {
  const log = logTo(io);
  // Migrations and the default alert rules, once, before any process is forked.
  const setup = await openCliStore(opts.db, io, undefined, { poolMax: 1 });
  const location = setup.location;
  const engine = setup.engine;
  await greet(io, opts, setup);
  await setup.close();

  const slots = ['jobs', ...Array.from({ length: opts.workers }, (_, i) => String(i + 1))];
  const live = new Map<string, ClusterWorker>();
  const deaths = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;
  let listened = false;
  let failed = false;
  let stop: (signal: string) => void = () => undefined;
  const stopped = new Promise<string>((resolve) => (stop = resolve));
  void untilSignal().then(stop);

  // One secret for the login limiter's keys, shared by the server processes and never written anywhere (limiter.ts).
  const limiterKey = randomBytes(32).toString('hex');
  const fork = (slot: string) => {
    const startedAt = Date.now();
    const w = cluster.fork({ [ROLE_ENV]: slot, VIGIL_LIMITER_KEY: limiterKey });
    live.set(slot, w);
    const pid = w.process.pid;
    if (slot === 'jobs') log(`background process started (pid ${pid})`);
    w.on('listening', (address) => {
      log(`server ${slot} listening (pid ${pid})`);
      if (listened) return;
      listened = true;
      running(io, opts.host, address.port, location, engine);
    });
    w.on('exit', (code, signal) => {
      live.delete(slot);
      if (stopping) return;
      const what = `${slot === 'jobs' ? 'background process' : `server ${slot}`} (pid ${pid}) ended (${signal ? `signal ${signal}` : `code ${code}`})`;
      if (slot !== 'jobs' && !listened) {
        log(`${what} before any server listened; stopping`);
        failed = true;
        stop('startup');
        return;
      }
      const n = Date.now() - startedAt >= STEADY_MS ? 1 : (deaths.get(slot) ?? 0) + 1;
      deaths.set(slot, n);
      const wait = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (n - 1));
      log(`${what}; starting another in ${(wait / 1000).toFixed(1)} s`);
      const t = setTimeout(() => {
        timers.delete(t);
        if (!stopping) fork(slot);
      }, wait);
      timers.add(t);
    });
  };
  for (const slot of slots) fork(slot);

  await stopped;
  stopping = true;
  log('shutting down');
  for (const t of timers) clearTimeout(t);
  await Promise.all(
    [...live.values()].map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.isDead()) return resolve();
          const kill = setTimeout(() => w.process.kill('SIGKILL'), STOP_GRACE_MS);
          w.once('exit', () => (clearTimeout(kill), resolve()));
          w.process.kill('SIGTERM');
        }),
    ),
  );
  return failed ? 1 : 0;
}
