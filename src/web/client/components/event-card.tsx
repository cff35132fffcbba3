import type { EditableRole, EventInput, RoleInput } from '../../../cases/corrections.js';
import { EDITABLE_ROLES } from '../../../cases/corrections.js';
import { EVENT_TYPES, MODALITIES } from '../../../text/types.js';
import { typeLabel } from './labels.js';
import type { Correction, ExtractionDocument, VigilEvent } from '../types.js';

export type Draft = EventInput;

/** Role names as the editor shows them, where the field's name is not a word. */
export const ROLE_LABEL: Partial<Record<EditableRole, string>> = { heldAt: 'held at' };

/** The event as an editable draft: roles as entity ids and offsets, never as free text. */
export function draftOf(v: VigilEvent): Draft {
  const roles: Partial<Record<EditableRole, RoleInput | null>> = {};
  for (const name of EDITABLE_ROLES) {
    const r = v[name];
    roles[name] = r ? { entity: r.entity, ...(r.start !== undefined && r.end !== undefined ? { start: r.start, end: r.end } : {}) } : null;
  }
  return { type: v.type, modality: v.modality, trigger: { start: v.trigger.start, end: v.trigger.end }, roles, date: v.date ? { value: v.date.value, precision: v.date.precision } : null };
}

export interface CardProps {
  doc: ExtractionDocument;
  event: VigilEvent;
  decision: Correction | undefined;
  draft: Draft | null;
  active: boolean;
  picking: EditableRole | null;
  canWrite: boolean;
  busy: boolean;
  onSelect: () => void;
  onDraft: (d: Draft) => void;
  onPick: (role: EditableRole | null) => void;
  onAccept: () => void;
  onReject: () => void;
  onSave: () => void;
  onUndo: () => void;
}

/** A role as the analyst reads it: the person or place it means ("his" and "the activist" name who they are), else its words. */
export const roleText = (doc: ExtractionDocument, r: RoleInput | null | undefined) => {
  if (!r) return '';
  const entity = r.entity ? doc.entities.find((e) => e.id === r.entity) : undefined;
  const words = r.start !== undefined && r.end !== undefined ? doc.text.slice(r.start, r.end) : '';
  if (entity && words && words !== entity.name && !entity.name.includes(words)) return `${entity.name} (“${words}”)`;
  return entity?.name ?? words;
};

/** One event of the report: its type, modality, roles and date, the decision on it, and the buttons to decide. */
export function EventCard(p: CardProps) {
  const { doc, event, decision, active } = p;
  const d = p.draft ?? draftOf(event);
  const state = decision?.action ?? 'machine';
  const set = (patch: Partial<Draft>) => p.onDraft({ ...d, ...patch });
  const dirty = p.draft !== null && JSON.stringify(p.draft) !== JSON.stringify(draftOf(event));
  return (
    <li class={`event-card ${active ? 'active' : ''} st-${state}`} data-event-id={event.id} aria-current={active ? 'true' : undefined}>
      <button type="button" class="head" onClick={p.onSelect} aria-expanded={active}>
        <strong>{typeLabel(event.type)}</strong> <span class="trigger">“{event.trigger.text}”</span>
        <span class={`badge st-${state}`}>{state === 'machine' ? `machine ${Math.round(event.confidence * 100)}%` : state}</span>
      </button>
      {!active && (
        <p class="summary">
          {event.target ? roleText(doc, draftOf(event).roles.target) : 'no target'}
          {event.target?.implied ? ' (implied)' : ''} · {event.modality}
          {event.date ? ` · ${event.date.value}` : ''}
        </p>
      )}
      {active && (
        <div class="editor">
          <div class="row">
            <label>Type
              <select value={d.type} disabled={!p.canWrite} onChange={(e) => set({ type: (e.target as HTMLSelectElement).value as Draft['type'] })}>
                {EVENT_TYPES.map((t) => <option key={t} value={t}>{typeLabel(t)}</option>)}
              </select>
            </label>
            <label>Modality
              <select value={d.modality} disabled={!p.canWrite} onChange={(e) => set({ modality: (e.target as HTMLSelectElement).value as Draft['modality'] })}>
                {MODALITIES.map((m) => <option key={m} value={m}>{m}</option>)}
              </select>
            </label>
          </div>
          <dl class="roles">
            {EDITABLE_ROLES.map((name) => {
              const r = d.roles[name];
              return (
                <div key={name} class={`role-row ${p.picking === name ? 'picking' : ''}`}>
                  <dt class={`role-${name}`}>{ROLE_LABEL[name] ?? name}</dt>
                  <dd>
                    <span class="value">{roleText(doc, r) || '—'}</span>
                    {r && event[name]?.implied && r.start === event[name]?.start && (
                      <span class="implied" title="not said in the event's sentence: taken from the sentences before">implied</span>
                    )}
                    {p.canWrite && (
                      <>
                        <button type="button" class="small" aria-pressed={p.picking === name} onClick={() => p.onPick(p.picking === name ? null : name)} title="then click a highlighted name in the text">
                          {p.picking === name ? 'click a name…' : 'pick'}
                        </button>
                        {r && <button type="button" class="small link" aria-label={`clear ${name}`} onClick={() => set({ roles: { ...d.roles, [name]: null } })}>clear</button>}
                      </>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
          <div class="row">
            <label>Date
              <input value={d.date?.value ?? ''} placeholder="YYYY-MM-DD" disabled={!p.canWrite} onInput={(e) => {
                const value = (e.target as HTMLInputElement).value.trim();
                set({ date: value ? { value, precision: value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day' } : null });
              }} />
            </label>
            {event.date?.anchor && <small class="hint">{event.date.anchor === 'stated' ? 'stated in the text' : `inferred from the ${event.date.anchor === 'publication' ? 'publication date' : 'previous date'}`}</small>}
          </div>
          {decision?.note && <p class="note">Note: {decision.note}</p>}
          {p.canWrite && (
            <div class="actions">
              <button type="button" onClick={p.onAccept} disabled={p.busy || dirty} title="a">Accept <kbd>a</kbd></button>
              <button type="button" class="primary" onClick={p.onSave} disabled={p.busy || !dirty} title="s">Save correction <kbd>s</kbd></button>
              <button type="button" class="danger" onClick={p.onReject} disabled={p.busy} title="r">Reject <kbd>r</kbd></button>
              {decision && <button type="button" class="link" onClick={p.onUndo} disabled={p.busy}>Undo decision <kbd>u</kbd></button>}
            </div>
          )}
        </div>
      )}
    </li>
  );
}
