import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Engine } from './engine.js';
import { engineOf } from './engine.js';
import type { DeniedName } from './name-matcher.js';
import { matcherFor } from './name-matcher.js';
import type { Db } from './store.js';

/**
 * Who may see which case. A restricted case is seen by its members only, everywhere (lists,
 * search, alerts, inbox, reports that name the person, exports, the API); during a lockdown by
 * nobody. Every query that reads cases takes the `Denied` list of the user asking and leaves
 * those cases out, so "not visible" means absent, not "forbidden": a non-member cannot even
 * learn that the case exists (a restricted case answers 404, as an unknown id does).
 */
export interface Denied {
  /** Restricted cases this user may not see (merged records included through their live record). */
  persons: string[];
  /** The user asking ('' for the command line): the texts they submitted stay readable to them. */
  userId: string;
  /** The real names and aliases of the denied people, longest first, with what a non-member sees instead. */
  names: DeniedName[];
  /** The engine the names are looked up in (its full-text index); without it, a scan of each report's text. */
  engine?: Engine;
  /**
   * The `names_key` of the restricted names this list was drawn from: a report's stored verdict
   * taken against them says whether it names a denied person. Without it (a list made by hand),
   * every text is read.
   */
  checks?: string;
}

export const NOTHING_DENIED: Denied = { persons: [], userId: '', names: [] };

export interface Lockdown {
  since: string;
  by: string;
  reason: string;
}

export async function getSetting<T>(db: Db, key: string): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : null;
}

export async function setSetting(tx: Db, at: string, key: string, value: unknown): Promise<void> {
  if (value === null) {
    await tx.deleteFrom('settings').where('key', '=', key).execute();
    return;
  }
  const v = JSON.stringify(value);
  await tx.insertInto('settings').values({ key, value: v, updated_at: at }).onConflict((oc) => oc.column('key').doUpdateSet({ value: v, updated_at: at })).execute();
}

export const lockdownState = (db: Db) => getSetting<Lockdown>(db, 'lockdown');

/** What a non-member sees in place of a restricted person's name: the code name, or nothing that names them. */
export const WITHHELD = '[restricted]';

/**
 * The restricted cases `userId` may not see now: all of them in a lockdown, else those without
 * them as a member. Indexed lookups only: restricted persons (`persons_restricted`), records
 * merged into them (`persons_merged_into`) and their aliases (`person_aliases_person`).
 */
export async function deniedFor(db: Db, userId: string): Promise<Denied> {
  // The list stands while nothing it was read from changed (`access_generation`, moved by
  // triggers); a transaction is a Db of its own and reads afresh.
  const r = await restrictedNow(db);
  let perUser = deniedCache.get(db);
  if (!perUser) deniedCache.set(db, (perUser = new Map()));
  const cached = perUser.get(userId);
  if (cached && r.generation && cached.generation === r.generation) return cached.denied;
  const denied = await readDenied(db, userId, r);
  if (r.generation) perUser.set(userId, { generation: r.generation, denied });
  return denied;
}

/** The denied list of each user, with the access generation it was read at, per database handle. */
const deniedCache = new WeakMap<Db, Map<string, { generation: string; denied: Denied }>>();

/**
 * Every restricted case, the records merged into them and all their aliases, as read at one
 * access generation: each user's denied list is drawn from it, and stored verdicts
 * (`report_name_checks`) are taken against its names, so the two always agree.
 */
interface Restricted {
  generation: string;
  live: { id: string; name: string; code_name: string | null }[];
  merged: { id: string; name: string; merged_into: string | null }[];
  aliases: { person_id: string; alias: string }[];
  /** Each name a report is checked for (trimmed, lower case, more than three letters), with the people who bear it. */
  bearers: Map<string, string[]>;
  /** A digest of `bearers`: the verdicts stored against these names carry it. */
  key: string;
  /** `bearers`' names as a matcher's list. */
  names: DeniedName[];
}

const restrictedCache = new WeakMap<Db, Restricted>();

const generationOf = async (db: Db) => String((await db.selectFrom('access_generation').select('value').where('id', '=', 1).executeTakeFirst())?.value ?? '');

