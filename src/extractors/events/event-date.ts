import { tokenAt } from '../../text/align.js';
import type { DatePrecision, EventDate, Timex } from '../../text/types.js';
import type { Lexicon } from './lexicon.js';
import type { Tree } from '../syntax/tree.js';
import type { Trigger } from './triggers.js';

/**
 * An event's date: the timex whose governor (from the dates component, through the parse) is the
 * trigger, the verb a nominal trigger depends on, or a clause the trigger completes ("detained
 * on Dec. 7 while attempting to seek asylum": the asylum attempt is Dec. 7 too). A date never
 * crosses a speech verb: in "his wife said Tuesday that he was deported", Tuesday dates the
 * saying, not the deportation. Only calendar values make event dates; "now" and durations do not.
 */

const CALENDAR = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T.*)?$/;

/** What is done to a ruling already passed: its day is not the ruling's. */
const APPEALED = new Set(['appeal', 'challenge', 'contest']);

export function eventDateOf(timex: Timex): EventDate | null {
  // "released three days later": the duration reaches a date from the one told before
  if (timex.type === 'DURATION' && timex.pointsTo) return eventDateOf({ ...timex, type: 'DATE', value: timex.pointsTo, stated: [], anchor: 'previous', pointsTo: undefined });
  if (timex.type !== 'DATE' && timex.type !== 'TIME') return null;
  const m = CALENDAR.exec(timex.value);
  if (!m) return null;
  const precision: DatePrecision = m[3] ? 'day' : m[2] ? 'month' : 'year';
  const value = m[3] ? `${m[1]}-${m[2]}-${m[3]}` : m[2] ? `${m[1]}-${m[2]}` : m[1]!;
  const date: EventDate = { value, precision, text: timex.text };
  // "Dec. 7" states its day: the event date is stated even though its year came from publication;
  // "Wednesday" names a weekday, and which day that is comes from the publication date
  const finest = precision === 'day' ? 'day' : precision === 'month' ? 'month' : 'year';
  if (timex.stated?.includes(finest)) date.anchor = 'stated';
  else if (timex.anchor) date.anchor = timex.anchor;
  return date;
}

/**
 * A date in a dateline: after the place (in capitals, or capitalised) and a comma that open the
 * sentence, and before the dash that ends the dateline ("KAMPALA, Tuesday —", "Orsk-Dal, 3 May
 * (Meridian Wire) -"). It is when the report was filed, not when anything it tells happened.
 */
export function inDateline(text: string, sentenceStart: number, t: { start: number; end: number }): boolean {
  const before = text.slice(sentenceStart, t.start);
  // the place, with its country or agency if given: "ORSK-DAL, Orskland, ", "ORSK-DAL (Meridian Wire), "
  if (before.length > 60 || !/^\p{Lu}[\p{L}\p{M} .'’-]*(?:,\s*\p{Lu}[\p{L}\p{M} .'’-]*)?(?:\s*\([^)]{1,40}\))?,\s*$/u.test(before)) return false;
  return /^\s*(?:\([^)]{1,40}\)\s*)?(?:[—–-]|:\s)/u.test(text.slice(t.end, t.end + 48));
}

/**
 * Verbs of keeping someone somewhere for a while: "held overnight", "kept overnight at the station",
 * "spent the night" says how long the custody lasted, not the night before the report.
 */
const LASTING = new Set(['hold', 'keep', 'detain', 'spend', 'stay', 'remain', 'lock', 'jail']);
/** A timex that, with such a verb, is a stretch of time and no date. */
const STRETCH = new Set(['overnight']);

/**
 * Whether an unnegated "until" and a later step of the case stand between a governor (ending at
 * `from`) and its timex (at `to`): "released until the next session of his trial in March" (not
 * "held until 9 May, when he was freed", nor "released on bail pending appeal on Tuesday").
 */
