import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, describe, test } from 'node:test';
import { Worker as Thread } from 'node:worker_threads';
import { CompiledQuery, sql } from 'kysely';
import { createRule, listAlerts, listRules, updateRule } from '../storage/alerts.js';
import { addWhereabouts } from '../storage/casework.js';
import { addFeed, lockDueFeeds } from '../storage/feeds.js';
import { createPerson } from '../storage/persons.js';
import { claimDueCases, dueCases, dueCasesQuery, stillClaimed } from '../storage/review.js';
import { alertRaising } from '../storage/migrations/021-alert-raising.js';
import type { Store } from '../storage/store.js';
import { migrate, openStore } from '../storage/store.js';
import { TEST_ENGINES, manualClock, watchNames } from '../storage/testing.js';
import { mergePersons } from './persons.js';
import { CLAIM_MS, SCHEDULER_BATCH, nextPassIn, queueDigest, schedulerTick } from './scheduler.js';
import { trackInvented } from './testing.js';
import type { Drained, ThreadResult, ThreadTask } from './testing-thread.js';

// The scheduler's next-due index (issue #36): a pass evaluates only the cases whose time rules
// could fire by now. Never the real clock: each test moves its store's. Invented people.
const T0 = '2026-11-25T08:00:00.000Z';
const H = 3_600_000;
const hour = (h: number, ms = 0) => new Date(Date.parse(T0) + h * H + ms).toISOString();

/** An arrest no report places: detained, place not stated — "no confirmation of whereabouts" can fire. */
const arrest = (name: string) => ({
  text: `Police detained the unionist ${name} in Karsvik on Tuesday.`,
  published: '2026-11-25',
  people: [name],
  places: [{ name: 'Karsvik', country: 'KRS' }],
  events: [{ type: 'ARREST' as const, trigger: 'detained', target: name, date: '2026-11-24', place: 'Karsvik' }],
});
const release = (name: string) => ({
  text: `Karsvik police released ${name} without charge.`,
  published: '2026-11-25',
  people: [name],
  events: [{ type: 'RELEASE' as const, trigger: 'released', target: name, date: '2026-11-25' }],
});

