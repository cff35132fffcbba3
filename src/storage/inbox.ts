import type { Denied } from './access.js';
import { NOTHING_DENIED, personVisible } from './access.js';
import { displayName } from './cases.js';
import type { Db } from './store.js';

export interface Findings {
  persons: { id: string; name: string; state: string }[];
  eventTypes: string[];
  /** The same events' types with how the report tells them: a call for release is no release. */
  events: { type: string; modality: string }[];
  alerts: { id: string; kind: string; acknowledged: boolean }[];
  /** Events an analyst has decided on (accepted, rejected, corrected, added). */
  decisions: number;
  /** Possible cases the report holds in the triage queue, undecided. */
  possible: number;
}

/**
 * What each report of an inbox page brought in: the people it was linked to, the event types it
 * put on their timelines, the alerts it raised, and how far its review has got. Four queries per
 * page, whatever its size.
 */
export async function findingsOf(db: Db, reportIds: string[], denied: Denied = NOTHING_DENIED): Promise<Map<string, Findings>> {
  const out = new Map(reportIds.map((id) => [id, { persons: [], eventTypes: [], events: [], alerts: [], decisions: 0, possible: 0 } as Findings]));
  if (!reportIds.length) return out;
  const mentions = await db
    .selectFrom('person_mentions')
    .innerJoin('persons', 'persons.id', 'person_mentions.person_id')
    .select(['person_mentions.report_id', 'persons.id', 'persons.name', 'persons.restricted', 'persons.code_name', 'person_mentions.state'])
    .where('person_mentions.report_id', 'in', reportIds)
    .where(personVisible(denied))
    .execute();
  for (const m of mentions) {
    const f = out.get(m.report_id)!;
    if (!f.persons.some((p) => p.id === m.id)) f.persons.push({ id: m.id, name: displayName(m), state: m.state });
  }
  const types = await db.selectFrom('event_sources').select(['report_id', 'type', 'modality']).distinct().where('report_id', 'in', reportIds).orderBy('report_id').orderBy('type').orderBy('modality').execute();
  for (const t of types) {
    const f = out.get(t.report_id)!;
    if (!f.eventTypes.includes(t.type)) f.eventTypes.push(t.type);
    f.events.push({ type: t.type, modality: t.modality });
  }
  // alert_reports holds each alert's report_ids as rows, indexed by report.
  const alerts = await db
    .selectFrom('alert_reports')
    .innerJoin('alerts', 'alerts.id', 'alert_reports.alert_id')
    .select(['alert_reports.report_id', 'alerts.id', 'alerts.kind', 'alerts.acknowledged_at'])
    .where('alert_reports.report_id', 'in', reportIds)
    .orderBy('alerts.created_at')
    .orderBy('alerts.id')
    .execute();
  for (const a of alerts) out.get(a.report_id)?.alerts.push({ id: a.id, kind: a.kind, acknowledged: !!a.acknowledged_at });
  const decided = await db.selectFrom('corrections').select(['report_id', (eb) => eb.fn.countAll<number>().as('n')]).where('report_id', 'in', reportIds).groupBy('report_id').execute();
  for (const d of decided) out.get(d.report_id)!.decisions = Number(d.n);
  const held = await db.selectFrom('triage_items').select(['report_id', (eb) => eb.fn.countAll<number>().as('n')]).where('report_id', 'in', reportIds).where('state', '=', 'pending').groupBy('report_id').execute();
  for (const h of held) out.get(h.report_id)!.possible = Number(h.n);
  return out;
}
