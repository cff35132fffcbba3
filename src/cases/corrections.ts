import type { DatePrecision, EventDate, EventType, ExtractionDocument, Modality, Role, VigilEvent } from '../text/types.js';
import { ROLE_NAMES } from '../text/types.js';

export const CORRECTION_ACTIONS = ['accepted', 'rejected', 'corrected', 'added'] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

/** An analyst's decision on one event of a report; `event` is the event as they left it (null when rejected). */
export interface Correction {
  eventId: string;
  action: CorrectionAction;
  event: VigilEvent | null;
  note: string | null;
  by: string;
  at: string;
}

/** A role as the analyst points it: at an entity of the report, at words of the text, or both. */
export interface RoleInput {
  entity: string | null;
  start?: number;
  end?: number;
}

/**
 * The roles an analyst sets: the event's own, and where the person is held, which the case page's
 * "Held at" reads (a correction that set only the arrest's place left the case saying "place not stated").
 */
export const EDITABLE_ROLES = [...ROLE_NAMES, 'heldAt'] as const;
export type EditableRole = (typeof EDITABLE_ROLES)[number];

/** What the review screen sends for a corrected or added event: offsets and ids, never free text. */
export interface EventInput {
  type: EventType;
  modality: Modality;
  trigger: { start: number; end: number };
  roles: Partial<Record<EditableRole, RoleInput | null>>;
  date: { value: string; precision: DatePrecision } | null;
}

const DATE_FORMS: Record<DatePrecision, { re: RegExp; hint: string }> = {
  day: { re: /^\d{4}-\d{2}-\d{2}$/, hint: 'YYYY-MM-DD' },
  month: { re: /^\d{4}-\d{2}$/, hint: 'YYYY-MM' },
  year: { re: /^\d{4}$/, hint: 'YYYY' },
};

/**
 * Builds a full extraction-format event from an analyst's input, with every text taken from the
 * report itself (so a correction cannot carry words the report does not contain). Returns the
 * problem in words when the input does not fit the report.
 */
export function eventFromInput(doc: ExtractionDocument, id: string, input: EventInput): { event: VigilEvent } | { problem: string } {
  const inText = (s: number, e: number) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e > s && e <= doc.text.length;
  if (!inText(input.trigger.start, input.trigger.end)) return { problem: `the trigger's offsets ${input.trigger.start}–${input.trigger.end} are outside the report` };
  const roles = {} as Record<EditableRole, Role | null>;
  for (const name of EDITABLE_ROLES) {
    const r = input.roles[name];
    if (!r) {
      roles[name] = null;
      continue;
    }
    const entity = r.entity ? doc.entities.find((e) => e.id === r.entity) : undefined;
    if (r.entity && !entity) return { problem: `${name}: the report has no entity ${r.entity}` };
    if (r.start !== undefined || r.end !== undefined) {
      if (r.start === undefined || r.end === undefined || !inText(r.start, r.end)) return { problem: `${name}: offsets outside the report` };
      roles[name] = { entity: entity?.id ?? null, text: doc.text.slice(r.start, r.end), start: r.start, end: r.end };
    } else if (entity) {
      roles[name] = { entity: entity.id, text: entity.name };
    } else return { problem: `${name}: point it at an entity or at words of the report` };
  }
  if (roles.target && !roles.target.entity) return { problem: 'the target must be a person or organisation named in the report' };
  let date: EventDate | null = null;
  if (input.date) {
    const form = DATE_FORMS[input.date.precision];
    if (!form.re.test(input.date.value)) return { problem: `a ${input.date.precision} date is written ${form.hint}` };
    const year = Number(input.date.value.slice(0, 4));
    if (year < 1900 || year > 2100) return { problem: `the year ${year} is not plausible for an event in a news report` };
    date = { value: input.date.value, precision: input.date.precision };
  }
  const { start, end } = input.trigger;
  const sentence = Math.max(0, doc.sentences.findIndex((s) => s.start <= start && start < s.end));
  const event: VigilEvent = { id, type: input.type, trigger: { start, end, text: doc.text.slice(start, end) }, ...roles, date, modality: input.modality, sentence, confidence: 1 };
  return { event };
}

/**
 * The report as the analysts left it: rejected events gone, corrected ones replaced, added ones
 * appended. The machine's document is not changed.
 */
export function applyCorrections(doc: ExtractionDocument, corrections: Correction[]): ExtractionDocument {
  const byId = new Map(corrections.map((c) => [c.eventId, c]));
  const events: VigilEvent[] = [];
  for (const ev of doc.events) {
    const c = byId.get(ev.id);
    if (c?.action === 'rejected') continue;
    events.push(c?.action === 'corrected' && c.event ? c.event : ev);
  }
  for (const c of corrections) if (c.action === 'added' && c.event) events.push(c.event);
  return { ...doc, events };
}

/** The next free id for an analyst's own event: a1, a2, … */
export function nextAddedId(corrections: Correction[]): string {
  const used = corrections.map((c) => /^a(\d+)$/.exec(c.eventId)?.[1]).filter((n): n is string => !!n).map(Number);
  return `a${(used.length ? Math.max(...used) : 0) + 1}`;
}
