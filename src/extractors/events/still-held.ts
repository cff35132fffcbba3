import { tokenAt, tokenIndexAfter } from '../../text/align.js';
import type { VigilEvent } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';
import { CUSTODY_PLACES } from './ended.js';

/** Words that turn a sentence against what it told first: "…, but she remains in custody". */
const CONTRAST = new Set(['but', 'yet', 'however', 'although', 'though', 'nevertheless']);
/** Words telling a custody goes on: "remains in prison", "is still being held", "continues to be detained" ("remains" too: the tagger reads it as a noun after "but"). */
const GOING_ON = new Set(['remain', 'remains', 'still', 'stay', 'languish', 'continue']);

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
    return held || heldOnAfterContrast(tree, v) || defiedOrder(tree, v) ? { ...v, modality: 'negated' } : v;
  });
}

/** Participles of custody right after a going-on word: "remains held", "is still detained". */
const HELD_WORDS = new Set(['held', 'detained', 'jailed', 'imprisoned', 'incarcerated', 'locked']);
/** Places of custody after "in", "at" or "behind": "remains in prison", "still behind bars". */
const CUSTODY_NOUNS = new Set(['custody', 'detention', 'prison', 'jail', 'bars', 'cell', 'remand']);
/** What may stand between a contrast and its going-on word when the clause keeps the released person as its subject. */
const SAME_SUBJECT = new Set(['he', 'she', 'they', 'is', 'was', 'are', 'were', 'has', 'have', 'been', 'had']);

/**
 * "was acquitted on one count but remains held at Kyaik Pa prison", where no custody event was
 * read: the clause a contrast opens right after the release, with the released person still its
 * subject (no new name or noun before the verb), says the custody goes on: a going-on word, then
 * "held" or "detained", or "in", "at" or "behind" and a place of custody. Not "but still faces
 * prison", "remains under a travel ban", "remains in prison-like conditions", "is still recovering
 * from her detention".
 */
function heldOnAfterContrast(tree: Tree, v: VigilEvent): boolean {
  const k = tokenAt(tree.doc, v.trigger.start);
  if (k < 0) return false;
  const { to } = tree.sentenceRange(k);
  const contrast = contrastAfter(tree, k, to);
  if (contrast < 0) return false;
  let j = contrast + 1;
  while (j < to && SAME_SUBJECT.has(tree.token(j).text.toLowerCase())) j++;
  if (j >= to || !GOING_ON.has(tree.lemma(j).toLowerCase())) return false;
  // "remains still held", "is still being held"
  let n = j + 1;
  while (n < to && ['still', 'being', 'been'].includes(tree.token(n).text.toLowerCase())) n++;
  const word = (x: number) => tree.token(x)?.text.toLowerCase() ?? '';
  if (HELD_WORDS.has(word(n))) return true;
  if (!['in', 'at', 'behind'].includes(word(n))) return false;
  // the place within three words, and not a likeness of one ("prison-like")
  for (let d = 1; d <= 3 && n + d < to; d++) if (CUSTODY_NOUNS.has(tree.lemma(n + d).toLowerCase()) && word(n + d + 1) !== '-' && !/-like$/.test(word(n + d))) return true;
  return false;
}

/** Verbs a release is ordered or granted by: "ordered her release", "granted him bail", "directed that he be released". */
const ORDERING = new Set(['order', 'grant', 'direct', 'rule']);
/** What is done to an order that is not obeyed, when denied: "did not carry out the order", "never implemented it", "was never let out". */
const CARRY_OUT = new Set(['carry', 'implement', 'execute', 'enforce', 'comply', 'honour', 'honor', 'obey', 'respect', 'heed', 'let', 'free', 'release']);
/** Verbs that set an order aside: "the court-ordered release of X ignored", "police defied the order". */
const DEFYING = new Set(['ignore', 'defy', 'flout', 'disregard']);
/** Who appeals against a release and so holds it up: "the prosecution appealed the same day". */
const STATE_SIDE = new Set(['prosecution', 'prosecutor', 'prosecutors', 'state', 'police', 'government', 'ministry', 'attorney']);
const NEGATING = new Set(['not', "n't", 'never', 'no']);
/** Words that tell a person freed after all, or an appeal that failed: "she was freed on 10 March", "the appeal was rejected", "remains free" (a verb or adjective: "the release was suspended" frees no one). */
const FREED_AFTER_ALL = new Set(['free', 'release', 'walk', 'discharge', 'home', 'reject', 'dismiss', 'fail', 'uphold', 'overturn', 'already']);
/** Places whose leaving is the release: "has not left the prison". */
const LEFT_PLACES = new Set(['prison', 'jail', 'cell', 'custody', 'detention', 'facility', 'centre', 'center']);

