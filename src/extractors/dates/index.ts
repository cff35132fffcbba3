import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import type { Doc } from '../../text/doc.js';
import { findTimexes } from './extract.js';

export { findTimexes, parseAll } from './extract.js';
export { FUTURE_AUX } from './tense.js';

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    dates: Record<string, never>;
  }
}

/**
 * The `dates` component: TIMEX3 expressions resolved against `doc.meta.published`. It reads the
 * tags (and the parse and entities when present) to pick a clause's tense and to drop names.
 */
export function createDates(): Component {
  return {
    name: 'dates',
    requires: ['tokens', 'sentences', 'tags'],
    assigns: ['timexes'],
    process(doc: Doc): Doc {
      doc.timexes = findTimexes(doc);
      return doc;
    },
  };
}

registry.register('dates', () => createDates());
