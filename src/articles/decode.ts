import { VigilError } from '../core/errors.js';

/**
 * Bytes → text, refusing what is not text: a NUL byte or a run of control characters means a
 * binary file (a PDF, an image) was given by mistake; invalid UTF-8 is refused rather than
 * silently replaced, since replacement characters would end up in a monitor's quote.
 */
export function decodeText(bytes: Uint8Array, what: string, maxBytes: number): string {
  if (bytes.length > maxBytes) {
    throw new VigilError('input_too_large', `${what} is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB`);
  }
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) throw new VigilError('binary_input', `${what} is binary, not text (it contains NUL bytes)`);
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.05) throw new VigilError('binary_input', `${what} is binary, not text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new VigilError('invalid_encoding', `${what} is not valid UTF-8; convert it first (e.g. iconv -f latin1 -t utf-8)`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Refuses empty and whitespace-only text. */
export function requireText(text: string, what: string): string {
  if (text.trim().length === 0) throw new VigilError('empty_input', `${what} has no text`);
  return text;
}
