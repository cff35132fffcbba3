import { kidsOf as kids, type Parsed } from './interrupted-subject.js';

/**
 * "Ana Lobo is still in Evin Prison": a run of proper nouns parsed as one name, with the subject's
 * words made compounds of the building's name across the copula. A compound never stands apart
 * from its noun on the far side of that noun's "is": the words before the copula are its subject.
 * The last of them becomes the subject and the earlier ones its compounds ("Journalist Ana Lobo").
 */
export function copulaSubject(p: Parsed): boolean {
  let changed = false;
  for (let h = 0; h < p.words.length; h++) {
    const cop = kids(p, h).find((k) => p.deprels[k] === 'cop' && k < h);
    if (cop === undefined || kids(p, h).some((k) => /^nsubj/.test(p.deprels[k]!))) continue;
    const before = kids(p, h).filter((k) => k < cop && p.deprels[k] === 'compound' && (p.upos[k] === 'PROPN' || p.upos[k] === 'NOUN'));
    if (before.length === 0) continue;
    const subject = before[before.length - 1]!;
    p.deprels[subject] = 'nsubj';
    for (const k of before.slice(0, -1)) p.heads[k] = subject;
    changed = true;
  }
  return changed;
}
