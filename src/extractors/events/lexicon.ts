import { readFileSync } from 'node:fs';
import type { EventType } from '../../text/types.js';
import { EVENT_TYPES } from '../../text/types.js';

/** One lexicon entry: what a lemma triggers and under which conditions (see lexicon.json's $comment). */
export interface TriggerEntry {
  type: EventType;
  /** Words one of which must depend on the trigger or stand within three tokens of it. */
  with?: string[];
  /** Only when the `with` word's object is one of these: "moved to Germany to escape prosecution", not "to escape the cold winters". */
  partnerObject?: string[];
  /** Words that count only as a dependent of the trigger ("stabbed to death"), never as a neighbour ("stabbed … death threats"). */
  withDependent?: string[];
  /** Words one of which must be the trigger's "from" phrase: "taken from her home", not "taken home". */
  withFrom?: string[];
  /** Counts only with one of these nouns after "out of": "walked out of prison", not "walked out of the meeting". */
  withOutOf?: string[];
  /** Counts only with one of these nouns after "into" or "in": "forced into a car", not "forced to sell her car". */
  withInto?: string[];
  /** Counts only with one of these nouns after "on", "onto" or "aboard": "put on a flight to Kyiv", not "put on a show". */
  withOnto?: string[];
  /** Only when the trigger's "to" phrase or its object names a country: "fled to Lithuania", "fled Belarus" (not "fled to the hills"). */
  toCountry?: boolean;
  /** Only when the trigger's "into" phrase, or its border's, names a country, and not on a reporting trip: "crossed into Colombia", not "crossed the country" or "crossed into Syria to cover the fighting". */
  intoCountry?: boolean;
  /** Only when the clause tells the act as a reprisal for the person's speech, reporting or union work ("fired columnist X over his reporting"). */
  reprisal?: boolean;
  /** Only with a by-phrase naming an agent of force ("taken by soldiers", not "taken by surprise"). */
  byAgent?: boolean;
  /** Only when done by an agent of force: one named as the subject or by-phrase, or none named ("police picked him up", "was picked up"; not "she picked up her children"). */
  forceAgent?: boolean;
  /** The partner word must come before the head ("ill-treated", not "treated the ill"). */
  partnerBefore?: boolean;
  /** A noun whose `with` word may also be the passive verb its phrase is the subject of, however far and however parsed: "The body of A, bearing marks of torture, was found". */
  passiveLater?: boolean;
  /** A particle the verb must take besides its partner: "passed away in prison", not "passed two years in prison". */
  particle?: string;
  /** The partner word must come after the head ("died in prison", not "who spent years in prison, died of a stroke"). */
  partnerAfter?: boolean;
  /** The type the head word triggers alone, when none of `with` is there ("shot" without "dead"). */
  otherwise?: EventType;
  /** Words that undo the trigger when they depend on it, its object or its oblique, follow it, or are the noun it modifies ("fired at the crowd", "the rifle she fired", "held them accountable"). */
  without?: string[];
  /** Only when the event happens to a person or group of people. */
  person?: boolean;
  /** Not in a sentence about a game or a vote, unless it tells harm: "beat Peschke 6-1, 6-1", "beat the ruling party in the elections" (not "beat him unconscious at the stadium"). */
  notInContest?: boolean;
  /** Only when the partner measures a sentence: a number of years or months ("received ten years", not "years of abuse"), or a sentence or term with its own modifier ("a suspended sentence", not "received the sentence with dismay"). */
  sentenceMeasure?: boolean;
  /** Only when one of these words modifies the noun (a compound or an adjective): "in the Pretrial Detention Centre", "in a penal colony", not "in the city centre". */
  modifiedBy?: string[];
  /** A state someone is in ("in prison", "behind bars"), not a happening: a date in its clause is not when it happened. */
  state?: boolean;
  /** Only in the passive voice. */
  passive?: boolean;
  /** Only with an object and a clause of what is to befall them: "warned her that she would be next". */
  foretold?: boolean;
  /** Only as the end of a custody its own clause told before it, through "and": "held for a month and then sent home". */
  afterHeld?: boolean;
  /** Typed by whom the person is handed to: another state's (the entry's type), a force's (an arrest), anyone else's (none): "handed over". */
  byRecipient?: boolean;
  /** The partner word only right after "from": "stopped from boarding", not "stopped them while travelling". */
  partnerAfterFrom?: boolean;
  /** Only joined after a passive verb of seizing someone: "was picked up … and dumped on a roadside" (a release). */
  afterTaken?: boolean;
  /** The negation is part of the phrase ("whereabouts are not known"), and required. */
  negated?: boolean;
  /** Only in a future clause ("will not be free"). */
  future?: boolean;
  /** Entries read in turn when this one's conditions fail at a word ("found guilty", else "was never found"). */
  or?: TriggerEntry[];
  /** Someone's claim that the target did wrong: the event is the accusation, its agent the claimant. */
  claim?: boolean;
  /** A move into custody ("taken to jail", "sent to prison"): an arrest of its own only for someone no custody told before holds. */
  moved?: boolean;
}

