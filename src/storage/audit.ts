import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { engineOf } from './engine.js';
import type { AuditTable } from './schema.js';
import type { Db } from './store.js';

export interface AuditEntry {
  /** A user id, `system`, or `worker:<id>`. */
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  /** The report the change came from, when a report caused it. */
  reportId?: string | null;
  detail?: Record<string, unknown>;
}

type Chained = Pick<AuditTable, 'at' | 'actor' | 'action' | 'entity_type' | 'entity_id' | 'report_id' | 'detail'>;

/** The chain link: SHA-256 over the previous row's hash and this row's fields, in a fixed order. */
export function chainHash(prev: string | null, row: Chained): string {
  const fields = [prev ?? '', row.at, row.actor, row.action, row.entity_type, row.entity_id, row.report_id ?? '', row.detail];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

// Any constant: PostgreSQL's advisory lock that puts audit writers in line, so two transactions
// cannot both read the same last hash and fork the chain. SQLite writes one at a time already.
const AUDIT_LOCK = 7_261_001;

/**
 * Writes one audit row, chained to the one before. Call it with the transaction that makes the
 * change, so the change and its record commit or vanish together (Outline's
 * `Event.create({ transaction })`).
 */
export async function writeAudit(tx: Db, at: string, entry: AuditEntry): Promise<void> {
  if (engineOf(tx) === 'postgres') await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
  const last = await tx.selectFrom('audit').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const row: Chained = { at, actor: entry.actor, action: entry.action, entity_type: entry.entityType, entity_id: entry.entityId, report_id: entry.reportId ?? null, detail: JSON.stringify(entry.detail ?? {}) };
  const prev = last?.hash ?? null;
  await tx.insertInto('audit').values({ ...row, prev_hash: prev, hash: chainHash(prev, row) }).execute();
}

export interface ChainCheck {
  ok: boolean;
  rows: number;
  /** The first row that does not follow from the one before it, and why. */
  brokenAt?: { id: number; reason: string };
  /** The last row's hash: keep it elsewhere (printed, e-mailed) to detect a cut-off tail later. */
  head: string | null;
}

/** Walks the whole chain in order; an edited, inserted or deleted row shows as the first break. */
export async function verifyAuditChain(db: Db): Promise<ChainCheck> {
  let prev: string | null = null;
  let rows = 0;
  for (let after = -1; ; ) {
    const page = await db.selectFrom('audit').selectAll().where('id', '>', after).orderBy('id').limit(1000).execute();
    for (const r of page) {
      rows += 1;
      const id = Number(r.id);
      if (r.prev_hash !== prev) return { ok: false, rows, brokenAt: { id, reason: 'does not follow the row before it (a row was removed or inserted)' }, head: prev };
      if (r.hash !== chainHash(prev, r)) return { ok: false, rows, brokenAt: { id, reason: 'its contents do not match its hash (the row was edited)' }, head: prev };
      prev = r.hash;
      after = id;
    }
    if (page.length < 1000) return { ok: true, rows, head: prev };
  }
}

export async function auditFor(db: Db, entityType: string, entityId: string) {
  const rows = await db.selectFrom('audit').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', entityId).orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
