import { useState } from 'preact/hooks';
import { api, get, post } from '../api.js';
import { useAction, useData } from './hooks.js';
import { when } from './labels.js';

interface Paragraph { text: string; cites: number[]; fact: boolean }
interface Draft { kind: 'appeal' | 'brief'; title: string; sections: { heading: string; paragraphs: Paragraph[] }[]; citations: { n: number; title: string | null; url: string | null; published: string | null; excerpt: string; speaker: string | null }[] }
interface Row { id: string; kind: string; updated_at: string; draft: Draft }

/** Urgent appeal and press brief: generated from the case, each fact with its sources, edited here, exported as HTML or PDF. */
export function Drafts({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const list = useData(() => get<{ drafts: Row[] }>(`/cases/${caseId}/drafts`), [caseId]);
  const action = useAction();
  const [editing, setEditing] = useState<Row | null>(null);
  const make = async (kind: 'appeal' | 'brief') => {
    const r = await action.run(() => post<{ id: string; draft: Draft }>(`/cases/${caseId}/drafts`, { kind }));
    if (r) {
      await list.reload();
      setEditing({ id: r.id, kind, updated_at: '', draft: r.draft });
    }
  };
  const save = async (e: Event) => {
    e.preventDefault();
    if (!editing) return;
    const form = new FormData(e.target as HTMLFormElement);
    const draft: Draft = { ...editing.draft, title: String(form.get('title')), sections: editing.draft.sections.map((s, i) => ({ ...s, paragraphs: s.paragraphs.map((p, j) => ({ ...p, text: String(form.get(`p-${i}-${j}`)) })) })) };
    if ((await action.run(() => api('PUT', `/cases/${caseId}/drafts/${editing.id}`, draft))) !== undefined) {
      setEditing(null);
      void list.reload();
    }
  };
  return (
    <section class="panel drafts" aria-label="Drafts">
      <h2>Appeals and briefs</h2>
      {canWrite && (
        <p>
          <button type="button" onClick={() => make('appeal')} disabled={action.busy}>Draft an urgent appeal</button> <button type="button" onClick={() => make('brief')} disabled={action.busy}>Draft a press brief</button>
        </p>
      )}
      <ul class="plain">
        {list.data?.drafts.map((d) => (
          <li key={d.id}>
            {d.draft.title} <small>{when(d.updated_at)}</small> <a href={`/api/cases/${caseId}/drafts/${d.id}/export?format=html`} target="_blank" rel="noopener">HTML</a> · <a href={`/api/cases/${caseId}/drafts/${d.id}/export?format=pdf`}>PDF</a>
            {canWrite && <button type="button" class="small link" onClick={() => setEditing(d)}>edit</button>}
          </li>
        ))}
      </ul>
      {editing && (
        <form class="draft-editor" onSubmit={save} data-testid="draft-editor">
          <input name="title" value={editing.draft.title} aria-label="Title" />
          {editing.draft.sections.map((s, i) => (
            <fieldset key={i}>
              <legend>{s.heading}</legend>
              {s.paragraphs.map((p, j) => (
                <div key={j} class="draft-para">
                  <textarea name={`p-${i}-${j}`} rows={3} aria-label={`${s.heading} paragraph ${j + 1}`}>{p.text}</textarea>
                  {p.cites.length > 0 && <span class="cites" data-testid="cites">{p.cites.map((n) => `[${n}]`).join('')}</span>}
                </div>
              ))}
            </fieldset>
          ))}
          <h3>Sources</h3>
          <ol class="citations">{editing.draft.citations.map((c) => <li key={c.n} value={c.n}>{c.title ?? 'report'}{c.published ? `, ${c.published}` : ''}{c.speaker ? ` — ${c.speaker}` : ''}: <q>{c.excerpt.slice(0, 200)}</q></li>)}</ol>
          <button disabled={action.busy}>Save draft</button> <button type="button" class="link" onClick={() => setEditing(null)}>Close</button>
        </form>
      )}
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </section>
  );
}
