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

/**
 * Writes one audit row. Call it with the transaction that makes the change, so the change
 * and its record commit or vanish together (Outline's `Event.create({ transaction })`).
 */
export async function writeAudit(tx: Db, at: string, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit')
    .values({
      at,
      actor: entry.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      report_id: entry.reportId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

export async function auditFor(db: Db, entityType: string, entityId: string) {
  const rows = await db.selectFrom('audit').selectAll().where('entity_type', '=', entityType).where('entity_id', '=', entityId).orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
