import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Role, UsersTable } from './schema.js';

/** A user row as read back. */
export type User = Selectable<UsersTable>;
import type { Db } from './store.js';

/** Secrets (session cookies, API tokens) are stored only as their SHA-256. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export type PublicUser = Omit<User, 'password_hash' | 'totp_secret' | 'totp_last_step'>;

export function publicUser(u: User): PublicUser {
  const { password_hash: _hidden, totp_secret: _secret, totp_last_step: _step, ...rest } = u;
  return rest;
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertUser(tx: Db, at: string, u: { email: string; name: string; role: Role; passwordHash: string }): Promise<User> {
  const row: User = { id: randomUUID(), email: u.email.trim().toLowerCase(), name: u.name, role: u.role, password_hash: u.passwordHash, disabled: 0, created_at: at, totp_secret: null, totp_enabled: 0, totp_last_step: null };
  await tx.insertInto('users').values(row).execute();
  return row;
}

export async function userByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function userById(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<PublicUser[]> {
  return (await db.selectFrom('users').selectAll().orderBy('created_at').execute()).map(publicUser);
}

export async function createSession(tx: Db, at: Date, userId: string, hours: number): Promise<{ secret: string; expiresAt: string }> {
  const secret = newSecret('vs');
  const expiresAt = new Date(at.getTime() + hours * 3_600_000).toISOString();
  await tx.insertInto('sessions').values({ id: secretHash(secret), user_id: userId, created_at: at.toISOString(), expires_at: expiresAt, last_seen_at: null }).execute();
  return { secret, expiresAt };
}

/**
 * The live user a session cookie belongs to, or undefined (past its lifetime, idle for longer
 * than `idleMinutes`, unknown, or the user disabled). A use is recorded at most once a minute.
 */
export async function sessionUser(db: Db, secret: string, now: Date, idleMinutes = 120): Promise<User | undefined> {
  const id = secretHash(secret);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.last_seen_at', 'sessions.created_at as session_created_at'])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now.toISOString())
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  if (!row) return undefined;
  const { last_seen_at, session_created_at, ...user } = row;
  const idleMs = now.getTime() - Date.parse(last_seen_at ?? session_created_at);
  if (idleMs > idleMinutes * 60_000) return undefined;
  if (idleMs > 60_000) await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  return user;
}

export async function deleteSession(db: Db, secret: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', secretHash(secret)).execute();
}

export async function createApiToken(tx: Db, at: string, userId: string, name: string): Promise<{ id: string; secret: string }> {
  const secret = newSecret('vt');
  const id = randomUUID();
  await tx.insertInto('api_tokens').values({ id, user_id: userId, name, token_hash: secretHash(secret), created_at: at, last_used_at: null }).execute();
  return { id, secret };
}

/** How finely an API token's last use is kept. */
export const TOKEN_USE_RESOLUTION_MS = 60_000;

export async function tokenUser(db: Db, secret: string, at: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', secretHash(secret))
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  if (!row) return undefined;
  const { token_id, last_used_at, ...user } = row;
  // A token's use is recorded to the minute, not at every request: a busy integration would
  // otherwise turn every read into a write that waits for the database's one writer. Once per
  // process too: fifty requests in flight when the minute turns all read the old time, and each
  // wrote it.
  const now = Date.parse(at);
  if (!last_used_at || now - Date.parse(last_used_at) >= TOKEN_USE_RESOLUTION_MS) {
    const recorded = tokenUses.get(token_id);
    if (recorded === undefined || now - recorded >= TOKEN_USE_RESOLUTION_MS) {
      tokenUses.set(token_id, now);
      if (tokenUses.size > 10_000) tokenUses.delete(tokenUses.keys().next().value!);
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', token_id).execute();
    }
  }
  return user;
}

/** When this process last recorded each token's use (its id to milliseconds). */
const tokenUses = new Map<string, number>();

/** A new password: the hash replaced and every session of the account ended but `keepSession` (the one changing it). */
export async function setPassword(tx: Db, userId: string, passwordHash: string, keepSession?: string): Promise<void> {
  await tx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  let q = tx.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSession) q = q.where('id', '!=', secretHash(keepSession));
  await q.execute();
}

/** Turns an account's two-factor login off: its secret and last used step are forgotten. */
export async function turnOffTotp(tx: Db, id: string): Promise<void> {
  await tx.updateTable('users').set({ totp_enabled: 0, totp_secret: null, totp_last_step: null }).where('id', '=', id).execute();
}
