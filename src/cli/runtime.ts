import { VigilError } from '../core/errors.js';
import { digestHandler, emailHandler, webhookHandler } from '../ingest/deliver.js';
import { feedPollHandler } from '../ingest/feeds.js';
import { IsolatedExtractor, budgetFromEnv } from '../ingest/isolated.js';
import { extractHandler } from '../ingest/process.js';
import type { JobHandler } from '../ingest/worker.js';
import { Worker } from '../ingest/worker.js';
import { ensureDefaultRules } from '../storage/alerts.js';
import type { Store } from '../storage/store.js';
import { openStore } from '../storage/store.js';

import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { DEFAULT_DB } from './usage.js';

export { DB_USAGE, DEFAULT_DB } from './usage.js';

export function storeUrl(option: string | undefined, env: CliIo['env'] = process.env): string {
  return option ?? env.VIGIL_DB ?? DEFAULT_DB;
}

/**
 * Opens the database a command names, migrated and with the default alert rules. `setUp: false`
 * (the server processes `vigil serve --workers N` forks) leaves both to the process that forked
 * them, which did them before forking; `poolMax` bounds a PostgreSQL pool.
 */
export async function openCliStore(option: string | undefined, io: CliIo = processIo, cacheMb?: number, more: { setUp?: boolean; poolMax?: number } = {}): Promise<Store> {
  // Encryption at rest: the key file lives elsewhere (another disk, a mounted token), named by $VIGIL_DB_KEY_FILE.
  const keyFile = io.env.VIGIL_DB_KEY_FILE;
  const setUp = more.setUp !== false;
  const store = await openStore({ url: storeUrl(option, io.env), ...(keyFile ? { keyFile } : {}), ...(io.now ? { now: io.now } : {}), ...(cacheMb ? { cacheMb } : {}), ...(more.poolMax ? { poolMax: more.poolMax } : {}), migrate: setUp });
  if (setUp) await store.db.transaction().execute((tx) => ensureDefaultRules(tx, store.now().toISOString()));
  return store;
}

/**
 * The address the desk opens Vigil at, for the case links in e-mails and webhooks
 * (`VIGIL_PUBLIC_URL`, e.g. https://vigil.your-ngo.org behind a proxy): without it the links name
 * the address the server listens on, which a reader elsewhere cannot open.
 */
export function publicUrl(env: Record<string, string | undefined>, listening: string): string {
  const given = env.VIGIL_PUBLIC_URL?.trim();
  if (!given) return listening;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new VigilError('invalid_input', `VIGIL_PUBLIC_URL "${given}" is not an address: give one such as https://vigil.your-ngo.org`);
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) throw new VigilError('invalid_input', `VIGIL_PUBLIC_URL "${given}" must be a plain http(s) address such as https://vigil.your-ngo.org`);
  return url.toString().replace(/\/+$/, '');
}

/** A worker with every job this process can run: extraction, feed polls, alert deliveries. */
export function createWorker(store: Store, baseUrl: string, log: (m: string) => void, io: CliIo = processIo): Worker {
  const config = {
    baseUrl: publicUrl(io.env, baseUrl),
    ...(io.env.VIGIL_SMTP_URL ? { smtpUrl: io.env.VIGIL_SMTP_URL } : {}),
    ...(io.env.VIGIL_MAIL_FROM ? { mailFrom: io.env.VIGIL_MAIL_FROM } : {}),
    log,
  };
  // Reports are read in a worker thread with a time and memory budget each (VIGIL_EXTRACT_SECONDS,
  // VIGIL_EXTRACT_MB); its models load on the first report, not at start: `vigil serve` answers at once.
  const extract: JobHandler = extractHandler(io.reader ?? new IsolatedExtractor(budgetFromEnv(io.env)));
  return new Worker(store, { extract, 'feed.poll': feedPollHandler(), 'deliver.webhook': webhookHandler(config), 'deliver.email': emailHandler(config), 'deliver.digest': digestHandler(config) }, { log });
}