function pastUntil(doc: Tree['doc'], from: number, to: number): boolean {
  const between = doc.text.slice(from, to);
  const until = /\buntil\b[^.;]*\b(?:trial|hearing|session|appeal|verdict|sentencing)\b/i.exec(between);
  if (!until) return false;
  const sentence = doc.sentences[doc.sentenceAt(from)];
  const before = doc.text.slice(sentence?.start ?? 0, from + until.index);
  return !/\b(?:not|never|no)\b|n['’]t\b/i.test(before);
}

/** Prepositions by which an event noun is the point its clause's time is reckoned from. */
export const RECKONED_FROM: ReadonlySet<string> = new Set(['after', 'since', 'following', 'before']);

export class EventDater {
  /** The most precise calendar date of each governor, by its token index. */
  private readonly byGovernor = new Map<number, EventDate>();

  constructor(
    private readonly tree: Tree,
    private readonly lexicon: Lexicon,
  ) {
    // the most precise date of the clause wins: "on Dec. 7, 2018" over "in 2018". A dateline says
    // when the report was filed: it yields to a date of the clause as precise ("ORSK-DAL, Tuesday —
    // Police detained X on Monday"), not to a vaguer one ("for the second time this year")
    const rank = { day: 6, month: 4, year: 2 };
    const ranked = new Map<number, number>();
    for (const t of tree.doc.timexes) {
      const date = t.governor ? eventDateOf(t) : null;
      const g = date ? tokenAt(tree.doc, t.governor!.start) : -1;
      if (!date || g < 0) continue;
      if (STRETCH.has(t.text.toLowerCase()) && LASTING.has(tree.lemma(g))) continue;
      // "released until the next session of his trial in March": a date past "until" is when something
      // else is due (but "not convicted until 2014", "did not contact him until 25 December" tell when)
      if (t.start > t.governor!.end && pastUntil(tree.doc, t.governor!.end, t.start)) continue;
      const r = rank[date.precision] - (inDateline(tree.doc.text, tree.doc.sentences[tree.doc.sentenceAt(t.start)]?.start ?? 0, t) ? 1 : 0);
      if (r <= (ranked.get(g) ?? 0)) continue;
      ranked.set(g, r);
      this.byGovernor.set(g, date);
    }
  }

  at(i: number): EventDate | null {
    return this.byGovernor.get(i) ?? null;
  }

  /** A state dated by its start: "missing since Tuesday", "in prison since 2019" (the date a "since" phrase of its own gives). */
  since(t: Trigger): EventDate | null {
    const tree = this.tree;
    const words = t.partner !== undefined ? [t.token, t.partner] : [t.token];
    for (const w of words) {
      for (const k of tree.kids(w, 'obl', 'nmod')) {
        // "since" as the phrase's case, or (parsed so) as its head: "since | 7 May 2018"
        const word = tree.lemma(k) === 'since' ? k : tree.kids(k, 'case').find((c) => tree.lemma(c) === 'since');
        const next = word === undefined ? undefined : tree.doc.tokens[word + 1];
        // the phrase's own timex: a state's clause often has no verb to govern it ("in prison since 2019")
        const timex = next && tree.doc.timexes.find((x) => x.start === next.start);
        if (timex) return eventDateOf(timex);
      }
    }
    return null;
  }

  dateOf(t: Trigger): EventDate | null {
    const tree = this.tree;
    const own = this.at(t.token) ?? (t.partner !== undefined ? this.at(t.partner) : null);
    if (own) return own;
    // a nominal trigger takes its verb's date: "the deportation occurred Wednesday"; not one that
    // the verb's time is reckoned from: "arrested on Friday, a month after her release"
    if (t.pos === 'noun' && tree.kids(t.token, 'case').some((k) => RECKONED_FROM.has(tree.lemma(k)))) return null;
    // nor a verb's: "walked free on Friday, 19 months after she was arrested"
    if (t.pos === 'verb' && tree.kids(t.token, 'mark').some((k) => RECKONED_FROM.has(tree.lemma(k)))) return null;
    let i = t.token;
    for (const { token, via } of tree.ancestors(t.token, 4)) {
      // "reported missing in June", "declared dead on Monday": a state the speech verb predicates is dated by it
      if (this.lexicon.speech.has(tree.lemma(token)) && !(via === 'xcomp' && i === t.token)) return null;
      // (a relative clause tells its own time: "X, who was freed last week, was rearrested on Tuesday")
      if (t.pos === 'verb' && i === t.token && (!/^(xcomp|advcl|conj|acl)/.test(via) || via === 'acl:relcl')) return null;
      // (so does an adjective's: "X, who had been missing since March, was found dead on Sunday")
      if (t.pos === 'adj' && i === t.token && via === 'acl:relcl') return null;
      if (via === 'ccomp' || via === 'parataxis') return null;
      // "lodged an appeal on Monday against her four-year sentence": the sentence was passed before
      // the appeal against it, whose day it does not take
      if (t.pos === 'noun' && APPEALED.has(tree.lemma(token))) return null;
      const d = this.at(token);
      if (d) return d;
      i = token;
    }
    return null;
  }
}
