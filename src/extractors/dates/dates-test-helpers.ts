import { createDefaultPipeline } from '../default.js';
import { Doc } from '../../text/doc.js';
import type { Timex } from '../../text/types.js';

/** The tests' fixed reference date: Wednesday 12 December 2018, the issue's example report. */
export const PUBLISHED = '2018-12-12';

const pipeline = createDefaultPipeline();

/** `published: null` runs without a publication date. */
export function timexesOf(text: string, published: string | null = PUBLISHED): Timex[] {
  return pipeline.run(new Doc(text, published ? { published } : {})).timexes;
}

/** The one timex whose text is `phrase`, or a failure that lists what was found instead. */
export function timexFor(text: string, phrase: string, published?: string): Timex {
  const found = timexesOf(text, published);
  const hit = found.find((t) => t.text === phrase);
  if (!hit) throw new Error(`no timex "${phrase}" in ${JSON.stringify(text)}; found ${JSON.stringify(found.map((t) => t.text))}`);
  return hit;
}
