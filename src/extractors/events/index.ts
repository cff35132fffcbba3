import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import type { Doc } from '../../text/doc.js';
import { extractEvents } from './extract.js';
import { loadLexicon } from './lexicon.js';

export { extractEvents } from './extract.js';
export { eventDateOf } from './event-date.js';
export { loadLexicon } from './lexicon.js';
export type { Lexicon, TriggerEntry } from './lexicon.js';

/** The `events` component: typed events of ../shared/spec/ONTOLOGY.md with roles, date and modality. */
export function createEvents(): Component {
  const lexicon = loadLexicon();
  return {
    name: 'events',
    requires: ['tokens', 'sentences', 'tags', 'deps', 'entities', 'timexes'],
    assigns: ['events'],
    process(doc: Doc): Doc {
      doc.events = extractEvents(doc, lexicon);
      return doc;
    },
  };
}

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    events: Record<string, never>;
  }
}

registry.register('events', () => createEvents());
