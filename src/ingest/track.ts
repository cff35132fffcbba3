import { gradeClaim } from '../cases/grading.js';
import { displayName } from '../storage/cases.js';
import { evaluateRules, nextReviewAt, readTime } from '../cases/alerts.js';
import { caseCountry, companionCountries, dominantCountry, eventsCountry, retoldCountry, sentenceCountries } from '../cases/country.js';
import { deriveStatus } from '../cases/status.js';
import { fit } from '../cases/timeline.js';
import { joinsRound } from '../extractors/events/rounds.js';
import type { ExtractionDocument } from '../text/types.js';
import type { Channels, Raised } from '../storage/alerts.js';
import { listRules, raiseAlert } from '../storage/alerts.js';
import { writeAudit } from '../storage/audit.js';
import { enqueue } from '../storage/jobs.js';
import type { AlertsTable, ReportsTable } from '../storage/schema.js';
import type { Db } from '../storage/store.js';
import type { SourceInput } from '../storage/timeline.js';
import type { ReportTimes } from '../storage/timeline.js';
import { addSource, caseEntries, createCaseEvent, loadTimeline, tellingOf } from '../storage/timeline.js';
import { roleCountry, roleText } from './profiles.js';
import { applyCasePolicy } from './who-gets-a-case.js';
import type { PersonDecision } from '../cases/policy.js';
import { dropPendingTriage } from '../storage/policy.js';

export interface TrackResult {
  persons: { id: string; name: string; decision: 'same' | 'review' | 'new'; score: number }[];
  newEvents: string[];
  updatedEvents: string[];
  alerts: { id: string; kind: string; message: string }[];
  /** Possible cases held for an analyst (the policy's `triage`). */
  triage: { id: string; name: string; entity: string }[];
  /** The case policy's decision for every entity an event befalls. */
  decisions: PersonDecision[];
}

/**
 * Folds one report's extraction into the cases, inside the caller's transaction: the case policy
 * decides who gets a case (`cases/policy.ts`), each person it opens or attaches is matched to a
 * person on file (or opened as a new case, or proposed for review), a borderline one is held in
 * the triage queue; each of their events joins the timeline event it retells or starts a new one,
 * the status is derived again, and the alert rules run. Every change is audited with the report
 * it came from.
 */
