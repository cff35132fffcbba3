/**
 * Who gets a case, as one pure decision: an extraction, the watch list, the analysts' remembered
 * decisions and the people already on file in; for every entity an event befalls, one outcome
 * with its reasons and the words that support it. The tracker applies it (the one writer); the
 * feed evaluation and the tests call it without a database.
 */
import type { AtRiskKind, Entity, Evidence, ExtractionDocument, PersonRisk, VigilEvent } from '../text/types.js';
import { affiliationOrgName, isNamed, nameMentions } from '../text/types.js';
import { RELEVANCE_WEIGHT, decisionScore as riskDecision } from '../extractors/risk/model.js';
import { cleanPersonName, opensOnScores } from '../extractors/risk/clean-name.js';
import { compareNames, normalizeName } from './names.js';
import { keptHeld } from './status.js';

/**
 * `open`: a case opens by itself. `triage`: a possible case, held for an analyst. `attach`: the
 * person already has a case or is watched, and gets every event whatever the scores. `none`: stays
 * in the report's extraction (searchable), no case.
 */
export type CaseOutcome = 'open' | 'triage' | 'attach' | 'none';

/** `risk`: the policy of issue #33. `everyone`: the old policy, a case for everyone an event befalls (kept for comparison). */
export type PolicyMode = 'risk' | 'everyone';

export interface PolicySettings {
  mode: PolicyMode;
  /** The decision score from which a targeted person at risk gets a case by itself. */
  caseThreshold: number;
  /** The decision score from which a targeted person goes to triage (below: no case). */
  triageFloor: number;
  /** How much the report's relevance weighs: the decision score is `person × (1 − w + w × relevance)`. */
  relevanceWeight: number;
}

/**
 * Placeholders until the risk model's cross-validated figures set them (issue #33): one place, so
 * the lead changes numbers here or in the `case_policy` setting, never in the writer.
 */
export const DEFAULT_POLICY: PolicySettings = { mode: 'risk', caseThreshold: 0.5, triageFloor: 0.2, relevanceWeight: RELEVANCE_WEIGHT };

export interface WatchEntry {
  kind: 'person' | 'organisation';
  name: string;
}

export interface RememberedDecision {
  /** The normalised name (`normalizeName`) the decision was taken for. */
  normalized: string;
  decision: 'open' | 'not_a_case';
}

export interface PolicyInput {
  doc: ExtractionDocument;
  settings?: Partial<PolicySettings>;
  watch?: WatchEntry[];
  decisions?: RememberedDecision[];
  /** Entities already matched to a case on file (entity id → person id), found by the caller's matcher. */
  onFile?: ReadonlyMap<string, string>;
  /** Entities that may be someone with a case, the match too weak to decide ("Ms Velin" and Mara Velin): entity id → that person's id. */
  mayBeOnFile?: ReadonlyMap<string, string>;
}

export interface PersonDecision {
  entity: string;
  /** The name the case (or triage item) carries: cleaned of markup repetition. */
  name: string;
  /** As the extraction wrote it. */
  written: string;
  entityType: Entity['type'];
  outcome: CaseOutcome;
  reasons: string[];
  /** The event triggers that befall them, then the risk reading's evidence. */
  evidence: Evidence[];
  events: string[];
  /** The person's at-risk score and the report's relevance, when the extraction has a risk reading. */
  score: number | null;
  relevance: number | null;
  /** The combined decision score compared with the thresholds. */
  decisionScore: number | null;
  kinds: AtRiskKind[];
  /** The person on file it attaches to, when known. */
  personId: string | null;
  /** The watch-list entry that made it a case. */
  watched: string | null;
}

const WATCH_MATCH = 0.92;

export function resolveSettings(settings: Partial<PolicySettings> = {}): PolicySettings {
  return { ...DEFAULT_POLICY, ...settings };
}

/** The combined score the thresholds compare: a person's reading, lowered when the report is not about an attack. */
export function decisionScore(person: number, relevance: number, s: PolicySettings): number {
  return riskDecision(person, relevance, s.relevanceWeight);
}

