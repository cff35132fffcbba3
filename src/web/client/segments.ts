/**
 * Cuts a report's text into runs that carry the same set of annotations, so that overlapping
 * layers (a name inside a quote, a date inside an event's sentence) can be shown together with
 * plain nested-free spans, each knowing its character offset. Offsets are UTF-16 code units,
 * as everywhere in Vigil.
 */
export interface Mark {
  start: number;
  end: number;
  kind: 'entity' | 'timex' | 'quote' | 'trigger' | 'role' | 'evidence';
  /** What the mark points at: an entity id, an event id, a role name… */
  ref: string;
  label?: string;
}

export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

export function segment(length: number, marks: Mark[]): Segment[] {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= length && m.end > m.start);
  const cuts = new Set<number>([0, length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let active: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    active = active.filter((m) => m.end > start);
    while (next < byStart.length && byStart[next]!.start <= start) active.push(byStart[next++]!);
    out.push({ start, end, marks: active.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}

/** The character offset of a DOM position inside a rendered segment (`data-s` holds its start). */
export function offsetOf(node: Node, offset: number): number | null {
  const el = node.nodeType === 3 ? node.parentElement : (node as Element);
  const seg = el?.closest?.('[data-s]');
  if (!seg) return null;
  const base = Number(seg.getAttribute('data-s'));
  return node.nodeType === 3 ? base + offset : base + (offset > 0 ? (seg.textContent ?? '').length : 0);
}
