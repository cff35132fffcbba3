/**
 * "GRO calls on the authorities to:\n- release A immediately;\n- drop all charges against B": a
 * bulleted list whose lead-in line asks for something. Each item completes the request, so what it
 * tells is asked for, not done, though no request verb stands in the item's own sentence.
 */

/** A bullet or a number opening a line: "- ", "• ", "* ", "1. ", "a) ". */
const BULLET = /^[ \t]*(?:[-•*–·▪]|\d{1,2}[.)]|\(?[a-z]\))[ \t]+/;
/** Words that ask: "calls on", "urges", "we demand", "recommends", "appeal to". */
const ASKING = /\b(?:ask|request|seek|sought|demand|urge|call|press|petition|appeal|recommend|implore|exhort)(?:s|es|ed|ing)?\b/i;
/** The most lines a list may run before its item. */
const LONGEST_LIST = 15;

/** Whether the offset `at` stands in an item of a bulleted list that a request's line introduces. */
export function demandedInList(text: string, at: number): boolean {
  let start = text.lastIndexOf('\n', at - 1) + 1;
  if (!BULLET.test(text.slice(start, at))) return false;
  for (let lines = 0; start > 0 && lines < LONGEST_LIST; lines++) {
    const end = start - 1;
    start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line === '' || BULLET.test(text.slice(start, end))) continue;
    return line.endsWith(':') && ASKING.test(line);
  }
  return false;
}

