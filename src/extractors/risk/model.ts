import { VigilError } from '../../core/errors.js';
import type { Doc } from '../../text/doc.js';
import type { AtRiskKind, Entity, Evidence, NotAtRiskKind, PersonRisk, RiskReading } from '../../text/types.js';
import { nameMentions } from '../../text/types.js';
import { Classifier } from '../learn/linear.js';
import { readModelFile, writeModelFile } from '../learn/model-file.js';
import type { Feat } from './features.js';
import { personFeatures, reportFeatures } from './features.js';
import { atRiskKinds, describedFirstAs, notAtRiskKind } from './kinds.js';

/**
 * The thresholds chosen by cross-validation on the training split (`npm run train -- risk`):
 * `case`, the person score at which out-of-fold precision over event targets reached the target;
 * `triage`, the score above which a target is worth an analyst's look (out-of-fold recall of
 * the victims at risk reached its target); `relevance`, the report score that best split reports
 * about an attack on someone at risk from the rest.
 */
export interface RiskThresholds {
  case: number;
  triage: number;
  relevance: number;
  /** The case policy's thresholds on its decision score, chosen out of fold (absent in models trained before them). */
  policy?: { caseThreshold: number; triageFloor: number; relevanceWeight: number };
}

/** How much the report's relevance weighs in the case policy's decision score, unless an admin sets it. */
export const RELEVANCE_WEIGHT = 0.5;

/**
 * The score the case policy compares with its thresholds: a person's reading, lowered when the
 * report is not about an attack (`person × (1 − w + w × relevance)`). Here beside the model, so
 * the trainer chooses the thresholds on the same score the policy applies them to.
 */
export function decisionScore(person: number, relevance: number, weight = RELEVANCE_WEIGHT): number {
  return person * (1 - weight + weight * relevance);
}

export const YES = 'yes';
export const NO = 'no';

/** HRDsAttack's victim types as the kinds of person at risk. */
const HRD_KINDS: Record<string, AtRiskKind> = { journalist: 'journalist', 'human rights defender': 'human_rights_defender', 'trade unionist': 'trade_unionist' };

/** How many pieces of evidence a reading gives: enough to see why, few enough to read. */
const EVIDENCE = 5;
/** A pull too small to be a reason (a word the model barely weighs). */
const MIN_PULL = 0.01;

/** What a feature's prefix says to a reader. */
const WHY: Record<string, string> = {
  title: 'title beside the name',
  afftitle: 'their role',
  afforg: 'the organisation they work for',
  desc: 'how the report describes them',
  near: 'a word beside the name',
  ctx: 'a word in the same clause',
  kid: 'a word attached to the name',
  head: 'the word the name attaches to',
  org: 'the organisation beside the name',
  target: 'an event befalls them',
  victim: 'an attack befalls them',
  'victim-in-lead': 'the lead tells an attack on them',
  attacks: 'how many attacks befall them',
  'most-named': 'the person the report names most',
  'first-named': 'the first person the report names',
  'target-in-title': 'the headline tells what befell them',
  agent: 'they do the event',
  perpetrator: 'they commit an attack',
  by: 'who did it to them',
  'by-type': 'who did it to them',
  speaker: 'they are quoted',
  principal: 'on whose behalf',
  relevance: 'what the report is about',
  'group-kind': 'the group told with them is named',
  'group-kinds': 'the group told with them is named',
  'personal-pronoun': 'the report refers to them as he or she',
  'cluster-first': 'the kind of word their first name is',
  'cluster-last': 'the kind of word their last name is',
  t: 'a headline word',
  w: 'a word of the lead',
  d: 'a word of the report',
  ev: 'an event told',
  evperson: 'an event befalling a person',
  evtitle: 'an event in the headline',
};

const prefixOf = (name: string): string => /^[^=:]+/.exec(name)?.[0] ?? name;

/** Why a feature counts, in words: "kind-title=journalist" is "the title names a journalist". */
const whyOf = (name: string): string => {
  const prefix = prefixOf(name);
  if (prefix.startsWith('kind-')) return `a word ${prefix === 'kind-title' ? 'in their title' : prefix === 'kind-desc' ? 'describing them' : prefix === 'kind-clause' ? 'in the same clause' : prefix === 'kind-org' ? 'in their organisation' : 'beside the name'} names the kind: ${name.slice(name.indexOf('=') + 1).replace(/_/g, ' ')}`;
  return WHY[prefix] ?? prefix;
};

export type Binary = Classifier;

/** P(yes) of a binary classifier, and each feature's pull towards yes (its log-odds contribution). */
export function binary(clf: Binary, feats: readonly Feat[]): { score: number; pulls: { feat: Feat; pull: number }[] } {
  const p = clf.probabilities(feats.map((f) => f.name)).get(YES) ?? 0;
  const pulls = feats.map((feat) => ({ feat, pull: clf.weight(YES, feat.name) - clf.weight(NO, feat.name) }));
  return { score: p, pulls };
}