/** The restricted cases and their names now (read again only when the access generation moved). */
async function restrictedNow(db: Db): Promise<Restricted> {
  for (let attempt = 1; ; attempt++) {
    const generation = await generationOf(db);
    const cached = restrictedCache.get(db);
    if (cached?.generation === generation) return cached;
    const r = await readRestricted(db, generation);
    // A change committed while the three reads ran (each sees the latest commit on PostgreSQL)
    // moved the counter: read again, so that the names are one state's. After a few tries (a
    // writer moving it all the time) the last read serves this once, kept nowhere: its key then
    // matches no stored verdict, and the texts are read.
    if ((await generationOf(db)) === generation) {
      restrictedCache.set(db, r);
      return r;
    }
    if (attempt === 5) return { ...r, generation: '', key: `unsettled:${r.key}` };
  }
}

async function readRestricted(db: Db, generation: string): Promise<Restricted> {
  const live = await db.selectFrom('persons').select(['persons.id', 'persons.name', 'persons.code_name']).where('persons.restricted', '=', 1).orderBy('persons.id').execute();
  const merged = live.length ? await db.selectFrom('persons').select(['id', 'name', 'merged_into']).where('merged_into', 'in', live.map((p) => p.id)).orderBy('id').execute() : [];
  const ids = [...new Set([...live.map((p) => p.id), ...merged.map((r) => r.id)])];
  const aliases = ids.length ? await db.selectFrom('person_aliases').select(['person_id', 'alias']).where('person_id', 'in', ids).orderBy('person_id').orderBy('alias').execute() : [];
  const bearers = new Map<string, string[]>();
  for (const [text, id] of [...live.map((p) => [p.name, p.id]), ...merged.map((p) => [p.name, p.id]), ...aliases.map((a) => [a.alias, a.person_id])] as [string, string][]) {
    const t = text.trim().toLowerCase();
    if (t.length <= 3) continue;
    const list = bearers.get(t) ?? [];
    if (!list.includes(id)) list.push(id);
    bearers.set(t, list);
  }
  const lines = [...bearers].map(([t, ps]) => `${[...ps].sort().join(' ')}\t${t}`).sort();
  const key = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 32);
  return { generation, live, merged, aliases, bearers, key, names: [...bearers.keys()].map((text) => ({ text, shown: WITHHELD })) };
}

async function readDenied(db: Db, userId: string, r: Restricted): Promise<Denied> {
  const locked = !!(await lockdownState(db));
  let live = r.live;
  if (!locked && live.length) {
    const member = new Set((await db.selectFrom('case_members').select('person_id').where('user_id', '=', userId).execute()).map((m) => m.person_id));
    live = live.filter((p) => !member.has(p.id));
  }
  if (!live.length) return { ...NOTHING_DENIED, userId };
  // In a lockdown nobody reads a restricted person's reports back, not even who submitted them.
  if (locked) userId = '';
  // Records merged into a denied case are denied with it.
  const liveIds = new Set(live.map((p) => p.id));
  const merged = r.merged.filter((m) => liveIds.has(m.merged_into ?? ''));
  const shownOf = new Map(live.map((p) => [p.id, p.code_name ?? WITHHELD]));
  const persons = [...live.map((p) => p.id), ...merged.map((m) => m.id)];
  const denied = new Set(persons);
  const aliases = r.aliases.filter((a) => denied.has(a.person_id));
  const shown = (id: string) => shownOf.get(id) ?? shownOf.get(merged.find((m) => m.id === id)?.merged_into ?? '') ?? WITHHELD;
  const names = new Map<string, string>();
  for (const [text, id] of [...live.map((p) => [p.name, p.id]), ...merged.map((p) => [p.name, p.id]), ...aliases.map((a) => [a.alias, a.person_id])] as [string, string][]) {
    // Names of three letters or fewer are initials or fragments: replacing them would mangle text, not protect anyone.
    if (text.trim().length > 3 && !names.has(text.trim().toLowerCase())) names.set(text.trim().toLowerCase(), shown(id));
  }
  return { persons, userId, names: [...names].map(([text, s]) => ({ text, shown: s })).sort((a, b) => b.text.length - a.text.length), engine: engineOf(db), checks: r.key };
}

