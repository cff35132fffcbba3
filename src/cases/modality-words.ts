import type { Modality } from '../text/types.js';

/**
 * What an event not told as done is, in a word (a chip, a line of the command line) and in full (a
 * tooltip): only an asserted event moves a case's status. One map, so the inbox and `vigil watch
 * --triage` say the same.
 */
export const NOT_DONE: Readonly<Record<Exclude<Modality, 'asserted'>, { word: string; why: string }>> = {
  hypothetical: { word: 'asked for / possible', why: 'asked for, sought, threatened or conditional ("if convicted"): not reported as done' },
  future: { word: 'expected', why: 'expected: not happened yet' },
  negated: { word: 'denied', why: 'denied or did not happen' },
  reported: { word: 'claimed', why: 'someone’s claim: moves the status only once an analyst accepts it' },
};

/** The word for a modality that is not "asserted" (the modality itself for one this map does not know). */
export const notDoneWord = (modality: string): string => NOT_DONE[modality as keyof typeof NOT_DONE]?.word ?? modality;
