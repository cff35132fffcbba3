import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import { caseView } from './view.js';
import { deniedFor } from '../../storage/access.js';
import { raiseAlert } from '../../storage/alerts.js';
import { listCases } from '../../storage/cases.js';
import { decodeCursor, encodeCursor } from '../../storage/paging.js';
import type { Cursor } from '../../storage/paging.js';
import { createPerson } from '../../storage/persons.js';
import { insertReport } from '../../storage/reports.js';
import { listReviews } from '../../storage/reviews.js';
import { search } from '../../storage/search.js';
import type { Store } from '../../storage/store.js';
import { openStore } from '../../storage/store.js';
import { TEST_ENGINES } from '../../storage/testing.js';

const AT = '2026-11-20T09:00:00.000Z';
// Invented people: every pairing of a case country (or none) with a nationality (or none).
const CASE_COUNTRIES = ['NOR', 'KEN', null] as const;
const NATIONALITIES = ['NOR', 'PER', null] as const;
const TYPES = ['ARREST', 'CHARGE', 'RELEASE'] as const;
const EVENT_COUNTRIES = ['NOR', 'KEN', 'PER', null] as const;
// A day, a month, a year, a day on a year's edge, and no date: the precisions search's date range overlaps.
const DATES = ['2025-03-14', '2025-03', '2024', '2024-12-31', null] as const;

interface P { id: string; caseCountry: string | null; country: string | null; news: string | null }
interface E { id: string; person: P; type: string; country: string | null; date: string | null }

/** The days a date covers, first and last: a year, a month or one day. */
function span(date: string): [string, string] {
  if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
  if (date.length === 7) return [`${date}-01`, `${date}-${new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate()}`];
  return [date, date];
}

