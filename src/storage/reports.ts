import { createHash, randomUUID } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants } from 'node:zlib';
import { sql } from 'kysely';
import { VigilError } from '../core/errors.js';
import type { ExtractionDocument } from '../text/types.js';
import type { Engine } from './engine.js';
import { engineOf } from './engine.js';
import { hasUnspacedScript } from './unspaced.js';
import type { ReportsTable } from './schema.js';
import type { Db } from './store.js';
import type { Denied } from './access.js';
import { hiddenReports } from './access.js';
import type { Cursor } from './paging.js';
import { after } from './paging.js';

export interface NewReport {
  text: string;
  format: 'text' | 'html';
  source: string;
  url?: string | null;
  guid?: string | null;
  feedId?: string | null;
  title?: string | null;
  byline?: string | null;
  published?: string | null;
  createdBy?: string | null;
  /** JSON provenance of a report imported from a partner's bundle. */
  origin?: string | null;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex');
}

/**
 * Stores a report once: the same text (whitespace aside) submitted again returns the stored
 * row with `duplicate: true`. Must run inside the caller's transaction.
 */
export async function insertReport(tx: Db, at: string, r: NewReport): Promise<{ report: ReportsTable; duplicate: boolean }> {
  // PostgreSQL text cannot hold NUL; refuse it on both engines alike rather than fail on one.
  if (r.text.includes('\u0000')) throw new VigilError('invalid_input', 'the report contains NUL characters (binary data?)');
  // A report's URL is shown as a link: http(s) only (javascript:, data: and the rest are refused).
  if (r.url && !/^https?:\/\//i.test(r.url)) throw new VigilError('invalid_input', `a report's URL must be http or https, not ${r.url.slice(0, 40)}`);
  const hash = contentHash(r.text);
  const existing = await tx.selectFrom('reports').selectAll().where('content_hash', '=', hash).executeTakeFirst();
  if (existing) return { report: existing, duplicate: true };
  const row: ReportsTable = {
    id: randomUUID(),
    content_hash: hash,
    url: r.url ?? null,
    guid: r.guid ?? null,
    feed_id: r.feedId ?? null,
    title: r.title ?? null,
    byline: r.byline ?? null,
    published: r.published ?? null,
    text: r.text,
    format: r.format,
    source: r.source,
    state: 'queued',
    error: null,
    extraction: null,
    extraction_z: null,
    created_at: at,
    created_by: r.createdBy ?? null,
    origin: r.origin ?? null,
    unspaced: hasUnspacedScript(r.text) ? 1 : 0,
  };
  // Two submissions racing: the loser's insert hits the unique hash and it reads the winner's row.
  const inserted = await tx.insertInto('reports').values(row).onConflict((oc) => oc.column('content_hash').doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    return { report: await tx.selectFrom('reports').selectAll().where('content_hash', '=', hash).executeTakeFirstOrThrow(), duplicate: true };
  }
  // Not yet checked for restricted names (migration 015): its text is read when asked, until the
  // background worker stores its verdict.
  await tx.insertInto('report_name_checks').values({ report_id: row.id, names_key: '', persons: '' }).execute();
  // Indexed for words at once, not when read: the restricted-case check finds a name in a queued
  // or failed report through this index (PostgreSQL's tsvector column is generated with the row).
  if (engineOf(tx) === 'sqlite') await sql`INSERT INTO reports_fts (report_id, title, text) VALUES (${row.id}, ${row.title ?? ''}, ${row.text})`.execute(tx);
  return { report: row, duplicate: false };
}

export async function getReport(db: Db, id: string): Promise<ReportsTable | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The extraction's JSON as stored: Brotli at a middle quality (an eighth of a millisecond per 10 KB of JSON, a fifth of its size). */
export const encodeExtraction = (json: string): Buffer => brotliCompressSync(json, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 3, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: json.length } });

/** The stored extraction's JSON, from whichever column holds it. */
export function extractionJson(row: Pick<ReportsTable, 'extraction' | 'extraction_z'>): string | null {
  return row.extraction_z ? brotliDecompressSync(row.extraction_z).toString('utf8') : row.extraction;
}

