import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = 'Vigil';
const PERIOD = 30;

function totp(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** A new secret (160 bits, RFC 4226's recommendation) and what an authenticator app scans. */
export async function newTotpSecret(label: string): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const secret = new Secret({ size: 20 }).base32;
  const uri = totp(secret, label).toString();
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
}

/**
 * The time step a six-digit code is good for, or null. One step either side is accepted (a
 * phone's clock drifts); a step at or before `lastStep` is refused, so an overheard code
 * cannot be replayed (RFC 6238 §5.2).
 */
export function acceptTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret, 'check').validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** For tests and the CLI: the code an authenticator would show at `now`. */
export function totpCode(secret: string, now: Date): string {
  return totp(secret, 'check').generate({ timestamp: now.getTime() });
}
