import type { Doc } from '../../text/doc.js';
import type { EventType, Role, VigilEvent } from '../../text/types.js';

/**
 * Targets a sentence leaves unsaid: "Dario Fenn said Karsland had asked Thailand to extradite Ilse
 * Navarro. He said that no charges had been filed yet." The charges not filed are against Navarro,
 * though the second sentence names nobody but the speaker. An event that befalls
 * a person, has no target, and stands in a sentence that names no other person takes the person
 * the report's last event befell, one or two sentences before; the role says it is implied and
 * keeps the words it was read from, as chrono keeps what was stated apart from what was implied.
 */

const ABOUT_A_PERSON = new Set<EventType>(['ARREST', 'CHARGE', 'TRIAL', 'CONVICTION', 'RELEASE', 'DISAPPEARANCE', 'DEPORTATION', 'EXTRADITION', 'EXTRADITION_REQUEST', 'TORTURE', 'ASSAULT', 'THREAT', 'RESTRICTION']);
/** How many sentences back the person may have been named. */
const REACH = 2;

export function impliedTargets(doc: Doc, events: readonly VigilEvent[]): VigilEvent[] {
  const person = new Set(doc.entities.filter((e) => e.type === 'PERSON').map((e) => e.id));
  // who each sentence names, and whom each sentence's events befall: one sweep each, for long reports
  const namedIn = new Map<number, Set<string>>();
  for (const e of doc.entities) {
    if (!person.has(e.id)) continue;
    for (const m of e.mentions) {
      const s = doc.sentenceAt(m.start);
      namedIn.set(s, (namedIn.get(s) ?? new Set()).add(e.id));
    }
  }
  const targetsIn = new Map<number, Role[]>();
  for (const u of events) if (u.target?.entity && person.has(u.target.entity)) targetsIn.set(u.sentence, [...(targetsIn.get(u.sentence) ?? []), u.target]);
  return events.map((v) => {
    if (v.target || !ABOUT_A_PERSON.has(v.type)) return v;
    // the speaker and the agent do not count: "He said" is the minister, not the one charged
    const own = new Set([v.agent?.entity, v.speaker?.entity, v.principal?.entity]);
    if ([...(namedIn.get(v.sentence) ?? [])].some((id) => !own.has(id))) return v;
    const targets: Role[] = [];
    for (let s = v.sentence - REACH; s < v.sentence; s++) targets.push(...(targetsIn.get(s) ?? []).filter((t) => !own.has(t.entity)));
    // the last person named: where the report's attention was when it went on
    const last = targets.reduce<Role | undefined>((a, t) => (!a || (t.start ?? 0) > (a.start ?? 0) ? t : a), undefined);
    return last ? { ...v, target: { ...last, implied: true } } : v;
  });
}
