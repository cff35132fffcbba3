/**
 * Features are 32-bit hashes, never strings: a tagger that builds "w-1=the" strings for every
 * token spends its time in the allocator. Each word's parts (lower case, suffixes, shape) are
 * hashed once per token, then combined with a template number by integer mixing.
 */

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: spreads every input bit over the output. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A feature from a template number and one value. Never 0 (0 marks an empty slot). */
export function feat1(template: number, a: number): number {
  return fmix(Math.imul(template + 1, 0x9e3779b1) ^ a) || 1;
}

export function feat2(template: number, a: number, b: number): number {
  return fmix(Math.imul(feat1(template, a), 0x27d4eb2f) ^ b) || 1;
}

export function feat3(template: number, a: number, b: number, c: number): number {
  return fmix(Math.imul(feat2(template, a, b), 0x165667b1) ^ c) || 1;
}
