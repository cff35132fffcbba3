import { tokenAt, tokenIndexAfter } from '../../text/align.js';
import type { VigilEvent } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';
import { CUSTODY_PLACES } from './ended.js';

/** Words that turn a sentence against what it told first: "…, but she remains in custody". */
const CONTRAST = new Set(['but', 'yet', 'however', 'although', 'though', 'nevertheless']);
/** Words telling a custody goes on: "remains in prison", "is still being held", "continues to be detained". */
const GOING_ON = new Set(['remain', 'still', 'stay', 'languish', 'continue']);

/** Whether the words of a custody mention, or the few before it, say it goes on ("remains in custody", "still being held"). */
function goesOn(tree: Tree, start: number, end: number): boolean {
  const first = tokenAt(tree.doc, start);
  if (first < 0) return false;
  const { from } = tree.sentenceRange(first);
  for (let k = Math.max(from, first - 3); k < tree.doc.tokens.length && tree.token(k).start < end; k++) if (GOING_ON.has(tree.lemma(k).toLowerCase())) return true;
  return false;
}

/**
 * A release the same sentence then contradicts with the person still held: "the court ordered the
 * release of X, but he remains in custody", "a judge ordered that X be released, yet she is still
 * being held", "was released from solitary confinement but remains in prison", "was granted bail but
 * has not been released", "…, but prison officials refused to free him". Whatever was
 * ordered or eased, the person did not go free: the release is read as not done. Not a release
 * followed by a new custody ("released on bail but rearrested at the gate"), which is a release and
 * then an arrest, nor a custody going on told before the release ("remained in custody until she
 * was freed on Monday").
 */
export function releasesStillHeld(tree: Tree, events: VigilEvent[]): VigilEvent[] {
  // the events that befall each person: a release reads its person's, not every event of the report
  const about = new Map<string, VigilEvent[]>();
  for (const u of events) {
    if (!u.target?.entity) continue;
    const list = about.get(u.target.entity);
    if (list) list.push(u);
    else about.set(u.target.entity, [u]);
  }
  return events.map((v) => {
    if (v.type !== 'RELEASE' || v.modality !== 'asserted' || !v.target?.entity) return v;
    // told later in the sentence, past a contrast word
    const after = (m: { start: number }): boolean => m.start > v.trigger.end && tree.doc.sentenceAt(m.start) === v.sentence && contrastBetween(tree, v.trigger.end, m.start);
    const held = (about.get(v.target.entity) ?? []).some(
      (u) =>
        u.target?.entity === v.target!.entity &&
        // "…, but he remains in custody"; or the release itself then denied: "…, but officials refused to free him", "but has not been released"
        ((u.type === 'ARREST' && u.modality === 'asserted' && [u.trigger, ...(u.mentions ?? [])].some((m) => after(m) && goesOn(tree, m.start, m.end))) ||
          (u.type === 'RELEASE' && u.modality === 'negated' && (after(u.trigger) || deniedNext(tree, v, u)))),
    );
    return held ? { ...v, modality: 'negated' } : v;
  });
}

/** Words opening a sentence that turns against the one before: "Instead of being freed, he …", "But he was never let go". */
const TURNING = new Set([...CONTRAST, 'instead']);

/**
 * "X was ordered released by a court on Monday. Instead of being freed, he disappeared": the
 * release denied in the next sentence, which opens on a contrast.
 */
function deniedNext(tree: Tree, v: VigilEvent, u: VigilEvent): boolean {
  const next = tree.doc.sentences[v.sentence + 1];
  if (u.sentence !== v.sentence + 1 || next === undefined || !TURNING.has(tree.lemma(next.tokenStart).toLowerCase())) return false;
  // a freedom from something else denied is no custody going on: "However, he was not freed from the travel ban"
  const k = tokenAt(tree.doc, u.trigger.start);
  return k >= 0 && !tree.kids(k, 'obl', 'obj', 'nmod').some((o) => ['from', 'of'].includes(tree.caseOf(o) ?? '') && !CUSTODY_PLACES.has(tree.lemma(o).toLowerCase()));
}


/** Whether a contrast word stands between two offsets of one sentence. */
export function contrastBetween(tree: Tree, from: number, to: number): boolean {
  const tokens = tree.doc.tokens;
  // the tokens wholly between: found by binary search, not a scan of the report's tokens
  for (let k = tokenIndexAfter(tokens, from); k < tokens.length && tokens[k]!.start < to; k++) {
    const t = tokens[k]!;
    if (t.start >= from && t.end <= to && CONTRAST.has(tree.lemma(k).toLowerCase())) return true;
  }
  return false;
}