function triggerEvidence(ev: VigilEvent): Evidence {
  return { start: ev.trigger.start, end: ev.trigger.end, text: ev.trigger.text, why: `${ev.type.toLowerCase()} (${ev.modality})` };
}

function watchedBy(entity: Entity, name: string, watch: WatchEntry[], doc: ExtractionDocument): WatchEntry | undefined {
  const forms = [name, ...nameMentions(entity).map((m) => m.text)];
  const people = watch.filter((w) => w.kind === 'person');
  const byName = people.find((w) => forms.some((f) => normalizeName(f) === normalizeName(w.name) || compareNames(f, w.name).score >= WATCH_MATCH));
  if (byName) return byName;
  // An organisation on the watch list: whoever the report says works for it.
  const orgs = [...(entity.affiliations ?? []).map((a) => affiliationOrgName(doc.entities, a.org)), ...(entity.titles ?? [])].filter((x): x is string => !!x).map(normalizeName);
  return watch.filter((w) => w.kind === 'organisation').find((w) => orgs.some((o) => o.includes(normalizeName(w.name))));
}

function remembered(name: string, entity: Entity, decisions: RememberedDecision[]): RememberedDecision | undefined {
  const forms = new Set([name, entity.name].map(normalizeName));
  return decisions.find((d) => forms.has(d.normalized));
}

const NOT_A_PERSON: Record<string, string> = { ORG: 'an organisation, a team or a company is never a case', LOC: 'a place is never a case', MISC: 'a product, a title or an event is never a case' };

