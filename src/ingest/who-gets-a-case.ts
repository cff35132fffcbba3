import { cleanPersonName } from '../extractors/risk/clean-name.js';
import type { MatchScore } from '../cases/match.js';
import { decide, scoreMatch } from '../cases/match.js';
import { decideCases } from '../cases/policy.js';
import type { Entity, ExtractionDocument } from '../text/types.js';
import { isNamed } from '../text/types.js';
import type { StoredPerson } from '../storage/persons.js';
import { addAliases, candidatePersons, createPerson, enrichPerson, linkMention, livePersonId } from '../storage/persons.js';
import { policySettings, queueTriage, rememberedDecisions, watchEntries } from '../storage/policy.js';
import type { ReportsTable } from '../storage/schema.js';
import type { Db } from '../storage/store.js';
import { profileOf } from './profiles.js';
import type { TrackResult } from './track.js';

/** A name not read as a person attaches to a case only when it is that case's name, exactly. */
const EXACT = 0.99;

type Audit = (action: string, entityType: string, entityId: string, detail: Record<string, unknown>) => Promise<void>;

/** How a targeted person stands against the people on file, before anything is written. */
type OnFile = { linked: string } | { best: { p: StoredPerson; m: MatchScore } | undefined };

async function matchOnFile(tx: Db, reportId: string, doc: ExtractionDocument, entity: Entity): Promise<OnFile> {
  // Read again after an analyst's correction: the person this mention was linked to stays (merges and splits included).
  const linked = await tx.selectFrom('person_mentions').select('person_id').where('report_id', '=', reportId).where('entity_id', '=', entity.id).executeTakeFirst();
  if (linked) return { linked: await livePersonId(tx, linked.person_id) };
  return { best: (await rankOnFile(tx, doc, entity))[0] };
}

/** The people on file a report's person may be, scored by the name matcher, strongest first (the tracker's match and the triage queue's "Same person as …"). */
export async function rankOnFile(db: Db, doc: ExtractionDocument, entity: Entity): Promise<{ p: StoredPerson; m: MatchScore }[]> {
  const clean = cleanPersonName(entity.name);
  const seen = profileOf(doc, entity, clean.ok ? clean.name : entity.name);
  return (await candidatePersons(db, seen.names)).map((p) => ({ p, m: scoreMatch(seen, p) })).sort((a, b) => b.m.score - a.m.score);
}

/**
 * The writer's half of the case policy: finds who a report's targeted people are on file, asks
 * the pure policy who gets a case, then opens or attaches cases (matched, created, linked) and
 * holds the borderline in the triage queue, each change audited. Fills `personOf` (entity →
 * person) for the timeline step; returns the entities held in triage.
 */
export async function applyCasePolicy(tx: Db, at: string, report: ReportsTable, doc: ExtractionDocument, audit: Audit, personOf: Map<string, string>, result: TrackResult): Promise<string[]> {
  const targeted = new Set(doc.events.map((e) => e.target?.entity).filter((id): id is string => !!id));
  // Places and organisations too: a name the recogniser misreads may be a person on file, matched exactly.
  const people = doc.entities.filter((e) => e.type !== 'MISC' && targeted.has(e.id) && isNamed(e));
  const found = new Map<string, OnFile>();
  const onFile = new Map<string, string>();
  const mayBeOnFile = new Map<string, string>();
  for (const entity of people) {
    const m = await matchOnFile(tx, report.id, doc, entity);
    found.set(entity.id, m);
    if ('linked' in m) onFile.set(entity.id, m.linked);
    else if (m.best && decide(m.best.m.score) === 'same' && (entity.type === 'PERSON' || m.best.m.score >= EXACT)) onFile.set(entity.id, m.best.p.id);
    // a restricted case is not named, nor hinted at, to whoever reads the triage queue (a bare name like its name is held all the same)
    else if (m.best && decide(m.best.m.score) === 'review' && entity.type === 'PERSON' && !m.best.p.restricted) mayBeOnFile.set(entity.id, m.best.p.id);
  }
  const decisions = decideCases({
    doc,
    settings: await policySettings(tx),
    watch: await watchEntries(tx),
    decisions: await rememberedDecisions(tx, people.filter((p) => p.type === 'PERSON').map((p) => p.name)),
    onFile,
    mayBeOnFile,
  });
  result.decisions = decisions;

  const triaged: string[] = [];
  for (const d of decisions) {
    if (d.outcome === 'none') continue;
    if (d.outcome === 'triage') {
      const id = await queueTriage(tx, at, report.id, d, doc);
      triaged.push(d.entity);
      if (!id) continue;
      result.triage.push({ id, name: d.name, entity: d.entity });
      await audit('triage.queued', 'triage_item', id, { name: d.name, kinds: d.kinds, score: d.score, relevance: d.relevance, reasons: d.reasons });
      continue;
    }
    const entity = people.find((p) => p.id === d.entity)!;
    const m = found.get(d.entity)!;
    if ('linked' in m) {
      personOf.set(entity.id, m.linked);
      result.persons.push({ id: m.linked, name: entity.name, decision: 'same', score: 1 });
      continue;
    }
    const seen = profileOf(doc, entity, d.name);
    const best = m.best;
    const decision = best ? decide(best.m.score) : 'new';
    let personId: string;
    if (decision === 'same') {
      personId = best!.p.id;
      const added = await addAliases(tx, at, personId, seen.names, report.id);
      await enrichPerson(tx, at, personId, seen);
      if (added.length) await audit('person.aliases_added', 'person', personId, { aliases: added });
    } else {
      personId = await createPerson(tx, at, seen, report.id);
      await audit('person.created', 'person', personId, {
        name: seen.name,
        policy: { outcome: d.outcome, reasons: d.reasons, score: d.score, kinds: d.kinds, ...(d.watched ? { watched: d.watched } : {}) },
        ...(decision === 'review' ? { possibleMatch: best!.p.id, score: best!.m.score } : {}),
      });
    }
    await linkMention(tx, at, {
      reportId: report.id,
      entityId: entity.id,
      name: entity.name,
      personId,
      state: decision === 'review' ? 'review' : 'linked',
      candidateId: decision === 'review' ? best!.p.id : null,
      score: best?.m.score ?? 0,
      reasons: best?.m.reasons ?? [],
    });
    personOf.set(entity.id, personId);
    result.persons.push({ id: personId, name: d.name, decision, score: best?.m.score ?? 0 });
  }
  return triaged;
}