/** `persons.id` (or the column given) is not a denied case. */
export function personVisible(denied: Denied, column: 'persons.id' | 'case_events.person_id' | 'alerts.person_id' | 'person_mentions.person_id' | 'person_search.person_id' = 'persons.id') {
  if (!denied.persons.length) return sql<boolean>`1 = 1`;
  // PostgreSQL takes the list as one array: hundreds of parameters were parsed and planned on
  // every query, longer than the lookups they narrow.
  if (denied.engine === 'postgres') return sql<boolean>`${sql.ref(column)} <> ALL(${denied.persons})`;
  return sql<boolean>`${sql.ref(column)} NOT IN (${sql.join(denied.persons)})`;
}

/** `%`, `_` and `\\` taken literally in a LIKE pattern (with `ESCAPE '\\'`). */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * `reports.id` is a report this user may read. A report is hidden when it names a denied
 * person: extraction linked one of its people to the case or proposed the case as a match, or
 * its text holds one of their names (also while it is queued, or when its extraction failed).
 * Whoever submitted a text may always read it back: they hold the text already, and a report
 * that turned 404 once extracted would tell them the name is a restricted case's.
 */
export function reportVisible(denied: Denied) {
  if (!denied.persons.length) return sql<boolean>`1 = 1`;
  const ids = sql.join(denied.persons);
  return sql<boolean>`(EXISTS (SELECT 1 FROM report_readers WHERE report_readers.report_id = reports.id AND report_readers.user_id = ${denied.userId})
    OR (NOT EXISTS (SELECT 1 FROM person_mentions WHERE person_mentions.report_id = reports.id AND person_mentions.person_id IN (${ids}))
      AND NOT EXISTS (SELECT 1 FROM person_mentions WHERE person_mentions.report_id = reports.id AND person_mentions.candidate_id IN (${ids}))
      AND NOT (${namesIn(denied)})))`;
}

/**
 * PostgreSQL's tsvector keeps word positions up to 16,383 and the column indexes the first 200,000
 * characters: a phrase further on is not found there. A text of fewer bytes than this has fewer
 * than 16,383 words (each takes two bytes at least), so the index answers for it; a longer one is
 * also scanned.
 */
const PG_PHRASE_SAFE_BYTES = 32_000;

/**
 * `reports` holds one of the denied names in its title or text. A scan of each report's text for
 * each name (`LIKE '%…%'`) took seconds on a search over a thousand reports with a few dozen
 * names. The full-text index finds each name as a phrase of whole words ("Tolvik" in "Tolvik's",
 * across a line break or a hyphen), accents folded on SQLite. Still scanned: reports in a script
 * written without spaces (a name inside a longer run of text), PostgreSQL's long texts, and names
 * with no letter or digit. The lookup reads every report naming a denied person, once per query:
 * it grows with how often those names are in the news, not with the size of the archive.
 */
function namesIn(denied: Denied) {
  const scan = (names: Denied['names']) => (names.length ? sql.join(names.map((n) => sql`lower(reports.text) LIKE ${`%${likeEscape(n.text)}%`} ESCAPE '\\'`), sql` OR `) : sql`1 = 0`);
  if (!denied.names.length) return sql`1 = 0`;
  if (!denied.engine) return scan(denied.names);
  const words = denied.names.filter((n) => /[\p{L}\p{N}]/u.test(n.text));
  const rest = denied.names.filter((n) => !words.includes(n));
  if (denied.engine === 'sqlite') {
    // each name one quoted FTS5 string (a phrase): the names never reach FTS5's syntax. No prefix
    // star: with a few dozen names, prefix lookups took 400 ms against 30 for whole words
    const match = words.map((n) => `"${n.text.replace(/"/g, '""')}"`).join(' OR ');
    const indexed = words.length ? sql`reports.id IN (SELECT report_id FROM reports_fts WHERE reports_fts MATCH ${match})` : sql`1 = 0`;
    return sql`(${indexed} OR (reports.unspaced = 1 AND (${scan(words)})) OR ${scan(rest)})`;
  }
  const indexed = words.length ? sql`reports.search @@ (${sql.join(words.map((n) => sql`phraseto_tsquery('simple', ${n.text})`), sql` || `)})` : sql`1 = 0`;
  return sql`(${indexed} OR ((reports.unspaced = 1 OR octet_length(reports.text) > ${PG_PHRASE_SAFE_BYTES}) AND (${scan(words)})) OR ${scan(rest)})`;
}

