import { Pipeline } from '../pipeline/runner.js';
import { registry } from '../pipeline/registry.js';
import './tokens/index.js';
import './syntax/index.js';
import './entities/index.js';
import './entities/headline-trim.js';
import './entities/person-cues.js';
import './dates/index.js';
import './entities/date-trim.js';
import './entities/aliases.js';
import './places/index.js';
import './coref/index.js';
import './quotes/index.js';
import './events/index.js';
import './entities/harmed-persons.js';
import './learned-targets/index.js';
import './risk/index.js';

/**
 * The English news pipeline, in order. Components that are not built yet are simply absent:
 * their layers stay empty in the extraction document, as EXTRACTION-FORMAT.md allows.
 */
const ORDER = ['tokenizer', 'sentencizer', 'tagger', 'parser', 'ner', 'entity-headline-trim', 'person-cues', 'dates', 'entity-date-trim', 'entity-aliases', 'places', 'coref', 'quotes', 'events', 'harmed-persons', 'learned-targets', 'risk'] as const;

/** `upTo`: stop after that component (training a later one reads what the earlier ones made). */
export function createDefaultPipeline(upTo?: (typeof ORDER)[number]): Pipeline {
  const names = upTo ? ORDER.slice(0, ORDER.indexOf(upTo) + 1) : ORDER;
  return new Pipeline(names.map((name) => registry.create(name, {})));
}
