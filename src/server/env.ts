import type { Extractor } from '../articles/extract.js';
import type { Worker } from '../ingest/worker.js';
import type { Denied } from '../storage/access.js';
import type { Role } from '../storage/schema.js';
import type { Store } from '../storage/store.js';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** How this request proved who it is. */
  via: 'session' | 'token';
}

/** What every route can reach: the store, the worker to wake after a submission, the signed-in user. */
export interface AppDeps {
  store: Store;
  worker?: Worker;
  extractor?: Extractor;
  /** Set cookies with `Secure` always (they are anyway when a request came over TLS). */
  secureCookies?: boolean;
  /** Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (default $VIGIL_TRUSTED_PROXIES). */
  trustedProxies?: string[];
  /** Session lifetime; the session ends this long after login. */
  sessionHours?: number;
  /** A session unused this long ends too (default 120 minutes). */
  sessionIdleMinutes?: number;
  /** False when no SMTP server is configured (`VIGIL_SMTP_URL`): e-mail channels are kept, and nothing is sent until one is. */
  mail?: boolean;
}

export interface AppEnv {
  /**
   * `redactedFor`: the route's JSON answer went through `redactFor` against this very denied list
   * already (the case page), and `redactAnswer` need not parse and walk it a second time.
   */
  Variables: { user: AuthUser; deps: AppDeps; denied?: Denied; redactedFor?: Denied };
}

export const ROLE_RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };
