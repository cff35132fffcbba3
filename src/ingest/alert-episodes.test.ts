import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { acknowledgeAlerts, createRule, ensureDefaultRules, listAlerts } from '../storage/alerts.js';
import type { Store } from '../storage/store.js';
import { TEST_ENGINES, manualClock, watchNames } from '../storage/testing.js';
import { schedulerTick } from './scheduler.js';
import { trackInvented } from './testing.js';

// One alert per person and episode, told through the tracker as reports come in (invented
// people, places and sentences). Never the real clock: each test moves its store's.
const T0 = '2026-11-20T09:00:00.000Z';
const H = 3_600_000;
const hour = (h: number) => new Date(Date.parse(T0) + h * H).toISOString();

/** An undated disappearance, read at T0: whereabouts unknown, the episode opens. */
const vanished = (name: string) => ({
  text: `Relatives of the teacher ${name} say she has disappeared in Drevna and nobody knows where she is.`,
  published: '2026-11-20',
  people: [name],
  places: [{ name: 'Drevna', country: 'KRS' }],
  events: [{ type: 'DISAPPEARANCE' as const, trigger: 'disappeared', target: name, place: 'Drevna' }],
});
/** Two days on, the same episode told again: she was abducted, the day she went missing. Still missing. */
const abducted = (name: string) => ({
  text: `Witnesses told the Drevna bar association that masked men abducted ${name} outside her school on November 20.`,
  published: '2026-11-22',
  people: [name],
  places: [{ name: 'Drevna', country: 'KRS' }],
  events: [{ type: 'ABDUCTION' as const, trigger: 'abducted', target: name, date: '2026-11-20', place: 'Drevna' }],
});

for (const engine of TEST_ENGINES) {
  describe(`alerts and episodes through the tracker on ${engine.engine}`, { skip: engine.skip }, () => {
    const opened: Store[] = [];
    after(async () => {
      for (const s of opened) await s.close();
    });
    const fresh = async (names: string[], rules: 'default' | Parameters<typeof createRule>[2][] = 'default') => {
      const clock = manualClock(T0);
      const store = await engine.open(clock.now);
      opened.push(store);
      await watchNames(store, names);
      await store.db.transaction().execute(async (tx) => {
        if (rules === 'default') await ensureDefaultRules(tx, T0);
        else for (const r of rules) await createRule(tx, T0, r);
      });
      return { store, clock };
    };
    const personId = async (store: Store, name: string) => (await store.db.selectFrom('persons').select('id').where('name', '=', name).where('merged_into', 'is', null).executeTakeFirstOrThrow()).id;
    const ackAll = (store: Store, personId: string, at: string) =>
      store.db.transaction().execute(async (tx) => acknowledgeAlerts(tx, at, 'desk', (await listAlerts(tx, { personId, open: true, limit: 50, offset: 0 })).map((a) => a.id)));

    test('an abduction told after an acknowledged disappearance of the same episode pages nobody again (default rules)', async () => {
      const { store, clock } = await fresh(['Selka Marrow']);
      await trackInvented(store, vanished('Selka Marrow'));
      const id = await personId(store, 'Selka Marrow');
      const first = await listAlerts(store.db, { personId: id, limit: 50, offset: 0 });
      assert.deepEqual(first.map((a) => a.kind), ['new_event'], 'the disappearance is news');
      // the clock of "no confirmation of whereabouts" runs out a day after the report was read
      clock.set(hour(25));
      await schedulerTick(store);
      clock.set(hour(26));
      assert.equal((await ackAll(store, id, hour(26))).length, 1, 'one alert for the episode, acknowledged');
      clock.set(hour(49));
      await trackInvented(store, abducted('Selka Marrow'));
      const person = await store.db.selectFrom('persons').select(['status']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(person.status, 'whereabouts_unknown', 'still missing: the same episode');
      const open = await listAlerts(store.db, { personId: id, open: true, limit: 50, offset: 0 });
      assert.deepEqual(
        open.map((a) => a.message),
        [],
        'no new alert for a retelling of the acknowledged episode',
      );
      const jobs = await store.db.selectFrom('jobs').select('kind').where('kind', 'like', 'deliver.%').execute();
      assert.equal(jobs.length, 0, 'the default rules have no channels: nothing pushed either way');
    });

    test('unacknowledged, the same retelling keeps one open alert: the episode keeps its name', async () => {
      const { store, clock } = await fresh(['Ivo Tarrant']);
      await trackInvented(store, { ...vanished('Ivo Tarrant'), text: vanished('Ivo Tarrant').text.replace('she has', 'he has').replace('she is', 'he is') });
      const id = await personId(store, 'Ivo Tarrant');
      clock.set(hour(25));
      await schedulerTick(store);
      clock.set(hour(49));
      await trackInvented(store, { ...abducted('Ivo Tarrant'), text: abducted('Ivo Tarrant').text.replace('her school', 'his school') });
      const all = await listAlerts(store.db, { personId: id, limit: 50, offset: 0 });
      assert.equal(all.length, 1, JSON.stringify(all.map((a) => a.message)));
      const events = await store.db.selectFrom('case_events').select(['id', 'type']).where('person_id', '=', id).execute();
      assert.equal(all[0]!.episode, events.find((e) => e.type === 'DISAPPEARANCE')?.id, 'named by the disappearance, on file first');
    });
  });
}
