import type { Kysely, Migration } from 'kysely';

/**
 * What a case says must be true (issue #34): where a report says the person is held, with the
 * report's offsets; a report's word that their whereabouts are unknown; an analyst's acceptance
 * of a reported event (only then does it move a status); the country a case is about and what it
 * rests on; an alert's episode (one open alert per person per episode), whether it is urgent,
 * and the keys of later alerts folded into it.
 */
export function caseTruth(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const s = db.schema;
      await s.alterTable('event_sources').addColumn('held_at', 'text').execute();
      await s.alterTable('event_sources').addColumn('held_at_start', 'integer').execute();
      await s.alterTable('event_sources').addColumn('held_at_end', 'integer').execute();
      await s.alterTable('event_sources').addColumn('whereabouts_unknown', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await s.alterTable('event_sources').addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      // JSON {place, reportId, eventId, start, end}: where the person is held, and which words of which report say so.
      await s.alterTable('persons').addColumn('held_at', 'text').execute();
      await s.alterTable('persons').addColumn('case_country', 'text').execute();
      await s.alterTable('persons').addColumn('case_country_basis', 'text').execute();
      // The country the reports about the person name most (the fallback when no event has a place).
      await s.alterTable('persons').addColumn('report_country', 'text').execute();
      await s.alterTable('alerts').addColumn('episode', 'text').execute();
      await s.alterTable('alerts').addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await s.alterTable('alerts').addColumn('folded_keys', 'text', (c) => c.notNull().defaultTo('[]')).execute();
      await s.createIndex('alerts_person_episode').on('alerts').columns(['person_id', 'episode']).execute();
    },
  };
}
