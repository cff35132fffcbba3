import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import type { Doc } from '../../text/doc.js';
import { loadCues } from './cues.js';
import { extractQuotes } from './extract.js';

export { extractQuotes } from './extract.js';
export { quotedSpans } from './marks.js';
export { loadCues } from './cues.js';

/** The `quotes` component: direct, indirect and mixed quotes with their cue and speaker. */
export function createQuotes(): Component {
  const cues = loadCues();
  return {
    name: 'quotes',
    requires: ['tokens', 'sentences', 'tags', 'deps', 'entities'],
    assigns: ['quotes'],
    process(doc: Doc): Doc {
      doc.quotes = extractQuotes(doc, cues);
      return doc;
    },
  };
}

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    quotes: Record<string, never>;
  }
}

registry.register('quotes', () => createQuotes());
