import type { Context } from 'hono';
import type { AppEnv } from '../env.js';

/** `VIGIL_TRUSTED_PROXIES`: the addresses of the reverse proxies in front of Vigil, comma-separated. */
export function trustedProxies(c: Context<AppEnv>): string[] {
  return c.get('deps').trustedProxies ?? (process.env.VIGIL_TRUSTED_PROXIES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** The address of the connection itself (@hono/node-server puts the socket in the env). */
function peerOf(c: Context<AppEnv>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * Who is asking, as the server itself sees it: the connection's address; `X-Forwarded-For`
 * only when the connection comes from a trusted proxy, and then the last address in it that is
 * not one (what a client writes in the header itself is further left and ignored).
 */
export function clientAddress(c: Context<AppEnv>): string {
  const peer = peerOf(c);
  const trusted = trustedProxies(c);
  if (!trusted.includes(peer)) return peer;
  const chain = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) if (!trusted.includes(chain[i]!)) return chain[i]!;
  return peer;
}

/** The request reached Vigil over TLS: directly, or through a trusted proxy that says so. */
export function overTls(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustedProxies(c).includes(peerOf(c)) && (c.req.header('x-forwarded-proto') ?? '').split(',')[0]!.trim() === 'https';
}
