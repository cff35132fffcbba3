import { readFileSync } from 'node:fs';
import anyAscii from 'any-ascii';
import { locate } from '../../corpora/locate.js';
import { readHrdsAttack } from '../../corpora/readers/hrdsattack.js';
import { decide, scoreMatch } from '../../cases/match.js';
import type { MatchDecision } from '../../cases/match.js';
import { jaroWinkler } from '../../cases/names.js';
import { countryByDemonym, countryByName } from '../../extractors/places/index.js';
import { pct } from '../report.js';
import type { EvalTask } from './task.js';

/**
 * Person matching on pairs built from HRDsAttack's victim names (train and dev: the dataset names
 * the same victims in several reports). A positive pair is one victim named in two reports —
 * written the same, or written differently but with the same letters once case, diacritics,
 * punctuation and order are set aside. A negative pair is two victims who share a name (a
 * family or a given name) while each has another name the other has nothing like. Each name
 * is matched alone with its report's country, as a report's person is matched against the file.
 */

interface Named {
  name: string;
  article: string;
  country: string | null;
}

/** The independent key a positive pair shares: letters of each token, any order; not the matcher's own normaliser. */
function looseKey(name: string): string {
  return anyAscii(name).toLowerCase().replace(/[^a-z\s]+/g, ' ').split(/\s+/).filter(Boolean).sort().join(' ');
}

function tokens(name: string): string[] {
  return looseKey(name).split(' ').filter((t) => t.length >= 3);
}

export interface PairSet {
  positives: [Named, Named][];
  variants: number;
  negatives: [Named, Named][];
}

/** The pairs, from every victim name with at least two tokens. */
export function buildPairs(named: Named[]): PairSet {
  const people = named.filter((n) => looseKey(n.name).split(' ').length >= 2);
  const byKey = new Map<string, Named[]>();
  for (const n of people) byKey.set(looseKey(n.name), [...(byKey.get(looseKey(n.name)) ?? []), n]);
  const positives: [Named, Named][] = [];
  let variants = 0;
  for (const group of byKey.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        if (group[i]!.article === group[j]!.article) continue;
        positives.push([group[i]!, group[j]!]);
        if (group[i]!.name !== group[j]!.name) variants++;
      }
    }
  }
  const negatives: [Named, Named][] = [];
  const keys = [...byKey.keys()];
  const seen = new Set<string>();
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const [a, b] = [tokens(keys[i]!), tokens(keys[j]!)];
      if (!a.some((t) => b.includes(t))) continue;
      // Different people: each has a name the other has nothing like (not a respelling).
      const apart = (x: string[], y: string[]) => x.some((t) => !y.includes(t) && y.every((u) => jaroWinkler(t, u) < 0.8));
      if (!apart(a, b) || !apart(b, a)) continue;
      const pair = `${keys[i]}|${keys[j]}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      negatives.push([byKey.get(keys[i]!)![0]!, byKey.get(keys[j]!)![0]!]);
    }
  }
  return { positives, variants, negatives };
}

/** The annotators' country in words ("United States", "USA", "Pakistani") as the code a report's person carries. */
function countryCode(label: string | null): string | null {
  if (!label) return null;
  return countryByName(label)?.cca3 ?? countryByDemonym(label)?.cca3 ?? null;
}

function decision(a: Named, b: Named): MatchDecision {
  return decide(scoreMatch({ names: [a.name], country: a.country }, { names: [b.name], country: b.country }).score);
}

export const mergesTask: EvalTask = {
  name: 'merges',
  description: 'person matching: merge precision/recall and silent wrong merges on pairs of HRDsAttack victim names (train+dev)',
  run(ctx) {
    const named: Named[] = [];
    for (const split of ['train', 'dev'] as const) {
      const loc = locate('hrdsattack', split, ctx.dataDir);
      if (!loc.path) return { skipped: `HRDsAttack ${split} not found under ${loc.dir}` };
      for (const a of readHrdsAttack(readFileSync(loc.path, 'utf8'))) {
        for (const v of a.labels.victims) if (v.name) named.push({ name: v.name, article: `${split}:${a.id}`, country: countryCode(a.labels.country) });
      }
    }
    const { positives, variants, negatives } = buildPairs(named);
    const count = (pairs: [Named, Named][]) => {
      const c: Record<MatchDecision, number> = { same: 0, review: 0, new: 0 };
      for (const [a, b] of pairs) c[decision(a, b)]++;
      return c;
    };
    const pos = count(positives);
    const neg = count(negatives);
    const merged = pos.same + neg.same;
    const wrong = negatives.filter(([a, b]) => decision(a, b) === 'same').slice(0, 10).map(([a, b]) => `"${a.name}" ~ "${b.name}"`);
    const rows = [
      { name: `same person (${positives.length} pairs, ${variants} spelled differently)`, values: { merged: pos.same, review: pos.review, apart: pos.new } },
      { name: `different people sharing a name (${negatives.length} pairs)`, values: { merged: neg.same, review: neg.review, apart: neg.new } },
    ];
    const summary = {
      name: 'matcher',
      values: {
        'merge precision': merged ? pct(pos.same / merged) : null,
        'merge recall': positives.length ? pct(pos.same / positives.length) : null,
        'recall with review': positives.length ? pct((pos.same + pos.review) / positives.length) : null,
        'silent wrong merges': neg.same,
        'strangers sent to review': neg.review,
      },
    };
    return {
      result: {
        task: 'merges',
        split: 'train+dev',
        corpus: 'HRDsAttack victim names',
        data: 'hrdsattack train, dev',
        tables: [
          { title: 'Pairs and decisions', columns: ['merged', 'review', 'apart'], rows },
          { title: 'Merge quality', columns: ['merge precision', 'merge recall', 'recall with review', 'silent wrong merges', 'strangers sent to review'], rows: [summary] },
        ],
        notes: [`${named.length} victim names read`, ...(wrong.length ? [`wrong merges: ${wrong.join('; ')}`] : [])],
      },
    };
  },
};
