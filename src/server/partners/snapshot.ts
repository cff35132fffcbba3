import type { CaseSnapshot, ReportOrigin } from '../../cases/sharing/bundle.js';
import type { Denied } from '../../storage/access.js';
import { redactFor } from '../../storage/access.js';
import { notesOf, whereaboutsOf } from '../../storage/casework.js';
import { getPersonRow } from '../../storage/persons.js';
import { parseExtraction } from '../../storage/reports.js';
import { placesNamed } from '../../cases/sharing/places.js';
import type { Db } from '../../storage/store.js';
import { caseView } from '../cases/view.js';
import { caseStatements } from '../casework/statements.js';

/** Everything a bundle may be made from, read from the database for one case the user may see. */
export async function caseSnapshot(db: Db, personId: string, denied: Denied): Promise<CaseSnapshot> {
  const view = await caseView(db, personId, denied);
  const person = (await getPersonRow(db, view.id))!;
  // Statements, notes and whereabouts pass the same redaction as the case page.
  const statements = await redactFor(db, denied, await caseStatements(db, view.id));
  const reportIds = [...new Set([...view.timeline.flatMap((e) => e.sources.map((s) => s.reportId)), ...statements.flatMap((s) => (s.reportId ? [s.reportId] : []))])];
  const rows = reportIds.length ? await db.selectFrom('reports').select(['id', 'text', 'title', 'url', 'published', 'origin', 'extraction', 'extraction_z']).where('id', 'in', reportIds).execute() : [];
  return {
    person: { name: person.name, codeName: person.code_name, restricted: view.restricted, country: view.country, titles: view.titles, aliases: view.aliases.map((a) => ({ alias: a.alias, script: a.script, kind: a.kind })), status: view.status.status, statusSince: view.status.since },
    timeline: view.timeline.map((e) => ({ id: e.id, type: e.type, modality: e.modality, date: e.date, precision: e.precision, place: e.place, country: e.country, destinationCountry: e.destinationCountry, agent: e.agent, sources: e.sources.map((s) => ({ reportId: s.reportId, start: s.start, end: s.end, trigger: s.trigger, modality: s.modality, date: s.date, speaker: s.speaker, sourceKind: s.sourceKind, hand: s.hand, confidence: s.confidence, whereaboutsUnknown: s.whereaboutsUnknown })) })),
    reports: new Map(rows.map((r) => [r.id, { text: r.text, title: r.title, url: r.url, published: r.published, origin: r.origin ? (JSON.parse(r.origin) as ReportOrigin) : null, places: placesNamed(parseExtraction(r)) }])),
    statements,
    whereabouts: (await redactFor(db, denied, await whereaboutsOf(db, view.id))).map((w) => ({ state: w.state, place: w.place, confirmedAt: w.confirmed_at, confirmedBy: w.confirmed_by, sourceKind: w.source_kind, proofOfLife: !!w.proof_of_life, note: w.note })),
    notes: (await redactFor(db, denied, await notesOf(db, view.id))).map((n) => ({ body: n.body, at: n.at })),
  };
}
