import type { Doc } from '../../text/doc.js';
import type { EventType, VigilEvent } from '../../text/types.js';

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
  return events.map((v) => {
    if (v.target || !ABOUT_A_PERSON.has(v.type)) return v;
    const s = doc.sentences[v.sentence];
    if (!s) return v;
    // the speaker and the agent do not count: "He said" is the minister, not the one charged
    const own = new Set([v.agent?.entity, v.speaker?.entity, v.principal?.entity]);
    const named = doc.entities.some((e) => person.has(e.id) && !own.has(e.id) && e.mentions.some((m) => m.start >= s.start && m.end <= s.end));
    if (named) return v;
    const targets = events
      .filter((u) => u.sentence >= v.sentence - REACH && u.sentence < v.sentence)
      .flatMap((u) => (u.target?.entity && person.has(u.target.entity) && !own.has(u.target.entity) ? [u.target] : []));
    // the last person named: where the report's attention was when it went on
    const last = targets.reduce<(typeof targets)[number] | undefined>((a, t) => (!a || (t.start ?? 0) > (a.start ?? 0) ? t : a), undefined);
    return last ? { ...v, target: { ...last, implied: true } } : v;
  });
}
