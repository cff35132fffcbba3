import assert from 'node:assert/strict';
import { Doc } from '../../text/doc.js';
import type { EventType } from '../../text/types.js';
import { createDefaultPipeline } from '../default.js';

/** What the target tests share: the pipeline, who each event befalls, and assertions over names. */
const pipeline = createDefaultPipeline();

/** The names of the people each event of `type` befalls. */
export function targets(text: string, type: EventType): string[] {
  const doc = pipeline.run(new Doc(text, { published: '2024-05-01' }));
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  return doc.events
    .filter((v) => v.type === type && v.target?.entity)
    .map((v) => byId.get(v.target!.entity!)!)
    .filter((e) => e.type === 'PERSON')
    .map((e) => e.name);
}

export const has = (got: string[], want: string[], text: string): void => {
  for (const w of want) assert.ok(got.includes(w), `${w} missing from ${JSON.stringify(got)} in: ${text}`);
};
export const lacks = (got: string[], unwanted: string[], text: string): void => {
  for (const w of unwanted) assert.ok(!got.includes(w), `${w} wrongly among ${JSON.stringify(got)} in: ${text}`);
};
