import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import { firstEndingAfter } from '../../text/align.js';
import type { Doc } from '../../text/doc.js';
import type { Entity, TextSpan } from '../../text/types.js';
import { entityRewriter } from './rewrite.js';

/**
 * Names that ran into a date are cut back to the name: the recogniser reads "President Bush on
 * Tuesday said" as one PERSON and "Also Friday, the mayor said" as another (TBAQ has both). Once
 * the dates component has found "Tuesday", the mention keeps only its longest stretch outside the
 * date with a capitalised word in it, or goes if none is left. A person's name also loses a title
 * the recogniser took into it ("Mr Navalny"). Entities are then regrouped.
 */

/** Words a name does not start or end with once a date is cut out of it. */
const EDGE_WORDS = /^(?:on|in|at|of|by|since|until|from|to|the|also|and|late|early|last|next|this|'s|’s)$/i;

/**
 * Honorifics and capitalised roles the recogniser took into a person's name: "Mr Navalny",
 * "Sen. Leila de Lima", "Journalist Omar Radi" (a photo caption). The name is the person's, the
 * word before it a title, which the coref component attaches from there as it does "President".
 */
const LEADING_TITLE = /^(?:mr|mrs|ms|mx|dr|sen|gov|rep|gen|col|capt|cpt|prof|rev|sgt|lt|maj|sir|dame|president|journalist|activist|lawyer|judge|senator|governor|minister)\.?$/i;

/** A person's mention without a leading title, when a name of its own is left. */
export function trimTitle(doc: Doc, mention: TextSpan): TextSpan {
  const m = /^(\S+)\s+(?=\p{Lu})/u.exec(mention.text);
  if (!m || !LEADING_TITLE.test(m[1]!)) return mention;
  return doc.span(mention.start + m[0].length, mention.end);
}

/** The mention with the dates cut out, or null when no name is left. */
export function trimMention(doc: Doc, mention: TextSpan, timexes: readonly TextSpan[]): TextSpan | null {
  let i = firstEndingAfter(timexes, mention.start);
  if (i >= timexes.length || timexes[i]!.start >= mention.end) return mention;
  const pieces: [number, number][] = [];
  let from = mention.start;
  for (; i < timexes.length && timexes[i]!.start < mention.end; i++) {
    pieces.push([from, Math.max(from, timexes[i]!.start)]);
    from = Math.max(from, timexes[i]!.end);
  }
  pieces.push([from, mention.end]);
  let best: TextSpan | null = null;
  for (const [a, b] of pieces) {
    const words = [...doc.text.slice(a, b).matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’&-]*/gu)].map((m) => ({ start: a + m.index, end: a + m.index + m[0].length, text: m[0] }));
    while (words.length && EDGE_WORDS.test(words[0]!.text)) words.shift();
    while (words.length && EDGE_WORDS.test(words[words.length - 1]!.text)) words.pop();
    if (!words.some((w) => /^\p{Lu}/u.test(w.text))) continue;
    const span = doc.span(words[0]!.start, words[words.length - 1]!.end);
    if (!best || span.text.length > best.text.length) best = span;
  }
  return best;
}

export function trimDatesFromEntities(doc: Doc): Entity[] {
  const timexes = [...doc.timexes].sort((a, b) => a.start - b.start);
  const byKey = new Map<string, Entity>();
  const out: Entity[] = [];
  const mentions = doc.entities.flatMap((e) => e.mentions.map((m) => ({ entity: e, mention: m }))).sort((a, b) => a.mention.start - b.mention.start);
  for (const { entity, mention } of mentions) {
    const trimmed = trimMention(doc, mention, timexes);
    if (!trimmed) continue;
    const kept = entity.type === 'PERSON' ? trimTitle(doc, trimmed) : trimmed;
    const key = `${entity.type}\t${kept.text}`;
    let target = byKey.get(key);
    if (!target) {
      target = { ...entity, id: `e${out.length + 1}`, name: kept.text, mentions: [] };
      byKey.set(key, target);
      out.push(target);
    }
    target.mentions.push(kept);
  }
  return out;
}

export const createEntityDateTrim = (): Component => entityRewriter('entity-date-trim', ['entities', 'timexes'], trimDatesFromEntities);

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    'entity-date-trim': Record<string, never>;
  }
}

registry.register('entity-date-trim', () => createEntityDateTrim());
