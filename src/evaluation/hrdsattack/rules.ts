import type { HrdArticle } from '../../corpora/readers/hrdsattack.js';
import { resolvePlace } from '../../extractors/places/index.js';
import type { Doc } from '../../text/doc.js';
import type { Entity, EventType, TextSpan, VigilEvent } from '../../text/types.js';
import { nameMentions } from '../../text/types.js';
import type { HrdPrediction, HrdVictimPrediction } from '../scorers/hrdsattack.js';

/**
 * Vigil's events for one article → HRDsAttack's document-level labels. Violation types follow
 * ../shared/spec/ONTOLOGY.md's mapping; only events that happened count (not negated, future or
 * hypothetical ones). The main event is the first violation the report tells; its place and date
 * fill the location and date columns. How a country is written is `country-names.ts`'s business.
 */

export const VIOLATION: Partial<Record<EventType, string>> = {
  ARREST: 'arbitrary detention',
  CONVICTION: 'arbitrary detention',
  DISAPPEARANCE: 'enforced disappearance',
  ABDUCTION: 'kidnapping',
  TORTURE: 'torture',
  KILLING: 'killing',
  DEPORTATION: 'other',
  EXTRADITION_REQUEST: 'other',
  EXTRADITION: 'other',
  ACCUSATION: 'other',
  CHARGE: 'other',
  TRIAL: 'other',
  THREAT: 'other',
  ASSAULT: 'other',
  RESTRICTION: 'other',
};

export const STATE = /\b(police|policem[ae]n|officers?|authorit|government|army|military|soldiers?|troops|forces|security|ministry|minister|court|judge|prosecutor|regime|junta|state|intelligence|guards?|president|governor|navy|gendarm)/i;
export const NON_STATE = /\b(gunm[ae]n|bandits?|militants?|insurgents?|rebels?|jihadis|terrorists?|gang|kidnappers?|assailants?|attackers?|unknown|unidentified|mob|group)\b/i;

export const happened = (v: VigilEvent): boolean => v.modality === 'asserted' || v.modality === 'reported';

function perpetratorType(doc: Doc, v: VigilEvent | undefined): string | null {
  const agent = v?.agent;
  // no agent on the event: the kind of actor the report talks about at all
  if (!agent) return STATE.test(doc.text) ? 'state actor' : NON_STATE.test(doc.text) ? 'other non-state actors' : null;
  const entity = doc.entities.find((e) => e.id === agent.entity);
  if (NON_STATE.test(agent.text)) return 'other non-state actors';
  if (STATE.test(agent.text) || entity?.country || entity?.type === 'LOC') return 'state actor';
  return entity?.type === 'PERSON' ? 'state actor' : 'other non-state actors';
}

export const JOURNALIST = /\b(journalists?|reporters?|editors?|bloggers?|correspondents?|photographers?|cameram[ae]n|broadcasters?|columnists?|newspaper|media worker)\b/i;
export const DEFENDER = /\b(activists?|human rights|defenders?|lawyers?|campaigners?|advocates?|environmentalists?|dissidents?)\b/i;
export const UNIONIST = /\b(union|unionists?|labou?r leader)\b/i;

/**
 * Where a victim is named: the person's name mentions, or, when no person entity carries the name
 * (the recogniser typed it otherwise or cut it), wherever the name's words stand in the text.
 */
