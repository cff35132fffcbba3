import type { Tree } from '../syntax/tree.js';
import { cueStart } from './cues.js';
import type { Built, MentionIndex } from './speaker.js';
import { speakerRange, verbSpeaker } from './speaker.js';

/**
 * Calls: "Amnesty called for the immediate release of Ode Marsh", "the UN called on Karsland to
 * free him". What is called for is the statement a monitor files, though no clause reports it:
 * the cue is the verb with its "for" or "on", the content what follows — the object, and the
 * infinitive a "called on" goes on with. PolNeAR's annotators marked calls as attributions about
 * a hundred times in its training split, cue and preposition together ("called for").
 */

const CALL_PREPOSITIONS = new Set(['for', 'on']);
/** What a naming call may say someone or something is: "called him a liar", "called it unacceptable". */
const PREDICATIVE = new Set(['NOUN', 'ADJ', 'PROPN']);
const MIN_WORDS = 2;

export function callQuotes(tree: Tree, mentions: MentionIndex, quoted: (i: number) => boolean): Built[] {
  const doc = tree.doc;
  const out: Built[] = [];
  for (let v = 0; v < doc.tokens.length; v++) {
    if (tree.token(v).upos !== 'VERB' || tree.lemma(v) !== 'call' || quoted(v)) continue;
    // "called again for": an adverb may stand between the verb and its preposition
    let p = v + 1;
    while (p < doc.tokens.length && tree.token(p).upos === 'ADV' && tree.head(p) === v) p++;
    if (!CALL_PREPOSITIONS.has(doc.tokens[p]?.text.toLowerCase() ?? '')) continue;
    const object = tree.head(p);
    if (object <= p || tree.head(object) !== v) continue;
    const range = speakerRange(tree, object, (i) => i === v || i <= p);
    // "called on Karsland to free him": the infinitive the call goes on with, right after the object
    const next = tree.kids(v, 'xcomp', 'ccomp', 'advcl').find((k) => k > range.last);
    const nextRange = next === undefined ? undefined : speakerRange(tree, next, (i) => i === v);
    const last = nextRange && nextRange.first <= range.last + 1 ? nextRange.last : range.last;
    const first = p + 1;
    const words = [];
    for (let i = first; i <= last; i++) if (tree.token(i).upos !== 'PUNCT') words.push(i);
    if (words.length < MIN_WORDS) continue;
    // "has called for": the auxiliaries are the cue's, as for any cue verb
    const cue = { first: cueStart(tree, v), last: p };
    out.push({
      ...doc.span(doc.tokens[first]!.start, doc.tokens[last]!.end),
      kind: words.some(quoted) ? 'mixed' : 'indirect',
      ...verbSpeaker(tree, mentions, v, cue, { first, last }),
      cue: doc.span(doc.tokens[cue.first]!.start, doc.tokens[cue.last]!.end),
      first,
      last,
    });
  }
  return out;
}

/**
 * Naming: "Ode Marsh called the verdict a travesty", "the minister called him “a foreign agent”".
 * What someone is called is the speaker's statement about them; PolNeAR's annotators take the
 * object and what it is called together as the content, "called" as the cue. The object must be
 * followed by what it is called (xcomp): "called the police" and "a group called Velmora Watch"
 * name nobody's statement.
 */
export function namingQuotes(tree: Tree, mentions: MentionIndex, quoted: (i: number) => boolean): Built[] {
  const doc = tree.doc;
  const out: Built[] = [];
  for (let v = 0; v < doc.tokens.length; v++) {
    if (tree.token(v).upos !== 'VERB' || tree.lemma(v) !== 'call' || quoted(v) || tree.isPassive(v)) continue;
    const object = tree.kids(v, 'obj', 'iobj', 'obl:unmarked').find((k) => k > v);
    // a quoted name may parse as a clause of its own: called the holiday “a feast that unites us”
    const what = tree.kids(v, 'xcomp', 'ccomp').find((k) => object !== undefined && k > object && (PREDICATIVE.has(tree.token(k).upos ?? '') || quoted(k)));
    if (object === undefined || what === undefined) continue;
    const first = speakerRange(tree, object, (i) => i <= v).first;
    // "called him a master at hiding money": what follows the name on the verb belongs to it
    const after = tree.kids(v, 'advcl', 'obl', 'nmod').filter((k) => k > what);
    const last = Math.max(...[what, ...after].map((k) => speakerRange(tree, k, (i) => i <= v).last));
    const cue = { first: cueStart(tree, v), last: v };
    let mixed = false;
    for (let i = first; i <= last && !mixed; i++) mixed = quoted(i);
    out.push({
      ...doc.span(doc.tokens[first]!.start, doc.tokens[last]!.end),
      kind: mixed ? 'mixed' : 'indirect',
      ...verbSpeaker(tree, mentions, v, cue, { first, last }),
      cue: doc.span(doc.tokens[cue.first]!.start, doc.tokens[cue.last]!.end),
      first,
      last,
    });
  }
  return out;
}
