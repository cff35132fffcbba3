import path from 'node:path';
import { VigilError } from '../../core/errors.js';
import type { Clusters } from '../learn/lexical.js';
import { LexemeCache } from '../learn/lexical.js';
import { beamWidth } from '../learn/beam.js';
import type { Gazetteer } from '../learn/gazetteer.js';
import type { NameList } from '../learn/names.js';
import { MODELS_DIR, readModelFile, tableFrom } from '../learn/model-file.js';
import { NER_LABELS } from './labels.js';
import { Recognizer } from './recognizer.js';

export const NER_MODEL_FILE = path.join(MODELS_DIR, 'ner.bin.gz');

/** Loads the recogniser trained by `npm run train -- ner`. */
export function loadRecognizer(file: string, clusters: Clusters | undefined, gazetteer: Gazetteer, names: NameList): Recognizer {
  const model = readModelFile(file);
  if (model.header.kind !== 'ner') throw new VigilError('model_missing', `${file} is not an NER model`);
  const labels = model.header.labels as string[];
  if (labels.join() !== NER_LABELS.join()) throw new VigilError('model_missing', `${file} has labels this version does not know`);
  if (model.header.clusters && !clusters) throw new VigilError('model_missing', `${file} was trained with word clusters, which are missing`);
  if (model.header.names && names.size === 0) throw new VigilError('model_missing', `${file} was trained with person-name lists, which are missing (models/names.tsv.gz)`);
  const second = model.header.readings === 2 ? tableFrom(model, 'second', labels.length) : undefined;
  return new Recognizer(tableFrom(model, 'weights', labels.length), new LexemeCache(clusters), gazetteer, names, beamWidth(model.header), second);
}