export async function trackReport(tx: Db, at: string, actor: string, report: ReportsTable, doc: ExtractionDocument): Promise<TrackResult> {
  const result: TrackResult = { persons: [], newEvents: [], updatedEvents: [], alerts: [], triage: [], decisions: [] };
  const audit = (action: string, entityType: string, entityId: string, detail: Record<string, unknown>) =>
    writeAudit(tx, at, { actor, action, entityType, entityId, reportId: report.id, detail });
  const personOf = new Map<string, string>();

  const triaged = await applyCasePolicy(tx, at, report, doc, audit, personOf, result);
  await dropPendingTriage(tx, report.id, triaged);

  const touched = new Set<string>();
  const toldAt = report.published ?? at;
  // Events an analyst accepted, corrected or added: a reported one then moves the status.
  const reviewed = new Set((await tx.selectFrom('corrections').select(['event_id', 'action']).where('report_id', '=', report.id).execute()).filter((c) => c.action !== 'rejected').map((c) => c.event_id));
  // an event told with no place of its own happened, most likely, in the one country its sentence names
  const countryOfSentence = sentenceCountries(doc);
  // else in the one country the other sentences telling it again name
  const countryRetold = retoldCountry(doc, countryOfSentence);
  const placeOf = (ev: (typeof doc.events)[number]) => roleCountry(doc, ev.place) ?? countryOfSentence(ev.sentence, ev) ?? countryRetold(ev);
  // with none, where the others it befalls were held or harmed
  const countryOfCompanions = companionCountries(doc.events, placeOf);
  for (const ev of doc.events) {
    const personId = ev.target?.entity ? personOf.get(ev.target.entity) : undefined;
    if (!personId) continue;
    touched.add(personId);
    const sentence = doc.sentences?.[ev.sentence];
    const grade = gradeClaim(doc, ev.speaker, sentence ? doc.text.slice(sentence.start, sentence.end) : ev.trigger.text, ev.target?.entity ?? null);
    const source: SourceInput = {
      reportId: report.id,
      eventId: ev.id,
      sentence: ev.sentence,
      start: ev.trigger.start,
      end: ev.trigger.end,
      trigger: ev.trigger.text,
      type: ev.type,
      modality: ev.modality,
      date: ev.date ? { value: ev.date.value, precision: ev.date.precision } : null,
      agent: roleText(doc, ev.agent),
      place: roleText(doc, ev.place),
      country: placeOf(ev) ?? countryOfCompanions(ev),
      destinationCountry: roleCountry(doc, ev.destination),
      speaker: roleText(doc, ev.speaker),
      // How sure the reading is; who says it is in the grade beside it, and an analyst may set both.
      confidence: ev.confidence,
      sourceKind: grade.kind,
      hand: grade.hand,
      heldAt: ev.heldAt ? { text: roleText(doc, ev.heldAt) ?? ev.heldAt.text, start: ev.heldAt.start ?? null, end: ev.heldAt.end ?? null } : null,
      whereaboutsUnknown: !!ev.whereaboutsUnknown,
      accepted: reviewed.has(ev.id),
    };
    const timeline = await loadTimeline(tx, personId);
    const telling = { type: source.type, modality: source.modality, date: source.date, country: source.country };
    // a custody told as a new round ("rearrested", "detained again", "back in prison") is not a retelling
    // of one no source tells so: an undated re-arrest would otherwise join the first arrest, years before;
    // nor is a house arrest a retelling of a cell's custody, or one of it (joinsRound)
    const best = timeline
      .map((t) => ({ t, f: fit(telling, t.sources.map(tellingOf)) }))
      .filter((x) => x.f.score > 0 && joinsRound(source.trigger, x.t.sources.map((s) => s.trigger)))
      .sort((a, b) => b.f.score - a.f.score)[0];
    if (best) {
      await addSource(tx, at, best.t.id, source);
      result.updatedEvents.push(best.t.id);
      await audit('event.source_added', 'case_event', best.t.id, { personId, eventId: ev.id, trigger: ev.trigger.text, conflict: best.f.conflict });
    } else {
      const id = await createCaseEvent(tx, at, personId, source, toldAt);
      result.newEvents.push(id);
      await audit('event.created', 'case_event', id, { personId, type: ev.type, modality: ev.modality, eventId: ev.id, trigger: ev.trigger.text });
    }
  }

  // News counts from when the report was read (published and received here), never from an old publication date.
  const newsAt = readTime(report.published, report.created_at);
  // where the report's events take place by their own places (told in two sentences at least, when
  // the report names one country most), else the country it names most
  const ownPlaces = doc.events.map((ev) => ({ type: ev.type, modality: ev.modality, sentence: ev.sentence, country: roleCountry(doc, ev.place) }));
  const named = dominantCountry(doc);
  const reportCountry = eventsCountry(ownPlaces, named ? 2 : 1) ?? named;
  for (const personId of new Set([...personOf.values()])) {
    await tx.updateTable('persons').set({ last_news_at: newsAt }).where('id', '=', personId).where((eb) => eb.or([eb('last_news_at', 'is', null), eb('last_news_at', '<', newsAt)])).execute();
    if (reportCountry) await tx.updateTable('persons').set({ report_country: reportCountry }).where('id', '=', personId).where('report_country', 'is', null).execute();
  }
  // A person whose report adds no event of theirs still gets a country and a status read again.
  for (const personId of personOf.values()) touched.add(personId);
  for (const personId of touched) {
    const raised = await refreshCase(tx, at, actor, personId, new Set(result.newEvents), report.id);
    result.alerts.push(...raised);
  }
  return result;
}

/**
 * Derives the person's status again (an analyst's override stays in force), where they are held
 * and the country of the case, records a change in the audit, runs the alert rules and stores
 * when a time rule could next fire (`persons.review_due_at`). Also called by the scheduler, with
 * no report, once that time has come, so that time-based rules ("no confirmation for more than 24
 * hours") fire without new news.
 */
