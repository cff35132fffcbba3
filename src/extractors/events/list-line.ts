/**
 * Where a list's line starts and whether a bullet opens it, read a bounded way: a report written on
 * one line is still read in linear time (a newline looked for over the whole text before every
 * trigger made it quadratic).
 */

/** The most characters from a list line's start to an event it tells. */
const LINE_REACH = 2000;
/** The most characters a bullet with its spaces takes. */
const BULLET_REACH = 12;

/** Characters read looking for line starts, for the test that bounds it. */
export const lineWork = { chars: 0, calls: 0 };

/** Where the line holding offset `at` starts, when it starts no further back than a list's line runs. */
export function lineStartNear(text: string, at: number): number | undefined {
  const from = Math.max(0, at - LINE_REACH);
  lineWork.chars += at - from;
  lineWork.calls++;
  const newline = text.slice(from, at).lastIndexOf('\n');
  if (newline < 0 && from > 0) return undefined;
  return newline < 0 ? 0 : from + newline + 1;
}

/** The bullet `pattern` (anchored at the line's start) finds in the first characters of the line at `lineStart`, before `at`. */
export function bulletAt(text: string, lineStart: number, at: number, pattern: RegExp): RegExpExecArray | null {
  return pattern.exec(text.slice(lineStart, Math.min(at, lineStart + BULLET_REACH)));
}
