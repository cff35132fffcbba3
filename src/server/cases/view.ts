import { isBackfill } from '../../cases/alerts.js';
import { VigilError } from '../../core/errors.js';
import { listAlerts } from '../../storage/alerts.js';
import type { Denied } from '../../storage/access.js';
import { caseMembers, redactFor } from '../../storage/access.js';
import { displayName, effectiveStatus } from '../../storage/cases.js';
import { getPersonRow, livePersonId } from '../../storage/persons.js';
import type { Db } from '../../storage/store.js';
import { loadTimeline } from '../../storage/timeline.js';
import { chronological } from '../../cases/status.js';
import type { HeldAt } from '../../cases/status.js';
import type { EventType, Modality } from '../../text/types.js';

/** Everything a case page shows, in one object: person, names, status and what set it, timeline with sources, alerts, pending reviews. */
export async function caseView(db: Db, requestedId: string, denied: Denied) {
  const id = await livePersonId(db, requestedId);
  const person = await getPersonRow(db, id);
  if (!person || denied.persons.includes(id)) throw new VigilError('not_found', 'no such case');
  const aliases = await db.selectFrom('person_aliases').select(['alias', 'report_id', 'created_at', 'script', 'kind']).where('person_id', '=', id).orderBy('created_at').execute();
  const mentions = await db
    .selectFrom('person_mentions')
    .innerJoin('reports', 'reports.id', 'person_mentions.report_id')
    .select(['person_mentions.id', 'person_mentions.report_id', 'person_mentions.entity_id', 'person_mentions.name', 'person_mentions.state', 'person_mentions.candidate_id', 'person_mentions.score', 'person_mentions.reasons', 'reports.title', 'reports.url', 'reports.published'])
    .where('person_mentions.person_id', '=', id)
    .orderBy('person_mentions.created_at')
    .execute();
  const timeline = await loadTimeline(db, id);
  const reportIds = [...new Set(timeline.flatMap((e) => e.sources.map((s) => s.report_id)))];
  const reports = reportIds.length ? await db.selectFrom('reports').select(['id', 'title', 'url', 'published', 'text', 'origin', 'created_at']).where('id', 'in', reportIds).execute() : [];
  // A report from a partner's bundle names the partner: the facts it gives came to us through them.
  const reportOf = new Map(reports.map((r) => [r.id, { ...r, via: r.origin ? (JSON.parse(r.origin) as { partner: string }).partner : null }]));
  const entries = chronological(timeline.map((e) => ({ ...e, date: e.date_value ? { value: e.date_value, precision: e.date_precision as 'day' } : null, toldAt: e.told_at, type: e.type as EventType, modality: e.modality as Modality })));
  const status = effectiveStatus(person);
  const view = {
    id,
    name: displayName(person),
    realName: person.name,
    restricted: !!person.restricted,
    codeName: person.code_name,
    members: person.restricted ? await caseMembers(db, id) : [],
    // Where the events happen, else the person's nationality, else the reports' country (`cases/country.ts`).
    country: person.case_country ?? person.country,
    countryBasis: person.case_country ? person.case_country_basis : person.country ? 'nationality' : null,
    nationality: person.country,
    // Where a report says the person is held, with the report and the words' offsets; null when no report says.
    heldAt: heldAtView(person.held_at, reportOf),
    titles: JSON.parse(person.titles) as string[],
    aliases,
    status: { ...status, since: person.status_since, eventId: person.status_event_id, derived: person.status, derivedReason: person.status_reason },
    last_news_at: person.last_news_at,
    timeline: entries.map((e) => ({
      id: e.id,
      type: e.type,
      modality: e.modality,
      date: e.date_value,
      precision: e.date_precision,
      place: e.place,
      country: e.country,
      destinationCountry: e.destination_country,
      agent: e.agent,
      conflicts: e.conflicts,
      independentSources: e.independentSources,
      sources: e.sources.map((s) => {
        const r = reportOf.get(s.report_id);
        // The sentence around the trigger, so a reader sees the evidence without opening the report.
        const excerpt = r ? r.text.slice(Math.max(0, s.start - 120), Math.min(r.text.length, s.end + 120)) : '';
        return { id: s.id, via: r?.via ?? null, sourceKind: s.source_kind, hand: s.hand, gradedBy: s.graded_by, reportId: s.report_id, title: r?.title ?? null, url: r?.url ?? null, published: r?.published ?? null, eventId: s.event_id, start: s.start, end: s.end, trigger: s.trigger, modality: s.modality, date: s.date_value, speaker: s.speaker, confidence: s.confidence, excerpt, heldAt: s.held_at, whereaboutsUnknown: s.whereabouts_unknown === 1, accepted: s.accepted === 1, backfill: r ? isBackfill(r.published, r.created_at) : false };
      }),
    })),
    mentions: mentions.map((m) => ({ ...m, reasons: JSON.parse(m.reasons) as string[] })),
    alerts: await listAlerts(db, { personId: id, limit: 200, offset: 0 }),
  };
  if (!denied.persons.length) return view;
  // What this case carries about a case the user may not see (a report naming both people, a
  // match candidate) goes; an event only a hidden report told goes with its sources.
  const told = new Set(view.timeline.filter((e) => e.sources.length).map((e) => e.id));
  const redacted = await redactFor(db, denied, view);
  return { ...redacted, timeline: redacted.timeline.filter((e) => e.sources.length || !told.has(e.id)) };
}

function heldAtView(json: string | null, reports: Map<string, { title: string | null; url: string | null; text: string }>) {
  if (!json) return null;
  const h = JSON.parse(json) as HeldAt;
  const r = reports.get(h.reportId);
  return { ...h, title: r?.title ?? null, url: r?.url ?? null, excerpt: r && h.start !== null && h.end !== null ? r.text.slice(Math.max(0, h.start - 80), Math.min(r.text.length, h.end + 80)) : null };
}

export type CaseView = Awaited<ReturnType<typeof caseView>>;
