import { countryByDemonym, countryByName } from '../../extractors/places/countries.js';
import type { ExtractionDocument } from '../../text/types.js';

/** An organisation's name that is a place someone is held or taken to: "the Jalan Cempaka district police headquarters". */
const FACILITY = /\b(?:prison|jail|gaol|penitentiary|colony|camp|detention|remand|custody|station|headquarters|barracks|hospital|cell)\b/i;

/**
 * Every place a report names, as written: its places' names and each way it writes them, the places
 * and held-at of its events, and the facilities it names as organisations. Countries stay (a bundle
 * withholding places keeps them), as do demonyms. Longest first, so a place is masked whole.
 */
export function placesNamed(doc: ExtractionDocument | null): string[] {
  if (!doc) return [];
  const out = new Set<string>();
  const add = (s: string | null | undefined) => {
    const t = s?.trim();
    if (t && t.length >= 3 && !countryByName(t) && !countryByDemonym(t)) out.add(t);
  };
  for (const e of doc.entities) {
    if (e.type === 'LOC' || (e.type === 'ORG' && FACILITY.test(e.name))) {
      add(e.name);
      for (const m of e.mentions) if ((m.kind ?? 'name') === 'name') add(m.text);
    }
  }
  for (const v of doc.events ?? []) {
    add(v.place?.text);
    add(v.heldAt?.text);
  }
  return [...out].sort((a, b) => b.length - a.length);
}
