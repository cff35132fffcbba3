import { createHash, randomUUID } from 'node:crypto';
import { faker } from '@faker-js/faker';
import { sql } from 'kysely';
import { normalizeName } from '../cases/names.js';
import { encodeExtraction, extractionJson } from '../storage/reports.js';
import type { Selectable } from 'kysely';
import type { AlertsTable, CaseEventsTable, EventSourcesTable, PersonAliasesTable, PersonMentionsTable, PersonsTable, ReportsTable } from '../storage/schema.js';
import type { Database } from '../storage/schema.js';
import type { Store, Tx } from '../storage/store.js';
import type { Story } from './scale-pool.js';

/**
 * The bulk of the scale database: each new report is a copy of a pool story (a real extraction,
 * tracked by the real tracker) with its people renamed (faker), its places and countries
 * changed and its dates shifted back up to five years, written as the same rows the tracker
 * writes, by batched inserts. One person in five is someone already on file (a follow-up story),
 * so cases grow several reports long as they do over years of news; the rest are new people.
 * Not written: the audit rows (a hash chain the tracker extends one row at a time).
 */

interface Batch {
  reports: Selectable<ReportsTable>[];
  persons: Selectable<PersonsTable>[];
  aliases: Selectable<PersonAliasesTable>[];
  mentions: Selectable<PersonMentionsTable>[];
  events: Selectable<CaseEventsTable>[];
  sources: Selectable<EventSourcesTable>[];
  alerts: Selectable<AlertsTable>[];
  alertReports: { alert_id: string; report_id: string }[];
}

const emptyBatch = (): Batch => ({ reports: [], persons: [], aliases: [], mentions: [], events: [], sources: [], alerts: [], alertReports: [] });

const DAY = 86_400_000;

/** Every copy is stored (created_at) before this instant; the pool, read through the pipeline today, after it. */
export const COPIES_END = '2026-11-02T00:00:00.000Z';

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

  /** Writes `count` varied reports in transactions of `batch` reports; `onBatch` after each commit. */
  async write(count: number, batch: number, onBatch: (written: number) => void): Promise<void> {
    let written = 0;
    while (written < count) {
      const b = emptyBatch();
      const k = Math.min(batch, count - written);
      for (let i = 0; i < k; i++) this.vary(this.stories[this.n % this.stories.length]!, b);
      await this.store.db.transaction().execute((tx) => this.flush(tx, b));
      written += k;
      onBatch(written);
    }
  }

  private vary(s: Story, b: Batch): void {
    const n = this.n++;
    const shift = faker.number.int({ min: 0, max: 5 * 365 });
    const at = new Date(Date.parse(COPIES_END) - DAY - shift * DAY + faker.number.int({ min: 0, max: DAY - 1 })).toISOString();
    const reportId = randomUUID();
    const swaps: [string, string][] = [];
    const personIds = new Map<string, string>();
    const newPersons: Selectable<PersonsTable>[] = [];
    for (const p of s.persons) {
      const reuse = this.recent.length > 50 && faker.number.float() < 0.2;
      const other = reuse ? faker.helpers.arrayElement(this.recent) : { id: randomUUID(), name: faker.person.fullName() };
      personIds.set(p.id, other.id);
      const last = other.name.split(' ').at(-1)!;
      const names = s.aliases.filter((a) => a.person_id === p.id).map((a) => a.alias);
      for (const alias of [p.name, ...names].sort((x, y) => y.length - x.length)) swaps.push([alias, alias.includes(' ') ? other.name : last]);
      if (reuse) continue;
      newPersons.push({ ...p, id: other.id, name: other.name, country: p.country ? faker.helpers.arrayElement(this.countries) : null, restricted: faker.number.float() < 0.001 ? 1 : 0, code_name: null, status_override: null, merged_into: null, status_since: shiftDate(p.status_since, shift), last_news_at: at, created_at: at, updated_at: at });
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
    const eventIds = new Map(s.events.map((e) => [e.id, randomUUID()]));
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
    for (const x of s.sources) b.sources.push({ ...x, id: randomUUID(), case_event_id: eventIds.get(x.case_event_id)!, report_id: reportId, date_value: shiftDate(x.date_value, shift), place: x.place ? (places.get(x.place) ?? x.place) : null, country: countryOf(x.country), created_at: at });
    for (const m of s.mentions) b.mentions.push({ ...m, id: randomUUID(), report_id: reportId, person_id: personIds.get(m.person_id)!, name: replaceAll(m.name, swaps), candidate_id: null, created_at: at });
    for (const a of s.alerts) {
      if (!personIds.has(a.person_id)) continue;
      const ids = (JSON.parse(a.event_ids) as string[]).map((id) => eventIds.get(id) ?? id);
      const id = randomUUID();
      b.alertReports.push({ alert_id: id, report_id: reportId });
      b.alerts.push({ ...a, id, key: `${a.key}:${n}`, person_id: personIds.get(a.person_id)!, message: replaceAll(a.message, swaps), event_ids: JSON.stringify(ids), report_ids: JSON.stringify([reportId]), created_at: at, acknowledged_at: faker.number.float() < 0.7 ? at : null, acknowledged_by: null });
    }
  }

  private async flush(tx: Tx, b: Batch): Promise<void> {
    await insertChunked(tx, 'reports', b.reports);
    // Not yet checked for restricted names, as insertReport leaves a report (checkReportNames).
    await insertChunked(tx, 'report_name_checks', b.reports.map((r) => ({ report_id: r.id, names_key: '', persons: '' })));
    await insertChunked(tx, 'persons', b.persons);
    await insertChunked(tx, 'person_aliases', b.aliases);
    await insertChunked(tx, 'person_mentions', b.mentions);
    await insertChunked(tx, 'case_events', b.events);
    await insertChunked(tx, 'event_sources', b.sources);
    await insertChunked(tx, 'alerts', b.alerts);
    await insertChunked(tx, 'alert_reports', b.alertReports);
    if (this.store.engine === 'sqlite') {
      for (let i = 0; i < b.reports.length; i += 200) {
        const rows = b.reports.slice(i, i + 200).map((r) => sql`(${r.id}, ${r.title ?? ''}, ${r.text})`);
        await sql`INSERT INTO reports_fts (report_id, title, text) VALUES ${sql.join(rows)}`.execute(tx);
      }
    }
  }
}