/** Of these ids, the reports this user may not read (ids of other things, or of nothing, are not reports: left out). */
export async function hiddenReports(db: Db, denied: Denied, ids: Iterable<string>): Promise<Set<string>> {
  const all = [...new Set(ids)];
  const hidden = new Set<string>();
  if (!denied.persons.length || !all.length) return hidden;
  const pg = engineOf(db) === 'postgres';
  // PostgreSQL takes each list as one array parameter (see personVisible).
  const among = (column: string, ids: string[]) => (pg ? sql<boolean>`${sql.ref(column)} = any(${ids})` : sql<boolean>`${sql.ref(column)} IN (${sql.join(ids)})`);
  const names = namesKey(denied.names);
  // A page's few reports are looked through for the names here: the index lookup reads every
  // report naming a denied person, which cost a case page more than its own queries. Links and
  // readers change as reports are read; a report's text never does, so whether it holds the names
  // is remembered for the list of names asked about (a new restriction makes a new list).
  // The batches, and the three lookups of each, run side by side: read one after the other, the
  // checks of a word search's thousand candidates were six round trips in a row (30 ms at 100,000
  // reports on PostgreSQL, the longest part of a search by name after the word itself).
  const deniedIds = deniedSet(denied);
  const batches: string[][] = [];
  for (let i = 0; i < all.length; i += LINK_BATCH) batches.push(all.slice(i, i + LINK_BATCH));
  await Promise.all(
    batches.map(async (batch) => {
      // Two lookups by report id (report_readers' key, person_mentions_report_links), not an EXISTS per
      // report: for a batch of a few hundred, PostgreSQL hashed that subquery instead, reading every
      // mention of every denied person (a scan of person_mentions: the inbox timed out at a million
      // reports). A report that is not on file is neither here nor read below.
      const readersP = db.selectFrom('report_readers').select('report_id').where(among('report_readers.report_id', batch)).where('user_id', '=', denied.userId).execute();
      // The mentions of the batch's reports by report id alone (person_mentions_report_links holds
      // the person and the candidate), the denied people looked for here: with the denied list as
      // two IN lists of hundreds of ids, the query cost more to bind and plan than to run, and its
      // text changed with the number of ids (a statement prepared afresh each time on SQLite).
      const mentionsP = db.selectFrom('person_mentions').select(['report_id', 'person_id', 'candidate_id']).where(among('person_mentions.report_id', batch)).execute();
      // The stored verdicts, taken against the names this list was drawn from (a row of another key
      // says nothing), of the reports whose verdict this process does not hold for the same names:
      // asked beside the links, and used for those neither read nor linked. One lookup also drops
      // the ids of other things (an answer's events, mentions, alerts), whose texts were asked for after.
      // (Taken now, before the lookups: another request may remember or drop one meanwhile.)
      const cached = new Map(batch.map((id) => [id, textVerdicts.get(id)]));
      const untold = batch.filter((id) => cached.get(id)?.names !== names);
      const checksP =
        denied.checks !== undefined && untold.length
          ? db
              .selectFrom('reports')
              .leftJoin('report_name_checks', (j) => j.onRef('report_name_checks.report_id', '=', 'reports.id').on('report_name_checks.names_key', '=', denied.checks!))
              .select(['reports.id', 'report_name_checks.persons'])
              .where(among('reports.id', untold))
              .execute()
          : undefined;
      const [readerRows, mentionRows, checkRows] = await Promise.all([readersP, mentionsP, checksP]);
      const readers = new Set(readerRows.map((r) => r.report_id));
      const linked = new Set<string>();
      for (const m of mentionRows) {
        if (deniedIds.has(m.person_id) || (m.candidate_id !== null && deniedIds.has(m.candidate_id))) linked.add(m.report_id);
      }
      // What this process found before for the same names, then the stored verdicts, then the texts.
      const unknown: string[] = [];
      for (const id of batch) {
        if (readers.has(id)) continue;
        if (linked.has(id)) hidden.add(id);
        else {
          const known = cached.get(id);
          if (known?.names === names) {
            if (known.named) hidden.add(id);
          } else unknown.push(id);
        }
      }
      let unread = unknown;
      if (checkRows && unknown.length) {
        unread = [];
        const asked = new Set(unknown);
        for (const { id, persons } of checkRows) {
          if (!asked.has(id)) continue;
          if (persons === null) unread.push(id);
          else {
            const named = persons !== '' && persons.split(' ').some((p) => deniedIds.has(p));
            if (named) hidden.add(id);
            remember(id, { names, named });
          }
        }
      }
      for (let j = 0; j < unread.length; j += HIDDEN_BATCH) {
        for (const r of await db.selectFrom('reports').select(['id', 'title', 'text']).where('id', 'in', unread.slice(j, j + HIDDEN_BATCH)).execute()) {
          const named = namesDenied(`${r.title ?? ''}\n${r.text}`, denied.names);
          if (named) hidden.add(r.id);
          remember(r.id, { names, named });
        }
      }
    }),
  );
  return hidden;
}

