import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import { tokenIndexAfter } from '../../text/align.js';
import type { Doc, Token } from '../../text/doc.js';
import type { Entity, Mention, TextSpan } from '../../text/types.js';
import { loadPosModel } from '../syntax/index.js';
import { entityRewriter, numberByFirstMention } from './rewrite.js';

/**
 * In a headline written in Title Case every word is capitalised, and the recogniser, which reads
 * capitals as names, runs names into the words beside them: "Joran Aldemir Arrested for Inciting
 * Public", "Minister Urges Action in Mara Teller Murder Case", "Men Who Killed Ivo Brenn Face Hate
 * Crime Charges". There, a word the tagger's training knows
 * only as a common word ("arrested", "murder", "face") is cut from the end of a name, and one it
 * knows only as a function word or a verb ("a", "this", "says") from its start. What is left
 * stays a name only if the report's body names it too, with the same type ("Joran Aldemir" in "the
 * army arrested the actor Joran Aldemir"); "Inciting Public" is named nowhere else.
 */

/** Tag classes of words that may still be part of a name at its start ("Will", "May", "Rose"). */
const NAME_CAPABLE = /\b(?:PROPN|NOUN|ADJ|AUX|NUM|X)\b/;

/**
 * A line in Title Case: hardly a long word in lower case, and at least two capitalised words that
 * are common words, not names ("Arrested", "Says", "Murder"). "Daniel Brask met Mrs. Anouk
 * Veller in Tarvona on Monday." is all names, and no headline.
 */
function isTitleCase(words: readonly string[], tagsOf: (w: string) => string | undefined): boolean {
  const long = words.filter((w) => /^\p{L}{4,}$/u.test(w));
  const lower = long.filter((w) => /^\p{Ll}/u.test(w)).length;
  const common = long.filter((w, i) => i > 0 && /^\p{Lu}/u.test(w) && tagsOf(w) !== undefined && !tagsOf(w)!.includes('PROPN')).length;
  return long.length >= 3 && lower <= 1 && common >= 2;
}

/**
 * Words in title case, as a film's or a book's title in quotation marks is written ("Father Sold
 * The House"): every word of four letters or more capitalised, and at least two of them.
 */
export function capitalisedThroughout(text: string): boolean {
  const long = text.match(/\p{L}{4,}/gu) ?? [];
  return long.length >= 2 && long.every((w) => /^\p{Lu}/u.test(w));
}

/** The tags a word took in the tagger's training ("VERB", "NOUN|PROPN"), if it was seen often enough. */
export function trainingTags(): (word: string) => string | undefined {
  const ambiguity = loadPosModel().header.ambiguity as Record<string, string | undefined>;
  return (word) => ambiguity[word.toLowerCase()];
}

/** A word the tagger's training knows only as a common word ("Freed", "Says"): no part of a name, capitals or not. */
export const onlyCommon = (tagsOf: (word: string) => string | undefined, word: string): boolean => tagsOf(word) !== undefined && !tagsOf(word)!.includes('PROPN');

/** Per sentence: is it a line in Title Case (a headline)? */
export function titleCaseSentences(doc: Doc, tagsOf = trainingTags()): boolean[] {
  return doc.sentences.map((s) => isTitleCase(doc.tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text), tagsOf));
}

/** The tokens wholly inside a span, found by binary search: a filter of every token per headline mention was quadratic in a long report of many headlines. */
export function tokensWithin(doc: Doc, span: { start: number; end: number }): Token[] {
  const out: Token[] = [];
  for (let k = tokenIndexAfter(doc.tokens, span.start); k < doc.tokens.length && doc.tokens[k]!.start < span.end; k++) {
    const t = doc.tokens[k]!;
    if (t.start >= span.start && t.end <= span.end) out.push(t);
  }
  return out;
}

export function trimHeadlineEntities(doc: Doc): Entity[] {
  const tagsOf = trainingTags();
  const headline = titleCaseSentences(doc, tagsOf);
  // the words of the body's names, by type: what a headline name must be found among
  const bodyWords = new Set<string>();
  for (const e of doc.entities) for (const m of e.mentions) if (!headline[doc.sentenceAt(m.start)]) for (const w of m.text.split(/\s+/)) bodyWords.add(`${e.type}\t${w}`);
  const hasBody = headline.some((h) => !h);
  let changed = false;
  const trim = (type: string, m: Mention): Mention | null => {
    if (!headline[doc.sentenceAt(m.start)]) return m;
    const tokens = tokensWithin(doc, m);
    let first = 0;
    let last = tokens.length - 1;
    while (first <= last && tokens[first]!.upos !== 'PROPN' && tagsOf(tokens[first]!.text) !== undefined && !NAME_CAPABLE.test(tagsOf(tokens[first]!.text)!)) first++;
    while (last >= first && onlyCommon(tagsOf, tokens[last]!.text)) last--;
    if (hasBody && (first > last || !bodyWords.has(`${type}\t${tokens[last]!.text}`))) first = last + 1;
    if (first === 0 && last === tokens.length - 1) return m;
    changed = true;
    return first > last ? null : { ...doc.span(tokens[first]!.start, tokens[last]!.end), ...(m.kind ? { kind: m.kind } : {}) };
  };
  const kept: { e: Entity; m: Mention }[] = [];
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      const t = trim(e.type, m);
      if (t) kept.push({ e, m: t });
    }
  }
  // a name the body gives is that name wherever its words recur in a headline, whatever the
  // recogniser made of them there: "Joran Aldemir Arrested …" read as MISC "Joran" and PER "Aldemir Arrested"
  const bodyNames = kept.filter((k) => !headline[doc.sentenceAt(k.m.start)] && k.m.text.includes(' ')).sort((a, b) => b.m.text.length - a.m.text.length);
  const starts = new Set(doc.tokens.map((t) => t.start));
  const ends = new Set(doc.tokens.map((t) => t.end));
  doc.sentences.forEach((sent, s) => {
    if (!headline[s] || bodyNames.length === 0) return;
    // searched within the headline's own text: a long report has many names and many headlines
    const line = doc.text.slice(sent.start, sent.end);
    // longest names first; a shorter one inside a longer one already placed is part of it
    const placed: TextSpan[] = [];
    for (const { e, m } of bodyNames) {
      for (let found = line.indexOf(m.text); found >= 0; found = line.indexOf(m.text, found + 1)) {
        const at = sent.start + found;
        const end = at + m.text.length;
        if (!starts.has(at) || !ends.has(end) || placed.some((p) => p.start < end && at < p.end)) continue;
        placed.push({ start: at, end, text: m.text });
        for (let i = kept.length - 1; i >= 0; i--) if (kept[i]!.m.start < end && at < kept[i]!.m.end) kept.splice(i, 1);
        kept.push({ e, m: doc.span(at, end) });
        changed = true;
      }
    }
  });
  const byKey = new Map<string, Entity>();
  for (const { e, m } of kept.sort((a, b) => a.m.start - b.m.start)) {
    const key = `${e.type}\t${m.text}`;
    const target = byKey.get(key) ?? { ...e, name: m.text, mentions: [] };
    byKey.set(key, target);
    target.mentions.push(m);
    if (m.text.length > target.name.length) target.name = m.text;
  }
  return changed ? numberByFirstMention([...byKey.values()]) : doc.entities;
}

export const createHeadlineTrim = (): Component => entityRewriter('entity-headline-trim', ['tokens', 'sentences', 'tags', 'entities'], trimHeadlineEntities);

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    'entity-headline-trim': Record<string, never>;
  }
}

registry.register('entity-headline-trim', () => createHeadlineTrim());
