import { randomUUID } from 'node:crypto';
import { nameTokens, normalizeName } from '../cases/names.js';
import type { PersonProfile } from '../cases/match.js';
import type { PersonRow } from './schema.js';
import type { Db } from './store.js';

/** How many co-occurring entity names a person keeps for matching. */
const CONTEXT_LIMIT = 60;

export interface StoredPerson extends PersonProfile {
  id: string;
  name: string;
  /** A restricted case: named to no one outside it, not even as a possible match. */
  restricted: boolean;
}

function parseList(json: string): string[] {
  return JSON.parse(json) as string[];
}

/** People on file whose aliases share a name token with any of `names` (the candidates worth scoring). */
export async function candidatePersons(db: Db, names: string[]): Promise<StoredPerson[]> {
  const tokens = [...new Set(names.flatMap(nameTokens))].filter((t) => t.length >= 3);
  if (!tokens.length) return [];
  const ids = await db
    .selectFrom('person_aliases')
    .innerJoin('persons', 'persons.id', 'person_aliases.person_id')
    .select('person_aliases.person_id')
    .distinct()
    .where('persons.merged_into', 'is', null)
    // Transliterations differ in a letter or two ("Mony"/"Muny"): match on each token's first three letters.
    .where((eb) => eb.or(tokens.map((t) => eb('person_aliases.normalized', 'like', `%${t.slice(0, 3)}%`))))
    .limit(200)
    .execute();
  return Promise.all(ids.map((r) => loadPerson(db, r.person_id))).then((ps) => ps.filter((p): p is StoredPerson => !!p));
}

export async function loadPerson(db: Db, id: string): Promise<StoredPerson | undefined> {
  const p = await db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) return undefined;
  const aliases = await db.selectFrom('person_aliases').select('alias').where('person_id', '=', id).orderBy('created_at').execute();
  return { id, name: p.name, restricted: !!p.restricted, names: aliases.map((a) => a.alias), country: p.country, titles: parseList(p.titles), context: parseList(p.context) };
}

export async function getPersonRow(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createPerson(tx: Db, at: string, seen: PersonProfile & { name: string }, reportId: string | null): Promise<string> {
  const id = randomUUID();
  await tx
    .insertInto('persons')
    .values({
      id,
      name: seen.name,
      country: seen.country ?? null,
      titles: JSON.stringify(seen.titles ?? []),
      context: JSON.stringify((seen.context ?? []).slice(0, CONTEXT_LIMIT)),
      status: 'at_large',
      status_event_id: null,
      status_since: null,
      status_reason: 'no report of detention, disappearance or release',
      status_override: null,
      merged_into: null,
      last_news_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await addAliases(tx, at, id, seen.names, reportId);
  return id;
}

/** Adds every name not yet on file (by normalised form): "Rath Rott Muny" beside "Rath Rott Mony". */
export async function addAliases(tx: Db, at: string, personId: string, names: string[], reportId: string | null): Promise<string[]> {
  const known = new Set((await tx.selectFrom('person_aliases').select('normalized').where('person_id', '=', personId).execute()).map((r) => r.normalized));
  const added: string[] = [];
  for (const alias of names) {
    const normalized = normalizeName(alias);
    if (!normalized || known.has(normalized)) continue;
    known.add(normalized);
    added.push(alias);
    await tx.insertInto('person_aliases').values({ person_id: personId, normalized, alias, report_id: reportId, created_at: at }).execute();
  }
  return added;
}

/** Folds what a new report adds about a person into the record: country if unknown, titles, company kept. */
export async function enrichPerson(tx: Db, at: string, personId: string, seen: PersonProfile): Promise<void> {
  const p = await tx.selectFrom('persons').select(['country', 'titles', 'context']).where('id', '=', personId).executeTakeFirstOrThrow();
  const titles = [...new Set([...parseList(p.titles), ...(seen.titles ?? [])])];
  const context = [...new Set([...parseList(p.context), ...(seen.context ?? [])])].slice(0, CONTEXT_LIMIT);
  await tx
    .updateTable('persons')
    .set({ country: p.country ?? seen.country ?? null, titles: JSON.stringify(titles), context: JSON.stringify(context), updated_at: at })
    .where('id', '=', personId)
    .execute();
}

export interface MentionLink {
  reportId: string;
  entityId: string;
  name: string;
  personId: string;
  state: 'linked' | 'review';
  candidateId: string | null;
  score: number;
  reasons: string[];
}

export async function linkMention(tx: Db, at: string, m: MentionLink): Promise<string> {
  const id = randomUUID();
  await tx
    .insertInto('person_mentions')
    .values({
      id,
      report_id: m.reportId,
      entity_id: m.entityId,
      name: m.name,
      person_id: m.personId,
      state: m.state,
      candidate_id: m.candidateId,
      score: m.score,
      reasons: JSON.stringify(m.reasons),
      created_at: at,
    })
    .execute();
  return id;
}

/** Follows `merged_into` to the person a merged record now lives in. */
export async function livePersonId(db: Db, id: string): Promise<string> {
  for (let i = 0, cur = id; i < 20; i++) {
    const p = await db.selectFrom('persons').select('merged_into').where('id', '=', cur).executeTakeFirst();
    if (!p?.merged_into) return cur;
    cur = p.merged_into;
  }
  return id;
}
