import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { formatTable } from '../evaluation/report.js';
import type { Row } from '../evaluation/report.js';
import { HELD_STATUSES } from '../cases/status.js';
import { SCHEDULER_BATCH, schedulerTick } from '../ingest/scheduler.js';
import { createApp } from '../server/app.js';
import { checkReportNames } from '../storage/access.js';
import { ensureDefaultRules } from '../storage/alerts.js';
import type { Store } from '../storage/store.js';
import { openStore } from '../storage/store.js';
import { createApiToken, insertUser } from '../storage/users.js';
import { BulkWriter } from './scale-bulk.js';
import { COPIES_END, Multiplier, RowsWriter } from './scale-multiply.js';
import { extractPool, loadStories, poolTexts } from './scale-pool.js';

/**
 * `npm run bench -- scale [--reports N] [--db URL] [--quick] [--only case,inbox]`: a database of N reports (a pool
 * through the real pipeline and tracker, the rest varied copies written by batched inserts),
 * then the HTTP API under 1, 10 and 50 concurrent connections, authenticated with an API token:
 * latency percentiles and requests per second per endpoint, bytes per report, and the query
 * plans of the slowest queries. SQLite by default; `--db postgres://…` names a server where a
 * database of its own is created for the run and dropped after. `--reuse` measures the database
 * `--db` names as it is (a PostgreSQL database is then neither created nor dropped; a SQLite file
 * is kept either way), building it only when it holds no report yet, or growing it to N when it
 * holds fewer (a build that was stopped): the same data measured before and after a change,
 * which migrations bring up to date when it opens. `--url http://…` measures a server already
 * running on the database `--db` names (`vigil serve --workers N`), as it is: the clients stay in
 * the bench's process, the server has its own. `--serve N` starts that server itself once the
 * database is ready (`vigil serve --workers N` on it, its background process included, as a
 * deployment runs it), measures it the same way and stops it. `--conns 1,10,50` the rows' connections. `--stop-file PATH` ends the build (after the batches in
 * flight) once that file exists, and measures what was built. `--writer bulk` (the default: indexes
 * dropped during the build and built again after it, scale-bulk.ts) or `rows` (plain INSERTs
 * with every index in place); both write the same rows (scale-bulk.test.ts). `--scheduler`
 * measures the background scheduler's passes (`schedulerTick`, what `vigil serve` runs every
 * minute: the backlog of due cases, the steady state, a day and eight days later) on the database
 * instead of the HTTP API.
 */

const log = (s: string) => process.stderr.write(`${s}\n`);
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN);

