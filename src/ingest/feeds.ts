import { LIMITS } from '../articles/article.js';
import type { Article } from '../articles/article.js';
import { articleFromString } from '../articles/read.js';
import { VigilError, asVigilError } from '../core/errors.js';
import { escapeHtml } from '../core/html.js';
import { feedFailed, feedPolled, getFeed, seenItem } from '../storage/feeds.js';
import type { Store } from '../storage/store.js';
import type { FeedItem } from './feed-parse.js';
import { parseFeed } from './feed-parse.js';
import { fetchText } from './fetch.js';
import { submitArticle } from './submit.js';
import type { JobHandler } from './worker.js';

export interface PollResult {
  status: 'not_modified' | 'polled' | 'failed';
  added: string[];
  skipped: number;
  errors: string[];
}

/** The item's own content when the feed carries the article; otherwise the linked page, fetched. */
async function itemArticle(item: FeedItem, fetchImpl?: typeof fetch): Promise<Article> {
  const opts = { ...(item.published ? { published: item.published } : {}), ...(item.url ? { url: item.url } : {}), html: true };
  if (item.html) {
    const page = `<!doctype html><html><head><title>${escapeHtml(item.title ?? '')}</title></head><body><article>${item.html}</article></body></html>`;
    try {
      return articleFromString(page, item.url ?? 'feed item', opts);
    } catch (err) {
      if (!(err instanceof VigilError && err.code === 'no_article') || !item.url) throw err;
    }
  }
  if (!item.url) throw new VigilError('no_article', `item "${item.title ?? item.guid}" has neither content nor a link`);
  const fetched = await fetchText(item.url, { maxBytes: LIMITS.htmlBytes, ...(fetchImpl ? { fetchImpl } : {}) });
  return articleFromString(fetched.body, item.url, { ...opts, url: fetched.url });
}

/**
 * Polls one feed: a conditional GET (ETag / Last-Modified), new items stored and queued for
 * extraction, items already seen (by GUID or URL) skipped. A broken feed or an unreachable host
 * is recorded on the feed and polled again after a growing pause; one bad item does not stop
 * the others.
 */
export async function pollFeed(store: Store, feedId: string, fetchImpl?: typeof fetch): Promise<PollResult> {
  const feed = await getFeed(store.db, feedId);
  if (!feed) throw new VigilError('not_found', `no feed ${feedId}`);
  const result: PollResult = { status: 'polled', added: [], skipped: 0, errors: [] };
  let parsed;
  let validators;
  try {
    const page = await fetchText(feed.url, { maxBytes: LIMITS.htmlBytes, etag: feed.etag, lastModified: feed.last_modified, ...(fetchImpl ? { fetchImpl } : {}) });
    validators = { etag: page.etag, lastModified: page.lastModified };
    if (page.status === 304) {
      await feedPolled(store.db, store.now(), feed.id, { etag: feed.etag, lastModified: feed.last_modified }, feed.interval_minutes);
      return { ...result, status: 'not_modified' };
    }
    parsed = parseFeed(page.body);
  } catch (err) {
    const message = asVigilError(err).message;
    await feedFailed(store.db, store.now(), feed, message);
    return { ...result, status: 'failed', errors: [message] };
  }
  for (const item of parsed.items) {
    if (await seenItem(store.db, feed.id, item.guid, item.url)) {
      result.skipped++;
      continue;
    }
    try {
      const article = await itemArticle(item, fetchImpl);
      const s = await submitArticle(store, article, { source: 'feed', actor: `feed:${feed.id}`, feedId: feed.id, ...(item.guid ? { guid: item.guid } : {}) });
      if (s.duplicate) result.skipped++;
      else result.added.push(s.reportId);
    } catch (err) {
      result.errors.push(`${item.url ?? item.guid ?? item.title}: ${asVigilError(err).message}`);
    }
  }
  await feedPolled(store.db, store.now(), feed.id, { ...validators, title: parsed.title }, feed.interval_minutes);
  return result;
}

export function feedPollHandler(fetchImpl?: typeof fetch): JobHandler {
  return async (job, ctx) => {
    await pollFeed(ctx.store, String(job.payload.feedId), fetchImpl);
  };
}
