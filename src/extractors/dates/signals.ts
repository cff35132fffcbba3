import type { Parsed, Unit } from './parsed.js';
import type { ResolveContext, Resolved } from './resolve.js';
import { resolve } from './resolve.js';

/**
 * "Three days later": TimeML marks "three days" as a DURATION (P3D) and "later" as a signal that
 * places it after the date told before (TimeBank: "Three days", "A few days", "over an hour", each
 * without its "later"). The date the pair reaches is still what a reader, and an event, needs, so
 * it is worked out here from the duration's value and kept beside it.
 */

const LATER = /^\s+later\b/i;
/** "later, on 12 March": the date itself follows the duration. */
const DATE_FOLLOWS = /^\s+later\s*,?\s+(?:on|in)\s+\d/i;

const UNIT_OF: Record<string, Unit> = { Y: 'year', M: 'month', W: 'week', D: 'day', Q: 'quarter', TH: 'hour', TM: 'minute' };
// Looked up with words from reports: no inherited keys ("constructor", "__proto__").
Object.setPrototypeOf(UNIT_OF, null);

/** The date a duration followed by "later" reaches, or null when there is no "later" or no count. */
export function laterDate(duration: Parsed, value: string, text: string, ctx: ResolveContext): Resolved | null {
  if (!LATER.test(text.slice(duration.end, duration.end + 12))) return null;
  const m = /^P(T?)(\d+)([A-Z])$/.exec(value);
  const unit = m ? UNIT_OF[`${m[1]}${m[3]}`] : undefined;
  if (!m || !unit) return null;
  // "a week later" from 9 October is 16 October, a day: weeks are counted as seven days, since a
  // week's own value ("2024-W42") is no date an event can carry; only from a day the text told
  // (not from the publication date), and not when the date follows ("A week later, on 12 March")
  const told = ctx.previous !== null && !DATE_FOLLOWS.test(text.slice(duration.end, duration.end + 24));
  const shift = unit === 'week' && told ? { unit: 'day' as Unit, n: 7 * Number(m[2]) } : { unit, n: Number(m[2]) };
  return resolve({ ...duration, type: 'DATE', fixed: undefined, stated: {}, shift, anchor: 'previous' }, ctx);
}
