import type { Parsed } from '../parsed.js';

/**
 * One parser per concern, chrono-node style: a pattern over the raw text and a function that
 * reads a match into stated fields. Refiners merge and filter what the parsers find.
 */
export interface DateParser {
  readonly name: string;
  readonly pattern: RegExp;
  /** Reads one match; null rejects it ("May" the modal verb). */
  extract(m: RegExpExecArray): Omit<Parsed, 'start' | 'end' | 'parser'> | null;
}

/** Word edges that treat digits as word characters, so "2018" inside "A2018" never matches. */
const BEFORE = '(?<![\\p{L}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{N}_])';
export const wordPattern = (body: string): RegExp => new RegExp(`${BEFORE}(?:${body})${AFTER}`, 'giu');

export const isCapitalised = (s: string | undefined): boolean => s !== undefined && s[0] !== s[0]!.toLowerCase();
export const lower = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/\s+/g, ' ');

/** A plausible news year: four digits 1600–2199. */
export function year(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const y = Number(s);
  return y >= 1600 && y < 2200 ? y : undefined;
}
