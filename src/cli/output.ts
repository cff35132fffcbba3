import type { VigilError } from '../core/errors.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import type { ExtractionDocument } from '../text/types.js';

/**
 * Writes an error on stderr: as a sentence when a person reads it at a terminal ("vigil: no such
 * case (not_found)"), else as one JSON line a script reads the code from.
 */
export function printError(err: VigilError, extra: Record<string, unknown> = {}, io: CliIo = processIo): void {
  const body = err.toJSON();
  if (io.errIsTerminal) {
    const where = Object.entries(extra).map(([k, v]) => `${k} ${String(v)}: `).join('');
    io.err(`vigil: ${where}${body.error.message} (${body.error.code})\n`);
    return;
  }
  io.err(`${JSON.stringify({ ...extra, error: body.error })}\n`);
}

/** A human-readable view of an extraction document (`--format pretty`). */
export function formatPretty(doc: ExtractionDocument): string {
  const lines: string[] = [];
  const head = [doc.id && `id ${doc.id}`, doc.title && `“${doc.title}”`, doc.byline && `by ${doc.byline}`, `published ${doc.published ?? 'unknown'}`].filter(Boolean);
  lines.push(head.join(' · '));
  lines.push(`${doc.sentences.length} sentences, ${doc.tokens.length} tokens`);
  doc.sentences.forEach((s, i) => lines.push(`  [${i}] ${s.start}–${s.end}  ${doc.text.slice(s.start, s.end).replace(/\s+/g, ' ')}`));
  if (doc.entities.length) {
    lines.push('entities');
    for (const e of doc.entities) lines.push(`  ${e.id} ${e.type} ${e.name}${e.country ? ` (${e.country})` : ''}${e.titles?.length ? ` — ${e.titles.join(', ')}` : ''} ×${e.mentions.length}`);
  }
  if (doc.timexes.length) {
    lines.push('dates');
    for (const t of doc.timexes) lines.push(`  ${t.text} → ${t.type} ${t.value}`);
  }
  if (doc.quotes.length) {
    lines.push('quotes');
    for (const q of doc.quotes) lines.push(`  ${q.kind} ${q.speakerText ?? q.speaker ?? '?'}: ${q.text}`);
  }
  if (doc.events.length) {
    lines.push('events');
    for (const v of doc.events) lines.push(`  ${v.id} ${v.type} “${v.trigger.text}” target=${v.target?.text ?? '—'} agent=${v.agent?.text ?? '—'} date=${v.date?.value ?? '—'} ${v.modality}`);
  }
  return lines.join('\n');
}
