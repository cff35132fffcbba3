import type { Bundle } from '../cases/sharing/bundle.js';
import { sha256Of } from '../cases/sharing/signing.js';
import { planImport } from '../cases/sharing/unpack.js';
import type { CaseDate } from '../cases/timeline.js';
import { VigilError } from '../core/errors.js';
import type { DatePrecision, EventType, Modality } from '../text/types.js';
import { addMember } from '../storage/access.js';
import { writeAudit } from '../storage/audit.js';
import { bundleById, logBundle } from '../storage/bundles.js';
import { addNote, addStatement, addWhereabouts } from '../storage/casework.js';
import type { Engine } from '../storage/engine.js';
import { addAliases, createPerson, linkMention } from '../storage/persons.js';
import { insertReport, saveExtraction } from '../storage/reports.js';
import type { PartnersTable } from '../storage/schema.js';
import type { Db } from '../storage/store.js';
import type { SourceInput } from '../storage/timeline.js';
import { addSource, createCaseEvent } from '../storage/timeline.js';
import { refreshCase } from './track.js';

export interface ImportResult {
  caseId: string;
  partner: string;
  reports: number;
  events: number;
  statements: number;
  whereabouts: number;
  notes: number;
  /** Citations that pointed outside the passages sent, left out. */
  dropped: number;
}

function dateOf(value: string | null): CaseDate | null {
  if (!value) return null;
  const precision: DatePrecision | null = /^\d{4}-\d{2}-\d{2}/.test(value) ? 'day' : /^\d{4}-\d{2}$/.test(value) ? 'month' : /^\d{4}$/.test(value) ? 'year' : null;
  return precision ? { value: value.slice(0, precision === 'day' ? 10 : value.length), precision } : null;
}

/**
 * Opens a case from a partner's bundle, whose signature the caller has checked against the
 * partner's registered key. In the caller's transaction: the case, its reports rebuilt from the
 * passages sent (each recording the partner, the bundle and the partner's address for it), the
 * timeline with its grades, statements, whereabouts and notes, one audit row naming the bundle,
 * then the status and alerts as for any case. A restricted case stays restricted, to the importer.
 */
export async function importBundle(tx: Db, engine: Engine, at: string, actor: string, bundle: Bundle, partner: PartnersTable): Promise<ImportResult> {
  const seen = await bundleById(tx, bundle.id);
  if (seen) throw new VigilError('conflict', `this bundle was already ${seen.direction === 'in' ? 'imported' : 'made here'} (${seen.at})`, { caseId: seen.person_id });
  const plan = planImport(bundle, { name: partner.name, fingerprint: partner.fingerprint });
  const c = bundle.case;
  // A redacted name is not a name to match reports against: only real names become aliases.
  const names = bundle.redaction.name === 'real' ? [c.name, ...c.aliases.map((a) => a.alias)] : [];
  const personId = await createPerson(tx, at, { name: c.name, names: [], country: c.country, titles: c.titles }, null);
  await addAliases(tx, at, personId, names, null);
  if (c.restricted) {
    await tx.updateTable('persons').set({ restricted: 1 }).where('id', '=', personId).execute();
    await addMember(tx, at, personId, actor, actor);
  }

  const reportOf = new Map<string, { id: string; published: string | null }>();
  for (const r of plan.reports) {
    const { report } = await insertReport(tx, at, { text: r.text, format: 'text', source: 'bundle', url: r.url, title: r.title, published: r.published, createdBy: actor, origin: JSON.stringify(r.origin) });
    await saveExtraction(tx, engine, report.id, { published: r.published, ...(r.title ? { title: r.title } : {}), text: report.text, offsets: 'utf16', sentences: [], tokens: [], entities: [], timexes: [], quotes: [], events: [] });
    // The link that hides the report along with a restricted case, and lists it on the case page.
    await linkMention(tx, at, { reportId: report.id, entityId: `bundle:${bundle.id}`, name: c.name, personId, state: 'linked', candidateId: null, score: 1, reasons: [`from ${partner.name}'s bundle`] });
    reportOf.set(r.ref, { id: report.id, published: report.published });
  }

  const fresh = new Set<string>();
  for (const [i, e] of plan.events.entries()) {
    let caseEventId: string | null = null;
    for (const [j, s] of e.sources.entries()) {
      const report = reportOf.get(s.report)!;
      const input: SourceInput = { reportId: report.id, eventId: `bundle:${bundle.id}:${i}:${j}`, sentence: 0, start: s.start, end: s.end, trigger: s.trigger, type: e.type as EventType, modality: s.modality as Modality, date: dateOf(s.date), agent: e.agent, place: e.place, country: e.country, destinationCountry: e.destinationCountry, speaker: s.speaker, confidence: s.confidence, sourceKind: s.sourceKind, hand: s.hand, whereaboutsUnknown: s.whereaboutsUnknown ?? false };
      if (caseEventId) await addSource(tx, at, caseEventId, input);
      else caseEventId = await createCaseEvent(tx, at, personId, input, report.published ?? bundle.issuedAt);
    }
    if (caseEventId) fresh.add(caseEventId);
  }
  for (const s of plan.statements) {
    const claim = s.claims[0];
    await addStatement(tx, { person_id: personId, speaker: s.speaker, source_kind: s.sourceKind, said_on: s.saidOn, text: s.text, claim: claim?.type ?? null, polarity: (claim?.polarity as 'asserted' | 'negated' | undefined) ?? null, report_id: s.report ? (reportOf.get(s.report)?.id ?? null) : null, created_by: actor, created_at: at });
  }
  for (const w of bundle.whereabouts) {
    await addWhereabouts(tx, { person_id: personId, state: w.state as 'known', place: w.place, confirmed_at: w.confirmedAt, confirmed_by: w.confirmedBy, source_kind: w.sourceKind, proof_of_life: w.proofOfLife ? 1 : 0, report_id: null, note: [w.note, `from ${partner.name}`].filter(Boolean).join(' — '), recorded_by: actor, recorded_at: at });
  }
  for (const n of bundle.notes) await addNote(tx, { person_id: personId, body: `${partner.name}: ${n.body}`, by: actor, at: n.at });

  const result: ImportResult = { caseId: personId, partner: partner.name, reports: plan.reports.length, events: fresh.size, statements: plan.statements.length, whereabouts: bundle.whereabouts.length, notes: bundle.notes.length, dropped: plan.dropped };
  const sha256 = sha256Of(bundle);
  await logBundle(tx, { id: bundle.id, direction: 'in', person_id: personId, partner_fingerprint: partner.fingerprint, partner_name: partner.name, sha256, summary: JSON.stringify({ ...result, redaction: bundle.redaction }), by: actor, at });
  await writeAudit(tx, at, { actor, action: 'bundle.imported', entityType: 'person', entityId: personId, detail: { ...result, bundle: bundle.id, fingerprint: partner.fingerprint, sha256, issuedAt: bundle.issuedAt } });
  await refreshCase(tx, at, actor, personId, fresh, null);
  return result;
}
