import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { VigilError, asVigilError } from '../core/errors.js';

/**
 * Every failure leaves as `{"error": {"code", "message"}}` with the status its code knows.
 * Unknown errors are logged on the server (message only: request bodies may hold names and
 * places) and reach the client as a bare `internal`.
 */
export function onError(err: Error, c: Context): Response {
  if (err instanceof HTTPException && !(err.cause instanceof VigilError)) {
    const code = err.status === 401 ? 'unauthorized' : err.status === 403 ? 'forbidden' : err.status === 413 ? 'input_too_large' : 'invalid_input';
    return c.json({ error: { code, message: err.message || 'request refused' } }, err.status);
  }
  const e = asVigilError(err.cause instanceof VigilError ? err.cause : err);
  if (e.code === 'internal') {
    console.error(`[vigil] ${c.req.method} ${new URL(c.req.url).pathname}: ${err.message}`);
    return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
  }
  return c.json(e.toJSON(), e.httpStatus as ContentfulStatusCode);
}

/** zod-openapi's hook: a request that fails its schema is refused with every problem listed. */
export function validationHook(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): void {
  if (result.success) return;
  const problems = (result.error?.issues ?? []).map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`);
  throw new VigilError('invalid_input', `invalid request: ${problems.join('; ')}`, { problems });
}
