import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import type { AlertCandidate } from '../cases/alerts.js';
import { acknowledgeAlerts, alertsOfRule, appendFold, latestNews, listAlerts, raiseAlert } from './alerts.js';
import { alertRaising } from './migrations/021-alert-raising.js';
import { createPerson } from './persons.js';
import type { Store } from './store.js';
import { migrate } from './store.js';
import { TEST_ENGINES } from './testing.js';

// raiseAlert applying decideAlert (cases/alerts.ts) on both engines: fold, raise again, attach,
// raise; the key and folded_keys keep each candidate single; all in the caller's transaction.
// Invented people; every instant is given, never the clock's.
const at = (h: number) => new Date(Date.parse('2026-11-20T09:00:00.000Z') + h * 3_600_000).toISOString();

const candidate = (over: Partial<AlertCandidate> & Pick<AlertCandidate, 'key'>): AlertCandidate => ({
  kind: 'new_event',
  message: `Rule "new disappearance": ${over.key}`,
  eventIds: [],
  reportIds: [],
  episode: 'ep-1',
  urgent: true,
  status: 'whereabouts_unknown',
  ...over,
});

describe('folding the alert text', () => {
  test('appended while it fits; past the limit the middle goes, never the newest', () => {
    assert.equal(appendFold('first', 'second'), 'first · also: second');
    const long = appendFold('a'.repeat(3990), 'Rule "no confirmation of whereabouts for 24 h": 25 hours');
    assert.equal(long.length, 4000);
    assert.ok(long.endsWith(' · also: Rule "no confirmation of whereabouts for 24 h": 25 hours'), long.slice(-80));
    assert.equal(latestNews(long), 'Rule "no confirmation of whereabouts for 24 h": 25 hours');
    assert.equal(latestNews('only one'), 'only one');
  });
});

