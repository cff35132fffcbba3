import { createHash } from 'node:crypto';
import { faker } from '@faker-js/faker';
import { sql } from 'kysely';
import { HELD_STATUSES } from '../cases/status.js';
import { normalizeName } from '../cases/names.js';
import { chainHash } from '../storage/audit.js';
import { encodeExtraction, extractionJson } from '../storage/reports.js';
import type { Selectable } from 'kysely';
import type { AlertsTable, AuditTable, CaseEventsTable, EventSourcesTable, JobsTable, PersonAliasesTable, PersonMentionsTable, PersonsTable, ReportsTable, TriageItemsTable } from '../storage/schema.js';
import type { Database } from '../storage/schema.js';
import type { Store, Tx } from '../storage/store.js';
import type { Story } from './scale-pool.js';

/**
 * The bulk of the scale database: each new report is a copy of a pool story (a real extraction,
 * tracked by the real tracker) with its people renamed (faker), its places and countries
 * changed and its dates shifted back up to five years, written as the same rows the tracker
 * writes, by batched inserts. One person in five is someone already on file (a follow-up story),
 * so cases grow several reports long as they do over years of news; the rest are new people.
 * The story's audit rows (report submitted and extracted, people, events, status, country,
 * alerts), its extraction job and its triage items are copied too, with the copy's ids, names and
 * time, the audit rows chained on from the last one in the database (a follow-up person's
 * `person.created` is left out: the person was on file already).
 *
 * Two writers of the same batches: `rows`, Kysely's multi-row INSERTs into the tables as they
 * are, and `bulk` (scale-bulk.ts), for a one-off build of a large database.
 */

export interface Batch {
  reports: Selectable<ReportsTable>[];
  persons: Selectable<PersonsTable>[];
  aliases: Selectable<PersonAliasesTable>[];
  mentions: Selectable<PersonMentionsTable>[];
  events: Selectable<CaseEventsTable>[];
  sources: Selectable<EventSourcesTable>[];
  alerts: Selectable<AlertsTable>[];
  alertReports: { alert_id: string; report_id: string }[];
  /** Without their id, which the database numbers in the order they are inserted. */
  audit: Omit<Selectable<AuditTable>, 'id'>[];
  jobs: Selectable<JobsTable>[];
  triage: Selectable<TriageItemsTable>[];
}

export const emptyBatch = (): Batch => ({ reports: [], persons: [], aliases: [], mentions: [], events: [], sources: [], alerts: [], alertReports: [], audit: [], jobs: [], triage: [] });

/** The tables a batch writes, in the order their foreign keys need. */
export const BATCH_TABLES = ['reports', 'report_name_checks', 'persons', 'person_aliases', 'person_mentions', 'case_events', 'event_sources', 'alerts', 'alert_reports', 'audit', 'jobs', 'triage_items'] as const;
export type BatchTable = (typeof BATCH_TABLES)[number];

/** A batch's rows per table, in BATCH_TABLES' order. */
export function batchRows(b: Batch): [BatchTable, object[]][] {
  return [
    ['reports', b.reports],
    // Not yet checked for restricted names, as insertReport leaves a report (checkReportNames).
    ['report_name_checks', b.reports.map((r) => ({ report_id: r.id, names_key: '', persons: '' }))],
    ['persons', b.persons],
    ['person_aliases', b.aliases],
    ['person_mentions', b.mentions],
    ['case_events', b.events],
    ['event_sources', b.sources],
    ['alerts', b.alerts],
    ['alert_reports', b.alertReports],
    ['audit', b.audit],
    ['jobs', b.jobs],
    ['triage_items', b.triage],
  ];
}

/** The ids of a text (JSON of an audit row's detail, say) replaced by the copy's, where the map knows them. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const remapIds = (text: string, ids: Map<string, string>) => text.replace(UUID, (id) => ids.get(id) ?? id);

/** Writes one batch's rows: the same rows whichever writer. */
export interface BatchWriter {
  flush(tx: Tx, b: Batch): Promise<void>;
  /**
   * A writer that splits a batch in two stages, each its own transaction: its reports (in
   * `lanes` transactions side by side), then every other row once they are committed. The next
   * batch's reports are written while the last batch's other rows are: on PostgreSQL, the
   * reports' generated tsvector is most of the server's work, and it then runs on more than one
   * core. The audit rows stay in one transaction at a time, in order.
   */
  stages?: { lanes: number; reports(tx: Tx, b: Batch): Promise<void>; rest(tx: Tx, b: Batch): Promise<void> };
}

