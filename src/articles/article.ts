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
 * The headline a plain text opens with, as pasted and imported reports do as a rule: a first line
 * of 3–150 characters with a blank line or a new paragraph after it, that does not end as a
 * statement or a lead-in does (".", ":", a dash; a question is a headline) and is no dateline ("ORSK-DAL, 1 December"),
 * byline ("By …", "Posted on …"), breadcrumb ("Home | News") or list item. Markup in it is kept:
 * a title is shown as text, never as HTML. Undefined otherwise.
 */
export function headlineOf(text: string): string | undefined {
  const m = /^\s*([^\n]{3,150})\n(\s*\n)?\s*(\S)/.exec(text);
  const first = m?.[1]?.trim();
  if (!first || !m) return undefined;
  // a hard-wrapped paragraph goes on in lower case on the next line
  if (!m[2] && /\p{Ll}/u.test(m[3]!)) return undefined;
  if (/[.:;,—–-]["”’]?$/.test(first)) return undefined;
  if (/^(?:by|posted|published|updated)\b/i.test(first) || /\s\|\s/.test(first) || /^[-•*–—]\s/.test(first)) return undefined;
  if (/^\p{Lu}[\p{Lu}\p{M} .'’-]+,/u.test(first)) return undefined;
  return first;
}

/** Upper bounds on what one report may be: larger inputs are refused with `input_too_large`. */
export const LIMITS = {
  /** A plain-text report (the longest news feature is far below a megabyte). */
  textBytes: 5 * 1024 * 1024,
  /** A saved page, scripts and styles included. */
  htmlBytes: 20 * 1024 * 1024,
};
