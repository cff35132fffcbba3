import path from 'node:path';
import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import type { Doc } from '../../text/doc.js';
import { VigilError } from '../../core/errors.js';
import { MODELS_DIR, loadOnce, readModelFile } from '../learn/model-file.js';
import { RiskModel } from './model.js';

export { RELEVANCE_WEIGHT, RiskModel, decisionScore } from './model.js';
export type { RiskThresholds } from './model.js';
export { personFeatures, reportFeatures } from './features.js';
export type { Feat } from './features.js';

/** The trained file `npm run train -- risk` writes. */
export const RISK_MODEL = path.join(MODELS_DIR, 'risk.bin.gz');

const loadRisk = loadOnce((file) => RiskModel.load(file));
// The file's header alone: the process that keeps the cases (an ingest's main thread, the server)
// needs the thresholds, not the classifiers' weights (a 13 MB map), which the extraction thread has.
const loadThresholds = loadOnce((file) => {
  const { thresholds } = readModelFile(file).header as { thresholds?: RiskModel['thresholds'] };
  if (!thresholds) throw new VigilError('model_missing', `${file} is not a risk model`);
  return thresholds;
});

/** The thresholds the shipped model was trained with, for whoever decides on its scores (the case policy). */
export function riskThresholds(file = RISK_MODEL): RiskModel['thresholds'] {
  return loadThresholds(file);
}

/**
 * The `risk` component: the report's relevance (is it about an attack on someone at risk?) and,
 * for every named person, the probability that they are a person at risk, the kinds they are or
 * what they are instead, with the words that say so. Both models are log-linear, learned from
 * HRDsAttack's training split and unrelated news (`src/models/train-risk.ts`); the model loads on
 * the first report, once per process.
 */
export function createRisk(config: { model?: string } = {}): Component {
  const file = config.model ?? RISK_MODEL;
  return {
    name: 'risk',
    requires: ['tokens', 'sentences', 'tags', 'deps', 'entities', 'quotes', 'events'],
    assigns: ['risk'],
    process(doc: Doc): Doc {
      doc.risk = loadRisk(file).read(doc);
      return doc;
    },
  };
}

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    risk: { model?: string };
  }
}

registry.register('risk', (config) => createRisk(config));