/** The batch's reports cut into `n` batches of reports alone. */
const cutReports = (b: Batch, n: number): Batch[] => {
  const size = Math.ceil(b.reports.length / n);
  return Array.from({ length: n }, (_, i) => ({ ...emptyBatch(), reports: b.reports.slice(i * size, (i + 1) * size) })).filter((x) => x.reports.length);
};

const DAY = 86_400_000;

/** Every copy is stored (created_at) before this instant; the pool, read through the pipeline today, after it. */
export const COPIES_END = '2026-11-02T00:00:00.000Z';

/**
 * A copy's case with a held status is due for the scheduler from when its report was read: its
 * time rules' alerts are the copy's own (not the original's, whose due time was worked out from
 * another reading), and all of them have run out by the time the bench runs after COPIES_END.
 */
const watched = (status: string) => (HELD_STATUSES as readonly string[]).includes(status);

/** A YYYY, YYYY-MM or YYYY-MM-DD value moved back by `days`. */
function shiftDate(v: string | null, days: number): string | null {
  if (!v) return v;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(v);
  if (!m) return v;
  const d = new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 6, m[3] ? Number(m[3]) : 15) - days * DAY).toISOString();
  return m[3] ? d.slice(0, 10) + v.slice(10) : m[2] ? d.slice(0, 7) : d.slice(0, 4);
}

