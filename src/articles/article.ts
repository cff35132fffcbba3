/** A news report as read from its source, before extraction. */
export interface Article {
  id?: string;
  /** The text every offset of the extraction will index. */
  text: string;
  title?: string;
  byline?: string;
  /** Publication date, YYYY-MM-DD. */
  published?: string;
  url?: string;
  format: 'text' | 'html';
}

/**
 * The headline a plain text opens with, as pasted and imported reports do as a rule: a short first
 * line (3–200 characters) with more text after it, not ending as a sentence does. Undefined otherwise.
 */
export function headlineOf(text: string): string | undefined {
  const first = /^\s*([^\n]{3,200})\n\s*\S/.exec(text)?.[1]?.trim();
  return first && !/[.!?]["”’]?$/.test(first) ? first : undefined;
}

/** Upper bounds on what one report may be: larger inputs are refused with `input_too_large`. */
export const LIMITS = {
  /** A plain-text report (the longest news feature is far below a megabyte). */
  textBytes: 5 * 1024 * 1024,
  /** A saved page, scripts and styles included. */
  htmlBytes: 20 * 1024 * 1024,
};
