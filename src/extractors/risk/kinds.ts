import { readFileSync } from 'node:fs';
import type { AtRiskKind, NotAtRiskKind } from '../../text/types.js';
/** A feature as the risk features write it: its name and the words it stands for. */
interface Feat {
  name: string;
  at?: { start: number; end: number };
}

/**
 * The kind of person the words describing someone name (`kinds.json`): the models decide whether
 * a person is at risk, these words only say which kind, or which kind of person not at risk.
 */
interface KindWords {
  atRisk: Map<string, AtRiskKind>;
  notAtRisk: Map<string, NotAtRiskKind>;
}

let cached: KindWords | undefined;

function kindWords(): KindWords {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(new URL('./kinds.json', import.meta.url), 'utf8')) as { atRisk: Record<string, string[]>; notAtRisk: Record<string, string[]> };
  const invert = <K extends string>(groups: Record<string, string[]>) => new Map(Object.entries(groups).flatMap(([kind, words]) => words.map((w) => [w, kind as K] as const)));
  cached = { atRisk: invert<AtRiskKind>(raw.atRisk), notAtRisk: invert<NotAtRiskKind>(raw.notAtRisk) };
  return cached;
}

/** The features that describe a person, nearest to their name first: their titles, descriptions, appositions, then the words beside them. */
const DESCRIBING = ['title', 'desc', 'afftitle', 'kid', 'head=appos', 'near', 'afforg', 'org', 'ctx'];

const describingRank = (f: Feat): number => DESCRIBING.findIndex((p) => f.name.startsWith(`${p}=`) || f.name.startsWith(`${p}:`));

/** A describing word as the lists hold it: "journalists" → "journalist". */
const singular = (w: string): string => (w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** The word a describing feature carries, as written: "reporters" of "title=reporters", "kid=compound:journalist", "head=appos:president". */
export const writtenWordOf = (f: Feat): string => f.name.slice(f.name.lastIndexOf(f.name.includes(':') ? ':' : '=') + 1);
/** That word singular, as the lists hold it: "journalist" of "title=journalists". */
const wordOf = (f: Feat): string => singular(writtenWordOf(f));

/**
 * Offices a union, a rights group, a bar or a university has as much as a state, and seats the
 * opposition holds as much as the government: whoever holds one in such a body, or for the
 * opposition (the `civil-office` feature), is not an official for it.
 */
export const OFFICE_WORDS = new Set(['president', 'chancellor', 'official', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'founder', 'lawmaker', 'legislator', 'senator', 'councillor', 'councilor', 'mayor', 'congressman', 'congresswoman']);

/** Whether a word (lower case) names a kind at risk: "union", "reporters". */
export const isAtRiskWord = (word: string): boolean => kindWords().atRisk.has(singular(word));

/** The kind a describing word names, at risk or not ("reporters" → journalist), if any. */
export function kindOfWord(word: string): string | undefined {
  const words = kindWords();
  const w = singular(word);
  return words.atRisk.get(w) ?? words.notAtRisk.get(w);
}

export interface KindReading<K> {
  kind: K;
  feat: Feat;
}

/** The kinds at risk a person's describing words name, each once, nearest first. */
export function atRiskKinds(feats: readonly Feat[]): KindReading<AtRiskKind>[] {
  const words = kindWords();
  const out = new Map<AtRiskKind, KindReading<AtRiskKind>>();
  for (const f of describingFeats(feats)) {
    const kind = words.atRisk.get(wordOf(f)) ?? words.atRisk.get(f.name.slice(f.name.indexOf('=') + 1));
    if (kind && !out.has(kind)) out.set(kind, { kind, feat: f });
  }
  return [...out.values()];
}

/** The first kind not at risk a person's describing words name (an office they hold in a civil body names none). */
export function notAtRiskKind(feats: readonly Feat[]): KindReading<NotAtRiskKind> | undefined {
  const words = kindWords();
  const civil = feats.some((f) => f.name === 'civil-office');
  for (const f of describingFeats(feats)) {
    if (civil && OFFICE_WORDS.has(wordOf(f))) continue;
    const kind = words.notAtRisk.get(wordOf(f)) ?? words.notAtRisk.get(f.name.slice(f.name.indexOf('=') + 1));
    if (kind) return { kind, feat: f };
  }
  return undefined;
}

function describingFeats(feats: readonly Feat[]): Feat[] {
  return feats
    .map((f) => ({ f, rank: describingRank(f) }))
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.f);
}

/** Where a describing word stands relative to the name, coarsely: the kind features' own names. */
const WHERE: Record<string, string> = { title: 'title', desc: 'desc', afftitle: 'title', kid: 'beside', 'head=appos': 'beside', near: 'near', ctx: 'clause', afforg: 'org', org: 'org' };

/** The kind a describing feature's word names (at risk or not), and where the word stands. */
export function kindOfFeature(f: Feat): { kind: string; where: string } | undefined {
  const prefix = Object.keys(WHERE).find((p) => f.name.startsWith(`${p}=`) || f.name.startsWith(`${p}:`));
  if (!prefix) return undefined;
  const kind = kindOfWord(writtenWordOf(f));
  return kind ? { kind, where: WHERE[prefix]! } : undefined;
}

/** Whether the describing word nearest the name names a kind at risk or a kind not at risk ("Prime Minister" before "labor activists"). */
export function describedFirstAs(feats: readonly Feat[]): 'atRisk' | 'notAtRisk' | undefined {
  const words = kindWords();
  const civil = feats.some((f) => f.name === 'civil-office');
  for (const f of describingFeats(feats)) {
    if (civil && OFFICE_WORDS.has(wordOf(f))) continue;
    if (words.atRisk.has(wordOf(f))) return 'atRisk';
    if (words.notAtRisk.has(wordOf(f))) return 'notAtRisk';
  }
  return undefined;
}
