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

/** "calls on the authorities to", "urged Drell to", "asks them to", "appealed to the court to": a request whose complement is an infinitive. */
const ASKED_TO = /\b(?:call(?:s|ed|ing)?\s+(?:on|upon)|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|appeal(?:s|ed|ing)?\s+to|press(?:es|ed|ing)?|petition(?:s|ed|ing)?|implor(?:e|es|ed|ing)|demand(?:s|ed|ing)?\s+of)\b[^.;:!?]{0,120}?\bto\s+\p{Ll}/iu;

/**
 * "The Monitor calls on the authorities to disclose where A is and to release him": an infinitive
 * ("to release") after a request for infinitives in the same sentence is asked for. The parser
 * may miss the request ("The Monitor calls" read as a noun phrase) or the conjunct it governs.
 */
export function requestedInfinitive(text: string, sentenceStart: number, at: number): boolean {
  const before = text.slice(Math.max(sentenceStart, at - 400), at);
  if (!/\bto\s+(?:\p{Ll}+ly\s+)?$/u.test(before)) return false;
  return ASKED_TO.test(before);
}