export interface Lexicon {
  verbs: Map<string, TriggerEntry>;
  adjectives: Map<string, TriggerEntry>;
  nouns: Map<string, TriggerEntry>;
  requestLemmas: Set<string>;
  requestNouns: Set<string>;
  requestBecomes: Map<EventType, EventType>;
  speech: Set<string>;
  personNouns: Set<string>;
  agentNouns: Set<string>;
  principalCues: Set<string>;
  crimeNouns: Set<string>;
  /** Things whose harm befalls their owner: "her passport was confiscated". */
  ownedNouns: Set<string>;
}

type RawEntries = Record<string, TriggerEntry | string>;

/** An entry with each '@name' in its word lists replaced by the words of `lists[name]` (a list several entries share). */
function withLists(entry: TriggerEntry, lists: Record<string, string[]>, at: string): TriggerEntry {
  const listNamed = (w: string): string[] => {
    const list = lists[w.slice(1)];
    if (!list) throw new Error(`events lexicon: ${at} names no word list ${w}`);
    return list;
  };
  const expand = (v: unknown): unknown => (Array.isArray(v) ? v.flatMap((w: unknown) => (typeof w === 'string' && w.startsWith('@') ? listNamed(w) : [w])) : v);
  const out = Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, expand(v)])) as unknown as TriggerEntry;
  if (entry.or) out.or = entry.or.map((e) => withLists(e, lists, at));
  return out;
}

function entries(raw: RawEntries, section: string, lists: Record<string, string[]>): Map<string, TriggerEntry> {
  const out = new Map<string, TriggerEntry>();
  for (const [lemma, written] of Object.entries(raw)) {
    if (lemma.startsWith('$')) continue;
    const known = (t: string | undefined): boolean => t === undefined || (EVENT_TYPES as readonly string[]).includes(t);
    if (typeof written === 'string') throw new Error(`events lexicon: ${section}.${lemma} has no valid type`);
    const entry = withLists(written, lists, `${section}.${lemma}`);
    for (const e of [entry, ...(entry.or ?? [])]) {
      if (!(EVENT_TYPES as readonly string[]).includes(e.type) || !known(e.otherwise)) throw new Error(`events lexicon: ${section}.${lemma} has no valid type`);
    }
    out.set(lemma, entry);
  }
  return out;
}

let cached: Lexicon | undefined;

/** The trigger lexicon shipped beside this file, checked on load. */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(new URL('./lexicon.json', import.meta.url), 'utf8')) as {
    wordLists: Record<string, string[]>;
    verbs: RawEntries;
    adjectives: RawEntries;
    nouns: RawEntries;
    requests: { lemmas: string[]; nouns: string[]; becomes: Record<string, EventType> };
    speech: string[];
    personNouns: string[];
    agentNouns: string[];
    principalCues: string[];
    crimeNouns: string[];
    ownedNouns: string[];
  };
  cached = {
    verbs: entries(raw.verbs, 'verbs', raw.wordLists),
    adjectives: entries(raw.adjectives, 'adjectives', raw.wordLists),
    nouns: entries(raw.nouns, 'nouns', raw.wordLists),
    requestLemmas: new Set(raw.requests.lemmas),
    requestNouns: new Set(raw.requests.nouns),
    requestBecomes: new Map(Object.entries(raw.requests.becomes) as [EventType, EventType][]),
    speech: new Set(raw.speech),
    personNouns: new Set(raw.personNouns),
    agentNouns: new Set(raw.agentNouns),
    principalCues: new Set(raw.principalCues),
    crimeNouns: new Set(raw.crimeNouns),
    ownedNouns: new Set(raw.ownedNouns),
  };
  return cached;
}
