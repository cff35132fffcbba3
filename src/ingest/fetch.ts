import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { VigilError } from '../core/errors.js';
import type { AllowList, Resolved, Resolver } from './address.js';
import { allowListFrom, safeAddress } from './address.js';

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
  /** Tests: the transport (still address-checked, redirects still followed here). */
  fetchImpl?: typeof fetch;
  /** Addresses let through besides public ones (default: $VIGIL_FETCH_ALLOW). */
  allow?: AllowList;
  /** Tests: name resolution. */
  resolve?: Resolver;
}

/** Redirects followed before giving up: each hop is checked as the first was. */
export const MAX_REDIRECTS = 5;

interface Answer {
  status: number;
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
}

/** One GET to the address that passed the check, the TLS name and Host header still the URL's. */
function getPinned(url: URL, to: Resolved, headers: Record<string, string>, signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const lookup = (_h: string, o: { all?: boolean }, cb: (...a: unknown[]) => void) => (o?.all ? cb(null, [{ address: to.address, family: to.family }]) : cb(null, to.address, to.family));
    const req = (url.protocol === 'https:' ? https : http).request(url, { method: 'GET', headers, signal, lookup: lookup as never }, (res) => {
      const h = new Headers();
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
      resolve({ status: res.statusCode ?? 0, headers: h, body: Readable.toWeb(res) as ReadableStream<Uint8Array> });
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * GETs a page or feed the user asked for, refusing more than `maxBytes` while it streams in
 * (a 50 MB page is cut off at the limit, not buffered whole) and giving up after the timeout.
 * A 304 answer to a conditional GET comes back with an empty body. Only http(s), only public
 * addresses (see address.ts), checked again on every redirect hop.
 */
export async function fetchText(url: string, opts: FetchOptions): Promise<FetchedPage> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new VigilError('invalid_input', `not a URL: ${url.slice(0, 200)}`);
  }
  const headers: Record<string, string> = { 'user-agent': 'Vigil/0.1 (human-rights monitoring)', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5' };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 20_000);
  const allow = opts.allow ?? allowListFrom();
  let res: Answer;
  for (let hop = 0; ; hop++) {
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new VigilError('invalid_input', `only http and https URLs are fetched, not ${parsed.protocol}`);
    if (parsed.username || parsed.password) throw new VigilError('invalid_input', 'URLs with a user name or password are not fetched');
    const to = await safeAddress(parsed, allow, opts.resolve);
    try {
      if (opts.fetchImpl) {
        const r = await opts.fetchImpl(parsed, { headers, redirect: 'manual', signal });
        res = { status: r.status, headers: r.headers, body: r.body };
      } else res = await getPinned(parsed, to, headers, signal);
    } catch (err) {
      if (err instanceof VigilError) throw err;
      throw new VigilError('unavailable', `could not fetch ${parsed.host}: ${(err as Error).message}`);
    }
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || res.status === 304 || !location) break;
    await res.body?.cancel();
    if (hop >= MAX_REDIRECTS) throw new VigilError('unavailable', `${parsed.host}: more than ${MAX_REDIRECTS} redirects`);
    try {
      parsed = new URL(location, parsed);
    } catch {
      throw new VigilError('unavailable', `${parsed.host} redirected to something that is not a URL`);
    }
  }
  const base = { url: parsed.toString(), status: res.status, contentType: res.headers.get('content-type') ?? '', etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
  if (res.status === 304) return { ...base, body: '' };
  if (res.status < 200 || res.status >= 300) {
    await res.body?.cancel();
    throw new VigilError(res.status === 404 || res.status === 410 ? 'file_not_found' : 'unavailable', `${parsed.host} answered ${res.status}`);
  }
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > opts.maxBytes) {
    await res.body?.cancel();
    throw new VigilError('input_too_large', `${parsed.host} sent ${(declared / 1048576).toFixed(1)} MB; the limit is ${(opts.maxBytes / 1048576).toFixed(0)} MB`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  try {
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
  } catch (err) {
    if (err instanceof VigilError) throw err;
    throw new VigilError('unavailable', `could not read ${parsed.host}: ${(err as Error).message}`);
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