/** The plan text of a query: SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN with sequential scans priced out (tiny tables would otherwise always be read whole). */
async function plan(store: Store, q: { sql: string; parameters: readonly unknown[] }): Promise<string> {
  if (store.engine === 'sqlite') return (await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]))).rows.map((r) => r.detail).join('\n');
  return store.db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    return (await tx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${q.sql}`, [...q.parameters]))).rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

for (const engine of TEST_ENGINES) {
  describe(`facet queries on ${engine.engine}`, { skip: engine.skip }, () => {
    let store: Store;
    /** The same database, recording the SQL each call sends: the queries whose plans are checked are the real ones. */
    let spy: Store;
    const sent: { sql: string; parameters: readonly unknown[] }[] = [];
    const persons: P[] = [];
    const events: E[] = [];
    let restricted = '';
    before(async () => {
      store = await engine.open();
      let n = 0;
      await store.db.transaction().execute(async (tx) => {
        for (const caseCountry of CASE_COUNTRIES) {
          for (const country of NATIONALITIES) {
            const i = n++;
            const id = await createPerson(tx, AT, { name: `Ines Varga ${i}`, names: [`Ines Varga ${i}`] }, null);
            const news = i % 4 === 3 ? null : `2026-10-0${1 + (i % 3)}T00:00:00.000Z`;
            await tx.updateTable('persons').set({ case_country: caseCountry, country, last_news_at: news }).where('id', '=', id).execute();
            const p = { id, caseCountry, country, news };
            persons.push(p);
            for (const [k, type] of TYPES.entries()) {
              const e = { id: randomUUID(), person: p, type, country: EVENT_COUNTRIES[(i + k) % EVENT_COUNTRIES.length]!, date: DATES[(i + 2 * k) % DATES.length]! };
              await tx.insertInto('case_events').values({ id: e.id, person_id: id, type, modality: 'asserted', date_value: e.date, date_precision: e.date ? (e.date.length === 4 ? 'year' : e.date.length === 7 ? 'month' : 'day') : null, place: null, country: e.country, destination_country: null, agent: null, told_at: AT, created_at: AT, updated_at: AT }).execute();
              events.push(e);
            }
          }
        }
        // One restricted case, with a report, mentions and an alert, for the case-read path's access checks.
        restricted = persons[0]!.id;
        await tx.updateTable('persons').set({ restricted: 1, code_name: 'Heron' }).where('id', '=', restricted).execute();
        const { report } = await insertReport(tx, AT, { text: 'Ines Varga 0 was taken in for questioning.', format: 'text', source: 'paste' });
        await tx.insertInto('person_mentions').values({ id: randomUUID(), report_id: report.id, entity_id: 'e1', name: 'Ines Varga 0', person_id: persons[1]!.id, state: 'linked', candidate_id: null, score: 1, reasons: '[]', created_at: AT }).execute();
        await raiseAlert(tx, AT, persons[1]!.id, 'rule-a', { key: 'k1', kind: 'new_event', message: 'an event', eventIds: [], reportIds: [report.id], episode: null, urgent: false });
      });
      spy = await openStore({ url: (store as Store & { url: string }).url, onQuery: (text, parameters) => sent.push({ sql: text, parameters }) });
    });
    after(async () => {
      await spy?.close();
      await store?.close();
    });

    /** What `read` sent, each query's plan. */
    async function plans(read: (s: Store) => Promise<unknown>): Promise<{ sql: string; plan: string }[]> {
      sent.length = 0;
      await read(spy);
      const queries = [...sent];
      return Promise.all(queries.map(async (q) => ({ sql: q.sql, plan: await plan(store, q) })));
    }

    test('the case list by country holds the cases that show that country (case country, else nationality), in keyset pages', async () => {
      const newest = (a: P, b: P) => (a.news === b.news ? (a.id < b.id ? -1 : 1) : a.news === null ? 1 : b.news === null ? -1 : a.news < b.news ? 1 : -1);
      for (const country of ['NOR', 'KEN', 'PER']) {
        const expected = persons.filter((p) => (p.caseCountry ?? p.country) === country).sort(newest).map((p) => p.id);
        assert.ok(expected.length >= 1, 'the fixture has a case for each country');
        const got: string[] = [];
        let cursor: Cursor | undefined;
        for (;;) {
          const page = await listCases(store.db, { limit: 2, offset: 0, country, ...(cursor ? { cursor } : {}) });
          got.push(...page.map((c) => c.id));
          if (page.length < 2) break;
          cursor = decodeCursor(encodeCursor({ at: page[1]!.last_news_at, id: page[1]!.id }));
        }
        assert.deepEqual(got, expected, country);
      }
    });

    test('search by country and event type finds the events in that country or of people whose case or nationality it is', async () => {
      for (const country of ['NOR', 'KEN', 'PER']) {
        for (const type of TYPES) {
          const r = await search(store.db, store.engine, { country, type, limit: 1000 });
          const expected = events.filter((e) => e.type === type && (e.country === country || e.person.caseCountry === country || e.person.country === country));
          assert.deepEqual(r.events.map((e) => e.id).sort(), expected.map((e) => e.id).sort(), `${country} ${type}`);
          const dates = r.events.map((e) => e.date_value);
          const dated = dates.filter((d) => d !== null);
          assert.deepEqual(dated, [...dated].sort().reverse(), 'newest first');
          assert.deepEqual(dates.slice(dated.length), dates.filter((d) => d === null), 'undated last');
          assert.equal(Object.values(r.facets.type).reduce((a, b) => a + b, 0), expected.length, 'the type facet counts every match once');
        }
      }
    });

    test('search by a date range finds every event whose day, month or year overlaps it, alone and with a country', async () => {
      const ranges: [string, string][] = [['2025-03-14', '2025-03-14'], ['2025-03-20', '2025-12-31'], ['2024-06-01', '2024-06-30'], ['2025-01-01', '2025-02-28'], ['2024-12-31', '2025-01-01']];
      for (const [from, to] of ranges) {
        for (const country of [undefined, 'KEN']) {
          const r = await search(store.db, store.engine, { from, to, limit: 1000, ...(country ? { country } : {}) });
          const expected = events.filter((e) => e.date && span(e.date)[0] <= to && span(e.date)[1] >= from && (!country || e.country === country || e.person.caseCountry === country || e.person.country === country));
          assert.deepEqual(r.events.map((e) => e.id).sort(), expected.map((e) => e.id).sort(), `${from}..${to} ${country ?? ''}`);
        }
      }
    });

    test('the facet queries are read through their indexes', async () => {
      const list = await plans((s) => listCases(s.db, { limit: 50, offset: 0, country: 'NOR' }));
      const cases = list.find((q) => /from "persons"/i.test(q.sql))!;
      assert.match(cases.plan, /persons_shown_country/, cases.plan);
      if (store.engine === 'sqlite') assert.doesNotMatch(cases.plan, /TEMP B-TREE FOR ORDER BY/, 'the index gives the list its order');
      const found = await plans((s) => search(s.db, s.engine, { country: 'NOR', type: 'ARREST', limit: 20 }));
      const byEventCountry = found.find((q) => /"case_events"\."country" = /.test(q.sql))!;
      assert.match(byEventCountry.plan, /case_events_type_country/, byEventCountry.plan);
      // The people whose case country or nationality it is are read first, each column in news
      // order from its index and stopped at the cap, then their events by person.
      const people = found.filter((q) => /from "persons"/i.test(q.sql) && /order by persons\.last_news_at/i.test(q.sql));
      assert.equal(people.length, 2, 'one query per column');
      const peoplePlans = people.map((q) => q.plan).join('\n');
      assert.match(peoplePlans, /persons_case_country_news[\s\S]*persons_country_news|persons_country_news[\s\S]*persons_case_country_news/, peoplePlans);
      if (store.engine === 'sqlite') assert.doesNotMatch(peoplePlans, /TEMP B-TREE FOR ORDER BY/, 'the indexes give the people their order');
      const byPeople = found.find((q) => /"case_events"\."person_id" (in|= any)/i.test(q.sql))!;
      assert.doesNotMatch(byPeople.plan, store.engine === 'sqlite' ? /\bSCAN case_events\b(?! USING)/ : /Seq Scan/, byPeople.plan);
      // Not every event of the type (case_events_type) read for these people's.
      assert.match(byPeople.plan, /case_events_person/, byPeople.plan);
      assert.doesNotMatch(byPeople.plan, /case_events_type/, byPeople.plan);
    });

    test('the queue of possible matches pages by cursor, oldest first, through its index, without a restricted candidate', async () => {
      const at = (i: number) => `2026-11-0${1 + Math.floor(i / 3)}T00:00:00.000Z`; // three share each time: ties the id breaks
      const { report } = await store.db.transaction().execute((tx) => insertReport(tx, AT, { text: 'A note about a name seen twice.', format: 'text', source: 'paste' }));
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) {
        const id = randomUUID();
        // The last one's candidate is the restricted case: a non-member never sees it.
        await store.db.insertInto('person_mentions').values({ id, report_id: report.id, entity_id: `r${i}`, name: `Oskar Lind ${i}`, person_id: persons[2 + (i % 3)]!.id, state: 'review', candidate_id: i === 7 ? restricted : persons[5]!.id, score: 0.5, reasons: '[]', created_at: at(i) }).execute();
        if (i !== 7) ids.push(id);
      }
      const denied = await deniedFor(store.db, 'someone');
      const expected = ids.map((id, i) => ({ id, at: at(i) })).sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1)).map((r) => r.id);
      const got: string[] = [];
      let cursor: Cursor | undefined;
      for (;;) {
        const page = await listReviews(store.db, { limit: 3, denied, ...(cursor ? { cursor } : {}) });
        got.push(...page.map((r) => r.id));
        if (page.length < 3) break;
        cursor = decodeCursor(encodeCursor({ at: page[2]!.created_at, id: page[2]!.id }));
      }
      assert.deepEqual(got, expected);
      assert.equal((await listReviews(store.db, { limit: 50 })).length, 8, 'a member of every case sees the eighth');
      const read = await plans((s) => listReviews(s.db, { limit: 3, denied, cursor: { at: at(3), id: ids[3]! } }));
      assert.match(read[0]!.plan, /person_mentions_review/, read[0]!.plan);
    });

    test('a case read by a user outside a restricted case scans no table for access, alerts or mentions', async () => {
      const denied = await deniedFor(store.db, 'someone');
      assert.deepEqual(denied.persons, [restricted]);
      const read = await plans(async (s) => {
        await deniedFor(s.db, 'someone');
        await caseView(s.db, persons[1]!.id, denied);
      });
      assert.ok(read.some((q) => /"alerts"/.test(q.sql)) && read.some((q) => /"restricted" = /.test(q.sql)), 'the reads checked are the ones sent');
      for (const q of read) {
        const scans = store.engine === 'sqlite' ? /\bSCAN (persons|alerts|person_mentions|case_members)\b(?! USING (COVERING )?INDEX)/ : /Seq Scan on (persons|alerts|person_mentions|case_members)\b/;
        assert.doesNotMatch(q.plan, scans, `${q.sql}\n${q.plan}`);
      }
    });
  });
}
