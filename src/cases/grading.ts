import type { Entity, ExtractionDocument, Role } from '../text/types.js';

/** Who a fact comes from, as a caseworker weighs it. */
export const SOURCE_KINDS = ['official', 'family', 'lawyer', 'un', 'ngo', 'self', 'media', 'anonymous'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type Hand = 'first' | 'second';

export interface Grade {
  kind: SourceKind;
  hand: Hand;
  /** The words that named the source ("his wife", "Ilse Varga"), or null for the report itself. */
  speaker: string | null;
}

// Kept as patterns over titles, affiliations and descriptions: "a spokesman for the Interior
// Ministry" is official, "a U.N. official based in Bangkok" is the UN, "his wife" is family.
const UN = /\b(u\.?n\.?|united nations|unhcr|ohchr|special rapporteur|un human rights)\b/i;
const LAWYER = /\b(lawyer|attorney|counsel|advocate|legal representative|barrister|solicitor)\b/i;
const FAMILY = /\b(wife|husband|son|daughter|mother|father|brother|sister|family|relative|relatives|parent|parents|cousin|uncle|aunt|niece|nephew|fianc[ée]e?|partner)\b/i;
const OFFICIAL = /\b(minister|ministry|spokes(man|woman|person)|police|official|officer|government|governor|prosecutor|judge|court|army|military|authorities|embassy|ambassador|president|mayor|interior|security|immigration)\b/i;
const NGO = /\b(rights|amnesty|watch|union|ngo|association|committee|federation|network|foundation|coalition|activists?|colleagues?)\b/i;
// Speech about speech: the speaker passes on what someone else saw or said.
const HEARSAY = /\b(told (him|her|them|us|me)|was told|were told|had been told|according to|heard|reportedly|learned|informed)\b/i;

function kindOf(e: Entity, target: string | null): { kind: SourceKind; named: boolean } {
  const named = e.mentions.some((m) => (m.kind ?? 'name') === 'name');
  if (target && e.id === target) return { kind: 'self', named };
  const words = [e.name, ...(e.titles ?? []), ...(e.affiliations ?? []).flatMap((a) => [a.title, a.org]), e.relation?.type ?? ''].join(' ; ');
  if (e.relation && FAMILY.test(e.relation.type)) return { kind: 'family', named };
  if (LAWYER.test(words)) return { kind: 'lawyer', named };
  if (UN.test(words)) return { kind: 'un', named };
  if (FAMILY.test(words) && e.relation) return { kind: 'family', named };
  if (OFFICIAL.test(words)) return { kind: 'official', named };
  if (NGO.test(words) || e.type === 'ORG') return { kind: e.type === 'ORG' && OFFICIAL.test(e.name) ? 'official' : 'ngo', named };
  return { kind: named ? 'media' : 'anonymous', named };
}

/**
 * The grade of a claim in a report: what kind of source makes it (the speaker's titles,
 * organisation or relation to the person), and whether they speak first-hand or pass on what
 * someone else told them ("a U.N. official told his wife…" is second-hand from the wife). With
 * no speaker the report itself is the source: media, second-hand.
 */
export function gradeClaim(doc: ExtractionDocument, speaker: Role | null | undefined, claimText: string, targetEntity: string | null = null): Grade {
  const entity = speaker?.entity ? doc.entities.find((e) => e.id === speaker.entity) : undefined;
  if (!speaker) return { kind: 'media', hand: 'second', speaker: null };
  const hearsay = HEARSAY.test(claimText);
  if (!entity) {
    const text = speaker.text;
    const kind: SourceKind = FAMILY.test(text) ? 'family' : LAWYER.test(text) ? 'lawyer' : UN.test(text) ? 'un' : OFFICIAL.test(text) ? 'official' : NGO.test(text) ? 'ngo' : 'anonymous';
    return { kind, hand: hearsay ? 'second' : 'first', speaker: text };
  }
  const { kind } = kindOf(entity, targetEntity);
  return { kind, hand: hearsay ? 'second' : 'first', speaker: speaker.text || entity.name };
}
