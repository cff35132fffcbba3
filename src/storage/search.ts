import type { RawBuilder } from 'kysely';
import { sql } from 'kysely';
import { displayName } from './cases.js';
import type { Engine } from './engine.js';
import type { ReportListItem } from './reports.js';
import { LIST_COLUMNS, ftsMatch, reportsMatching } from './reports.js';
import { aliasFtsMatch, nameWords, namesTsQuery, personCoded } from './names-search.js';
import type { Db } from './store.js';
import type { Denied } from './access.js';
import { NOTHING_DENIED, hiddenReports, personVisible } from './access.js';

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
  /**
   * More events matched than were read (SEARCH_EVENT_CAP), or more people bear the name (or, with
   * no name, are of the country asked) than SEARCH_PERSON_CAP, or more reports hold the words than
   * the events are read from (SEARCH_REPORT_CAP): the facets and people count the newest events of
   * those read.
   */
  capped: boolean;
}

/** At most this many matching events are read for the facet counts and the people (the newest first); `capped` says when there were more. */
export const SEARCH_EVENT_CAP = 1000;
/**
 * A word query reads at most this many matching reports, the latest indexed: the events they told
 * (those the user may read, each checked for restricted names first) and its ranked report list
 * come from them, and `capped` says when more hold the words. It was 1,000: at 778,399 reports
 * the thousand ranked matches (63 ms) and their checks for restricted names (50 ms) were half of
 * a search by name, every name being searched as a word too.
 */
export const SEARCH_REPORT_CAP = 200;
/**
 * A name search reads the events of at most this many of the people bearing the name, those most
 * recently in the news (`persons.last_news_at`), and says `capped` when more bear it: a common
 * family name is shared by thousands in a large archive, and reading every event of every one of
 * them, to keep the newest thousand, took seconds. It was 1,000: at 778,399 reports the events of
 * a thousand people and their rows were half of what was left of a search by name (39 of 80 ms).
 */
export const SEARCH_PERSON_CAP = 200;

/**
 * One search across reports (full text), people (any alias, through the full-text index of the
 * names) and timeline events, narrowed by country, event type, case status and a date range.
 * Facet counts are taken over the matching events (the newest SEARCH_EVENT_CAP when more
 * match: `capped`), so each shows how many a further click would leave. Every query is bounded.
 */
