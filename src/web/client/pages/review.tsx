import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, get, post } from '../api.js';
import { Article, Legend } from '../components/article.js';
import type { Draft } from '../components/event-card.js';
import { EventCard, ROLE_LABEL, draftOf } from '../components/event-card.js';
import { useAction, useData } from '../components/hooks.js';
import { People, Quotes } from '../components/who-said.js';
import { offsetOf } from '../segments.js';
import type { EditableRole } from '../../../cases/corrections.js';
import type { Correction, Me, Report, VigilEvent } from '../types.js';
import { canWrite } from '../types.js';

interface Row {
  event: VigilEvent;
  decision: Correction | undefined;
}

/** The machine's events with the analysts' decisions: corrected ones as corrected, rejected ones kept (struck through) so they can be taken back, added ones last. */
function rowsOf(report: Report): Row[] {
  const byId = new Map(report.corrections.map((c) => [c.eventId, c]));
  const rows: Row[] = (report.extraction?.events ?? []).map((e) => {
    const c = byId.get(e.id);
    return { event: c?.event ?? e, decision: c };
  });
  for (const c of report.corrections) if (!report.extraction?.events.some((e) => e.id === c.eventId) && c.event) rows.push({ event: c.event, decision: c });
  return rows;
}

/** Everything read from one report on one screen: the text with its layers, and each event to accept, correct or reject. */
export function ReviewPage({ id, me }: { id: string; me: Me }) {
  const report = useData(() => get<Report>(`/reports/${id}`), [id], { ms: 1000, while: (r) => r.state === 'queued' });
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [picking, setPicking] = useState<EditableRole | null>(null);
  const [flash, setFlash] = useState('');
  const action = useAction();
  const write = canWrite(me);
  const r = report.data;
  const rows = useMemo(() => (r ? rowsOf(r) : []), [r]);
  const current = rows.find((x) => x.event.id === selected);

  const select = (eventId: string | null) => {
    setSelected(eventId);
    setDraft(null);
    setPicking(null);
  };
  const after = (what: string) => (res: { alerts: { message: string }[] } | undefined) => {
    if (!res) return;
    setFlash(`${what}.${res.alerts.length ? ` New alert: ${res.alerts.map((a) => a.message).join('; ')}` : ''}`);
    setDraft(null);
    setPicking(null);
    void report.reload();
  };
  const decide = (body: unknown, what: string) => current && action.run(() => post<{ alerts: { message: string }[] }>(`/reports/${id}/events/${current.event.id}/review`, body)).then(after(what));
  const accept = () => decide({ action: 'accept' }, 'Accepted');
  const reject = () => decide({ action: 'reject' }, 'Rejected');
  const save = () => draft && decide({ action: 'correct', event: draft }, 'Correction saved; the case was updated');
  const undo = () => current?.decision && action.run(() => api<{ alerts: { message: string }[] }>('DELETE', `/reports/${id}/events/${current.event.id}/review`)).then(after('Decision taken back'));
  const addFromSelection = async () => {
    const sel = getSelection();
    if (!sel || sel.isCollapsed || !r?.extraction) return action.setError('Select the words that tell the event in the text first (e.g. "was detained"), then press n.');
    const range = sel.getRangeAt(0);
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return action.setError('Select words inside the report text.');
    const res = await action.run(() => post<{ eventId: string; alerts: { message: string }[] }>(`/reports/${id}/events`, { event: { type: 'ARREST', modality: 'asserted', trigger: { start, end }, roles: {}, date: null } }));
    sel.removeAllRanges();
    after('Event added: set its type and roles, then save')(res);
    if (res) setSelected(res.eventId);
  };

  // The key handler is registered once and reads the latest state through a ref: a handler
  // re-registered in an effect would miss a key pressed between a render and its effect
  // (press "s" right after picking a role, and the save would see the draft before the pick).
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement || e.metaKey || e.ctrlKey || e.altKey) return;
    const i = rows.findIndex((x) => x.event.id === selected);
    if (e.key === 'j' || e.key === 'ArrowDown') select(rows[Math.min(rows.length - 1, i + 1)]?.event.id ?? null);
    else if (e.key === 'k' || e.key === 'ArrowUp') select(rows[Math.max(0, i - 1)]?.event.id ?? null);
    else if (e.key === 'Escape') {
      if (picking) setPicking(null);
      else select(null);
    } else if (!write) return;
    else if (e.key === 'a') void accept();
    else if (e.key === 'r') void reject();
    else if (e.key === 's') void save();
    else if (e.key === 'u') void undo();
    else if (e.key === 'n') void addFromSelection();
    else return;
    e.preventDefault();
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keys.current(e);
    addEventListener('keydown', listener);
    return () => removeEventListener('keydown', listener);
  }, []);

  if (report.error) return <p class="error" role="alert">{report.error}</p>;
  if (!r) return <p class="boot">Loading the report…</p>;
  const doc = r.extraction;
  return (
    <div class="page review">
      <header class="page-head">
        <h1>{r.title || '(untitled report)'}</h1>
        <p class="meta">
          {r.published ?? 'no publication date'} · {r.source}
          {r.url && <> · <a href={r.url} rel="noopener noreferrer nofollow" target="_blank">{r.url}</a></>}
          {r.byline && <> · {r.byline}</>}
        </p>
      </header>
      {r.state === 'queued' && <p class="notice" role="status">Being read… this page updates by itself.</p>}
      {r.state === 'failed' && <p class="error" role="alert">This report could not be read: {r.error}</p>}
      {doc && (
        <div class="review-grid">
          <section class="text-pane" aria-label="Report text">
            <Legend doc={doc} />
            {picking && <p class="notice picking-hint" role="status">Click a highlighted name, or select any words, for the <strong>{ROLE_LABEL[picking] ?? picking}</strong>; Esc to stop.</p>}
            <Article doc={doc} events={rows.filter((x) => x.decision?.action !== 'rejected').map((x) => x.event)} selected={selected} picking={picking} onEvent={select} onEntity={(entity, start, end) => {
              if (!picking || !current) return;
              const d = draft ?? draftOf(current.event);
              setDraft({ ...d, roles: { ...d.roles, [picking]: { entity, start, end } } });
              setPicking(null);
            }} />
          </section>
          <aside class="events-pane" aria-label="Events">
            <h2>Events <small>{rows.length}</small></h2>
            {/* a viewer reads: only the keys that move */}
            <p class="keys"><kbd>j</kbd>/<kbd>k</kbd> move{write && <> · <kbd>a</kbd> accept · <kbd>r</kbd> reject · <kbd>s</kbd> save · <kbd>u</kbd> undo · select text + <kbd>n</kbd> add</>}</p>
            {action.error && <p class="error" role="alert">{action.error}</p>}
            {flash && <p class="notice" role="status">{flash}</p>}
            {!rows.length && <p class="empty">No events found. Select the words that tell one and press <kbd>n</kbd>.</p>}
            <ul class="events">
              {rows.map((x) => (
                <EventCard key={x.event.id} doc={doc} event={x.event} decision={x.decision} draft={x.event.id === selected ? draft : null} active={x.event.id === selected} picking={x.event.id === selected ? picking : null} canWrite={write} busy={action.busy}
                  onSelect={() => select(x.event.id === selected ? null : x.event.id)} onDraft={setDraft} onPick={setPicking} onAccept={accept} onReject={reject} onSave={save} onUndo={undo} />
              ))}
            </ul>
            {write && <button type="button" onClick={addFromSelection}>Add event from selected text <kbd>n</kbd></button>}
            <Quotes doc={doc} onShow={(offset) => document.querySelector(`[data-s="${offset}"]`)?.scrollIntoView({ block: 'center' })} />
            <People doc={doc} />
          </aside>
        </div>
      )}
    </div>
  );
}
