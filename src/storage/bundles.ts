import { randomUUID } from 'node:crypto';
import type { KeyPair } from '../cases/sharing/signing.js';
import { fingerprintOf, newKeyPair } from '../cases/sharing/signing.js';
import { VigilError } from '../core/errors.js';
import { writeAudit } from './audit.js';
import { getSetting, setSetting } from './access.js';
import type { BundlesTable, PartnersTable } from './schema.js';
import type { Db } from './store.js';

/**
 * Who this Vigil is to its partners (a name and an Ed25519 key pair, made on first use and kept
 * in the settings table, which the database key encrypts at rest), the partners whose keys it
 * trusts, and the log of bundles signed and imported.
 */
export interface Identity {
  name: string;
  publicKey: string;
  fingerprint: string;
}

const KEY = 'signing_key';
const NAME = 'organisation_name';

/** The signing key, made the first time it is asked for; two first callers at once end up with the same key. */
export async function signingKey(db: Db, at: string, actor: string): Promise<KeyPair> {
  const stored = await getSetting<KeyPair>(db, KEY);
  if (stored) return stored;
  const fresh = newKeyPair();
  await db.transaction().execute(async (tx) => {
    const r = await tx.insertInto('settings').values({ key: KEY, value: JSON.stringify(fresh), updated_at: at }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) await writeAudit(tx, at, { actor, action: 'signing_key.created', entityType: 'settings', entityId: KEY, detail: { fingerprint: fingerprintOf(fresh.publicKey) } });
  });
  return (await getSetting<KeyPair>(db, KEY))!;
}

export async function identity(db: Db, at: string, actor: string, known?: KeyPair): Promise<Identity> {
  const key = known ?? (await signingKey(db, at, actor));
  return { name: (await getSetting<string>(db, NAME)) ?? 'Vigil', publicKey: key.publicKey, fingerprint: fingerprintOf(key.publicKey) };
}

export async function setOrganisationName(tx: Db, at: string, actor: string, name: string): Promise<void> {
  const before = await getSetting<string>(tx, NAME);
  await setSetting(tx, at, NAME, name);
  await writeAudit(tx, at, { actor, action: 'organisation.renamed', entityType: 'settings', entityId: NAME, detail: { from: before, to: name } });
}

export const listPartners = (db: Db) => db.selectFrom('partners').selectAll().orderBy('name').execute();

export const partnerByFingerprint = (db: Db, fingerprint: string) => db.selectFrom('partners').selectAll().where('fingerprint', '=', fingerprint).executeTakeFirst();

export async function addPartner(tx: Db, at: string, actor: string, name: string, publicKey: string): Promise<PartnersTable> {
  const fingerprint = fingerprintOf(publicKey);
  const existing = await partnerByFingerprint(tx, fingerprint);
  if (existing) throw new VigilError('conflict', `that key is already registered, for ${existing.name}`);
  const row: PartnersTable = { id: randomUUID(), name, public_key: publicKey.trim(), fingerprint, added_by: actor, added_at: at };
  await tx.insertInto('partners').values(row).execute();
  await writeAudit(tx, at, { actor, action: 'partner.added', entityType: 'partner', entityId: row.id, detail: { name, fingerprint } });
  return row;
}

export async function removePartner(tx: Db, at: string, actor: string, id: string): Promise<void> {
  const row = await tx.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new VigilError('not_found', 'no such partner');
  await tx.deleteFrom('partners').where('id', '=', id).execute();
  await writeAudit(tx, at, { actor, action: 'partner.removed', entityType: 'partner', entityId: id, detail: { name: row.name, fingerprint: row.fingerprint } });
}

export const logBundle = (tx: Db, row: BundlesTable) => tx.insertInto('bundles').values(row).execute();

export const bundleById = (db: Db, id: string) => db.selectFrom('bundles').selectAll().where('id', '=', id).executeTakeFirst();

export const bundlesOf = (db: Db, personId: string) => db.selectFrom('bundles').selectAll().where('person_id', '=', personId).orderBy('at', 'desc').execute();
