import { useMemo } from 'preact/hooks';
import type { Mark } from '../segments.js';
import { offsetOf, segment } from '../segments.js';
import type { ExtractionDocument, VigilEvent } from '../types.js';

export interface ArticleProps {
  doc: ExtractionDocument;
  events: VigilEvent[];
  selected: string | null;
  /** Set while the analyst is choosing a mention for a role: entity mentions become the click targets. */
  picking: string | null;
  onEvent: (eventId: string) => void;
  /** A role picked in the text: an entity's mention, or any selected words (entity null). */
  onEntity: (entityId: string | null, start: number, end: number) => void;
}

/**
 * The report's own words with every layer drawn in place from its character offsets: names by
 * type, dates, quotes, event triggers, and the roles of the selected event. The text is set as
 * text nodes only, never as markup, whatever the report contains.
 */
export function Article({ doc, events, selected, picking, onEvent, onEntity }: ArticleProps) {
  const segs = useMemo(() => {
    const marks: Mark[] = [];
    for (const e of doc.entities) for (const m of e.mentions) marks.push({ start: m.start, end: m.end, kind: 'entity', ref: e.id, label: e.type });
    for (const t of doc.timexes) marks.push({ start: t.start, end: t.end, kind: 'timex', ref: t.value, label: `${t.type} ${t.value}` });
    for (const q of doc.quotes) marks.push({ start: q.start, end: q.end, kind: 'quote', ref: q.speakerText ?? '', label: `quote${q.speakerText ? ` — ${q.speakerText}` : ''}` });
    for (const v of events) marks.push({ start: v.trigger.start, end: v.trigger.end, kind: 'trigger', ref: v.id, label: v.type });
    const sel = events.find((v) => v.id === selected);
    if (sel) {
      for (const name of ['target', 'agent', 'principal', 'place', 'origin', 'destination'] as const) {
        const r = sel[name];
        if (!r) continue;
        if (r.start !== undefined && r.end !== undefined) marks.push({ start: r.start, end: r.end, kind: 'role', ref: name });
        else if (r.entity) for (const m of doc.entities.find((e) => e.id === r.entity)?.mentions ?? []) marks.push({ start: m.start, end: m.end, kind: 'role', ref: name });
      }
    }
    return segment(doc.text.length, marks);
  }, [doc, events, selected]);

  const click = (e: MouseEvent) => {
    const sel = getSelection();
    if (sel?.toString()) {
      // While picking a role, any selected words will do ("police in Las Anod"), not only a recognised name.
      if (!picking || !sel.rangeCount) return;
      const range = sel.getRangeAt(0);
      let start = offsetOf(range.startContainer, range.startOffset);
      let end = offsetOf(range.endContainer, range.endOffset);
      if (start === null || end === null || end <= start) return;
      while (start < end && /\s/.test(doc.text[start]!)) start++;
      while (end > start && /\s/.test(doc.text[end - 1]!)) end--;
      // Words that are exactly one mention of an entity are that entity; other words stand alone.
      const ent = doc.entities.find((x) => x.mentions.some((m) => m.start === start && m.end === end));
      sel.removeAllRanges();
      onEntity(ent?.id ?? null, start, end);
      return;
    }
    const el = (e.target as Element).closest('[data-s]');
    if (!el) return;
    const s = segs[Number(el.getAttribute('data-i'))];
    if (!s) return;
    const ent = s.marks.find((m) => m.kind === 'entity');
    if (picking && ent) {
      const mention = doc.entities.find((x) => x.id === ent.ref)?.mentions.find((m) => m.start <= s.start && m.end >= s.end);
      onEntity(ent.ref, mention?.start ?? ent.start, mention?.end ?? ent.end);
      return;
    }
    const trig = s.marks.find((m) => m.kind === 'trigger');
    if (trig) onEvent(trig.ref);
  };

  return (
    <div class={`article ${picking ? 'picking' : ''}`} onClick={click} data-testid="article">
      {segs.map((s, i) => {
        if (!s.marks.length) return <span key={i} data-s={s.start} data-i={i}>{doc.text.slice(s.start, s.end)}</span>;
        const cls: string[] = [];
        let title = '';
        for (const m of s.marks) {
          if (m.kind === 'entity') cls.push('ent', `ent-${m.label}`);
          if (m.kind === 'timex') cls.push('tx');
          if (m.kind === 'quote') cls.push('q');
          if (m.kind === 'trigger') cls.push('trg', m.ref === selected ? 'trg-on' : '');
          if (m.kind === 'role') cls.push('role', `role-${m.ref}`);
          title += `${title ? '; ' : ''}${m.kind === 'role' ? `${m.ref} of the selected event` : (m.label ?? m.kind)}`;
        }
        const ent = s.marks.find((m) => m.kind === 'entity');
        const trig = s.marks.find((m) => m.kind === 'trigger');
        return (
          <span key={i} data-s={s.start} data-i={i} class={cls.join(' ')} title={title} {...(ent ? { 'data-entity': ent.ref } : {})} {...(trig ? { 'data-event': trig.ref } : {})}>
            {doc.text.slice(s.start, s.end)}
          </span>
        );
      })}
    </div>
  );
}

export function Legend({ doc }: { doc: ExtractionDocument }) {
  const count = (t: string) => doc.entities.filter((e) => e.type === t).length;
  return (
    <p class="legend" aria-label="Legend">
      <span class="ent ent-PERSON">people {count('PERSON')}</span> <span class="ent ent-ORG">organisations {count('ORG')}</span> <span class="ent ent-LOC">places {count('LOC')}</span> <span class="tx">dates {doc.timexes.length}</span> <span class="q">quotes {doc.quotes.length}</span> <span class="trg">events {doc.events.length}</span>
    </p>
  );
}
