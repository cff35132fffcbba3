import type { CaseGold, CaseGoldCase, CaseGoldEvent } from '../../corpora/readers/case-gold.js';
import { nameForms } from '../../corpora/readers/case-gold.js';
import type { Entity, Modality, VigilEvent } from '../../text/types.js';
import { MODALITIES } from '../../text/types.js';

/**
 * Event modality and custody against case gold (../shared/spec/CASE-GOLD.md): gold events are
 * matched to Vigil's by trigger offsets (an overlap with the trigger or any other telling of the
 * event, the same type first); then how often the modality agrees, what it is confused with,
 * how many releases Vigil asserts that the report does not tell, and whether where a person is
 * held (and that nobody knows) reaches the person's events.
 */

export interface ExtractionView {
  text: string;
  entities: Entity[];
  events: VigilEvent[];
}

const FACTUAL = new Set<string>(['asserted', 'reported']);
const STOP = new Set(['the', 'a', 'an', 'of', 'in', 'at', 'to', 'and', 'for']);

/** The content words of a place phrase, lowercased: "the Central Police Station in Tarnholm Bay" → central, police, station, tarnholm, bay. */
function words(s: string): Set<string> {
  return new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP.has(w)));
}

/** Words every place of detention shares: "prison" alone does not make two prisons one. */
const GENERIC = new Set(['prison', 'jail', 'gaol', 'police', 'station', 'central', 'centre', 'center', 'detention', 'facility', 'camp', 'cell', 'cells', 'custody', 'district', 'city', 'state', 'national', 'security', 'headquarters']);

/** A place phrase that names the same place: half of the shorter phrase's distinctive words are in the other. */
export function samePlace(gold: string, ours: string): boolean {
  let g = words(gold);
  let o = words(ours);
  const distinctive = (ws: Set<string>) => new Set([...ws].filter((w) => !GENERIC.has(w)));
  // names when both have them ("Evin", "Tarnholm Bay"); the generic words when one is only generic ("the central police station")
  if (distinctive(g).size > 0 && distinctive(o).size > 0) [g, o] = [distinctive(g), distinctive(o)];
  if (g.size === 0 || o.size === 0) return false;
  const shared = [...g].filter((w) => o.has(w)).length;
  return shared >= 1 && shared / Math.min(g.size, o.size) >= 0.5;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Every span an event is told by: its trigger and its other mentions. */
const spansOf = (v: VigilEvent) => [v.trigger, ...(v.mentions ?? [])];

/** The event of Vigil's that tells a gold event: an overlapping trigger, of the same type when there is one. */
export function matchEvent(gold: CaseGoldEvent, ours: readonly VigilEvent[]): VigilEvent | undefined {
  const hits = ours.filter((v) => spansOf(v).some((s) => overlaps(s, gold)));
  return hits.find((v) => v.type === gold.type) ?? hits[0];
}

/** The entities that are this case's person: a name or name mention equal to one of its forms, or holding one. */
export function caseEntities(c: CaseGoldCase, entities: readonly Entity[]): Set<string> {
  const forms = nameForms(c.name).map((f) => f.toLowerCase());
  const out = new Set<string>();
  for (const e of entities) {
    if (e.type !== 'PERSON') continue;
    const names = [e.name, ...e.mentions.filter((m) => (m.kind ?? 'name') === 'name').map((m) => m.text)].map((n) => n.toLowerCase());
    if (names.some((n) => forms.some((f) => n === f || (f.includes(' ') && n.includes(f)) || (n.includes(' ') && f.includes(n))))) out.add(e.id);
  }
  return out;
}

export interface ModalityScore {
  reports: number;
  goldEvents: number;
  matched: number;
  sameType: number;
  modalityRight: number;
  /** gold modality → Vigil's modality → count, over matched events. */
  confusion: Record<string, Record<string, number>>;
  /** Vigil's asserted or reported releases, and those the report does not tell as having happened. */
  factualReleases: number;
  falseReleases: number;
  heldAtGold: number;
  heldAtFound: number;
  /** Cases with no held_at in the gold whose events got one anyway. */
  heldAtSpurious: number;
  unknownGold: number;
  unknownFound: number;
  unknownSpurious: number;
}

export class ModalityScorer {
  private readonly s: ModalityScore = {
    reports: 0, goldEvents: 0, matched: 0, sameType: 0, modalityRight: 0,
    confusion: Object.fromEntries(MODALITIES.map((g) => [g, Object.fromEntries(MODALITIES.map((o) => [o, 0]))])),
    factualReleases: 0, falseReleases: 0, heldAtGold: 0, heldAtFound: 0, heldAtSpurious: 0, unknownGold: 0, unknownFound: 0, unknownSpurious: 0,
  };

  add(gold: CaseGold, doc: ExtractionView): void {
    const s = this.s;
    s.reports++;
    const goldEvents = gold.cases.flatMap((c) => c.events);
    for (const g of goldEvents) {
      s.goldEvents++;
      const v = matchEvent(g, doc.events);
      if (!v) continue;
      s.matched++;
      if (v.type === g.type) s.sameType++;
      if (v.modality === g.modality) s.modalityRight++;
      const row = s.confusion[g.modality];
      if (row) row[v.modality] = (row[v.modality] ?? 0) + 1;
    }
    const caseOf = gold.cases.map((c) => ({ c, entities: caseEntities(c, doc.entities) }));
    // a release told as fact is false when its words are a gold non-factual event, or when it
    // happens to a case person whose gold has no release that happened
    for (const v of doc.events.filter((x) => x.type === 'RELEASE' && FACTUAL.has(x.modality))) {
      s.factualReleases++;
      const told = goldEvents.filter((g) => spansOf(v).some((sp) => overlaps(sp, g)));
      const wrongWords = told.length > 0 && !told.some((g) => g.type === 'RELEASE' && FACTUAL.has(g.modality));
      const owner = caseOf.find((x) => v.target?.entity && x.entities.has(v.target.entity));
      const noRelease = owner !== undefined && !owner.c.events.some((g) => g.type === 'RELEASE' && FACTUAL.has(g.modality));
      if (wrongWords || noRelease) s.falseReleases++;
    }
    for (const { c, entities } of caseOf) {
      // the person's events: those whose target is them, and those told by the words of their gold events
      const mine = doc.events.filter((v) => (v.target?.entity && entities.has(v.target.entity)) || c.events.some((g) => spansOf(v).some((sp) => overlaps(sp, g))));
      const heldAt = mine.flatMap((v) => (v.heldAt ? [v.heldAt.text] : []));
      if (c.held_at) {
        s.heldAtGold++;
        if (heldAt.some((h) => samePlace(c.held_at!, h))) s.heldAtFound++;
      } else if (heldAt.length > 0) s.heldAtSpurious++;
      const unknown = mine.some((v) => v.whereaboutsUnknown);
      if (c.status === 'whereabouts_unknown') {
        s.unknownGold++;
        if (unknown) s.unknownFound++;
      } else if (unknown) s.unknownSpurious++;
    }
  }

  score(): ModalityScore {
    return structuredClone(this.s);
  }
}

/** The share of matched gold events whose modality is `m`: what always answering `m` would score. */
export function constantAnswer(score: ModalityScore, m: Modality): number {
  const row = (g: string) => Object.values(score.confusion[g] ?? {}).reduce((a, b) => a + b, 0);
  return score.matched ? row(m) / score.matched : 0;
}