const deniedSets = new WeakMap<Denied, Set<string>>();

/** `denied.persons` as a set, made once per list. */
function deniedSet(denied: Denied): Set<string> {
  let s = deniedSets.get(denied);
  if (!s) deniedSets.set(denied, (s = new Set(denied.persons)));
  return s;
}

/**
 * Brings up to `max` reports' stored verdicts (`report_name_checks`) up to the restricted names as
 * they are now: which restricted people (or records merged into one) each report's title and text
 * name, as `namesDenied` tells it. Returns how many it checked: 0 when every report is up to date.
 * A change to the restricted names (a case restricted, an alias added to one, a merge) makes every
 * verdict out of date at once; until this has run over the archive, access checks read the texts
 * themselves, as they did before verdicts were stored. Safe to run in several processes at once.
 */
export async function checkReportNames(db: Db, max = 500): Promise<number> {
  const r = await restrictedNow(db);
  // Names still changing under the reads: the next round checks against where they settle.
  if (!r.generation) return 0;
  const pg = engineOf(db) === 'postgres';
  // `<>` as two ranges, which the index on the key serves on both engines.
  const stale = (await db.selectFrom('report_name_checks').select('report_id').where((eb) => eb.or([eb('names_key', '<', r.key), eb('names_key', '>', r.key)])).limit(max).execute()).map((x) => x.report_id);
  if (!stale.length) return 0;
  const matcher = matcherFor(r.names);
  const verdicts: { report_id: string; names_key: string; persons: string }[] = [];
  for (let i = 0; i < stale.length; i += HIDDEN_BATCH) {
    const batch = stale.slice(i, i + HIDDEN_BATCH);
    for (const row of await db.selectFrom('reports').select(['id', 'title', 'text']).where(pg ? sql<boolean>`reports.id = any(${batch})` : sql<boolean>`reports.id IN (${sql.join(batch)})`).execute()) {
      const named = new Set<string>();
      for (const t of matcher.found(`${row.title ?? ''}\n${row.text}`)) for (const p of r.bearers.get(t) ?? []) named.add(p);
      verdicts.push({ report_id: row.id, names_key: r.key, persons: [...named].sort().join(' ') });
    }
  }
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < verdicts.length; i += 200) {
      await tx
        .insertInto('report_name_checks')
        .values(verdicts.slice(i, i + 200))
        .onConflict((oc) => oc.column('report_id').doUpdateSet((eb) => ({ names_key: eb.ref('excluded.names_key'), persons: eb.ref('excluded.persons') })))
        .execute();
    }
  });
  return stale.length;
}

/** Reports read whole at a time by `hiddenReports` (a report may be megabytes long); ids looked up for links at a time. */
const HIDDEN_BATCH = 50;
const LINK_BATCH = 500;

/** Whether a report's text holds the names of a list (by `namesKey`): the most recently asked TEXT_VERDICTS reports. */
const textVerdicts = new Map<string, { names: string; named: boolean }>();
const TEXT_VERDICTS = 50_000;

function remember(id: string, verdict: { names: string; named: boolean }): void {
  textVerdicts.delete(id);
  textVerdicts.set(id, verdict);
  if (textVerdicts.size > TEXT_VERDICTS) textVerdicts.delete(textVerdicts.keys().next().value!);
}

const keys = new WeakMap<Denied['names'], string>();