export async function search(db: Db, engine: Engine, f: SearchFilter, denied: Denied = NOTHING_DENIED): Promise<SearchResult> {
  const terms = f.q?.trim();
  const status = statusOf(engine);
  // The conditions on the event itself, as one expression both event queries take.
  // Overlap, not containment: "2026-11" (a month) is in a range from 2026-11-20. With '~' after
  // it, a month or year sorts after every day it holds; with '~' after `to`, before the next day.
  // A date is a year at least (DatePrecision), so every date the overlap admits is ≥ the year of
  // `from`: a bound the date indexes can seek to, which the concatenation alone is not.
  // `onEvent(c)` takes how each column is written: as itself, or kept from SQLite's index choice (ofKnown).
  const onEvent = (c: (column: string) => RawBuilder<unknown>): RawBuilder<boolean> => {
    const conds: RawBuilder<boolean>[] = [];
    if (f.type) conds.push(sql<boolean>`${c('case_events.type')} = ${f.type}`);
    if (f.from) conds.push(sql<boolean>`${c('case_events.date_value')} >= ${f.from.slice(0, 4)}`, sql<boolean>`${c('case_events.date_value')} || '~' >= ${f.from}`);
    if (f.to) conds.push(sql<boolean>`${c('case_events.date_value')} <= ${`${f.to}~`}`);
    return conds.length ? sql<boolean>`(${sql.join(conds, sql` AND `)})` : sql<boolean>`1 = 1`;
  };
  const eventCond = onEvent(col);
  // Events with their person's row, who must be live, visible and of the status asked for.
  // `byId`: the lead is a list of event ids (a word's told events on PostgreSQL): read by primary
  // key and sorted, the order written as an expression no index serves. Ordered by date, PostgreSQL
  // walked case_events_date backwards testing each event against the list (0.8 s at 100,000 reports).
  const withPerson = (lead: RawBuilder<boolean>, byId = false) => {
    let q = db
      .selectFrom('case_events')
      .innerJoin('persons', 'persons.id', 'case_events.person_id')
      .select([...EVENT_COLUMNS, 'persons.name as person', 'persons.restricted', 'persons.code_name', 'persons.case_country as person_country', status.as('status')])
      .where('persons.merged_into', 'is', null)
      .where(personVisible(denied))
      .where(eventCond)
      .where(lead);
    if (f.status) q = q.where(status, '=', f.status);
    return q.orderBy(byId ? known('case_events.date_value') : sql.ref('case_events.date_value'), 'desc').orderBy('case_events.id').limit(SEARCH_EVENT_CAP + 1).execute();
  };
  // Events of people already read and checked (namedPersons): their rows are read once, after, for
  // the events kept only. The join read a person's row for every event of every person bearing
  // the name (a thousand people, thousands of events).
  // Their events are read by person (case_events_person), whatever else narrows them: the type and
  // date columns are written as expressions no index serves (`+column` on SQLite, `column || ''`
  // on PostgreSQL), in the conditions and the order. Else, with a type asked for, SQLite walked
  // every event of the type (case_events_type, in date order) for these few people's, and
  // PostgreSQL read every event of the type from that index into a bitmap to AND with theirs
  // (an estimated 870,977 at 541,000 reports): work that grows with the archive.
  const known = (column: string) => (engine === 'sqlite' ? sql`+${sql.ref(column)}` : sql`(${sql.ref(column)} || '')`);
  const knownCond = onEvent(known);
  const ofKnown = (lead: RawBuilder<boolean>): Promise<EventRow[]> =>
    db.selectFrom('case_events').select(EVENT_COLUMNS).where(knownCond).where(lead).orderBy(known('case_events.date_value'), 'desc').orderBy('case_events.id').limit(SEARCH_EVENT_CAP + 1).execute();
  // Each lead narrows the events through one index, and the query for each pair of leads is
  // bounded and read newest first; the results are merged here. Names and words: one query with
  // `named OR told` could use neither full-text index and walked every event by date.
  // The two leads of a search by words run side by side, each to its events: the people bearing
  // the name, and the reports holding the words (whose check for restricted names is the longer).
  const none = Promise.resolve({ ids: [] as string[], capped: false });
  const namedP = terms ? namedPersons(db, engine, terms, f.status, denied) : none;
  const candidatesP = terms ? wordCandidates(db, engine, terms) : Promise.resolve([]);
  // Those this user may read: the events they told, and the ranked list, come from these only.
  const readableP = candidatesP.then(async (c) => {
    const latest = c.slice(0, SEARCH_REPORT_CAP).map((x) => x.id);
    const hidden = await hiddenReports(db, denied, latest);
    return new Set(latest.filter((id) => !hidden.has(id)));
  });
  const toldP = readableP.then((ids) => toldBy(db, engine, [...ids]));
  const country = f.country;
  const both = (a: RawBuilder<boolean>, b: RawBuilder<boolean>) => sql<boolean>`(${a} AND ${b})`;
  const byPerson = (ids: string[]) => inList(engine, 'case_events.person_id', ids);
  // A country is the event's own (case_events_type_country, case_events_country) or its person's
  // case country or nationality. The people of a country are read as ids, like those bearing a
  // name: the SEARCH_PERSON_CAP most recently in the news (countryPersons), or, with a name, those
  // of the people bearing it who are of the country. As a subquery of every person of the
  // country, each engine read every event of the type asked (or every event) and matched it
  // against them: 0.1 s at 20,000 reports, growing with the archive.
  const ofCountry = (named: { ids: string[] }) => (named.ids.length ? personsOfCountry(db, engine, named.ids, country!) : Promise.resolve([]));
  const countryP = country && !terms ? countryPersons(db, engine, country, f.status, denied) : none;
  const eventCountry = country ? sql<boolean>`${col('case_events.country')} = ${country}` : sql<boolean>`1 = 1`;
  const personCountry = sql<boolean>`(${col('persons.case_country')} = ${country ?? null} OR ${col('persons.country')} = ${country ?? null})`;
  // The people bearing the name are resolved first (SEARCH_PERSON_CAP ids at most), and their
  // events read by person (case_events_person): with the name as a subquery, PostgreSQL walked
  // every event by date and looked each one's person up in the aliases (3.3 s at 100,000 reports).
  // The events the word's reports told are read by id, their person's country checked on the row.
  const found: EventRow[][] = await Promise.all(
    terms
      ? [
          namedP.then((n) => ofKnown(both(byPerson(n.ids), eventCountry))),
          toldP.then((t) => withPerson(both(t, eventCountry), engine === 'postgres')),
          ...(country ? [namedP.then(ofCountry).then((ids) => ofKnown(byPerson(ids))), toldP.then((t) => withPerson(both(t, personCountry), engine === 'postgres'))] : []),
        ]
      : [withPerson(eventCountry), ...(country ? [countryP.then((c) => ofKnown(byPerson(c.ids)))] : [])],
  );
  const [matches, readable, named, countryPeople] = await Promise.all([candidatesP, readableP, namedP, countryP]);
  // One more than the cap is read, to tell whether more reports hold the words.
  const candidates = matches.slice(0, SEARCH_REPORT_CAP).filter((c) => readable.has(c.id));
  const seen = new Set<string>();
  const rows = found.length === 1 ? found[0]! : found.flat().filter((e) => !seen.has(e.id) && seen.add(e.id)).sort(newestFirst);
  const capped = rows.length > SEARCH_EVENT_CAP || named.capped || countryPeople.capped || matches.length > SEARCH_REPORT_CAP;
  const kept = rows.slice(0, SEARCH_EVENT_CAP);
  // People answering a name, when no other condition than the status narrows them: the first of
  // those namedPersons read, in its order (the order, and the conditions, the query below has).
  const eventFilters = f.type || f.from || f.to;
  const namedFirst = terms && !eventFilters && !f.country ? named.ids.slice(0, f.limit) : [];
  const personRows = await personsById(db, engine, [...new Set([...kept.filter((e) => e.person === undefined).map((e) => e.person_id), ...namedFirst])], denied);
  const withRow = (e: EventRow): EventRow => {
    if (e.person !== undefined) return e;
    const p = personRows.get(e.person_id)!;
    return { ...e, person: p.name, restricted: p.restricted, code_name: p.code_name, person_country: p.case_country, status: p.status };
  };
  const matched = kept.filter((e) => e.person !== undefined || personRows.has(e.person_id)).map(withRow).map(({ restricted, code_name, ...e }) => ({ ...e, person: displayName({ name: e.person!, restricted: restricted!, code_name: code_name! }) })) as (EventHit & { person_country: string | null })[];

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
  if (!eventFilters) {
    // People with no event yet still answer a name or status search.
    let listed: { id: string; name: string; restricted: number; code_name: string | null; country: string | null; status: string }[];
    if (terms && !f.country) listed = namedFirst.filter((id) => personRows.has(id)).map((id) => personRows.get(id)!).map((p) => ({ id: p.id, name: p.name, restricted: p.restricted, code_name: p.code_name, country: p.case_country, status: p.status }));
    else {
      let people = db.selectFrom('persons').select(['persons.id', 'persons.name', 'persons.restricted', 'persons.code_name', 'persons.case_country as country', status.as('status')]).where('persons.merged_into', 'is', null).where(personVisible(denied)).limit(f.limit);
      // Those most recently in the news first, in the order (and for the reason) namedPersons reads them.
      if (terms) people = people.where('persons.id', 'in', named.ids.length ? named.ids : ['']).orderBy(sql`coalesce(persons.last_news_at, '')`, 'desc').orderBy('persons.id');
      if (f.status) people = people.where(status, '=', f.status);
      if (f.country) people = people.where((eb) => eb.or([eb('persons.case_country', '=', f.country!), eb('persons.country', '=', f.country!)]));
      listed = await people.execute();
    }
    for (const { restricted: _r, code_name: _c, ...p } of listed) if (!peopleById.has(p.id)) peopleById.set(p.id, { id: p.id, name: displayName({ name: p.name, restricted: _r, code_name: _c }), country: p.country, status: p.status, events: 0 });
  }
  const reports = terms && !f.country && !f.type && !f.status && !f.from && !f.to ? await firstVisible(db, NOTHING_DENIED, [...candidates].sort((a, b) => a.rank - b.rank).map((c) => c.id), f.limit) : await reportsOf(db, engine, matched, f.limit, denied);
  return { reports, people: [...peopleById.values()].slice(0, f.limit), events: matched.slice(0, f.limit).map(({ person_country: _c, ...e }) => e), facets, capped };
}

