import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import type { Doc } from '../../text/doc.js';
import type { Entity, EventType, VigilEvent } from '../../text/types.js';
import { NAME_PARTICLES } from '../../text/name-particles.js';
import { tokenAt } from '../../text/align.js';
import { ROLE_NAMES, nameMentions } from '../../text/types.js';
import { loadGazetteer, type Gazetteer } from '../learn/gazetteer.js';
import { countryByDemonym, countryByName } from '../places/countries.js';
import { couldBePerson } from './person-evidence.js';

/**
 * Events that befall people only: a place is not arrested, an organisation is not tortured or
 * deported. Charges, trials and convictions are left out (companies face them), and so are
 * assaults and threats ("gunmen attacked the Daily Star").
 */
const PERSON_ONLY = new Set<EventType>(['ARREST', 'DEPORTATION', 'EXTRADITION', 'TORTURE', 'KILLING', 'ABDUCTION', 'DISAPPEARANCE']);

/** A term in prison, death or lashes after a conviction's trigger, in its sentence: only a person serves it. */
const CUSTODIAL = /^[^.;]{0,80}?\b(?:prison|jail|imprisonment|death|lashes|years? behind bars)\b/i;

/** "sentenced A to six years in prison": a conviction that befalls people only (a company is fined). */
function sentencedToCustody(doc: Doc, v: VigilEvent): boolean {
  if (v.type !== 'CONVICTION') return false;
  const s = doc.sentences[v.sentence];
  return !!s && CUSTODIAL.test(doc.text.slice(v.trigger.end, s.end));
}

/**
 * Words shaped like a person's name: every word capitalised (or a particle), and none a country or
 * its people's name ("Iranian authorities", "Sri Lankan" are what the event befell, but no one).
 */
function nameShaped(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (countryByDemonym(text.trim()) || countryByName(text.trim())) return false;
  return words.every((w) => (NAME_PARTICLES.has(w.toLowerCase()) || /^\p{Lu}/u.test(w)) && !countryByDemonym(w) && !countryByName(w));
}

/** Closed-class words no name begins with: "Although Mandelstam", "But Voss". */
const FUNCTION_TAGS = new Set(['SCONJ', 'CCONJ', 'ADV', 'ADP', 'DET', 'PRON', 'AUX', 'PART']);

/** Whether a naming of the entity begins with a conjunction, an adverb or the like. */
function opensWithFunctionWord(doc: Doc, e: Entity): boolean {
  return nameMentions(e).some((m) => {
    const t = doc.tokens[tokenAt(doc, m.start)];
    return t !== undefined && t.start === m.start && FUNCTION_TAGS.has(t.upos ?? '');
  });
}

/**
 * The names the recogniser typed a place or an organisation that an event of people only befalls
 * ("Police detained Kakwenza Rukirabashaija", with the name read as an organisation) become people.
 * The event rules link targets through lists, relative clauses and passives that the parse-based
 * evidence before them (person-cues) does not reach. A name of two words or more, every naming of
 * which could be a person's (no organisation word, not a place the gazetteer knows), and not a
 * place resolved to a country, is taken as it is. One word is too little by itself; it is taken
 * when it is the last word of such a name in the report, and then joins that name's entity
 * ("Arifhojaev was detained" after "Fazilhoja Arifhojaev"), with every role that pointed to it.
 */
export function harmedPersons(doc: Doc, gazetteer: Gazetteer): { entities: Entity[]; events: VigilEvent[] } {
  const harmed = new Set(doc.events.filter((v) => (PERSON_ONLY.has(v.type) || sentencedToCustody(doc, v)) && v.modality !== 'negated' && v.target?.entity).map((v) => v.target!.entity!));
  const personLike = (e: Entity): boolean => {
    const names = nameMentions(e);
    return names.length > 0 && !(e.type === 'LOC' && e.country) && names.every((m) => couldBePerson(doc, m, gazetteer) && nameShaped(m.text));
  };
  const multiWord = (e: Entity): boolean => /\s/.test(e.name.trim());
  const lastWord = (e: Entity): string => e.name.trim().split(/\s+/).pop()!;
  // "Although Mandelstam", the recogniser taking a clause's first word into the name, is no full name of anyone
  const full = doc.entities.filter((e) => multiWord(e) && (e.type === 'PERSON' || personLike(e)) && !opensWithFunctionWord(doc, e));
  const fullOf = (word: string): Entity | undefined => {
    const found = full.filter((f) => lastWord(f) === word);
    if (found.length === 1) return found[0];
    // no full name, but the recogniser read the same one word as a person elsewhere in the report
    const same = found.length === 0 ? doc.entities.filter((e) => e.type === 'PERSON' && e.name === word) : [];
    return same.length === 1 ? same[0] : undefined;
  };
  const toPerson = new Set<Entity>();
  const joins = new Map<Entity, Entity>();
  for (const e of doc.entities) {
    if (e.type === 'PERSON' || !harmed.has(e.id) || !personLike(e)) continue;
    if (multiWord(e)) {
      toPerson.add(e);
      // its family name alone, typed otherwise elsewhere in the report, is the same person
      for (const s of doc.entities) if (s.type !== 'PERSON' && !multiWord(s) && s.name === lastWord(e) && personLike(s)) joins.set(s, e);
    } else {
      const f = fullOf(e.name);
      if (!f) continue;
      toPerson.add(f);
      joins.set(e, f);
    }
  }
  // "the year Arbery was murdered", the family name alone read as a person of its own: the one
  // full name that ends with it, once that name is a person's
  for (const e of doc.entities) {
    if (e.type !== 'PERSON' || !harmed.has(e.id) || multiWord(e)) continue;
    const f = full.filter((x) => (x.type === 'PERSON' || toPerson.has(x)) && lastWord(x) === e.name);
    if (f.length === 1 && toPerson.has(f[0]!)) joins.set(e, f[0]!);
  }
  if (toPerson.size === 0) return { entities: doc.entities, events: doc.events };
  const mentionsOf = new Map<Entity, Entity['mentions']>();
  for (const [s, f] of joins) mentionsOf.set(f, [...(mentionsOf.get(f) ?? f.mentions), ...s.mentions]);
  const entities = doc.entities
    .filter((e) => !joins.has(e))
    .map((e) => (toPerson.has(e) || mentionsOf.has(e) ? { ...e, type: 'PERSON' as const, mentions: [...(mentionsOf.get(e) ?? e.mentions)].sort((a, b) => a.start - b.start) } : e));
  const idOf = new Map([...joins].map(([s, f]) => [s.id, f.id]));
  const remap = <R extends { entity?: string | null } | null>(r: R): R => (r?.entity && idOf.has(r.entity) ? { ...r, entity: idOf.get(r.entity)! } : r);
  const events = doc.events.map((v) => (ROLE_NAMES.some((n) => v[n]?.entity && idOf.has(v[n]!.entity!)) ? { ...v, ...Object.fromEntries(ROLE_NAMES.map((n) => [n, remap(v[n])])) } : v));
  return { entities, events };
}

/** The `harmed-persons` component: after the events, before the risk reading that scores people. */
export function createHarmedPersons(): Component {
  const gazetteer = loadGazetteer();
  return {
    name: 'harmed-persons',
    requires: ['tokens', 'entities', 'events'],
    assigns: ['entities', 'events'],
    process(doc: Doc): Doc {
      ({ entities: doc.entities, events: doc.events } = harmedPersons(doc, gazetteer));
      return doc;
    },
  };
}

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    'harmed-persons': Record<string, never>;
  }
}

registry.register('harmed-persons', () => createHarmedPersons());
