import { sql } from 'kysely';
import { normalizeName } from '../cases/names.js';
import { displayName } from './cases.js';
import type { Engine } from './engine.js';
import type { ReportListItem } from './reports.js';
import { LIST_COLUMNS, listReports, reportsMatching } from './reports.js';
import type { Db } from './store.js';
import type { Denied } from './access.js';
import { NOTHING_DENIED, likeEscape, personVisible, reportVisible } from './access.js';

export interface SearchFilter {
  q?: string;
  country?: string;
  type?: string;
  status?: string;
  /** Event dates from and to (inclusive), as YYYY-MM-DD. */
  from?: string;
  to?: string;
  limit: number;
}

export interface EventHit {
  id: string;
  type: string;
  modality: string;
  date_value: string | null;
  place: string | null;
  country: string | null;
  person_id: string;
  person: string;
  status: string;
}

export interface SearchResult {
  reports: ReportListItem[];
  people: { id: string; name: string; country: string | null; status: string; events: number }[];
  events: EventHit[];
  /** Counts over the matching events, for narrowing further. */
  facets: { type: Record<string, number>; country: Record<string, number>; status: Record<string, number> };
}

/**
 * One search across reports (full text), people (any alias) and timeline events, narrowed by
 * country, event type, case status and a date range. Facet counts are taken over the matching
 * events, so each shows how many a further click would leave.
 */
export async function search(db: Db, engine: Engine, f: SearchFilter, denied: Denied = NOTHING_DENIED): Promise<SearchResult> {
  const terms = f.q?.trim();
  // The status a person shows: an analyst's override when set, else the derived one.
  const overrideStatus = engine === 'sqlite' ? sql<string | null>`json_extract(persons.status_override, '$.status')` : sql<string | null>`(persons.status_override::json ->> 'status')`;
  const status = sql<string>`coalesce(${overrideStatus}, persons.status)`;
  // Any spelling on file: the name search of the events and of the people alike.
  // A query of nothing but punctuation ("%", "_") names nobody: it must not match everyone.
  const hasAlias = terms && !normalizeName(terms) ? sql<boolean>`1 = 0` : terms ? sql<boolean>`EXISTS (SELECT 1 FROM person_aliases WHERE person_aliases.person_id = persons.id AND person_aliases.normalized LIKE ${`%${likeEscape(normalizeName(terms))}%`} ESCAPE '\\')` : null;
  let events = db
    .selectFrom('case_events')
    .innerJoin('persons', 'persons.id', 'case_events.person_id')
    .select(['case_events.id', 'case_events.type', 'case_events.modality', 'case_events.date_value', 'case_events.place', 'case_events.country', 'case_events.person_id', 'persons.name as person', 'persons.restricted', 'persons.code_name', 'persons.case_country as person_country', status.as('status')])
    .where('persons.merged_into', 'is', null)
    .where(personVisible(denied));
  if (f.type) events = events.where('case_events.type', '=', f.type);
  if (f.country) events = events.where((eb) => eb.or([eb('case_events.country', '=', f.country!), eb('persons.case_country', '=', f.country!), eb('persons.country', '=', f.country!)]));
  if (f.status) events = events.where(status, '=', f.status);
  // Overlap, not containment: "2026-11" (a month) is in a range from 2026-11-20. With '~' after
  // it, a month or year sorts after every day it holds; with '~' after `to`, before the next day.
  if (f.from) events = events.where(sql<string>`case_events.date_value || '~'`, '>=', f.from);
  if (f.to) events = events.where('case_events.date_value', '<=', `${f.to}~`);
  if (terms && hasAlias) {
    events = events.where((eb) =>
      eb.or([
        hasAlias,
        eb.exists(eb.selectFrom('event_sources').innerJoin('reports', 'reports.id', 'event_sources.report_id').select('event_sources.id').whereRef('event_sources.case_event_id', '=', 'case_events.id').where(reportsMatching(engine, terms)).where(reportVisible(denied))),
      ]),
    );
  }
  const matched = (await events.orderBy('case_events.date_value', 'desc').execute()).map(({ restricted, code_name, ...e }) => ({ ...e, person: displayName({ name: e.person, restricted, code_name }) })) as (EventHit & { person_country: string | null })[];

  const facets: SearchResult['facets'] = { type: {}, country: {}, status: {} };
  const bump = (m: Record<string, number>, k: string | null) => k && (m[k] = (m[k] ?? 0) + 1);
  for (const e of matched) {
    bump(facets.type, e.type);
    // An event with no place counts under its case's country: the facet finds every case that has one.
    bump(facets.country, e.country ?? e.person_country);
    bump(facets.status, e.status);
  }

  const peopleById = new Map<string, SearchResult['people'][number]>();
  for (const e of matched) {
    const p = peopleById.get(e.person_id) ?? { id: e.person_id, name: e.person, country: e.person_country, status: e.status, events: 0 };
    p.events++;
    peopleById.set(e.person_id, p);
  }
  const eventFilters = f.type || f.from || f.to;
  if (!eventFilters) {
    // People with no event yet still answer a name or status search.
    let people = db.selectFrom('persons').select(['persons.id', 'persons.name', 'persons.restricted', 'persons.code_name', 'persons.case_country as country', status.as('status')]).where('persons.merged_into', 'is', null).where(personVisible(denied)).limit(f.limit);
    if (hasAlias) people = people.where(hasAlias);
    if (f.status) people = people.where(status, '=', f.status);
    if (f.country) people = people.where((eb) => eb.or([eb('persons.case_country', '=', f.country!), eb('persons.country', '=', f.country!)]));
    for (const { restricted: _r, code_name: _c, ...p } of await people.execute()) if (!peopleById.has(p.id)) peopleById.set(p.id, { ...p, name: displayName({ name: p.name, restricted: _r, code_name: _c }), events: 0 });
  }
  const reports = terms && !f.country && !f.type && !f.status && !f.from && !f.to ? await listReports(db, engine, { query: terms, limit: f.limit, offset: 0, denied }) : await reportsOf(db, matched, f.limit, denied);
  return { reports, people: [...peopleById.values()].slice(0, f.limit), events: matched.slice(0, f.limit).map(({ person_country: _c, ...e }) => e), facets };
}

/** The reports that told the matching events, newest first. */
async function reportsOf(db: Db, events: EventHit[], limit: number, denied: Denied): Promise<ReportListItem[]> {
  if (!events.length) return [];
  return db
    .selectFrom('reports')
    .select(LIST_COLUMNS)
    .where(reportVisible(denied))
    .where('reports.id', 'in', (eb) => eb.selectFrom('event_sources').select('report_id').where('case_event_id', 'in', events.map((e) => e.id)))
    .orderBy('reports.created_at', 'desc')
    .limit(limit)
    .execute();
}
