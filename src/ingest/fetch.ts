import { VigilError } from '../core/errors.js';

export interface FetchedPage {
  body: string;
  url: string;
  status: number;
  contentType: string;
  etag: string | null;
  lastModified: string | null;
}

export interface FetchOptions {
  maxBytes: number;
  timeoutMs?: number;
  /** Conditional GET: the validators of the last fetch. */
  etag?: string | null;
  lastModified?: string | null;
  fetchImpl?: typeof fetch;
}

/**
 * GETs a page or feed the user asked for, refusing more than `maxBytes` while it streams in
 * (a 50 MB page is cut off at the limit, not buffered whole) and giving up after the timeout.
 * A 304 answer to a conditional GET comes back with an empty body.
 */
export async function fetchText(url: string, opts: FetchOptions): Promise<FetchedPage> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new VigilError('invalid_input', `not a URL: ${url.slice(0, 200)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new VigilError('invalid_input', `only http and https URLs are fetched, not ${parsed.protocol}`);
  const headers: Record<string, string> = { 'user-agent': 'Vigil/0.1 (human-rights monitoring)', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5' };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  let res: Response;
  try {
    res = await (opts.fetchImpl ?? fetch)(parsed, { headers, redirect: 'follow', signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000) });
  } catch (err) {
    throw new VigilError('unavailable', `could not fetch ${parsed.host}: ${(err as Error).message}`);
  }
  const base = { url: res.url || url, status: res.status, contentType: res.headers.get('content-type') ?? '', etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
  if (res.status === 304) return { ...base, body: '' };
  if (!res.ok) throw new VigilError(res.status === 404 || res.status === 410 ? 'file_not_found' : 'unavailable', `${parsed.host} answered ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > opts.maxBytes) {
    await res.body?.cancel();
    throw new VigilError('input_too_large', `${parsed.host} sent ${(declared / 1048576).toFixed(1)} MB; the limit is ${(opts.maxBytes / 1048576).toFixed(0)} MB`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > opts.maxBytes) {
      await reader.cancel();
      throw new VigilError('input_too_large', `${parsed.host} sent more than the ${(opts.maxBytes / 1048576).toFixed(0)} MB limit`);
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks);
  let body: string;
  try {
    body = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Pages that lie about their encoding are common; replacement characters beat refusing the report.
    body = new TextDecoder('utf-8').decode(bytes);
  }
  return { ...base, body };
}
