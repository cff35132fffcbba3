import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { LIMITS } from '../articles/article.js';
import { articleFromString, futurePublication, readArticleFile } from '../articles/read.js';
import { VigilError, asVigilError } from '../core/errors.js';
import { importFile } from '../ingest/bulk.js';
import { pollFeed } from '../ingest/feeds.js';
import { fetchText } from '../ingest/fetch.js';
import { submitArticle } from '../ingest/submit.js';
import { addFeed } from '../storage/feeds.js';
import { jobCounts } from '../storage/jobs.js';
import type { CliIo } from './io.js';
import { processIo, say, warn } from './io.js';
import { createWorker, openCliStore } from './runtime.js';
import { INGEST_USAGE } from './usage.js';

export { INGEST_USAGE };

/** SQLite's page cache for `vigil ingest`, in MB (the server keeps 64). */
export const INGEST_CACHE_MB = 16;

/**
 * How far V8 lets a heap grow past what its last full collection kept, in percent, for a bulk
 * ingest's threads. V8 picks up to ~100% for a fast collector: the extraction thread kept ~120 MB
 * live and grew to ~230 MB between collections. At 30% it collects about three times as often, each
 * collection some tens of ms in a run of minutes (1,000 reports: CPU time within the machine's
 * noise, 60–90 MB less peak resident). A growth factor, not a limit: a 5 MB report still has its
 * whole VIGIL_EXTRACT_MB.
 */
export const INGEST_HEAP_GROWING_PERCENT = 30;

const ARTICLE_FILE = /\.(?:txt|text|md|html?|xhtml)$/i;

function files(input: string): string[] {
  if (!statSync(input, { throwIfNoEntry: false })?.isDirectory()) return [input];
  return readdirSync(input, { recursive: true }).map((f) => path.join(input, String(f))).filter((f) => ARTICLE_FILE.test(f)).sort();
}

export async function runIngest(argv: string[], io: CliIo = processIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { published: { type: 'string' }, jsonl: { type: 'string' }, csv: { type: 'string' }, feed: { type: 'string' }, every: { type: 'string', default: '30' }, db: { type: 'string' }, 'no-wait': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    say(io, INGEST_USAGE);
    return 0;
  }
  if (!positionals.length && !values.jsonl && !values.csv && !values.feed) throw new VigilError('usage', `nothing to ingest\n${INGEST_USAGE}`);
  // process-wide and read at each collection: for the import's heap and the extraction thread's
  v8.setFlagsFromString(`--heap-growing-percent=${INGEST_HEAP_GROWING_PERCENT}`);
  // A bulk ingest writes one report after another: a small page cache serves it (see OpenOptions.cacheMb).
  const store = await openCliStore(values.db, io, INGEST_CACHE_MB);
  const log = (m: string) => warn(io, m);
  const started = store.now().toISOString();
  let failures = 0;
  let added = 0;
  try {
    const opts = values.published ? { published: values.published } : {};
    for (const input of positionals.flatMap(files)) {
      try {
        const warnings: string[] = [];
        const article = /^https?:\/\//.test(input)
          ? await fetchText(input, { maxBytes: LIMITS.htmlBytes }).then((p) => articleFromString(p.body, input, { ...opts, url: p.url, html: !/^text\/plain/.test(p.contentType) }, warnings))
          : readArticleFile(input, opts, warnings);
        const future = futurePublication(article.published, store.now());
        if (future) warnings.push(future);
        for (const w of warnings) log(`${input}: ${w}`);
        const s = await submitArticle(store, article, { source: /^https?:/.test(input) ? 'url' : 'file', actor: 'cli' });
        log(`${input}: ${s.duplicate ? 'already stored' : 'stored'} as report ${s.reportId}`);
        if (!s.duplicate) added++;
      } catch (err) {
        failures++;
        log(`${input}: ${asVigilError(err).code}: ${asVigilError(err).message}`);
      }
    }
    for (const [file, format] of [[values.jsonl, 'jsonl'], [values.csv, 'csv']] as const) {
      if (!file) continue;
      const p = await importFile(store, file, format, 'cli', (q) => log(`${file}: ${q.read} read, ${q.added} new, ${q.duplicates} already stored, ${q.failed.length} refused`));
      for (const f of p.failed) log(`  record ${f.record}: ${f.message}`);
      failures += p.failed.length;
      added += p.added;
    }
    if (values.feed) {
      const minutes = Number(values.every);
      if (!(minutes >= 1)) throw new VigilError('usage', '--every must be a number of minutes ≥ 1');
      const { feed, duplicate } = await store.db.transaction().execute((tx) => addFeed(tx, store.now().toISOString(), values.feed!, minutes));
      log(`${values.feed}: ${duplicate ? 'already subscribed' : `subscribed, polled every ${minutes} minutes by \`vigil serve\``}`);
      const r = await pollFeed(store, feed.id);
      log(`${values.feed}: ${r.status}, ${r.added.length} new, ${r.skipped} already stored${r.errors.length ? `, ${r.errors.length} problems:` : ''}`);
      for (const e of r.errors) log(`  ${e}`);
      failures += r.status === 'failed' ? 1 : 0;
      added += r.added.length;
    }
    if (!values['no-wait'] && added > 0) {
      const worker = createWorker(store, 'http://127.0.0.1:8080', log, io);
      let done = 0;
      const total = (await jobCounts(store.db)).queued ?? 0;
      while (await worker.runOnce()) {
        done++;
        if (done % 10 === 0 || done === total) log(`extracted ${done}/${total}`);
      }
      // raised, or raised again (news that pages folded into an open alert), while the reports were read
      const alerts = await store.db.selectFrom('alerts').select(['message']).where('raised_at', '>=', started).orderBy('raised_at').execute();
      for (const a of alerts) say(io, `alert: ${a.message}`);
    }
    return failures ? 1 : 0;
  } finally {
    await store.close();
  }
}
