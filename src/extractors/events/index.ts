import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import type { Doc } from '../../text/doc.js';
import { existsSync } from 'node:fs';
import { extractEvents, type TriggerSpotter } from './extract.js';
import { TRIGGERS_MODEL, TriggerModel } from '../learned-triggers/index.js';
import { loadClusters } from '../learn/clusters.js';
import { loadOnce } from '../learn/model-file.js';
import { loadLexicon } from './lexicon.js';

export { extractEvents } from './extract.js';
export { eventDateOf } from './event-date.js';
export { loadLexicon } from './lexicon.js';
export type { Lexicon, TriggerEntry } from './lexicon.js';

const loadTriggers = loadOnce((file) => TriggerModel.load(file));

/**
 * The `events` component: typed events of ../shared/spec/ONTOLOGY.md with roles, date and modality.
 * With a trigger model (`npm run train -- triggers`; `model: ''` for none) the words the lexicon
 * misses are read too; without its file (a fresh clone before training) the rules alone.
 */
export function createEvents(config: { model?: string } = {}): Component {
  const lexicon = loadLexicon();
  const file = config.model ?? TRIGGERS_MODEL;
  // looked for once, when the pipeline is built: not a file-system call per report
  const spotter: TriggerSpotter | undefined = file && existsSync(file) ? (tree, ruled) => loadTriggers(file).spot(tree, ruled, loadClusters()) : undefined;
  return {
    name: 'events',
    requires: ['tokens', 'sentences', 'tags', 'deps', 'entities', 'timexes'],
    assigns: ['events'],
    process(doc: Doc): Doc {
      doc.events = extractEvents(doc, lexicon, spotter);
      return doc;
    },
  };
}

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    events: { model?: string };
  }
}

registry.register('events', (config) => createEvents(config));
