import { parseArgs } from 'node:util';
import { VigilError } from '../core/errors.js';
import { caseView } from '../server/cases/view.js';
import { allCases, toCsv, toDossier, toPlover } from '../server/exports/build.js';
import { deniedFor } from '../storage/access.js';
import { listCases } from '../storage/cases.js';

// The command line acts as no user: it is a member of no case, so restricted cases stay out of
// its lists and exports as they stay out of a non-member's; members use the web app or the API.
const NO_USER = '';
import type { CliIo } from './io.js';
import { processIo, say, warn } from './io.js';
import { openCliStore } from './runtime.js';
import { CASES_USAGE, EXPORT_USAGE } from './usage.js';

export { CASES_USAGE, EXPORT_USAGE };

export async function runCases(argv: string[], io: CliIo = processIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { status: { type: 'string' }, json: { type: 'boolean', default: false }, db: { type: 'string' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    say(io, CASES_USAGE);
    return 0;
  }
  const store = await openCliStore(values.db, io);
  try {
    if (positionals[0]) {
      const c = await caseView(store.db, positionals[0], await deniedFor(store.db, NO_USER));
      if (values.json) say(io, JSON.stringify(c, null, 2));
      else {
        say(io, `${c.name} — ${c.status.status}${c.status.overridden ? ' (override)' : ''}: ${c.status.reason}`);
        for (const e of c.timeline) {
          say(io, `  ${e.date ?? '????-??-??'}  ${e.type}${e.modality !== 'asserted' ? ` (${e.modality})` : ''}${e.place ? ` at ${e.place}` : ''}${e.agent ? ` by ${e.agent}` : ''} — ${e.sources.length} source(s)${e.conflicts.length ? `, dates disagree: ${e.conflicts.join(' / ')}` : ''}`);
          for (const s of e.sources) say(io, `      "${s.trigger}" ${s.url ?? s.reportId} [${s.start}-${s.end}]`);
        }
        for (const a of c.alerts) say(io, `  alert: ${a.message}`);
      }
      return 0;
    }
    const denied = await deniedFor(store.db, NO_USER);
    const cases = await listCases(store.db, { limit: 1000, offset: 0, denied, ...(values.status ? { status: values.status } : {}) });
    if (values.json) say(io, JSON.stringify(cases, null, 2));
    else {
      for (const c of cases) say(io, `${c.id}  ${c.status.padEnd(20)} ${c.name}${c.country ? ` (${c.country})` : ''}  ${c.events} events, ${c.open_alerts} open alerts`);
      // a count, never a name: why a case someone expects is not in the list (on standard error, so the list stays the list)
      const hidden = denied.persons.length ? (await store.db.selectFrom('persons').select('persons.id').where('persons.id', 'in', denied.persons).where('persons.merged_into', 'is', null).execute()).length : 0;
      if (hidden) warn(io, `${hidden} restricted case${hidden === 1 ? ' is' : 's are'} left out: the command line is a member of none; members see them in the web app or the API`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

export async function runExport(argv: string[], io: CliIo = processIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { format: { type: 'string', default: 'json' }, dossier: { type: 'string' }, db: { type: 'string' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    say(io, EXPORT_USAGE);
    return 0;
  }
  if (!['json', 'csv', 'plover'].includes(values.format)) throw new VigilError('usage', `--format must be json, csv or plover`);
  const store = await openCliStore(values.db, io);
  try {
    if (values.dossier) {
      io.out(toDossier(await caseView(store.db, values.dossier, await deniedFor(store.db, NO_USER)), store.now().toISOString()));
      return 0;
    }
    const cases = await allCases(store.db, await deniedFor(store.db, NO_USER));
    io.out(values.format === 'csv' ? toCsv(cases) : `${JSON.stringify(values.format === 'plover' ? { events: toPlover(cases) } : { cases }, null, 2)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
