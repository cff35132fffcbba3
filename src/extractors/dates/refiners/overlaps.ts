import type { Parsed } from '../parsed.js';

/**
 * Keeps one reading per stretch of text: the longest wins ("Friday, Dec. 7, 2018" over "Dec. 7"
 * and "2018"), then the parser listed first. `priority` maps a parser name to its rank.
 */
export function removeOverlaps(candidates: Parsed[], priority: Map<string, number>): Parsed[] {
  const ranked = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || (priority.get(a.parser) ?? 99) - (priority.get(b.parser) ?? 99) || a.start - b.start);
  const kept: Parsed[] = [];
  // Characters already taken, so each check costs the candidate's length, not the number kept
  // (a 1 MB report holds thousands of dates).
  const taken = new Uint8Array(ranked.reduce((n, c) => Math.max(n, c.end), 0));
  for (const c of ranked) {
    if (taken.subarray(c.start, c.end).includes(1)) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}
