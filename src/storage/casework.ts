import { randomUUID } from 'node:crypto';
import type { ContactsTable, DraftsTable, NotesTable, OutreachTable, StatementsTable, WhereaboutsTable } from './schema.js';
import type { Db } from './store.js';

/** The casework tables: rows in, rows out. Routes write them inside a transaction with their audit row. */
type New<T extends { id: string }> = Omit<T, 'id'>;

export async function addWhereabouts(tx: Db, row: New<WhereaboutsTable>): Promise<string> {
  const id = randomUUID();
  await tx.insertInto('whereabouts').values({ id, ...row }).execute();
  return id;
}

export const whereaboutsOf = (db: Db, personId: string) => db.selectFrom('whereabouts').selectAll().where('person_id', '=', personId).orderBy('confirmed_at', 'desc').execute();

export async function addStatement(tx: Db, row: New<StatementsTable>): Promise<string> {
  const id = randomUUID();
  await tx.insertInto('statements').values({ id, ...row }).execute();
  return id;
}

export const statementsOf = (db: Db, personId: string) => db.selectFrom('statements').selectAll().where('person_id', '=', personId).orderBy('said_on').execute();

export async function addContact(tx: Db, row: New<ContactsTable>): Promise<string> {
  const id = randomUUID();
  await tx.insertInto('contacts').values({ id, ...row }).execute();
  return id;
}

export const contactsOf = (db: Db, personId: string) => db.selectFrom('contacts').selectAll().where('person_id', '=', personId).orderBy('created_at').execute();

export async function addOutreach(tx: Db, row: New<OutreachTable>): Promise<string> {
  const id = randomUUID();
  await tx.insertInto('outreach').values({ id, ...row }).execute();
  return id;
}

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

export async function addNote(tx: Db, row: New<NotesTable>): Promise<string> {
  const id = randomUUID();
  await tx.insertInto('notes').values({ id, ...row }).execute();
  return id;
}

export const notesOf = (db: Db, personId: string) => db.selectFrom('notes').selectAll().where('person_id', '=', personId).orderBy('at', 'desc').execute();

export async function saveDraft(tx: Db, row: New<DraftsTable>): Promise<string> {
  const id = randomUUID();
  await tx.insertInto('drafts').values({ id, ...row }).execute();
  return id;
}

export const draftsOf = (db: Db, personId: string) => db.selectFrom('drafts').selectAll().where('person_id', '=', personId).orderBy('updated_at', 'desc').execute();
