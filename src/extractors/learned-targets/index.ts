import path from 'node:path';
import { existsSync } from 'node:fs';
import { VigilError } from '../../core/errors.js';
import type { Component } from '../../pipeline/component.js';
import { registry } from '../../pipeline/registry.js';
import type { Doc } from '../../text/doc.js';
import type { VigilEvent } from '../../text/types.js';
import { Classifier } from '../learn/linear.js';
import { MODELS_DIR, loadOnce, readModelFile, writeModelFile } from '../learn/model-file.js';
import { targetPairs, type TargetPair } from './features.js';

export { targetPairs, PERSONAL_EVENTS, type TargetPair } from './features.js';

/** The trained file `npm run train -- targets` writes. */
export const TARGETS_MODEL = path.join(MODELS_DIR, 'targets.bin.gz');

export const YES = 'yes';
export const NO = 'no';

/**
 * Who else an event befalls: a log-linear model over (trigger, named person in the same
 * sentence) pairs, learned from our case gold of training reports (which events befall which
 * person, by offsets) and HRDsAttack's victim names. It adds to the rules' targets, never
 * removes one: the rules read the clear cases ("police arrested X"), the model the lists,
 * appositions and far passives the parse gets wrong.
 */
export class TargetModel {
  constructor(
    readonly clf: Classifier,
    readonly threshold: number,
  ) {}

  static load(file: string): TargetModel {
    const { header } = readModelFile(file);
    const h = header as { kind?: string; clf?: unknown; threshold?: number };
    if (h.kind !== 'targets' || !h.clf || typeof h.threshold !== 'number') throw new VigilError('model_missing', `${file} is not a target model`);
    return new TargetModel(Classifier.fromJSON(h.clf as Parameters<typeof Classifier.fromJSON>[0]), h.threshold);
  }

  save(file: string, training: Record<string, unknown> = {}): number {
    return writeModelFile(file, { header: { kind: 'targets', clf: this.clf.toJSON(), threshold: this.threshold, training }, arrays: {} });
  }

  score(pair: TargetPair): number {
    return this.clf.probabilities(pair.feats).get(YES) ?? 0;
  }

  /** The report's events with the targets the model adds, each as an event of its own (one per person, as lists are told). */
  apply(doc: Doc): VigilEvent[] {
    const added: VigilEvent[] = [];
    const told = new Set<string>();
    for (const pair of targetPairs(doc)) {
      const p = this.score(pair);
      const key = `${pair.event.type}:${pair.entity.id}@${pair.trigger.start}`;
      if (p < this.threshold || told.has(key)) continue;
      told.add(key);
      const own = pair.trigger.start === pair.event.trigger.start;
      const { mentions: _mentions, ...rest } = pair.event;
      added.push({
        ...rest,
        ...(own && pair.event.mentions ? { mentions: pair.event.mentions } : {}),
        trigger: own ? pair.event.trigger : doc.span(pair.trigger.start, pair.trigger.end),
        sentence: doc.sentenceAt(pair.trigger.start),
        target: { entity: pair.entity.id, text: pair.mention.text, start: pair.mention.start, end: pair.mention.end },
        confidence: Math.round(Math.min(pair.event.confidence, p) * 100) / 100,
      });
    }
    const n = doc.events.length;
    return [...doc.events, ...added.map((v, i) => ({ ...v, id: `v${n + i + 1}` }))];
  }
}

const loadTargets = loadOnce((file) => TargetModel.load(file));

/**
 * The `learned-targets` component: runs after `events`; without its model file (a fresh clone
 * before `npm run train -- targets`) it leaves the events as the rules made them.
 */
export function createLearnedTargets(config: { model?: string } = {}): Component {
  const file = config.model ?? TARGETS_MODEL;
  // looked for once, when the pipeline is built: not a file-system call per report
  const present = existsSync(file);
  return {
    name: 'learned-targets',
    requires: ['tokens', 'sentences', 'tags', 'deps', 'entities', 'events'],
    assigns: ['events'],
    process(doc: Doc): Doc {
      if (present) doc.events = loadTargets(file).apply(doc);
      return doc;
    },
  };
}

declare module '../../pipeline/registry.js' {
  interface ComponentConfigs {
    'learned-targets': { model?: string };
  }
}

registry.register('learned-targets', (config) => createLearnedTargets(config));
