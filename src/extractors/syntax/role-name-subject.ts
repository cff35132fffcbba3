import type { Parsed } from './interrupted-subject.js';

/**
 * "Land rights activist Mira Tesk is in detention", "Press freedom advocate Ivo Sarn remains in
 * custody": a sentence that opens with role words, then a name, then the clause's auxiliary or
 * finite verb. The parser sometimes makes the role's noun the sentence's head and hangs the
 * predicate on it (or on the name) as a modifier, so the clause has no subject and the name is a
 * compound of the predicate. The repair makes the predicate the head again, the role noun its
 * subject and the name that noun's apposed name ("journalist Mira Tesk", as the parser reads a
 * one-word role). Only that shape: role words from the sentence's start (nouns and adjectives, the
 * last a common noun the parse made the head), a name of proper nouns right after them, and an
 * auxiliary (after at most two adverbs) or a finite verb right after the name.
 */

/** Parts of speech the role words before the name may have: "Land rights activist", "Senior union official" (the first may be capitalised: "Union leader"). */
const ROLE_WORDS = new Set(['NOUN', 'ADJ', 'PROPN']);
/** The most role words before the name. */
const LONGEST_ROLE = 5;

/** Repairs `p` in place; returns whether it changed anything. */
export function roleNameSubject(p: Parsed): boolean {
  const n = p.words.length;
  // the name after the role words from the sentence's start
  let first = 1;
  while (first < n && first <= LONGEST_ROLE && ROLE_WORDS.has(p.upos[first]!) && p.upos[first] !== 'PROPN') first++;
  // the role's noun: a lowercase common noun right before the name
  const role = first - 1;
  if (first >= n || p.upos[first] !== 'PROPN' || p.upos[role] !== 'NOUN' || !/^\p{Ll}/u.test(p.words[role]!)) return false;
  for (let k = 0; k < role; k++) if (!ROLE_WORDS.has(p.upos[k]!)) return false;
  let last = first;
  while (last + 1 < n && p.upos[last + 1] === 'PROPN') last++;
  // the predicate: an auxiliary's head after it, or a finite verb
  let j = last + 1;
  while (j < n && p.upos[j] === 'ADV' && j - last <= 2) j++;
  let pred: number | undefined;
  if (p.upos[j] === 'AUX' && p.heads[j]! > j) pred = p.heads[j]!;
  else if (p.upos[j] === 'VERB' && /^(VBD|VBZ|VBP)$/.test(p.xpos[j] ?? '')) pred = j;
  if (pred === undefined) return false;
  // the predicate must hang on the role noun or the name: the parse that lost the subject
  const on = p.heads[pred]!;
  if (on !== role && !(on >= first && on <= last)) return false;
  // the role noun the sentence's head, or the subject of a verb of saying after the clause ("…, his colleagues said")
  const over = p.heads[role]!;
  const saying = over > pred && p.deprels[role] === 'nsubj';
  if (over !== -1 && !saying) return false;
  const passive = p.deprels.some((d, k) => p.heads[k] === pred && d === 'aux:pass');
  p.heads[pred] = over;
  p.deprels[pred] = over === -1 ? 'root' : 'ccomp';
  // what hung on the role noun after the name (the final stop, a clause after) is the predicate's
  for (let k = last + 1; k < n; k++) if (k !== pred && p.heads[k] === role) p.heads[k] = pred;
  // the name's own head is the role noun's apposed name; its other words stay on it
  for (let k = first; k <= last; k++) {
    if (p.heads[k]! >= first && p.heads[k]! <= last) continue;
    p.heads[k] = role;
    p.deprels[k] = 'flat';
  }
  p.heads[role] = pred;
  p.deprels[role] = passive ? 'nsubj:pass' : 'nsubj';
  return true;
}
