import path from 'node:path';
import { VigilError } from '../../core/errors.js';
import type { EventType } from '../../text/types.js';
import type { Tree } from '../syntax/tree.js';
import type { Clusters } from '../learn/lexical.js';
import { Classifier } from '../learn/linear.js';
import { MODELS_DIR, readModelFile, writeModelFile } from '../learn/model-file.js';
import { isCandidate, triggerFeatures } from './features.js';

export { isCandidate, triggerFeatures } from './features.js';

/** The file `npm run train -- triggers` writes; the events component reads it when it is there. */
export const TRIGGERS_MODEL = path.join(MODELS_DIR, 'triggers.bin.gz');

/** The label of a word that tells no event. */
export const NONE = 'O';

/** The tokens the rules' triggers already take (their words and phrase partners): the model reads the rest. */
export function ruledTokens(ruled: readonly { token: number; partner?: number }[]): Set<number> {
  const out = new Set<number>();
  for (const t of ruled) {
    out.add(t.token);
    if (t.partner !== undefined) out.add(t.partner);
  }
  return out;
}

/**
 * Event words the lexicon misses ("hauled in", "questioned", "whisked away", "put on the next
 * flight back"): a log-linear model over a content word's lemma, clusters, particles,
 * prepositions, voice and arguments, learned from the trigger offsets of our case gold. It adds
 * triggers and never removes one; what it adds goes through the same roles, modality and dates as
 * the rules' own, and is kept only when it befalls a person.
 */
export class TriggerModel {
  constructor(
    readonly clf: Classifier,
    readonly threshold: number,
    /** The types the model may add: a type it cannot tell with the precision asked is left to the rules. */
    readonly types: readonly EventType[],
  ) {}

  static load(file: string): TriggerModel {
    const { header } = readModelFile(file);
    const h = header as { kind?: string; clf?: unknown; threshold?: number; types?: EventType[] };
    if (h.kind !== 'triggers' || !h.clf || typeof h.threshold !== 'number' || !Array.isArray(h.types)) throw new VigilError('model_missing', `${file} is not a trigger model`);
    return new TriggerModel(Classifier.fromJSON(h.clf as Parameters<typeof Classifier.fromJSON>[0]), h.threshold, h.types);
  }

  save(file: string, training: Record<string, unknown> = {}): number {
    return writeModelFile(file, { header: { kind: 'triggers', clf: this.clf.toJSON(), threshold: this.threshold, types: this.types, training }, arrays: {} });
  }

  /** The most probable event type of a candidate's features and its probability (NONE when no type leads). */
  read(feats: readonly string[]): { type: string; p: number } {
    let type = NONE;
    let p = 0;
    for (const [label, q] of this.clf.probabilities(feats)) if (label !== NONE && q > p) [type, p] = [label, q];
    return { type, p };
  }

  /** The candidates the rules left that tell an event at or above the threshold, with its type. */
  spot(tree: Tree, ruled: readonly { token: number; partner?: number }[], clusters: Clusters | undefined): { token: number; type: EventType; p: number }[] {
    const taken = ruledTokens(ruled);
    const out: { token: number; type: EventType; p: number }[] = [];
    for (let i = 0; i < tree.doc.tokens.length; i++) {
      if (taken.has(i) || !isCandidate(tree, i)) continue;
      const { type, p } = this.read(triggerFeatures(tree, i, clusters));
      if (p < this.threshold || !this.types.includes(type as EventType)) continue;
      out.push({ token: i, type: type as EventType, p });
    }
    return out;
  }
}
