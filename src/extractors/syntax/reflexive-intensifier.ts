import { kidsOf, type Parsed } from './interrupted-subject.js';

/**
 * "X was himself shot and wounded": a reflexive between the auxiliary and the verb stresses the
 * subject; it is not a second subject. Parsed as one, it stands for X in the verb's roles and the
 * event may go to the pronoun. When the verb has another subject, the reflexive is its modifier.
 */
export function reflexiveIntensifier(p: Parsed): boolean {
  let changed = false;
  for (let k = 0; k < p.words.length; k++) {
    if (!REFLEXIVES.has(p.words[k]!.toLowerCase()) || !/^nsubj/.test(p.deprels[k] ?? '')) continue;
    const h = p.heads[k]!;
    if (h <= k) continue;
    if (!kidsOf(p, h).some((j) => j !== k && /^nsubj/.test(p.deprels[j] ?? ''))) continue;
    p.deprels[k] = 'advmod';
    changed = true;
  }
  return changed;
}

const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'itself']);
