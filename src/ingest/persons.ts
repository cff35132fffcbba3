import { randomUUID } from 'node:crypto';
import { VigilError } from '../core/errors.js';
import { fit } from '../cases/timeline.js';
import { writeAudit } from '../storage/audit.js';
import { addAliases, createPerson, enrichPerson, loadPerson } from '../storage/persons.js';
import { parseExtraction } from '../storage/reports.js';
import type { Db } from '../storage/store.js';
import { addSource, loadTimeline, refreshCaseEvent, sourceOf, tellingOf } from '../storage/timeline.js';
import { refreshCase } from './track.js';

/**
 * Moves every timeline event of `fromId` onto `intoId`'s timeline: an event the target already
 * has (same type, compatible date and place) takes the moved event's sources; the rest move
 * as they are.
 */
async function foldTimeline(tx: Db, at: string, fromId: string, intoId: string, only?: (s: { report_id: string; event_id: string }) => boolean): Promise<void> {
  const moving = await loadTimeline(tx, fromId);
  for (const event of moving) {
    const sources = only ? event.sources.filter(only) : event.sources;
    if (!sources.length) continue;
    const target = await loadTimeline(tx, intoId);
    const best = target
      .map((t) => ({ t, f: fit(tellingOf(event), t.sources.map(tellingOf)) }))
      .filter((x) => x.f.score > 0)
      .sort((a, b) => b.f.score - a.f.score)[0];
    if (!best && sources.length === event.sources.length) {
      await tx.updateTable('case_events').set({ person_id: intoId, updated_at: at }).where('id', '=', event.id).execute();
      continue;
    }
    let destination = best?.t.id;
    if (!destination) {
      destination = randomUUID();
      await tx.insertInto('case_events').values({ ...stripDerived(event), id: destination, person_id: intoId, created_at: at, updated_at: at }).execute();
    }
    for (const s of sources) {
      await tx.deleteFrom('event_sources').where('id', '=', s.id).execute();
      await addSource(tx, at, destination, sourceOf(s, event.destination_country));
    }
    const left = await tx.selectFrom('event_sources').select('id').where('case_event_id', '=', event.id).executeTakeFirst();
    if (left) await refreshCaseEvent(tx, at, event.id);
    else await tx.deleteFrom('case_events').where('id', '=', event.id).execute();
  }
}

function stripDerived<T extends { sources: unknown; conflicts: unknown; independentSources: unknown }>(e: T): Omit<T, 'sources' | 'conflicts' | 'independentSources'> {
  const { sources: _s, conflicts: _c, independentSources: _i, ...row } = e;
  return row;
}

/** An analyst says two records are one person: `fromId` folds into `intoId`, which keeps every alias, mention, event and alert. */
export async function mergePersons(tx: Db, at: string, actor: string, intoId: string, fromId: string): Promise<void> {
  if (intoId === fromId) throw new VigilError('invalid_input', 'a person cannot be merged into itself');
  const into = await loadPerson(tx, intoId);
  const from = await loadPerson(tx, fromId);
  if (!into || !from) throw new VigilError('not_found', 'no such person');
  await addAliases(tx, at, intoId, from.names, null);
  await enrichPerson(tx, at, intoId, from);
  await tx.updateTable('person_mentions').set({ person_id: intoId, state: 'linked', candidate_id: null }).where('person_id', '=', fromId).execute();
  await tx.updateTable('person_mentions').set({ state: 'linked', candidate_id: null }).where('person_id', '=', intoId).where('candidate_id', '=', fromId).execute();
  await foldTimeline(tx, at, fromId, intoId);
  await tx.updateTable('alerts').set({ person_id: intoId }).where('person_id', '=', fromId).execute();
  // A merged record is never evaluated again (its case is the other's): nothing of it is due.
  await tx.updateTable('persons').set({ merged_into: intoId, review_due_at: null, updated_at: at }).where('id', '=', fromId).execute();
  await writeAudit(tx, at, { actor, action: 'person.merged', entityType: 'person', entityId: intoId, detail: { from: fromId, fromName: from.name, aliases: from.names } });
  await refreshCase(tx, at, actor, intoId, new Set(), null);
}

/**
 * An analyst says some mentions are someone else: a new person is opened from them, and the
 * events those mentions are the target of move to the new person's timeline.
 */
export async function splitPerson(tx: Db, at: string, actor: string, personId: string, mentionIds: string[]): Promise<string> {
  const mentions = await tx.selectFrom('person_mentions').selectAll().where('person_id', '=', personId).where('id', 'in', mentionIds.length ? mentionIds : ['']).execute();
  if (!mentions.length || mentions.length !== new Set(mentionIds).size) throw new VigilError('invalid_input', 'every mention to split off must belong to this person');
  const all = await tx.selectFrom('person_mentions').select('id').where('person_id', '=', personId).execute();
  if (all.length === mentions.length) throw new VigilError('invalid_input', 'splitting off every mention leaves nobody behind; rename the person instead');
  const moved = new Set<string>();
  for (const m of mentions) {
    const report = await tx.selectFrom('reports').select(['extraction', 'extraction_z']).where('id', '=', m.report_id).executeTakeFirstOrThrow();
    for (const ev of parseExtraction(report)?.events ?? []) if (ev.target?.entity === m.entity_id) moved.add(`${m.report_id}|${ev.id}`);
  }
  const newId = await createPerson(tx, at, { name: mentions[0]!.name, names: [...new Set(mentions.map((m) => m.name))] }, mentions[0]!.report_id);
  await tx.updateTable('person_mentions').set({ person_id: newId, state: 'linked', candidate_id: null }).where('id', 'in', mentionIds).execute();
  await foldTimeline(tx, at, personId, newId, (s) => moved.has(`${s.report_id}|${s.event_id}`));
  await writeAudit(tx, at, { actor, action: 'person.split', entityType: 'person', entityId: personId, detail: { into: newId, mentions: mentionIds } });
  await refreshCase(tx, at, actor, personId, new Set(), null);
  await refreshCase(tx, at, actor, newId, new Set(), null);
  return newId;
}
