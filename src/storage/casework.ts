import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { ContactsTable, Database, DraftsTable, NotesTable, OutreachTable, StatementsTable, WhereaboutsTable } from './schema.js';
import { makeCaseDue } from './review.js';
import type { Db } from './store.js';

/** The casework tables: rows in, rows out. Routes write them inside a transaction with their audit row. */
type New<T extends { id: string }> = Omit<T, 'id'>;
type CaseworkTable = 'whereabouts' | 'statements' | 'contacts' | 'outreach' | 'notes' | 'drafts';

/** Inserts a row under a new UUID and returns it. */
async function insertNew<T extends CaseworkTable>(tx: Db, table: T, row: Omit<Insertable<Database[T]>, 'id'>): Promise<string> {
  const id = randomUUID();
  // Kysely cannot follow a table name held in a type parameter; the row's type is checked above.
  await tx.insertInto(table).values({ id, ...row } as never).execute();
  return id;
}

/**
 * A whereabouts entry, and its case due for the scheduler now. A confirmation only moves the time
 * rules' clocks later (a stored due time is then early: one evaluation for nothing), but a new
 * proof of life starts a new "no proof of life" clock, with an alert of its own, for a case whose
 * stored time may be none: only evaluating the case finds it. The rules run on the next pass, as
 * before the index.
 */
export async function addWhereabouts(tx: Db, row: New<WhereaboutsTable>): Promise<string> {
  const id = await insertNew(tx, 'whereabouts', row);
  await makeCaseDue(tx, row.person_id, row.recorded_at);
  return id;
}

export const whereaboutsOf = (db: Db, personId: string) => db.selectFrom('whereabouts').selectAll().where('person_id', '=', personId).orderBy('confirmed_at', 'desc').execute();

export const addStatement = (tx: Db, row: New<StatementsTable>) => insertNew(tx, 'statements', row);

export const statementsOf = (db: Db, personId: string) => db.selectFrom('statements').selectAll().where('person_id', '=', personId).orderBy('said_on').execute();

export const addContact = (tx: Db, row: New<ContactsTable>) => insertNew(tx, 'contacts', row);

export const contactsOf = (db: Db, personId: string) => db.selectFrom('contacts').selectAll().where('person_id', '=', personId).orderBy('created_at').execute();

export const addOutreach = (tx: Db, row: New<OutreachTable>) => insertNew(tx, 'outreach', row);

export const outreachOf = (db: Db, personId: string) =>
  db.selectFrom('outreach').innerJoin('contacts', 'contacts.id', 'outreach.contact_id').selectAll('outreach').select(['contacts.name as contact', 'contacts.kind as contact_kind']).where('outreach.person_id', '=', personId).orderBy('outreach.at', 'desc').execute();

/** Follow-ups due on or before `day` and not yet done, oldest first. */
export const dueFollowUps = (db: Db, day: string) =>
  db
    .selectFrom('outreach')
    .innerJoin('contacts', 'contacts.id', 'outreach.contact_id')
    .innerJoin('persons', 'persons.id', 'outreach.person_id')
    .select(['outreach.id', 'outreach.person_id', 'outreach.follow_up_on', 'outreach.summary', 'outreach.by', 'contacts.name as contact', 'contacts.kind as contact_kind', 'persons.name', 'persons.restricted', 'persons.code_name'])
    .where('outreach.follow_up_done_at', 'is', null)
    .where('outreach.follow_up_on', '<=', day)
    .orderBy('outreach.follow_up_on');

export const addNote = (tx: Db, row: New<NotesTable>) => insertNew(tx, 'notes', row);

export const notesOf = (db: Db, personId: string) => db.selectFrom('notes').selectAll().where('person_id', '=', personId).orderBy('at', 'desc').execute();

export const saveDraft = (tx: Db, row: New<DraftsTable>) => insertNew(tx, 'drafts', row);

export const draftsOf = (db: Db, personId: string) => db.selectFrom('drafts').selectAll().where('person_id', '=', personId).orderBy('updated_at', 'desc').execute();
