import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Extractor } from '../../articles/extract.js';
import type { PolicySettings } from '../../cases/policy.js';
import { importFile } from '../../ingest/bulk.js';
import { extractHandler } from '../../ingest/process.js';
import { Worker } from '../../ingest/worker.js';
import { ensureDefaultRules } from '../../storage/alerts.js';
import { setPolicySettings } from '../../storage/policy.js';
import { parseExtraction } from '../../storage/reports.js';
import type { Store } from '../../storage/store.js';
import { openStore } from '../../storage/store.js';
import type { ExtractionDocument } from '../../text/types.js';
import type { FeedItem } from './build.js';

/** Where each feed item's report is: the JSONL line carries the item's key in its URL. */
export const FEED_URL = 'https://feed.invalid/';
export const keyOfUrl = (url: string | null): string | null => (url?.startsWith(FEED_URL) ? decodeURIComponent(url.slice(FEED_URL.length)) : null);

export interface FeedRun {
  store: Store;
  dir: string;
  close(): Promise<void>;
}

/**
 * Ingests the feed through the product's own path, into a fresh SQLite database in a temporary
 * folder: one JSON Lines file imported as `vigil ingest --jsonl` does (stored, queued), then the
 * worker's extract jobs (pipeline, tracker, case policy, alerts), one report at a time.
 */
export async function ingestFeed(items: FeedItem[], extractor: Extractor, settings: Partial<PolicySettings>, progress: (m: string) => void, label: string): Promise<FeedRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-feed-'));
  const file = path.join(dir, 'feed.jsonl');
  writeFileSync(
    file,
    items.map((it) => JSON.stringify({ id: it.key, ...(it.html !== undefined ? { html: it.html } : { text: it.text }), ...(it.published ? { published: it.published } : {}), url: FEED_URL + encodeURIComponent(it.key) })).join('\n') + '\n',
  );
  const store = await openStore({ url: path.join(dir, 'vigil.db') });
  const at = new Date().toISOString();
  await store.db.transaction().execute(async (tx) => {
    await ensureDefaultRules(tx, at);
    await setPolicySettings(tx, at, settings);
  });
  const imported = await importFile(store, file, 'jsonl', 'eval:feed');
  progress(`${label}: ${imported.added} reports stored (${imported.duplicates} duplicates, ${imported.failed.length} refused${imported.failed.length ? `: ${imported.failed.slice(0, 3).map((f) => `#${f.record} ${f.message}`).join('; ')}` : ''})`);
  let done = 0;
  const started = Date.now();
  const worker = new Worker(store, {
    extract: extractHandler(extractor, () => {
      done++;
      if (done % 10 === 0 || done === imported.added) {
        const perMin = (done / Math.max(1, Date.now() - started)) * 60_000;
        progress(`${label}: ${done}/${imported.added} read (${perMin.toFixed(0)}/min)`);
      }
    }),
  });
  await worker.drain();
  return { store, dir, close: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
}

/**
 * An extractor that gives back the extractions another run saved, by the report's text: the old
 * policy's row replays exactly what the new policy's row read, at the cost of the tracker alone.
 */
export async function replayExtractor(from: Store): Promise<Extractor> {
  const saved = new Map<string, ExtractionDocument>();
  for (const r of await from.db.selectFrom('reports').select(['text', 'extraction', 'extraction_z']).where('state', '=', 'extracted').execute()) {
    const doc = parseExtraction(r);
    if (doc) saved.set(r.text, doc);
  }
  const replay = {
    extract(a: { text: string }): ExtractionDocument {
      const doc = saved.get(a.text);
      if (!doc) throw new Error('no saved extraction for this report');
      return doc;
    },
  };
  return replay as unknown as Extractor;
}
