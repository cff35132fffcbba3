import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { Extractor } from '../articles/extract.js';
import { extractHandler } from '../ingest/process.js';
import { Worker } from '../ingest/worker.js';
import type { Store } from '../storage/store.js';
import { createWebApp } from './server.js';

/** What the browser tests share: Chromium's flags, where screenshots go, and a real server on a free port. */
export const SHOTS = new URL('../../results/screenshots/', import.meta.url).pathname;
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
export const SKIP_BROWSER = process.env.VIGIL_CHROMIUM ? false : `no Chromium: ${process.env.VIGIL_CHROMIUM_SKIP ?? 'run through npm test, which installs it'}`;

export interface Served {
  base: string;
  worker: Worker;
  browser: Browser;
  close(): Promise<void>;
}

/** The web app over `store` with a worker reading reports, on 127.0.0.1. */
export async function serveApp(store: Store): Promise<Omit<Served, 'browser'>> {
  // The models load here, before any page waits on a report being read: a wait then covers one
  // report's reading, not the loading too (which on a busy machine can take most of a timeout).
  const extractor = new Extractor();
  extractor.extract({ text: 'Police in Karsvik held Edda Rusk on Monday, her lawyer said.', format: 'text', published: '2026-11-18' });
  const worker = new Worker(store, { extract: extractHandler(extractor) }, { pollMs: 200 });
  const app = createWebApp({ store, worker });
  let server: ReturnType<typeof serve> | undefined;
  const base = await new Promise<string>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`));
  });
  return {
    base,
    worker,
    async close() {
      await worker.stop();
      await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    },
  };
}

/** `serveApp` and a headless Chromium. */
export async function serveForBrowser(store: Store): Promise<Served> {
  mkdirSync(SHOTS, { recursive: true });
  const app = await serveApp(store);
  const browser = await chromium.launch({ executablePath: process.env.VIGIL_CHROMIUM!, args: FLAGS });
  return {
    ...app,
    browser,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}
