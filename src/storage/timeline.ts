import { randomUUID } from 'node:crypto';
import type { CaseEntry } from '../cases/alerts.js';
import { isBackfill, readTime } from '../cases/alerts.js';
import { tellsRepeat, type HeldAt } from '../cases/status.js';
import type { CaseDate } from '../cases/timeline.js';
import { bestDate, conflictingDates } from '../cases/timeline.js';
import type { DatePrecision, EventType, Modality } from '../text/types.js';
import type { CaseEventsTable, EventSourcesTable } from './schema.js';
import type { Db } from './store.js';

/** One report's event, as a source of a timeline event. */
export interface SourceInput {
  reportId: string;
  eventId: string;
  sentence: number;
  start: number;
  end: number;
  trigger: string;
  type: EventType;
  modality: Modality;
  date: CaseDate | null;
  agent: string | null;
  place: string | null;
  country: string | null;
  destinationCountry: string | null;
  speaker: string | null;
  confidence: number;
  /** The source's grade (`cases/grading.ts`), as the machine judged it. */
  sourceKind?: string | null;
  hand?: string | null;
  /** Where the report says the target is held, with the words' offsets in the report. */
  heldAt?: { text: string; start: number | null; end: number | null } | null;
  /** The report says the target's whereabouts are not known. */
  whereaboutsUnknown?: boolean;
  /** An analyst accepted, corrected or added the event. */
  accepted?: boolean;
}

export interface TimelineEvent extends CaseEventsTable {
  sources: EventSourcesTable[];
  /** Distinct day-precise dates told by the sources (more than one: a conflict to show). */
  conflicts: string[];
  /** Reports with distinct hosts (or distinct reports, without a URL): independent tellings. */
  independentSources: number;
}

function dateOf(row: { date_value: string | null; date_precision: string | null }): CaseDate | null {
  return row.date_value && row.date_precision ? { value: row.date_value, precision: row.date_precision as DatePrecision } : null;
}