export async function refreshCase(tx: Db, at: string, actor: string, personId: string, fresh: Set<string>, reportId: string | null): Promise<TrackResult['alerts']> {
  const person = await tx.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
  const timeline = await loadTimeline(tx, personId);
  const reportIds = [...new Set(timeline.flatMap((e) => e.sources.map((s) => s.report_id)))];
  const times = new Map<string, ReportTimes>();
  if (reportIds.length) {
    for (const r of await tx.selectFrom('reports').select(['id', 'published', 'created_at']).where('id', 'in', reportIds).execute()) times.set(r.id, r);
  }
  const entries = caseEntries(timeline, times);
  const derived = deriveStatus(entries);
  const heldAt = derived.heldAt ? JSON.stringify(derived.heldAt) : null;
  const country = caseCountry(timeline, { nationality: person.country, reports: person.report_country });
  const changed = derived.status !== person.status || derived.eventId !== person.status_event_id || derived.reason !== person.status_reason;
  if (changed || heldAt !== person.held_at || country.code !== person.case_country || country.basis !== person.case_country_basis) {
    await tx
      .updateTable('persons')
      .set({ status: derived.status, status_event_id: derived.eventId, status_since: derived.since, status_reason: derived.reason, held_at: heldAt, case_country: country.code, case_country_basis: country.basis, updated_at: at })
      .where('id', '=', personId)
      .execute();
  }
  if (changed) {
    await writeAudit(tx, at, { actor, action: 'person.status_derived', entityType: 'person', entityId: personId, reportId, detail: { from: person.status, to: derived.status, eventId: derived.eventId, reason: derived.reason, heldAt: derived.heldAt ?? null } });
  }
  if (country.code !== person.case_country) {
    await writeAudit(tx, at, { actor, action: 'person.country_derived', entityType: 'person', entityId: personId, reportId, detail: { from: person.case_country, to: country.code, basis: country.basis } });
  }
  const override = person.status_override ? (JSON.parse(person.status_override) as { status: string }) : null;
  const status = override ? { ...derived, status: override.status as typeof derived.status } : derived;
  // Alerts leave the machine by e-mail and webhook: a code-named case goes out under its code name.
  const confirmed = await tx.selectFrom('whereabouts').select(['confirmed_at', 'proof_of_life', 'state']).where('person_id', '=', personId).orderBy('confirmed_at', 'desc').execute();
  const view = {
    personId,
    name: displayName(person),
    country: person.country,
    status,
    entries,
    lastNewsAt: person.last_news_at,
    lastProofOfLife: confirmed.find((w) => w.proof_of_life === 1)?.confirmed_at ?? null,
    lastConfirmedAt: confirmed.find((w) => w.state === 'known')?.confirmed_at ?? null,
  };
  const raised: TrackResult['alerts'] = [];
  const rules = (await listRules(tx)).filter((r) => r.enabled);
  for (const rule of rules) {
    for (const candidate of evaluateRules(view, [rule.rule], new Date(at), fresh)) {
      const got = await raiseAlert(tx, at, personId, rule.id, candidate);
      if (!got) continue;
      const { row, action, notify } = got;
      await writeAudit(tx, at, { actor, action: AUDITED[action], entityType: 'alert', entityId: row.id, reportId, detail: { personId, kind: candidate.kind, key: candidate.key, episode: candidate.episode, urgent: candidate.urgent, status: candidate.status ?? null, ruleId: rule.id, notified: notify } });
      if (action === 'raise') raised.push({ id: row.id, kind: row.kind, message: row.message });
      // Told as a new alert: one raised, or an urgent one folded into the episode's open alert (it
      // rose in the list; a clock that ran out is not buried in an old line). One from a backfill
      // waits in the list (and the digest); one attached to an acknowledged alert is told to nobody.
      if (notify) await deliver(tx, at, row, rule.id, rule.channels);
    }
  }
  // When the scheduler must look at the case again, from what was just evaluated and in the same
  // transaction: a time rule's alert raised now is never due again; the next one to run out is.
  const due = person.merged_into ? null : nextReviewAt(view, rules.map((r) => r.rule), new Date(at));
  if (due !== person.review_due_at) await tx.updateTable('persons').set({ review_due_at: due }).where('id', '=', personId).execute();
  return raised;
}

const AUDITED: Record<Raised['action'], string> = { raise: 'alert.raised', fold: 'alert.folded', attach: 'alert.attached' };

/**
 * Webhook and e-mail deliveries are jobs: retried with backoff, and never block the report's
 * transaction on the network. They go to the channels of the rule that raised the alert, or raised
 * it again (`ruleId`: a clock that ran out, folded into another rule's open alert, goes where its
 * own rule sends). A job reads the alert when it runs. Raised again later, the alert gets jobs of
 * its own (`again`: the message leads with the newest news), keyed by the time: one still waiting or
 * already running may have read the alert before. Raised and raised again in one transaction, the
 * jobs of the raise, which cannot have run yet, take the later news with them.
 */
async function deliver(tx: Db, at: string, alert: AlertsTable, ruleId: string, channels: Channels): Promise<void> {
  const own = ruleId === alert.rule_id;
  const now = alert.created_at === at;
  const key = `${alert.id}${own ? '' : `:${ruleId}`}${now ? '' : `@${at}`}`;
  const payload = { alertId: alert.id, ...(own ? {} : { ruleId }), ...(now ? {} : { again: true }) };
  if (channels.webhook) await enqueue(tx, at, { kind: 'deliver.webhook', payload, key: `webhook:${key}`, maxAttempts: 8 });
  if (channels.email?.length && channels.digest !== 'daily') await enqueue(tx, at, { kind: 'deliver.email', payload, key: `email:${key}`, maxAttempts: 8 });
}
