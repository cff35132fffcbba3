import { createHash, timingSafeEqual } from 'node:crypto';

export const CSRF_HEADER = 'x-csrf-token';

/**
 * The CSRF token of a session, derived from its secret: the page learns it from /api/auth/me
 * (which another site cannot read) and sends it back as a header on every write, which a form
 * or image on another site cannot do. Deriving it means nothing more to store or expire.
 */
export function csrfToken(sessionSecret: string): string {
  return createHash('sha256').update(`csrf:${sessionSecret}`).digest('base64url');
}

export function csrfMatches(sessionSecret: string, sent: string | undefined): boolean {
  if (!sent) return false;
  const want = Buffer.from(csrfToken(sessionSecret));
  const got = Buffer.from(sent);
  return want.length === got.length && timingSafeEqual(want, got);
}