export async function loadTimeline(db: Db, personId: string): Promise<TimelineEvent[]> {
  const events = await db.selectFrom('case_events').selectAll().where('person_id', '=', personId).execute();
  if (!events.length) return [];
  const sources = await db
    .selectFrom('event_sources')
    .selectAll()
    .where(
      'case_event_id',
      'in',
      events.map((e) => e.id),
    )
    .orderBy('created_at')
    .execute();
  const reportIds = [...new Set(sources.map((s) => s.report_id))];
  const urls = new Map(reportIds.length ? (await db.selectFrom('reports').select(['id', 'url']).where('id', 'in', reportIds).execute()).map((r) => [r.id, r.url]) : []);
  return events.map((e) => {
    const own = sources.filter((s) => s.case_event_id === e.id);
    const origins = new Set(own.map((s) => hostOf(urls.get(s.report_id) ?? null) ?? s.report_id));
    return { ...e, sources: own, conflicts: conflictingDates(own.map(dateOf)), independentSources: origins.size };
  });
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** A stored source as the input it was made from, to move it to another timeline event. */
export function sourceOf(row: EventSourcesTable, destinationCountry: string | null): SourceInput {
  return {
    reportId: row.report_id,
    eventId: row.event_id,
    sentence: row.sentence,
    start: row.start,
    end: row.end,
    trigger: row.trigger,
    type: row.type as EventType,
    modality: row.modality as Modality,
    date: dateOf(row),
    agent: row.agent,
    place: row.place,
    country: row.country,
    destinationCountry,
    speaker: row.speaker,
    confidence: row.confidence,
    sourceKind: row.source_kind,
    hand: row.hand,
    heldAt: row.held_at ? { text: row.held_at, start: row.held_at_start, end: row.held_at_end } : null,
    whereaboutsUnknown: row.whereabouts_unknown === 1,
    accepted: row.accepted === 1,
  };
}

export function tellingOf(e: CaseEventsTable | EventSourcesTable) {
  return { type: e.type as EventType, modality: e.modality as Modality, date: dateOf(e), country: e.country };
}

/** Opens a timeline event from its first source; date, place, agent and modality are derived from the sources by `addSource`. */
export async function createCaseEvent(tx: Db, at: string, personId: string, s: SourceInput, toldAt: string): Promise<string> {
  const id = randomUUID();
  await tx
    .insertInto('case_events')
    .values({
      id,
      person_id: personId,
      type: s.type,
      modality: s.modality,
      date_value: null,
      date_precision: null,
      place: null,
      country: null,
      destination_country: s.destinationCountry,
      agent: null,
      told_at: toldAt,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await addSource(tx, at, id, s);
  return id;
}

/** Adds a report's telling to a timeline event and refreshes the event's date, place and agent from all its sources. */
export async function addSource(tx: Db, at: string, caseEventId: string, s: SourceInput): Promise<void> {
  await tx
    .insertInto('event_sources')
    .values({
      id: randomUUID(),
      case_event_id: caseEventId,
      report_id: s.reportId,
      event_id: s.eventId,
      sentence: s.sentence,
      start: s.start,
      end: s.end,
      trigger: s.trigger,
      type: s.type,
      modality: s.modality,
      date_value: s.date?.value ?? null,
      date_precision: s.date?.precision ?? null,
      agent: s.agent,
      place: s.place,
      country: s.country,
      speaker: s.speaker,
      confidence: s.confidence,
      source_kind: s.sourceKind ?? null,
      hand: s.hand ?? null,
      graded_by: null,
      created_at: at,
      held_at: s.heldAt?.text ?? null,
      held_at_start: s.heldAt?.start ?? null,
      held_at_end: s.heldAt?.end ?? null,
      whereabouts_unknown: s.whereaboutsUnknown ? 1 : 0,
      accepted: s.accepted ? 1 : 0,
    })
    .onConflict((oc) => oc.columns(['report_id', 'event_id', 'case_event_id']).doNothing())
    .execute();
  await refreshCaseEvent(tx, at, caseEventId);
}

export async function refreshCaseEvent(tx: Db, at: string, caseEventId: string): Promise<void> {
  const sources = await tx.selectFrom('event_sources').selectAll().where('case_event_id', '=', caseEventId).orderBy('created_at').execute();
  const date = bestDate(sources.map(dateOf));
  const first = <K extends 'place' | 'country' | 'agent'>(k: K) => sources.find((x) => x[k])?.[k] ?? null;
  // Asserted by any source beats reported by all: the fact then stands on its own.
  const modality = sources.some((x) => x.modality === 'asserted') ? 'asserted' : (sources[0]?.modality ?? 'asserted');
  await tx
    .updateTable('case_events')
    .set({ date_value: date?.value ?? null, date_precision: date?.precision ?? null, place: first('place'), country: first('country'), agent: first('agent'), modality, updated_at: at })
    .where('id', '=', caseEventId)
    .execute();
}

/** When a report was published and when it was read here. */
export interface ReportTimes {
  published: string | null;
  created_at: string;
}

/** Where the newest source that says it places the person: the place, and which words of which report. */
function heldAtOf(sources: EventSourcesTable[]): HeldAt | null {
  const s = [...sources].reverse().find((x) => x.held_at);
  return s?.held_at ? { place: s.held_at, reportId: s.report_id, eventId: s.event_id, start: s.held_at_start, end: s.held_at_end } : null;
}

/** Timeline events as the status and alert rules read them. */
export function caseEntries(timeline: TimelineEvent[], reports: Map<string, ReportTimes>): CaseEntry[] {
  return timeline.map((e) => {
    const times = e.sources.map((s) => reports.get(s.report_id)).filter((r): r is ReportTimes => !!r);
    return {
      id: e.id,
      type: e.type as EventType,
      modality: e.modality as Modality,
      date: dateOf(e),
      toldAt: times.map((r) => r.published ?? r.created_at).sort()[0] ?? e.told_at,
      readAt: times.map((r) => readTime(r.published, r.created_at)).sort()[0] ?? e.told_at,
      backfill: times.length > 0 && times.every((r) => isBackfill(r.published, r.created_at)),
      place: e.place,
      heldAt: heldAtOf(e.sources),
      whereaboutsUnknown: e.sources.some((s) => s.whereabouts_unknown === 1),
      accepted: e.sources.some((s) => s.accepted === 1),
      repeat: e.sources.some((s) => tellsRepeat(s.trigger)),
      destinationCountry: e.destination_country,
      reportIds: [...new Set(e.sources.map((s) => s.report_id))],
      origin: e.sources.map((s) => `${s.report_id}:${s.event_id}`).sort()[0],
      recordedAt: e.created_at,
    };
  });
}
