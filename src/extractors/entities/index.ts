import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import type { Doc } from '../../text/doc.js';
import type { Entity, EntityType } from '../../text/types.js';
import { loadClusters } from '../learn/clusters.js';
import { loadGazetteer } from '../learn/gazetteer.js';
import { loadNames } from '../learn/names.js';
import { loadOnce } from '../learn/model-file.js';
import type { ModelConfig } from '../syntax/index.js';
import { labelsToSpans } from './labels.js';
import type { NerType } from './labels.js';
import { loadRecognizer, NER_MODEL_FILE } from './ner-model.js';
import { nerWords } from './ner-words.js';
import { joinNicknames } from './nicknames.js';
import type { Recognizer } from './recognizer.js';

export { NER_LABELS, labelsToSpans, spansToLabels } from './labels.js';
export { Recognizer } from './recognizer.js';
export type { DocumentMemory } from './recognizer.js';
export { loadRecognizer, NER_MODEL_FILE } from './ner-model.js';

/** The recogniser's CoNLL types as the extraction document writes them. */
export const ENTITY_TYPE: Record<NerType, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

const recognizer = loadOnce((file) => loadRecognizer(file, loadClusters(), loadGazetteer(), loadNames()));

export const loadNerModel = (file = NER_MODEL_FILE): Recognizer => recognizer(file);

/**
 * Named entities: mentions found sentence by sentence, then grouped into document entities by
 * type and exact text (issue #5 merges "Rath Rott Mony" with "Mony"). Each mention keeps its
 * offsets; the entity's name is its longest mention.
 */
export function createNer(config: ModelConfig = {}): Component {
  const recognizer = loadNerModel(config.model);
  return {
    name: 'ner',
    requires: ['tokens', 'sentences'],
    assigns: ['entities'],
    process(doc: Doc): Doc {
      const byKey = new Map<string, Entity>();
      const entities: Entity[] = [];
      const sentences = doc.sentences.map((_, s) => {
        const tokens = doc.sentenceTokens(s);
        return { tokens, words: nerWords(tokens) };
      });
      // the whole document is read before any mention is made: a later mention can settle an earlier one
      const labels = recognizer.labelDocument(sentences.map((s) => s.words.map((w) => w.text)));
      sentences.forEach(({ tokens, words }, s) => {
        for (const span of labelsToSpans(joinNicknames(words.map((w) => w.text), labels[s]!, (w) => recognizer.names.flags(w) !== 0))) {
          const mention = doc.span(tokens[words[span.start]!.first]!.start, tokens[words[span.end - 1]!.last]!.end);
          const type = ENTITY_TYPE[span.type];
          const key = `${type}\t${mention.text}`;
          let entity = byKey.get(key);
          if (!entity) {
            entity = { id: `e${entities.length + 1}`, type, name: mention.text, mentions: [] };
            byKey.set(key, entity);
            entities.push(entity);
          }
          entity.mentions.push(mention);
        }
      });
      doc.entities = entities;
      return doc;
    },
  };
}

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    ner: ModelConfig;
  }
}

registry.register('ner', (config) => createNer(config));
