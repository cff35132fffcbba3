import type { EventType, Modality } from '../../text/types.js';

/**
 * Who events befall, sentence by sentence: our annotation of real Voice of America sentences
 * (GMB's NER corpus) against what the pipeline read. A record is one event befalling one named
 * person; the two sides meet where the types agree and the name spans overlap (tokens of the
 * corpus sentence, end exclusive). Pure: the task reads the corpus and runs the pipeline.
 */

export interface GoldRecord {
  type: EventType;
  modality: Modality;
  trigger: number;
  /** The name's tokens, [first, last + 1). */
  target: [number, number];
  at_risk: boolean;
}

export interface GoldSentence {
  n: number;
  events: GoldRecord[];
}

/** What the pipeline read: an event type and modality befalling a person whose name covers these tokens (any of its namings in the sentence). */
export interface SystemRecord {
  type: EventType;
  modality: Modality;
  spans: [number, number][];
}

export interface Counts {
  gold: number;
  sys: number;
  hit: number;
}

export interface VoaCounts {
  /** Anyone an event befalls, whatever the event: the people the rules find at all. */
  person: Counts;
  /** The event's type too. */
  typed: Counts;
  /** Type and modality. */
  modal: Counts;
  /** The people at risk among the gold (recall only). */
  atRisk: { gold: number; hit: number };
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];
const zero = (): Counts => ({ gold: 0, sys: 0, hit: 0 });

/**
 * Scores one sentence into `c`. Each side is counted once per person (and per type, per type and
 * modality): a person told twice with one event is one record, as the annotation writes it.
 */
export function scoreSentence(gold: readonly GoldRecord[], sys: readonly SystemRecord[], c: VoaCounts): void {
  // the gold's people, each a group of its records (one person may be named by overlapping spans)
  const people: { span: [number, number]; recs: GoldRecord[] }[] = [];
  for (const g of gold) {
    const p = people.find((x) => overlaps(x.span, g.target));
    if (p) p.recs.push(g);
    else people.push({ span: g.target, recs: [g] });
  }
  const personOf = (s: SystemRecord) => people.findIndex((p) => s.spans.some((sp) => overlaps(sp, p.span)));
  // system people: by the gold person they overlap, else by their first span
  const sysKey = (s: SystemRecord) => {
    const i = personOf(s);
    return i >= 0 ? `g${i}` : `s${s.spans[0]?.join(':')}`;
  };
  const tally = (counts: Counts, goldKeys: Set<string>, sysKeys: Set<string>) => {
    counts.gold += goldKeys.size;
    counts.sys += sysKeys.size;
    for (const k of sysKeys) if (goldKeys.has(k)) counts.hit++;
  };
  tally(c.person, new Set(people.map((_, i) => `g${i}`)), new Set(sys.map(sysKey)));
  tally(c.typed, new Set(people.flatMap((p, i) => p.recs.map((r) => `g${i}:${r.type}`))), new Set(sys.map((s) => `${sysKey(s)}:${s.type}`)));
  tally(c.modal, new Set(people.flatMap((p, i) => p.recs.map((r) => `g${i}:${r.type}:${r.modality}`))), new Set(sys.map((s) => `${sysKey(s)}:${s.type}:${s.modality}`)));
  const found = new Set(sys.map(personOf).filter((i) => i >= 0));
  people.forEach((p, i) => {
    if (!p.recs.some((r) => r.at_risk)) return;
    c.atRisk.gold++;
    if (found.has(i)) c.atRisk.hit++;
  });
}

export const emptyCounts = (): VoaCounts => ({ person: zero(), typed: zero(), modal: zero(), atRisk: { gold: 0, hit: 0 } });

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.sys ? c.hit / c.sys : 0;
  const r = c.gold ? c.hit / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}
