import { sql } from 'kysely';
import type { Db } from './store.js';

/**
 * Who may see which case. A restricted case is seen by its members only, everywhere (lists,
 * search, alerts, inbox, reports that name the person, exports, the API); during a lockdown by
 * nobody. Every query that reads cases takes the `Denied` list of the user asking and leaves
 * those cases out, so "not visible" means absent, not "forbidden": a non-member cannot even
 * learn that the case exists (a restricted case answers 404, as an unknown id does).
 */
export interface Denied {
  /** Restricted cases this user may not see (merged records included through their live record). */
  persons: string[];
}

export const NOTHING_DENIED: Denied = { persons: [] };

export interface Lockdown {
  since: string;
  by: string;
  reason: string;
}

export async function getSetting<T>(db: Db, key: string): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : null;
}

export async function setSetting(tx: Db, at: string, key: string, value: unknown): Promise<void> {
  if (value === null) {
    await tx.deleteFrom('settings').where('key', '=', key).execute();
    return;
  }
  const v = JSON.stringify(value);
  await tx.insertInto('settings').values({ key, value: v, updated_at: at }).onConflict((oc) => oc.column('key').doUpdateSet({ value: v, updated_at: at })).execute();
}

export const lockdownState = (db: Db) => getSetting<Lockdown>(db, 'lockdown');

/** The restricted cases `userId` may not see now: all of them in a lockdown, else those without them as a member. */
export async function deniedFor(db: Db, userId: string): Promise<Denied> {
  const locked = !!(await lockdownState(db));
  let q = db.selectFrom('persons').select('persons.id').where('persons.restricted', '=', 1);
  if (!locked) q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('case_members').select('case_members.user_id').whereRef('case_members.person_id', '=', 'persons.id').where('case_members.user_id', '=', userId))));
  const live = (await q.execute()).map((r) => r.id);
  if (!live.length) return NOTHING_DENIED;
  // Records merged into a denied case are denied with it.
  const merged = await db.selectFrom('persons').select('id').where('merged_into', 'in', live).execute();
  return { persons: [...live, ...merged.map((r) => r.id)] };
}

/** `persons.id` (or the column given) is not a denied case. */
export function personVisible(denied: Denied, column: 'persons.id' | 'case_events.person_id' | 'alerts.person_id' | 'person_mentions.person_id' = 'persons.id') {
  return denied.persons.length ? sql<boolean>`${sql.ref(column)} NOT IN (${sql.join(denied.persons)})` : sql<boolean>`1 = 1`;
}

/** `reports.id` is not a report that names a denied case's person. */
export function reportVisible(denied: Denied) {
  return denied.persons.length
    ? sql<boolean>`NOT EXISTS (SELECT 1 FROM person_mentions WHERE person_mentions.report_id = reports.id AND person_mentions.person_id IN (${sql.join(denied.persons)}))`
    : sql<boolean>`1 = 1`;
}

export async function reportDenied(db: Db, denied: Denied, reportId: string): Promise<boolean> {
  if (!denied.persons.length) return false;
  return !!(await db.selectFrom('person_mentions').select('id').where('report_id', '=', reportId).where('person_id', 'in', denied.persons).limit(1).executeTakeFirst());
}

export async function caseMembers(db: Db, personId: string) {
  return db.selectFrom('case_members').innerJoin('users', 'users.id', 'case_members.user_id').select(['users.id', 'users.name', 'users.email', 'users.role', 'case_members.added_by', 'case_members.added_at']).where('case_members.person_id', '=', personId).orderBy('case_members.added_at').execute();
}

export async function addMember(tx: Db, at: string, personId: string, userId: string, by: string): Promise<boolean> {
  const r = await tx.insertInto('case_members').values({ person_id: personId, user_id: userId, added_by: by, added_at: at }).onConflict((oc) => oc.columns(['person_id', 'user_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}