export function victimSpans(doc: Doc, name: string, entity: Entity | undefined): TextSpan[] {
  if (entity) return nameMentions(entity);
  const find = (s: string): TextSpan[] => [...doc.text.matchAll(new RegExp(`\\b${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'))].map((m) => doc.span(m.index, m.index + s.length));
  const full = find(name);
  return full.length > 0 ? full : find(name.split(/\s+/).pop() ?? name).filter((m) => /^\p{Lu}/u.test(m.text));
}

function victimAttributes(doc: Doc, name: string, entity: Entity | undefined): HrdVictimPrediction {
  const spans = victimSpans(doc, name, entity);
  const around = spans.map((m) => doc.text.slice(Math.max(0, m.start - 80), Math.min(doc.text.length, m.end + 80))).join(' ');
  // the one description nearest the name: "journalist X", "X, a lawyer and activist"
  const type: string[] = [];
  const nearest = [
    ['journalist', JOURNALIST],
    ['human rights defender', DEFENDER],
    ['trade unionist', UNIONIST],
  ] as const;
  let best = Infinity;
  for (const [label, re] of nearest) {
    const m = re.exec(around);
    if (!m) continue;
    const distance = Math.abs(m.index - around.length / 2);
    if (distance < best) {
      best = distance;
      type.splice(0, type.length, label);
    }
  }
  const sentences = new Set(spans.flatMap((m) => [doc.sentenceAt(m.start), doc.sentenceAt(m.start) + 1]));
  let he = 0;
  let she = 0;
  for (const s of sentences) {
    const sent = doc.sentences[s];
    if (!sent) continue;
    const text = doc.text.slice(sent.start, sent.end);
    he += (text.match(/\b(he|him|his|himself|Mr)\b/gi) ?? []).length;
    she += (text.match(/\b(she|her|hers|herself|Mrs|Ms)\b/gi) ?? []).length;
  }
  const child = /\b(boy|girl|child|teenager|minor|schoolboy|schoolgirl)\b/i.test(around);
  return { type, populationType: 'individual', sex: he > she ? 'man' : she > he ? 'woman' : 'unknown', ageGroup: child ? 'child' : 'adult' };
}

/** The country the report's places, demonyms and state bodies point to most often. */
function mostNamedCountry(doc: Doc): string | undefined {
  const counts = new Map<string, number>();
  for (const e of doc.entities) if (e.country) counts.set(e.country, (counts.get(e.country) ?? 0) + nameMentions(e).length);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const HARM = new Set<EventType>(['KILLING', 'ASSAULT', 'ABDUCTION', 'TORTURE', 'DISAPPEARANCE', 'THREAT']);
const PROSECUTION = new Set<EventType>(['CHARGE', 'CONVICTION', 'TRIAL', 'ACCUSATION']);
/** A release says nothing of why one was held: in a report of a killing, it may be a suspect's. */
const PROSECUTED_OR_FREED = new Set<EventType>([...PROSECUTION, 'RELEASE']);

/**
 * Who the violations befell. In a report about an attack, the people only arrested, charged or
 * tried are its suspects, and whoever did the harm is not its victim: "two men were charged with
 * the journalist's murder" names one victim, the journalist. A journalist or an activist who is
 * tried stays a victim even then: "the reporter Ana Vell was sentenced to two years" in a report
 * that also tells a killing.
 */
function victimsOf(doc: Doc, violations: VigilEvent[]): string[] {
  const harms = violations.filter((v) => HARM.has(v.type));
  const harmers = new Set(harms.map((v) => v.agent?.entity));
  // a person harmed: "threatened the guards", a body of people, makes no one else a suspect
  const harmed = new Set(harms.filter((v) => doc.entities.find((e) => e.id === v.target?.entity)?.type === 'PERSON').map((v) => v.target!.entity));
  const someoneHarmed = harmed.size > 0;
  // "arrested in connection with the murder of …": held for a harm done to someone else
  const held = new Set(violations.filter((v) => v.type === 'ARREST' && HELD_FOR_HARM.test(doc.text.slice(v.trigger.end, doc.sentences[v.sentence]?.end ?? v.trigger.end))));
  const befell = new Map<string, VigilEvent[]>();
  // someone released had been held: "Ko Lin was freed on Friday" names a detention's victim, and
  // so does a call for a release ("should release Ko Lin"): only someone held is to be freed
  const releases = doc.events.filter((v) => v.type === 'RELEASE' && (happened(v) || v.modality === 'hypothetical'));
  for (const v of [...violations, ...releases]) if (v.target?.entity) befell.set(v.target.entity, [...(befell.get(v.target.entity) ?? []), v]);
  const isSuspect = (id: string, events: VigilEvent[]): boolean => {
    // a list shares its role: "sentenced journalists A and B" makes B a journalist too
    const listed = violations.filter((v) => events.some((e) => e.trigger.start === v.trigger.start && e.type === v.type));
    const words = [...listed.map((v) => v.target?.text ?? ''), ...(doc.entities.find((e) => e.id === id)?.titles ?? [])].join(' ');
    if ([JOURNALIST, DEFENDER, UNIONIST].some((re) => re.test(words))) return false;
    // tried alongside someone the report says was harmed ("four men sentenced", one of them tortured): co-defendants, not suspects
    if (listed.some((v) => harmed.has(v.target?.entity ?? null))) return false;
    const prosecutedOnly = events.every((v) => PROSECUTED_OR_FREED.has(v.type));
    const heldForHarm = events.some((v) => held.has(v)) && events.every((v) => PROSECUTED_OR_FREED.has(v.type) || held.has(v));
    return (someoneHarmed && prosecutedOnly) || heldForHarm;
  };
  return [...befell].filter(([id, events]) => !harmers.has(id) && !isSuspect(id, events)).map(([id]) => id);
}

/** What an arrest is for when the one arrested is a suspect of a harm: "for the killing of", "over the attack on". */
const HELD_FOR_HARM = /^[^.;]{0,60}?\b(?:for|over|in connection with|in the|suspected of|accused of|charged with|charges? of)\b[^.;]{0,30}?\b(?:murder|killing|death|attack|assault|beating|shooting|stabbing|rape|lynching|beheading|assassination)s?\b/i;

/** The person a gold victim name stands for: by full name, or a mention inside it or around it. */
export function personNamed(doc: Doc, name: string): Entity | undefined {
  return doc.entities.find((x) => x.type === 'PERSON' && (x.name === name || nameMentions(x).some((m) => name.includes(m.text) || m.text.includes(name))));
}

/**
 * Whether an event names a violation type of the report. A disappearance counts only when it befalls
 * a named person: "thousands have disappeared since the war" is background, and on the training
 * split such unnamed disappearances were a violation of the report a third of the time.
 */
function typedViolation(doc: Doc, v: VigilEvent): boolean {
  if (v.type !== 'DISAPPEARANCE') return true;
  const target = doc.entities.find((e) => e.id === v.target?.entity);
  return target?.type === 'PERSON' && nameMentions(target).length > 0;
}

export function toHrdLabels(doc: Doc, article: HrdArticle, countryName: (code: string) => string | null): HrdPrediction {
  const violations = doc.events.filter((v) => happened(v) && VIOLATION[v.type]);
  // the main event: the first violation told with a date, else the first told
  const main = violations.find((v) => v.date) ?? violations[0];
  const entityOf = (id: string | null | undefined) => doc.entities.find((e) => e.id === id);
  // named people only: "his brother" and "a judge" are no names to put on a list of victims
  // written as the annotators wrote names: "Gregorio Jr", without the abbreviation's full stop
  const victimNames = [...new Set(victimsOf(doc, violations).map((id) => entityOf(id)).filter((e): e is Entity => e?.type === 'PERSON' && nameMentions(e).length > 0).map((e) => e.name.replace(/\.$/, '')))];
  // where: the main event's place, else the first place the report names (often its dateline)
  const placeEntity = entityOf(main?.place?.entity);
  const place = placeEntity ? resolvePlace(placeEntity.name) : {};
  const country = placeEntity?.country ?? place.country ?? mostNamedCountry(doc);
  const date = main?.date;
  const [y, m, d] = (date?.value ?? '').split('-').map(Number);
  const victimAttrs = new Map<string, HrdVictimPrediction>();
  for (const v of article.labels.victims) {
    if (!v.name) continue;
    victimAttrs.set(v.name, victimAttributes(doc, v.name, personNamed(doc, v.name)));
  }
  return {
    violationTypes: [...new Set(violations.filter((v) => typedViolation(doc, v)).map((v) => VIOLATION[v.type]!))],
    perpetratorMention: violations.some((v) => v.agent !== null) || STATE.test(doc.text) || NON_STATE.test(doc.text),
    perpetratorType: perpetratorType(doc, violations.find((v) => v.agent)),
    victimNames,
    victimAttributes: victimAttrs,
    country: country ? countryName(country) : null,
    region: null,
    city: place.city && placeEntity ? placeEntity.name : null,
    year: y || Number(article.published.slice(0, 4)) || null,
    month: date && date.precision !== 'year' ? (m ?? null) : null,
    day: date && date.precision === 'day' ? (d ?? null) : null,
  };
}
