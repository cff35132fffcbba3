import { useState } from 'preact/hooks';
import { api, get, post } from '../api.js';
import { formFields, useAction, useData } from '../components/hooks.js';
import { STATUS_LABEL, statusLabel, typeLabel, when } from '../components/labels.js';
import { CaseAccess } from '../components/case-access.js';
import { QuickNotes, SOURCE_KINDS, Statements, Whereabouts } from '../components/casework.js';
import { Drafts } from '../components/drafts.js';
import { ShareCase } from '../components/sharing.js';
import { MatchReviews } from '../components/match-reviews.js';
import { Outreach } from '../components/outreach.js';
import { TimelineChart } from '../components/timeline-chart.js';
import { linkProps, navigate } from '../router.js';
import { AtRiskAssessment } from '../components/triage.js';
import type { CaseView, Me } from '../types.js';
import { canWrite } from '../types.js';

/** A case: who, where they are now and why we think so, the drawn timeline with every source, the alerts, the exports. */
export function CasePage({ id, me }: { id: string; me: Me }) {
  const view = useData(() => get<CaseView>(`/cases/${id}`), [id]);
  const [focus, setFocus] = useState<string | null>(null);
  const [reveal, setReveal] = useState(false);
  const v = view.data;
  if (view.error) return <p class="error" role="alert">{view.error}</p>;
  if (!v) return <p class="boot">Loading the case…</p>;
  const setter = v.timeline.find((e) => e.id === v.status.eventId);
  const open = v.alerts.filter((a) => !a.acknowledged_at);
  return (
    <div class="page case">
      <header class="page-head case-head">
        <div>
          <h1>
            {reveal ? v.realName : v.name}
            {v.restricted && <span class="badge lock" title="restricted to its members">🔒 restricted</span>}
            {v.codeName && v.restricted && <button type="button" class="small link" onClick={() => setReveal(!reveal)}>{reveal ? 'show code name' : 'reveal name'}</button>}
          </h1>
          <p class="meta">
            <span data-testid="case-country" title={v.countryBasis === 'events' ? 'where the events happen' : v.countryBasis === 'nationality' ? "the person's nationality" : v.countryBasis === 'reports' ? 'the country the reports name most' : ''}>{v.country ?? 'no report says which country'}</span>
            {v.titles.length > 0 && <> · {v.titles.join(', ')}</>}
            {' · '}last news {when(v.last_news_at)}
          </p>
          {(reveal || !v.codeName) && v.aliases.length > 1 && (
            <p class="aliases" data-testid="aliases">
              Also written:{' '}
              {v.aliases.filter((a) => a.alias !== v.realName).map((a, i) => (
                <span key={a.alias}>{i > 0 && ' · '}<span lang={a.script === 'Latn' || !a.script ? undefined : 'und'}>{a.alias}</span>{a.script && a.script !== 'Latn' && <small class="badge">{a.script}{a.kind === 'original' ? ', original' : ''}</small>}</span>
              ))}
            </p>
          )}
          {canWrite(me) && <AddName caseId={v.id} onDone={() => void view.reload()} />}
        </div>
        <div class={`status-box st-${v.status.status}`} data-testid="case-status">
          <span class="status-label">{statusLabel(v.status.status)}</span>
          <small>
            {v.status.overridden ? `set by an analyst: ${v.status.reason}` : v.status.reason}
            {setter && !v.status.overridden && !v.status.reason.toLowerCase().includes(typeLabel(setter.type).toLowerCase()) && <> — from the {typeLabel(setter.type).toLowerCase()} {setter.date ? `of ${setter.date}` : ''}</>}
          </small>
          <HeldAt v={v} />
        </div>
      </header>
      <div class="case-actions">
        <a class="button" href={`/api/cases/${v.id}/dossier`} target="_blank" rel="noopener">Dossier (HTML)</a>
        <a class="button" href={`/api/cases/${v.id}`} download={`case-${v.id}.json`}>Case as JSON</a>
        {canWrite(me) && <StatusOverride v={v} onDone={() => void view.reload()} />}
      </div>
      <MatchReviews view={v} canWrite={canWrite(me)} onDone={() => void view.reload()} />
      {canWrite(me) && <SplitMerge v={v} />}
      {open.length > 0 && (
        <section class="case-alerts" aria-label="Open alerts">
          {open.map((a) => <p key={a.id} class="alert-line" role="alert">⚠ {a.rule && <span class="badge rule" data-testid="alert-rule">rule: {a.rule}</span>} {a.message} <small>{when(a.raised_at)}</small></p>)}
        </section>
      )}
      <AtRiskAssessment mentions={v.mentions} />
      <div class="case-grid">
        <Whereabouts caseId={v.id} canWrite={canWrite(me)} />
        <QuickNotes caseId={v.id} canWrite={canWrite(me)} />
      </div>
      <section aria-labelledby="tl-h">
        <h2 id="tl-h">Timeline</h2>
        <div class="chart-wrap">
          <TimelineChart view={v} onSelect={(eid) => { setFocus(eid); document.getElementById(`ev-${eid}`)?.scrollIntoView({ block: 'nearest' }); }} />
        </div>
        <ol class="timeline">
          {v.timeline.map((e) => (
            <li key={e.id} id={`ev-${e.id}`} class={`tl-row mod-${e.modality} ${focus === e.id ? 'focus' : ''} ${e.id === v.status.eventId ? 'setter' : ''}`}>
              <div class="tl-head">
                <strong>{typeLabel(e.type)}</strong> <span class="when">{e.date ?? 'date unknown'}</span>
                {e.modality !== 'asserted' && <span class="badge">{e.modality}</span>}
                {e.place && <span> · in {e.place}</span>}
                {e.agent && <span> · by {e.agent}</span>}
                <span class="badge">{e.independentSources} independent source{e.independentSources === 1 ? '' : 's'}</span>
                {e.conflicts.length > 1 && <span class="badge warn" title="the sources disagree on the date">dates differ: {e.conflicts.join(' / ')}</span>}
              </div>
              <ul class="sources">
                {e.sources.map((s) => (
                  <li key={`${s.reportId}-${s.eventId}`}>
                    <a {...linkProps(`/reports/${s.reportId}`)}>{s.title ?? 'report'}</a> <small>{s.published ?? ''} · {Math.round(s.confidence * 100)}%{s.speaker ? ` · according to ${s.speaker}` : ''}</small>{' '}
                    {s.via && <span class="badge via" title="this fact came in a partner's signed bundle">via {s.via}</span>}{' '}
                    <SourceGrade caseId={v.id} s={s} canWrite={canWrite(me)} onDone={() => void view.reload()} />
                    <blockquote>…{s.excerpt}…</blockquote>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
      <Statements caseId={v.id} canWrite={canWrite(me)} />
      <Outreach caseId={v.id} canWrite={canWrite(me)} />
      <Drafts caseId={v.id} canWrite={canWrite(me)} />
      <CaseAccess v={v} canWrite={canWrite(me)} onDone={() => void view.reload()} />
      <ShareCase v={v} canWrite={canWrite(me)} />
    </div>
  );
}

type Source = CaseView['timeline'][number]['sources'][number];

/** The source's grade as badges; an analyst can change it (kind, first- or second-hand, confidence). */
function SourceGrade({ caseId, s, canWrite: write, onDone }: { caseId: string; s: Source; canWrite: boolean; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const d = formFields(e);
    if (await action.run(() => api('PUT', `/cases/${caseId}/sources/${s.id}/grade`, { sourceKind: d.sourceKind, hand: d.hand, confidence: Number(d.confidence) / 100 }))) {
      setOpen(false);
      onDone();
    }
  };
  return (
    <span class="grade" data-testid="source-grade">
      {s.sourceKind && <span class={`badge src-${s.sourceKind}`}>{s.sourceKind}</span>}
      {s.hand && <span class="badge">{s.hand}-hand</span>}
      {s.gradedBy && <span class="badge" title="graded by an analyst">✓ graded</span>}
      {write && !open && <button type="button" class="small link" onClick={() => setOpen(true)}>grade</button>}
      {open && (
        <form class="inline" onSubmit={submit}>
          <select name="sourceKind" aria-label="Source kind">{SOURCE_KINDS.map((k) => <option key={k} selected={k === (s.sourceKind ?? 'media')}>{k}</option>)}</select>
          <select name="hand" aria-label="Hand"><option value="first" selected={s.hand !== 'second'}>first-hand</option><option value="second" selected={s.hand === 'second'}>second-hand</option></select>
          <input name="confidence" type="number" min={0} max={100} defaultValue={String(Math.round(s.confidence * 100))} aria-label="Confidence %" />
          <button disabled={action.busy}>Save grade</button>
          {action.error && <span class="error" role="alert">{action.error}</span>}
        </form>
      )}
    </span>
  );
}

function StatusOverride({ v, onDone }: { v: CaseView; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const d = formFields(e);
    const ok = await action.run(() => api('PUT', `/cases/${v.id}/status`, { status: d.status || null, reason: d.reason }));
    if (ok) {
      setOpen(false);
      onDone();
    }
  };
  if (!open) return <button type="button" onClick={() => setOpen(true)}>Set status…</button>;
  return (
    <form class="override" onSubmit={submit}>
      <select name="status" aria-label="Status">
        <option value="">(clear: use the derived status)</option>
        {Object.keys(STATUS_LABEL).map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
      </select>
      <input name="reason" required placeholder="Why (e.g. his lawyer saw him today)" aria-label="Reason" />
      <button disabled={action.busy}>Save</button>
      <button type="button" class="link" onClick={() => setOpen(false)}>Cancel</button>
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </form>
  );
}

/** The name in its own script (Khmer, Thai, Arabic…); the server keeps its script and adds a transliteration. */
function AddName({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const name = String(new FormData(form).get('name'));
    if (await action.run(() => api('POST', `/cases/${caseId}/names`, { name, kind: 'original' }))) {
      form.reset();
      onDone();
    }
  };
  return (
    <details class="add-name">
      <summary>Add a name in its own script</summary>
      <form class="inline" onSubmit={submit}>
        <input name="name" required aria-label="Name in its own script" placeholder="e.g. the name in Khmer or Arabic" />
        <button disabled={action.busy}>Add name</button>
      </form>
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </details>
  );
}

/** Where the person is held, as a report says it (with its words), or that no report says. */
function HeldAt({ v }: { v: CaseView }) {
  if (!['detained', 'charged', 'convicted', 'deported'].includes(v.status.status)) return null;
  if (!v.heldAt) return <p class="held-at" data-testid="held-at">Held at: <em>place not stated</em> in any report</p>;
  return (
    <p class="held-at" data-testid="held-at">
      Held at: <strong>{v.heldAt.place}</strong>{' '}
      <small>— <a {...linkProps(`/reports/${v.heldAt.reportId}`)}>{v.heldAt.title ?? 'the report'}</a>{v.heldAt.excerpt && <>: “…{v.heldAt.excerpt}…”</>}</small>
    </p>
  );
}

/**
 * Undo a wrong merge from the case page: the names this case was told by, report by report;
 * the ones ticked become a case of their own, with the events they are the target of.
 */
function SplitMerge({ v }: { v: CaseView }) {
  const action = useAction();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const linked = v.mentions.filter((m) => m.state !== 'review');
  if (linked.length < 2) return null;
  const split = async () => {
    const made = await action.run(() => post<{ id: string }>(`/cases/${v.id}/split`, { mentions: [...picked] }));
    if (made) navigate(`/cases/${made.id}`);
  };
  return (
    <details class="split-merge">
      <summary>Not one person? Split names off into a case of their own</summary>
      <ul>
        {linked.map((m) => (
          <li key={m.id}>
            <label class="check">
              <input type="checkbox" checked={picked.has(m.id)} onChange={(e) => setPicked((p) => { const n = new Set(p); if ((e.target as HTMLInputElement).checked) n.add(m.id); else n.delete(m.id); return n; })} />
              “{m.name}” in <em>{m.title ?? 'a report'}</em>{m.published ? ` (${m.published.slice(0, 10)})` : ''}
            </label>
          </li>
        ))}
      </ul>
      <button type="button" onClick={split} disabled={action.busy || picked.size === 0 || picked.size === linked.length}>Split off as another person</button>
      {action.error && <p class="error" role="alert">{action.error}</p>}
    </details>
  );
}
