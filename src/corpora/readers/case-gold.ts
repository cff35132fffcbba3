/**
 * Reads and checks data/case-gold: per report, who we expect a case for, as names, labels and
 * offsets into the report (never its text). The file layout is fixed by ../shared/spec/CASE-GOLD.md.
 */
import { AT_RISK_KINDS, type AtRiskKind } from '../../text/types.js';

/** Same labels the risk layer uses, so gold and predictions compare without a mapping. */
export { AT_RISK_KINDS, type AtRiskKind };

/**
 * Where a person stands on the publication date, grouped by what a monitor follows up: in custody
 * or before the courts; out of reach (missing, expelled, abroad, dead); not held (freed, or sought
 * but not caught); or the report does not say.
 */
export const GOLD_STATUSES = [
  'detained', 'charged', 'convicted',
  'whereabouts_unknown', 'deported', 'in_exile', 'killed',
  'released', 'at_large',
  'unknown',
] as const;
export type GoldStatus = (typeof GOLD_STATUSES)[number];

export const GOLD_MODALITIES = ['asserted', 'reported', 'hypothetical', 'future', 'negated'] as const;

export interface CaseGoldEvent {
  type: string;
  modality: string;
  date: string | null;
  agent: string | null;
  place: string | null;
  start: number;
  end: number;
}

export interface CaseGoldCase {
  /** Every spelling the report uses for the person, `|`-separated, longest first. */
  name: string;
  at_risk: AtRiskKind[];
  country: string | null;
  events: CaseGoldEvent[];
  status: GoldStatus;
  held_at: string | null;
}

export interface CaseGold {
  corpus: string;
  split: string;
  index: number;
  published: string | null;
  cases: CaseGoldCase[];
  not_cases: string[];
  notes?: string;
}

/** Splits a `|`-joined name field (of a case or of a not_cases entry) into its spellings. */
export function nameForms(name: string): string[] {
  return name
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Validates one annotation file against the text of its report. Returns a line per problem
 * found; an empty list means the file passed.
 */
export function checkCaseGold(gold: CaseGold, text: string, eventTypes: readonly string[]): string[] {
  const problems: string[] = [];
  const where = `${gold.corpus}/${gold.split}/${gold.index}`;
  if (!Array.isArray(gold.cases)) return [`${where}: cases is not a list`];
  if (!Array.isArray(gold.not_cases)) problems.push(`${where}: not_cases is not a list`);
  for (const c of gold.cases) {
    const who = `${where} ${c.name}`;
    for (const form of nameForms(c.name)) if (!text.includes(form)) problems.push(`${who}: the name form "${form}" is not in the text`);
    if (!Array.isArray(c.at_risk) || c.at_risk.length === 0) problems.push(`${who}: at_risk is empty`);
    for (const k of c.at_risk ?? []) if (!(AT_RISK_KINDS as readonly string[]).includes(k)) problems.push(`${who}: unknown at_risk kind ${k}`);
    if (c.country !== null && !/^[A-Z]{3}$/.test(c.country)) problems.push(`${who}: country must be ISO alpha-3 or null`);
    if (!(GOLD_STATUSES as readonly string[]).includes(c.status)) problems.push(`${who}: unknown status ${c.status}`);
    for (const e of c.events ?? []) {
      if (!eventTypes.includes(e.type)) problems.push(`${who}: unknown event type ${e.type}`);
      if (!(GOLD_MODALITIES as readonly string[]).includes(e.modality)) problems.push(`${who}: unknown modality ${e.modality}`);
      if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start && e.start < e.end && e.end <= text.length)) problems.push(`${who}: bad offsets ${e.start}-${e.end}`);
      else if (/^\s|\s$/.test(text.slice(e.start, e.end))) problems.push(`${who}: offsets ${e.start}-${e.end} begin or end on a space`);
      if (e.date !== null && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(e.date)) problems.push(`${who}: date ${e.date} is not YYYY[-MM[-DD]]`);
    }
  }
  for (const n of gold.not_cases ?? []) for (const form of nameForms(n)) if (!text.includes(form)) problems.push(`${where} not_case "${form}" is not in the text`);
  return problems;
}
