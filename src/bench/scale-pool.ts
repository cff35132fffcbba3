import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { faker } from '@faker-js/faker';
import { Extractor } from '../articles/extract.js';
import { filesUnder, sharedDataDir } from '../corpora/locate.js';
import { articleText, readHrdsAttack } from '../corpora/readers/hrdsattack.js';
import { extractHandler } from '../ingest/process.js';
import { submitArticle } from '../ingest/submit.js';
import { Worker } from '../ingest/worker.js';
import type { Selectable } from 'kysely';
import type { AlertsTable, AuditTable, CaseEventsTable, EventSourcesTable, JobsTable, PersonAliasesTable, PersonMentionsTable, PersonsTable, ReportsTable, TriageItemsTable } from '../storage/schema.js';
import type { Store } from '../storage/store.js';

/** One report as the real tracker stored it, with every row it brought in: the template the bulk copies vary. */
export interface Story {
  report: Selectable<ReportsTable>;
  persons: Selectable<PersonsTable>[];
  aliases: Selectable<PersonAliasesTable>[];
  mentions: Selectable<PersonMentionsTable>[];
  events: Selectable<CaseEventsTable>[];
  sources: Selectable<EventSourcesTable>[];
  alerts: Selectable<AlertsTable>[];
  /** The audit rows the report caused (submitted, extracted, people, events, status, alerts), in chain order. */
  audit: Selectable<AuditTable>[];
  /** The report's extraction job (done). */
  jobs: Selectable<JobsTable>[];
  triage: Selectable<TriageItemsTable>[];
}

interface PoolText {
  text: string;
  published: string;
  origin: string;
}

/** GUM's news documents put back together from the `# text =` line of each sentence. */
function gumTexts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return filesUnder(dir, '.conllu').map((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('# text = '))
      .map((l) => l.slice(9))
      .join(' '),
  );
}

/** A short report of the kind Vigil is for, about invented people in invented places. */
export function invented(): string {
  const name = faker.person.fullName();
  const city = faker.location.city();
  const paper = `${faker.location.city()} ${faker.helpers.arrayElement(['Herald', 'Times', 'Observer', 'Courier'])}`;
  const role = faker.helpers.arrayElement(['journalist', 'human rights lawyer', 'trade unionist', 'environmental activist', 'blogger']);
  const day = faker.helpers.arrayElement(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']);
  return [
    `${role[0]!.toUpperCase()}${role.slice(1)} ${name} detained in ${city}`,
    `Police in ${city} arrested ${name}, a ${role} who writes for the ${paper}, on ${day}, her colleagues said.`,
    `“We do not know where ${name.split(' ').at(-1)} is being held,” her lawyer told reporters. The prosecutor accused ${name.split(' ').at(-1)} of spreading false information, a charge that carries up to five years in prison.`,
    `Rights groups called for the release of ${name}, who was threatened in ${faker.date.past({ years: 2 }).getFullYear()} after reporting on corruption.`,
  ].join('\n\n');
}

/** Real reports (HRDsAttack train, PolNeAR train, GUM news) and invented ones, read at run time from ../shared/data. */
export function poolTexts(size: number, seed: number): PoolText[] {
  faker.seed(seed);
  const data = sharedDataDir();
  const hrds = readHrdsAttack(readFileSync(path.join(data, 'hrdsattack', 'train.json'), 'utf8')).map((a) => ({ text: articleText(a), published: /^\d{4}-\d{2}-\d{2}/.test(a.published) ? a.published.slice(0, 10) : '2022-06-01', origin: 'hrdsattack' }));
  const polnearDir = path.join(data, 'polnear', 'train', 'text');
  const polnear = existsSync(polnearDir) ? filesUnder(polnearDir, '.txt').map((f) => ({ text: readFileSync(f, 'utf8'), published: '2016-10-01', origin: 'polnear' })) : [];
  const gum = gumTexts(path.join(data, 'gum-news', 'conllu')).map((text) => ({ text, published: '2019-11-05', origin: 'gum' }));
  const want = { hrdsattack: Math.round(size * 0.5), polnear: Math.round(size * 0.2), gum: Math.round(size * 0.1) };
  const out: PoolText[] = [...faker.helpers.shuffle(hrds).slice(0, want.hrdsattack), ...faker.helpers.shuffle(polnear).slice(0, want.polnear), ...gum.slice(0, want.gum)];
  while (out.length < size) out.push({ text: invented(), published: faker.date.past({ years: 3 }).toISOString().slice(0, 10), origin: 'invented' });
  return out.filter((t) => t.text.trim().length > 0);
}

/** The pool through the real path: submitted, queued, extracted and tracked by the worker, with progress. */
export async function extractPool(store: Store, texts: PoolText[], log: (s: string) => void): Promise<void> {
  const extractor = new Extractor();
  for (const [i, t] of texts.entries()) await submitArticle(store, { text: t.text, format: 'text', published: t.published, id: `pool-${i}` }, { source: 'import', actor: 'bench' });
  const worker = new Worker(store, { extract: extractHandler(extractor) });
  let done = 0;
  const started = Date.now();
  const timer = setInterval(() => log(`  pool: ${done}/${texts.length} reports extracted and tracked (${((Date.now() - started) / 1000).toFixed(0)} s)`), 10_000);
  try {
    while ((await worker.drain(10)) > 0) done = Number((await store.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '!=', 'queued').executeTakeFirstOrThrow()).n);
  } finally {
    clearInterval(timer);
  }
}

