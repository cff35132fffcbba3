import type { Doc } from '../../text/doc.js';
import type { EventType, VigilEvent } from '../../text/types.js';

/** The court steps a person can be put through without being there. */
const COURT_STEPS = new Set<EventType>(['CHARGE', 'TRIAL', 'CONVICTION']);
/** "in absentia" right after a court step's words, within its sentence: "was charged in absentia", "sentenced to life in absentia". */
const ABSENTIA = /\bin\s+absentia\b/i;
const REACH = 60;

/** Events by which a report holds a person or loses them. */
const TAKEN = new Set<EventType>(['ARREST', 'ABDUCTION', 'DISAPPEARANCE']);

/** Whether the report tells the person taken (arrested, abducted, lost) at any time: they may be held when tried. */
function heldInReport(events: readonly VigilEvent[], who: string): boolean {
  return events.some((u) => u.target?.entity === who && u.modality === 'asserted' && TAKEN.has(u.type));
}

/** Words around the court step that place the person at home or in custody, not abroad. */
const AT_HOME = /\b(?:(?<!(?:years?|months?|life|term) )in (?:prison|jail)\b|behind bars|custody|detention|detained|held|arrested|house arrest|serving|in hiding|in hospital|too ill|refused to attend|boycott(?:ed)?|at home|inside the country)\b/i;

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
    // held or lost, not away: "while he was in that cell, a court sentenced him in absentia", "He was
    // arrested in Dushanbe in 2023 and remains in prison"; or at home: "she is in hiding inside the
    // country", "too ill to attend", "under house arrest"
    if (heldInReport(events, who)) continue;
    const around = doc.text.slice(s.start, doc.sentences[v.sentence + 1]?.end ?? s.end);
    if (AT_HOME.test(around)) continue;
    const start = v.trigger.end + m.index;
    added.push({ id: '', type: 'ASYLUM_REQUEST', trigger: doc.span(start, start + m[0].length), target: v.target, agent: null, principal: null, place: null, origin: null, destination: null, date: null, modality: 'asserted', sentence: v.sentence, confidence: 0.5 });
  }
  return added.length ? [...events, ...added].sort((a, b) => a.trigger.start - b.trigger.start) : events;
}
