/**
 * The extraction document of ../shared/spec/EXTRACTION-FORMAT.md, as TypeScript types.
 * Every `start`/`end` is an offset in UTF-16 code units into `text`, as JavaScript's
 * String.prototype.slice indexes it: `text.slice(start, end) === span.text` always holds.
 */

export const ENTITY_TYPES = ['PERSON', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const TIMEX_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;
export type TimexType = (typeof TIMEX_TYPES)[number];

export const QUOTE_KINDS = ['direct', 'indirect', 'mixed'] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];

/** ../shared/spec/ONTOLOGY.md, in its order. */
export const EVENT_TYPES = [
  'ARREST',
  'DEPORTATION',
  'EXTRADITION_REQUEST',
  'EXTRADITION',
  'ACCUSATION',
  'CHARGE',
  'TRIAL',
  'CONVICTION',
  'RELEASE',
  'DISAPPEARANCE',
  'ABDUCTION',
  'THREAT',
  'ASSAULT',
  'TORTURE',
  'KILLING',
  'ASYLUM_REQUEST',
  'RESTRICTION',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const MODALITIES = ['asserted', 'negated', 'future', 'hypothetical', 'reported'] as const;
export type Modality = (typeof MODALITIES)[number];

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const ROLE_NAMES = ['target', 'agent', 'principal', 'place', 'origin', 'destination'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export interface Offsets {
  start: number;
  end: number;
}

export interface TextSpan extends Offsets {
  text: string;
}

/** How a mention names its entity (Vigil's addition; absent means a name). */
export const MENTION_KINDS = ['name', 'pronoun', 'description'] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

export interface Mention extends TextSpan {
  /** "Reyvik" is a name, "he" a pronoun, "the union leader" or "his wife" a description. */
  kind?: MentionKind;
}

/** A person known through another: "his wife" is the wife of the man "his" refers to. */
export interface Relation {
  type: string;
  /** The entity the relation points to, when it is known. */
  of: string | null;
}

export interface Affiliation {
  /** The role: "spokesman". */
  title: string;
  /** The organisation the role is held in, when the text names it: the id of its ORG entity (a hand-written extraction may give its name). */
  org: string | null;
}

export interface Entity {
  id: string;
  type: EntityType;
  /** The fullest name in the document; for a person never named, the first description ("his wife"). */
  name: string;
  mentions: Mention[];
  titles?: string[];
  country?: string;
  /** Vigil's additions: the organisation a title is held in; for an unnamed person, whom they are known through. */
  affiliations?: Affiliation[];
  relation?: Relation;
}

/** The mentions that name the entity (not its pronouns or descriptions). */
export const nameMentions = (e: Entity): Mention[] => e.mentions.filter((m) => (m.kind ?? 'name') === 'name');

/**
 * The name of the organisation an affiliation points to: coreference writes its entity id; a
 * hand-written extraction may give the name itself, which is kept.
 */
export const affiliationOrgName = (entities: readonly Entity[], ref: string | null): string | null => (ref === null ? null : (entities.find((x) => x.id === ref)?.name ?? ref));

/** True when some mention of the entity is a name (unnamed people are kept as entities too). */
export const isNamed = (e: Entity): boolean => e.mentions.some((m) => (m.kind ?? 'name') === 'name');

export interface Timex extends TextSpan {
  type: TimexType;
  value: string;
  /** Where the parts the text does not state came from (chrono-node's known vs implied values). */
  anchor?: 'stated' | 'publication' | 'previous' | 'none';
  /** The calendar fields the text states: "Dec. 7" states month and day; the year is implied. */
  stated?: string[];
  /** The word of the clause the date belongs to (its verb, through the parse): what it dates. */
  governor?: TextSpan;
  /**
   * For a duration that a signal word places in time ("three days later"): the calendar value it
   * reaches from the date told before. TimeML marks "three days" as the DURATION and "later" as a
   * signal; the date it points to is what an event needs.
   */
  pointsTo?: string;
}

export interface Quote extends TextSpan {
  kind: QuoteKind;
  /** The named entity who speaks, or null. */
  speaker: string | null;
  /** The words that name the speaker: the name, or the description a pronoun stands for ("his wife" for "she"). */
  speakerText: string | null;
  cue: TextSpan | null;
  /** Vigil's additions: where the speaker's words are in this quote's sentence ("she"), and the entity they
   *  refer to even when it has no name (an unnamed person: "his wife", with her relation). */
  speakerSpan?: TextSpan | null;
  speakerEntity?: string | null;
}

export interface Role {
  entity: string | null;
  text: string;
  /** Where the role's words are (Vigil's addition): a pronoun's offsets even when `entity` names its antecedent. */
  start?: number;
  end?: number;
  /** Not stated in the event's sentence but taken from the sentences before it (Vigil's addition):
   *  "there are no charges yet" against the activist named just before. The offsets are those words'. */
  implied?: boolean;
}

export interface EventDate {
  value: string;
  precision: DatePrecision;
  /** Vigil's additions: the timex the date came from, and whether its day was stated or taken from the publication date. */
  text?: string;
  anchor?: 'stated' | 'publication' | 'previous' | 'none';
}

export interface VigilEvent {
  id: string;
  type: EventType;
  trigger: TextSpan;
  target: Role | null;
  agent: Role | null;
  principal: Role | null;
  place: Role | null;
  origin: Role | null;
  destination: Role | null;
  date: EventDate | null;
  modality: Modality;
  sentence: number;
  confidence: number;
  /** Vigil's addition: whose claim a `reported` event is (also kept when the claim is negated or future). */
  speaker?: Role | null;
  /** Vigil's addition: other words in this report that tell the same event ("the deportation occurred"). */
  mentions?: TextSpan[];
  /** Vigil's addition, on ARREST, CONVICTION and DEPORTATION: where the target is held when the report says it
   *  ("held at the central police station", "taken to Evin prison"); absent when it does not. */
  heldAt?: Role | null;
  /** Vigil's addition: the report says the target's whereabouts are not known (incommunicado, taken to an unknown place). */
  whereaboutsUnknown?: TextSpan | null;
}

/** A token as serialised: Vigil's addition to the format (the spec allows added fields). */
export interface TokenJSON extends Offsets {
  /** Set when this token and the previous one form one written word (a CoNLL-U multiword token: "do|n't"). */
  fused?: true;
}

export interface ExtractionDocument {
  id?: string;
  published: string | null;
  title?: string;
  byline?: string;
  url?: string;
  text: string;
  offsets: 'utf16';
  sentences: Offsets[];
  tokens: TokenJSON[];
  entities: Entity[];
  timexes: Timex[];
  quotes: Quote[];
  events: VigilEvent[];
  /** Who is at risk and whether the report is about an attack on someone at risk (the `risk` component; absent in older extractions). */
  risk?: RiskReading;
}

/** Words in the report that support a decision, with why they count. */
export interface Evidence {
  start: number;
  end: number;
  text: string;
  why: string;
}

/** Labels for why someone needs watching (case gold uses the same ones), and for why someone does not. */
export const AT_RISK_KINDS = ['journalist', 'human_rights_defender', 'lawyer', 'activist', 'protester', 'trade_unionist', 'student', 'academic', 'opposition', 'religious_or_minority_leader', 'other'] as const;
export type AtRiskKind = (typeof AT_RISK_KINDS)[number];
export const NOT_AT_RISK_KINDS = ['official', 'security_force', 'perpetrator', 'public_figure', 'ordinary_suspect', 'athlete', 'other'] as const;
export type NotAtRiskKind = (typeof NOT_AT_RISK_KINDS)[number];

/** One person entity's assessment: `score` is the probability that they are a person at risk. */
export interface PersonRisk {
  entity: string;
  score: number;
  kinds: AtRiskKind[];
  /** What they are instead, when the reading says they are not at risk. */
  none: NotAtRiskKind | null;
  evidence: Evidence[];
}

export interface RiskReading {
  /** The probability that the report tells an attack on (or a threat to) someone at risk, with the words that say so. */
  relevance: { score: number; reasons: Evidence[] };
  persons: PersonRisk[];
}
