import type { Parsed } from '../parsed.js';
import { overlaps } from '../parsed.js';

/**
 * Keeps one reading per stretch of text: the longest wins ("Friday, Dec. 7, 2018" over "Dec. 7"
 * and "2018"), then the parser listed first. `priority` maps a parser name to its rank.
 */
export function removeOverlaps(candidates: Parsed[], priority: Map<string, number>): Parsed[] {
  const ranked = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || (priority.get(a.parser) ?? 99) - (priority.get(b.parser) ?? 99) || a.start - b.start);
  const kept: Parsed[] = [];
  for (const c of ranked) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}
