import { sql } from 'kysely';
import { VigilError } from '../core/errors.js';
import type { CaseStatus } from '../cases/status.js';
import type { Denied } from './access.js';
import { NOTHING_DENIED, personVisible } from './access.js';
import type { Engine } from './engine.js';
import { personCoded, personNamed } from './names-search.js';
import type { Cursor } from './paging.js';
import { after } from './paging.js';
import type { PersonRow } from './schema.js';
import type { Db } from './store.js';

export interface CaseSummary {
  id: string;
  name: string;
  restricted: boolean;
  /** The country the case is about (where its events happen, else nationality, else the reports'). */
  country: string | null;
  /** Where a report says the person is held; null when none says. */
  held_at: string | null;
  status: string;
  status_since: string | null;
  status_reason: string;
  overridden: boolean;
  last_news_at: string | null;
  events: number;
  open_alerts: number;
}

/** The name lists, alerts and exports show: a restricted case's code name when it has one. */
export function displayName(p: Pick<PersonRow, 'name' | 'restricted' | 'code_name'>): string {
  return p.restricted && p.code_name ? p.code_name : p.name;
}

/** The status shown: an analyst's override when set, else the derived one. */
export function effectiveStatus(p: Pick<PersonRow, 'status' | 'status_override' | 'status_reason'>): { status: CaseStatus; overridden: boolean; reason: string } {
  if (p.status_override) {
    const o = JSON.parse(p.status_override) as { status: CaseStatus; reason: string };
    return { status: o.status, overridden: true, reason: o.reason };
  }
  return { status: p.status as CaseStatus, overridden: false, reason: p.status_reason };
}

/** Open cases (merged records excluded), most recent news first. */
export async function listCases(db: Db, opts: { status?: string; q?: string; country?: string; limit: number; offset: number; cursor?: Cursor; denied?: Denied; engine?: Engine }): Promise<CaseSummary[]> {
  let q = db
    .selectFrom('persons')
    .selectAll('persons')
    .select((eb) => [
      eb.selectFrom('case_events').select(eb.fn.countAll<number>().as('n')).whereRef('case_events.person_id', '=', 'persons.id').as('events'),
      eb.selectFrom('alerts').select(eb.fn.countAll<number>().as('n')).whereRef('alerts.person_id', '=', 'persons.id').where('alerts.acknowledged_at', 'is', null).as('open_alerts'),
    ])
    .where('persons.merged_into', 'is', null)
    .where(personVisible(opts.denied ?? NOTHING_DENIED))
    // NULLS LAST spelled out: PostgreSQL puts nulls first in a descending order, SQLite last.
    .orderBy(sql`persons.last_news_at desc nulls last`)
    .orderBy('persons.id')
    .limit(opts.limit);
  q = opts.cursor ? q.where(after(opts.cursor, 'persons.last_news_at', 'persons.id', true)) : q.offset(opts.offset);
  if (opts.status) {
    const status = opts.status;
    q = q.where((eb) => eb.or([eb.and([eb('persons.status_override', 'is', null), eb('persons.status', '=', status)]), eb('persons.status_override', 'like', `%"status":"${status}"%`)]));
  }
  if (opts.country) {
    const country = opts.country;
    // The country a case shows (its case country, else the nationality), spelled as the expression `persons_shown_country` indexes (009).
    q = q.where(sql`coalesce(persons.case_country, persons.country)`, '=', country);
  }
  if (opts.q) {
    if (!opts.engine) throw new VigilError('internal', 'a name search needs the engine (its full-text index differs)');
    // (a member knows a restricted case by the code name the list shows them: "Heron" finds it;
    // the access filter above keeps it from everyone else)
    q = q.where((eb) => eb.or([personNamed(opts.engine!, opts.q!, 'persons.id'), personCoded(opts.q!, 'persons.id')]));
  }
  const rows = await q.execute();
  return rows
    .map((p) => {
      const s = effectiveStatus(p);
      return { id: p.id, name: displayName(p), restricted: !!p.restricted, country: p.case_country ?? p.country, held_at: p.held_at ? (JSON.parse(p.held_at) as { place: string }).place : null, status: s.status, status_since: p.status_since, status_reason: s.reason, overridden: s.overridden, last_news_at: p.last_news_at, events: Number(p.events ?? 0), open_alerts: Number(p.open_alerts ?? 0) };
    })
    ;
}
