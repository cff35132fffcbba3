import type { Doc } from '../../text/doc.js';
import { bin } from './linear.js';
import type { Features } from './linear.js';
import { VIOLATION, happened } from './rules.js';

/**
 * What a report offers the question "was this a <violation type>?", one type at a time: the
 * annotators named the types of the attack the report is about, so an arrest told in the
 * headline weighs more than three arrests in its background, and a report can be about a killing
 * Vigil's events missed ("found dead", "the body of").
 */

/** The dataset's violation types; "unknown" is what the annotators chose when none fit. */
export const VIOLATION_TYPES = ['arbitrary detention', 'enforced disappearance', 'kidnapping', 'killing', 'torture', 'other', 'unknown'] as const;

/** Words that name each type: how often the report uses them, beside the events Vigil read. */
const CUES: Partial<Record<string, RegExp>> = {
  'arbitrary detention': /\b(arrest|detain|detention|jail|imprison|prison|custody|held|sentenced)/gi,
  'enforced disappearance': /\b(disappear|whereabouts|missing|incommunicado)/gi,
  kidnapping: /\b(kidnap|abduct|hostage|ransom|seized)/gi,
  killing: /\b(kill|murder|shot dead|slain|assassinat|death|died|executed|body)/gi,
  torture: /\b(tortur|beat|ill-treat|abuse|mistreat|assault)/gi,
  other: /\b(threat|harass|charge|accus|deport|ban|surveil|raid|attack|intimidat|censor|fine)/gi,
};

/** The features of one violation type in one report; `docFeats` are the report's own (`features.ts`). */
export function violationFeatures(doc: Doc, titleEnd: number, docFeats: Features, ruled: readonly string[], type: string): string[] {
  const events = doc.events.filter((v) => happened(v) && VIOLATION[v.type] === type);
  const f: string[] = [...docFeats, `n=${bin(events.length, [0, 1, 2, 4, 8])}`];
  if (events.some((v) => v.trigger.start < titleEnd)) f.push('intitle');
  const first = Math.min(...events.map((v) => v.sentence), Number.MAX_SAFE_INTEGER);
  f.push(`first=${bin(first, [0, 1, 2, 4, 8, 16, 40])}`);
  // every event in the lead adds its feature again: three arrests there weigh more than one
  // (cross-validated 70.7 against 70.4 with each feature once)
  for (const v of events) if (v.sentence < 6) f.push(`lead=${v.type}`);
  if (ruled.includes(type)) f.push('rule');
  const cue = CUES[type];
  if (cue) {
    f.push(`cue=${bin((doc.text.match(cue) ?? []).length, [0, 1, 2, 4, 8])}`);
    if (new RegExp(cue.source, 'i').test(doc.text.slice(0, titleEnd))) f.push('cuetitle');
  }
  return f;
}
