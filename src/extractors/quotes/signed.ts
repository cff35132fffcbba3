import type { Entity } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';
import type { Built, MentionIndex, SpeakerFields } from './speaker.js';
import { namesPerson, speakerFields } from './speaker.js';

/**
 * Quotations attributed by layout, not by a verb:
 * - signed: “We were never asked.” ― Tove Lindqvist — readers' letters and collected reactions
 *   put the name after a dash;
 * - labelled: LINDQVIST: We were never asked. — a transcript gives each turn its speaker's name
 *   and a colon, as do some headlines ("Tove Lindqvist: Nobody Asked Us").
 * The dash or the colon is the cue, as PolNeAR's annotators mark it. A label must be a person's
 * name: "Karsland: Free the Students" is a headline about a country, "UPDATE:" is no speaker.
 * A transcript's capitals ("LINDQVIST") count when the report names that person elsewhere or
 * gives that label two turns or more.
 */

const DASH = /^(?:―|—|–|--?)$/;
/** At most this many words in a signature or a label: a name, perhaps with a title. */
const MAX_NAME = 6;
const MIN_WORDS = 3;
/** Capitals that head a paragraph but name nobody: "UPDATE: …", "EDITOR'S NOTE: …". */
const NOT_SPEAKERS = new Set(['update', 'updated', 'note', 'correction', 'clarification', 'breaking', 'watch', 'video', 'photo', 'photos', 'related', 'read', 'more', 'source', 'sources', 'warning', 'exclusive', 'analysis', 'opinion', 'editor', 'background', 'context', 'q', 'a']);

/** For every token, the first and last token of its paragraph: found once, in one sweep. */
function paragraphs(tree: Tree): { first: Int32Array; last: Int32Array } {
  const { text, tokens } = tree.doc;
  const first = new Int32Array(tokens.length);
  const last = new Int32Array(tokens.length);
  const breakBefore = (i: number) => i > 0 && /\n/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
  for (let i = 0; i < tokens.length; i++) first[i] = i > 0 && !breakBefore(i) ? first[i - 1]! : i;
  for (let i = tokens.length - 1; i >= 0; i--) last[i] = i + 1 < tokens.length && !breakBefore(i + 1) ? last[i + 1]! : i;
  return { first, last };
}

/** Whether tokens [first, last] are one person's name, or a label for a person the report names elsewhere or gives turns to. */
function isPersonName(tree: Tree, mentions: MentionIndex, first: number, last: number, known: ReadonlySet<string>): boolean {
  if (last - first + 1 > MAX_NAME) return false;
  const words = tree.doc.tokens.slice(first, last + 1).map((t) => t.text);
  if (!words.every((w) => /^\p{Lu}/u.test(w) || w === '.')) return false;
  const m = mentions.get(last);
  if (m && namesPerson(m)) return true;
  // a headline's "Varan:" that the recogniser, reading title case, did not take for a name
  return words.length <= 3 && known.has(words[words.length - 1]!.toLowerCase());
}

/** A person's last name, lower-cased: what a transcript's label or a headline's calls them. */
const surname = (e: Entity): string => e.name.split(/\s+/).pop()!.toLowerCase();

/** A transcript's turn label at a paragraph's start: "HOLT:", “VARAN: … */
const TURN = /^["“]?(\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,2}):\s/gmu;

/**
 * The words a label may end with, lower-cased: the last word of every person's name in the report
 * ("Varan" for Pol Varan), and the capitals that label two or more of a transcript's turns
 * ("HOLT", though the report may never give the host's full name).
 */
function knownSpeakers(tree: Tree): Set<string> {
  const out = new Set<string>();
  for (const e of tree.doc.entities) if (e.type === 'PERSON') out.add(surname(e));
  const turns = new Map<string, number>();
  for (const m of tree.doc.text.matchAll(TURN)) turns.set(m[1]!, (turns.get(m[1]!) ?? 0) + 1);
  for (const [label, n] of turns) if (n >= 2) out.add(label.split(' ').pop()!.toLowerCase());
  for (const w of NOT_SPEAKERS) out.delete(w);
  return out;
}

/**
 * The speaker of a label: a transcript's "HOLT" is the one person named Holt in the report; the
 * recogniser reads capitals as a place, or as a person of their own.
 */
function labelSpeaker(tree: Tree, mentions: MentionIndex, first: number, last: number): SpeakerFields {
  const fields = speakerFields(tree, mentions, last, first, last);
  const label = tree.doc.tokens[last]!.text;
  const capitals = label === label.toUpperCase();
  if (fields.speaker && !capitals) return fields;
  const people = tree.doc.entities.filter((e) => e.type === 'PERSON' && mentions.isNamed(e) && e.name !== label && surname(e) === label.toLowerCase());
  return people.length === 1 ? { ...fields, speaker: people[0]!.id, speakerText: people[0]!.name, speakerEntity: people[0]!.id } : fields;
}

/**
 * The quotations layout attributes: each direct quotation with no cue of its own that a dash and
 * a name follow gets the dash as its cue and the name as its speaker (`direct`, returned in
 * order); and the labelled turns, each a paragraph (or a quotation opening one) that starts with
 * a person's name and a colon, running to the paragraph's end.
 */
export function layoutQuotes(tree: Tree, mentions: MentionIndex, direct: readonly Built[]): { direct: Built[]; labelled: Built[] } {
  const { doc } = tree;
  const known = knownSpeakers(tree);
  const para = paragraphs(tree);
  const signed = direct.map((q) => {
    const dash = q.last + 1;
    if (q.cue || !DASH.test(doc.tokens[dash]?.text ?? '')) return q;
    let last = dash;
    while (last + 1 <= para.last[dash]! && /^\p{Lu}/u.test(doc.tokens[last + 1]!.text)) last++;
    if (last === dash || !isPersonName(tree, mentions, dash + 1, last, known)) return q;
    return { ...q, ...labelSpeaker(tree, mentions, dash + 1, last), cue: doc.span(doc.tokens[dash]!.start, doc.tokens[dash]!.end) };
  });
  const labelled: Built[] = [];
  for (const [k, t] of doc.tokens.entries()) {
    if (t.text !== ':') continue;
    let first = para.first[k]!;
    while (first < k && /^["“'‘`]+$/.test(doc.tokens[first]!.text)) first++;
    if (first >= k || !isPersonName(tree, mentions, first, k - 1, known)) continue;
    const last = para.last[k]!;
    const words = doc.tokens.slice(k + 1, last + 1).filter((w) => /\p{L}/u.test(w.text)).length;
    if (words < MIN_WORDS) continue;
    labelled.push({
      ...doc.span(doc.tokens[k + 1]!.start, doc.tokens[last]!.end),
      kind: 'direct',
      ...labelSpeaker(tree, mentions, first, k - 1),
      cue: doc.span(t.start, t.end),
      first: k + 1,
      last,
    });
  }
  return { direct: signed, labelled };
}
