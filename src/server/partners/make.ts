import { randomUUID } from 'node:crypto';
import type { Bundle, BundleChoices } from '../../cases/sharing/bundle.js';
import { buildBundle } from '../../cases/sharing/bundle.js';
import type { NameMode } from '../../cases/sharing/redact.js';
import { fingerprintOf, sha256Of, signBundle, verifyBundle } from '../../cases/sharing/signing.js';
import { VigilError } from '../../core/errors.js';
import type { ImportResult } from '../../ingest/bundle-import.js';
import { importBundle } from '../../ingest/bundle-import.js';
import type { Denied } from '../../storage/access.js';
import { writeAudit } from '../../storage/audit.js';
import { identity, listPartners, logBundle, partnerByFingerprint, signingKey } from '../../storage/bundles.js';
import type { Store } from '../../storage/store.js';
import { caseSnapshot } from './snapshot.js';

export type BundleRequestFields = Omit<BundleChoices, 'name'> & { name?: NameMode | undefined; recipient: string | null };

/** The two ends of sharing, for the API and the command line alike: a signed bundle out, a verified bundle in. */
export async function makeBundle(store: Store, actor: string, personId: string, denied: Denied, choice: BundleRequestFields): Promise<Bundle & { signature: string }> {
  const at = store.now().toISOString();
  const snap = await caseSnapshot(store.db, personId, denied);
  const recipient = choice.recipient ? (await listPartners(store.db)).find((p) => p.id === choice.recipient) : null;
  if (choice.recipient && !recipient) throw new VigilError('invalid_input', 'no such partner');
  if (choice.name === 'code' && !snap.person.codeName) throw new VigilError('invalid_input', 'the case has no code name; give it one, or send initials');
  const name = choice.name ?? (snap.person.restricted ? (snap.person.codeName ? 'code' : 'initials') : 'real');
  const key = await signingKey(store.db, at, actor);
  const me = await identity(store.db, at, actor, key);
  const unsigned = buildBundle(snap, { ...choice, name }, { id: randomUUID(), issuedAt: at, issuer: me, recipient: recipient ? { name: recipient.name, fingerprint: recipient.fingerprint } : null });
  const bundle = signBundle(unsigned, key.privateKey);
  const summary = { reports: bundle.reports.length, events: bundle.events.length, statements: bundle.statements.length, whereabouts: bundle.whereabouts.length, notes: bundle.notes.length, redaction: bundle.redaction };
  await store.db.transaction().execute(async (tx) => {
    await logBundle(tx, { id: bundle.id, direction: 'out', person_id: personId, partner_fingerprint: recipient?.fingerprint ?? null, partner_name: recipient?.name ?? null, sha256: sha256Of(bundle), summary: JSON.stringify(summary), by: actor, at });
    await writeAudit(tx, at, { actor, action: 'bundle.exported', entityType: 'person', entityId: personId, detail: { bundle: bundle.id, recipient: recipient?.name ?? null, ...summary } });
  });
  return bundle;
}

/** Checks who signed the bundle and that nothing changed since, then opens its case; `actor` becomes its member. */
export async function acceptBundle(store: Store, actor: string, bundle: Bundle & { signature: string }): Promise<ImportResult> {
  const at = store.now().toISOString();
  const fingerprint = fingerprintOf(bundle.issuer.publicKey);
  const me = await identity(store.db, at, actor);
  if (fingerprint === me.fingerprint) throw new VigilError('conflict', 'this bundle was signed by this Vigil');
  const partner = await partnerByFingerprint(store.db, fingerprint);
  if (!partner) throw new VigilError('forbidden', `the bundle is signed with a key that is not a registered partner's (fingerprint ${fingerprint}); an admin registers the partner after checking the fingerprint with them`, { fingerprint });
  if (!verifyBundle(bundle, partner.public_key)) throw new VigilError('bad_signature', `the signature does not match: the bundle was changed after ${partner.name} signed it`);
  if (bundle.recipient && bundle.recipient.fingerprint !== me.fingerprint) throw new VigilError('forbidden', `the bundle was made for ${bundle.recipient.name}, not for this Vigil`);
  return store.db.transaction().execute((tx) => importBundle(tx, store.engine, at, actor, bundle, partner));
}
