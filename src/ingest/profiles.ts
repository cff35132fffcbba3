import { cleanPersonName } from '../extractors/risk/clean-name.js';
import { normalizeName } from '../cases/names.js';
import type { PersonProfile } from '../cases/match.js';
import type { Entity, ExtractionDocument, Role } from '../text/types.js';
import { isNamed, nameMentions } from '../text/types.js';

/**
 * The people a report is about: person entities that are the target of at least one event.
 * Spokesmen, ministers and reporters are named in most reports; a case is opened only for
 * whom something happened to.
 */
export function targetedPeople(doc: ExtractionDocument): Entity[] {
  const ids = new Set(doc.events.map((e) => e.target?.entity).filter((id): id is string => !!id));
  // a person the report never names ("his wife") has no case of their own
  return doc.entities.filter((e) => e.type === 'PERSON' && ids.has(e.id) && isNamed(e));
}

/** A person entity as a matching profile: every form of the name written, country, titles, company. */
export function profileOf(doc: ExtractionDocument, person: Entity, name = person.name): PersonProfile & { name: string } {
  const names = [name];
  for (const m of nameMentions(person)) {
    // Multi-word forms only: "Mony" alone would match every Mony on file; a form glued by page markup is cleaned first.
    const clean = cleanPersonName(m.text);
    const form = clean.ok ? clean.name : null;
    if (form?.includes(' ') && !names.some((n) => normalizeName(n) === normalizeName(form))) names.push(form);
  }
  const context = doc.entities.filter((e) => e.id !== person.id && e.type !== 'MISC').map((e) => normalizeName(e.name)).filter((n) => n.length > 2);
  return { name, names, country: person.country ?? null, titles: person.titles ?? [], context: [...new Set(context)] };
}

/** A role as stored on the timeline: the entity's canonical name when linked, else the words. */
export function roleText(doc: ExtractionDocument, role: Role | null | undefined): string | null {
  if (!role) return null;
  const e = role.entity ? doc.entities.find((x) => x.id === role.entity) : undefined;
  return e?.name ?? role.text;
}

export function roleCountry(doc: ExtractionDocument, role: Role | null | undefined): string | null {
  if (!role?.entity) return null;
  return doc.entities.find((x) => x.id === role.entity)?.country ?? null;
}