interface Target {
  url: string;
  size(store: Store): Promise<number>;
  cleanup(): Promise<void>;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const pgSize = async (store: Store) => Number((await sql<{ n: string }>`SELECT pg_database_size(current_database()) AS n`.execute(store.db)).rows[0]!.n);

async function target(db: string | undefined, reuse: boolean): Promise<Target> {
  if (db && /^postgres(ql)?:\/\//.test(db) && reuse) {
    return { url: db, size: pgSize, cleanup: async () => undefined };
  }
  if (db && /^postgres(ql)?:\/\//.test(db)) {
    const name = `vigil_scale_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await adminQuery(db, `CREATE DATABASE ${name}`);
    const url = new URL(db);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      size: pgSize,
      cleanup: () => adminQuery(db, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = db ? path.dirname(path.resolve(db)) : mkdtempSync(path.join(os.tmpdir(), 'vigil-scale-'));
  const file = db ?? path.join(dir, 'scale.db');
  return {
    url: file,
    size: async (store) => {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
      return statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
    },
    cleanup: async () => (db ? undefined : rmSync(dir, { recursive: true, force: true })),
  };
}

interface QueryStat {
  n: number;
  totalMs: number;
  maxMs: number;
  parameters: readonly unknown[];
}

/** Runs `conns` clients in a loop for `seconds` (or `max` requests): each request's latency, and the errors. */
async function load(base: string, token: string, next: () => string, conns: number, seconds: number, max: number) {
  const ms: number[] = [];
  let errors = 0;
  let sent = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline && sent < max) {
      sent++;
      const s = performance.now();
      try {
        const res = await fetch(base + next(), { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
      } catch {
        errors++;
      }
      ms.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: conns }, client));
  return { ms, errors, seconds: (performance.now() - start) / 1000 };
}

interface MeasureOptions {
  seconds: number;
  exportSeconds: number;
  only: string | undefined;
  /** The numbers of concurrent connections, one row each (default 1, 10, 50). */
  conns: number[];
  /** A server already running on the same database (`vigil serve --db … --workers N`): its clients then run in this process, the server in its own. */
  url: string | undefined;
}

async function measure(store: Store, recording: { on: boolean }, { seconds, exportSeconds, only, conns: connCounts, url }: MeasureOptions): Promise<Row[]> {
  const at = store.now().toISOString();
  const token = await store.db.transaction().execute(async (tx) => {
    const user = await insertUser(tx, at, { email: `bench-${randomUUID()}@example.org`, name: 'bench', role: 'analyst', passwordHash: 'x' });
    return (await createApiToken(tx, at, user.id, 'scale bench')).secret;
  });
  const people = (await store.db.selectFrom('persons').select(['id', 'name']).where('merged_into', 'is', null).where('restricted', '=', 0).orderBy(sql`random()`).limit(500).execute());
  // The countries a facet click can name: events' and cases' (a small pool may give no event a country).
  const countries = [...new Set([
    ...(await store.db.selectFrom('case_events').select('country').distinct().where('country', 'is not', null).limit(20).execute()).map((r) => r.country!),
    ...(await store.db.selectFrom('persons').select(sql<string>`coalesce(case_country, country)`.as('c')).distinct().where(sql<string>`coalesce(case_country, country)`, 'is not', null).limit(20).execute()).map((r) => r.c),
  ])].filter((c) => /^[A-Z]{3}$/.test(c));
  if (!countries.length) throw new Error('no event or case in the database has a country: the facet rows would measure only refusals (build with a larger --pool)');
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const words = ['police', 'arrested', 'journalist', 'court', 'prison', 'lawyer', 'protest'];
  const types = ['ARREST', 'CHARGE', 'RELEASE', 'THREAT', 'DETENTION'].filter((t) => t !== 'DETENTION');
  const byName = () => `/api/search?q=${encodeURIComponent(pick(people).name.split(' ').at(-1)!)}&limit=20`;
  const byWord = () => `/api/search?q=${pick(words)}&limit=20`;
  // The facet clicks: a country and an event type, a country and a year of dates, and the case list by country.
  const facetType = () => `/api/search?country=${pick(countries)}&type=${pick(types)}&limit=20`;
  const facetDates = () => {
    const year = 2022 + Math.floor(Math.random() * 5);
    return `/api/search?country=${pick(countries)}&from=${year}-01-01&to=${year}-06-30&limit=20`;
  };
  const search = () => {
    const r = Math.random();
    return r < 0.4 ? byName() : r < 0.7 ? byWord() : facetType();
  };
  const endpoints: [string, () => string][] = [
    ['search by name', byName],
    ['search by word', byWord],
    ['search facets (country + type)', facetType],
    ['search facets (country + dates)', facetDates],
    ['cases by country', () => `/api/cases?country=${pick(countries)}&limit=50`],
    ['case page', () => `/api/cases/${pick(people).id}`],
    ['cases list', () => '/api/cases?limit=50'],
    ['inbox', () => '/api/reports?limit=50'],
    ['alerts', () => '/api/alerts?limit=50'],
    ['case dossier export', () => `/api/cases/${pick(people).id}/dossier`],
  ];
  // Requests still running after a row's clients gave up (timeouts) must not slow the next row
  // (seen only of a server in this process).
  let inflight = 0;
  let server: ReturnType<typeof serve> | undefined;
  let base: string;
  if (url) base = url.replace(/\/+$/, '');
  else {
    const app = createApp({ store });
    server = serve({ fetch: (req: Request) => (inflight++, Promise.resolve(app.fetch(req)).finally(() => inflight--)), port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server!.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const quiet = async () => {
    while (inflight > 0) await new Promise((r) => setTimeout(r, 50));
  };
  const rows: Row[] = [];
  try {
    await load(base, token, search, 2, 1, 20);
    recording.on = true;
    for (const [name, next] of endpoints) {
      if (only && !only.split(',').some((o) => name.includes(o.trim()))) continue;
      for (const conns of connCounts) {
        await quiet();
        const r = await load(base, token, next, conns, seconds, 5000);
        const row = { 'p50 ms': pct(r.ms, 50).toFixed(1), 'p95 ms': pct(r.ms, 95).toFixed(1), 'p99 ms': pct(r.ms, 99).toFixed(1), rps: (r.ms.length / r.seconds).toFixed(1), errors: String(r.errors) };
        rows.push({ name: `${store.engine} ${name} ×${conns}`, values: row });
        log(`  ${name} ×${conns}: p50 ${row['p50 ms']} ms, p95 ${row['p95 ms']} ms, p99 ${row['p99 ms']} ms, ${row.rps} rps, ${r.errors} errors (load average ${os.loadavg()[0]!.toFixed(2)})`);
      }
    }
    await quiet();
    // `--export-seconds 0`: no full export (on SQLite it holds the one thread until it ends).
    if (exportSeconds <= 0) return rows;
    const s = performance.now();
    let outcome: string;
    try {
      const res = await fetch(`${base}/api/export?format=json`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(exportSeconds * 1000) });
      outcome = `${((await res.arrayBuffer()).byteLength / 1e6).toFixed(1)} MB`;
    } catch {
      outcome = `gave up after ${exportSeconds} s`;
    }
    rows.push({ name: `${store.engine} full export (JSON, every case) ×1`, values: { 'p50 ms': (performance.now() - s).toFixed(0), 'p95 ms': '', 'p99 ms': '', rps: '', errors: outcome } });
  } finally {
    recording.on = false;
    server?.close();
  }
  return rows;
}

/**
 * The scheduler's passes (`schedulerTick`), each timed: first those that work through the cases
 * due when the bench starts (every watched case of a database the index is new to, migration 020,
 * or of a fresh build's copies: their alerts are their own), one after the other as `Scheduler`
 * runs them while a backlog lasts; then a pass with nothing left due, what `vigil serve` runs
 * every minute in the steady state; then one pass a day later and one eight days later by a
 * clock moved on (the time rules of the cases read through the pipeline: 24 hours, 7 days).
 */
async function measureScheduler(store: Store, url: string): Promise<string[]> {
  const count = async (due: string | null) => {
    let q = store.db.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).where('merged_into', 'is', null);
    q = due ? q.where('review_due_at', '<=', due) : q.where('status', 'in', [...HELD_STATUSES]);
    return Number((await q.executeTakeFirstOrThrow()).n).toLocaleString('en');
  };
  const lines = [`${await count(null)} watched cases (a held status, not merged), ${await count(store.now().toISOString())} of them due`];
  const timed = async (s: Store) => {
    const t0 = performance.now();
    const r = await schedulerTick(s);
    return { ...r, ms: performance.now() - t0 };
  };
  const passes: Awaited<ReturnType<typeof timed>>[] = [];
  do passes.push(await timed(store));
  while (passes.at(-1)!.cases >= SCHEDULER_BATCH);
  const sum = (k: 'ms' | 'cases' | 'alerts') => passes.reduce((n, p) => n + p[k], 0);
  const ms = passes.map((p) => p.ms);
  lines.push(`the backlog: ${passes.length} passes of at most ${SCHEDULER_BATCH}, ${sum('cases').toLocaleString('en')} cases evaluated (${(sum('ms') / Math.max(1, sum('cases'))).toFixed(2)} ms each), ${sum('alerts').toLocaleString('en')} alerts raised, ${(sum('ms') / 1000).toFixed(1)} s in all; a pass ${(sum('ms') / passes.length / 1000).toFixed(2)} s on average, ${(Math.max(...ms) / 1000).toFixed(2)} s at most`);
  log(`  scheduler ${lines.at(-1)!}`);
  const steady = await timed(store);
  lines.push(`then a pass with ${steady.cases} due: ${steady.ms.toFixed(1)} ms`);
  for (const [label, ahead] of [['a day later', 25 * 3_600_000], ['eight days later', 8 * 86_400_000]] as const) {
    // Another handle on the same database whose clock is moved on (what the passes write is the bench's own).
    const later = await openStore({ url, migrate: false, now: () => new Date(Date.now() + ahead) });
    try {
      const r = await timed(later);
      lines.push(`a pass ${label}: ${r.cases.toLocaleString('en')} due, ${r.alerts.toLocaleString('en')} alerts raised, ${(r.ms / 1000).toFixed(2)} s`);
    } finally {
      await later.close();
    }
  }
  for (const l of lines.slice(2)) log(`  scheduler ${l}`);
  return lines;
}

async function explainSlowest(store: Store, stats: Map<string, QueryStat>, top: number): Promise<string[]> {
  const slowest = [...stats].sort((a, b) => b[1].maxMs - a[1].maxMs).slice(0, top);
  const out: string[] = [];
  for (const [text, s] of slowest) {
    const prefix = store.engine === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN ';
    const plan = await store.db.executeQuery(CompiledQuery.raw(prefix + text, [...s.parameters])).catch((e: Error) => ({ rows: [{ error: e.message }] }));
    const lines = (plan.rows as Record<string, unknown>[]).map((r) => String(r.detail ?? r['QUERY PLAN'] ?? JSON.stringify(r)));
    out.push(`max ${s.maxMs.toFixed(1)} ms, mean ${(s.totalMs / s.n).toFixed(1)} ms, ${s.n}×: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}\n    ${lines.join('\n    ')}`);
  }
  return out;
}

export async function scaleBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { serve: { type: 'string' }, reports: { type: 'string' }, db: { type: 'string' }, quick: { type: 'boolean', default: false }, pool: { type: 'string' }, seconds: { type: 'string' }, batch: { type: 'string', default: '2000' }, writer: { type: 'string', default: 'bulk' }, 'stop-file': { type: 'string' }, seed: { type: 'string', default: '36' }, 'export-seconds': { type: 'string', default: '60' }, reuse: { type: 'boolean', default: false }, only: { type: 'string' }, conns: { type: 'string', default: '1,10,50' }, url: { type: 'string' }, scheduler: { type: 'boolean', default: false } } });
  const conns = values.conns.split(',').map(Number);
  if (!conns.every((c) => Number.isInteger(c) && c > 0)) throw new Error(`--conns takes numbers of connections apart by commas, not "${values.conns}"`);
  // Against a running server the database is measured as it is, never built nor grown to --reports (the server holds it open).
  if (values.url && !values.db) throw new Error('--url needs --db: the database the server at that address serves (the bench makes its user and token there)');
  if (values.url) values.reuse = true;
  if (values.serve !== undefined && (values.url || !/^[1-9]\d*$/.test(values.serve))) throw new Error('--serve takes a number of server processes (and no --url: it starts the server itself)');
  const n = Number(values.reports ?? (values.quick ? 100_000 : 1_000_000));
  const poolSize = Math.min(n, Number(values.pool ?? (values.quick ? 200 : 400)));
  const seconds = Number(values.seconds ?? (values.quick ? 3 : 8));
  const seed = Number(values.seed);
  const t = await target(values.db, values.reuse);
  const stats = new Map<string, QueryStat>();
  const recording = { on: false };
  const onQuery = (text: string, parameters: readonly unknown[], ms: number) => {
    if (!recording.on) return;
    const s = stats.get(text) ?? { n: 0, totalMs: 0, maxMs: 0, parameters };
    s.n++;
    s.totalMs += ms;
    if (ms > s.maxMs) Object.assign(s, { maxMs: ms, parameters });
    stats.set(text, s);
  };
  const store = await openStore({ url: t.url, onQuery });
  try {
    await store.db.transaction().execute((tx) => ensureDefaultRules(tx, store.now().toISOString()));
    // Indexes a stopped bulk build left dropped are built again before anything reads the database.
    await new BulkWriter(store).restore(log);
    const held = Number((await store.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    let built = `the database as it was (${held.toLocaleString('en')} reports; --reuse)`;
    if (values.url && held === 0) throw new Error(`--url: ${store.location} holds no report; build it first (without --url)`);
    const grow = async (bulk: number, runSeed: number, first: number) => {
      const stories = (await loadStories(store, COPIES_END)).filter((s) => s.persons.length > 0 || s.sources.length > 0);
      if (!stories.length) throw new Error('the database holds no pool report read through the pipeline to copy from');
      log(`  ${stories.length} pool stories with people or events to copy`);
      const t1 = performance.now();
      let lastLog = 0;
      let written = 0;
      const writer = values.writer === 'rows' ? new RowsWriter(store) : new BulkWriter(store);
      if (writer instanceof BulkWriter) await writer.begin(log);
      try {
        await new Multiplier(store, stories, runSeed, first).write(bulk, Number(values.batch), (w) => {
          written = w;
          if (performance.now() - lastLog > 5000 || w === bulk) {
            lastLog = performance.now();
            const s = (performance.now() - t1) / 1000;
            log(`  bulk: ${w.toLocaleString('en')}/${bulk.toLocaleString('en')} reports (${(w / s).toFixed(0)} reports/s, ${new Date().toISOString().slice(11, 19)})`);
          }
        }, writer, () => !!values['stop-file'] && existsSync(values['stop-file']));
      } finally {
        if (writer instanceof BulkWriter) {
          const ti = performance.now();
          await writer.end(log);
          log(`  indexes built again in ${((performance.now() - ti) / 1000).toFixed(0)} s`);
        }
      }
      return { stories: stories.length, seconds: (performance.now() - t1) / 1000, written };
    };
    if (!(values.reuse && held > 0)) {
      const t0 = performance.now();
      log(`scale bench on ${store.engine} (${store.location}): ${n.toLocaleString('en')} reports, pool of ${poolSize}`);
      await extractPool(store, poolTexts(poolSize, seed), log);
      const poolS = (performance.now() - t0) / 1000;
      log(`  pool done in ${poolS.toFixed(0)} s`);
      const bulk = Math.max(0, n - poolSize);
      const g = await grow(bulk, seed, 0);
      built = `${poolSize} reports through the real pipeline and tracker in ${poolS.toFixed(0)} s; ${g.written.toLocaleString('en')} varied copies${g.written < bulk ? ` (of ${bulk.toLocaleString('en')}: stopped by --stop-file)` : ''} by direct batched inserts of the same rows in ${g.seconds.toFixed(0)} s (${(g.written / Math.max(g.seconds, 0.001)).toFixed(0)} reports/s, ${values.writer} writer, indexes included)`;
    } else if (held < n && !values.url) {
      // A build stopped part way (each batch is one transaction) is grown to N, from its own pool,
      // with another seed so the new people are not the first part's names again.
      log(`scale bench on ${store.engine} (${store.location}): growing ${held.toLocaleString('en')} reports to ${n.toLocaleString('en')}`);
      const g = await grow(n - held, seed + held, held);
      built = `a database of ${held.toLocaleString('en')} reports (--reuse) grown by ${g.written.toLocaleString('en')} varied copies${g.written < n - held ? ` (of ${(n - held).toLocaleString('en')}: stopped by --stop-file)` : ''} of its ${g.stories} pool stories in ${g.seconds.toFixed(0)} s (${(g.written / Math.max(g.seconds, 0.001)).toFixed(0)} reports/s, ${values.writer} writer, indexes included)`;
    }
    // Every report's verdict on the restricted names, as the background worker keeps them.
    const tc = performance.now();
    let checked = 0;
    for (let k; (k = await checkReportNames(store.db, 1000)) > 0; ) {
      checked += k;
      if (checked % 20_000 < 1000) log(`  restricted names: ${checked.toLocaleString('en')} reports checked (${(checked / ((performance.now() - tc) / 1000)).toFixed(0)} reports/s)`);
    }
    if (checked) log(`  restricted names: ${checked.toLocaleString('en')} reports checked in ${((performance.now() - tc) / 1000).toFixed(1)} s`);
    // What autovacuum does on a server where it runs (on the test server it is off): without it, no
    // index-only scan skips the table's rows, and the plans measured are not a maintained database's.
    if (store.engine === 'postgres') await sql`VACUUM ANALYZE`.execute(store.db);
    else await sql`PRAGMA optimize`.execute(store.db);
    const count = async (table: 'reports' | 'persons' | 'case_events' | 'alerts' | 'person_mentions') => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const counts = { reports: await count('reports'), persons: await count('persons'), events: await count('case_events'), mentions: await count('person_mentions'), alerts: await count('alerts') };
    const bytes = await t.size(store);
    if (values.scheduler) {
      const lines = await measureScheduler(store, t.url);
      console.log(`\nscale bench, ${store.engine}: ${counts.reports.toLocaleString('en')} reports, ${counts.persons.toLocaleString('en')} people, ${counts.events.toLocaleString('en')} timeline events, ${counts.alerts.toLocaleString('en')} alerts before the passes`);
      console.log(`built: ${built}`);
      console.log(`\nthe scheduler (schedulerTick), in process; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n${lines.map((l) => `  ${l}`).join('\n')}`);
      return;
    }
    const served = values.serve ? await startServer(t.url, Number(values.serve)) : undefined;
    let rows: Row[];
    try {
      log(`measuring the HTTP API${served ? ` (vigil serve --workers ${values.serve}, ${served.url})` : ''}…`);
      rows = await measure(store, recording, { seconds, exportSeconds: Number(values['export-seconds']), only: values.only, conns, url: values.url ?? served?.url });
    } finally {
      await served?.stop();
    }
    if (served) values.url = served.url;
    const plans = values.url ? [] : await explainSlowest(store, stats, 5);
    console.log(`\nscale bench, ${store.engine}: ${counts.reports.toLocaleString('en')} reports, ${counts.persons.toLocaleString('en')} people, ${counts.events.toLocaleString('en')} timeline events, ${counts.mentions.toLocaleString('en')} mentions, ${counts.alerts.toLocaleString('en')} alerts`);
    console.log(`built: ${built}`);
    console.log(`database: ${(bytes / 1e6).toFixed(0)} MB, ${(bytes / counts.reports / 1024).toFixed(1)} KB per report`);
    const where = values.url ? `${values.url} (${values.serve ? `vigil serve --workers ${values.serve}, started by the bench` : 'a server of its own'}, clients in the bench's process)` : '127.0.0.1 (in-process server)';
    console.log(`\n${formatTable(`HTTP API on ${where}, API token, ${seconds} s per row; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`, ['p50 ms', 'p95 ms', 'p99 ms', 'rps', 'errors'], rows)}`);
    if (plans.length) console.log(`\nslowest queries while measuring, with their plans:\n${plans.map((p) => `  ${p}`).join('\n')}`);
  } finally {
    await store.close();
    await t.cleanup();
  }
}

/**
 * `vigil serve --workers N` on the database, as a deployment runs it (its background process
 * too: job worker and scheduler), started from bin/vigil.js (the built JavaScript when dist/ is
 * up to date). Resolves once it prints its URL; `stop` ends it (SIGTERM, then SIGKILL after 10 s:
 * a process busy in a long SQLite statement reads no signal until it returns).
 */
async function startServer(db: string, workers: number): Promise<{ url: string; stop(): Promise<void> }> {
  const bin = fileURLToPath(new URL('../../bin/vigil.js', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--port', '0', '--workers', String(workers), '--db', db], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`vigil serve ended (${code}) before printing its URL: ${out}`)));
    const read = (d: Buffer) => {
      out += String(d);
      const m = /running: open (http:\/\/\S+?) /.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
  });
  // Every process of the server up (the primary prints its URL once its processes are forked).
  await new Promise((r) => setTimeout(r, 2000));
  return {
    url,
    async stop() {
      const ended = new Promise((r) => child.once('exit', r));
      // The process group: the primary and the processes it forked.
      const signal = (s: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, s);
        } catch {
          // already gone
        }
      };
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 10_000);
      await ended;
      clearTimeout(timer);
      signal('SIGKILL');
    },
  };
}