/**
 * A release a court ordered that was not carried out: "On 15 January the court ordered his release
 * on bail, but police did not carry out the order", "ordered her provisional release, but the
 * prosecution appealed the same day and she was never let out", "… ordered her release. The
 * prosecution appealed that decision within hours, and she has not left the prison", a headline's
 * "court-ordered release of X ignored". Read in the rest of the sentence past a contrast word, or
 * in the next sentence. Not when the rest of the sentence or the next one frees the person after
 * all or turns the appeal down ("The prosecution appealed, but she was freed pending the appeal",
 * "the appeal was rejected"), nor an appeal not made ("The prosecution did not appeal"), nor a
 * denial with "until" ("did not let her go until two days later"), nor a place left that is no
 * custody ("would not leave the country").
 */
function defiedOrder(tree: Tree, v: VigilEvent): boolean {
  const k = tokenAt(tree.doc, v.trigger.start);
  if (k < 0) return false;
  const h = tree.head(k);
  const up = h >= 0 ? [h, tree.head(h)].filter((x) => x >= 0) : [];
  const ordered = up.some((h) => ORDERING.has(tree.lemma(h))) || /\border/i.test(tree.doc.text.slice(Math.max(0, v.trigger.start - 14), v.trigger.start));
  if (!ordered) return false;
  const { to } = tree.sentenceRange(k);
  const after: number[] = [];
  for (let j = k + 1; j < to; j++) after.push(j);
  // an order set aside: a headline's "court-ordered release of X ignored", "…, which police ignored" (not "ignoring the objections")
  if (up.some((h) => DEFYING.has(tree.lemma(h))) || after.some((j) => DEFYING.has(tree.lemma(j)) && ['VBN', 'VBD'].includes(tree.token(j).xpos ?? ''))) return true;
  const contrast = contrastAfter(tree, k, to);
  const window: number[] = contrast >= 0 ? after.slice(contrast - k) : [];
  const next = tree.doc.sentences[v.sentence + 1];
  if (next) for (let j = next.tokenStart; j < next.tokenEnd; j++) window.push(j);
  if (!window.length) return false;
  const word = (j: number) => tree.token(j).text.toLowerCase();
  const negatedNear = (j: number) => [1, 2, 3].some((d) => j - d > k && NEGATING.has(word(j - d)));
  // freed after all, or the appeal turned down, anywhere after the order up to the window's end
  // (from past the release's own words: "ordered his release on bail")
  const last = window[window.length - 1]!;
  const own = tokenAt(tree.doc, Math.max(v.trigger.start, v.trigger.end - 1));
  const freeing = (j: number) => (FREED_AFTER_ALL.has(tree.lemma(j).toLowerCase()) || FREED_AFTER_ALL.has(word(j))) && (['VERB', 'ADJ', 'ADV'].includes(tree.token(j).upos ?? '') || word(j) === 'home');
  for (let j = Math.max(k, own) + 1; j <= last; j++) if (freeing(j) && !negatedNear(j)) return false;
  const until = (j: number) => window.some((w) => w > j && w - j <= 8 && ['until', 'till'].includes(word(w)));
  return window.some((j) => {
    const lemma = tree.lemma(j).toLowerCase();
    if (tree.token(j).upos !== 'VERB') return false;
    // (not a condition the order sets: "granted her bail, but ordered her not to leave the country")
    if (word(j - 1) === 'to') return false;
    if (CARRY_OUT.has(lemma)) return negatedNear(j) && !until(j);
    // "has not left the Manouba women's prison": a custody not left (not "would not leave the country")
    if (lemma === 'leave') return negatedNear(j) && !until(j) && window.some((w) => w > j && w - j <= 5 && LEFT_PLACES.has(tree.lemma(w).toLowerCase()));
    // "the prosecution appealed the same day": an appeal made by the state's side (not "did not appeal")
    return lemma === 'appeal' && !negatedNear(j) && window.some((w) => w < j && j - w <= 3 && STATE_SIDE.has(tree.lemma(w).toLowerCase()));
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


/** The first contrast word after token `k` and before `to` (its sentence's end), or -1. */
function contrastAfter(tree: Tree, k: number, to: number): number {
  for (let j = k + 1; j < to; j++) if (CONTRAST.has(tree.lemma(j).toLowerCase())) return j;
  return -1;
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