/** Every `from` replaced by its `to` in one pass over the text (longest first where two overlap). */
function replaceAll(text: string, swaps: [string, string][]): string {
  const map = new Map(swaps.filter(([from]) => from.length > 2));
  if (!map.size) return text;
  const pattern = new RegExp([...map.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return text.replace(pattern, (m) => map.get(m) ?? m);
}

/** SQLite binds at most 32,766 parameters per statement (PostgreSQL 65,535): the lower bound, with room to spare. */
export const BIND_LIMIT = 32_000;

/** Rows per INSERT so that rows × columns stays within BIND_LIMIT; columns counted from the rows themselves, so a migration that adds one cannot push a batch past the limit. */
export function rowsPerInsert(rows: object[]): number {
  // A multi-row INSERT binds every column any row has, for every row.
  const columns = new Set(rows.flatMap((r) => Object.keys(r))).size;
  return Math.max(1, Math.floor(BIND_LIMIT / Math.max(1, columns)));
}

async function insertChunked(tx: Tx, table: keyof Database, rows: object[]): Promise<void> {
  const size = rowsPerInsert(rows);
  for (let i = 0; i < rows.length; i += size) await tx.insertInto(table).values(rows.slice(i, i + size) as never).execute();
}

/** The plain writer: Kysely's multi-row INSERTs into the tables with every index in place. */
export class RowsWriter implements BatchWriter {
  constructor(private readonly store: Store) {}
  async flush(tx: Tx, b: Batch): Promise<void> {
    for (const [table, rows] of batchRows(b)) await insertChunked(tx, table, rows);
    if (this.store.engine === 'sqlite') await insertFts(tx, b);
  }
}

/** SQLite's full-text table of the reports (PostgreSQL's tsvector is a generated column). */
export async function insertFts(tx: Tx, b: Batch): Promise<void> {
  for (let i = 0; i < b.reports.length; i += 200) {
    const rows = b.reports.slice(i, i + 200).map((r) => sql`(${r.id}, ${r.title ?? ''}, ${r.text})`);
    await sql`INSERT INTO reports_fts (report_id, title, text) VALUES ${sql.join(rows)}`.execute(tx);
  }
}

export class Multiplier {
  private recent: { id: string; name: string }[] = [];
  /** Each pool story's extraction as stored, compressed once (a pool read before migration 011 holds JSON). */
  private stored = new Map<string, Buffer | null>();

  private compressed(s: Story): Buffer | null {
    if (!this.stored.has(s.report.id)) {
      const json = extractionJson(s.report);
      this.stored.set(s.report.id, s.report.extraction_z ?? (json ? encodeExtraction(json) : null));
    }
    return this.stored.get(s.report.id)!;
  }
  private countries: string[];
  private n = 0;
  /** The last audit row's hash: the chain the copies' rows extend. */
  private prevHash: string | null | undefined;

  constructor(
    private readonly store: Store,
    private readonly stories: Story[],
    seed: number,
    /** The number of the first copy: copies already in the database (their alert keys are taken). */
    first = 0,
  ) {
    faker.seed(seed);
    this.n = first;
    const seen = new Set(stories.flatMap((s) => [...s.events.map((e) => e.country), ...s.persons.map((p) => p.country)]).filter((c): c is string => !!c));
    this.countries = seen.size ? [...seen] : ['NOR'];
  }

  /**
   * Writes `count` varied reports in transactions of `batch` reports; `onBatch` after each commit;
   * fewer when `stop` says so before a batch is made (the batches made are written whole).
   * The next batch is made while the last one is written (on PostgreSQL the server writes while
   * this process varies); they commit in order.
   */
  async write(count: number, batch: number, onBatch: (written: number) => void, writer: BatchWriter = new RowsWriter(this.store), stop: () => boolean = () => false): Promise<void> {
    if (this.prevHash === undefined) this.prevHash = (await this.store.db.selectFrom('audit').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst())?.hash ?? null;
    if (writer.stages) return this.writeStaged(count, batch, onBatch, writer.stages, stop);
    let made = 0;
    let written = 0;
    let pending: Promise<void> | undefined;
    while (made < count && !stop()) {
      const b = emptyBatch();
      const k = Math.min(batch, count - made);
      for (let i = 0; i < k; i++) this.vary(this.stories[this.n % this.stories.length]!, b);
      made += k;
      if (pending) await pending;
      pending = this.store.db
        .transaction()
        .execute((tx) => writer.flush(tx, b))
        .then(() => {
          written += k;
          onBatch(written);
        });
      // Not left unhandled while the next batch is made: awaited above or below.
      pending.catch(() => undefined);
    }
    await pending;
  }

  private async writeStaged(count: number, batch: number, onBatch: (written: number) => void, stages: NonNullable<BatchWriter['stages']>, stop: () => boolean): Promise<void> {
    const db = this.store.db;
    let made = 0;
    let written = 0;
    let rest: Promise<void> | undefined;
    while (made < count && !stop()) {
      const b = emptyBatch();
      const k = Math.min(batch, count - made);
      for (let i = 0; i < k; i++) this.vary(this.stories[this.n % this.stories.length]!, b);
      made += k;
      const reports = Promise.all(cutReports(b, stages.lanes).map((part) => db.transaction().execute((tx) => stages.reports(tx, part))));
      reports.catch(() => undefined);
      await rest;
      await reports;
      rest = db
        .transaction()
        .execute((tx) => stages.rest(tx, b))
        .then(() => {
          written += k;
          onBatch(written);
        });
      rest.catch(() => undefined);
    }
    await rest;
  }

  /** A fresh id, from the seeded generator: the same seed writes the same rows. */
  private id(): string {
    return faker.string.uuid();
  }

  private vary(s: Story, b: Batch): void {
    const n = this.n++;
    const shift = faker.number.int({ min: 0, max: 5 * 365 });
    const at = new Date(Date.parse(COPIES_END) - DAY - shift * DAY + faker.number.int({ min: 0, max: DAY - 1 })).toISOString();
    const reportId = this.id();
    const swaps: [string, string][] = [];
    const personIds = new Map<string, string>();
    const reused = new Set<string>();
    const newPersons: Selectable<PersonsTable>[] = [];
    for (const p of s.persons) {
      const reuse = this.recent.length > 50 && faker.number.float() < 0.2;
      const other = reuse ? faker.helpers.arrayElement(this.recent) : { id: this.id(), name: faker.person.fullName() };
      personIds.set(p.id, other.id);
      const last = other.name.split(' ').at(-1)!;
      const names = s.aliases.filter((a) => a.person_id === p.id).map((a) => a.alias);
      for (const alias of [p.name, ...names].sort((x, y) => y.length - x.length)) swaps.push([alias, alias.includes(' ') ? other.name : last]);
      if (reuse) {
        reused.add(other.id);
        continue;
      }
      newPersons.push({ ...p, id: other.id, name: other.name, country: p.country ? faker.helpers.arrayElement(this.countries) : null, restricted: faker.number.float() < 0.001 ? 1 : 0, code_name: null, status_override: null, merged_into: null, status_since: shiftDate(p.status_since, shift), last_news_at: at, created_at: at, updated_at: at, review_due_at: watched(p.status) ? at : null });
      b.aliases.push({ person_id: other.id, normalized: normalizeName(other.name), alias: other.name, report_id: reportId, created_at: at, script: null, kind: null });
      if (last !== other.name) b.aliases.push({ person_id: other.id, normalized: normalizeName(last), alias: last, report_id: reportId, created_at: at, script: null, kind: null });
      this.recent.push(other);
      if (this.recent.length > 5000) this.recent.shift();
    }
    const places = new Map<string, string>();
    for (const e of s.events) if (e.place && !places.has(e.place)) places.set(e.place, faker.location.city());
    swaps.push(...places);
    const country = new Map<string, string>();
    const countryOf = (c: string | null) => (c ? (country.get(c) ?? (country.set(c, faker.helpers.arrayElement(this.countries)), country.get(c)!)) : null);
    const eventIds = new Map(s.events.map((e) => [e.id, this.id()]));
    for (const p of newPersons) b.persons.push({ ...p, status_event_id: p.status_event_id ? (eventIds.get(p.status_event_id) ?? null) : null });
    const text = replaceAll(s.report.text, swaps);
    // PostgreSQL's generated tsvector column is computed, never written.
    const { search: _generated, ...report } = s.report as typeof s.report & { search?: unknown };
    b.reports.push({
      ...report,
      id: reportId,
      content_hash: createHash('sha256').update(`${n}\n${text}`).digest('hex'),
      title: s.report.title ? replaceAll(s.report.title, swaps) : null,
      text,
      published: shiftDate(s.report.published, shift),
      // The story's own extraction, compressed as the product stores it: the bytes a report costs.
      // Not rewritten with the new names (its offsets would not fit the new text either): a rename
      // and a recompression of 58 KB of JSON was a third of each copy's time.
      extraction: null,
      extraction_z: this.compressed(s),
      created_at: at,
    });
    for (const e of s.events) b.events.push({ ...e, id: eventIds.get(e.id)!, person_id: personIds.get(e.person_id)!, date_value: shiftDate(e.date_value, shift), place: e.place ? places.get(e.place)! : null, country: countryOf(e.country), destination_country: countryOf(e.destination_country), told_at: at, created_at: at, updated_at: at });
    for (const x of s.sources) b.sources.push({ ...x, id: this.id(), case_event_id: eventIds.get(x.case_event_id)!, report_id: reportId, date_value: shiftDate(x.date_value, shift), place: x.place ? (places.get(x.place) ?? x.place) : null, country: countryOf(x.country), created_at: at });
    for (const m of s.mentions) b.mentions.push({ ...m, id: this.id(), report_id: reportId, person_id: personIds.get(m.person_id)!, name: replaceAll(m.name, swaps), candidate_id: null, created_at: at });
    const alertIds = new Map<string, string>();
    for (const a of s.alerts) {
      if (!personIds.has(a.person_id)) continue;
      const ids = (JSON.parse(a.event_ids) as string[]).map((id) => eventIds.get(id) ?? id);
      const id = this.id();
      alertIds.set(a.id, id);
      b.alertReports.push({ alert_id: id, report_id: reportId });
      b.alerts.push({ ...a, id, key: `${a.key}:${n}`, person_id: personIds.get(a.person_id)!, message: replaceAll(a.message, swaps), event_ids: JSON.stringify(ids), report_ids: JSON.stringify([reportId]), created_at: at, raised_at: at, raised_by: null, acknowledged_at: faker.number.float() < 0.7 ? at : null, acknowledged_by: null });
    }
    const triageIds = new Map(s.triage.map((t) => [t.id, this.id()]));
    for (const t of s.triage) b.triage.push({ ...t, id: triageIds.get(t.id)!, report_id: reportId, person_id: t.person_id ? (personIds.get(t.person_id) ?? null) : null, name: replaceAll(t.name, swaps), normalized: normalizeName(replaceAll(t.name, swaps)), created_at: at });
    for (const j of s.jobs) {
      const id = this.id();
      b.jobs.push({ ...j, id, payload: remapIds(j.payload, new Map([[s.report.id, reportId]])), key: `extract:${reportId}`, run_after: at, created_at: at, updated_at: at });
    }
    const ids = new Map<string, string>([[s.report.id, reportId], ...personIds, ...eventIds, ...alertIds, ...triageIds]);
    for (const r of s.audit) {
      const entity = ids.get(r.entity_id) ?? r.entity_id;
      if (r.action === 'person.created' && reused.has(entity)) continue;
      const row = { at, actor: r.actor, action: r.action, entity_type: r.entity_type, entity_id: entity, report_id: reportId, detail: replaceAll(remapIds(r.detail, ids), swaps) };
      const hash = chainHash(this.prevHash ?? null, row);
      b.audit.push({ ...row, prev_hash: this.prevHash ?? null, hash });
      this.prevHash = hash;
    }
  }
}
