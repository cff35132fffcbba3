import type { Doc, LayerName } from './doc.js';
import type { Offsets, Role, TextSpan } from './types.js';
import { AT_RISK_KINDS, DATE_PRECISIONS, ENTITY_TYPES, EVENT_TYPES, MODALITIES, NOT_AT_RISK_KINDS, QUOTE_KINDS, ROLE_NAMES, TIMEX_TYPES } from './types.js';

/**
 * Invariants of each layer. The pipeline runner checks a component's output with these, so a
 * component that writes an offset off the end of the text fails where it happened, not in the UI.
 */
type Check = (doc: Doc, problems: string[]) => void;

function checkSpan(doc: Doc, span: Offsets | TextSpan, what: string, problems: string[]): void {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > doc.text.length || start > end) {
    problems.push(`${what}: offsets [${start}, ${end}) outside the text (length ${doc.text.length})`);
    return;
  }
  if ('text' in span && doc.text.slice(start, end) !== span.text) {
    problems.push(`${what}: text ${JSON.stringify(span.text)} differs from the text at [${start}, ${end})`);
  }
}

function checkEnum(value: unknown, allowed: readonly string[], what: string, problems: string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) problems.push(`${what}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
}

const checks: Record<LayerName, Check> = {
  tokens(doc, problems) {
    let prevEnd = 0;
    doc.tokens.forEach((t, i) => {
      if (t.i !== i) problems.push(`token ${i}: index says ${t.i}`);
      checkSpan(doc, t, `token ${i}`, problems);
      if (t.start >= t.end) problems.push(`token ${i}: empty`);
      if (t.start < prevEnd) problems.push(`token ${i}: overlaps or precedes the previous token`);
      if (t.fused && (i === 0 || doc.tokens[i - 1]!.end !== t.start)) problems.push(`token ${i}: fused but not adjacent to the previous token`);
      prevEnd = t.end;
    });
  },
  sentences(doc, problems) {
    let prevEnd = 0;
    let nextToken = 0;
    doc.sentences.forEach((s, i) => {
      checkSpan(doc, s, `sentence ${i}`, problems);
      if (s.start < prevEnd) problems.push(`sentence ${i}: overlaps the previous sentence`);
      if (doc.assigned.has('tokens')) {
        if (s.tokenStart !== nextToken) problems.push(`sentence ${i}: starts at token ${s.tokenStart}, expected ${nextToken}`);
        if (s.tokenEnd <= s.tokenStart) problems.push(`sentence ${i}: has no tokens`);
        const a = doc.tokens[s.tokenStart];
        const b = doc.tokens[s.tokenEnd - 1];
        if (a && b && (a.start !== s.start || b.end !== s.end)) problems.push(`sentence ${i}: offsets do not match its first and last token`);
        nextToken = s.tokenEnd;
      }
      prevEnd = s.end;
    });
    if (doc.assigned.has('tokens') && nextToken !== doc.tokens.length) problems.push(`sentences cover ${nextToken} of ${doc.tokens.length} tokens`);
  },
  tags(doc, problems) {
    doc.tokens.forEach((t, i) => {
      if (t.upos === undefined || t.xpos === undefined) problems.push(`token ${i}: no POS tag`);
    });
  },
  deps(doc, problems) {
    doc.tokens.forEach((t, i) => {
      if (t.head === undefined || t.deprel === undefined) problems.push(`token ${i}: no head`);
      else if (t.head < -1 || t.head >= doc.tokens.length || t.head === i) problems.push(`token ${i}: bad head ${t.head}`);
      else if (t.head >= 0 && doc.sentenceAt(doc.tokens[t.head]!.start) !== doc.sentenceAt(t.start)) problems.push(`token ${i}: head outside its sentence`);
    });
  },
  entities(doc, problems) {
    const ids = new Set<string>();
    doc.entities.forEach((e, i) => {
      if (ids.has(e.id)) problems.push(`entity ${i}: duplicate id ${e.id}`);
      ids.add(e.id);
      checkEnum(e.type, ENTITY_TYPES, `entity ${e.id} type`, problems);
      if (e.mentions.length === 0) problems.push(`entity ${e.id}: no mentions`);
      e.mentions.forEach((m, j) => checkSpan(doc, m, `entity ${e.id} mention ${j}`, problems));
      if (e.country !== undefined && !/^[A-Z]{3}$/.test(e.country)) problems.push(`entity ${e.id}: country ${e.country} is not ISO 3166-1 alpha-3`);
    });
  },
  timexes(doc, problems) {
    doc.timexes.forEach((t, i) => {
      checkSpan(doc, t, `timex ${i}`, problems);
      checkEnum(t.type, TIMEX_TYPES, `timex ${i} type`, problems);
      if (typeof t.value !== 'string' || t.value === '') problems.push(`timex ${i}: no value`);
    });
  },
  quotes(doc, problems) {
    const ids = new Set(doc.entities.map((e) => e.id));
    doc.quotes.forEach((q, i) => {
      checkSpan(doc, q, `quote ${i}`, problems);
      checkEnum(q.kind, QUOTE_KINDS, `quote ${i} kind`, problems);
      if (q.speaker !== null && !ids.has(q.speaker)) problems.push(`quote ${i}: speaker ${q.speaker} is no entity`);
      if (q.cue) checkSpan(doc, q.cue, `quote ${i} cue`, problems);
    });
  },
  events(doc, problems) {
    const entityIds = new Set(doc.entities.map((e) => e.id));
    const ids = new Set<string>();
    doc.events.forEach((v, i) => {
      if (ids.has(v.id)) problems.push(`event ${i}: duplicate id ${v.id}`);
      ids.add(v.id);
      checkEnum(v.type, EVENT_TYPES, `event ${v.id} type`, problems);
      checkEnum(v.modality, MODALITIES, `event ${v.id} modality`, problems);
      checkSpan(doc, v.trigger, `event ${v.id} trigger`, problems);
      for (const name of ROLE_NAMES) {
        const role: Role | null = v[name];
        if (role && role.entity !== null && !entityIds.has(role.entity)) problems.push(`event ${v.id} ${name}: entity ${role.entity} does not exist`);
      }
      // where the target is held and the words that say nobody knows: offsets that hold their words
      if (v.heldAt) {
        if (v.heldAt.start !== undefined && v.heldAt.end !== undefined) checkSpan(doc, { start: v.heldAt.start, end: v.heldAt.end, text: v.heldAt.text }, `event ${v.id} heldAt`, problems);
        if (v.heldAt.entity !== null && !entityIds.has(v.heldAt.entity)) problems.push(`event ${v.id} heldAt: entity ${v.heldAt.entity} does not exist`);
      }
      if (v.whereaboutsUnknown) checkSpan(doc, v.whereaboutsUnknown, `event ${v.id} whereaboutsUnknown`, problems);
      if (v.date) checkEnum(v.date.precision, DATE_PRECISIONS, `event ${v.id} date precision`, problems);
      if (!(v.confidence >= 0 && v.confidence <= 1)) problems.push(`event ${v.id}: confidence ${v.confidence} outside [0, 1]`);
      if (doc.assigned.has('sentences') && (v.sentence < 0 || v.sentence >= doc.sentences.length)) problems.push(`event ${v.id}: no sentence ${v.sentence}`);
    });
  },
  risk(doc, problems) {
    const r = doc.risk;
    if (!r) return;
    const probability = (x: unknown, what: string) => {
      if (!(typeof x === 'number' && x >= 0 && x <= 1)) problems.push(`${what}: score ${String(x)} outside [0, 1]`);
    };
    probability(r.relevance.score, 'risk relevance');
    r.relevance.reasons.forEach((e, i) => checkSpan(doc, e, `risk relevance reason ${i}`, problems));
    const entityIds = new Set(doc.entities.map((e) => e.id));
    r.persons.forEach((p, i) => {
      if (!entityIds.has(p.entity)) problems.push(`risk person ${i}: entity ${p.entity} does not exist`);
      probability(p.score, `risk person ${p.entity}`);
      p.kinds.forEach((k) => checkEnum(k, AT_RISK_KINDS, `risk person ${p.entity} kind`, problems));
      if (p.none !== null) checkEnum(p.none, NOT_AT_RISK_KINDS, `risk person ${p.entity} none`, problems);
      p.evidence.forEach((e, j) => checkSpan(doc, e, `risk person ${p.entity} evidence ${j}`, problems));
    });
  },
};

/** Problems with one layer of `doc`, as readable strings; empty when the layer is sound. */
export function validateLayer(doc: Doc, layer: LayerName): string[] {
  const problems: string[] = [];
  try {
    checks[layer](doc, problems);
  } catch (err) {
    // A missing field in input JSON (no `mentions`, no `trigger`) surfaces here as a TypeError.
    problems.push(`${layer}: malformed (${err instanceof Error ? err.message : String(err)})`);
  }
  return problems;
}