for (const engine of TEST_ENGINES) {
  describe(`the scheduler's next-due index on ${engine.engine}`, { skip: engine.skip }, () => {
    const opened: Store[] = [];
    after(async () => {
      for (const s of opened) await s.close();
    });
    /** A fresh database at T0 with the one rule given (no default rules: their alerts would fold into each other). */
    const fresh = async (names: string[], rule: Parameters<typeof createRule>[2] = { kind: 'whereabouts_unknown', hours: 24 }) => {
      const clock = manualClock(T0);
      const store = await engine.open(clock.now);
      opened.push(store);
      await watchNames(store, names);
      await store.db.transaction().execute((tx) => createRule(tx, T0, rule));
      return { store, clock };
    };
    const row = (store: Store, name: string) => store.db.selectFrom('persons').selectAll().where('name', '=', name).where('merged_into', 'is', null).executeTakeFirstOrThrow();

    test('a case whose rule fires after 24 h is not evaluated at hour 1, is at hour 25 with exactly one alert, and not again', async () => {
      const { store, clock } = await fresh(['Mira Tolvane']);
      await trackInvented(store, arrest('Mira Tolvane'));
      const p = await row(store, 'Mira Tolvane');
      assert.equal(p.status, 'detained');
      assert.equal(p.review_due_at, hour(24, 1), 'due the first millisecond past 24 hours after the report was read');
      clock.set(hour(1));
      assert.deepEqual(await schedulerTick(store), { feeds: 0, cases: 0, alerts: 0, digests: 0 }, 'not selected at hour 1');
      assert.equal((await row(store, 'Mira Tolvane')).updated_at, p.updated_at);
      clock.set(hour(25));
      assert.deepEqual(await schedulerTick(store), { feeds: 0, cases: 1, alerts: 1, digests: 0 });
      const alerts = await listAlerts(store.db, { personId: p.id, limit: 10, offset: 0 });
      assert.deepEqual(alerts.map((a) => a.kind), ['whereabouts_unknown']);
      assert.equal((await row(store, 'Mira Tolvane')).review_due_at, null, 'the only time rule fired for this episode: nothing due');
      clock.set(hour(200));
      assert.deepEqual(await schedulerTick(store), { feeds: 0, cases: 0, alerts: 0, digests: 0 });
      assert.equal((await listAlerts(store.db, { personId: p.id, limit: 10, offset: 0 })).length, 1);
    });

    test('a released case is never due; a new report sets the due time again in its own transaction', async () => {
      const { store, clock } = await fresh(['Ansel Brun']);
      await trackInvented(store, arrest('Ansel Brun'));
      clock.set(hour(2));
      await trackInvented(store, release('Ansel Brun'));
      const p = await row(store, 'Ansel Brun');
      assert.deepEqual([p.status, p.review_due_at], ['released', null]);
      clock.set(hour(30));
      assert.equal((await schedulerTick(store)).cases, 0);
    });

    test('adding an alert rule makes every watched case due in its transaction; a rolled-back one changes nothing', async () => {
      const { store, clock } = await fresh(['Teodor Vask', 'Ilse Marn']);
      await trackInvented(store, arrest('Teodor Vask'));
      await trackInvented(store, arrest('Ilse Marn'));
      await trackInvented(store, release('Ilse Marn'));
      clock.set(hour(1));
      await assert.rejects(
        store.db.transaction().execute(async (tx) => {
          await createRule(tx, hour(1), { kind: 'proof_of_life', hours: 2 });
          throw new Error('rolled back');
        }),
        /rolled back/,
      );
      assert.equal((await row(store, 'Teodor Vask')).review_due_at, hour(24, 1));
      await store.db.transaction().execute((tx) => createRule(tx, hour(1), { kind: 'proof_of_life', hours: 2 }));
      assert.equal((await row(store, 'Teodor Vask')).review_due_at, hour(1), 'due now');
      assert.equal((await row(store, 'Ilse Marn')).review_due_at, null, 'released: no time rule can fire');
      assert.deepEqual(await schedulerTick(store), { feeds: 0, cases: 1, alerts: 0, digests: 0 });
      assert.equal((await row(store, 'Teodor Vask')).review_due_at, hour(2, 1), 'the new rule runs out first');
      clock.set(hour(3));
      assert.deepEqual(await schedulerTick(store), { feeds: 0, cases: 1, alerts: 1, digests: 0 });
      assert.equal((await row(store, 'Teodor Vask')).review_due_at, hour(24, 1), 'then the whereabouts rule');
    });

    test('a disabled rule raises nothing on the next pass; enabled again, it makes the case due in its transaction and fires', async () => {
      const { store, clock } = await fresh(['Oren Dalvik']);
      const [rule] = await listRules(store.db);
      await trackInvented(store, arrest('Oren Dalvik'));
      clock.set(hour(1));
      await store.db.transaction().execute((tx) => updateRule(tx, hour(1), rule!.id, { enabled: false }));
      clock.set(hour(25));
      assert.deepEqual(await schedulerTick(store), { feeds: 0, cases: 1, alerts: 0, digests: 0 }, 'the case came due and was evaluated, with no rule enabled');
      assert.equal((await row(store, 'Oren Dalvik')).review_due_at, null, 'no enabled rule can fire');
      assert.deepEqual(await listAlerts(store.db, { limit: 10, offset: 0 }), []);
      clock.set(hour(26));
      await store.db.transaction().execute((tx) => updateRule(tx, hour(26), rule!.id, { enabled: true }));
      assert.equal((await row(store, 'Oren Dalvik')).review_due_at, hour(26), 'enabled: due now');
      assert.deepEqual(await schedulerTick(store), { feeds: 0, cases: 1, alerts: 1, digests: 0 });
      // New hours for a rule left enabled make the watched cases due too (the old hours set their times).
      await store.db.transaction().execute((tx) => updateRule(tx, hour(27), rule!.id, { rule: { kind: 'whereabouts_unknown', hours: 48 } }));
      assert.equal((await row(store, 'Oren Dalvik')).review_due_at, hour(27));
    });

    test("a whereabouts entry makes the case due; the analyst's confirmation then pushes the rule later", async () => {
      const { store, clock } = await fresh(['Suli Marrow']);
      await trackInvented(store, arrest('Suli Marrow'));
      const p = await row(store, 'Suli Marrow');
      clock.set(hour(10));
      await store.db.transaction().execute((tx) =>
        addWhereabouts(tx, { person_id: p.id, state: 'known', place: 'Karsvik central police station', confirmed_at: hour(10), confirmed_by: 'her lawyer', source_kind: 'lawyer', proof_of_life: 0, report_id: null, note: null, recorded_by: 'test', recorded_at: hour(10) }),
      );
      assert.equal((await row(store, 'Suli Marrow')).review_due_at, hour(10));
      assert.equal((await schedulerTick(store)).cases, 1);
      assert.equal((await row(store, 'Suli Marrow')).review_due_at, hour(34, 1), '24 hours from the confirmation');
      clock.set(hour(25));
      assert.equal((await schedulerTick(store)).cases, 0);
      clock.set(hour(35));
      assert.deepEqual(await schedulerTick(store), { feeds: 0, cases: 1, alerts: 1, digests: 0 });
    });

    test('a merged record is due no more; the case it went into is evaluated with the merge', async () => {
      const { store } = await fresh(['Oren Vail', 'Dara Quill']);
      await trackInvented(store, arrest('Oren Vail'));
      await trackInvented(store, arrest('Dara Quill'));
      const [into, from] = [await row(store, 'Oren Vail'), await row(store, 'Dara Quill')];
      assert.ok(from.review_due_at);
      await store.db.transaction().execute((tx) => mergePersons(tx, hour(0), 'test', into.id, from.id));
      const merged = await store.db.selectFrom('persons').select(['merged_into', 'review_due_at']).where('id', '=', from.id).executeTakeFirstOrThrow();
      assert.deepEqual(merged, { merged_into: into.id, review_due_at: null });
      assert.deepEqual(await dueCases(store.db, hour(100), 10), [into.id]);
    });

    test('at most SCHEDULER_BATCH cases a pass, the longest due first, read through the partial index without a sort', async () => {
      const { store, clock } = await fresh([]);
      const ids: string[] = [];
      await store.db.transaction().execute(async (tx) => {
        for (let i = 0; i < SCHEDULER_BATCH + 3; i++) {
          const id = await createPerson(tx, T0, { name: `Invented Person ${i}`, names: [] }, null);
          // due one second apart, the last created the longest due
          await tx.updateTable('persons').set({ status: 'detained', review_due_at: new Date(Date.parse(T0) - (i + 1) * 1000).toISOString() }).where('id', '=', id).execute();
          ids.push(id);
        }
      });
      // The claim's read (claimDueCases), with its row locks on PostgreSQL: Limit over LockRows over the index.
      const query = dueCasesQuery(store.db, T0, SCHEDULER_BATCH).$if(store.engine === 'postgres', (q) => q.forUpdate().skipLocked()).compile();
      const plan = await explain(store, query);
      assert.match(plan, /persons_review_due/, plan);
      assert.doesNotMatch(plan, /TEMP B-TREE|Sort/, plan);
      // The event loop turns between cases (SQLite's driver never yields by itself): counted by a
      // callback that sets itself up again on every turn while the pass runs.
      let turns = 0;
      let running = true;
      const spin = () => running && (turns++, setImmediate(spin));
      setImmediate(spin);
      const pass = await schedulerTick(store);
      running = false;
      assert.equal(pass.cases, SCHEDULER_BATCH);
      assert.ok(turns >= SCHEDULER_BATCH, `${turns} turns of the event loop during a pass of ${SCHEDULER_BATCH} cases`);
      // the three left are the three due last (created first)
      assert.deepEqual(new Set(await dueCases(store.db, T0, 10)), new Set(ids.slice(0, 3)));
      clock.set(hour(1));
      assert.equal((await schedulerTick(store)).cases, 3);
      assert.equal((await schedulerTick(store)).cases, 0);
    });

    test('a case that cannot be evaluated is tried again later and does not hold up the ones due after it', async () => {
      const { store } = await fresh(['Rhea Koss', 'Lior Paz']);
      await trackInvented(store, arrest('Rhea Koss'));
      await trackInvented(store, arrest('Lior Paz'));
      const [broken, sound] = [await row(store, 'Rhea Koss'), await row(store, 'Lior Paz')];
      await store.db.updateTable('persons').set({ status_override: '{not json', review_due_at: hour(-2) }).where('id', '=', broken.id).execute();
      await store.db.updateTable('persons').set({ review_due_at: hour(-1) }).where('id', '=', sound.id).execute();
      await assert.rejects(schedulerTick(store), /1 of 2 due cases could not be evaluated, tried again in 10 minutes/);
      assert.equal((await row(store, 'Rhea Koss')).review_due_at, hour(0, 10 * 60_000));
      assert.equal((await row(store, 'Lior Paz')).review_due_at, hour(24, 1));
    });

    test('migrating a database from before the index makes every watched case due, and nothing else', async () => {
      const { store } = await fresh(['Held Person', 'Freed Person', 'Overridden Person', 'Merged Person']);
      for (const name of ['Held Person', 'Overridden Person', 'Merged Person']) await trackInvented(store, arrest(name));
      await trackInvented(store, release('Freed Person'));
      await trackInvented(store, release('Overridden Person'));
      const held = await row(store, 'Held Person');
      const freed = await row(store, 'Freed Person');
      const overridden = await row(store, 'Overridden Person');
      const merged = await row(store, 'Merged Person');
      await store.db.updateTable('persons').set({ status_override: JSON.stringify({ status: 'detained', reason: 'held again, says the family', by: 'test', at: T0 }) }).where('id', '=', overridden.id).execute();
      await store.db.updateTable('persons').set({ merged_into: held.id }).where('id', '=', merged.id).execute();
      // Back to the schema before migration 020 (and the later ones), then migrated as a server does when it opens.
      await alertRaising().down!(store.db);
      await sql`DELETE FROM kysely_migration WHERE name = '021-alert-raising'`.execute(store.db);
      await sql`DROP INDEX persons_review_due`.execute(store.db);
      await sql`ALTER TABLE persons DROP COLUMN review_due_at`.execute(store.db);
      await sql`DELETE FROM kysely_migration WHERE name = '020-review-due'`.execute(store.db);
      assert.deepEqual(await migrate(store), ['020-review-due', '021-alert-raising']);
      const due = new Map((await store.db.selectFrom('persons').select(['id', 'review_due_at']).execute()).map((r) => [r.id, r.review_due_at]));
      assert.equal(due.get(held.id), '1970-01-01T00:00:00.000Z', 'held: due whatever the clock');
      assert.equal(due.get(overridden.id), '1970-01-01T00:00:00.000Z', "an analyst's status: due");
      assert.equal(due.get(freed.id), null);
      assert.equal(due.get(merged.id), null, 'merged: never evaluated');
      // The first pass evaluates both and gives each its own time.
      assert.deepEqual(await schedulerTick(store), { feeds: 0, cases: 2, alerts: 0, digests: 0 });
      assert.equal((await row(store, 'Held Person')).review_due_at, hour(24, 1));
    });
  });
}