/** The located features that pulled hardest the way the decision went, as evidence. */
function evidenceOf(doc: Doc, pulls: readonly { feat: Feat; pull: number }[], sign: 1 | -1, n = EVIDENCE): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const { feat, pull } of [...pulls].filter((x) => x.feat.at && x.pull * sign >= MIN_PULL).sort((a, b) => (b.pull - a.pull) * sign)) {
    const key = `${feat.at!.start}:${feat.at!.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...doc.span(feat.at!.start, feat.at!.end), why: `${whyOf(feat.name)} (${pull > 0 ? '+' : ''}${pull.toFixed(2)})` });
    if (out.length >= n) break;
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The person entities assessed: every named person (an unnamed "his wife" has no case to open). */
const assessed = (doc: Doc): Entity[] => doc.entities.filter((e) => e.type === 'PERSON' && nameMentions(e).length > 0);

export class RiskModel {
  constructor(
    readonly person: Binary,
    readonly relevance: Binary,
    /** HRDsAttack's victim types of a person at risk, as label sets ("human rights defender|journalist"). */
    readonly types: Classifier,
    readonly thresholds: RiskThresholds,
  ) {}

  static load(file: string): RiskModel {
    const { header } = readModelFile(file);
    const { person, relevance, types, thresholds } = header as Record<string, unknown>;
    if (!person || !relevance || !types || !thresholds) throw new VigilError('model_missing', `${file} is not a risk model`);
    type Json = Parameters<typeof Classifier.fromJSON>[0];
    return new RiskModel(Classifier.fromJSON(person as Json), Classifier.fromJSON(relevance as Json), Classifier.fromJSON(types as Json), thresholds as RiskThresholds);
  }

  /** Writes the model; returns the file's size in bytes. */
  save(file: string, training: Record<string, unknown> = {}): number {
    return writeModelFile(file, {
      header: { kind: 'risk', person: this.person.toJSON(), relevance: this.relevance.toJSON(), types: this.types.toJSON(), thresholds: this.thresholds, training },
      arrays: {},
    });
  }

  /** The report's relevance: P(about an attack on someone at risk), with its reasons. */
  readRelevance(doc: Doc): RiskReading['relevance'] {
    const { score, pulls } = binary(this.relevance, reportFeatures(doc));
    return { score, reasons: evidenceOf(doc, pulls, score >= 0.5 ? 1 : -1) };
  }

  read(doc: Doc): RiskReading {
    const relevance = this.readRelevance(doc);
    const persons = assessed(doc).map((e) => this.assess(doc, e, relevance));
    return { relevance, persons };
  }

  private assess(doc: Doc, e: Entity, relevance: RiskReading['relevance']): PersonRisk {
    const feats = personFeatures(doc, e, { score: relevance.score, at: relevance.reasons[0] });
    const { score, pulls } = binary(this.person, feats);
    const atRisk = score >= 0.5;
    const evidence = evidenceOf(doc, pulls, atRisk ? 1 : -1);
    const cite = (f: Feat, why: string) => {
      if (f.at && !evidence.some((x) => x.start === f.at!.start)) evidence.push({ ...doc.span(f.at.start, f.at.end), why });
    };
    // the kinds for anyone worth a look (the triage band and up): the words that name them, else,
    // for someone the model is sure of, the HRDsAttack type it learned
    let kinds: AtRiskKind[] = [];
    // below 0.5, someone whose nearest describing word is "minister" is not made an activist by a word further off
    if (score >= Math.min(0.5, this.thresholds.triage) && (score >= 0.5 || describedFirstAs(feats) !== 'notAtRisk')) {
      const named = atRiskKinds(feats);
      for (const k of named) cite(k.feat, `names the kind: ${k.kind.replace(/_/g, ' ')}`);
      kinds = named.map((k) => k.kind);
    }
    if (kinds.length === 0 && score >= Math.min(0.5, this.thresholds.case)) {
      const label = this.types.predict(feats.map((f) => f.name));
      kinds = label.split('|').flatMap((t) => (HRD_KINDS[t] ? [HRD_KINDS[t]] : []));
      if (kinds.length === 0) kinds = ['other'];
    }
    let none: NotAtRiskKind | null = null;
    if (!atRisk) {
      const word = notAtRiskKind(feats);
      const commits = feats.some((f) => f.name === 'perpetrator') && !feats.some((f) => f.name === 'victim');
      none = commits ? 'perpetrator' : (word?.kind ?? 'other');
      if (word && none === word.kind) cite(word.feat, `names what they are: ${word.kind.replace(/_/g, ' ')}`);
    }
    return { entity: e.id, score: Math.round(score * 1e4) / 1e4, kinds, none, evidence: evidence.sort((a, b) => a.start - b.start) };
  }
}
