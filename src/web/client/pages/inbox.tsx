import { BACKFILL_DAYS, isBackfill } from '../../../cases/alerts.js';
import { NOT_DONE, notDoneWord } from '../../../cases/modality-words.js';
import { useEffect, useState } from 'preact/hooks';
import { get, post, qs } from '../api.js';
import { useAction, useData } from '../components/hooks.js';
import { typeLabel, when } from '../components/labels.js';
import { TriageQueue } from '../components/triage.js';
import { linkProps, navigate } from '../router.js';
import type { Me, ReportItem } from '../types.js';
import { canWrite } from '../types.js';

/** New reports from pastes, feeds and imports, with what each brought in; the paste box on top. */
export function InboxPage({ me }: { me: Me }) {
  const [filter, setFilter] = useState({ q: '', source: '', state: '', alerts: '' });
  const list = useData(() => get<{ reports: ReportItem[] }>(`/reports${qs({ ...filter, limit: 100 })}`), [filter.q, filter.source, filter.state, filter.alerts], { ms: 1500, while: (d) => d.reports.some((r) => r.state === 'queued') });
  const set = (k: keyof typeof filter) => (e: Event) => setFilter({ ...filter, [k]: (e.target as HTMLInputElement).type === 'checkbox' ? ((e.target as HTMLInputElement).checked ? 'true' : '') : (e.target as HTMLInputElement).value });
  return (
    <div class="page inbox">
      {canWrite(me) && <PasteForm onAdded={() => void list.reload()} />}
      <TriageQueue me={me} version={list.data?.reports.filter((r) => r.state !== 'queued').length ?? 0} />
      <FollowUps />
      <section aria-labelledby="inbox-h">
        <h2 id="inbox-h">Inbox</h2>
        <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <input type="search" placeholder="Search titles and text" aria-label="Search reports" value={filter.q} onChange={set('q')} />
          <select aria-label="Source" value={filter.source} onChange={set('source')}>
            <option value="">All sources</option>
            <option value="paste">Pasted</option>
            <option value="url">Fetched</option>
            <option value="feed">Feeds</option>
            <option value="import">Imports</option>
          </select>
          <select aria-label="State" value={filter.state} onChange={set('state')}>
            <option value="">Any state</option>
            <option value="queued">Being read</option>
            <option value="extracted">Read</option>
            <option value="failed">Failed</option>
          </select>
          <label class="check"><input type="checkbox" checked={filter.alerts === 'true'} onChange={set('alerts')} /> raised alerts</label>
        </form>
        {list.error && <p class="error" role="alert">{list.error}</p>}
        {list.data?.reports.some((r) => r.findings.persons.some((p) => p.state === 'review')) && (
          <p class="legend">
            <span class="chip person review">Name</span> a dashed name may be someone already on file: open the case to confirm or reject the match.
          </p>
        )}
        {list.data && !list.data.reports.length && <p class="empty">No reports yet. Paste one above, or subscribe to a feed in Settings.</p>}
        <ul class="reports">
          {list.data?.reports.map((r) => <ReportRow key={r.id} r={r} />)}
        </ul>
      </section>
    </div>
  );
}

function ReportRow({ r }: { r: ReportItem }) {
  const f = r.findings;
  const open = f.alerts.filter((a) => !a.acknowledged).length;
  return (
    <li class={`report state-${r.state}`}>
      <a class="title" {...linkProps(`/reports/${r.id}`)}>{r.title || (r.lede ? <span class="untitled" title="no headline: the report's opening words">{r.lede}</span> : '(untitled report)')}</a>
      <div class="meta">
        <span>{r.published ?? 'no date'}</span> · <span>{r.source}</span> · <span>added {when(r.created_at)}</span>
        {isBackfill(r.published, r.created_at) && <> · <span class="badge" title={`published more than ${BACKFILL_DAYS} days before it was read: its alerts are listed, not pushed`}>backfill</span></>}
        {r.url && <> · <span class="url">{hostOf(r.url)}</span></>}
        {f.decisions > 0 && <> · <span class="reviewed">{f.decisions} reviewed</span></>}
      </div>
      {r.state === 'queued' && <div class="chips"><span class="chip muted">being read…</span></div>}
      {r.state === 'failed' && <div class="chips"><span class="chip bad">could not be read</span></div>}
      {r.state === 'extracted' && (
        <div class="chips">
          {f.persons.map((p) => (
            <a key={p.id} class={`chip person ${p.state === 'review' ? 'review' : ''}`} {...linkProps(`/cases/${p.id}`)} title={p.state === 'review' ? 'may be someone already on file: check the match' : undefined}>
              {p.name}
            </a>
          ))}
          {f.events.map((e) => (
            <span key={`${e.type}/${e.modality}`} class={`chip event ev-${e.type}${e.modality === 'asserted' ? '' : ' told-not-done'}`} title={e.modality === 'asserted' ? undefined : (NOT_DONE[e.modality as keyof typeof NOT_DONE]?.why ?? e.modality)}>
              {typeLabel(e.type)}
              {e.modality === 'asserted' ? '' : ` · ${notDoneWord(e.modality)}`}
            </span>
          ))}
          {open > 0 && <span class="chip alert">{open} alert{open > 1 ? 's' : ''}</span>}
          {f.possible > 0 && <span class="chip review">{f.possible} possible case{f.possible > 1 ? 's' : ''}</span>}
          {!f.persons.length && !f.eventTypes.length && !f.possible && (
            <a class="chip muted" {...linkProps(`/reports/${r.id}`)} title="no case opened and nothing held for triage: whatever the reading found befell no one read as at risk. Open the report to review its events, or accept one to open a case.">
              no case opened · review
            </a>
          )}
        </div>
      )}
    </li>
  );
}

