import { tokenAt } from '../../text/align.js';
import type { VigilEvent } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';

/**
 * Custody told with a span of time that is over: "police detained the journalist for three weeks",
 * "she was held for eight hours". A detention or abduction in the simple past that lasted a
 * stated while has ended: the person was let go, and the report says so by the span. The release
 * is added as an event of its own, its trigger the words of the span and its date the custody's
 * (a status reads it right after the custody), unless the sentence already tells one. Not "has been held for three weeks" (still held), "had been held for a month before
 * his trial" (background), "is being held", "will be held", nor a span without a number ("held for
 * questioning").
 */

const UNITS = new Set(['hour', 'day', 'week', 'month', 'year', 'night']);
const CUSTODY = new Set(['ARREST', 'ABDUCTION']);
const STILL = new Set(['have', 'has', 'had', 'will', 'would', 'is', 'are', 'am', 'being', "'s", '’s']);

/** The "for N days" phrase on the trigger, as its first and last token. */
function spanOver(tree: Tree, i: number): { first: number; last: number } | undefined {
  // the parser may hang the span on the object: "detained the journalist for three weeks"
  const spans = [...tree.kids(i, 'obl'), ...tree.kids(i, 'obj').flatMap((o) => tree.kids(o, 'nmod'))];
  for (const d of spans) {
    const f = tree.kids(d, 'case').find((k) => tree.lemma(k) === 'for');
    if (f === undefined || !UNITS.has(tree.lemma(d))) continue;
    if (!tree.kids(d, 'nummod').length && !tree.kids(d, 'amod', 'det').some((k) => ['several', 'few', 'two', 'three'].includes(tree.lemma(k)))) continue;
    return { first: f, last: d };
  }
  return undefined;
}

export function endedCustody(tree: Tree, events: VigilEvent[]): VigilEvent[] {
  const doc = tree.doc;
  const added: VigilEvent[] = [];
  for (const v of events) {
    if (!CUSTODY.has(v.type) || !v.target?.entity || (v.modality !== 'asserted' && v.modality !== 'reported')) continue;
    const i = tokenAt(doc, v.trigger.start);
    const t = tree.token(i);
    if (t.upos !== 'VERB' || !['VBD', 'VBN'].includes(t.xpos ?? '')) continue;
    if (tree.kids(i, 'aux', 'aux:pass').some((a) => STILL.has(tree.token(a).text.toLowerCase()) || STILL.has(tree.lemma(a)))) continue;
    const over = spanOver(tree, i);
    if (!over) continue;
    const told = [...events, ...added].some((u) => u.type === 'RELEASE' && u.sentence === v.sentence && u.target?.entity === v.target!.entity);
    if (told) continue;
    const start = doc.tokens[over.first]!.start;
    const end = doc.tokens[over.last]!.end;
    added.push({ ...v, id: '', type: 'RELEASE', trigger: doc.span(start, end), agent: null, principal: null, place: null, origin: null, destination: null, date: v.date, heldAt: null, whereaboutsUnknown: null, mentions: undefined, confidence: 0.5 } as VigilEvent);
  }
  return added.length ? [...events, ...added].sort((a, b) => a.trigger.start - b.trigger.start) : events;
}
