import type { Doc } from '../../text/doc.js';
import type { EventType, VigilEvent } from '../../text/types.js';

/** The court steps a person can be put through without being there. */
const COURT_STEPS = new Set<EventType>(['CHARGE', 'TRIAL', 'CONVICTION']);
/** "in absentia" right after a court step's words, within its sentence: "was charged in absentia", "sentenced to life in absentia". */
const ABSENTIA = /\bin\s+absentia\b/i;
const REACH = 60;

/**
 * "The blogger X, who lives in France, was charged in absentia", "tried in absentia in a separate
 * file": a person charged, tried or sentenced in their absence is away from the country that
 * tries them, and a monitor reads the case as one of exile, not of charges a person answers at
 * home. The words "in absentia" are kept as the exile's own event (an ASYLUM_REQUEST, the type the
 * ontology gives exile), so the case's status reads `in_exile` by the rule that a court step after
 * leaving, with no arrest since, leaves the person in exile. Not when the report already tells the
 * person's leaving, nor a court step told as not done or only sought, nor one while the report
 * holds the person taken and not freed ("while he was in that cell, a court sentenced him in absentia").
 */
const TAKEN = new Set<EventType>(['ARREST', 'ABDUCTION', 'DISAPPEARANCE']);

/** Whether the report holds the person taken (arrested, abducted, lost) before the court step and not freed between. */
function heldWhenTried(events: readonly VigilEvent[], who: string, step: VigilEvent): boolean {
  let held = false;
  for (const u of events) {
    if (u.target?.entity !== who || u.modality !== 'asserted' || u.trigger.start > step.trigger.start) continue;
    if (TAKEN.has(u.type)) held = true;
    if (u.type === 'RELEASE' || u.type === 'ASYLUM_REQUEST') held = false;
  }
  return held;
}

export function inAbsentia(doc: Doc, events: VigilEvent[]): VigilEvent[] {
  const added: VigilEvent[] = [];
  for (const v of events) {
    const who = v.target?.entity;
    if (!who || !COURT_STEPS.has(v.type) || v.modality !== 'asserted') continue;
    const s = doc.sentences[v.sentence];
    if (!s) continue;
    const after = doc.text.slice(v.trigger.end, Math.min(s.end, v.trigger.end + REACH));
    const m = ABSENTIA.exec(after);
    if (!m) continue;
    if ([...events, ...added].some((u) => u.type === 'ASYLUM_REQUEST' && u.target?.entity === who && u.modality === 'asserted')) continue;
    // held or lost when tried, not away: "while he was in that cell, a court sentenced him in absentia"
    if (heldWhenTried(events, who, v)) continue;
    const start = v.trigger.end + m.index;
    added.push({ id: '', type: 'ASYLUM_REQUEST', trigger: doc.span(start, start + m[0].length), target: v.target, agent: null, principal: null, place: null, origin: null, destination: null, date: null, modality: 'asserted', sentence: v.sentence, confidence: 0.5 });
  }
  return added.length ? [...events, ...added].sort((a, b) => a.trigger.start - b.trigger.start) : events;
}
