import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import type { Extractor } from '../articles/extract.js';
import { formatTable } from '../evaluation/report.js';
import type { Row } from '../evaluation/report.js';
import { extractHandler } from '../ingest/process.js';
import { submitArticle } from '../ingest/submit.js';
import { Worker } from '../ingest/worker.js';
import { hashPassword } from '../server/auth/passwords.js';
import { createApp } from '../server/app.js';
import { ensureDefaultRules } from '../storage/alerts.js';
import type { Store } from '../storage/store.js';
import { openStore } from '../storage/store.js';
import { insertUser } from '../storage/users.js';

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** Reports per minute through the whole path: store, queue, extract, match people, timelines, status, alerts. */
async function ingestion(store: Store, extractor: Extractor, texts: string[]): Promise<Row> {
  const start = performance.now();
  for (const [i, text] of texts.entries()) await submitArticle(store, { text, format: 'text', published: '2026-11-18', id: String(i) }, { source: 'import', actor: 'bench' });
  const worker = new Worker(store, { extract: extractHandler(extractor) });
  const n = await worker.drain();
  const min = (performance.now() - start) / 60_000;
  const cases = await store.db.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { name: `${store.engine}: ${n} reports → ${Number(cases.n)} cases`, values: { 'reports/min': (n / min).toFixed(0), s: (min * 60).toFixed(1) } };
}

/** Latency of common API calls over real HTTP on loopback (p50 / p95 of `rounds` requests each). */
async function latency(store: Store, rounds: number): Promise<Row[]> {
  const at = store.now().toISOString();
  const passwordHash = await hashPassword('bench password long enough');
  await store.db.transaction().execute((tx) => insertUser(tx, at, { email: 'bench@example.org', name: 'bench', role: 'analyst', passwordHash }));
  const app = createApp({ store });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.org', password: 'bench password long enough' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const first = ((await (await fetch(`${base}/api/cases?limit=1`, { headers: { cookie } })).json()) as { cases: { id: string }[] }).cases[0];
  const calls: [string, string][] = [
    ['GET /api/cases', '/api/cases?limit=50'],
    ['GET /api/cases/{id}', `/api/cases/${first?.id ?? 'none'}`],
    ['GET /api/reports?q=', '/api/reports?q=police&limit=20'],
    ['GET /api/alerts', '/api/alerts?limit=50'],
  ];
  const rows: Row[] = [];
  for (const [name, url] of calls) {
    const ms: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const s = performance.now();
      const res = await fetch(base + url, { headers: { cookie } });
      await res.arrayBuffer();
      ms.push(performance.now() - s);
    }
    rows.push({ name: `${store.engine}: ${name}`, values: { 'p50 ms': percentile(ms, 50).toFixed(2), 'p95 ms': percentile(ms, 95).toFixed(2) } });
  }
  server.close();
  return rows;
}

/** `npm run bench` service figures, on a throwaway SQLite file and, when $VIGIL_BENCH_PG names a database, on PostgreSQL. */
export async function serviceBench(extractor: Extractor, texts: string[], reports: number): Promise<void> {
  const sample = texts.slice(0, reports);
  const targets: { url: string; cleanup: () => void }[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-'));
  targets.push({ url: path.join(dir, 'bench.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) });
  if (process.env.VIGIL_BENCH_PG) targets.push({ url: process.env.VIGIL_BENCH_PG, cleanup: () => undefined });
  const ingest: Row[] = [];
  const api: Row[] = [];
  for (const t of targets) {
    const store = await openStore({ url: t.url });
    try {
      await store.db.transaction().execute((tx) => ensureDefaultRules(tx, store.now().toISOString()));
      process.stderr.write(`ingesting ${sample.length} reports into ${store.engine}…\n`);
      ingest.push(await ingestion(store, extractor, sample));
      api.push(...(await latency(store, 200)));
    } finally {
      await store.close();
      t.cleanup();
    }
  }
  console.log(`\n${formatTable('Ingestion (store, extract, cases, alerts; one worker)', ['reports/min', 's'], ingest)}`);
  console.log(`\n${formatTable('API latency over HTTP on loopback, 200 requests each', ['p50 ms', 'p95 ms'], api)}`);
}
