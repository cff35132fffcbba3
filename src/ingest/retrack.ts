import { applyCorrections } from '../cases/corrections.js';
import { VigilError } from '../core/errors.js';
import { listCorrections } from '../storage/corrections.js';
import { parseExtraction } from '../storage/reports.js';
import type { Db } from '../storage/store.js';
import { refreshCaseEvent } from '../storage/timeline.js';
import type { TrackResult } from './track.js';
import { refreshCase, trackReport } from './track.js';

/**
 * Folds a report into the cases again after an analyst changed its events: the report's
 * tellings are taken off every timeline (an event no other report tells goes with them), the
 * report as corrected is tracked again, and every case it touched before or after has its
 * status derived again. In the caller's transaction, so a correction lands whole or not at all.
 */
export async function retrackReport(tx: Db, at: string, actor: string, reportId: string): Promise<TrackResult> {
  const report = await tx.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst();
  if (!report) throw new VigilError('not_found', 'no such report');
  // Its events are a partner's reading of passages we never saw whole: they are corrected on the case.
  if (report.origin) throw new VigilError('conflict', "this report came in a partner's bundle; correct its facts on the case");
  const machine = parseExtraction(report);
  if (!machine) throw new VigilError('conflict', 'the report has not been read yet; wait for its extraction');
  const doc = applyCorrections(machine, await listCorrections(tx, reportId));

  const before = await tx
    .selectFrom('event_sources')
    .innerJoin('case_events', 'case_events.id', 'event_sources.case_event_id')
    .select(['event_sources.case_event_id', 'case_events.person_id'])
    .where('event_sources.report_id', '=', reportId)
    .execute();
  await tx.deleteFrom('event_sources').where('report_id', '=', reportId).execute();
  for (const caseEventId of new Set(before.map((b) => b.case_event_id))) {
    const left = await tx.selectFrom('event_sources').select('id').where('case_event_id', '=', caseEventId).limit(1).executeTakeFirst();
    if (left) await refreshCaseEvent(tx, at, caseEventId);
    else await tx.deleteFrom('case_events').where('id', '=', caseEventId).execute();
  }

  const result = await trackReport(tx, at, actor, report, doc);
  const refreshed = new Set(result.persons.map((p) => p.id));
  for (const personId of new Set(before.map((b) => b.person_id))) {
    if (!refreshed.has(personId)) result.alerts.push(...(await refreshCase(tx, at, actor, personId, new Set(), reportId)));
  }
  return result;
}