// Several `vigil serve` processes on one database, each running the scheduler and a job worker:
// each due case evaluated once, each feed poll and digest queued once, each delivery sent once.
// Two at once run in threads of their own (testing-thread.ts), as two processes would: whether and
// how they overlap is up to the machine, and what is asserted holds however they interleave. The
// other tests take turns on two Stores in this thread (at once only on PostgreSQL, whose driver
// does not block the thread).
const FIRSTS = ['Mira', 'Ansel', 'Ilse', 'Teodor', 'Suli', 'Oren', 'Dara', 'Rhea'];
const LASTS = ['Tolvane', 'Brunsk', 'Marnow', 'Vaskel', 'Quillan', 'Korrin'];
/** Distinct invented names, none a part of another. */
const inventedNames = (n: number) => Array.from({ length: n }, (_, i) => `${FIRSTS[i % FIRSTS.length]} ${LASTS[Math.floor(i / FIRSTS.length)]}`);

/** Runs each task in a thread of its own, all started together once each has opened its database; their results in order. */
async function together(tasks: ThreadTask[]): Promise<ThreadResult[]> {
  const threads = tasks.map((t) => new Thread(new URL('./testing-thread.js', import.meta.url), { workerData: t }));
  const exited = threads.map((t) => once(t, 'exit'));
  const next = (t: Thread) => Promise.race([once(t, 'message').then(([m]) => m as { ready?: true; result?: ThreadResult; error?: string }), once(t, 'error').then(([e]) => Promise.reject(e as Error))]);
  await Promise.all(threads.map(next));
  const answers = threads.map(next);
  for (const t of threads) t.postMessage('go');
  const got = await Promise.all(answers);
  await Promise.all(exited);
  return got.map((m) => {
    if (m.error !== undefined || !m.result) throw new Error(`a thread failed: ${m.error}`);
    return m.result;
  });
}

