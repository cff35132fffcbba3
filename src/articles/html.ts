import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';
import { VigilError } from '../core/errors.js';
import { lazyRequire } from '../core/lazy-require.js';
import { findPageMetadata } from './metadata.js';
import type { Article } from './article.js';

// Loaded on the first page read: a process that only reads text (an ingest of JSONL) never needs them.
const linkedom = lazyRequire<{ parseHTML: typeof ParseHtml }>('linkedom');
const readability = lazyRequire<{ Readability: typeof ReadabilityClass }>('@mozilla/readability');

/** Fewer words than this is a menu or a teaser, not a report (the shortest wire brief has more). */
const MIN_WORDS = 15;
const countWords = (s: string): number => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt, td, th';

/** Collapses HTML whitespace the way a browser renders it, keeping the words intact. */
const squash = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();

/**
 * The article body as plain text, one paragraph per block element, paragraphs apart by a blank
 * line: the sentence splitter treats a blank line as a hard boundary, so headings and captions
 * never run into the first sentence.
 */
function blocksToText(html: string): string {
  const { document } = linkedom().parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)] as Element[];
  // Outermost blocks only (a <p> inside an <li> is part of it); closest() keeps this linear in the page.
  const outer = blocks.filter((el) => !el.parentElement?.closest(BLOCKS));
  const paragraphs = outer.map((el) => squash(el.textContent ?? '')).filter((p) => p.length > 0);
  return paragraphs.length > 0 ? paragraphs.join('\n\n') : squash(document.body?.textContent ?? '');
}

/**
 * A saved or fetched page → its article: body via Mozilla Readability on linkedom (no browser),
 * title, byline and publication date from the page's meta tags and JSON-LD, then Readability's.
 */
export function articleFromHtml(html: string, url?: string): Article {
  let document: ReturnType<typeof ParseHtml>['document'];
  try {
    ({ document } = linkedom().parseHTML(html));
  } catch (err) {
    throw new VigilError('no_article', `the page could not be read as HTML: ${(err as Error).message}`);
  }
  const meta = findPageMetadata(document);
  // Readability mutates the DOM it reads, so metadata is taken first.
  let parsed: ReturnType<ReadabilityClass['parse']>;
  try {
    parsed = new (readability().Readability)(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch (err) {
    // Malformed markup can trip Readability itself (a TypeError deep inside): the page is refused, not a 500.
    throw new VigilError('no_article', `no article text could be read from the page (${(err as Error).message})`);
  }
  const text = parsed?.content ? blocksToText(parsed.content) : '';
  if (countWords(text) < MIN_WORDS) throw new VigilError('no_article', 'no article text found in the page (is it a front page, a login wall or an empty template?)');
  const title = meta.title ?? (parsed?.title ? squash(parsed.title) : undefined);
  const byline = meta.byline ?? (parsed?.byline ? squash(parsed.byline) : undefined);
  return {
    text,
    format: 'html',
    ...(title ? { title } : {}),
    ...(byline ? { byline } : {}),
    ...(meta.published ? { published: meta.published } : {}),
    ...(url ?? meta.url ? { url: url ?? meta.url } : {}),
  };
}
