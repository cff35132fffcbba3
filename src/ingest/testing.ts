import type { Entity, EventType, ExtractionDocument, Modality, VigilEvent } from '../text/types.js';
import { insertReport, saveExtraction } from '../storage/reports.js';
import type { Store } from '../storage/store.js';
import type { TrackResult } from './track.js';
import { trackReport } from './track.js';

/**
 * Tests' own extractions: a report's text with people, places and events pointed at by their
 * words, so what the cases make of an extraction is tested apart from how well it was read.
 */
export interface InventedEvent {
  type: EventType;
  /** The trigger's words (their first occurrence). */
  trigger: string;
  /** A person's name, as given in `people`. */
  target: string;
  modality?: Modality;
  date?: string;
  /** A place's name, as given in `places`. */
  place?: string;
  /** Words of the text saying where the target is held. */
  heldAt?: string;
  /** Words of the text saying the whereabouts are not known. */
  whereaboutsUnknown?: string;
}

export interface InventedReport {
  text: string;
  published: string;
  title?: string;
  people: string[];
  places?: { name: string; country: string }[];
  events: InventedEvent[];
}

function span(text: string, words: string): { start: number; end: number; text: string } {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the invented report`);
  return { start, end: start + words.length, text: words };
}

export function inventedDoc(r: InventedReport): ExtractionDocument {
  const entities: Entity[] = [
    ...r.people.map((name, i) => ({ id: `p${i}`, type: 'PERSON' as const, name, mentions: [{ ...span(r.text, name), kind: 'name' as const }] })),
    ...(r.places ?? []).map((p, i) => ({ id: `g${i}`, type: 'LOC' as const, name: p.name, country: p.country, mentions: [{ ...span(r.text, p.name), kind: 'name' as const }] })),
  ];
  const entityOf = (name: string) => entities.find((e) => e.name === name)!;
  const events: VigilEvent[] = r.events.map((e, i) => {
    const target = entityOf(e.target);
    const place = e.place ? entityOf(e.place) : null;
    return {
      id: `e${i}`,
      type: e.type,
      trigger: span(r.text, e.trigger),
      target: { entity: target.id, ...span(r.text, target.name) },
      agent: null,
      principal: null,
      place: place ? { entity: place.id, text: place.name } : null,
      origin: null,
      destination: null,
      date: e.date ? { value: e.date, precision: 'day' as const } : null,
      modality: e.modality ?? 'asserted',
      sentence: 0,
      confidence: 0.9,
      ...(e.heldAt ? { heldAt: { entity: null, ...span(r.text, e.heldAt) } } : {}),
      ...(e.whereaboutsUnknown ? { whereaboutsUnknown: span(r.text, e.whereaboutsUnknown) } : {}),
    };
  });
  return { published: r.published, title: r.title ?? '', text: r.text, offsets: 'utf16', sentences: [{ start: 0, end: r.text.length }], tokens: [], entities, timexes: [], quotes: [], events };
}

/** Stores the report (read now, by the store's clock) with its invented extraction and folds it into the cases. */
export async function trackInvented(store: Store, r: InventedReport): Promise<TrackResult & { reportId: string }> {
  return store.db.transaction().execute(async (tx) => {
    const at = store.now().toISOString();
    const { report } = await insertReport(tx, at, { text: r.text, format: 'text', source: 'paste', title: r.title ?? null, published: r.published });
    const doc = inventedDoc(r);
    await saveExtraction(tx, store.engine, report.id, doc);
    const tracked = await trackReport(tx, at, 'test', { ...report, state: 'extracted', extraction: JSON.stringify(doc) }, doc);
    return { ...tracked, reportId: report.id };
  });
}
