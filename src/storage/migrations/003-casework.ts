import type { Kysely, Migration } from 'kysely';
import { chainHash } from '../audit.js';
import type { Database } from '../schema.js';

/**
 * Casework and protection: who may see a restricted case, code names, second factors, the
 * lockdown switch, a hash chain over the audit rows, whereabouts confirmations, graded sources,
 * statements, contacts and the outreach log, notes, drafts, partner keys, names with their script.
 */
export function casework(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const s = db.schema;
      await s.alterTable('persons').addColumn('restricted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await s.alterTable('persons').addColumn('code_name', 'text').execute();
      await s
        .createTable('case_members')
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('case_members_pk', ['person_id', 'user_id'])
        .execute();
      await s.alterTable('users').addColumn('totp_secret', 'text').execute();
      await s.alterTable('users').addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      // The last time step a code was accepted for: a code is good once (RFC 6238 §5.2).
      await s.alterTable('users').addColumn('totp_last_step', 'integer').execute();
      await s.createTable('settings').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull()).execute();
      await s.alterTable('audit').addColumn('prev_hash', 'text').execute();
      await s.alterTable('audit').addColumn('hash', 'text').execute();
      await chainExistingAudit(db as unknown as Kysely<Database>);

      await s
        .createTable('whereabouts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('place', 'text')
        .addColumn('confirmed_at', 'text', (c) => c.notNull())
        .addColumn('confirmed_by', 'text', (c) => c.notNull())
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('proof_of_life', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('report_id', 'text', (c) => c.references('reports.id').onDelete('set null'))
        .addColumn('note', 'text')
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
      await s.createIndex('whereabouts_person').on('whereabouts').columns(['person_id', 'confirmed_at']).execute();

      await s.alterTable('event_sources').addColumn('source_kind', 'text').execute();
      await s.alterTable('event_sources').addColumn('hand', 'text').execute();
      await s.alterTable('event_sources').addColumn('graded_by', 'text').execute();

      await s
        .createTable('statements')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
        .addColumn('speaker', 'text', (c) => c.notNull())
        .addColumn('source_kind', 'text', (c) => c.notNull())
        .addColumn('said_on', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('claim', 'text')
        .addColumn('polarity', 'text')
        .addColumn('report_id', 'text', (c) => c.references('reports.id').onDelete('set null'))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await s.createIndex('statements_person').on('statements').column('person_id').execute();

      await s
        .createTable('contacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('details', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await s
        .createTable('outreach')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
        .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('by', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('follow_up_on', 'text')
        .addColumn('follow_up_done_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await s.createIndex('outreach_follow_up').on('outreach').columns(['follow_up_done_at', 'follow_up_on']).execute();
      await s
        .createTable('notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('by', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await s
        .createTable('drafts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await s
        .createTable('partners')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .execute();
      // A name's script ("Khmr", "Arab", "Latn"…) and whether an analyst gave it as the original.
      await s.alterTable('person_aliases').addColumn('script', 'text').execute();
      await s.alterTable('person_aliases').addColumn('kind', 'text').execute();
    },
  };
}

/** Rows written before the chain existed are chained now, in their order. */
async function chainExistingAudit(db: Kysely<Database>): Promise<void> {
  let prev: string | null = null;
  for (const r of await db.selectFrom('audit').selectAll().orderBy('id').execute()) {
    const hash = chainHash(prev, r);
    await db.updateTable('audit').set({ prev_hash: prev, hash }).where('id', '=', r.id).execute();
    prev = hash;
  }
}
