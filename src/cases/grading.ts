import type { Entity, ExtractionDocument, Role } from '../text/types.js';
import { affiliationOrgName } from '../text/types.js';

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
// Ministry" is official, "a U.N. official stationed in Geneva" is the UN, "his wife" is family.
const UN = /\b(u\.?n\.?|united nations|unhcr|ohchr|special rapporteur|un human rights)\b/i;
const LAWYER = /\b(lawyer|attorney|counsel|advocate|legal representative|barrister|solicitor)\b/i;
const FAMILY = /\b(wife|husband|son|daughter|mother|father|brother|sister|family|relative|relatives|parent|parents|cousin|uncle|aunt|niece|nephew|fianc[ée]e?|partner)\b/i;
const OFFICIAL = /\b(minister|ministry|spokes(man|woman|person)|police|official|officer|government|governor|prosecutor|judge|court|army|military|authorities|embassy|ambassador|president|mayor|interior|security|immigration)\b/i;
const NGO = /\b(rights|amnesty|watch|union|ngo|association|committee|federation|network|foundation|coalition|activists?|colleagues?)\b/i;
// Speech about speech: the speaker passes on what someone else saw or said.
const HEARSAY = /\b(told (him|her|them|us|me)|was told|were told|had been told|according to|heard|reportedly|learned|informed)\b/i;

/** The kind the words name, in order of how specific they are; family only where a relation is known. */
function kindOfWords(words: string, family: boolean): SourceKind | null {
  if (LAWYER.test(words)) return 'lawyer';
  if (UN.test(words)) return 'un';
  if (family && FAMILY.test(words)) return 'family';
  if (OFFICIAL.test(words)) return 'official';
  if (NGO.test(words)) return 'ngo';
  return null;
}

function kindOf(doc: ExtractionDocument, e: Entity, target: string | null): SourceKind {
  if (target && e.id === target) return 'self';
  if (e.relation && FAMILY.test(e.relation.type)) return 'family';
  const words = [e.name, ...(e.titles ?? []), ...(e.affiliations ?? []).flatMap((a) => [a.title, affiliationOrgName(doc.entities, a.org) ?? '']), e.relation?.type ?? ''].join(' ; ');
  const kind = kindOfWords(words, !!e.relation);
  if (kind) return kind;
  if (e.type === 'ORG') return OFFICIAL.test(e.name) ? 'official' : 'ngo';
  return e.mentions.some((m) => (m.kind ?? 'name') === 'name') ? 'media' : 'anonymous';
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
  const hand: Hand = hearsay ? 'second' : 'first';
  if (!entity) {
    const text = speaker.text;
    return { kind: FAMILY.test(text) ? 'family' : (kindOfWords(text, false) ?? 'anonymous'), hand, speaker: text };
  }
  return { kind: kindOf(doc, entity, targetEntity), hand, speaker: speaker.text || entity.name };
}
