import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { VigilError } from '../../core/errors.js';

/**
 * Ed25519 signatures over the bundle's canonical JSON (RFC 8785, via `canonicalize`): the same
 * object always gives the same bytes, whatever the order its keys were written in, so a bundle
 * re-serialised by another tool still verifies, and a bundle changed by one character does not.
 */
export interface KeyPair {
  /** SPKI PEM: what a partner registers. */
  publicKey: string;
  /** PKCS#8 PEM: stays in this Vigil's (encrypted) database. */
  privateKey: string;
}

export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** A public key as people compare it on the phone: SHA-256 of its DER bytes, in groups of four hex digits. */
export function fingerprintOf(publicKeyPem: string): string {
  const der = parsePublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return (createHash('sha256').update(der).digest('hex').match(/.{4}/g) ?? []).join(' ');
}

/** A partner's key as they sent it; anything but an Ed25519 public key is refused. */
export function parsePublicKey(pem: string) {
  let key;
  try {
    key = createPublicKey(pem.trim());
  } catch {
    throw new VigilError('invalid_input', 'not a public key in PEM form (-----BEGIN PUBLIC KEY-----)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new VigilError('invalid_input', `an Ed25519 key is needed, not ${key.asymmetricKeyType ?? 'this kind'}`);
  return key;
}

/** The bytes that are signed: everything but the signature itself. */
export function signedBytes(bundle: object): Buffer {
  const { signature: _omit, ...rest } = bundle as { signature?: unknown };
  const text = canonicalize(rest);
  if (text === undefined) throw new VigilError('invalid_input', 'the bundle cannot be written as JSON');
  return Buffer.from(text, 'utf8');
}

export function signBundle<T extends object>(bundle: T, privateKeyPem: string): T & { signature: string } {
  const signature = sign(null, signedBytes(bundle), createPrivateKey(privateKeyPem)).toString('base64');
  return { ...bundle, signature };
}

/** True when `signature` is the key's signature of the bundle as it stands. */
export function verifyBundle(bundle: object & { signature: string }, publicKeyPem: string): boolean {
  try {
    return verify(null, signedBytes(bundle), parsePublicKey(publicKeyPem), Buffer.from(bundle.signature, 'base64'));
  } catch {
    return false;
  }
}

export function sha256Of(bundle: object): string {
  return createHash('sha256').update(signedBytes(bundle)).digest('hex');
}