for (const engine of TEST_ENGINES) {
  describe(`raising alerts on ${engine.engine}`, { skip: engine.skip }, () => {
    const opened: Store[] = [];
    after(async () => {
      for (const s of opened) await s.close();
    });
    const fresh = async (names = ['Orla Venn']) => {
      const store = await engine.open(() => new Date('2000-01-01T00:00:00Z'));
      opened.push(store);
      const ids = await store.db.transaction().execute(async (tx) => {
        const out: string[] = [];
        for (const name of names) out.push(await createPerson(tx, at(0), { name, names: [] }, null));
        return out;
      });
      return { store, ids };
    };
    const raise = (store: Store, h: number, personId: string, ruleId: string, c: AlertCandidate) => store.db.transaction().execute((tx) => raiseAlert(tx, at(h), personId, ruleId, c));
    const rows = (store: Store, personId: string) => store.db.selectFrom('alerts').selectAll().where('person_id', '=', personId).orderBy('created_at').orderBy('id').execute();
    const cited = async (store: Store, alertId: string) => (await store.db.selectFrom('alert_reports').select('report_id').where('alert_id', '=', alertId).orderBy('report_id').execute()).map((r) => r.report_id);

    test('an urgent candidate folded into the open alert raises it again: urgent, risen in the list, the rule that did it', async () => {
      const { store, ids } = await fresh(['Orla Venn', 'Bram Istel']);
      const [orla, bram] = ids as [string, string];
      const first = await raise(store, 0, orla, 'rule-news', candidate({ key: 'news:1', urgent: false, status: 'whereabouts_unknown', reportIds: ['r1'] }));
      assert.deepEqual([first?.action, first?.notify], ['raise', false], 'from a backfill: listed, not told');
      await raise(store, 10, bram, 'rule-news', candidate({ key: 'news:bram', episode: 'ep-bram' }));
      const timedOut = await raise(store, 25, orla, 'rule-clock', candidate({ key: 'clock:1', kind: 'whereabouts_unknown', message: 'Rule "no confirmation of whereabouts for 24 h": 25 hours', reportIds: ['r1', 'r2'] }));
      assert.deepEqual([timedOut?.action, timedOut?.notify], ['fold', true]);
      const [row, ...none] = await rows(store, orla);
      assert.equal(none.length, 0, 'one open alert for the episode');
      assert.deepEqual(
        [row!.urgent, row!.created_at, row!.raised_at, row!.raised_by, row!.rule_id, row!.status],
        [1, at(0), at(25), 'rule-clock', 'rule-news', 'whereabouts_unknown'],
      );
      assert.equal(row!.message, 'Rule "new disappearance": news:1 · also: Rule "no confirmation of whereabouts for 24 h": 25 hours');
      assert.deepEqual(JSON.parse(row!.folded_keys), ['clock:1']);
      assert.deepEqual(JSON.parse(row!.report_ids), ['r1', 'r2']);
      assert.deepEqual(await cited(store, row!.id), ['r1', 'r2']);
      assert.deepEqual(timedOut!.row, row, 'the row returned is the row stored');
      const listed = await listAlerts(store.db, { open: true, limit: 10, offset: 0 });
      assert.deepEqual(listed.map((a) => a.person_id), [orla, bram], 'raised again at hour 25: above the alert raised at hour 10');
      const page = await listAlerts(store.db, { limit: 1, offset: 0, cursor: { at: at(25), id: row!.id } });
      assert.deepEqual(page.map((a) => a.person_id), [bram], 'the keyset cursor follows the raised order');
      assert.equal(await raise(store, 26, orla, 'rule-clock', candidate({ key: 'clock:1', kind: 'whereabouts_unknown' })), null, 'a repeat of a folded key');
      // a backfill folds quietly: nothing moves
      const quiet = await raise(store, 30, orla, 'rule-news', candidate({ key: 'news:old', urgent: false }));
      assert.deepEqual([quiet?.action, quiet?.notify, quiet?.row.raised_at], ['fold', false, at(25)]);
      // the digest of the rule that raised it again lists it on that day; the first rule's on its own
      assert.deepEqual((await alertsOfRule(store.db, 'rule-clock', at(15), at(39))).map((a) => a.id), [row!.id]);
      assert.deepEqual((await alertsOfRule(store.db, 'rule-news', at(-1), at(1))).map((a) => a.id), [row!.id]);
      assert.deepEqual((await alertsOfRule(store.db, 'rule-news', at(15), at(39))).map((a) => a.person_id), [], 'not raised by rule-news that day');
    });

    test('acknowledged: a lesser fact of the episode is attached without reopening it; a clock run out since, or worse news, is a new alert', async () => {
      const { store, ids } = await fresh();
      const [orla] = ids as [string];
      const first = await raise(store, 0, orla, 'rule-news', candidate({ key: 'news:gone', status: 'whereabouts_unknown', reportIds: ['r1'] }));
      await store.db.transaction().execute((tx) => acknowledgeAlerts(tx, at(2), 'desk', [first!.row.id]));
      const retold = await raise(store, 48, orla, 'rule-news', candidate({ key: 'news:abducted', message: 'Rule "new abduction": abducted', status: 'whereabouts_unknown', reportIds: ['r2'], eventIds: ['ev-abduction'] }));
      assert.deepEqual([retold?.action, retold?.notify, retold?.row.id], ['attach', false, first!.row.id]);
      const [row, ...none] = await rows(store, orla);
      assert.equal(none.length, 0);
      assert.deepEqual([row!.acknowledged_at, row!.acknowledged_by, row!.raised_at, row!.urgent], [at(2), 'desk', at(0), 1], 'still acknowledged, not risen');
      assert.match(row!.message, /also: Rule "new abduction"/);
      assert.deepEqual(JSON.parse(row!.event_ids), ['ev-abduction']);
      assert.deepEqual(await cited(store, row!.id), ['r1', 'r2'], 'the second report is evidence of the acknowledged alert');
      assert.equal(await raise(store, 49, orla, 'rule-news', candidate({ key: 'news:abducted' })), null, 'an attached key is a repeat');
      assert.equal((await listAlerts(store.db, { open: true, limit: 10, offset: 0 })).length, 0, 'nothing reopened');
      // the clock running out after the acknowledgement is news of its own
      const clock = await raise(store, 50, orla, 'rule-clock', candidate({ key: 'clock:ep-1', kind: 'whereabouts_unknown', status: 'whereabouts_unknown' }));
      assert.deepEqual([clock?.action, clock?.notify], ['raise', true]);
      // and what follows folds into that open one
      const found = await raise(store, 51, orla, 'rule-news', candidate({ key: 'news:found', status: 'detained' }));
      assert.deepEqual([found?.action, found?.row.id], ['fold', clock!.row.id]);
      await store.db.transaction().execute((tx) => acknowledgeAlerts(tx, at(52), 'desk', [clock!.row.id]));
      // the newest acknowledged one is the one compared with: found in custody (detained), then lost again
      const lost = await raise(store, 60, orla, 'rule-news', candidate({ key: 'news:lost-again', status: 'whereabouts_unknown' }));
      assert.deepEqual([lost?.action, lost?.notify], ['raise', true], 'held, then nobody knows where: worse than what was acknowledged');
      const told = (await rows(store, orla)).find((a) => a.id === clock!.row.id);
      assert.equal(told?.status, 'detained', 'the status the alert last told');
      assert.equal((await rows(store, orla)).length, 3);
    });

    test('outside an episode an acknowledged alert takes nothing; an alert from before 021 (no status) is raised over as before', async () => {
      const { store, ids } = await fresh();
      const [orla] = ids as [string];
      const a = await raise(store, 0, orla, 'rule-news', candidate({ key: 'charge:1', episode: null, status: 'charged' }));
      await store.db.transaction().execute((tx) => acknowledgeAlerts(tx, at(1), 'desk', [a!.row.id]));
      assert.equal((await raise(store, 2, orla, 'rule-news', candidate({ key: 'charge:2', episode: null, status: 'charged' })))?.action, 'raise');
      const legacy = await raise(store, 3, orla, 'rule-news', candidate({ key: 'legacy', episode: 'ep-old' }));
      await store.db.updateTable('alerts').set({ status: null, acknowledged_at: at(4), acknowledged_by: 'desk' }).where('id', '=', legacy!.row.id).execute();
      assert.equal((await raise(store, 5, orla, 'rule-news', candidate({ key: 'legacy:2', episode: 'ep-old' })))?.action, 'raise');
    });

    test("in the caller's transaction: a fold rolled back leaves the alert as it was, and the key free", async () => {
      const { store, ids } = await fresh();
      const [orla] = ids as [string];
      const first = await raise(store, 0, orla, 'rule-news', candidate({ key: 'news:1', reportIds: ['r1'] }));
      const before = await rows(store, orla);
      await assert.rejects(
        store.db.transaction().execute(async (tx) => {
          assert.equal((await raiseAlert(tx, at(25), orla, 'rule-clock', candidate({ key: 'clock:1', kind: 'whereabouts_unknown', reportIds: ['r2'] })))?.action, 'fold');
          throw new Error('rolled back');
        }),
        /rolled back/,
      );
      assert.deepEqual(await rows(store, orla), before);
      assert.deepEqual(await cited(store, first!.row.id), ['r1']);
      assert.equal((await raise(store, 26, orla, 'rule-clock', candidate({ key: 'clock:1', kind: 'whereabouts_unknown' })))?.action, 'fold', 'the key was never taken');
    });

    test('the lists in raised order are read through their indexes, without a sort', async () => {
      const { store, ids } = await fresh();
      for (let i = 0; i < 5; i++) await raise(store, i, ids[0]!, 'rule-news', candidate({ key: `k${i}`, episode: `ep-${i}` }));
      const all = store.db.selectFrom('alerts').selectAll().orderBy('raised_at', 'desc').orderBy('id').limit(50).compile();
      const open = store.db.selectFrom('alerts').selectAll().where('acknowledged_at', 'is', null).orderBy('raised_at', 'desc').orderBy('id').limit(50).compile();
      for (const [q, index] of [
        [all, /alerts_raised/],
        [open, /alerts_open_raised/],
      ] as const) {
        const plan = await explain(store, q);
        assert.match(plan, index, plan);
        assert.doesNotMatch(plan, /TEMP B-TREE|Sort/, plan);
      }
    });

    test('migration 021 on alerts stored before it: last raised when created, no status, the list in the same order', async () => {
      const { store, ids } = await fresh(['Orla Venn', 'Bram Istel']);
      const [orla, bram] = ids as [string, string];
      await raise(store, 0, orla, 'rule-news', candidate({ key: 'k-orla' }));
      await raise(store, 5, bram, 'rule-news', candidate({ key: 'k-bram', episode: 'ep-bram' }));
      await alertRaising().down!(store.db);
      await sql`DELETE FROM kysely_migration WHERE name = '021-alert-raising'`.execute(store.db);
      assert.deepEqual(await migrate(store), ['021-alert-raising']);
      const after = await store.db.selectFrom('alerts').select(['person_id', 'created_at', 'raised_at', 'raised_by', 'status']).orderBy('created_at').execute();
      assert.deepEqual(after, [
        { person_id: orla, created_at: at(0), raised_at: at(0), raised_by: null, status: null },
        { person_id: bram, created_at: at(5), raised_at: at(5), raised_by: null, status: null },
      ]);
      assert.deepEqual((await listAlerts(store.db, { open: true, limit: 10, offset: 0 })).map((a) => a.person_id), [bram, orla]);
    });
  });
}

/** The plan of a query: SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN with sequential scans priced out (tiny tables would otherwise be read whole). */
async function explain(store: Store, q: { sql: string; parameters: readonly unknown[] }): Promise<string> {
  if (store.engine === 'sqlite') return (await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]))).rows.map((r) => r.detail).join('\n');
  return store.db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    return (await tx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${q.sql}`, [...q.parameters]))).rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}
