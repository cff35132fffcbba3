import type { EventType, ExtractionDocument, Quote } from '../text/types.js';
import type { Hand, SourceKind } from './grading.js';
import { gradeClaim } from './grading.js';

export type Polarity = 'asserted' | 'negated';

/** What a statement claims about the person: an event type, said to have happened (or be coming) or denied. */
export interface Claim {
  type: EventType;
  polarity: Polarity;
}

export interface Statement {
  /** `report:<reportId>:<quote index>` for a quote, the row id for an analyst's entry. */
  id: string;
  origin: 'report' | 'manual';
  speaker: string;
  sourceKind: SourceKind | string;
  hand: Hand | null;
  /** The day it was said: a date in the attribution ("told reporters on Tuesday"), else the report's publication day. */
  saidOn: string | null;
  text: string;
  claims: Claim[];
  reportId: string | null;
  start: number | null;
  end: number | null;
}

/**
 * Claims that cannot both be true are compared within a family: "no charges have been filed"
 * (a denied CHARGE) against "he committed a crime" (an ACCUSATION) is the interior minister
 * against his own spokesman, the example that motivated this.
 */
const FAMILIES: Record<string, EventType[]> = {
  charges: ['ACCUSATION', 'CHARGE', 'TRIAL', 'CONVICTION'],
  custody: ['ARREST', 'ABDUCTION'],
  removal: ['DEPORTATION', 'EXTRADITION'],
  harm: ['ASSAULT', 'TORTURE', 'KILLING'],
};
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(FAMILIES, null);

export function familyOf(type: string): string {
  return Object.entries(FAMILIES).find(([, types]) => types.includes(type as EventType))?.[0] ?? type.toLowerCase();
}

function saidOn(doc: ExtractionDocument, q: Quote): string | null {
  const sentence = doc.sentences.find((s) => s.start <= (q.cue?.start ?? q.start) && (q.cue?.start ?? q.start) < s.end);
  const dated = sentence && doc.timexes.find((t) => t.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(t.value) && t.start >= sentence.start && t.end <= sentence.end && (t.end <= q.start || t.start >= q.end));
  return dated?.value ?? doc.published ?? null;
}

/**
 * The quotes of one report that are about the person (whose entities in that report are
 * `entityIds`): the quote names or refers to them, makes a claim about them, or comes from
 * someone known through them ("his wife"). Each with its speaker, grade, day and claims.
 */
export function statementsFrom(doc: ExtractionDocument, reportId: string, entityIds: Set<string>): Statement[] {
  const out: Statement[] = [];
  const mentions = doc.entities.filter((e) => entityIds.has(e.id)).flatMap((e) => e.mentions);
  doc.quotes.forEach((q, i) => {
    const inside = (s: number) => s >= q.start && s < q.end;
    const events = doc.events.filter((e) => (inside(e.trigger.start) || (e.mentions ?? []).some((m) => inside(m.start))) && e.modality !== 'hypothetical' && (!e.target?.entity || entityIds.has(e.target.entity)));
    const speakerEntity = q.speakerEntity ? doc.entities.find((e) => e.id === q.speakerEntity) : undefined;
    const about = mentions.some((m) => inside(m.start)) || events.length > 0 || (speakerEntity?.relation?.of ? entityIds.has(speakerEntity.relation.of) : false);
    if (!about) return;
    const speakerRole = q.speakerText ? { entity: q.speakerEntity ?? q.speaker, text: q.speakerText } : null;
    const grade = gradeClaim(doc, speakerRole, doc.text.slice(q.start, q.end), [...entityIds][0] ?? null);
    const claims = new Map<string, Claim>();
    for (const e of events) claims.set(`${e.type}:${e.modality === 'negated'}`, { type: e.type, polarity: e.modality === 'negated' ? 'negated' : 'asserted' });
    out.push({
      id: `report:${reportId}:${i}`,
      origin: 'report',
      speaker: speakerEntity?.mentions.some((m) => (m.kind ?? 'name') === 'name') ? speakerEntity.name : (q.speakerText ?? 'unattributed'),
      sourceKind: grade.kind,
      hand: grade.hand,
      saidOn: saidOn(doc, q),
      text: doc.text.slice(q.start, q.end),
      claims: [...claims.values()],
      reportId,
      start: q.start,
      end: q.end,
    });
  });
  return out;
}

export interface Contradiction {
  family: string;
  /** The statement that denies, and the one that asserts. */
  denies: string;
  asserts: string;
  why: string;
}

/** Pairs of statements by different speakers where one asserts what the other denies, within a family of claims. */
export function contradictions(statements: Statement[]): Contradiction[] {
  const out: Contradiction[] = [];
  for (const a of statements) {
    for (const ca of a.claims.filter((c) => c.polarity === 'negated')) {
      for (const b of statements) {
        if (b === a || b.speaker === a.speaker) continue;
        const cb = b.claims.find((c) => c.polarity === 'asserted' && familyOf(c.type) === familyOf(ca.type));
        if (!cb) continue;
        if (out.some((x) => x.denies === a.id && x.asserts === b.id)) continue;
        out.push({ family: familyOf(ca.type), denies: a.id, asserts: b.id, why: `${a.speaker} denies ${ca.type.toLowerCase()}; ${b.speaker} asserts ${cb.type.toLowerCase()}` });
      }
    }
  }
  return out;
}
