import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaseView } from '../types.js';
import { typeLabel } from './labels.js';

type Entry = CaseView['timeline'][number];

const DAY = 86_400_000;
const LANE = 34;
/** Width of one character of a 13 px label and of a 12 px tick, near enough for layout. */
const LABEL_CHAR = 7.4;
const TICK_CHAR = 7;
const MARGIN = 16;

/** A date value as the first instant it covers ("2026-11" → 1 Nov); undated events sit at the day they were told. */
function instant(e: Entry, toldAt: string | null): number | null {
  const v = e.date ?? toldAt;
  if (!v) return null;
  const t = Date.parse(v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v.slice(0, 10));
  return Number.isNaN(t) ? null : t;
}

/** The drawn width follows the box it sits in, so labels keep their size on a phone and nothing is scaled away. */
function useBoxWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useEffect(() => {
    const measure = () => ref.current && setWidth(Math.max(280, Math.floor(ref.current.clientWidth)));
    measure();
    addEventListener('resize', measure);
    return () => removeEventListener('resize', measure);
  }, []);
  return [ref, width] as const;
}

/**
 * Axis ticks that never overprint: the step grows until a tick's label fits between its
 * neighbours, and the label says as much as the span needs (days, months, years).
 */
export function axisTicks(lo: number, hi: number, pixels: number): { t: number; label: string }[] {
  const span = hi - lo;
  const format = span > 3 * 365 * DAY ? (t: number) => new Date(t).toISOString().slice(0, 4) : span > 120 * DAY ? (t: number) => new Date(t).toISOString().slice(0, 7) : (t: number) => new Date(t).toISOString().slice(5, 10);
  const labelPx = format(lo).length * TICK_CHAR + 14;
  const steps = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826, 3652].map((d) => d * DAY);
  const step = steps.find((s) => (s / span) * pixels >= labelPx) ?? steps.at(-1)!;
  const ticks: { t: number; label: string }[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) {
    // Month and year steps fall on the first of a month (or of a year), so a label names its tick.
    const d = new Date(t);
    const snapped = step >= 365 * DAY ? Date.UTC(d.getUTCFullYear(), 0, 1) : step >= 30 * DAY ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) : t;
    const label = format(snapped);
    if (snapped >= lo && snapped <= hi && ticks.at(-1)?.label !== label) ticks.push({ t: snapped, label });
  }
  return ticks;
}

/**
 * Where each event's label goes: right of its mark, or left of it where the right edge would
 * clip it, in the first lane where it overlaps no other label.
 */
export function placeLabels(xs: number[], widths: number[], W: number): { lane: number; left: boolean }[] {
  const lanes: [number, number][][] = [];
  return xs.map((px, i) => {
    const w = widths[i]!;
    const left = px + 12 + w > W - 4;
    const from = left ? px - 12 - w : px - 8;
    const to = left ? px + 8 : px + 12 + w;
    let lane = lanes.findIndex((taken) => taken.every(([a, b]) => to + 6 < a || from - 6 > b));
    if (lane < 0) lane = lanes.push([]) - 1;
    lanes[lane]!.push([from, to]);
    return { lane, left };
  });
}

/**
 * The case's events drawn on a time axis: one mark per event, filled when asserted, hollow when
 * only reported or negated, a bar for conflicting dates, the event that set the status ringed.
 */
export function TimelineChart({ view, onSelect }: { view: CaseView; onSelect: (id: string) => void }) {
  const [box, W] = useBoxWidth();
  const points = view.timeline
    .map((e) => ({ e, t: instant(e, e.sources[0]?.published ?? null), conflict: e.conflicts.map((c) => Date.parse(c)).filter((x) => !Number.isNaN(x)) }))
    .filter((p): p is { e: Entry; t: number; conflict: number[] } => p.t !== null)
    .sort((a, b) => a.t - b.t);
  if (!points.length) return <p class="empty">No dated events to draw yet.</p>;
  const lo = Math.min(...points.map((p) => Math.min(p.t, ...p.conflict))) - DAY;
  const hi = Math.max(...points.map((p) => Math.max(p.t, ...p.conflict))) + DAY;
  const x = (t: number) => MARGIN + 8 + ((t - lo) / (hi - lo)) * (W - 2 * MARGIN - 16);
  const labelOf = (e: Entry) => `${typeLabel(e.type)}${e.modality !== 'asserted' ? ` (${e.modality})` : ''}`;
  const xs = points.map((p) => x(p.t));
  const layout = placeLabels(xs, points.map((p) => labelOf(p.e).length * LABEL_CHAR), W);
  const lanes = Math.max(...layout.map((l) => l.lane)) + 1;
  const height = 60 + lanes * LANE;
  const axisY = height - 30;
  const ticks = axisTicks(lo, hi, W - 2 * MARGIN - 16);
  return (
    <div class="chart-box" ref={box}>
      <svg class="timeline-chart" width={W} height={height} viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`Timeline of ${points.length} events`}>
        <line x1={MARGIN} x2={W - MARGIN} y1={axisY} y2={axisY} class="axis" />
        {ticks.map(({ t, label }) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={axisY - 4} y2={axisY + 4} class="axis" />
            <text x={x(t)} y={axisY + 18} class="tick" text-anchor="middle">{label}</text>
          </g>
        ))}
        {points.map(({ e, conflict }, i) => {
          const px = xs[i]!;
          const { lane, left } = layout[i]!;
          const y = 24 + lane * LANE;
          const solid = e.modality === 'asserted';
          const setter = view.status.eventId === e.id;
          return (
            <g key={e.id} class={`tl-event ev-${e.type} mod-${e.modality}`} tabIndex={0} role="button" aria-label={`${typeLabel(e.type)}, ${e.date ?? 'undated'}, ${e.modality}`} onClick={() => onSelect(e.id)} onKeyDown={(k) => k.key === 'Enter' && onSelect(e.id)}>
              <line x1={px} x2={px} y1={y + 6} y2={axisY} class="stem" />
              {conflict.length > 1 && <line x1={x(Math.min(...conflict))} x2={x(Math.max(...conflict))} y1={axisY - 8} y2={axisY - 8} class="conflict" />}
              {setter && <circle cx={px} cy={y} r={10} class="ring" />}
              <circle cx={px} cy={y} r={6} class={solid ? 'dot' : 'dot hollow'} />
              <text x={left ? px - 12 : px + 12} y={y + 4} class="label" text-anchor={left ? 'end' : 'start'}>{labelOf(e)}</text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
