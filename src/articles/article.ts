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

/** Upper bounds on what one report may be: larger inputs are refused with `input_too_large`. */
export const LIMITS = {
  /** A plain-text report (the longest news feature is far below a megabyte). */
  textBytes: 5 * 1024 * 1024,
  /** A saved page, scripts and styles included. */
  htmlBytes: 20 * 1024 * 1024,
};
