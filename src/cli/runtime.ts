import { digestHandler, emailHandler, webhookHandler } from '../ingest/deliver.js';
import { feedPollHandler } from '../ingest/feeds.js';
import { IsolatedExtractor } from '../ingest/isolated.js';
import { extractHandler } from '../ingest/process.js';
import type { JobHandler } from '../ingest/worker.js';
import { Worker } from '../ingest/worker.js';
import { ensureDefaultRules } from '../storage/alerts.js';
import type { Store } from '../storage/store.js';
import { openStore } from '../storage/store.js';

import { DEFAULT_DB } from './usage.js';

export { DB_USAGE, DEFAULT_DB } from './usage.js';

export function storeUrl(option: string | undefined): string {
  return option ?? process.env.VIGIL_DB ?? DEFAULT_DB;
}

export async function openCliStore(option: string | undefined): Promise<Store> {
  // Encryption at rest: the key file lives elsewhere (another disk, a mounted token), named by $VIGIL_DB_KEY_FILE.
  const keyFile = process.env.VIGIL_DB_KEY_FILE;
  const store = await openStore({ url: storeUrl(option), ...(keyFile ? { keyFile } : {}) });
  await store.db.transaction().execute((tx) => ensureDefaultRules(tx, store.now().toISOString()));
  return store;
}

/** A worker with every job this process can run: extraction, feed polls, alert deliveries. */
export function createWorker(store: Store, baseUrl: string, log: (m: string) => void): Worker {
  const config = {
    baseUrl,
    ...(process.env.VIGIL_SMTP_URL ? { smtpUrl: process.env.VIGIL_SMTP_URL } : {}),
    ...(process.env.VIGIL_MAIL_FROM ? { mailFrom: process.env.VIGIL_MAIL_FROM } : {}),
  };
  // Reports are read in a worker thread with a time and memory budget each (VIGIL_EXTRACT_SECONDS,
  // VIGIL_EXTRACT_MB); its models load on the first report, not at start: `vigil serve` answers at once.
  const extract: JobHandler = extractHandler(new IsolatedExtractor());
  return new Worker(store, { extract, 'feed.poll': feedPollHandler(), 'deliver.webhook': webhookHandler(config), 'deliver.email': emailHandler(config), 'deliver.digest': digestHandler(config) }, { log });
}
