import type { CaseView } from '../types.js';
import { typeLabel } from './labels.js';

type Entry = CaseView['timeline'][number];

const DAY = 86_400_000;
const W = 900;
const LANE = 34;

/** A date value as the first instant it covers ("2026-11" → 1 Nov); undated events sit at the day they were told. */
function instant(e: Entry, toldAt: string | null): number | null {
  const v = e.date ?? toldAt;
  if (!v) return null;
  const t = Date.parse(v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v.slice(0, 10));
  return Number.isNaN(t) ? null : t;
}

/**
 * The case's events drawn on a time axis: one mark per event, filled when asserted, hollow when
 * only reported or negated, a bar for conflicting dates, the event that set the status ringed.
 * Labels take the next free lane so that events on close days do not overwrite each other.
 */
export function TimelineChart({ view, onSelect }: { view: CaseView; onSelect: (id: string) => void }) {
  const points = view.timeline
    .map((e) => ({ e, t: instant(e, e.sources[0]?.published ?? null), conflict: e.conflicts.map((c) => Date.parse(c)).filter((x) => !Number.isNaN(x)) }))
    .filter((p): p is { e: Entry; t: number; conflict: number[] } => p.t !== null)
    .sort((a, b) => a.t - b.t);
  if (!points.length) return <p class="empty">No dated events to draw yet.</p>;
  const lo = Math.min(...points.map((p) => Math.min(p.t, ...p.conflict))) - DAY;
  const hi = Math.max(...points.map((p) => Math.max(p.t, ...p.conflict))) + DAY;
  const x = (t: number) => 40 + ((t - lo) / (hi - lo)) * (W - 80);
  const lanes: number[] = [];
  const placed = points.map((p) => {
    const px = x(p.t);
    let lane = lanes.findIndex((end) => end < px - 4);
    if (lane < 0) lane = lanes.length;
    lanes[lane] = px + 8 * (typeLabel(p.e.type).length + 2);
    return { ...p, px, lane };
  });
  const height = 60 + lanes.length * LANE;
  const axisY = height - 30;
  const span = hi - lo;
  const step = span > 400 * DAY ? 90 * DAY : span > 60 * DAY ? 14 * DAY : span > 14 * DAY ? 7 * DAY : DAY;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push(t);
  return (
    <svg class="timeline-chart" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`Timeline of ${points.length} events`} preserveAspectRatio="xMinYMin meet">
      <line x1={30} x2={W - 30} y1={axisY} y2={axisY} class="axis" />
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={axisY - 4} y2={axisY + 4} class="axis" />
          <text x={x(t)} y={axisY + 18} class="tick" text-anchor="middle">{new Date(t).toISOString().slice(span > 400 * DAY ? 0 : 5, 10)}</text>
        </g>
      ))}
      {placed.map(({ e, px, lane, conflict }) => {
        const y = 24 + lane * LANE;
        const solid = e.modality === 'asserted';
        const setter = view.status.eventId === e.id;
        return (
          <g key={e.id} class={`tl-event ev-${e.type} mod-${e.modality}`} tabIndex={0} role="button" aria-label={`${typeLabel(e.type)}, ${e.date ?? 'undated'}, ${e.modality}`} onClick={() => onSelect(e.id)} onKeyDown={(k) => k.key === 'Enter' && onSelect(e.id)}>
            <line x1={px} x2={px} y1={y + 6} y2={axisY} class="stem" />
            {conflict.length > 1 && <line x1={x(Math.min(...conflict))} x2={x(Math.max(...conflict))} y1={axisY - 8} y2={axisY - 8} class="conflict" />}
            {setter && <circle cx={px} cy={y} r={10} class="ring" />}
            <circle cx={px} cy={y} r={6} class={solid ? 'dot' : 'dot hollow'} />
            <text x={px + 12} y={y + 4} class="label">{typeLabel(e.type)}{e.modality !== 'asserted' ? ` (${e.modality})` : ''}</text>
          </g>
        );
      })}
    </svg>
  );
}
