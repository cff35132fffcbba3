import { Pipeline } from '../pipeline/runner.js';
import { registry } from '../pipeline/registry.js';
import './tokens/index.js';
import './syntax/index.js';
import './entities/index.js';
import './dates/index.js';
import './entities/date-trim.js';
import './entities/aliases.js';
import './places/index.js';
import './coref/index.js';
import './quotes/index.js';
import './events/index.js';

/**
 * The English news pipeline, in order. Components that are not built yet are simply absent:
 * their layers stay empty in the extraction document, as EXTRACTION-FORMAT.md allows.
 */
export function createDefaultPipeline(): Pipeline {
  return new Pipeline([
    registry.create('tokenizer', {}),
    registry.create('sentencizer', {}),
    registry.create('tagger', {}),
    registry.create('parser', {}),
    registry.create('ner', {}),
    registry.create('dates', {}),
    registry.create('entity-date-trim', {}),
    registry.create('entity-aliases', {}),
    registry.create('places', {}),
    registry.create('coref', {}),
    registry.create('quotes', {}),
    registry.create('events', {}),
  ]);
}