/** The decision for every entity an event befalls, in the order the extraction lists them. */
export function decideCases(input: PolicyInput): PersonDecision[] {
  const s = resolveSettings(input.settings);
  const { doc } = input;
  const watch = input.watch ?? [];
  const decisions = input.decisions ?? [];
  const risk = doc.risk;
  const byTarget = new Map<string, VigilEvent[]>();
  for (const ev of doc.events) {
    const id = ev.target?.entity;
    if (id) byTarget.set(id, [...(byTarget.get(id) ?? []), ev]);
  }
  const out: PersonDecision[] = [];
  for (const entity of doc.entities) {
    const events = byTarget.get(entity.id);
    if (!events) continue;
    const reading: PersonRisk | undefined = risk?.persons.find((p) => p.entity === entity.id);
    const relevance = risk ? risk.relevance.score : null;
    const d: PersonDecision = {
      entity: entity.id,
      name: entity.name,
      written: entity.name,
      entityType: entity.type,
      outcome: 'none',
      reasons: [],
      evidence: [...events.map(triggerEvidence), ...(reading?.evidence ?? [])],
      events: events.map((e) => e.id),
      score: reading?.score ?? null,
      relevance,
      decisionScore: reading && relevance !== null ? decisionScore(reading.score, relevance, s) : null,
      kinds: reading?.kinds ?? [],
      personId: input.onFile?.get(entity.id) ?? null,
      watched: null,
    };
    out.push(d);
    const decide = (outcome: CaseOutcome, why: string): void => {
      d.outcome = outcome;
      d.reasons.push(why);
    };
    if (entity.type !== 'PERSON') {
      // The recogniser reads some names as places or organisations ("Agba Jalingo"): a name that has a
      // case, or that an analyst watches as a person, written exactly so, is that person still.
      const exact = watch.find((w) => w.kind === 'person' && normalizeName(w.name) === normalizeName(entity.name));
      if (d.personId) decide('attach', `has a case under this name (read as ${entity.type} here)`);
      else if (exact) {
        d.watched = exact.name;
        decide('attach', `on the watch list as a person (read as ${entity.type} here)`);
      } else decide('none', NOT_A_PERSON[entity.type] ?? 'not a person');
      continue;
    }
    if (!isNamed(entity)) {
      decide('none', 'never named in the report');
      continue;
    }
    const clean = cleanPersonName(entity.name);
    if (!clean.ok) {
      decide('none', `not a clean name: ${clean.why}`);
      continue;
    }
    d.name = clean.name;
    if (clean.changed) d.reasons.push(`name cleaned from "${entity.name}"`);

    const prior = remembered(d.name, entity, decisions);
    if (prior?.decision === 'not_a_case') {
      decide('none', 'an analyst decided this name is not a case');
      continue;
    }
    if (d.personId) {
      decide('attach', 'already has a case: every new event joins it');
      continue;
    }
    const w = watchedBy(entity, d.name, watch, doc);
    if (w) {
      d.watched = w.name;
      decide('attach', w.kind === 'person' ? `on the watch list as "${w.name}"` : `works for "${w.name}", on the watch list`);
      continue;
    }
    if (prior?.decision === 'open') {
      decide('open', 'an analyst decided to open a case for this name');
      continue;
    }
    if (s.mode === 'everyone') {
      decide('open', 'old policy: everyone an event befalls gets a case');
      continue;
    }
    // A release refused ("is yet to be freed") tells that the person is held, as an arrest would;
    // other denials ("was not arrested") tell nothing befell them, and a denied arrest anywhere in
    // the report says there was nothing to be freed from ("was not released, because he had never
    // been arrested").
    const neverHeld = events.some((e) => e.modality === 'negated' && e.type === 'ARREST');
    const told = events.filter((e) => e.modality !== 'negated' || (keptHeld(e) && !neverHeld));
    if (!reading || relevance === null) {
      // An extraction read before the risk model: nobody is opened silently on it.
      decide('triage', risk ? 'no at-risk reading for this person' : 'no at-risk reading in this extraction (read before the risk model)');
      continue;
    }
    const score = d.decisionScore!;
    const summary = `at-risk ${reading.score.toFixed(2)}, report relevance ${relevance.toFixed(2)}, decision ${score.toFixed(2)}`;
    if (score >= s.caseThreshold && told.length) decide('open', `${reading.kinds.join(', ') || 'at risk'} and the target of ${told.map((e) => (keptHeld(e) ? 'release refused' : e.type.toLowerCase())).join(', ')} (${summary})`);
    else if (score >= s.caseThreshold) decide('triage', `at risk, but every event that befalls them is negated (${summary})`);
    else if (score >= s.triageFloor) decide('triage', `borderline (${summary})`);
    // read as at risk on their own and something befell them, but the report reads as about
    // something else (a short note, an unusual wording): a desk looks at them rather than never
    // hearing of them ("Unknown men abducted A, a women's rights activist" in a four-line report)
    else if (reading.score >= s.caseThreshold && told.length) decide('triage', `at risk, in a report that reads as about something else (${summary})`);
    else decide('none', reading.none ? `${reading.none.replace(/_/g, ' ')}, not at risk (${summary})` : `not at risk (${summary})`);
    // "Ms Velin" in a follow-up of Mara Velin's case: a family name alone never joins a case, but
    // a report telling what befell someone who may have one is not dropped either
    const mayBe = input.mayBeOnFile?.get(entity.id);
    // Dropped, her charge would be lost; and a bare name the scores would open ("Ms Korhal" after
    // Sabina Korhal's case) would be a second case named "Korhal". The analyst says whether it is
    // the same person ("Same person as …" in the queue). A full name the scores open stays open
    // (its likeness to a case on file goes to the merge review). The scores' own verdict is
    // replaced, not kept beside it: "not at risk" next to "may be someone who has a case" read as
    // a contradiction.
    // A bare name is held whatever is on file: one like a restricted case's is never hinted at in
    // the reason (the queue is read by those the case is hidden from), nor opened as a second case.
    // (the case is not named in the reason, which is stored: were it restricted later, the queue would still show it)
    const bareOpen = d.outcome === 'open' && !opensOnScores(d.name);
    const held = mayBe ? d.outcome === 'none' || bareOpen : bareOpen;
    if (held && told.length) {
      d.reasons.pop();
      decide('triage', `${mayBe ? 'may be someone who has a case (the name matches in part): an analyst decides whether it is the same person' : 'named by one name only: an analyst decides who it is'} (${summary})`);
    }
  }
  return out;
}
