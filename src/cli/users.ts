import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { VigilError } from '../core/errors.js';
import { hashPassword, passwordProblem } from '../server/auth/passwords.js';
import { writeAudit } from '../storage/audit.js';
import { insertUser, listUsers, userByEmail } from '../storage/users.js';
import type { Role } from '../storage/schema.js';
import type { CliIo } from './io.js';
import { processIo, say } from './io.js';
import { openCliStore } from './runtime.js';
import { USERS_USAGE } from './usage.js';

export { USERS_USAGE };

export async function runUsers(argv: string[], io: CliIo = processIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { name: { type: 'string' }, role: { type: 'string', default: 'analyst' }, db: { type: 'string' }, help: { type: 'boolean', default: false } } });
  const [action, email] = positionals;
  if (values.help || !action) {
    say(io, USERS_USAGE);
    return values.help ? 0 : 2;
  }
  const store = await openCliStore(values.db, io);
  try {
    if (action === 'list') {
      for (const u of await listUsers(store.db)) say(io, `${u.email}\t${u.role}${u.disabled ? '\tdisabled' : ''}\t${u.name}`);
      return 0;
    }
    if (action !== 'add') throw new VigilError('usage', `unknown users action "${action}"\n${USERS_USAGE}`);
    if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new VigilError('usage', `give an e-mail address\n${USERS_USAGE}`);
    const role = values.role as Role;
    if (!['admin', 'analyst', 'viewer'].includes(role)) throw new VigilError('usage', `--role must be admin, analyst or viewer`);
    const generated = !io.env.VIGIL_PASSWORD;
    const password = io.env.VIGIL_PASSWORD ?? randomBytes(15).toString('base64url');
    const problem = passwordProblem(password);
    if (problem) throw new VigilError('invalid_input', problem);
    const passwordHash = await hashPassword(password);
    await store.db.transaction().execute(async (tx) => {
      if (await userByEmail(tx, email)) throw new VigilError('conflict', `an account for ${email} exists`);
      const at = store.now().toISOString();
      const u = await insertUser(tx, at, { email, name: values.name ?? email.split('@')[0]!, role, passwordHash });
      await writeAudit(tx, at, { actor: 'cli', action: 'user.created', entityType: 'user', entityId: u.id, detail: { role } });
    });
    say(io, `created ${role} ${email}`);
    if (generated) say(io, `password (shown once): ${password}`);
    return 0;
  } finally {
    await store.close();
  }
}
