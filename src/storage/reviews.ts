import { sql } from 'kysely';
import type { Denied } from './access.js';
import { NOTHING_DENIED, personVisible } from './access.js';
import type { Cursor } from './paging.js';
import type { Db } from './store.js';

export interface ReviewRow {
  id: string;
  report_id: string;
  name: string;
  person_id: string;
  candidate_id: string | null;
  candidate_name: string | null;
  score: number;
  reasons: string;
  created_at: string;
}

/**
 * Possible same-person matches awaiting a decision, oldest first, a page at a time: the queue
 * grows with every uncertain mention, so it is read through `person_mentions_review` (009) in
 * its order, from the cursor (the last row's `created_at` and id), never loaded whole.
 */
export async function listReviews(db: Db, opts: { limit: number; cursor?: Cursor; denied?: Denied }): Promise<ReviewRow[]> {
  const denied = opts.denied ?? NOTHING_DENIED;
  let q = db
    .selectFrom('person_mentions')
    .leftJoin('persons as candidate', 'candidate.id', 'person_mentions.candidate_id')
    .select(['person_mentions.id', 'person_mentions.report_id', 'person_mentions.name', 'person_mentions.person_id', 'person_mentions.candidate_id', 'candidate.name as candidate_name', 'person_mentions.score', 'person_mentions.reasons', 'person_mentions.created_at'])
    .where('person_mentions.state', '=', 'review')
    .where(personVisible(denied, 'person_mentions.person_id'))
    .where((eb) => eb.or([eb('person_mentions.candidate_id', 'is', null), eb.not(eb('person_mentions.candidate_id', 'in', denied.persons.length ? denied.persons : ['']))]))
    .orderBy('person_mentions.created_at')
    .orderBy('person_mentions.id')
    .limit(opts.limit);
  const c = opts.cursor;
  // Ascending, so strictly after is later, or as late with a greater id; written as a range the index seeks to.
  if (c?.at) q = q.where(sql<boolean>`(person_mentions.created_at >= ${c.at} AND (person_mentions.created_at > ${c.at} OR person_mentions.id > ${c.id}))`);
  return q.execute();
}