/** `ids` in slices short enough for one IN list. */
async function inSlices<T>(ids: string[], read: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await read(ids.slice(i, i + 500))));
  return out;
}

/**
 * Every extracted report of the pool with the rows the tracker wrote for it, read by index: the
 * pool's reports are those stored after `after` (the copies are dated before it), so a database
 * built before can be grown further without reading it whole.
 */
export async function loadStories(store: Store, after: string): Promise<Story[]> {
  const db = store.db;
  const reports = await db.selectFrom('reports').selectAll().where('state', '=', 'extracted').where('created_at', '>', after).execute();
  const reportIds = reports.map((r) => r.id);
  const mentions = await inSlices(reportIds, (s) => db.selectFrom('person_mentions').selectAll().where('report_id', 'in', s).execute());
  const sources = await inSlices(reportIds, (s) => db.selectFrom('event_sources').selectAll().where('report_id', 'in', s).execute());
  const events = new Map((await inSlices([...new Set(sources.map((x) => x.case_event_id))], (s) => db.selectFrom('case_events').selectAll().where('id', 'in', s).execute())).map((e) => [e.id, e]));
  const personIds = [...new Set([...mentions.map((m) => m.person_id), ...[...events.values()].map((e) => e.person_id)])];
  const persons = new Map((await inSlices(personIds, (s) => db.selectFrom('persons').selectAll().where('id', 'in', s).execute())).map((p) => [p.id, p]));
  const aliases = await inSlices(personIds, (s) => db.selectFrom('person_aliases').selectAll().where('person_id', 'in', s).execute());
  const alertIds = [...new Set((await inSlices(reportIds, (s) => db.selectFrom('alert_reports').select('alert_id').where('report_id', 'in', s).execute())).map((a) => a.alert_id))];
  const alerts = await inSlices(alertIds, (s) => db.selectFrom('alerts').selectAll().where('id', 'in', s).execute());
  const audit = await inSlices(reportIds, (s) => db.selectFrom('audit').selectAll().where('report_id', 'in', s).orderBy('id').execute());
  const jobs = await inSlices(reportIds, (s) => db.selectFrom('jobs').selectAll().where('key', 'in', s.map((id) => `extract:${id}`)).execute());
  const triage = await inSlices(reportIds, (s) => db.selectFrom('triage_items').selectAll().where('report_id', 'in', s).execute());
  return reports.map((report) => {
    const ms = mentions.filter((m) => m.report_id === report.id);
    const ss = sources.filter((s) => s.report_id === report.id);
    const ids = new Set([...ms.map((m) => m.person_id), ...ss.map((s) => events.get(s.case_event_id)!.person_id)]);
    return {
      report,
      persons: [...ids].map((id) => persons.get(id)!).filter(Boolean),
      aliases: aliases.filter((a) => ids.has(a.person_id)),
      mentions: ms,
      events: [...new Set(ss.map((s) => s.case_event_id))].map((id) => events.get(id)!),
      sources: ss,
      alerts: alerts.filter((a) => (JSON.parse(a.report_ids) as string[]).includes(report.id)),
      audit: audit.filter((a) => a.report_id === report.id).sort((a, b) => Number(a.id) - Number(b.id)),
      jobs: jobs.filter((j) => j.key === `extract:${report.id}`),
      triage: triage.filter((t) => t.report_id === report.id),
    };
  });
}
