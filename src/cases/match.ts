import { compareNames } from './names.js';

/** What is known of a person, in a report or on file: names, country, titles, company kept. */
export interface PersonProfile {
  names: string[];
  country?: string | null;
  titles?: string[];
  /** Normalised names of the other entities seen with the person (organisations, places, people). */
  context?: string[];
}

export interface MatchScore {
  score: number;
  reasons: string[];
}

/** At or above: the same person, linked without asking. */
export const AUTO_MATCH = 0.88;
/** At or above (and below AUTO_MATCH): perhaps the same person; an analyst decides. */
export const REVIEW_MATCH = 0.65;
/** The most two names that share only one name can score: below review, so no analyst is asked either. */
const DISTINCT_CEILING = 0.45;

/**
 * How likely a person seen in a report is someone already on file. The name decides most of
 * it; a shared country, titles and co-occurring entities raise it, a different country lowers
 * it (two "Ahmed Hassan"s in Egypt and Sudan are two people until someone says otherwise).
 */
export function scoreMatch(seen: PersonProfile, known: PersonProfile): MatchScore {
  let best: { score: number; subset: boolean; distinct?: boolean; pair: string[] } = { score: 0, subset: false, pair: ['', ''] };
  for (const a of seen.names) {
    for (const b of known.names) {
      const m = compareNames(a, b);
      // A pair of forms that may name one person beats any pair that names two; then the higher score, then a subset.
      const rank = (x: typeof best) => [x.distinct || x.score === 0 ? 0 : 1, x.score, x.subset ? 1 : 0];
      const [r, q] = [rank({ ...m, pair: [a, b] }), rank(best)];
      if (r[0]! > q[0]! || (r[0] === q[0] && (r[1]! > q[1]! || (r[1] === q[1] && r[2]! > q[2]!)))) best = { ...m, pair: [a, b] };
    }
  }
  // One name in common ("Zhang Zhan" / "Zhang Jialong"): two people, whatever else they share.
  if (best.distinct) return { score: Math.min(best.score, DISTINCT_CEILING), reasons: [`only one name in common: "${best.pair[0]}" / "${best.pair[1]}"`] };
  const reasons: string[] = [];
  let score = best.score;
  if (score === 1) reasons.push(`same name "${best.pair[0]}"`);
  else if (best.subset) {
    // "Drost" or "Pavel Drost" against "Pavel Ilyich Drost": the same name, partly told.
    score = Math.max(score, 0.75);
    reasons.push(`"${best.pair[0]}" is part of "${best.pair[1]}"`);
  } else if (score > 0) reasons.push(`name "${best.pair[0]}" ~ "${best.pair[1]}" (${score.toFixed(2)})`);

  if (seen.country && known.country) {
    if (seen.country === known.country) {
      score += 0.05;
      reasons.push(`same country ${seen.country}`);
    } else {
      score -= 0.2;
      reasons.push(`different countries ${seen.country} / ${known.country}`);
    }
  }
  const titles = new Set((known.titles ?? []).map((t) => t.toLowerCase()));
  if ((seen.titles ?? []).some((t) => titles.has(t.toLowerCase()))) {
    score += 0.03;
    reasons.push('a title in common');
  }
  const context = new Set(known.context ?? []);
  const shared = (seen.context ?? []).filter((c) => context.has(c));
  if (shared.length) {
    score += Math.min(0.1, 0.04 * shared.length);
    reasons.push(`seen with ${shared.slice(0, 3).join(', ')}`);
  }
  return { score: Math.max(0, Math.min(1, score)), reasons };
}

export type MatchDecision = 'same' | 'review' | 'new';

export function decide(score: number): MatchDecision {
  return score >= AUTO_MATCH ? 'same' : score >= REVIEW_MATCH ? 'review' : 'new';
}
