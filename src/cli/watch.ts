import { parseArgs } from 'node:util';
import { notDoneWord } from '../cases/modality-words.js';
import { VigilError } from '../core/errors.js';
import { deniedFor, redactFor } from '../storage/access.js';
import { writeAudit } from '../storage/audit.js';
import { addWatch, listWatch, listTriage } from '../storage/policy.js';
import type { CliIo } from './io.js';
import { processIo, say, warn } from './io.js';
import { openCliStore } from './runtime.js';
import { WATCH_USAGE } from './usage.js';

/** One possible case as a line, an event not told as done saying so: "<id>  possible case: Name, journalist?, arrested, charged (asked for / possible) — why". */
export function triageLine(i: { id: string; name: string; kinds: readonly string[]; events: readonly { trigger: string; modality: string }[]; reasons: readonly string[] }): string {
  const told = i.events.map((e) => (e.modality === 'asserted' ? e.trigger : `${e.trigger} (${notDoneWord(e.modality)})`));
  return `${i.id}  possible case: ${i.name}${i.kinds.length ? `, ${i.kinds.join('/')}?` : ''}, ${told.join(', ')} — ${i.reasons.join('; ')}`;
}

/**
 * `vigil watch`: names (or, with --org, organisations) whose every event makes a case, and the
 * triage queue of possible cases. The command line acts as no user; its changes are audited as `cli`.
 */
export async function runWatch(argv: string[], io: CliIo = processIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { org: { type: 'boolean', default: false }, triage: { type: 'boolean', default: false }, db: { type: 'string' }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    say(io, WATCH_USAGE);
    return 0;
  }
  const store = await openCliStore(values.db, io);
  try {
    // Like every command, it acts as no user: restricted cases are their members' business, in the app.
    const denied = await deniedFor(store.db, '');
    if (values.triage) {
      const items = await redactFor(store.db, denied, await listTriage(store.db, { state: 'pending', limit: 200, denied }));
      for (const i of items) say(io, triageLine(i));
      // on standard error, so that a script reading the list reads nothing
      if (!items.length) warn(io, 'no possible case is waiting in the triage queue');
      return 0;
    }
    if (!positionals.length) {
      for (const w of await redactFor(store.db, denied, await listWatch(store.db, denied))) say(io, `${w.id}  ${w.kind.padEnd(12)} ${w.name}`);
      return 0;
    }
    const kind = values.org ? 'organisation' : 'person';
    for (const name of positionals) {
      if (!name.trim()) throw new VigilError('usage', 'an empty name');
      const row = await store.db.transaction().execute(async (tx) => {
        const at = store.now().toISOString();
        const r = await addWatch(tx, at, 'cli', { kind, name });
        await writeAudit(tx, at, { actor: 'cli', action: 'watch.added', entityType: 'watch', entityId: r.id, detail: { kind, name: r.name } });
        return r;
      });
      say(io, `watching ${row.kind} ${row.name}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
