import { tokenAt } from '../../text/align.js';
import type { EventType, VigilEvent } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';
import type { EntityLinker } from './link.js';
import { identifiedAs } from './one-named-later.js';

/**
 * "A killing was reported last week. The victim was named as NAME": a harm told
 * with no one it befell (a noun with nobody attached, which would be dropped as saying too little)
 * befalls the one "the victim" (or "the deceased") is identified or named as, in its own sentence
 * after it or in the two sentences after ("NAME was identified as the victim" too). Only "the
 * victim" and "the deceased": "the man was identified as A" may be the gunman.
 */

const HARMS = new Set<EventType>(['KILLING', 'ASSAULT', 'TORTURE', 'ABDUCTION', 'DISAPPEARANCE']);
/** Sentences after the harm's own that may name its victim. */
const AFTER = 2;

export function identifiedVictims(tree: Tree, linker: EntityLinker, events: VigilEvent[]): void {
  const doc = tree.doc;
  for (const v of events) {
    if (v.target || !HARMS.has(v.type) || !['asserted', 'reported'].includes(v.modality)) continue;
    const i = tokenAt(doc, v.trigger.start);
    if (i < 0) continue;
    let from = i;
    for (let n = 0; n <= AFTER && from < doc.tokens.length; n++) {
      const { to } = tree.sentenceRange(from);
      const named = identifiedAs(tree, from, to, 'victim', false);
      if (named !== undefined) {
        v.target = linker.link(named, true, i).role;
        break;
      }
      from = to;
    }
  }
}