/** A column, quoted as the query builder writes it. */
const col = (c: string) => sql.ref(c);

const EVENT_COLUMNS = ['case_events.id', 'case_events.type', 'case_events.modality', 'case_events.date_value', 'case_events.place', 'case_events.country', 'case_events.person_id'] as const;

/** An event as the event queries read it; the person's columns are missing when its person's row is read after. */
interface EventRow extends Omit<EventHit, 'person' | 'status'> {
  person?: string;
  restricted?: number;
  code_name?: string | null;
  person_country?: string | null;
  status?: string;
}

/** `column IN ids` (ids read before, at most a few thousand), as each engine takes a list best. */
function inList(engine: Engine, column: string, ids: string[]): RawBuilder<boolean> {
  if (!ids.length) return sql<boolean>`1 = 0`;
  return engine === 'postgres' ? sql<boolean>`${sql.ref(column)} = any(${ids})` : sql<boolean>`${sql.ref(column)} IN (${sql.join(ids)})`;
}

/** The rows search shows of these people (checked by the query that found them; the denied list asked again, as every query that reads people does). */
async function personsById(db: Db, engine: Engine, ids: string[], denied: Denied) {
  if (!ids.length) return new Map<string, never>();
  const rows = await db.selectFrom('persons').select(['persons.id', 'persons.name', 'persons.restricted', 'persons.code_name', 'persons.case_country', statusOf(engine).as('status')]).where(inList(engine, 'persons.id', ids)).where(personVisible(denied)).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The events the word's visible reports told, as a condition on `case_events.id`. PostgreSQL takes
 * their ids, read first: as a subquery they were hashed against a scan of every event (0.1 s at
 * 100,000 reports), the planner expecting thousands.
 */
async function toldBy(db: Db, engine: Engine, reports: string[]): Promise<RawBuilder<boolean>> {
  if (!reports.length) return sql<boolean>`1 = 0`;
  if (engine === 'postgres') return inList(engine, 'case_events.id', (await db.selectFrom('event_sources').select('case_event_id').distinct().where(inList(engine, 'event_sources.report_id', reports)).execute()).map((r) => r.case_event_id));
  return sql<boolean>`case_events.id IN (SELECT event_sources.case_event_id FROM event_sources WHERE ${inList(engine, 'event_sources.report_id', reports)})`;
}

/**
 * The people bearing the name (every word begins a word of one of their names or aliases, through
 * the full-text index of the people, `person_search`, migration 019) whom this user may see, not
 * merged into another record, with the status asked for: the SEARCH_PERSON_CAP most recently in
 * the news, and whether more bear it. One query, read in news order and stopped at the cap on
 * SQLite (the index's rowid is the person's place in the news); on PostgreSQL the matches of the
 * GIN index sorted by their news (a top-N sort of one narrow row each). Before, the newest 10,000
 * matching aliases were read, their people looked up by id and sorted by news to keep 1,000:
 * every search of a common family name read to those caps.
 */
async function namedPersons(db: Db, engine: Engine, terms: string, status: string | undefined, denied: Denied): Promise<{ ids: string[]; capped: boolean }> {
  if (!nameWords(terms).length) return { ids: [], capped: false };
  const visible = personVisible(denied, 'person_search.person_id');
  // The status is the person's row's: read only when asked for.
  const withStatus = status ? sql`INNER JOIN persons ON persons.id = person_search.person_id AND ${statusOf(engine)} = ${status}` : sql``;
  const rows =
    engine === 'sqlite'
      ? (await sql<{ person_id: string }>`SELECT person_search.person_id FROM person_search_fts INNER JOIN person_search ON person_search.key = person_search_fts.rowid ${withStatus} WHERE person_search_fts MATCH ${aliasFtsMatch(terms)} AND ${visible} ORDER BY person_search_fts.rowid DESC LIMIT ${SEARCH_PERSON_CAP + 1}`.execute(db)).rows
      : (await sql<{ person_id: string }>`SELECT person_search.person_id FROM person_search ${withStatus} WHERE person_search.search @@ to_tsquery('simple', ${namesTsQuery(terms)}) AND ${visible} ORDER BY person_search.news DESC NULLS LAST, person_search.person_id LIMIT ${SEARCH_PERSON_CAP + 1}`.execute(db)).rows;
  // a member knows a restricted case by the code name shown them ("Heron"): found first, and only
  // by those it is not denied to
  let coded = db.selectFrom('persons').select('persons.id').where('persons.merged_into', 'is', null).where(personCoded(terms, 'persons.id')).where(personVisible(denied));
  if (status) coded = coded.where(statusOf(engine), '=', status);
  const byCode = (await coded.execute()).map((r) => r.id);
  const ids = [...new Set([...byCode, ...rows.map((r) => r.person_id)])];
  return { ids: ids.slice(0, SEARCH_PERSON_CAP), capped: ids.length > SEARCH_PERSON_CAP };
}

/**
 * The people whose case country or nationality is `country` whom this user may see, not merged
 * into another record, with the status asked for: the SEARCH_PERSON_CAP most recently in the news
 * (as `namedPersons` keeps them), and whether there were more. One query per column, each read in
 * news order from its index (persons_case_country_news, persons_country_news) and stopped at the
 * cap; the two merged here. The top SEARCH_PERSON_CAP of either list are among the first
 * SEARCH_PERSON_CAP + 1 of its own column's.
 */
async function countryPersons(db: Db, engine: Engine, country: string, status: string | undefined, denied: Denied): Promise<{ ids: string[]; capped: boolean }> {
  const read = (column: 'persons.case_country' | 'persons.country') => {
    let q = db
      .selectFrom('persons')
      .select(['persons.id', 'persons.last_news_at'])
      .where(column, '=', country)
      .where('persons.merged_into', 'is', null)
      .where(personVisible(denied))
      // NULLS LAST spelled out (PostgreSQL puts nulls first in a descending order): the indexes' order.
      .orderBy(sql`persons.last_news_at desc nulls last`)
      .orderBy('persons.id')
      .limit(SEARCH_PERSON_CAP + 1);
    if (status) q = q.where(statusOf(engine), '=', status);
    return q.execute();
  };
  const [byCase, byNationality] = await Promise.all([read('persons.case_country'), read('persons.country')]);
  const people = new Map([...byCase, ...byNationality].map((p) => [p.id, p.last_news_at]));
  const ids = [...people.keys()].sort((a, b) => {
    const x = people.get(a) ?? null;
    const y = people.get(b) ?? null;
    if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? 1 : -1;
    return a < b ? -1 : 1;
  });
  return { ids: ids.slice(0, SEARCH_PERSON_CAP), capped: ids.length > SEARCH_PERSON_CAP };
}

/** Those of `ids` (people already read and checked) whose case country or nationality is `country`, by id. */
async function personsOfCountry(db: Db, engine: Engine, ids: string[], country: string): Promise<string[]> {
  const rows = await db.selectFrom('persons').select('persons.id').where(inList(engine, 'persons.id', ids)).where((eb) => eb.or([eb('persons.case_country', '=', country), eb('persons.country', '=', country)])).execute();
  return rows.map((r) => r.id);
}

/** The status a person shows: an analyst's override when set, else the derived one. */
function statusOf(engine: Engine) {
  const override = engine === 'sqlite' ? sql<string | null>`json_extract(persons.status_override, '$.status')` : sql<string | null>`(persons.status_override::json ->> 'status')`;
  return sql<string>`coalesce(${override}, persons.status)`;
}

/** Date descending (an undated event last), then id: the order both event queries read in. */
function newestFirst(a: { id: string; date_value: string | null }, b: { id: string; date_value: string | null }): number {
  if (a.date_value !== b.date_value) return a.date_value === null ? 1 : b.date_value === null ? -1 : a.date_value < b.date_value ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The latest SEARCH_REPORT_CAP reports holding every word (and one more, which tells that there are more), newest indexed first, each with its
 * rank (lower is better: BM25 on SQLite, ts_rank negated on PostgreSQL): one read serves both the
 * events they told and the ranked report list. Whether this user may read them is asked of these
 * few after (`hiddenReports`); in the query, the denied names were a lookup of every report naming
 * a denied person. PostgreSQL ranks once the
 * latest are chosen: ts_rank in the inner query was computed (each tsvector read back) for every
 * match before the sort kept a thousand. The inner query carries each row's tsvector as it lies
 * (a pointer to its compressed chunks, read only by ts_rank) rather than looking the thousand up
 * again by id after the sort: that second lookup was a third of the query.
 */
async function wordCandidates(db: Db, engine: Engine, terms: string): Promise<{ id: string; rank: number }[]> {
  const rows =
    engine === 'sqlite'
      ? (await sql<{ id: string; rank: number }>`SELECT report_id AS id, rank FROM reports_fts WHERE reports_fts MATCH ${ftsMatch(terms)} ORDER BY rowid DESC LIMIT ${SEARCH_REPORT_CAP + 1}`.execute(db)).rows
      : await latestMatches(db, terms, SEARCH_REPORT_CAP + 1);
  return rows.map((r) => ({ id: r.id, rank: Number(r.rank) }));
}

/**
 * PostgreSQL: the latest `cap` reports holding every word, ranked (see wordCandidates). `since`
 * keeps to the reports stored from then on (see windowedMatches).
 */
export function matchesQuery(d: Db, terms: string, cap: number, since?: string) {
  let inner = d.selectFrom('reports').select(['reports.id', 'reports.created_at', sql<string>`reports.search`.as('search')]).where(reportsMatching('postgres', terms));
  if (since) inner = inner.where('reports.created_at', '>=', since);
  return d
    .selectFrom(inner.orderBy('reports.created_at', 'desc').limit(cap).as('hit'))
    .select(['hit.id', sql<number>`-ts_rank(hit.search, plainto_tsquery('simple', ${terms}))`.as('rank')])
    .orderBy('hit.created_at', 'desc');
}

/** PostgreSQL: the latest `cap` reports holding every word, ranked (see wordCandidates). */
export async function latestMatches(db: Db, terms: string, cap = SEARCH_REPORT_CAP): Promise<{ id: string; rank: number }[]> {
  const q = (d: Db, since?: string) => matchesQuery(d, terms, cap, since).execute();
  const share = db.isTransaction ? 0 : await wordShare(db, terms);
  if (share < WALK_SHARE_MIN || share >= WALK_SHARE) return q(db);
  // A word in a few percent of the reports up to a quarter: PostgreSQL walks the reports newest
  // first (reports_created) and reads each one's tsvector for the match, counting that read as
  // nothing: up to 300 ms for a word in 9% of 100,000 reports (ten thousand tsvectors read back
  // to find a thousand), where reading the matches from the text index and sorting took 15. Nor
  // a scan of the whole table, which it chose instead for a word in 23% (300 ms against 20).
  // Reading every match from the text index grows with the archive too (6,871 rows for "iv" at
  // 100,000 reports): the matches are first read among the newest reports only (windowedMatches).
  const edge = await windowEdge(db, share, cap);
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true)`.execute(tx);
    if (edge) {
      const rows = await q(tx, edge);
      if (rows.length >= cap) return rows;
    }
    return q(tx);
  });
}

/**
 * The oldest `created_at` among the newest reports that should hold `cap` matches of a word in
 * `share` of them, twice over: the latest `cap` matches are then read from the text index ANDed
 * with that range of reports_created (a BitmapAnd), about 2 × `cap` rows whatever the size of the
 * archive, rather than every match sorted. Null when the archive is smaller than the window. Read
 * from reports_created alone, in its order. The caller falls back to every match when the window holds fewer
 * than `cap` (the word was commoner in older reports): the latest `cap` are in the window whenever
 * it holds `cap`.
 */
export async function windowEdge(db: Db, share: number, cap: number): Promise<string | null> {
  const span = Math.ceil((2 * cap) / share);
  const row = await db.selectFrom('reports').select('reports.created_at').orderBy('reports.created_at', 'desc').orderBy('reports.id').offset(span).limit(1).executeTakeFirst();
  return row?.created_at ?? null;
}

/**
 * Below this share of the reports (as the planner's statistics tell it), PostgreSQL reads a word's
 * matches from the text index already; from WALK_SHARE, walking the reports newest first finds a
 * thousand matches sooner than reading every match and sorting (1,250 rows read for a word in
 * 80% of them). Between the two, the walk is kept from it (latestMatches).
 */
const WALK_SHARE_MIN = 0.02;
const WALK_SHARE = 0.25;

/** How long the words' shares read from pg_stats are used before being read again. */
const WORD_SHARES_MS = 10 * 60_000;
const wordShares = new WeakMap<Db, { at: number; shares: Map<string, number> }>();

/**
 * The share of the reports holding every word of `terms`, as ANALYZE saw it (the most common
 * lexemes of `reports.search`, their shares multiplied as the planner does): 0 for a word not
 * among them (rare), or when the table was never analysed. Read once in WORD_SHARES_MS per store.
 * The words are split here as the 'simple' configuration does for plain words; one that is split
 * otherwise (a hyphen, an apostrophe) is not found and reads as rare: only the plan depends on it.
 */
async function wordShare(db: Db, terms: string): Promise<number> {
  let known = wordShares.get(db);
  if (!known || Date.now() - known.at > WORD_SHARES_MS) {
    const row = (await sql<{ e: string[] | null; f: number[] | null }>`SELECT most_common_elems::text::text[] AS e, most_common_elem_freqs AS f FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'reports' AND attname = 'search'`.execute(db)).rows[0];
    const shares = new Map<string, number>();
    if (row?.e && row.f) row.e.forEach((w, i) => shares.set(w, Number(row.f![i])));
    wordShares.set(db, (known = { at: Date.now(), shares }));
  }
  const words = [...new Set(terms.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
  if (!words.length) return 0;
  return words.reduce((p, w) => p * (known!.shares.get(w) ?? 0), 1);
}

/**
 * The first `limit` reports of `ids` (in that order) this user may read, and only their rows:
 * whether a report names a restricted person is asked of a page's worth of ids at a time, in
 * order, and no more (a search holds up to SEARCH_REPORT_CAP candidates and shows twenty).
 */
async function firstVisible(db: Db, denied: Denied, ids: string[], limit: number): Promise<ReportListItem[]> {
  const out: ReportListItem[] = [];
  // Five pages' worth first, then each batch twice the last (up to 500): where most reports name a
  // restricted person, a thousand candidates are asked about in three or four round trips rather
  // than fifty.
  for (let i = 0, step = Math.max(5 * limit, 100); i < ids.length && out.length < limit; i += step, step = Math.min(2 * step, 500)) {
    const page = ids.slice(i, i + step);
    const hidden = await hiddenReports(db, denied, page);
    const keep = page.filter((id) => !hidden.has(id)).slice(0, limit - out.length);
    if (!keep.length) continue;
    const rows = new Map((await db.selectFrom('reports').select(LIST_COLUMNS).where('reports.id', 'in', keep).execute()).map((r) => [r.id, r]));
    for (const id of keep) if (rows.has(id)) out.push(rows.get(id)!);
  }
  return out;
}

/** The reports that told the matching events, newest first: their ids by index, then the newest readable ones. */
async function reportsOf(db: Db, engine: Engine, events: EventHit[], limit: number, denied: Denied): Promise<ReportListItem[]> {
  if (!events.length) return [];
  const told = await db.selectFrom('event_sources').select('report_id').distinct().where('case_event_id', 'in', events.map((e) => e.id)).execute();
  if (!told.length) return [];
  // Ordered through reports_id_created alone (on SQLite a row's listed columns lie after its text).
  // SQLite looks an id up in the table's own unique index unless told otherwise.
  const ids = told.map((t) => t.report_id);
  const ordered =
    engine === 'sqlite'
      ? (await sql<{ id: string }>`SELECT id FROM reports INDEXED BY reports_id_created WHERE id IN (${sql.join(ids)}) ORDER BY created_at DESC, id`.execute(db)).rows
      : await db.selectFrom('reports').select('reports.id').where('reports.id', 'in', ids).orderBy('reports.created_at', 'desc').orderBy('reports.id').execute();
  return firstVisible(db, denied, ordered.map((r) => r.id), limit);
}
