import type { TimexType } from '../../text/types.js';

/**
 * What a parser read from the text, before anything is resolved (chrono-node's ParsingResult):
 * the fields the text states, and instructions for the rest — shift from an anchor, pick the
 * nearest occurrence in a direction, or a value the words fix by themselves ("now" → PRESENT_REF).
 */

export type Unit = 'minute' | 'hour' | 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'half' | 'season' | 'year' | 'decade' | 'century';
export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export type PartOfDay = 'MO' | 'MI' | 'AF' | 'EV' | 'NI' | 'DT';

/** Calendar fields stated in the text. */
export interface DateFields {
  year?: number;
  month?: number;
  day?: number;
  /** ISO weekday 1–7. */
  weekday?: number;
  quarter?: number;
  half?: number;
  season?: Season;
  partOfDay?: PartOfDay;
  hour?: number;
  minute?: number;
  /** "the 1990s" → 199; "the 20th century" → century 19. */
  decade?: number;
  century?: number;
  /** A holiday with a calendar rule, by its lower-case name ("thanksgiving"). */
  holiday?: string;
}

/** Where implied fields come from: the publication date, or the date last mentioned ("the next day"). */
export type Anchor = 'publication' | 'previous';
/**
 * Which occurrence of an under-specified date ("Friday", "Dec. 7") is meant: stated, or by the
 * tense of its clause. (A deadline, "by Friday", is read from the words before it when the
 * clause's tense is worked out: it lies ahead unless the clause is a pluperfect.)
 */
export type Direction = 'past' | 'future' | 'tense';

export interface Parsed {
  start: number;
  end: number;
  /** The parser that produced it, for the trace and the tests. */
  parser: string;
  type: TimexType;
  stated: DateFields;
  /** Move this many units from the anchor: "two weeks ago" → week −2, "this year" → year 0. */
  shift?: { unit: Unit; n: number };
  anchor?: Anchor;
  /** Applies to stated fields that leave the year or week open. */
  direction?: Direction;
  /** Strictly before/after the anchor ("last Friday" never means today). */
  strict?: boolean;
  /** A value the words decide alone: P3Y, PRESENT_REF, XXXX-WXX-1, 199. */
  fixed?: string;
  /**
   * The period the report is about, not the publication date: in an earnings report "the quarter"
   * and "the year-ago quarter" are the quarter last named in the text (or the one before publication).
   */
  contextual?: { unit: 'quarter'; yearShift: number; ended?: boolean };
  /** With `contextual`: use the quarter only when the text named one ("a year earlier"), else `shift`. */
  contextualIfNamed?: boolean;
  /** The week the stated day falls in ("the week of March 6" → 2000-W10). */
  weekOf?: boolean;
  /** Only meaningful next to a day ("Friday morning"); dropped when nothing joins it. */
  attachOnly?: boolean;
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
