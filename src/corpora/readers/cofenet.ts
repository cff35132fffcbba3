/**
 * PolNeAR as the CofeNet authors converted it (../shared/data/polnear-cofenet-bio): one JSON
 * object a line — `tokens`, `labels` (B/I-source, B/I-cue, B/I-content, O) and `id`, the
 * PolNeAR annotation file the line comes from. Lines of one article are consecutive.
 */

export interface BioLine {
  tokens: string[];
  labels: string[];
  id: string;
}

export interface BioArticle {
  id: string;
  lines: BioLine[];
}

export function readCofenet(text: string): BioArticle[] {
  const out: BioArticle[] = [];
  text.split(/\r?\n/).forEach((raw, n) => {
    if (!raw.trim()) return;
    let row: unknown;
    try {
      row = JSON.parse(raw);
    } catch {
      throw new Error(`CofeNet BIO line ${n + 1}: not JSON`);
    }
    const r = row as Partial<BioLine>;
    if (!Array.isArray(r.tokens) || !Array.isArray(r.labels) || r.tokens.length !== r.labels.length || typeof r.id !== 'string') {
      throw new Error(`CofeNet BIO line ${n + 1}: needs tokens and labels of one length and an id`);
    }
    const line = { tokens: r.tokens, labels: r.labels, id: r.id };
    const last = out[out.length - 1];
    if (last?.id === line.id) last.lines.push(line);
    else out.push({ id: line.id, lines: [line] });
  });
  return out;
}

/** Spans [start, end) per kind from BIO labels, read as CofeNet's scorer reads them: an I- that does not continue its B- ends the span. */
export function bioSpans(labels: readonly string[]): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  let kind: string | undefined;
  let start = -1;
  const close = (end: number) => {
    if (kind !== undefined) {
      const list = out.get(kind) ?? [];
      list.push([start, end]);
      out.set(kind, list);
    }
    kind = undefined;
  };
  labels.forEach((label, i) => {
    if (label.startsWith('B-')) {
      close(i);
      kind = label.slice(2);
      start = i;
    } else if (label.startsWith('I-') && kind === label.slice(2)) {
      // continues
    } else close(i);
  });
  close(labels.length);
  return out;
}
