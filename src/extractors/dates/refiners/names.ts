import { firstEndingAfter, tokenAt } from '../../../text/align.js';
import type { Doc, Token } from '../../../text/doc.js';
import { MONTHS, WEEKDAYS } from '../lexicon.js';
import type { Parsed } from '../parsed.js';
import { overlaps } from '../parsed.js';

/**
 * Names are not dates: "Russia Today" and "USA Today" are broadcasters, "May" is a person in
 * "Theresa May", "March" is a verb in "March on the capital". A candidate is dropped when it lies
 * inside a named entity the NER found (other than a date-like MISC), when its first word was
 * tagged a verb or modal, or when a capitalised "Today" follows another capitalised name.
 */


/** Words of dates that English writes in lower case (months, weekdays and time zones are capitalised). */
const COMMON = /^(?:today|tonight|tomorrow|yesterday|this|that|now|last|next|past|current|recent|recently|currently|morning|afternoon|evening|night|early|late|minutes?|hours?|days?|weeks?|weekends?|months?|quarters?|years?|decades?|centuries|century|ago|earlier|later|every|each|daily|weekly|future)$/;

function capitalisedCommonWord(doc: Doc, c: Parsed, first: Token, starts: Set<number>): boolean {
  for (let i = first.i; i < doc.tokens.length && doc.tokens[i]!.start < c.end; i++) {
    const t = doc.tokens[i]!;
    if (/^\p{Lu}\p{Ll}+$/u.test(t.text) && COMMON.test(t.text.toLowerCase()) && !starts.has(i) && !afterOpener(doc, i)) return true;
  }
  return false;
}

function afterOpener(doc: Doc, i: number): boolean {
  const before = doc.tokens[i - 1];
  return before !== undefined && /^[“‘"'`([:—–-]+$/.test(before.text);
}

/** A token that begins like a month or weekday name ("Dec.", "May", "Sat"), or "today". */
const DATE_WORD = new RegExp(`^(?:${[...Object.keys(MONTHS), ...Object.keys(WEEKDAYS)].filter((w) => w.length === 3).join('|')}|today)`, 'i');

/** The name spans (sorted by start) that overlap `c`; names do not nest, so ends are sorted too. */
function namesOverlapping(names: { start: number; end: number }[], c: { start: number; end: number }): { start: number; end: number }[] {
  const out = [];
  for (let i = firstEndingAfter(names, c.start); i < names.length && names[i]!.start < c.end; i++) if (overlaps(names[i]!, c)) out.push(names[i]!);
  return out;
}

/** A candidate that states only this one field ("2018", "May"). */
function isBare(c: Parsed, field: 'year' | 'month'): boolean {
  const keys = Object.entries(c.stated).filter(([, v]) => v !== undefined).map(([k]) => k);
  return keys.length === 1 && keys[0] === field && !c.shift && !c.fixed;
}

/** A year that modifies the noun after it: behind a determiner or "fiscal", or prefixed ("post-2011"). */
const yearAsModifier = (text: string, c: Parsed): boolean =>
  /^fiscal\b/i.test(text.slice(c.start, c.end)) || /(?:\b(?:the|its|their|his|her|our|this|that|fiscal)\s+|\b(?:post|pre|mid)-)$/i.test(text.slice(Math.max(0, c.start - 8), c.start));

export function dropNames(candidates: Parsed[], doc: Doc): Parsed[] {
  const starts = new Set(doc.sentences.map((s) => s.tokenStart));
  const persons = doc.entities.flatMap((e) => (e.type === 'PERSON' ? e.mentions : [])).sort((a, b) => a.start - b.start);
  const names = doc.entities.flatMap((e) => (e.type === 'PERSON' || e.type === 'ORG' ? e.mentions : [])).sort((a, b) => a.start - b.start);
  return candidates.filter((c) => {
    const first = doc.tokens[tokenAt(doc, c.start)];
    if (first && DATE_WORD.test(first.text)) {
      if (first.xpos === 'MD' || first.upos === 'VERB') return false;
    }
    // date words are lower case in running text: a capitalised "Today", "This Week" or "60 Minutes" mid-sentence is a title
    if (first && !c.parser.startsWith('holiday') && capitalisedCommonWord(doc, c, first, starts)) return false;
    const last = tokenAt(doc, c.end - 1);
    const next = last >= 0 ? doc.tokens[last + 1] : undefined;
    // "2018 protesters" counts people, but "the 2016 protests", "fiscal 2017 sales" and "the post-2011 politics" are dated
    if (isBare(c, 'year') && next && (next.xpos === 'NNS' || next.xpos === 'NNPS') && !yearAsModifier(doc.text, c)) return false;
    // "May Chen" is a woman
    // "the annual March for Life", "the March of the Combatant Mothers": a month word that heads a titled name
    if (isBare(c, 'month') && /^\s+(?:for|of|on)\s+(?:the\s+)?\p{Lu}/u.test(doc.text.slice(c.end, c.end + 24)) && /\b(?:the|an?|annual|this year's)\s+$/i.test(doc.text.slice(Math.max(0, c.start - 16), c.start))) return false;
    const inside = namesOverlapping(names, c);
    if (isBare(c, 'month') && next && doc.text.slice(c.end, next.start) === ' ' && inside.length === 0 && namesOverlapping(persons, next).length > 0) return false;
    // a date with digits is a date even inside a name the NER over-extended ("the Aug. 7 terrorist blasts"),
    // and so is a weekday at a name's end ("President Bush on Tuesday"), but not "The Sunday Times"
    if (/\d/.test(doc.text.slice(c.start, c.end))) return true;
    if (c.stated.weekday !== undefined) return !inside.some((n) => n.end > c.end);
    return !inside.some((n) => !(c.start <= n.start && c.end >= n.end));
  });
}