export function parseExtraction(row: Pick<ReportsTable, 'extraction' | 'extraction_z'>): ExtractionDocument | null {
  const json = extractionJson(row);
  return json ? (JSON.parse(json) as ExtractionDocument) : null;
}

/** Records the extraction and indexes the report for search, in the caller's transaction. */
export async function saveExtraction(tx: Db, engine: Engine, id: string, doc: ExtractionDocument): Promise<void> {
  await tx.updateTable('reports').set({ extraction: null, extraction_z: encodeExtraction(JSON.stringify(doc)), state: 'extracted', error: null }).where('id', '=', id).execute();
  if (engine === 'sqlite') {
    const row = await tx.selectFrom('reports').select(['title', 'text']).where('id', '=', id).executeTakeFirstOrThrow();
    await sql`DELETE FROM reports_fts WHERE report_id = ${id}`.execute(tx);
    await sql`INSERT INTO reports_fts (report_id, title, text) VALUES (${id}, ${row.title ?? ''}, ${row.text})`.execute(tx);
  }
}

export async function markReportFailed(db: Db, id: string, error: string): Promise<void> {
  await db.updateTable('reports').set({ state: 'failed', error }).where('id', '=', id).execute();
}

export interface ReportListItem {
  id: string;
  title: string | null;
  url: string | null;
  published: string | null;
  state: string;
  source: string;
  created_at: string;
}

/** The columns of a report in a list (no text, no extraction). */
export const LIST_COLUMNS = ['reports.id', 'reports.title', 'reports.url', 'reports.published', 'reports.state', 'reports.source', 'reports.created_at'] as const;

/** Each word a quoted FTS5 string: user input never reaches FTS5's query syntax. */
export function ftsMatch(terms: string): string {
  return terms.split(/\s+/).filter(Boolean).map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
}

/**
 * A condition on `reports.id`: the reports whose title or text hold every word (FTS5 on SQLite,
 * tsvector on PostgreSQL). With `cap` on SQLite, only the latest `cap` reports indexed that match.
 */
export function reportsMatching(engine: Engine, terms: string, cap?: number) {
  if (engine === 'sqlite') {
    const match = ftsMatch(terms);
    if (cap) return sql<boolean>`reports.id IN (SELECT report_id FROM reports_fts WHERE reports_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${cap})`;
    return sql<boolean>`reports.id IN (SELECT report_id FROM reports_fts WHERE reports_fts MATCH ${match})`;
  }
  return sql<boolean>`reports.search @@ plainto_tsquery('simple', ${terms})`;
}

export interface ReportFilter {
  query?: string;
  state?: string;
  source?: string;
  /** Only reports that raised an alert. */
  withAlerts?: boolean;
  /** Reports naming these cases' people are left out. */
  denied?: Denied;
  limit: number;
  offset: number;
  /** Keyset paging: the `next` of the previous page (`offset` is then ignored). */
  cursor?: Cursor;
}

/**
 * At most this many reports are read for one page of a list that leaves out what the user may not
 * read: when most reports name a restricted case (a name shared by many, restricted), filling a
 * page read the archive down to its end (the inbox timed out at a million reports on PostgreSQL).
 * The page then holds what was found, perhaps nothing, and its `next` goes on from there.
 */
export const LIST_SCAN_CAP = 500;

export interface ReportPage {
  rows: ReportListItem[];
  /** Where the next page starts: after the last report shown, or after the last one read when LIST_SCAN_CAP cut the page short; null at the end. */
  next: Cursor | null;
}

/** Newest first, a page at a time; `query` searches titles and text. */
export async function listReports(db: Db, engine: Engine, opts: ReportFilter): Promise<ReportListItem[]> {
  return (await listReportsPage(db, engine, opts)).rows;
}

