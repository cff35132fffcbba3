import { readFileSync } from 'node:fs';

/** The role nouns of `nouns.json` (see its $comment), as sets of lemmas. */
export interface RoleNouns {
  titles: Set<string>;
  relational: Set<string>;
  protagonist: Set<string>;
  female: Set<string>;
  male: Set<string>;
}

export type Gender = 'f' | 'm';

let cached: RoleNouns | undefined;

export function loadRoleNouns(): RoleNouns {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(new URL('./nouns.json', import.meta.url), 'utf8')) as Record<keyof RoleNouns, string[]>;
  cached = {
    titles: new Set(raw.titles),
    relational: new Set(raw.relational),
    protagonist: new Set(raw.protagonist),
    female: new Set(raw.female),
    male: new Set(raw.male),
  };
  return cached;
}

/** The gender a word carries ("wife", "spokesman", "Mrs."), if any. */
export function genderOfWord(nouns: RoleNouns, word: string): Gender | undefined {
  const w = word.toLowerCase();
  if (nouns.female.has(w)) return 'f';
  if (nouns.male.has(w)) return 'm';
  return undefined;
}

/** The possessive by which a body speaks of its own officers in its statement: "our president" is as definite as "the president" ("its editor" may be another outlet's). */
export const OWN_BODY: ReadonlySet<string> = new Set(['our']);

export const PRONOUN_GENDER: Record<string, Gender> = { he: 'm', him: 'm', his: 'm', himself: 'm', she: 'f', her: 'f', hers: 'f', herself: 'f' };
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(PRONOUN_GENDER, null);

/** The singular personal pronouns that stand for a person ("he", "her", "himself"). */
export const PERSON_PRONOUNS: ReadonlySet<string> = new Set(Object.keys(PRONOUN_GENDER));
