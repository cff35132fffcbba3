/**
 * The words that tell a round of custody begun anew, read once for the event rules (a re-arrest
 * is never merged into the first arrest, nor dated by it) and for a case's timeline (a re-arrest
 * comes after the release told with it). One pattern, so that they agree on every word.
 */

/** A verb of custody or abduction with "re-" before it: "rearrested", "re-detained", "re-incarcerated". */
export const REPEAT_PREFIX = /^re-?(?:arrest|detain|jail|imprison|incarcerat|abduct|kidnap)/i;

/** Whether a trigger's words tell custody begun anew: "re-arrested", "detained again", "back in prison"; not custody going on. */
export function tellsNewRound(trigger: string): boolean {
  return REPEAT_PREFIX.test(trigger) || /\bagain\b|^back\b/i.test(trigger);
}

/** A custody at home: "placed under house arrest", "house detention". */
export const HOUSE_ARREST = /^house[\s-]+(?:arrest|detention)\b/i;

/**
 * Whether a trigger's words put it after a release told with it: a new round, custody going on now
 * ("remains in detention", "still being held"), or a house arrest, which a person is moved into
 * from a cell ("released from prison and placed under house arrest": held still, at home).
 */
export function tellsRepeat(trigger: string): boolean {
  return tellsNewRound(trigger) || /^(?:remains?|stays|still)\b/i.test(trigger) || HOUSE_ARREST.test(trigger);
}

/**
 * Whether a telling may join a case event its earlier tellings make: a custody told as a new round
 * ("rearrested") joins only one some telling of which also tells a new round, and a house arrest,
 * a custody of its own, only one told as a house arrest, as another custody never joins a house
 * arrest (an undated "placed under house arrest" had joined an arrest years before, and moved it
 * after the release between them).
 */
export function joinsRound(trigger: string, told: readonly string[]): boolean {
  if (tellsNewRound(trigger) && !told.some(tellsNewRound)) return false;
  return HOUSE_ARREST.test(trigger) === told.some((t) => HOUSE_ARREST.test(t));
}
