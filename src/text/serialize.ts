import { VigilError } from '../core/errors.js';
import { Doc, LAYER_NAMES } from './doc.js';
import type { Sentence, Token } from './doc.js';
import type { ExtractionDocument, TokenJSON } from './types.js';
import { validateLayer } from './validate.js';

/** The extraction document for `doc`, exactly as ../shared/spec/EXTRACTION-FORMAT.md lays it out. */
export function toExtraction(doc: Doc): ExtractionDocument {
  const { id, published, title, byline, url } = doc.meta;
  return {
    ...(id !== undefined ? { id } : {}),
    published: published ?? null,
    ...(title !== undefined ? { title } : {}),
    ...(byline !== undefined ? { byline } : {}),
    ...(url !== undefined ? { url } : {}),
    text: doc.text,
    offsets: 'utf16',
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    tokens: doc.tokens.map((t): TokenJSON => (t.fused ? { start: t.start, end: t.end, fused: true } : { start: t.start, end: t.end })),
    entities: doc.entities,
    timexes: doc.timexes,
    quotes: doc.quotes,
    events: doc.events,
    ...(doc.risk ? { risk: doc.risk } : {}),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayField(json: Record<string, unknown>, name: string): unknown[] {
  const v = json[name];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new VigilError('invalid_input', `"${name}" must be an array`);
  return v;
}

function offsetsOf(v: unknown, what: string): { start: number; end: number } {
  if (!isObject(v) || typeof v.start !== 'number' || typeof v.end !== 'number') {
    throw new VigilError('invalid_input', `${what} needs numeric "start" and "end"`);
  }
  return { start: v.start, end: v.end };
}

/**
 * Rebuilds a Doc from an extraction document, checking every layer's invariants.
 * Sentences are re-attached to tokens by offset; a layer that is absent stays unassigned.
 */
export function fromExtraction(input: unknown): Doc {
  if (!isObject(input)) throw new VigilError('invalid_input', 'an extraction document must be a JSON object');
  if (typeof input.text !== 'string') throw new VigilError('invalid_input', '"text" must be a string');
  if (input.offsets !== undefined && input.offsets !== 'utf16') throw new VigilError('invalid_input', `unsupported offsets unit ${JSON.stringify(input.offsets)}`);
  const str = (k: string): string | undefined => (typeof input[k] === 'string' ? (input[k] as string) : undefined);
  const meta = { id: str('id'), published: str('published'), title: str('title'), byline: str('byline'), url: str('url') };
  const doc = new Doc(input.text, Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)));
  const text = input.text;

  if (input.tokens !== undefined) {
    doc.tokens = arrayField(input, 'tokens').map((raw, i): Token => {
      const { start, end } = offsetsOf(raw, `token ${i}`);
      const ws = text.charCodeAt(end);
      return { i, start, end, text: text.slice(start, end), spaceAfter: ws === 32 || ws === 10 || ws === 9 || ws === 13 || ws === 160, fused: isObject(raw) && raw.fused === true };
    });
    doc.assigned.add('tokens');
  }
  if (input.sentences !== undefined) {
    let t = 0;
    doc.sentences = arrayField(input, 'sentences').map((raw, i): Sentence => {
      const { start, end } = offsetsOf(raw, `sentence ${i}`);
      const tokenStart = t;
      while (t < doc.tokens.length && doc.tokens[t]!.start < end) t++;
      return { start, end, tokenStart, tokenEnd: t };
    });
    doc.assigned.add('sentences');
  }
  // The remaining layers are stored as they are, then checked field by field.
  doc.entities = arrayField(input, 'entities') as Doc['entities'];
  doc.timexes = arrayField(input, 'timexes') as Doc['timexes'];
  doc.quotes = arrayField(input, 'quotes') as Doc['quotes'];
  doc.events = arrayField(input, 'events') as Doc['events'];
  for (const layer of ['entities', 'timexes', 'quotes', 'events'] as const) {
    if (input[layer] !== undefined) doc.assigned.add(layer);
  }
  if (input.risk !== undefined) {
    const r = input.risk;
    if (!isObject(r) || !isObject(r.relevance) || !Array.isArray(r.relevance.reasons) || !Array.isArray(r.persons)) {
      throw new VigilError('invalid_input', '"risk" needs "relevance" {score, reasons} and "persons"');
    }
    doc.risk = r as unknown as NonNullable<Doc['risk']>;
    doc.assigned.add('risk');
  }
  const problems: string[] = [];
  for (const layer of LAYER_NAMES) {
    if (!doc.assigned.has(layer)) continue;
    if (layer !== 'tokens' && layer !== 'sentences' && layer !== 'risk' && !arrayField(input, layer).every(isObject)) {
      problems.push(`${layer}: every item must be an object`);
      continue;
    }
    problems.push(...validateLayer(doc, layer));
  }
  if (problems.length > 0) {
    throw new VigilError('invalid_input', `invalid extraction document: ${problems.slice(0, 5).join('; ')}`, { problems });
  }
  return doc;
}
