import PDFDocument from 'pdfkit';
import type { Draft } from '../../cases/drafts.js';
import { escapeHtml } from '../../core/html.js';

function citeLabel(n: number[]): string {
  return n.map((k) => `[${k}]`).join('');
}

/** A draft as a stand-alone HTML page: sections, then the sources with the exact excerpt each fact was read from. */
export function draftHtml(d: Draft): string {
  const body = d.sections
    .map((s) => `<h2>${escapeHtml(s.heading)}</h2>\n${s.paragraphs.map((p) => `<p>${escapeHtml(p.text)}${p.cites.length ? ` <sup>${p.cites.map((n) => `<a href="#src-${n}">[${n}]</a>`).join('')}</sup>` : ''}</p>`).join('\n')}`)
    .join('\n');
  const sources = d.citations
    .map((c) => `<li id="src-${c.n}">${escapeHtml(c.title ?? (c.reportId ? `Report ${c.reportId}` : 'Caseworker record'))}${c.published ? `, ${escapeHtml(c.published)}` : ''}${c.url && /^https?:\/\//i.test(c.url) ? ` — <a href="${escapeHtml(c.url)}" rel="noreferrer">${escapeHtml(c.url)}</a>` : ''}${c.speaker ? `; source: ${escapeHtml(c.speaker)}${c.sourceKind ? ` (${escapeHtml(c.sourceKind)})` : ''}` : ''}${c.start !== null ? `; characters ${c.start}–${c.end}` : ''}<blockquote>${escapeHtml(c.excerpt)}</blockquote></li>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escapeHtml(d.title)}</title><style>body{font:15px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}blockquote{margin:.3em 0 .8em 1em;color:#444;font-size:.9em}sup a{text-decoration:none}</style></head><body><h1>${escapeHtml(d.title)}</h1>\n${body}\n<h2>Sources</h2><ol>${sources}</ol></body></html>`;
}

/** The same draft as a PDF (pdfkit, standard fonts: nothing fetched, nothing embedded from outside). */
export function draftPdf(d: Draft): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: d.title, Producer: 'Vigil' } });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font('Times-Bold').fontSize(16).text(d.title).moveDown();
    for (const s of d.sections) {
      doc.font('Times-Bold').fontSize(12).text(s.heading).moveDown(0.3);
      for (const p of s.paragraphs) doc.font('Times-Roman').fontSize(11).text(`${p.text}${p.cites.length ? ` ${citeLabel(p.cites)}` : ''}`).moveDown(0.4);
      doc.moveDown(0.4);
    }
    doc.font('Times-Bold').fontSize(12).text('Sources').moveDown(0.3);
    for (const c of d.citations) {
      doc.font('Times-Roman').fontSize(10).text(`[${c.n}] ${c.title ?? (c.reportId ? `Report ${c.reportId}` : 'Caseworker record')}${c.published ? `, ${c.published}` : ''}${c.url ? ` — ${c.url}` : ''}${c.speaker ? `; source: ${c.speaker}` : ''}${c.start !== null ? `; characters ${c.start}-${c.end}` : ''}`);
      doc.font('Times-Italic').fontSize(9).text(c.excerpt, { indent: 14 }).moveDown(0.3);
    }
    doc.end();
  });
}