for (const engine of TEST_ENGINES) {
  describe(`several schedulers on one ${engine.engine} database`, { skip: engine.skip }, () => {
    const opened: Store[] = [];
    after(async () => {
      for (const s of opened) await s.close();
    });
    const DIGEST_DAY = '2026-11-25';
    /** A fresh database at T0: the cases of `names` arrested (their rule fires at hour 24, delivered by webhook, with a daily digest), a feed due. */
    const shared = async (names: string[]) => {
      const clock = manualClock(T0);
      const store = await engine.open(clock.now);
      await watchNames(store, names);
      const rule = await store.db.transaction().execute((tx) => createRule(tx, T0, { kind: 'whereabouts_unknown', hours: 24 }, { webhook: { url: 'https://hooks.vigil.test/alerts', secret: 'invented' }, email: ['desk@vigil.test'], digest: 'daily' }));
      for (const name of names) await trackInvented(store, arrest(name));
      const { feed } = await store.db.transaction().execute((tx) => addFeed(tx, T0, 'https://news.vigil.test/feed.xml', 30));
      // Another process's handle on the same database, with the same clock; closed before the database is dropped.
      const other = await openStore({ url: store.url, migrate: false, now: clock.now });
      opened.unshift(other);
      opened.push(store);
      return { store, other, clock, rule, feed };
    };
    const jobsOf = (store: Store, kind: string) => store.db.selectFrom('jobs').select(['payload', 'key']).where('kind', '=', kind).orderBy('key').execute();

    test('two schedulers ticking at once: each due case evaluated once, the feed and the digest queued once; two workers: each delivery sent once', async () => {
      const names = inventedNames(40);
      const { store, rule, feed } = await shared(names);
      const persons = await store.db.selectFrom('persons').select('id').where('merged_into', 'is', null).execute();
      assert.equal(persons.length, names.length, 'a case each');
      const at = hour(25);
      const ticks = (await together([0, 1].map(() => ({ url: store.url, at, task: 'tick' as const })))) as Awaited<ReturnType<typeof schedulerTick>>[];
      const total = (k: 'feeds' | 'cases' | 'alerts' | 'digests') => ticks.reduce((n, t) => n + t[k], 0);
      assert.deepEqual({ feeds: total('feeds'), cases: total('cases'), alerts: total('alerts'), digests: total('digests') }, { feeds: 1, cases: names.length, alerts: names.length, digests: 1 }, JSON.stringify(ticks));
      // Every case evaluated (its rule fired: nothing left due, no claim left), each alert raised once.
      assert.deepEqual(await store.db.selectFrom('persons').select('id').where('review_due_at', 'is not', null).execute(), []);
      const alerts = await store.db.selectFrom('alerts').select(['id', 'person_id']).execute();
      assert.deepEqual(new Set(alerts.map((a) => a.person_id)), new Set(persons.map((p) => p.id)));
      assert.equal(alerts.length, names.length);
      assert.equal((await jobsOf(store, 'deliver.webhook')).length, names.length);
      assert.deepEqual((await jobsOf(store, 'deliver.digest')).map((j) => j.key), [`digest:${rule.id}:${DIGEST_DAY}`]);
      assert.deepEqual((await jobsOf(store, 'feed.poll')).map((j) => j.key), [`feed:${feed.id}`]);

      const drains = (await together([0, 1].map(() => ({ url: store.url, at, task: 'drain' as const })))) as Drained[];
      const all = (k: keyof Drained) => drains.flatMap((d) => d[k]).sort();
      assert.deepEqual(all('webhooks'), alerts.map((a) => a.id).sort(), 'each alert delivered once');
      assert.deepEqual(all('digests'), [`${rule.id} ${DIGEST_DAY}`]);
      assert.deepEqual(all('polls'), [feed.id]);
      const left = await store.db.selectFrom('jobs').select('state').where('state', '!=', 'done').execute();
      assert.deepEqual(left, []);
    });

    test('while a pass works through its batch, another process sees none of its cases due', async () => {
      const names = inventedNames(5);
      const { store, other, clock } = await shared(names);
      const at = hour(25);
      clock.set(at);
      // The other process looks at every turn of the event loop while the pass runs: before the
      // claim it sees all five due, after it none, never some. On SQLite the pass takes a turn
      // between cases, so it looks between each two; on PostgreSQL when is up to the network.
      const seen: number[] = [];
      let running = true;
      const look = async () => {
        while (running) {
          seen.push((await dueCases(other.db, at, 100)).length);
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      };
      const looking = look();
      const pass = await schedulerTick(store).finally(() => (running = false));
      await looking;
      assert.equal(pass.cases, names.length);
      if (store.engine === 'sqlite') assert.ok(seen.length >= names.length, `${seen.length} looks`);
      assert.deepEqual(seen.filter((n) => n !== 0 && n !== names.length), [], `due counts seen by the other process during the pass: ${seen.join(' ')}`);
    });

    test('a pass that died mid-batch keeps its cases from the others until its claim runs out; then another takes them over, and the first, back, leaves them alone', async () => {
      const names = inventedNames(3);
      const { store, other, clock } = await shared(names);
      const at = hour(25);
      const until = new Date(Date.parse(at) + CLAIM_MS).toISOString();
      clock.set(at);
      const claimed = await store.db.transaction().execute((tx) => claimDueCases(tx, at, until, SCHEDULER_BATCH));
      assert.equal(claimed.length, 3);
      // The process that claimed them dies here. The other's passes, the feed and the digest aside:
      assert.equal((await schedulerTick(other)).cases, 0, 'claimed: not due');
      clock.set(hour(25, CLAIM_MS - 1));
      assert.equal((await schedulerTick(other)).cases, 0, 'a millisecond before the claim runs out');
      clock.set(hour(25, CLAIM_MS));
      assert.deepEqual(await schedulerTick(other), { feeds: 0, cases: 3, alerts: 3, digests: 0 }, 'taken over when it runs out');
      for (const id of claimed) assert.equal(await store.db.transaction().execute((tx) => stillClaimed(tx, id, until)), false, 'the first claimant finds it evaluated: not its own');
      assert.equal((await store.db.selectFrom('alerts').select('id').execute()).length, 3);
    });

    test('a claimed case made due sooner meanwhile (a rule added) is still its claimant\'s; one another scheduler claimed later is not', async () => {
      const { store, other, clock } = await shared(inventedNames(2));
      const at = hour(25);
      const until = new Date(Date.parse(at) + CLAIM_MS).toISOString();
      clock.set(at);
      const [first, second] = await store.db.transaction().execute((tx) => claimDueCases(tx, at, until, SCHEDULER_BATCH));
      clock.set(hour(25, 1000));
      await store.db.transaction().execute((tx) => createRule(tx, hour(25, 1000), { kind: 'proof_of_life', hours: 48 }));
      assert.equal(await store.db.transaction().execute((tx) => stillClaimed(tx, first!, until)), true, 'due now: evaluated by its claimant, which reads the new rule');
      // the other scheduler, a second later, takes both again (due now): its claim runs out later than the first's
      const later = new Date(Date.parse(hour(25, 1000)) + CLAIM_MS).toISOString();
      assert.deepEqual(new Set(await other.db.transaction().execute((tx) => claimDueCases(tx, hour(25, 1000), later, SCHEDULER_BATCH))), new Set([first, second]));
      assert.equal(await store.db.transaction().execute((tx) => stillClaimed(tx, second!, until)), false);
      assert.equal(await other.db.transaction().execute((tx) => stillClaimed(tx, second!, later)), true);
    });

    test('a pass skips the cases, the feed and the digest another is claiming at that moment, without waiting for it (PostgreSQL: row locks)', { skip: engine.engine === 'sqlite' && "SQLite's claims take turns on its one write lock (BEGIN IMMEDIATE); a second handle in this thread would wait for it synchronously" }, async () => {
      const { store, clock, rule } = await shared(inventedNames(4));
      // Were the pass to wait for a lock the claimant holds, it would wait for ever (the claimant
      // waits for the pass): it gives up instead, and the test fails. It waits for none.
      const url = new URL(store.url);
      url.searchParams.set('options', '-c lock_timeout=10s');
      const other = await openStore({ url: url.toString(), migrate: false, now: clock.now });
      opened.unshift(other);
      const at = hour(25);
      const until = new Date(Date.parse(at) + CLAIM_MS).toISOString();
      clock.set(at);
      const mine = await store.db.transaction().execute(async (tx) => {
        const cases = await claimDueCases(tx, at, until, 2);
        assert.equal((await lockDueFeeds(tx, at)).length, 1);
        assert.equal(await queueDigest(tx, at, rule.id, DIGEST_DAY), true);
        // Uncommitted: the other pass runs now, against these locks.
        assert.deepEqual(await schedulerTick(other), { feeds: 0, cases: 2, alerts: 2, digests: 0 });
        return cases;
      });
      assert.equal(mine.length, 2);
      const due = await store.db.selectFrom('persons').select(['id', 'review_due_at']).where('review_due_at', 'is not', null).execute();
      assert.deepEqual(new Set(due.map((p) => p.id)), new Set(mine), 'the claimed two are left to their claimant');
      assert.ok(due.every((p) => p.review_due_at === until));
      assert.deepEqual(await schedulerTick(other), { feeds: 1, cases: 0, alerts: 0, digests: 0 }, 'the digest is queued once, the feed lock is gone');
      assert.equal((await jobsOf(store, 'deliver.digest')).length, 1);
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

describe('how soon the next pass starts', () => {
  test('after a full batch, soon (a backlog is left); otherwise after the interval', () => {
    assert.equal(nextPassIn({ cases: SCHEDULER_BATCH }, 60_000, 2_000), 2_000);
    assert.equal(nextPassIn({ cases: SCHEDULER_BATCH - 1 }, 60_000, 2_000), 60_000);
    assert.equal(nextPassIn(null, 60_000, 2_000), 60_000, 'a pass that failed: the interval');
    assert.equal(nextPassIn({ cases: SCHEDULER_BATCH }, 1_000, 2_000), 1_000, 'never later than the interval');
  });
});