/** `listReports` with where the next page starts (which a page cut short by LIST_SCAN_CAP does not show). */
export async function listReportsPage(db: Db, engine: Engine, opts: ReportFilter): Promise<ReportPage> {
  const terms = opts.query?.trim();
  const ordered = () => {
    let q = db.selectFrom('reports').select(LIST_COLUMNS).orderBy('reports.created_at', 'desc').orderBy('reports.id');
    if (terms) q = q.where(reportsMatching(engine, terms));
    if (opts.state) q = q.where('reports.state', '=', opts.state as ReportsTable['state']);
    if (opts.source) q = q.where('reports.source', '=', opts.source);
    if (opts.withAlerts) q = q.where((eb) => eb.exists(eb.selectFrom('alert_reports').select('alert_reports.alert_id').whereRef('alert_reports.report_id', '=', 'reports.id')));
    return q;
  };
  const key = (r: ReportListItem): Cursor => ({ at: r.created_at, id: r.id });
  const denied = opts.denied;
  if (!denied?.persons.length) {
    const q = ordered().limit(opts.limit);
    const rows = await (opts.cursor ? q.where(after(opts.cursor, 'reports.created_at', 'reports.id')) : q.offset(opts.offset)).execute();
    return { rows, next: rows.length === opts.limit && rows.length > 0 ? key(rows.at(-1)!) : null };
  }
  // What this user may not read is left out a batch at a time, in order (`hiddenReports`: links,
  // readers, the names in the text). As a condition of the query, the names were a lookup of
  // every report naming a denied person, on every page: in a large archive, most of the time.
  // A batch twice the last when the last did not fill the page: fewer round trips through a run
  // of hidden reports.
  // The scan reads ids and times only (reports_created holds both, in this order): on SQLite a
  // row's listed columns lie after its text, and the rows of every hidden report were read whole
  // for nothing. The rows shown are read once the page is known.
  const out: Cursor[] = [];
  const page = async (next: Cursor | null): Promise<ReportPage> => {
    const rows = out.length ? new Map((await db.selectFrom('reports').select(LIST_COLUMNS).where('reports.id', 'in', out.map((k) => k.id)).execute()).map((r) => [r.id, r])) : new Map<string, ReportListItem>();
    return { rows: out.filter((k) => rows.has(k.id)).map((k) => rows.get(k.id)!), next };
  };
  let skip = opts.cursor ? 0 : opts.offset;
  let cursor = opts.cursor;
  let step = Math.min(Math.max(opts.limit + 10, 50), 500);
  let read = 0;
  for (;;) {
    const q = ordered().clearSelect().select(['reports.id', 'reports.created_at']).limit(step);
    const rows = (await (cursor ? q.where(after(cursor, 'reports.created_at', 'reports.id')) : q).execute()).map((r) => ({ at: r.created_at, id: r.id }));
    const hidden = await hiddenReports(db, denied, rows.map((r) => r.id));
    for (const r of rows) {
      if (hidden.has(r.id)) continue;
      if (skip > 0) skip--;
      else if (out.push(r) === opts.limit) return page(r);
    }
    if (rows.length < step) return page(null);
    cursor = rows.at(-1)!;
    read += rows.length;
    if (read >= LIST_SCAN_CAP) return page(cursor);
    step = Math.min(step * 2, 500, LIST_SCAN_CAP - read);
  }
}

/** How much of an untitled report's opening a list shows in place of a title. */
const LEDE_CHARS = 110;

/**
 * For reports stored with no title (a wire story that opens with its dateline and lede), the opening
 * words to show in a list instead: five untitled reports read alike as "(untitled report)". Read for
 * the given ids only (a page of a list), a bounded prefix of each text.
 */
export async function ledesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('reports')
    .select(['id', sql<string>`substr(text, 1, ${LEDE_CHARS * 2})`.as('opening')])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, ledeOf(r.opening)]));
}

/** The first line's words, cut at a word before LEDE_CHARS with an ellipsis. */
export function ledeOf(opening: string): string {
  const line = (opening.split(/\n/).find((l) => l.trim()) ?? '').replace(/\s+/g, ' ').trim();
  if (line.length <= LEDE_CHARS) return line;
  const cut = line.slice(0, LEDE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), LEDE_CHARS / 2)).trim()}…`;
}