/** One string per list of names (the same names give the same key, whichever request asked). */
function namesKey(names: Denied['names']): string {
  let k = keys.get(names);
  if (k === undefined) keys.set(names, (k = createHash('sha256').update(names.map((n) => n.text).join('\n')).digest('hex')));
  return k;
}

/**
 * Whether a text holds one of the denied names: as letters anywhere in it (what `LIKE` found) or
 * as whole words with accents folded (what the word index finds), so that a report hidden from a
 * list is hidden when opened too.
 */
export const namesDenied = (text: string, names: Denied['names']): boolean => matcherFor(names).has(text);

export async function reportDenied(db: Db, denied: Denied, reportId: string): Promise<boolean> {
  // An unknown id is left to the route (404 either way).
  return (await hiddenReports(db, denied, [reportId])).has(reportId);
}

/** A timeline event is shown when no report told it or one the user may read did. */
export function eventVisible(denied: Denied) {
  if (!denied.persons.length) return sql<boolean>`1 = 1`;
  return sql<boolean>`(NOT EXISTS (SELECT 1 FROM event_sources WHERE event_sources.case_event_id = case_events.id)
    OR EXISTS (SELECT 1 FROM event_sources INNER JOIN reports ON reports.id = event_sources.report_id WHERE event_sources.case_event_id = case_events.id AND ${reportVisible(denied)}))`;
}

/** Records that `userId` submitted this text, so they may read it back (also when it was already on file). */
export async function addReader(tx: Db, reportId: string, userId: string): Promise<void> {
  await tx.insertInto('report_readers').values({ report_id: reportId, user_id: userId }).onConflict((oc) => oc.columns(['report_id', 'user_id']).doNothing()).execute();
}

export async function caseMembers(db: Db, personId: string) {
  return db.selectFrom('case_members').innerJoin('users', 'users.id', 'case_members.user_id').select(['users.id', 'users.name', 'users.email', 'users.role', 'case_members.added_by', 'case_members.added_at']).where('case_members.person_id', '=', personId).orderBy('case_members.added_at').execute();
}

export async function addMember(tx: Db, at: string, personId: string, userId: string, by: string): Promise<boolean> {
  const r = await tx.insertInto('case_members').values({ person_id: personId, user_id: userId, added_by: by, added_at: at }).onConflict((oc) => oc.columns(['person_id', 'user_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id-shaped string in a value: the candidates for "a report this user may not read". */
function idsIn(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') {
    if (UUID.test(value)) out.add(value);
  } else if (Array.isArray(value)) for (const v of value) idsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) idsIn(v, out);
  return out;
}

/** A denied person's names in a string, replaced by what a non-member sees (case-insensitive). */
export function scrubNames(denied: Denied, text: string): string {
  return denied.names.length ? matcherFor(denied.names).scrub(text) : text;
}

/**
 * The one pass every answer goes through before a user sees it (API responses, exports,
 * dossiers, drafts, bundles, the command line): an object that carries a hidden report's id or
 * a denied person's id is dropped from its list (a source, a mention, a statement, an alias);
 * such an id anywhere else becomes null; a denied person's names become their code name. The
 * queries already leave hidden rows out; this catches what a row of a visible case carries
 * about a hidden one (a match candidate, a co-mentioned name, an excerpt).
 */
export async function redactFor<T>(db: Db, denied: Denied, value: T): Promise<T> {
  if (!denied.persons.length) return value;
  const hidden = await hiddenReports(db, denied, idsIn(value, new Set()));
  for (const p of denied.persons) hidden.add(p);
  return redactWith(denied, hidden, value);
}

export function redactWith<T>(denied: Denied, hidden: Set<string>, value: T): T {
  const carriesHidden = (v: unknown): boolean => !!v && typeof v === 'object' && !Array.isArray(v) && Object.entries(v).some(([k, x]) => typeof x === 'string' && hidden.has(x) && k !== 'candidate_id' && k !== 'candidateId');
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return hidden.has(v) ? null : scrubNames(denied, v);
    if (Array.isArray(v)) return v.filter((x) => !(typeof x === 'string' && hidden.has(x)) && !carriesHidden(x)).map(walk);
    if (v instanceof Map) return new Map([...v].filter(([k]) => !hidden.has(k)).map(([k, x]) => [k, walk(x)]));
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
