import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { VigilError } from '../core/errors.js';
import { BundleSchema } from '../server/partners/schema.js';
import { acceptBundle, makeBundle } from '../server/partners/make.js';
import { deniedFor } from '../storage/access.js';
import { addPartner, identity, listPartners } from '../storage/bundles.js';
import { livePersonId } from '../storage/persons.js';
import { userByEmail } from '../storage/users.js';
import type { Bundle } from '../cases/sharing/bundle.js';
import type { CliIo } from './io.js';
import { processIo, say, warn } from './io.js';
import { openCliStore } from './runtime.js';
import { SHARE_USAGE } from './usage.js';

export { SHARE_USAGE };

// Like the other commands, export acts as no user: restricted cases are members' business, in the app.
const CLI = 'cli';

export async function runShare(argv: string[], io: CliIo = processIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      out: { type: 'string' },
      name: { type: 'string' },
      withhold: { type: 'string', multiple: true, default: [] },
      'withhold-places': { type: 'boolean', default: false },
      'name-speakers': { type: 'boolean', default: false },
      notes: { type: 'boolean', default: false },
      recipient: { type: 'string' },
      as: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const [verb, ...args] = positionals;
  if (values.help || !verb) {
    say(io, SHARE_USAGE);
    return values.help ? 0 : 2;
  }
  if (values.name && !['real', 'code', 'initials'].includes(values.name)) throw new VigilError('usage', '--name is real, code or initials');
  const store = await openCliStore(values.db, io);
  try {
    const at = store.now().toISOString();
    if (verb === 'identity') {
      const me = await identity(store.db, at, CLI);
      say(io, `${me.name}\nfingerprint: ${me.fingerprint}\n\n${me.publicKey.trim()}`);
    } else if (verb === 'partners') {
      for (const p of await listPartners(store.db)) say(io, `${p.id}  ${p.name}  ${p.fingerprint}`);
    } else if (verb === 'add-partner') {
      const [name, file] = args;
      if (!name || !file) throw new VigilError('usage', 'give the partner\'s name and their public key file');
      const p = await store.db.transaction().execute((tx) => addPartner(tx, at, CLI, name, readText(file)));
      say(io, `${p.name} added; fingerprint ${p.fingerprint}`);
    } else if (verb === 'export') {
      if (!args[0]) throw new VigilError('usage', 'give the case id');
      const personId = await livePersonId(store.db, args[0]);
      const bundle = await makeBundle(store, CLI, personId, await deniedFor(store.db, ''), {
        recipient: values.recipient ?? null,
        name: values.name as 'real' | 'code' | 'initials' | undefined,
        withholdPlaces: values['withhold-places'],
        withholdSpeakers: !values['name-speakers'],
        terms: values.withhold,
        events: null,
        parts: { statements: true, whereabouts: true, notes: values.notes },
      });
      const text = `${JSON.stringify(bundle, null, 2)}\n`;
      if (values.out) writeFileSync(values.out, text);
      else io.out(text);
      warn(io, `bundle ${bundle.id}: ${bundle.events.length} events, ${bundle.reports.length} reports, ${bundle.redaction.masked} passages withheld`);
    } else if (verb === 'import') {
      if (!args[0] || !values.as) throw new VigilError('usage', 'give the bundle file and --as EMAIL (the account that becomes the case\'s member)');
      const user = await userByEmail(store.db, values.as);
      if (!user || user.disabled) throw new VigilError('invalid_input', `no active account ${values.as}`);
      let raw: unknown;
      try {
        raw = JSON.parse(readText(args[0]));
      } catch (e) {
        throw e instanceof VigilError ? e : new VigilError('invalid_json', `${args[0]} is not JSON`);
      }
      const parsed = BundleSchema.safeParse(raw);
      if (!parsed.success) throw new VigilError('invalid_input', `not a Vigil bundle: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const r = await acceptBundle(store, user.id, parsed.data as Bundle & { signature: string });
      say(io, `case ${r.caseId} opened from ${r.partner}'s bundle: ${r.events} events, ${r.reports} reports, ${r.statements} statements${r.dropped ? `, ${r.dropped} citations outside the passages left out` : ''}`);
    } else throw new VigilError('usage', `unknown share command "${verb}"`);
    return 0;
  } finally {
    await store.close();
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new VigilError('file_not_found', `cannot read ${file}`);
  }
}
