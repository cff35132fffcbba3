import type { Parsed } from './interrupted-subject.js';

/**
 * "sentenced women's rights activist A", "detained children's rights defender B": a possessive
 * that modifies the words after it. The parser sometimes makes the possessor the verb's object
 * and hangs the role on it in apposition, so the person named after the role is no longer what
 * the verb governs. The repair gives the role the possessor's place, and the possessor becomes
 * the role's (or its first compound's) possessive modifier. Only that shape: a common noun with
 * "'s", then common nouns up to a role the parse set in apposition to the possessor.
 */
export function possessiveModifier(p: Parsed): boolean {
  let changed = false;
  const n = p.words.length;
  for (let owner = 0; owner + 2 < n; owner++) {
    if (p.upos[owner] !== 'NOUN' || !/^['’]s$/.test(p.words[owner + 1] ?? '') || p.heads[owner + 1] !== owner) continue;
    if (p.deprels[owner] === 'nmod:poss') continue;
    // the common nouns after the possessive, up to the role in apposition to the possessor
    let role = -1;
    for (let k = owner + 2; k < n && p.upos[k] === 'NOUN'; k++) {
      if (p.heads[k] === owner && p.deprels[k] === 'appos') {
        role = k;
        break;
      }
    }
    if (role < 0) continue;
    p.heads[role] = p.heads[owner]!;
    p.deprels[role] = p.deprels[owner]!;
    // "women's rights activist": the possessor modifies the compound it opens
    const first = owner + 2 < role && p.heads[owner + 2] === role ? owner + 2 : role;
    p.heads[owner] = first;
    p.deprels[owner] = 'nmod:poss';
    // what else hung on the possessor (its other appositions, the name) now hangs on the role
    for (let k = 0; k < n; k++) if (k !== owner + 1 && k !== role && p.heads[k] === owner && k > role) p.heads[k] = role;
    changed = true;
  }
  // "taken to Sarıyer women's prison": the possessor and the noun after its "'s" hung side by side
  // on one verb; the noun is what the verb governs (with the possessor's preposition), the
  // possessor its modifier
  for (let owner = 0; owner + 2 < n; owner++) {
    const noun = owner + 2;
    if (p.upos[owner] !== 'NOUN' || !/^['’]s$/.test(p.words[owner + 1] ?? '') || p.heads[owner + 1] !== owner || p.deprels[owner] === 'nmod:poss') continue;
    if (p.upos[noun] !== 'NOUN' || p.heads[noun] !== p.heads[owner] || !SIDE_BY_SIDE.has(p.deprels[owner]!) || !SIDE_BY_SIDE.has(p.deprels[noun]!)) continue;
    p.deprels[noun] = p.deprels[owner]!;
    for (let k = 0; k < owner; k++) if (p.heads[k] === owner && p.deprels[k] === 'case') p.heads[k] = noun;
    p.heads[owner] = noun;
    p.deprels[owner] = 'nmod:poss';
    changed = true;
  }
  return changed;
}

/** Relations a possessor and its noun, split apart, may each have been given on their verb. */
const SIDE_BY_SIDE = new Set(['obj', 'obl', 'iobj']);
