import { PLOVER } from '../../cases/plover.js';
import { escapeHtml } from '../../core/html.js';
import { listCases } from '../../storage/cases.js';
import type { Denied } from '../../storage/access.js';
import type { Cursor } from '../../storage/paging.js';
import type { Db } from '../../storage/store.js';
import type { EventType } from '../../text/types.js';
import type { CaseView } from '../cases/view.js';
import { caseView } from '../cases/view.js';

/** Every open case, in full (JSON export): read a page at a time (keyset, so page k costs what page 1 does). */
export async function allCases(db: Db, denied: Denied): Promise<CaseView[]> {
  const out: CaseView[] = [];
  let cursor: Cursor | undefined;
  for (;;) {
    const page = await listCases(db, { limit: 200, offset: 0, denied, ...(cursor ? { cursor } : {}) });
    for (const c of page) out.push(await caseView(db, c.id, denied));
    if (page.length < 200) return out;
    const last = page[page.length - 1]!;
    cursor = { at: last.last_news_at, id: last.id };
  }
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' | ') : String(v);
  // A leading = + - @ makes spreadsheets run the cell as a formula: neutralise it (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_COLUMNS = ['person_id', 'person', 'country', 'status', 'held_at', 'event_id', 'type', 'modality', 'date', 'precision', 'place', 'agent', 'sources', 'independent_sources', 'conflicting_dates', 'report_urls'] as const;

/** One row per timeline event, with its person and status: what a monitor's spreadsheet holds today. */
export function toCsv(cases: CaseView[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const c of cases) {
    for (const e of c.timeline) {
      const urls = [...new Set(e.sources.map((s) => s.url ?? `report:${s.reportId}`))];
      rows.push([c.id, c.name, c.country, c.status.status, c.heldAt?.place ?? null, e.id, e.type, e.modality, e.date, e.precision, e.place, e.agent, e.sources.length, e.independentSources, e.conflicts, urls].map(csvCell).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * PLOVER-style event records (the event-data ontology after CAMEO): event and mode from the
 * ontology's mapping, actor and recipient as text, the date, and each source with its span.
 */
export function toPlover(cases: CaseView[]) {
  return cases.flatMap((c) =>
    c.timeline
      .filter((e) => e.modality === 'asserted' || e.modality === 'reported')
      .map((e) => {
        const p = PLOVER[e.type as EventType];
        return {
          id: e.id,
          date: e.date,
          event: p.event_type,
          mode: p.mode ?? '',
          context: ['human_rights'],
          actor: e.agent ?? '',
          recipient: c.name,
          recipient_country: c.country ?? '',
          country: e.country ?? '',
          location: e.place ?? '',
          vigil_type: e.type,
          sources: e.sources.map((s) => ({ url: s.url, report_id: s.reportId, published: s.published, start: s.start, end: s.end, text: s.trigger })),
        };
      }),
  );
}


/** A case dossier as one self-contained HTML page: every fact followed by the reports it rests on. Report text is escaped, never trusted. */
export function toDossier(c: CaseView, generatedAt: string): string {
  const events = c.timeline
    .map((e) => {
      const sources = e.sources
        .map((s) => `<li><q>${escapeHtml(s.excerpt)}</q> — ${s.url ? `<a href="${escapeHtml(s.url)}" rel="noreferrer">${escapeHtml(s.title ?? s.url)}</a>` : escapeHtml(s.title ?? `report ${s.reportId}`)}${s.published ? `, ${escapeHtml(s.published)}` : ''} (characters ${s.start}–${s.end}${s.speaker ? `; according to ${escapeHtml(s.speaker)}` : ''})</li>`)
        .join('');
      const conflict = e.conflicts.length ? `<p class="conflict">Sources disagree on the date: ${e.conflicts.map(escapeHtml).join(', ')}</p>` : '';
      return `<section><h3>${escapeHtml(e.date ?? 'date unknown')} — ${escapeHtml(e.type.toLowerCase())}${e.modality !== 'asserted' ? ` (${escapeHtml(e.modality)})` : ''}</h3><p>${e.agent ? `By ${escapeHtml(e.agent)}. ` : ''}${e.place ? `At ${escapeHtml(e.place)}. ` : ''}${e.independentSources} independent source(s).</p>${conflict}<ul>${sources}</ul></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Dossier: ${escapeHtml(c.name)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#111}q{font-style:italic}.conflict{color:#9a3412}h3{margin-bottom:.25rem}</style></head>
<body><h1>${escapeHtml(c.name)}</h1>
<p>Status: <strong>${escapeHtml(c.status.status.replace(/_/g, ' '))}</strong>${c.status.since ? ` since ${escapeHtml(c.status.since)}` : ''} — ${escapeHtml(c.status.reason)}${c.status.overridden ? ' (set by an analyst)' : ''}</p>
<p>Also written: ${c.aliases.map((a) => escapeHtml(a.alias)).join(', ')}${c.country ? `. Country: ${escapeHtml(c.country)}` : ''}</p>
<h2>Timeline</h2>
${events || '<p>No events.</p>'}
<footer><p>Generated by Vigil on ${escapeHtml(generatedAt)}.</p></footer>
</body></html>`;
}