function hostOf(url: string) {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function PasteForm({ onAdded }: { onAdded: () => void }) {
  const [kind, setKind] = useState<'text' | 'html' | 'url'>('text');
  const action = useAction();
  const [note, setNote] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const [dated, setDated] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const body = { [kind]: d.content, ...(d.published ? { published: d.published } : {}), ...(d.title ? { title: d.title } : {}), ...(kind !== 'url' && d.source ? { url: d.source } : {}) };
    const r = await action.run(() => post<{ reportId: string; duplicate: boolean; warnings: string[] }>('/reports', body));
    if (!r) return;
    form.reset();
    setDated(false);
    setNote(r.duplicate ? 'This report is already stored.' : r.warnings.length ? `Note: ${r.warnings.join('; ')}.` : `Published ${d.published}.`);
    setPending(r.duplicate ? null : r.reportId);
    onAdded();
    if (r.duplicate) navigate(`/reports/${r.reportId}`);
  };
  return (
    <section class="paste" aria-labelledby="paste-h">
      <h2 id="paste-h">Add a report</h2>
      <form onSubmit={submit}>
        <div class="tabs" role="radiogroup" aria-label="What you are adding">
          {(['text', 'html', 'url'] as const).map((k) => (
            <label key={k} class={kind === k ? 'on' : ''}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {k === 'text' ? 'Text' : k === 'html' ? 'Saved page (HTML)' : 'Web address'}
            </label>
          ))}
        </div>
        {kind === 'url' ? <input name="content" type="url" required placeholder="https://…" aria-label="Address of the report" /> : <textarea name="content" required rows={7} placeholder={kind === 'text' ? 'Paste the article: headline, then the text' : 'Paste the page source'} aria-label="Report" />}
        <div class="row">
          <label>Published<input name="published" type="date" onInput={(e) => setDated(!!(e.target as HTMLInputElement).value)} /></label>
          <label>Title <small>(optional)</small><input name="title" /></label>
          {kind !== 'url' && <label>Source address <small>(optional)</small><input name="source" type="url" placeholder="https://…" /></label>}
        </div>
        {kind !== 'url' && !dated && <p class="hint" id="date-hint">No publication date given: Vigil uses the page's own date if it has one; otherwise “Tuesday” or “last week” stay unresolved.</p>}
        {action.error && <p class="error" role="alert">{action.error}</p>}
        {(note || pending) && (
          <div class="notice" role="status">
            {pending && <ReadingState id={pending} onRead={onAdded} />} {note}
          </div>
        )}
        <button class="primary" disabled={action.busy}>Read this report</button>
      </form>
    </section>
  );
}


/** What became of a report just pasted: being read, then what was found in it, with a link to review it. */
function ReadingState({ id, onRead }: { id: string; onRead: () => void }) {
  const r = useData(() => get<{ state: string; error: string | null; extraction: { entities: { type: string }[]; events: unknown[] } | null }>(`/reports/${id}`), [id], { ms: 1000, while: (d) => d.state === 'queued' });
  const state = r.data?.state;
  useEffect(() => {
    if (state && state !== 'queued') onRead();
  }, [state]);
  if (!r.data || state === 'queued') return <span>Stored; it is being read…</span>;
  if (state === 'failed') return <span class="bad">Stored, but it could not be read{r.data.error ? `: ${r.data.error}` : ''}.</span>;
  const people = r.data.extraction?.entities.filter((e) => e.type === 'PERSON').length ?? 0;
  const events = r.data.extraction?.events.length ?? 0;
  return (
    <span>
      Read: {people} {people === 1 ? 'person' : 'people'} and {events} {events === 1 ? 'event' : 'events'} found. <a {...linkProps(`/reports/${id}`)}>Review it</a>.
    </span>
  );
}

/** Follow-ups due today or overdue, on the cases this user may see. */
function FollowUps() {
  const due = useData(() => get<{ followUps: { id: string; person_id: string; person: string; contact: string; follow_up_on: string; summary: string }[] }>('/follow-ups'), []);
  if (!due.data?.followUps.length) return null;
  return (
    <section class="follow-ups" aria-label="Follow-ups due">
      <h2>Follow-ups due</h2>
      <ul class="plain">
        {due.data.followUps.map((f) => (
          <li key={f.id}>
            <span class="badge warn">{f.follow_up_on}</span> <a {...linkProps(`/cases/${f.person_id}`)}>{f.person}</a>: {f.contact} — {f.summary}
          </li>
        ))}
      </ul>
    </section>
  );
}
