import assert from 'node:assert/strict';
import { Doc } from '../../text/doc.js';
import type { VigilEvent } from '../../text/types.js';
import { createDefaultPipeline } from '../default.js';

/** What the session tests share: the pipeline, what each event tells, and assertions over it. */
const pipeline = createDefaultPipeline();

export const read = (text: string, published = '2024-06-10'): Doc => pipeline.run(new Doc(text, { published }));

export const nameOf = (doc: Doc, v: VigilEvent): string | undefined => doc.entities.find((e) => e.id === v.target?.entity)?.name ?? v.target?.text;

/** [type, modality, target] of every event, and held-at when asked. */
export const told = (text: string, held = false): (string | null | undefined)[][] => {
  const doc = read(text);
  return doc.events.map((v) => [v.type, v.modality, nameOf(doc, v), ...(held ? [v.heldAt?.text ?? null] : [])]);
};

export const has = (text: string, type: string, who: string, modality = 'asserted'): void => assert.ok(told(text).some(([t, m, w]) => t === type && m === modality && w === who), `${type}/${modality} of ${who} in: ${text}\n${JSON.stringify(told(text))}`);

export const lacks = (text: string, type: string, modality?: string): void => assert.ok(!told(text).some(([t, m]) => t === type && (!modality || m === modality)), `no ${type}${modality ? '/' + modality : ''} in: ${text}\n${JSON.stringify(told(text))}`);
