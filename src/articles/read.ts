import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parsePublishedDate } from '../core/dates.js';
import { VigilError } from '../core/errors.js';
import type { Article } from './article.js';
import { LIMITS } from './article.js';
import { decodeText, requireText } from './decode.js';
import { articleFromHtml } from './html.js';

const HTML_EXT = /\.x?html?$/i;
const LOOKS_LIKE_HTML = /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i;

export interface ReadOptions {
  /** YYYY-MM-DD; overrides any date read from the page. */
  published?: string;
  id?: string;
  /** Treat the input as HTML (true), as text (false), or decide from the name and content. */
  html?: boolean;
  url?: string;
}

/** Sets the publication date: the caller's wins; a page's own date is used only when valid. */
function withDate(article: Article, options: ReadOptions, warnings: string[]): Article {
  if (options.published !== undefined) return { ...article, published: parsePublishedDate(options.published) };
  if (article.published === undefined) return article;
  try {
    return { ...article, published: parsePublishedDate(article.published) };
  } catch (err) {
    warnings.push(`ignored the page's publication date: ${(err as Error).message}`);
    const { published: _dropped, ...rest } = article;
    return rest;
  }
}

/** An article from text or HTML already in memory. */
export function articleFromString(content: string, what: string, options: ReadOptions = {}, warnings: string[] = []): Article {
  const isHtml = options.html ?? LOOKS_LIKE_HTML.test(content.slice(0, 1024));
  const limit = isHtml ? LIMITS.htmlBytes : LIMITS.textBytes;
  if (Buffer.byteLength(content, 'utf8') > limit) {
    throw new VigilError('input_too_large', `${what} is larger than the ${(limit / 1048576).toFixed(0)} MB limit for ${isHtml ? 'HTML' : 'text'}`);
  }
  requireText(content, what);
  const base: Article = isHtml ? articleFromHtml(content, options.url) : { text: content, format: 'text', ...(options.url ? { url: options.url } : {}) };
  const article = withDate(base, options, warnings);
  return options.id !== undefined ? { ...article, id: options.id } : article;
}

/** An article from bytes (a file or stdin), checked for binary content and encoding first. */
export function articleFromBytes(bytes: Uint8Array, what: string, options: ReadOptions = {}, warnings: string[] = []): Article {
  const isHtml = options.html ?? (HTML_EXT.test(what) || undefined);
  const text = decodeText(bytes, what, isHtml === false ? LIMITS.textBytes : LIMITS.htmlBytes);
  return articleFromString(text, what, { ...options, ...(isHtml !== undefined ? { html: isHtml } : {}) }, warnings);
}

/** A calendar date in a file's name: "rfa-2018-12-12-deportation.txt", "20181212_report.html". */
const DATE_IN_NAME = /(?:^|\D)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?:\D|$)/;

/**
 * The publication date a saved report's file name gives, when the report itself gives none:
 * monitors save reports as "outlet-2018-12-12-slug.txt", and without a date "Wednesday" and
 * "Dec. 7" stay unresolved. The caller's --published and the page's own date come first.
 */
function dateFromName(article: Article, file: string, options: ReadOptions, warnings: string[]): Article {
  if (options.published !== undefined || article.published !== undefined) return article;
  const m = DATE_IN_NAME.exec(path.basename(file));
  if (m) {
    try {
      const published = parsePublishedDate(`${m[1]}-${m[2]}-${m[3]}`);
      warnings.push(`publication date ${published} taken from the file name; --published sets another`);
      return { ...article, published };
    } catch {
      // a number that only looks like a date ("2099-01-01" is refused): no date, as below
    }
  }
  warnings.push('no publication date: relative dates ("Wednesday", "last week") stay unresolved; --published sets one');
  return article;
}

export function readArticleFile(file: string, options: ReadOptions = {}, warnings: string[] = []): Article {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) throw new VigilError('invalid_input', `${file} is a directory`);
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof VigilError) throw err;
    throw new VigilError('file_not_found', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return dateFromName(articleFromBytes(bytes, file, { id: path.basename(file), ...options }, warnings), file, options, warnings);
}

/**
 * A publication date after the day Vigil reads the report (a day's grace for time zones): a typo
 * or a page's wrong metadata. Relative dates and alert hours are counted from it, so the person
 * submitting is told; the report is kept as given.
 */
export function futurePublication(published: string | null | undefined, now: Date): string | undefined {
  if (!published) return undefined;
  const tomorrow = new Date(now.getTime() + 24 * 3600_000).toISOString().slice(0, 10);
  return published.slice(0, 10) > tomorrow ? `publication date ${published} is after today (${now.toISOString().slice(0, 10)}): check it, relative dates ("Tuesday") are read against it` : undefined;
}
